/**
 * The tagger's tokens: every word and punctuation mark of an article, as parallel typed arrays
 * (offsets, a hash of the lower-cased form, a shape class and context bits), so a megabyte of text
 * costs a few typed-array writes per word and no string per word. Strings are made later, only
 * for the words near a capitalised one.
 *
 * Words are letters and digits, joined by inner periods, apostrophes, ampersands and hyphens
 * ("U.S", "O'Neill", "AT&T", "Wal-Mart"); a final period stays on abbreviations and initials
 * ("U.S.", "Corp.", "J."); a possessive "'s" is a token of its own, as the gold corpora split it.
 */
import { ABBREVIATIONS } from '../names/wordLists';

/** Token classes (the `kind` array). */
export const enum Kind {
  Punct = 0,
  /** A word with no upper-case letter ("said", "of"). */
  Lower = 1,
  /** A word that starts with an upper-case letter and has lower-case ones ("Paris", "McDonald"). */
  Cap = 2,
  /** A word of two or more letters with no lower-case letter ("NATO", "U.S."). */
  Upper = 3,
  /** A word that starts with a digit ("1996", "3rd"). */
  Number = 4,
  /** A lower-case word with an inner capital ("iPhone", "eBay"). */
  Mixed = 5,
  /** A single upper-case letter, with or without its period ("J.", "A"). */
  Initial = 6,
}

/** Context bits of a token (the `bits` array). */
export const enum Bit {
  /** The first word of a sentence or line, where a capital proves nothing. */
  SentenceStart = 1,
  /** In the article's first non-empty line. */
  Headline = 2,
  /** In a line whose content words are nearly all capitalised (a title-case headline, a linked title). */
  TitleLine = 4,
  /** In a line with no lower-case letter (a shouted headline, a results table). */
  ShoutLine = 8,
  /** The first token of its line. */
  LineStart = 16,
  /** A possessive "'s" or "'" split off the word before. */
  Possessive = 32,
  /** No space before the token ("-Cola" in "Coca-Cola", "," after a word). */
  Glued = 64,
  /** A word with a character beyond ASCII ("Gdańsk", "Zürich"). */
  Wide = 128,
}

/** The tokens of one article. */
export interface Tokens {
  readonly text: string;
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** FNV-1a hash of the lower-cased token text. */
  readonly hash: Int32Array;
  /** FNV-1a hash of the token text as written (case kept). */
  readonly exact: Int32Array;
  readonly kind: Uint8Array;
  readonly bits: Uint8Array;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** FNV-1a over the lower-cased UTF-16 code units of a string. */
export function hashLower(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ lowerCode(s.charCodeAt(i)), FNV_PRIME);
  return h;
}

/** The lower-cased hash of a word as the tokenizer computes it for a word token (’ counted as '). */
export function hashToken(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h = Math.imul(h ^ (c === 0x2019 ? 39 : lowerCode(c)), FNV_PRIME);
  }
  return h;
}

/** The lower-case code unit for ASCII capitals and the common Latin-1/Latin Extended-A/Greek/Cyrillic ones. */
function lowerCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c < 0xc0) return c;
  if (c < TABLE_END) return TABLE_LOWER[c];
  return lowerCodeOf(c);
}

function lowerCodeOf(c: number): number {
  const s = String.fromCharCode(c).toLowerCase();
  return s.length === 1 ? s.charCodeAt(0) : c;
}

const LETTER_OR_NUMBER = /[\p{L}\p{M}\p{N}]/u;

/** ASCII character classes: 1 small letter, 2 capital, 3 digit, 0 anything else. */
const ASCII_CLASS = (() => {
  const table = new Uint8Array(128);
  for (let c = 97; c <= 122; c++) table[c] = 1;
  for (let c = 65; c <= 90; c++) table[c] = 2;
  for (let c = 48; c <= 57; c++) table[c] = 3;
  return table;
})();
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/**
 * The classes of the code units up to Cyrillic (European names: "Zürich", "Gdańsk", "Łódź",
 * "Αθήνα", "Москва"), computed once from the Unicode classes, so the tokenizer tests no regular
 * expression for them: bit 1 a word character, 2 upper case, 4 lower case. `TABLE_LOWER` holds
 * their lower-case code units.
 */
