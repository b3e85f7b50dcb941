/**
 * Types a candidate name by its words and its context: lists and gazetteers, the shape of the
 * words (suffixes, "X of Y", a given name first), and the words around it ("in", "said",
 * "striker", "spokesman", "province").
 */
import { COMMON_WORD_GIVEN_NAMES, KNOWN_ACRONYMS, KNOWN_ORGS, NEWS_OUTLETS, PERSON_VERBS, SURNAME_PLACE_SUFFIXES } from '../wordLists';
import { DEMONYMS, PLACES } from '../../gazetteer/places';
import { KNOWN_NAMES } from '../../knowledge/knownNames';
import { F } from '../lexicon';
import { isSports, type Evidence } from './evidence';
import { orgContext } from './orgContext';
import { COMPASS, INITIAL, NAME_SHAPE, has, placeTyped, wordAfter, wordBefore, type Token, type Typed } from './token';

/** Nouns that name a place when followed by "of" ("the town of Tacambaro"). */
const PLACE_NOUNS = new Set([
  'village', 'town', 'city', 'province', 'region', 'island', 'islands', 'district', 'county', 'state', 'capital', 'suburb',
  'port', 'municipality', 'republic', 'area', 'enclave', 'outskirts', 'neighbourhood', 'neighborhood', 'commune', 'hamlet',
  'settlement', 'governorate', 'oblast', 'prefecture', 'kingdom', 'emirate', 'territory', 'coast', 'shores', 'streets',
]);
/** Lower-case nouns after a name that make it a place ("Stansted airport", "Kosevo stadium"). */
const PLACE_NOUNS_AFTER = new Set([
  'airport', 'stadium', 'province', 'region', 'district', 'county', 'river', 'valley', 'prison', 'airbase', 'harbour',
  'harbor', 'island', 'mountains', 'sanatorium', 'square', 'village', 'township', 'municipality', 'governorate', 'oblast',
  'prefecture', 'peninsula', 'strait', 'border', 'enclave', 'suburb', 'neighbourhood', 'neighborhood', 'canal', 'dam',
]);

/**
 * Buildings and monuments: the head of a place, not an organization ("Spasskaya Tower", "Winter
 * Palace", "Temple of Heaven"). "Church" and "Hall" are left out: "Church of England", "Hall of Fame".
 */
const FACILITY_HEADS = new Set([
  'tower', 'towers', 'palace', 'cathedral', 'mosque', 'temple', 'castle', 'fortress', 'monument', 'abbey', 'basilica',
  'synagogue', 'mausoleum', 'gate', 'pyramid', 'pyramids', 'citadel',
]);
/** Heads of government and institutional bodies that stay organizations after a country ("US Department of State"). */
const ORG_HEAD_NOUNS = new Set([
  'ministry', 'department', 'office', 'bureau', 'agency', 'directorate', 'secretariat', 'commission', 'committee',
  'council', 'institute', 'board', 'bank', 'university', 'academy', 'college', 'federation', 'association', 'union',
  'league', 'society', 'court', 'museum', 'organization', 'organisation', 'command', 'corps', 'army', 'party', 'fund',
]);

/** The token before the first "of" gap of a multi-word name ("Department" in "US Department of State"). */
function headBeforeOf(tokens: Token[], text: string): Token {
  for (let i = 1; i < tokens.length; i++) if (tokens[i].start - tokens[i - 1].end > 1 && / of /i.test(text.slice(tokens[i - 1].end, tokens[i].start))) return tokens[i - 1];
  return tokens[tokens.length - 1];
}

/** Last words of firms named after their founders ("Lehman Brothers", "Warner Bros"). */
const FAMILY_FIRMS = new Set(['brothers', 'bros', 'sons', 'partners', 'associates']);

