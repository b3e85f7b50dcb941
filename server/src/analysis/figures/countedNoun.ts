import { wordTable } from '../wordTable';
/**
 * What a figure counts: the head noun of the words after the number ("127,000 Russian
 * troops near the border" → "troops"). No tagger: a noun phrase is read as up to four words
 * before a function word, a verb-looking word or punctuation, and its head is the first
 * plural-looking word (for counts above one) or the last word.
 *
 * Measure convention: the head noun lower-cased and in the plural ("one strike" and
 * "15 strikes" both measure "strikes"), so a ledger can list every figure of one measure.
 */

// Words that end a noun phrase: determiners, prepositions, conjunctions, pronouns,
// auxiliaries and adverbs that commonly follow a count.
const STOP = new Set(
  (
    'a an the this that these those its their his her our your my of in on at to for from by with without into onto ' +
    'over under about around across after before during since until than as per via against among between within ' +
    'and or but nor so yet if when while where who whom whose which what why how ' +
    'i you he she it we they me him us them there here ' +
    'is are was were be been being am have has had do does did will would shall should can could may might must ' +
    'not no also more less most least each every all both either neither only just even still already again ' +
    'ago old later earlier respectively overall total altogether apiece instead too very much many ' +
    'said says say told according reported near off up down out away back ahead behind inside outside along ' +
    'through toward towards upon beyond like unlike despite plus minus ' +
    // Casualty adjectives: "hundreds dead" counts people, not "deads".
    'dead missing injured wounded alive hurt killed ' +
    // Common irregular verbs, which the "-ed" test cannot see.
    'went came left fled died took made saw got gave ran fell rose hit lost won met held kept began became struck ' +
    'fought flew drove sent spent built brought thought found stood sat paid led wore swam sank shot cut put set ' +
    // Base forms only where the word is rarely a counted noun ("strikes", "runs" are nouns).
    'go come flee die see get give think goes comes flees dies sees gets gives thinks remain remains'
  ).split(' '),
);

// Words ending in "s" that are not plurals.
const NOT_PLURAL = new Set(
  ('news series species means bus gas plus status campus census virus bonus focus chaos atlas lens ' +
  'analysis crisis basis thesis axis physics politics economics its his this us was is has does always ' +
  'perhaps whereas across unless thus chess mess loss less business process access progress address ' +
  'congress press class glass grass boss').split(' '),
);

// Time words: a count of these is a duration, which the dates stage owns.
export const TIME_NOUNS = new Set(
  ('second seconds minute minutes hour hours day days week weeks fortnight fortnights month months ' +
  'year years decade decades century centuries millennium millennia weekend weekends night nights ' +
  'morning mornings afternoon afternoons evening evenings season seasons').split(' '),
);

// Adjectives that often follow a count but are never what is counted.
const ADJECTIVES = new Set(
  ('new other additional further extra former current big small large major minor top key main senior junior ' +
    'separate different similar single first last next previous early late young local foreign national ' +
    'international federal private public full total high low').split(' '),
);

// Plural number words, which start a new figure rather than continue a noun ("workers and hundreds").
const VAGUE_COUNTS = new Set(['tens', 'dozens', 'hundreds', 'thousands', 'millions', 'billions', 'trillions']);

// Plurals that do not end in "s".
const IRREGULAR_PLURAL_FORMS = new Set(['people', 'men', 'women', 'children', 'personnel', 'police', 'staff', 'feet', 'teeth', 'mice', 'geese', 'criteria', 'phenomena']);

const IRREGULAR_PLURALS: Record<string, string> = wordTable({
  man: 'men', woman: 'women', child: 'children', person: 'people', foot: 'feet', tooth: 'teeth',
  mouse: 'mice', goose: 'geese', criterion: 'criteria', phenomenon: 'phenomena',
});
const UNCOUNTABLE = new Set(
  ('people police personnel staff aircraft sheep fish deer cattle livestock equipment ammunition data ' +
  'military troops media information news money cash aid software hardware militia').split(' '),
);

/** True for a noun counted without a plural ("police", "aid", "cattle"). */
export function isUncountable(word: string): boolean {
  return UNCOUNTABLE.has(word);
}

