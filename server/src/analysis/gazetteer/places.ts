/**
 * Place and person gazetteers, built once at module load from world-countries, the hand
 * lists in ../names/wordLists and the generated city / name lists. Everything is keyed by
 * the lower-cased surface form.
 */
import countries from 'world-countries';
import { CITY_NAMES, COMMON_WORDS, NAME_WORDS, PERSON_NAMES } from './generatedLists';
import { EXTRA_PLACES, PLACE_ALIASES, REGIONS, US_STATES } from '../names/wordLists';

/** What the gazetteer knows about one spelling of a place. */
export interface PlaceEntry {
  /** Lower-cased canonical name ("united states"); the entity key is `place:` + this. */
  canonical: string;
  /** Why it is a place: "gazetteer:country", "gazetteer:city", "alias:US" ... */
  rule: string;
  /** The entity key, `place:` + canonical, built once so every mention shares the string. */
  key: string;
}

/** Lower-cased place spelling → entry. Countries win over cities of the same name. */
export const PLACES = new Map<string, PlaceEntry>();
/** Lower-cased demonym ("russian", "russians") → canonical country name ("russia"). */
export const DEMONYMS = new Map<string, string>();

/** Lower-cased common English words ("police", "however"). */
export const COMMON = new Set(COMMON_WORDS.split('\n'));
/** Lower-cased given names, surnames and cities that are also everyday English words, beyond COMMON ("ferry"; "bush" is in COMMON). */
export const COMMON_NAME_WORDS = new Set(NAME_WORDS.split('\n'));
const PERSON_NAME_LIST = PERSON_NAMES.split('\n');

/**
 * Lower-cased personal names (first or last). A binary search over the sorted list: building a
 * 200,000-entry Set would cost more start-up time than all lookups of a session.
 */
export const PERSON_NAME_SET = {
  has(word: string): boolean {
    let lo = 0;
    let hi = PERSON_NAME_LIST.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = PERSON_NAME_LIST[mid];
      if (v === word) return true;
      if (v < word) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  },
};

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ASCII = /[^\x00-\x7f]/;

function addPlace(spelling: string, canonical: string, rule: string, overwrite = false): void {
  // News often drops accents ("Bogota", "Sao Paulo"): the plain spelling is a key too.
  if (NON_ASCII.test(spelling)) {
    const plain = spelling.normalize('NFD').replace(COMBINING_MARKS, '');
    if (plain !== spelling) addPlace(plain, canonical, rule, overwrite);
  }
  const key = spelling.toLowerCase().trim();
  if (!key || (!overwrite && PLACES.has(key))) return;
  PLACES.set(key, { canonical, rule, key: 'place:' + canonical });
}

// Independent countries first, so a shared demonym ("American") goes to the sovereign state.
const ordered = [...countries].sort((a, b) => Number(b.independent) - Number(a.independent));
for (const c of ordered) {
  const canonical = c.name.common.toLowerCase();
  addPlace(c.name.common, canonical, 'gazetteer:country', true);
  addPlace(c.name.official, canonical, 'gazetteer:country', true);
  for (const alt of c.altSpellings) {
    // Two-letter codes ("GB", "IN", "IT") collide with words; the known ones are in KNOWN_ACRONYMS.
    if (alt.length <= 3 && alt === alt.toUpperCase()) continue;
    addPlace(alt, canonical, `alias:${alt}`);
  }
  const eng = c.demonyms?.eng;
  if (eng) {
    for (const d of [eng.m, eng.f]) {
      if (!d) continue;
      const lower = d.toLowerCase();
      if (!DEMONYMS.has(lower)) DEMONYMS.set(lower, canonical);
      // Plural demonyms ("Russians", "Americans"); "British" and "French" have none.
      if (/[nie]$/.test(lower) && !DEMONYMS.has(lower + 's')) DEMONYMS.set(lower + 's', canonical);
    }
  }
}
for (const [alias, canonical] of PLACE_ALIASES) addPlace(alias, canonical, `alias:${alias}`, true);
for (const [name, canonical] of EXTRA_PLACES) addPlace(name, canonical, 'gazetteer:historical', true);
for (const state of US_STATES) addPlace(state, state, 'gazetteer:us-state');
for (const region of REGIONS) addPlace(region, region, 'gazetteer:region');
for (const city of CITY_NAMES.split('\n')) addPlace(city, city.toLowerCase(), 'gazetteer:city');
// English names of cities that GeoNames lists under their local name.
for (const [exonym, canonical] of [
  ['geneva', 'geneva'], ['kiev', 'kyiv'], ['zurich', 'zurich'], ['cologne', 'cologne'], ['the hague', 'the hague'], ['hague', 'the hague'],
  ['lucerne', 'lucerne'], ['gothenburg', 'gothenburg'], ['copenhagen', 'copenhagen'], ['bucharest', 'bucharest'], ['prague', 'prague'],
  ['belgrade', 'belgrade'], ['athens', 'athens'], ['lisbon', 'lisbon'], ['brussels', 'brussels'], ['vienna', 'vienna'], ['warsaw', 'warsaw'],
  ['rome', 'rome'], ['milan', 'milan'], ['naples', 'naples'], ['turin', 'turin'], ['florence', 'florence'], ['venice', 'venice'],
  ['munich', 'munich'], ['nuremberg', 'nuremberg'], ['seville', 'seville'], ['antwerp', 'antwerp'], ['beijing', 'beijing'],
  ['peking', 'beijing'], ['bombay', 'mumbai'], ['calcutta', 'kolkata'], ['madras', 'chennai'], ['saigon', 'ho chi minh city'],
  ['rangoon', 'yangon'], ['canton', 'guangzhou'], ['tehran', 'tehran'], ['teheran', 'tehran'], ['jerusalem', 'jerusalem'],
  ['gaza city', 'gaza city'], ['kharkov', 'kharkiv'], ['odessa', 'odesa'], ['lvov', 'lviv'], ['washington', 'washington'],
] as const) {
  addPlace(exonym, canonical, 'gazetteer:city');
}