/** ", 45," after a name: its age. */
const AGE_APPOSITION = /^ ?, ?\d{1,2} ?,/;
/** Attribution verbs written before the speaker ("said Henke"). */
const SAID_BEFORE = new Set(['said', 'says', 'added', 'asked', 'explained', 'recalled', 'wrote']);
/** A possessive followed by something only a person has ("Wang's family"). */
const PERSONAL_POSSESSION = /^ ?['’]s (?:wife|husband|son|daughter|father|mother|brother|sister|family|children|parents|widow|lawyer|lawyers|attorney|girlfriend|boyfriend|funeral|death|career|birthday|injury|knee|ankle|shoulder|health|rhythm|serve|forehand|backhand|debut|resignation|retirement)\b/;

/** Lower-case role nouns written right before a person's name ("striker Donato"). */
const PERSON_ROLE_BEFORE = new Set([
  'midfielder', 'striker', 'defender', 'goalkeeper', 'coach', 'manager', 'captain', 'forward', 'winger', 'spokesman',
  'spokeswoman', 'leader', 'chairman', 'secretary', 'senator', 'ambassador', 'envoy', 'commander', 'actor', 'actress',
  'singer', 'author', 'writer', 'player', 'rider', 'driver', 'skipper', 'batsman', 'bowler', 'keeper', 'opener', 'teammate',
  'compatriot', 'veteran', 'newcomer', 'spinner', 'seamer', 'centre', 'center', 'fly-half', 'scrum-half', 'prop', 'lock',
  'referee', 'umpire', 'trainer', 'jockey', 'boxer', 'golfer', 'sprinter', 'swimmer', 'cyclist', 'defenceman', 'quarterback',
  'pitcher', 'catcher', 'outfielder', 'infielder', 'shortstop', 'rookie', 'lawyer', 'attorney', 'prosecutor', 'judge',
]);
/** Lower-case nouns after a name that belong to an organization ("Tanjug spokesman"). */
const ORG_NOUNS_AFTER = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'shares', 'stock', 'executives', 'employees', 'workers', 'subsidiary',
  'shareholders', 'headquarters', 'chairman', 'ceo', 'board', 'bosses', 'management', 'stake', 'unit', 'plant', 'factory',
  'officials', 'militants', 'fighters', 'rebels', 'guerrillas', 'lawmakers', 'leadership', 'members',
]);

/** Bearings before "of" and a place ("east of Tavildara"). */
const BEARINGS = new Set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'outskirts', 'heart', 'centre', 'center']);
/** ", Scotland." / ", Fla 1996-08-30" after a word: the country or state, then the end of the clause or a date. */
const REGION_AFTER = /^ ?, ?(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)(?= ?[.;)\n]| \d|$)/u;

/** Context words before a name that point to a place ("in Kyiv", "near Grozny"). */
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'across', 'towards', 'toward']);