/** The plural lower-case form used as a measure key ("strike" → "strikes", "entity" → "entities"). */
export function pluralize(noun: string): string {
  const w = noun.toLowerCase();
  // Only English words get an English plural; "млн" or "habitants" stay as written.
  if (!/^[a-z'’-]+$/.test(w) || UNCOUNTABLE.has(w) || isPluralLooking(w)) return w;
  const irregular = IRREGULAR_PLURALS[w];
  if (irregular) return irregular;
  if (/[^aeiou]y$/.test(w)) return w.slice(0, -1) + 'ies';
  if (/(?:s|x|z|ch|sh)$/.test(w)) return w + 'es';
  return w + 's';
}

/** True when a lower-case word looks like a plural noun ("troops", "people"; not "news", "its"). */
export function isPluralLooking(w: string): boolean {
  const n = w.length;
  if (n < 3) return false;
  // Char-code tests: this runs for every word after every figure.
  if (w.charCodeAt(n - 1) !== 115) return IRREGULAR_PLURAL_FORMS.has(w);
  const before = w.charCodeAt(n - 2);
  // "-ss", "-us", "-is" and possessives are not plurals ("class", "virus", "analysis", "GM's").
  if (before === 115 || before === 117 || before === 105 || before === 39 || before === 0x2019) return false;
  return !NOT_PLURAL.has(w);
}

// One word after whitespace: letters with inner hyphens or apostrophes ("ISIL-held", "front-end").
// Dotted abbreviations ("U.S.", "U.N.") are read as one word so "38,000 U.S. troops" reaches "troops".
const NEXT_WORD = /[ \u00a0]+((?:\p{Lu}\.){2,4}|\p{L}+(?:[-'’]\p{L}+){0,3})(?![\p{L}\p{N}])/uy;

/** What a figure counts. */
export interface Counted {
  /** The head noun as written, lower-case ("troops", "entities and individuals"). */
  counted: string;
  /** The plural form used to group figures ("troops"). */
  measure: string;
  /** True when the head is written with a capital ("Republicans", "England"). */
  proper: boolean;
}

/**
 * Reads the counted noun after `pos` (the end of the figure). `one` says the figure is a
 * count of one ("one strike"), where the head is the last word rather than the first plural.
 * Returns undefined when no noun follows (the number ends a clause, or a verb follows).
 */
export function readCounted(text: string, pos: number, one: boolean): Counted | undefined {
  const words: string[] = [];
  let p = pos;
  while (words.length < 4) {
    NEXT_WORD.lastIndex = p;
    const m = NEXT_WORD.exec(text);
    if (!m) break;
    const raw = m[1];
    const lower = raw.toLowerCase();
    // Coordinated modifiers before the noun: "21,000 air and sea personnel", "12 red and white flags".
    if ((lower === 'and' || lower === 'or') && !one && words.length > 0 && raw === lower && !words.some((w) => isPluralLooking(w.toLowerCase()))) {
      p = m.index + m[0].length;
      continue;
    }
    if (STOP.has(lower)) break;
    // A verb-looking word ends the phrase once a noun was seen ("14 plants closed", "22 munitions destroying").
    // A past-tense verb ends it even after a singular ("one strike engaged"); an "-ing" word may be a
    // modifier ("two ISIL fighting positions").
    if (words.length > 0 && /ed$/.test(lower) && !/[-'’]/.test(lower) && !ADJECTIVES.has(words[words.length - 1].toLowerCase())) break;
    if (words.length > 0 && /ing$/.test(lower) && isPluralLooking(words[words.length - 1].toLowerCase())) break;
    if (words.length > 0 && /ly$/.test(lower)) break;
    words.push(raw);
    p = m.index + m[0].length;
    // An all-lower-case plural ends a counted phrase ("5 troops Russian ..." never happens; "jobs which ...").
    if (!one && isPluralLooking(lower) && raw === lower) break;
  }
  if (words.length === 0) return undefined;
  let head = '';
  if (!one) {
    for (const w of words) {
      if (isPluralLooking(w.toLowerCase())) {
        head = w;
        break;
      }
    }
  }
  if (!head) head = words[words.length - 1];
  const lowerHead = head.toLowerCase();
  // An adjective left as the head means the noun is missing or elided ("one new preferred share").
  if (ADJECTIVES.has(lowerHead)) return undefined;
  // A head that is only an adverb or an adjective-looking word is no noun.
  if (/ly$/.test(lowerHead)) return undefined;
  let counted = lowerHead;
  // Coordinated plurals count together: "13 entities and individuals".
  if (!one && isPluralLooking(lowerHead) && head === words[words.length - 1]) {
    const coordinated = /[ \u00a0]+and[ \u00a0]+(\p{Ll}+)(?![\p{L}\p{N}-])/uy;
    coordinated.lastIndex = p;
    const c = coordinated.exec(text);
    if (c && isPluralLooking(c[1]) && !STOP.has(c[1]) && !VAGUE_COUNTS.has(c[1]) && !TIME_NOUNS.has(c[1])) counted = `${lowerHead} and ${c[1]}`;
  }
  return { counted, measure: counted.includes(' and ') ? counted : pluralize(lowerHead), proper: head !== lowerHead };
}
