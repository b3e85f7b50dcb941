/**
 * The rule engine's tokens: every capitalised word of an article with possessives cut off and
 * abbreviation periods kept ("U.S.", "Corp."), and where it stands (sentence start, title-case
 * headline, shouted line), where a capital proves nothing.
 */
import { ABBREVIATIONS } from '../wordLists';
import { DEMONYMS, PLACES } from '../../gazetteer/places';
import { wordFlags, wordFlagsHashed } from '../lexicon';
import { Bit, Kind, hashToken, tokenize as tokenizeArticle, type Tokens } from '../../tagger/tokenize';
import { isAllCaps, isLetterOrDigit, isWordChar, type Token, type WordInfo } from './token';

/**
 * A capitalised word (`capitalisedWordEnd`): an upper-case letter, then letters/digits,
 * optionally joined by inner periods, apostrophes, ampersands or hyphens ("U.S", "O'Neill",
 * "AT&T", "Chester-le-Street"), then an optional final period; as the regular expression
 * /[A-Z\u00c0-\u00de\u0100-\u024f\u0386-\u03ab\u0400-\u042f][\p{L}\p{M}\p{N}]*(?:[.'’&-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*\.?/u
 * would match, read by hand (a sticky match per word cost more than the rest of the word's reading).
 * The first class is a superset of upper-case letters (Latin Extended alternates cases); the
 * code checks the case and that no letter comes before.
 */
const LETTER_MARK_NUMBER = /^[\p{L}\p{M}\p{N}]$/u;
const LETTER_NUMBER = /^[\p{L}\p{N}]$/u;

/** Width (1 or 2 code units) of the letter, mark or digit at i, or 0; `marks` false leaves marks out. */
function wordCharWidth(text: string, i: number, marks: boolean): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  if (Number.isNaN(c)) return 0;
  const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
  const ch = pair ? text.slice(i, i + 2) : text[i];
  return (marks ? LETTER_MARK_NUMBER : LETTER_NUMBER).test(ch) ? (pair ? 2 : 1) : 0;
}

function skipWordChars(text: string, i: number): number {
  for (let w = wordCharWidth(text, i, true); w > 0; w = wordCharWidth(text, i, true)) i += w;
  return i;
}

/** End of the capitalised word starting at `start` (whose first code unit isCapStart). */
function capitalisedWordEnd(text: string, start: number): number {
  let i = skipWordChars(text, start + 1);
  for (;;) {
    const c = text.charCodeAt(i);
    if (!(c === 46 || c === 39 || c === 0x2019 || c === 38 || c === 45)) break;
    const w = wordCharWidth(text, i + 1, false);
    if (w === 0) break;
    i = skipWordChars(text, i + 1 + w);
  }
  return text.charCodeAt(i) === 46 ? i + 1 : i;
}

const HAS_LOWER = /\p{Ll}/u;
const HYPHEN_LOWER_TAIL = /-(?:based|led|backed|born|owned|made|run|funded|brokered|style|era|controlled|held|allied|bound|linked|related|registered|listed|centric|friendly|speaking|american|era)$/;

/** Can a capitalised word start with this code unit (the first class of the pattern above)? */
function isCapStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde) || (c >= 0x100 && c <= 0x24f) || (c >= 0x386 && c <= 0x3ab) || (c >= 0x400 && c <= 0x42f);
}

/**
 * Collects capitalised tokens with their context flags. `shared` are the article's tokens
 * (tagger/tokenize.ts), read to find where a capitalised word may start; made here when absent.
 * The words found are those a scan of the whole text for the pattern above would find.
 */
export function tokenize(text: string, headline: boolean, shared: Tokens = tokenizeArticle(text)): Token[] {
  const reader = new CapitalisedWords(text, headline, shared);
  const { count, start, end, kind, bits } = shared;
  // Where the last match ended: a match that ran on over a hyphen ("Coca-Cola") covers the
  // tokens after it, as a scan of the text would.
  let next = 0;
  for (let i = 0; i < count; i++) {
    const s = start[i];
    if (s < next) continue;
    const k = kind[i];
    if ((k === Kind.Cap || k === Kind.Upper || k === Kind.Initial) && isCapStart(text.charCodeAt(s))) {
      next = reader.readAt(s, i);
    } else if (k === Kind.Punct) {
      // "×" and the Greek marks inside the first class start a match too (which the case test then refuses).
      if (isCapStart(text.charCodeAt(s))) next = reader.readAt(s);
    } else if (k !== Kind.Lower || bits[i] & Bit.Wide) {
      // A capital-class letter inside a word ("iPhone", "3M", "ağa"): tried where a scan would try it.
      for (let p = s; p < end[i]; p++) if (p >= next && isCapStart(text.charCodeAt(p))) next = reader.readAt(p);
    }
  }
  return reader.tokens;
}