// Demonyms that world-countries does not spell the way news does.
for (const [d, place] of [
  ['english', 'england'], ['scottish', 'scotland'], ['welsh', 'wales'], ['scots', 'scotland'], ['briton', 'united kingdom'],
  ['britons', 'united kingdom'], ['european', 'europe'], ['europeans', 'europe'], ['african', 'africa'], ['asian', 'asia'],
  ['arab', 'arab world'], ['arabs', 'arab world'], ['palestinian', 'palestine'], ['palestinians', 'palestine'],
  ['kurdish', 'kurdistan'], ['kurds', 'kurdistan'], ['soviet', 'soviet union'], ['taiwanese', 'taiwan'],
  ['kosovar', 'kosovo'], ['latin american', 'latin america'], ['western', 'west'], ['crimean', 'crimea'],
  ['moslem', 'islam'], ['moslems', 'islam'], ['islamic', 'islam'], ['chechen', 'chechnya'], ['chechens', 'chechnya'],
  ['zairean', 'dr congo'], ['zaireans', 'dr congo'], ['bosnian', 'bosnia and herzegovina'], ['bosnians', 'bosnia and herzegovina'],
  ['serb', 'serbia'], ['serbs', 'serbia'], ['croat', 'croatia'], ['croats', 'croatia'], ['yugoslav', 'yugoslavia'],
  ['yugoslavs', 'yugoslavia'], ['tajik', 'tajikistan'], ['tajiks', 'tajikistan'], ['hutu', 'rwanda'], ['hutus', 'rwanda'],
  ['tutsi', 'rwanda'], ['tutsis', 'rwanda'], ['azeri', 'azerbaijan'], ['azeris', 'azerbaijan'], ['uzbek', 'uzbekistan'],
  ['uzbeks', 'uzbekistan'], ['kazakh', 'kazakhstan'], ['kazakhs', 'kazakhstan'], ['uighur', 'xinjiang'], ['uyghur', 'xinjiang'],
  ['uighurs', 'xinjiang'], ['uyghurs', 'xinjiang'], ['tamil', 'sri lanka'], ['tamils', 'sri lanka'], ['sinhalese', 'sri lanka'],
  ['basque', 'basque country'], ['basques', 'basque country'], ['catalan', 'catalonia'], ['catalans', 'catalonia'],
  ['flemish', 'flanders'], ['pashtun', 'afghanistan'], ['pashtuns', 'afghanistan'], ['latino', 'latin america'],
  ['latinos', 'latin america'], ['hispanic', 'latin america'], ['hispanics', 'latin america'], ['surinamese', 'suriname'],
  ['thai', 'thailand'], ['thais', 'thailand'], ['slovak', 'slovakia'], ['slovaks', 'slovakia'], ['czechs', 'czechia'],
  ['filipino', 'philippines'], ['filipinos', 'philippines'], ['afghans', 'afghanistan'], ['iraqis', 'iraq'], ['israelis', 'israel'],
  ['pakistanis', 'pakistan'], ['bangladeshis', 'bangladesh'], ['kuwaitis', 'kuwait'], ['saudis', 'saudi arabia'], ['yemenis', 'yemen'],
] as const) {
  if (!DEMONYMS.has(d)) DEMONYMS.set(d, place);
}
// The last word of a two-word demonym alone ("Korean" from "South Korean") when no country claims it.
for (const [d, place] of [...DEMONYMS]) {
  const space = d.lastIndexOf(' ');
  if (space > 0 && !DEMONYMS.has(d.slice(space + 1))) DEMONYMS.set(d.slice(space + 1), place);
}
for (const [d, place] of [['american', 'united states'], ['americans', 'united states']] as const) {
  DEMONYMS.set(d, place);
}