const TABLE_END = 0x600;
const TABLE_CLASS = new Uint8Array(TABLE_END);
const TABLE_LOWER = new Uint16Array(TABLE_END);
for (let c = 128; c < TABLE_END; c++) {
  const ch = String.fromCharCode(c);
  if (c >= 0xaa && LETTER_OR_NUMBER.test(ch)) TABLE_CLASS[c] |= 1;
  if (c >= 0xc0 && UPPER.test(ch)) TABLE_CLASS[c] |= 2;
  if (c >= 0xc0 && LOWER.test(ch)) TABLE_CLASS[c] |= 4;
  TABLE_LOWER[c] = c >= 0xc0 ? lowerCodeOf(c) : c;
}

/** Letters, marks and digits: ASCII tested inline, up to Cyrillic by table, the rest by one regex test (rare in English news). */
function isWordCode(text: string, i: number, c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c < TABLE_END) return (TABLE_CLASS[c] & 1) !== 0;
  if ((c >= 0x2000 && c <= 0x2bff) || (c >= 0xd800 && c <= 0xdfff)) return false;
  return LETTER_OR_NUMBER.test(text[i]);
}

function isUpperCode(text: string, i: number, c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  if (c < TABLE_END) return (TABLE_CLASS[c] & 2) !== 0;
  return UPPER.test(text[i]);
}

function isLowerCode(text: string, i: number, c: number): boolean {
  if (c < 128) return c >= 97 && c <= 122;
  if (c < TABLE_END) return (TABLE_CLASS[c] & 4) !== 0;
  return LOWER.test(text[i]);
}

/**
 * Inner joiners of a word: . ' ’ &. A hyphen is a token of its own, so "Kyiv-based" and
 * "Iran-Iraq" give the names inside them; "Coca-Cola" is three tokens of one name.
 */
function isJoiner(c: number): boolean {
  return c === 46 || c === 39 || c === 0x2019 || c === 38;
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/**
 * The growing columns of one article's tokens, in one ArrayBuffer (one allocation per article,
 * not six: allocating typed arrays costs more than filling them for an article of a few KB).
 */
class TokenColumns {
  n = 0;
  private cap: number;
  start!: Int32Array;
  end!: Int32Array;
  hash!: Int32Array;
  exact!: Int32Array;
  kind!: Uint8Array;
  bits!: Uint8Array;

  constructor(cap: number) {
    this.cap = cap;
    this.allocate(cap);
  }

  private allocate(cap: number): void {
    const buffer = new ArrayBuffer(cap * 18);
    this.start = new Int32Array(buffer, 0, cap);
    this.end = new Int32Array(buffer, cap * 4, cap);
    this.hash = new Int32Array(buffer, cap * 8, cap);
    this.exact = new Int32Array(buffer, cap * 12, cap);
    this.kind = new Uint8Array(buffer, cap * 16, cap);
    this.bits = new Uint8Array(buffer, cap * 17, cap);
  }

  push(s: number, e: number, h: number, x: number, k: number, b: number): void {
    if (this.n === this.cap) this.grow();
    const n = this.n++;
    this.start[n] = s;
    this.end[n] = e;
    this.hash[n] = h;
    this.exact[n] = x;
    this.kind[n] = k;
    this.bits[n] = b;
  }

  private grow(): void {
    const { start, end, hash, exact, kind, bits } = this;
    this.cap *= 2;
    this.allocate(this.cap);
    this.start.set(start);
    this.end.set(end);
    this.hash.set(hash);
    this.exact.set(exact);
    this.kind.set(kind);
    this.bits.set(bits);
  }
}

/** Splits an article into tokens. Never throws; an empty text gives no tokens. */
export function tokenize(text: string): Tokens {
  // About one token per five characters of news; the columns grow when a text is denser.
  const columns = new TokenColumns(Math.max(16, (text.length >> 2) + 16));
  const word = new WordScan();
  const len = text.length;
  let i = 0;
  let lineStart = true;
  let glued = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lineStart = true;
      glued = 0;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x3000 || c === 12 || c === 11) {
      glued = 0;
      i++;
      continue;
    }
    const first = (lineStart ? Bit.LineStart : 0) | glued;
    lineStart = false;
    glued = Bit.Glued;
    if (!isWordCode(text, i, c)) {
      // A surrogate pair (an emoji) is one punctuation token.
      const e = c >= 0xd800 && c <= 0xdbff && i + 1 < len ? i + 2 : i + 1;
      const h = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
      columns.push(i, e, h, h, Kind.Punct, first);
      i = e;
      continue;
    }
    word.scan(text, i);
    columns.push(i, word.end, word.hash, word.exact, word.kind, first | word.wide);
    i = word.end;
    // "'s" / "’s" after a word, and a bare "'" after a plural ("the Joneses'"), are possessives.
    const k = word.kind;
    if (isApostrophe(text.charCodeAt(i)) && (k === Kind.Cap || k === Kind.Upper || k === Kind.Mixed || k === Kind.Initial)) {
      if ((text.charCodeAt(i + 1) | 32) === 115 && (i + 2 >= len || !isWordCode(text, i + 2, text.charCodeAt(i + 2)))) {
        columns.push(i, i + 2, POSSESSIVE_HASH, POSSESSIVE_HASH, Kind.Punct, Bit.Possessive | Bit.Glued);
        i += 2;
      }
    }
  }
  const { start, end, hash, exact, kind, bits } = columns;
  const tokens: Tokens = { text, count: columns.n, start, end, hash, exact, kind, bits };
  markContext(tokens);
  return tokens;
}