/** The rule tokens of one article, read one capitalised word at a time, with their line's context. */
class CapitalisedWords {
  readonly tokens: Token[] = [];
  private readonly headlineEnd: number;
  private readonly headlineTitleCase: boolean;
  private lineStart = -1;
  private lineEnd = -1;
  private lineShouting = false;
  private lineTitleCase = false;
  private lineChecked = false;
  /**
   * Words repeat within an article: each word's info by the hash of its lower-case form (as the
   * shared tokens hash it, so a word that is one token needs no hashing and no lower-casing after
   * its first time); a word whose hash another word already holds goes by its string.
   */
  private readonly byHash = new Map<number, WordInfo>();
  private byString: Map<string, WordInfo> | undefined;

  constructor(
    private readonly text: string,
    headline: boolean,
    private readonly shared: Tokens,
  ) {
    this.headlineEnd = headline ? headlineExtent(text) : -1;
    this.headlineTitleCase = this.headlineEnd > 0 && isTitleCase(text.slice(0, this.headlineEnd));
  }

  /**
   * Reads the capitalised word that may start at `start` (the start of shared token `token`, or
   * -1 inside one); returns where its match ends.
   */
  readAt(start: number, token = -1): number {
    const text = this.text;
    const matchEnd = capitalisedWordEnd(text, start);
    let raw = text.slice(start, matchEnd);
    if (start > 0 && isLetterOrDigit(text, start - 1)) return matchEnd;
    const first = raw.charCodeAt(0);
    if (first >= 0xc0 && raw[0] === raw[0].toLowerCase()) return matchEnd;
    // A final period belongs to abbreviations and initials only; otherwise it ends the sentence.
    if (raw.endsWith('.') && !isAbbreviation(raw)) raw = raw.slice(0, -1);
    let possessive = false;
    const n = raw.length;
    if (n > 2 && (raw.charCodeAt(n - 1) === 115 || raw.charCodeAt(n - 1) === 83) && (raw.charCodeAt(n - 2) === 39 || raw.charCodeAt(n - 2) === 0x2019)) {
      raw = raw.slice(0, -2);
      possessive = true;
    } else if (raw.includes('-')) {
      const lower = raw.toLowerCase();
      const tail = HYPHEN_LOWER_TAIL.exec(lower);
      if (tail) raw = raw.slice(0, raw.length - tail[0].length);
      else if (splitHyphenatedPlaces(raw, start, this.tokens, text)) return matchEnd;
    }
    // Nothing this long is one word of a name; megabyte-long hyphen chains stay out.
    if (!raw || raw.length > 60) return matchEnd;
    // "I’m", "We’re", "They’ve", "Don’t": a contraction is never a name.
    if (isContraction(raw)) return matchEnd;
    // "US$", "A$": a currency, not a place.
    if (text.charCodeAt(start + raw.length) === 36) return matchEnd;
    const shared = this.shared;
    const hash = token >= 0 && shared.start[token] === start && shared.end[token] === start + raw.length ? shared.hash[token] : hashToken(raw);
    this.add(start, raw, possessive, hash);
    return matchEnd;
  }

  private add(start: number, raw: string, possessive: boolean, hash: number): void {
    const text = this.text;
    const end = start + raw.length;
    const allCaps = raw.length > 1 && isAllCaps(raw);
    if (start >= this.lineEnd) this.enterLine(start);
    // Only lines with an all-caps word can be shouting lines, so most lines skip the scan.
    if (allCaps && !this.lineChecked) {
      this.lineChecked = true;
      this.lineShouting = !HAS_LOWER.test(text.slice(this.lineStart, this.lineEnd));
    }
    const lineShouting = this.lineShouting;
    const inHeadline = start < this.headlineEnd;
    const titleCase = (inHeadline && this.headlineTitleCase) || this.lineTitleCase;
    const ambiguous = lineShouting || titleCase || isSentenceStart(text, start);
    const info = this.infoOf(raw, hash);
    const lower = info.lower;
    info.total++;
    if (inHeadline && !lineShouting && !allCaps) info.inHeadline = true;
    if (!ambiguous) {
      info.midAny++;
      if (!allCaps) info.mid++;
    }
    this.tokens.push({ start, end, text: raw, lower, possessive, ambiguous, shouting: lineShouting, headline: titleCase, allCaps, flags: info.flags, info });
  }