export function typeSingle(t: Token, evidence: Evidence, text: string): Typed | undefined {
  const l = t.lower;
  if (t.allCaps || l.includes('.')) {
    const known = KNOWN_ACRONYMS.get(l);
    if (known) return { kind: known[0], rule: 'acronym', canonical: known[1] };
  }
  const outlet = has(t, F.NEWS_OUTLETS) ? NEWS_OUTLETS.get(l) : undefined;
  if (outlet) return { kind: 'org', rule: 'list:news-outlet', canonical: outlet };
  const org = KNOWN_ORGS.get(l);
  if (org) return { kind: 'org', rule: 'list:org', canonical: org };
  // "the Fed", "Juventus": a listed name capitalised where a capital means something.
  const listed = t.ambiguous ? undefined : KNOWN_NAMES.get(l);
  if (listed) return { kind: listed, rule: 'list:knowledge' };
  // A word's flags may come from its form without the final period ("Ga." → "ga"): look up both.
  if (has(t, F.PLACES)) {
    const place = PLACES.get(l) ?? PLACES.get(l.replace(/\.$/, ''));
    if (place) return placeTyped(place);
  }
  if (has(t, F.DEMONYMS)) {
    const demonym = DEMONYMS.get(l) ?? DEMONYMS.get(l.replace(/\.$/, ''));
    if (demonym) return { kind: 'place', rule: 'demonym', canonical: demonym, demonym: true };
  }
  if (t.allCaps && t.text.length <= 6 && !has(t, F.COMMON)) return { kind: 'org', rule: 'acronym' };
  if (t.allCaps && t.shouting && t.info.midAny === 0) return undefined;
  if (has(t, F.EVENT_SUFFIXES) || has(t, F.ORG_SUFFIXES)) return undefined;
  // "carmaker Vireo", "Pirelli 's board", "Le Matin newspaper": the words around say organization.
  if (!t.allCaps || !t.shouting) {
    if (orgContext(text, t.start, t.end, has(t, F.PERSON_NAME_SET))) return { kind: 'org', rule: 'context:org-noun' };
  }
  // "Simmons said": a name-like word before a speech verb is a person ("Google said" is not).
  if (has(t, F.PERSON_NAME_SET) && !has(t, F.COMMON) && PERSON_VERBS.has(wordAfter(text, t.end))) return { kind: 'person', rule: 'context:verb' };
  const before = wordBefore(text, t.start);
  // "the village of Layron", "east of Tavildara", "Stansted airport", "Sharqiyah province": a place noun or a bearing says so.
  if ((before === 'of' && (PLACE_NOUNS.has(wordBefore(text, t.start - 3)) || BEARINGS.has(wordBefore(text, t.start - 3)))) || PLACE_NOUNS_AFTER.has(wordAfter(text, t.end))) {
    return { kind: 'place', rule: 'context:place-noun' };
  }
  // "over Lockerbie, Scotland.", "Jacksonville, Fla.": a word before a comma and the country or
  // state it lies in, at the end of a clause, is a town there.
  if (text.charCodeAt(t.end) === 44 || text.charCodeAt(t.end + 1) === 44) {
    const region = REGION_AFTER.exec(text.slice(t.end, t.end + 40));
    if (region && PLACES.has(region[1].toLowerCase().replace(/\.$/, ''))) return { kind: 'place', rule: 'context:place-region' };
  }
  // "Wang, 45, was sentenced": an age in apposition; "said Henke": an inverted attribution;
  // "Jansher's rhythm", "Wang's family": a person's possessions.
  const tail = text.slice(t.end, t.end + 24);
  if (AGE_APPOSITION.test(tail) || (SAID_BEFORE.has(before) && NAME_SHAPE.test(t.text) && !has(t, F.COMMON)) || PERSONAL_POSSESSION.test(tail)) {
    return { kind: 'person', rule: 'context:person' };
  }
  // "midfielder Donato", "coach Lynagh": a lower-case role noun right before a name.
  if (PERSON_ROLE_BEFORE.has(before) && NAME_SHAPE.test(t.text)) return { kind: 'person', rule: 'context:role-noun' };
  // "Tanjug spokesman", "Gazprom shares": a noun that belongs to an organization follows.
  const after = wordAfter(text, t.end);
  if (ORG_NOUNS_AFTER.has(after) && !has(t, F.PERSON_NAME_SET)) return { kind: 'org', rule: 'context:org-noun' };
  if (PLACE_PREPOSITIONS.has(before) || (before === 'at' && !has(t, F.PERSON_NAME_SET) && isSports(evidence))) return { kind: 'place', rule: 'context:preposition' };
  // A bare surname is usually introduced by a full name; alone it is more often a team or firm.
  // assignKeys turns it into a person when the article names someone so.
  if (has(t, F.PERSON_NAME_SET)) return { kind: t.possessive ? 'person' : 'org', rule: 'gazetteer:person-name' };
  return { kind: 'org', rule: 'capitalised-run' };
}