/** One word read from the text: letters and digits, joined by inner joiners followed by a letter or digit. */
class WordScan {
  end = 0;
  /** FNV-1a of the lower-cased word, and of the word as written. */
  hash = 0;
  exact = 0;
  kind: Kind = Kind.Lower;
  /** Bit.Wide when the word has a character beyond ASCII. */
  wide = 0;

  scan(text: string, s: number): void {
    const len = text.length;
    let h = FNV_OFFSET;
    let x = FNV_OFFSET;
    let uppers = 0;
    let lowers = 0;
    let periods = 0;
    let wide = 0;
    const c = text.charCodeAt(s);
    const firstUpper = isUpperCode(text, s, c);
    const firstDigit = c >= 48 && c <= 57;
    let e = s;
    while (e < len) {
      const d = text.charCodeAt(e);
      // ASCII letters and digits first: nearly every character of English news.
      const cls = d < 128 ? ASCII_CLASS[d] : 0;
      if (cls !== 0) {
        if (cls === 2) {
          uppers++;
          h = Math.imul(h ^ (d + 32), FNV_PRIME);
        } else {
          if (cls === 1) lowers++;
          h = Math.imul(h ^ d, FNV_PRIME);
        }
        x = Math.imul(x ^ d, FNV_PRIME);
        e++;
        continue;
      }
      if (d >= 128 && isWordCode(text, e, d)) {
        wide = Bit.Wide;
        if (isUpperCode(text, e, d)) uppers++;
        else if (isLowerCode(text, e, d)) lowers++;
        h = Math.imul(h ^ lowerCode(d), FNV_PRIME);
        x = Math.imul(x ^ d, FNV_PRIME);
        e++;
        continue;
      }
      if (isJoiner(d) && e + 1 < len && isWordCode(text, e + 1, text.charCodeAt(e + 1))) {
        // A possessive or contraction ending ("Putin's", "don't") is not a joiner for names:
        // "'s" becomes its own token.
        if (isApostrophe(d) && (text.charCodeAt(e + 1) | 32) === 115 && (e + 2 >= len || !isWordCode(text, e + 2, text.charCodeAt(e + 2)))) break;
        if (d === 46) periods++;
        h = Math.imul(h ^ (d === 0x2019 ? 39 : d), FNV_PRIME);
        x = Math.imul(x ^ (d === 0x2019 ? 39 : d), FNV_PRIME);
        e++;
        continue;
      }
      break;
    }
    // A final period belongs to abbreviations and initials ("U.S.", "Corp.", "J.").
    if (text.charCodeAt(e) === 46 && !firstDigit && (periods > 0 || e - s === 1 || isAbbreviation(text, s, e, h))) {
      h = Math.imul(h ^ 46, FNV_PRIME);
      x = Math.imul(x ^ 46, FNV_PRIME);
      e++;
    }
    this.end = e;
    this.wide = wide;
    this.hash = h;
    this.exact = x;
    if (firstDigit) this.kind = Kind.Number;
    else if (firstUpper) this.kind = uppers + lowers === 1 ? Kind.Initial : lowers === 0 ? Kind.Upper : Kind.Cap;
    else this.kind = uppers > 0 ? Kind.Mixed : Kind.Lower;
  }
}