  /** The article's info on the word `raw` (lower-case token hash `hash`), made on its first use. */
  private infoOf(raw: string, hash: number): WordInfo {
    const held = this.byHash.get(hash);
    if (held !== undefined && sameLower(raw, held.lower)) return held;
    const lower = raw.toLowerCase();
    if (held === undefined) {
      const info = newInfo(lower, hash);
      this.byHash.set(hash, info);
      return info;
    }
    this.byString ??= new Map();
    let info = this.byString.get(lower);
    if (info === undefined) this.byString.set(lower, (info = newInfo(lower, hash)));
    return info;
  }

  private enterLine(start: number): void {
    const text = this.text;
    this.lineStart = text.lastIndexOf('\n', start) + 1;
    const nl = text.indexOf('\n', start);
    this.lineEnd = nl < 0 ? text.length : nl;
    this.lineChecked = false;
    this.lineShouting = false;
    this.lineTitleCase = this.lineStart >= this.headlineEnd && isLinkedTitle(text, this.lineStart, this.lineEnd);
  }
}

function newInfo(lower: string, hash: number): WordInfo {
  return { lower, flags: wordFlagsHashed(lower, hash), mid: 0, midAny: 0, total: 0, inHeadline: false };
}

/** Is `lower` the lower-case form of `raw`? Checked without a new string for ASCII words. */
function sameLower(raw: string, lower: string): boolean {
  if (raw.length !== lower.length) return false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 128) return raw.toLowerCase() === lower;
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/** "Russia-Ukraine" is two places, not one name: push both halves as separate tokens. */
function splitHyphenatedPlaces(raw: string, start: number, tokens: Token[], text: string): boolean {
  const parts = raw.split('-');
  if (parts.length < 2 || !parts.every((p) => p && (PLACES.has(p.toLowerCase()) || DEMONYMS.has(p.toLowerCase())))) return false;
  let offset = start;
  for (const part of parts) {
    const ambiguous = offset === start && isSentenceStart(text, start);
    const lower = part.toLowerCase();
    const flags = wordFlags(lower);
    tokens.push({ start: offset, end: offset + part.length, text: part, lower, possessive: true, ambiguous, shouting: false, headline: false, allCaps: false, flags, info: { lower, flags, mid: ambiguous ? 0 : 1, midAny: ambiguous ? 0 : 1, total: 1, inHeadline: false } });
    offset += part.length + 1;
  }
  return true;
}

/** A word with a contracted ending: 'm, 're, 've, 'll, 'd (after a pronoun-length stem) or n't. */
function isContraction(raw: string): boolean {
  const n = raw.length;
  if (n < 3) return false;
  const apostrophe = (i: number): boolean => raw.charCodeAt(i) === 39 || raw.charCodeAt(i) === 0x2019;
  // "I'm", "We'd", "You'll", "They've", "We're" (the stem is short: not "O'Neill").
  if (n <= 7 && apostrophe(n - 2) && (raw[n - 1] === 'm' || raw[n - 1] === 'd')) return true;
  if (n <= 8 && apostrophe(n - 3) && (raw.endsWith('re') || raw.endsWith('ve') || raw.endsWith('ll'))) return true;
  return n >= 4 && apostrophe(n - 2) && raw[n - 1] === 't' && raw[n - 3] === 'n';
}

function isAbbreviation(raw: string): boolean {
  const bare = raw.slice(0, -1);
  if (bare.length === 1) return true;
  if (bare.includes('.')) return true;
  return ABBREVIATIONS.has(bare.toLowerCase());
}

/** End offset of the first non-empty line. */
function headlineExtent(text: string): number {
  const m = /[^\s\uFEFF][^\r\n]*/.exec(text.length > 4096 ? text.slice(0, 4096) : text);
  return m ? m.index + m[0].length : -1;
}

