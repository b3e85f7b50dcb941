import { codeAt, isDigit } from './guards';

/*
 * Numbers written in digits: "38", "2.5", "127,000", "127 000" (SI spacing). The plain case
 * is read from char codes, as it runs for every digit in an article.
 */

const ONLY_DIGITS = /^\d+$/;
// Thousands grouped by commas, or by the no-break and thin spaces of SI style ("127 000").
export const DIGITS = /(\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?!\d)|\d+)(\.\d+)?/y;

/** A number in digits as DIGITS reads it: the integer part, the decimal part if any, the length. */
export interface DigitsRead {
  intPart: string;
  fraction: string | undefined;
  length: number;
  /** True when the integer part is digits only (no thousands separators). */
  ungrouped: boolean;
}

/**
 * What DIGITS matches at `at`, read from char codes for the common plain number ("38", "2.5").
 * Only a run of at most three digits followed by a comma or a thin or no-break space can be a
 * grouped number ("127,000"); that case goes through DIGITS itself.
 */
export function readDigits(text: string, at: number): DigitsRead | null {
  let e = at;
  while (e < text.length && isDigit(text.charCodeAt(e))) e++;
  if (e === at) return null;
  const next = codeAt(text, e);
  if (e - at <= 3 && (next === 44 || next === 0xa0 || next === 0x202f || next === 0x2009)) {
    DIGITS.lastIndex = at;
    const dm = DIGITS.exec(text);
    return dm && { intPart: dm[1], fraction: dm[2], length: dm[0].length, ungrouped: ONLY_DIGITS.test(dm[1]) };
  }
  let end = e;
  let fraction: string | undefined;
  if (next === 46 && isDigit(codeAt(text, e + 1))) {
    end = e + 2;
    while (end < text.length && isDigit(text.charCodeAt(end))) end++;
    fraction = text.slice(e, end);
  }
  return { intPart: text.slice(at, e), fraction, length: end - at, ungrouped: true };
}

/** The integer written in text[start, end), skipping group separators; read from char codes, as this runs for every figure. */
export function readInteger(text: string, start: number, end: number): number {
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) v = v * 10 + (c - 48);
  }
  return v;
}
