/**
 * Small character tests and look-behind helpers for the figures scanner. They read char
 * codes directly so the scanner allocates nothing per character.
 */

/** True for a letter: ASCII letters, and any non-ASCII letter-range code (accents, Cyrillic, CJK). */
export function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && code < 0x2000) || (code >= 0x3040 && code < 0xfe00);
}

/**
 * `text.charCodeAt(i)` with an explicit bounds check, and -1 outside the text where charCodeAt
 * gives NaN: every test here reads both as "no character". V8 compiles a plain charCodeAt
 * assuming the index is in range and throws the optimized code away when it is not, which the
 * readers (peeking past a figure at the end of an article) do often; -1 also keeps the char
 * tests on small integers.
 */
export function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

/** True for an ASCII digit. */
export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** True for a letter or digit or underscore: a character that continues a word. */
export function isWordChar(code: number): boolean {
  return isLetter(code) || isDigit(code) || code === 95;
}

/** True for inline white space (not a line break). */
export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0x202f || code === 0x2009;
}

/** The word right before `pos` (skipping inline spaces), with where it starts; "" when none. */
export function previousWord(text: string, pos: number): { word: string; start: number } {
  let p = pos;
  let spaces = 0;
  while (p > 0 && isSpace(text.charCodeAt(p - 1)) && spaces < 8) {
    p--;
    spaces++;
  }
  const end = p;
  // Words may carry inner dots and apostrophes ("U.S.", "No.", "Jan.").
  while (p > 0 && end - p < 40) {
    const c = text.charCodeAt(p - 1);
    if (isWordChar(c) || c === 46 || c === 39 || c === 0x2019 || c === 45 || c === 38) p--;
    else break;
  }
  // Do not start a word on punctuation.
  while (p < end && !isWordChar(text.charCodeAt(p))) p++;
  return { word: text.slice(p, end), start: p };
}

/**
 * True when `pos` begins a sentence or a line: only spaces, quotes or brackets stand between it
 * and a sentence end, a line break or the start of the text.
 */
export function startsSentence(text: string, pos: number): boolean {
  let p = pos;
  while (p > 0) {
    const c = text.charCodeAt(p - 1);
    if (isSpace(c) || c === 34 || c === 39 || c === 0x201c || c === 0x2018 || c === 40 || c === 96) {
      p--;
      continue;
    }
    return c === 10 || c === 13 || c === 46 || c === 33 || c === 63 || c === 58 || c === 0xfeff;
  }
  return true;
}

/** True when only inline spaces stand between the line start and `pos`. */
export function atLineStart(text: string, pos: number): boolean {
  let p = pos;
  while (p > 0) {
    const c = text.charCodeAt(p - 1);
    if (c === 10 || c === 13 || c === 0xfeff) return true;
    if (!isSpace(c)) return false;
    p--;
  }
  return true;
}

/** Month names and their abbreviations, for telling "March 3" (a date) from "3 marches". */
export const MONTH = /^(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?$/;