/** The longest line read as the title of a linked story. */
const LINKED_TITLE_MAX = 200;
/** Labels of links to other stories ("Also read:", "Related Article:", "READ MORE:"). */
const LINK_LABEL = /(?:also read|read also|read more|related|related article|related story|related stories|see also|more|watch|recommended|latest|trending)[ \t]*:/iy;

/**
 * "Also read: Envoy Urges Calm As Talks Resume": the title of a linked story is written in
 * title case, where a capital proves nothing.
 */
function isLinkedTitle(text: string, lineStart: number, lineEnd: number): boolean {
  if (lineEnd - lineStart > LINKED_TITLE_MAX || lineEnd - lineStart < 8) return false;
  const c = text.charCodeAt(lineStart) | 32;
  // The labels start with a, l, m, r, s, t or w: most lines skip the regex.
  if (!(c === 97 || c === 108 || c === 109 || c === 114 || c === 115 || c === 116 || c === 119)) return false;
  LINK_LABEL.lastIndex = lineStart;
  return LINK_LABEL.test(text) && LINK_LABEL.lastIndex < lineEnd && isTitleCase(text.slice(LINK_LABEL.lastIndex, lineEnd));
}

/** A title-case or all-caps headline: most of its content words start with a capital. */
function isTitleCase(line: string): boolean {
  let words = 0;
  let capitals = 0;
  // One pass over the words without splitting: headlines and linked titles are tested on every article.
  for (let i = 0; i < line.length; ) {
    while (i < line.length && isSpaceCode(line.charCodeAt(i))) i++;
    const start = i;
    while (i < line.length && !isSpaceCode(line.charCodeAt(i))) i++;
    if (i - start < 4) continue;
    const c = line.charCodeAt(start);
    if (c >= 65 && c <= 90) capitals++;
    else if (c < 97 || c > 122) {
      if (c < 0xc0 || !LETTER_START.test(line.slice(start, start + 2))) continue;
      if (UPPER_START.test(line.slice(start, start + 2))) capitals++;
    }
    words++;
  }
  return words >= 2 && capitals / words >= 0.75;
}

const LETTER_START = /^\p{L}/u;
const UPPER_START = /^\p{Lu}/u;

/** White space as String.split(/\s+/) sees it, for the characters news text uses. */
function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x1680;
}

/**
 * True when the word at `start` opens a sentence or a line: looking back over spaces and
 * opening quotes/brackets we meet the text start, a line break, or end punctuation that is not
 * the period of an abbreviation ("U.S. Army" continues the sentence).
 */
function isSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  let dash = false;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    // space, tab, quotes, brackets, dashes
    if (c === 32 || c === 9 || c === 0xa0 || c === 34 || c === 39 || c === 40 || c === 91 || c === 0x201c || c === 0x2018 || c === 0xab || c === 0x2014 || c === 0x2013 || c === 45 || c === 0x2022 || c === 42) {
      if (c === 0x2014 || c === 0x2013 || c === 45) dash = true;
      i--;
      continue;
    }
    break;
  }
  if (i < 0) return true;
  const c = text.charCodeAt(i);
  if (c === 10 || c === 13 || c === 33 || c === 63 || c === 58 || c === 59 || c === 0xfeff) return true;
  if (c === 34 || c === 0x201d || c === 41) {
    // "KYIV, March 3 (Reuters) - Police said": a dash after the agency of a dateline opens the story.
    if (dash && c === 41) return true;
    // A closing quote or bracket after end punctuation ('... ended." Police said').
    const p = i > 0 ? text.charCodeAt(i - 1) : 0;
    return p === 46 || p === 33 || p === 63;
  }
  if (c !== 46) return false;
  // A period: the sentence ends unless it closes an abbreviation or an initial.
  let j = i - 1;
  while (j >= 0 && isWordChar(text.charCodeAt(j))) j--;
  const word = text.slice(j + 1, i);
  if (word.length === 1 && word >= 'A' && word <= 'Z') return false;
  if (j >= 0 && text.charCodeAt(j) === 46 && word.length <= 2) return false; // "U.S." → "S" after "."
  return !ABBREVIATIONS.has(word.toLowerCase());
}