export function typeMulti(tokens: Token[], text: string): Typed | 'split' | undefined {
  const words = tokens.map((t) => t.lower);
  let joined = words[0];
  let gapOf = false;
  for (let i = 1; i < tokens.length; i++) {
    const gap = tokens[i].start - tokens[i - 1].end;
    if (gap === 1) joined += ' ' + words[i];
    else {
      const g = text.slice(tokens[i - 1].end, tokens[i].start).toLowerCase();
      if (g === ' of ' || g === ' for ' || g === ' on ' || g === ' of the ' || g === ' for the ') gapOf = true;
      joined += g.replace(/[ \u00a0]+/g, ' ') + words[i];
    }
  }
  // "Wal - Mart", "Coca - Cola": a name written with a spaced hyphen is a company.
  if (tokens.length === 2 && text.slice(tokens[0].end, tokens[1].start) === ' - ') return { kind: 'org', rule: 'shape:hyphenated' };
  if (has(tokens[0], F.MULTI_WORD_STARTS)) {
    const org = KNOWN_ORGS.get(joined);
    if (org) return { kind: 'org', rule: 'list:org', canonical: org };
    const outlet = NEWS_OUTLETS.get(joined);
    if (outlet) return { kind: 'org', rule: 'list:news-outlet', canonical: outlet };
    const place = PLACES.get(joined);
    if (place) return placeTyped(place);
    const demonym = DEMONYMS.get(joined);
    if (demonym) return { kind: 'place', rule: 'demonym', canonical: demonym, demonym: true };
  }
  // "Goldman Sachs", "Gazzetta dello Sport": a listed name of several words, wherever it stands.
  const listed = KNOWN_NAMES.get(joined);
  if (listed) return { kind: listed, rule: 'list:knowledge' };
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  // "club Deportivo Coruna", "Pirelli Cables 's board", "Zycie Warszawy daily": the words around say organization.
  if (orgContext(text, first.start, last.end, has(first, F.PERSON_NAME_SET))) return { kind: 'org', rule: 'context:org-noun' };
  // "West Indian", "North American": a compass word before a demonym is still a demonym.
  if (tokens.length === 2 && COMPASS.has(first.lower) && has(last, F.DEMONYMS)) return { kind: 'place', rule: 'demonym', canonical: DEMONYMS.get(last.lower), demonym: true };
  if (has(last, F.EVENT_SUFFIXES)) return undefined;
  // "Operation Inherent Resolve": a named military operation is an event.
  if (first.lower === 'operation' || first.lower === 'exercise') return undefined;
  // "said Jim Press": a given name and a surname that is also an organization word, after "said".
  if (tokens.length === 2 && SAID_BEFORE.has(wordBefore(text, first.start)) && has(first, F.PERSON_NAME_SET) && !has(first, F.COMMON | F.PLACES | F.DEMONYMS | F.ORG_SUFFIXES) && NAME_SHAPE.test(last.text) && !has(last, F.CORPORATE_FORMS) && !FAMILY_FIRMS.has(last.lower)) {
    return { kind: 'person', rule: 'context:person' };
  }
  // "Spasskaya Tower of the Kremlin", "Winter Palace": a building is a place, whatever follows its "of".
  // Without an "of", a given name or surname first makes a person of it ("Shirley Temple", "John Tower").
  const head = gapOf ? headBeforeOf(tokens, text) : last;
  if (FACILITY_HEADS.has(head.lower) && (gapOf || !has(first, F.PERSON_NAME_SET))) return { kind: 'place', rule: 'shape:facility' };
  // "US Department of State": an organization's head word before its "of", after a country or a
  // name. Not before "of the" ("Colorado State University of the US" names two things).
  if (gapOf && head !== first && ORG_HEAD_NOUNS.has(head.lower) && !/^ of the /i.test(text.slice(head.end, head.end + 8))) return { kind: 'org', rule: 'shape:org-of' };
  if (has(last, F.ORG_SUFFIXES) && !has(last, F.PLACE_SUFFIXES)) return { kind: 'org', rule: 'shape:org-suffix' };
  if (gapOf && has(first, F.PLACE_HEADS_OF)) return { kind: 'place', rule: 'shape:place-of' };
  if (gapOf && has(first, F.ORG_HEADS_OF)) return { kind: 'org', rule: 'shape:org-of' };
  if (has(last, F.PLACE_SUFFIXES) && !(SURNAME_PLACE_SUFFIXES.has(last.lower) && has(first, F.PERSON_NAME_SET))) return { kind: 'place', rule: 'shape:place-suffix' };
  // "Philadelphia Eagles", "Boston Celtics": a city before an unknown word names a team or firm.
  if (tokens.length === 2 && has(first, F.PLACES) && !has(first, F.PERSON_NAME_SET | F.DEMONYMS) && !has(last, F.PLACES) && !COMMON_WORD_GIVEN_NAMES.has(first.lower)) return { kind: 'org', rule: 'shape:place-org' };
  // "East Asia", "Southern Europe": a compass word before a place is a region.
  if (tokens.length === 2 && COMPASS.has(first.lower) && has(last, F.PLACES)) return { kind: 'place', rule: 'shape:compass-place' };
  // "Dynamo Moscow", "Real Madrid": a word before a city is a club, not a person.
  if (tokens.length === 2 && has(last, F.PLACES) && !has(first, F.PERSON_NAME_SET | F.PLACES | F.DEMONYMS) && !COMMON_WORD_GIVEN_NAMES.has(first.lower) && !INITIAL.test(first.text)) return { kind: 'org', rule: 'shape:club' };
  // "the port of Halden Point": a place noun and "of" before the name.
  if (wordBefore(text, first.start) === 'of' && PLACE_NOUNS.has(wordBefore(text, first.start - 3))) return { kind: 'place', rule: 'context:place-noun' };
  if (has(last, F.ORG_SUFFIXES)) return { kind: 'org', rule: 'shape:org-suffix' };
  // A list of places written without commas in a headline ("Russia Ukraine") or a place before a name.
  if (tokens.every((t) => has(t, F.PLACES) || has(t, F.DEMONYMS))) return 'split';
  // "striker Mark Cairns": a lower-case role noun before name-shaped words.
  if (tokens.length <= 3 && PERSON_ROLE_BEFORE.has(wordBefore(text, first.start)) && tokens.every((t) => NAME_SHAPE.test(t.text) && !has(t, F.ORG_SUFFIXES))) {
    return { kind: 'person', rule: 'context:role-noun' };
  }
  const givenFirst = has(first, F.PERSON_NAME_SET) && !has(first, F.COMMON) && (!has(first, F.PLACES) || has(last, F.PERSON_NAME_SET) || (!has(last, F.PLACES) && !has(last, F.COMMON)));
  if ((INITIAL.test(tokens[0].text) || givenFirst) && tokens.length <= 4) return { kind: 'person', rule: 'gazetteer:given-name' };
  if (tokens.every((t) => t.allCaps)) {
    if (tokens[0].shouting && !tokens.some((t) => t.info.midAny > 0)) return undefined;
    return { kind: 'org', rule: 'capitalised-run' };
  }
  if (tokens.length <= 3 && has(last, F.PERSON_NAME_SET) && !has(last, F.COMMON) && !tokens[0].allCaps) return { kind: 'person', rule: 'gazetteer:person-name' };
  // Two or three unknown, uncommon words with no organization or place shape are most often a person.
  if (tokens.length <= 3 && tokens.every((t, i) => NAME_SHAPE.test(t.text) && (!has(t, F.COMMON | F.GENERIC_ALONE) || (i === 0 && COMMON_WORD_GIVEN_NAMES.has(t.lower))))) {
    return { kind: 'person', rule: 'capitalised-run' };
  }
  return { kind: 'org', rule: 'capitalised-run' };
}
