/**
 * Which word lists a word is on, as bits: computed once per distinct word and shared by the
 * rule engine (names.ts) and the learned tagger (tagger/), so both read the same lexicon.
 */
import {
  CORPORATE_FORMS,
  EVENT_SUFFIXES,
  GENERIC_ALONE,
  HONORIFICS,
  KNOWN_ACRONYMS,
  KNOWN_ORGS,
  NEVER_NAMES,
  NEWS_OUTLETS,
  ORG_HEADS_OF,
  ORG_SUFFIXES,
  PLACE_HEADS_OF,
  PLACE_SUFFIXES,
  ROLE_MODIFIERS,
  TITLE_HEADS,
} from './wordLists';
import { COMMON, DEMONYMS, PERSON_NAME_SET, PLACES } from '../gazetteer/places';

/** First words of multi-word places, outlets and demonyms, so most runs skip the multi-word lookup. */
export const MULTI_WORD_STARTS = new Set<string>();
/** Every multi-word place, outlet, demonym and organization of the lists, in lower case. */
export const MULTI_WORD_NAMES = new Set<string>();
/** Their beginnings of two words or more, so a lookup stops as soon as no listed name starts so. */
export const MULTI_WORD_PREFIXES = new Set<string>();
for (const name of [...PLACES.keys(), ...NEWS_OUTLETS.keys(), ...DEMONYMS.keys(), ...KNOWN_ORGS.keys()]) {
  const space = name.indexOf(' ');
  if (space <= 0) continue;
  MULTI_WORD_STARTS.add(name.slice(0, space));
  MULTI_WORD_NAMES.add(name);
  for (let at = name.indexOf(' ', space + 1); at > 0; at = name.indexOf(' ', at + 1)) MULTI_WORD_PREFIXES.add(name.slice(0, at));
}

/** One bit per word list, so a token's memberships are computed once and tested as bits. */
export const F = {
  PLACES: 1, PERSON_NAME_SET: 2, COMMON: 4, DEMONYMS: 8, NEVER_NAMES: 16, GENERIC_ALONE: 32, TITLE_HEADS: 64,
  ROLE_MODIFIERS: 128, ORG_SUFFIXES: 256, PLACE_SUFFIXES: 512, EVENT_SUFFIXES: 1024, KNOWN_ACRONYMS: 2048,
  NEWS_OUTLETS: 4096, ORG_HEADS_OF: 8192, PLACE_HEADS_OF: 16384, HONORIFICS: 32768, MULTI_WORD_STARTS: 65536,
  KNOWN_ORGS: 131072, CORPORATE_FORMS: 262144,
} as const;

/**
 * Every word of every list with its bits, built once at load: one lookup per new word instead of
 * one per list. Person names stay a binary search over their sorted list (200,000 names).
 */
const WORD_BITS = new Map<string, number>();
const addBits = (words: Iterable<string>, bit: number): void => {
  for (const w of words) WORD_BITS.set(w, (WORD_BITS.get(w) ?? 0) | bit);
};
addBits(PLACES.keys(), F.PLACES);
addBits(COMMON, F.COMMON);
addBits(DEMONYMS.keys(), F.DEMONYMS);
addBits(NEVER_NAMES, F.NEVER_NAMES);
addBits(GENERIC_ALONE, F.GENERIC_ALONE);
addBits(TITLE_HEADS, F.TITLE_HEADS);
addBits(ROLE_MODIFIERS, F.ROLE_MODIFIERS);
addBits(ORG_SUFFIXES, F.ORG_SUFFIXES);
addBits(PLACE_SUFFIXES, F.PLACE_SUFFIXES);
addBits(EVENT_SUFFIXES, F.EVENT_SUFFIXES);
addBits(KNOWN_ACRONYMS.keys(), F.KNOWN_ACRONYMS);
addBits(NEWS_OUTLETS.keys(), F.NEWS_OUTLETS);
addBits(ORG_HEADS_OF, F.ORG_HEADS_OF);
addBits(PLACE_HEADS_OF, F.PLACE_HEADS_OF);
addBits(HONORIFICS, F.HONORIFICS);
addBits(MULTI_WORD_STARTS, F.MULTI_WORD_STARTS);
addBits(KNOWN_ORGS.keys(), F.KNOWN_ORGS);
addBits(CORPORATE_FORMS, F.CORPORATE_FORMS);

function bitsOf(word: string): number {
  return (WORD_BITS.get(word) ?? 0) | (PERSON_NAME_SET.has(word) ? F.PERSON_NAME_SET : 0);
}

/** Words already looked up, across articles; cleared when full so memory stays bounded. */
const flagCache = new Map<string, number>();
const FLAG_CACHE_LIMIT = 100000;

/** The word-list bits of a lower-case word; "inc." also gets the bits of "inc". */
export function wordFlags(word: string): number {
  const cached = flagCache.get(word);
  if (cached !== undefined) return cached;
  const bits = computeFlags(word);
  if (flagCache.size >= FLAG_CACHE_LIMIT) flagCache.clear();
  flagCache.set(word, bits);
  return bits;
}

/**
 * `wordFlags` for a word whose hash the caller has (tagger/tokenize.ts hashToken): a cache keyed
 * by number is several times quicker than one keyed by a new string. The word is kept beside its
 * bits, so two words with one hash never share them.
 */
export function wordFlagsHashed(word: string, hash: number): number {
  const cached = hashedCache.get(hash);
  if (cached !== undefined && cached.word === word) return cached.flags;
  const flags = wordFlags(word);
  if (hashedCache.size >= FLAG_CACHE_LIMIT) hashedCache.clear();
  if (cached === undefined) hashedCache.set(hash, { word, flags });
  return flags;
}

const hashedCache = new Map<number, { word: string; flags: number }>();

function computeFlags(word: string): number {
  let bits = bitsOf(word);
  if (word.length > 2 && word.endsWith('.')) bits |= bitsOf(word.slice(0, -1));
  // "Major-General", "Secretary-General", "Lieutenant-Colonel": a hyphenated title is a title.
  const hyphen = word.lastIndexOf('-');
  if (hyphen > 0 && TITLE_HEADS.has(word.slice(hyphen + 1)) && TITLE_HEADS.has(word.slice(0, word.indexOf('-')))) bits |= F.TITLE_HEADS;
  return bits;
}