/** The hash of "'s", shared by both apostrophes. */
export const POSSESSIVE_HASH = hashLower("'s");

/** Lower-case hashes of the abbreviations short enough to be checked (at most five letters). */
const ABBREVIATION_HASHES = new Set([...ABBREVIATIONS].filter((a) => a.length <= 5).map(hashLower));

/** Is text[s, e) (lower-case hash `h`) an abbreviation? The hash rules out nearly every word without a string. */
function isAbbreviation(text: string, s: number, e: number, h: number): boolean {
  if (e - s > 5 || !ABBREVIATION_HASHES.has(h)) return false;
  return ABBREVIATIONS.has(text.slice(s, e).toLowerCase());
}

/** Punctuation after which a new sentence starts: . ! ? : ; and closing quotes after them. */
function endsSentence(text: string, tokens: Tokens, j: number): boolean {
  if (tokens.kind[j] !== Kind.Punct) return false;
  const c = text.charCodeAt(tokens.start[j]);
  return c === 46 || c === 33 || c === 63 || c === 58 || c === 59 || c === 0x2026;
}

/** Opening quotes, brackets and dashes that may stand between a sentence end and its first word. */
function isOpener(text: string, tokens: Tokens, j: number): boolean {
  if (tokens.kind[j] !== Kind.Punct || tokens.bits[j] & Bit.Possessive) return false;
  const c = text.charCodeAt(tokens.start[j]);
  return c === 34 || c === 39 || c === 40 || c === 91 || c === 0x201c || c === 0x2018 || c === 0xab || c === 0x2014 || c === 0x2013 || c === 45 || c === 0x2022 || c === 42 || c === 0x201d || c === 0x2019 || c === 41;
}

/** Sets the sentence-start, headline, title-line and shouted-line bits. */
function markContext(tokens: Tokens): void {
  const { text, count, kind, bits, start } = tokens;
  let sentence = true;
  let firstLineEnd = -1;
  for (let i = 0; i < count; i++) {
    if (bits[i] & Bit.LineStart) {
      sentence = true;
      markLine(tokens, i);
      if (firstLineEnd < 0) firstLineEnd = text.indexOf('\n', start[i]) < 0 ? text.length : text.indexOf('\n', start[i]);
    }
    if (i === 0 && firstLineEnd < 0) {
      firstLineEnd = text.indexOf('\n') < 0 ? text.length : text.indexOf('\n');
      markLine(tokens, 0);
    }
    if (start[i] < firstLineEnd) bits[i] |= Bit.Headline;
    if (kind[i] === Kind.Punct) {
      if (endsSentence(text, tokens, i)) sentence = true;
      else if (!isOpener(text, tokens, i)) sentence = false;
      continue;
    }
    if (sentence) bits[i] |= Bit.SentenceStart;
    sentence = false;
  }
}

/** Marks every token of the line starting at token i as title-case or shouted when it is. */
function markLine(tokens: Tokens, i: number): void {
  const { count, kind, bits, start, end } = tokens;
  let words = 0;
  let capitals = 0;
  let lowerWords = 0;
  let j = i;
  for (; j < count && (j === i || !(bits[j] & Bit.LineStart)); j++) {
    const k = kind[j];
    if (k === Kind.Lower || k === Kind.Mixed) lowerWords++;
    if (k === Kind.Punct || k === Kind.Number) continue;
    // Short function words ("of", "the", "in") are written in lower case in title case too.
    if (end[j] - start[j] < 4) continue;
    words++;
    if (k === Kind.Cap || k === Kind.Upper || k === Kind.Initial) capitals++;
  }
  let bit = 0;
  if (lowerWords === 0 && hasUpperWord(tokens, i, j)) bit = Bit.ShoutLine;
  else if (words >= 2 && capitals / words >= 0.75 && end[j - 1] - start[i] <= 300) bit = Bit.TitleLine;
  if (!bit) return;
  for (let t = i; t < j; t++) bits[t] |= bit;
}

function hasUpperWord(tokens: Tokens, from: number, to: number): boolean {
  for (let t = from; t < to; t++) if (tokens.kind[t] === Kind.Upper) return true;
  return false;
}

/** The token's text. */
export function tokenText(tokens: Tokens, i: number): string {
  return tokens.text.slice(tokens.start[i], tokens.end[i]);
}
