/**
 * The rule engine's capitalised words (`Token`), what an article shows about each word
 * (`WordInfo`), and the small text tests the rules share: the words right before and after a
 * name, line starts, letter classes, known multi-word names, and the draft a typed run becomes.
 */
import type { PlaceEntry } from '../../gazetteer/places';
import type { Draft } from '../assignKeys';
import { F, MULTI_WORD_NAMES, MULTI_WORD_PREFIXES } from '../lexicon';

export function has(t: Token, flag: number): boolean {
  return (t.flags & flag) !== 0;
}

const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;
export const INITIAL = /^\p{Lu}\.$/u;
export const HYPHEN_LOWER_END = /-[a-z]+$/;
export const COMPASS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central']);
export const PARTICLE_WORD = /^(?:de|du|da|van|von|der|den|bin|ibn|al|el|la|le)$/i;
/** How a word of a person's name is spelled: "Smith", "McDonald", "O'Neill", "Jean-Luc", "J." (not "MacBook Pro", "Wi-Fi", "OS"). */
export const NAME_SHAPE = /^(?:\p{Lu}\.|(?:Mc|Mac|O['’]|D['’]|De|Di|Le|La)?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)$/u;

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** "'s" was cut off the end: the name stops here. */
  possessive: boolean;
  /** A capital here proves nothing (sentence start, headline, all-caps line). */
  ambiguous: boolean;
  /** The token is in an all-caps line ("LONDON 1996-08-30", sports tables, shouted headlines). */
  shouting: boolean;
  /** The token is in a title-case headline. */
  headline: boolean;
  allCaps: boolean;
  /** Word-list memberships of `lower` (bits of F). */
  flags: number;
  /** What the article shows about this word (shared by every token with the same `lower`). */
  info: WordInfo;
}

/** Per article and lower-case word: where a capital means something, how often it was seen. */
export interface WordInfo {
  /** The word in lower case (every token of it shares this string). */
  lower: string;
  flags: number;
  /** Mid-sentence body occurrences not in all caps ("Apple" in "said Apple"). */
  mid: number;
  /** Mid-sentence body occurrences in any case. */
  midAny: number;
  /** All capitalised occurrences, wherever they are. */
  total: number;
  /** Does the article also write the word in lower case? Checked on first need. */
  lowerSeen?: boolean;
  /** The word is in a mixed-case headline (not shouted). */
  inHeadline: boolean;
}

/** What the typing step decided for one run. */
export interface Typed {
  kind: 'person' | 'org' | 'place';
  rule: string;
  /** For places and known orgs: the lower-case canonical name. */
  canonical?: string;
  demonym?: boolean;
  /** A precomputed entity key (gazetteer places). */
  key?: string;
}

/** A date right after a dateline place ("LONDON 1996-08-30", "PARIS, Aug 3", "KYIV 3 March"). */
export const DATELINE_DATE = /^ ?,? ?(?:\d{4}-\d\d-\d\d|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.? \d)/;

/** Number of words (2-4) of a place or outlet name starting at run[i], or 0. */
export function knownSpanLength(run: Token[], i: number): number {
  if (i + 1 >= run.length || !has(run[i], F.MULTI_WORD_STARTS)) return 0;
  let key = run[i].lower;
  let best = 0;
  for (let j = i + 1; j < run.length && j < i + 4; j++) {
    if (run[j].start - run[j - 1].end !== 1) break;
    key += ' ' + run[j].lower;
    if (MULTI_WORD_NAMES.has(key)) best = j - i + 1;
    if (!MULTI_WORD_PREFIXES.has(key)) break;
  }
  return best;
}

/** True when only spaces or tabs stand between the line's start and `start`. */
export function isLineStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  return i < 0 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13 || text.charCodeAt(i) === 0xfeff;
}

/** True when no letter after the first is lower-case ("NATO", "U.S", "AT&T"). */
export function isAllCaps(word: string): boolean {
  for (let i = 1; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 0xc0 && word[i] !== word[i].toUpperCase()) return false;
  }
  return true;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function isLetterOrDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  if (c < 0xc0 || (c >= 0x2000 && c <= 0x206f)) return false;
  return LETTER_OR_DIGIT.test(text[i]);
}

export function isWordChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 0xbf;
}

export function draft(tokens: Token[], typed: Typed, role?: string): Draft {
  return {
    start: tokens[0].start,
    end: tokens[tokens.length - 1].end,
    words: tokens.map((t) => t.text),
    kind: typed.kind,
    rule: typed.rule,
    canonical: typed.canonical,
    demonym: typed.demonym,
    key: typed.key,
    role,
    firstLower: tokens[0].lower,
    corporateTail: tokens.length > 1 && has(tokens[tokens.length - 1], F.CORPORATE_FORMS),
  };
}

export function placeTyped(place: PlaceEntry): Typed {
  return { kind: 'place', rule: place.rule, canonical: place.canonical, key: place.key };
}

/** The lower-case word right after `end` (skipping one space or ", "), or "". */
export function wordAfter(text: string, end: number): string {
  let i = end;
  if (text.charCodeAt(i) === 44) i++;
  if (text.charCodeAt(i) !== 32) return '';
  i++;
  let j = i;
  while (j < text.length && j - i < 16) {
    const c = text.charCodeAt(j);
    if (c < 97 || c > 122) break;
    j++;
  }
  return text.slice(i, j);
}

/** The lower-case word right before `start` (one space between), or "". */
export function wordBefore(text: string, start: number): string {
  if (text.charCodeAt(start - 1) !== 32) return '';
  let i = start - 1;
  while (i > 0 && start - i < 12) {
    const c = text.charCodeAt(i - 1);
    if (c < 97 || c > 122) break;
    i--;
  }
  if (i > 0 && isLetterOrDigit(text, i - 1)) return '';
  return text.slice(i, start - 1);
}
