import type { FigureType } from '../types';
import { readApprox } from './approximators';
import { isPluralLooking } from './countedNoun';
import { codeOfPrefix, CURRENCY_BEFORE } from './currencies';
import { readDigits, readInteger, type DigitsRead } from './digits';
import type { Draft, ReadResult } from './draft';
import { finishFigure } from './finishFigure';
import { atLineStart, codeAt, isDigit, isLetter, isSpace, isWordChar, MONTH, previousWord } from './guards';
import { readScale } from './numberWords';
import { readRange } from './ranges';
import { letterAfter, readSuffix } from './suffixes';

/*
 * Figures written in digits: "127,000 troops", "$5-6bn", "40 per cent", "7.5 km". Most digits
 * in news are no figure, so the reader refuses, in order: numbers inside words and codes,
 * phone numbers, versions, times and list markers; then, once the number is read, years, day
 * numbers of dates, street addresses, labels and links. A refused number is skipped whole.
 */

const WORD_AT = /[ \u00a0]+(\p{L}+\.?)/uy;
const MODAL_AFTER_MONTH = /[ \u00a0]+(?:May|March)[ \u00a0]+(?:to|on|in|the|be|have|not|\p{Ll}+ed)(?![\p{L}])/uy;
const SCALE_BEFORE_NOUN = /([mk])[ \u00a0]+(\p{Ll}+)/uy;
const TIME_AFTER = /[ \u00a0]?(?:[ap]\.[ \u00a0]?m\.|[ap]m(?![\p{L}])|[AP]M(?![\p{L}])|o'clock|o’clock|GMT|UTC|BST|CET|EST|EDT|PST|PDT|hrs(?![\p{L}]))/uy;
const DIMENSIONS = /[ \u00a0]?[x×][ \u00a0]?\d{1,5}(?:[ \u00a0]?[x×][ \u00a0]?\d{1,5})?(?![\p{L}\p{N}])/uy;
const STREET = /(?:[ \u00a0]+\p{Lu}[\p{L}'’.-]*){1,3}[ \u00a0]+(?:St|Street|Ave|Avenue|Road|Rd|Blvd|Boulevard|Lane|Ln|Drive|Dr|Way|Place|Pl|Square|Sq|Terrace|Court|Ct|Highway)(?![\p{L}])/uy;
const PHONE = /\d{3}[-. \u00a0]\d{3}[-. \u00a0]\d{4}(?!\d)/y;
const PHONE_PAREN = /\d{3}\)[ \u00a0]?\d{3}[-. \u00a0]\d{4}(?!\d)/y;
const PHONE_RUN = /[\d \u00a0().-]*/y;
// More numbers listed after a refused one ("posts 542 and 543", "Sweden 1 – 0").
const LISTED_NUMBERS = /(?:[ \u00a0]*(?:,|and|or|&|[-–—])[ \u00a0]*\d+)*/y;

/** Reads the figure whose first digit is at `at`, or refuses it and says where scanning resumes. */
export function readDigitFigure(text: string, at: number): ReadResult {
  const before = at > 0 ? text.charCodeAt(at - 1) : 0;
  const before2 = at > 1 ? text.charCodeAt(at - 2) : 0;
  const refused = refuseByWhatPrecedes(text, at, before, before2);
  if (refused >= 0) return { resume: refused };
  const dm = readDigits(text, at);
  if (!dm) return skip(text, at);
  const intPart = dm.intPart;
  let p = at + dm.length;
  const next = p < text.length ? text.charCodeAt(p) : 0;
  const next2 = p + 1 < text.length ? text.charCodeAt(p + 1) : 0;
  const oddShape = refuseByShape(text, at, dm, next, next2);
  if (oddShape >= 0) return { resume: oddShape };

  // Decimals go through Number() so "9.99" stays exactly 9.99.
  let value = dm.fraction ? Number(intPart.replace(/\D/g, '') + dm.fraction) : readInteger(text, at, at + intPart.length);
  const plainInteger = !dm.fraction && dm.ungrouped;

  // Currency sign or code right before the number.
  let start = at;
  let unit: string | undefined;
  let type: FigureType = 'QUANTITY';
  // Only run the currency look-behind when a sign, a code's capital or "Rs"/"dlrs" can be there.
  const c1 = before === 32 || before === 0xa0 ? before2 : before;
  const cm = c1 === 36 || (c1 >= 65 && c1 <= 90) || c1 === 115 || c1 > 127 ? CURRENCY_BEFORE.exec(text.slice(Math.max(0, at - 8), at)) : null;
  if (cm) {
    unit = codeOfPrefix(cm[1]);
    type = 'MONEY';
    start = at - cm[1].length - cm[2].length;
  }

  // Most numbers are followed by a space and a plain word; the readers below that need a letter
  // right after the number (or after one space) are skipped when there is none.
  const wordAfter = letterAfter(text, p);
  TIME_AFTER.lastIndex = p;
  if (!unit && wordAfter && TIME_AFTER.test(text)) return skip(text, at);

  const scale = readScaleAfter(text, p, type === 'MONEY', wordAfter, next, next2);
  if (scale) {
    value *= scale.factor;
    p = scale.end;
  }
  const scaled = scale !== undefined;
  const draft: Draft = { start, end: p, type, value, unit, measure: 'number' };
  const prev = previousWord(text, start);
  draft.approx = readApprox(text, start, prev);
  p = readRange(text, draft, p, scale?.factor);
  const suffixed = readSuffix(text, draft, p);
  p = suffixed.end;

  // Dimensions: "320x240", "1920 × 1080" (a screen or an image size).
  if (draft.type === 'QUANTITY' && !suffixed.unit && draft.high === undefined) {
    const dimensions = readDimensions(text, at, draft, p);
    if (dimensions) return dimensions;
  }
  const after = p < text.length ? text.charCodeAt(p) : 0;
  // Letters touching the number that no reader took: ordinals ("3rd"), decades ("1990s"), "3pm".
  if (isLetter(after) || isDigit(after)) return skip(text, at);

  // Only a bare count can be a year, a day of a date or a house number.
  const bare = draft.type === 'QUANTITY' && !suffixed.unit && plainInteger;
  const dated = bare ? refuseDateOrAddress(text, at, draft, p, prev, value, scaled, intPart.length) : undefined;
  if (dated) return dated;
  p = finishFigure(text, draft, p, suffixed.unit, prev, value === 1 && !draft.high);
  if (p < 0) return { resume: skipListedNumbers(text, Math.max(tokenEnd(text, at), draft.end)) };
  if (inLink(text, draft.start, draft.end)) return skip(text, at);
  return { draft, resume: draft.end };
}

/** Skips the whole token at `at`: a refused number is never read again from its middle. */
function skip(text: string, at: number): ReadResult {
  return { resume: tokenEnd(text, at) };
}

/**
 * Refuses a number by the characters before it: inside a word or code ("G7", "F-16",
 * "COVID-19", "3/4", "v2", "#3", "'09"), or a phone number ("+1 202 555 0143", "(202) 555-0143").
 * Returns where scanning resumes, or -1 to read on.
 */
function refuseByWhatPrecedes(text: string, at: number, before: number, before2: number): number {
  // Inside a word or code: "G7", "F-16", "COVID-19", "3/4", "v2", ".5" of a version, "#3", "'09".
  if (isWordChar(before)) return tokenEnd(text, at);
  if ((before === 45 || before === 47 || before === 46 || before === 58 || before === 95 || before === 0x2011) && isWordChar(before2)) return tokenEnd(text, at);
  // A decimal without its leading zero (".526", a batting average) is a fraction, seldom a count.
  if (before === 46) return tokenEnd(text, at);
  if (before === 35 || before === 39 || before === 0x2019 || before === 64) return tokenEnd(text, at);
  // Phone numbers: "+1 202 555 0143", "(202) 555-0143", "202-555-0143".
  if (before === 43) {
    PHONE_RUN.lastIndex = at;
    PHONE_RUN.exec(text);
    return PHONE_RUN.lastIndex;
  }
  if (before === 40) {
    PHONE_PAREN.lastIndex = at;
    if (PHONE_PAREN.test(text)) return PHONE_PAREN.lastIndex;
  }
  return -1;
}

/**
 * Refuses a number by its shape: a phone number ("202-555-0143"), a version, time, date or
 * fraction ("1.2.3", "10:30", "3/4", "1,2345"), leading zeros ("007") or a list marker ("1. ").
 * Returns where scanning resumes, or -1 to read on.
 */
function refuseByShape(text: string, at: number, dm: DigitsRead, next: number, next2: number): number {
  if (dm.length === 3 && (next === 45 || next === 46 || next === 32 || next === 0xa0) && isDigit(next2)) {
    PHONE.lastIndex = at;
    if (PHONE.test(text)) return PHONE.lastIndex;
  }
  // Version strings ("1.2.3"), times ("10:30"), dates and fractions ("3/4", "24/7"), odd grouping ("1,2345").
  if ((next === 46 || next === 58 || next === 47 || next === 44) && isDigit(next2)) return tokenEnd(text, at);
  // Leading zeros are codes, not counts ("007", "0143").
  if (dm.intPart.length > 1 && dm.intPart.charCodeAt(0) === 48 && !dm.fraction) return tokenEnd(text, at);
  // A list marker at the start of a line ("1. ", "2) ").
  if ((next === 46 || next === 41) && (next2 === 32 || next2 === 9) && atLineStart(text, at)) return tokenEnd(text, at);
  return -1;
}

/** A scale word or letter after the number ("5 billion", "$5bn", "1.2m units"), or undefined. */
function readScaleAfter(
  text: string,
  p: number,
  money: boolean,
  wordAfter: boolean,
  next: number,
  next2: number,
): { factor: number; end: number } | undefined {
  // "1.2m units", "50k people": a touching m or k before a plural noun is a scale, not metres.
  let scale = wordAfter || (next === 45 && isLetter(next2)) ? readScale(text, p, money) : undefined;
  if (!scale && (next === 109 || next === 107)) {
    SCALE_BEFORE_NOUN.lastIndex = p;
    const sm = SCALE_BEFORE_NOUN.exec(text);
    if (sm && isPluralLooking(sm[2])) scale = { factor: next === 109 ? 1e6 : 1e3, end: p + 1 };
  }
  return scale;
}

/** Dimensions: "320x240", "1920 × 1080"; the figure ends after them. Undefined when there are none. */
function readDimensions(text: string, at: number, draft: Draft, p: number): ReadResult | undefined {
  const cx = codeAt(text, p) === 32 ? codeAt(text, p + 1) : codeAt(text, p);
  if (cx !== 120 && cx !== 0xd7) return undefined;
  DIMENSIONS.lastIndex = p;
  if (!DIMENSIONS.test(text)) return undefined;
  draft.end = p = DIMENSIONS.lastIndex;
  draft.measure = 'dimensions';
  if (isLetter(codeAt(text, p)) || isDigit(codeAt(text, p))) return skip(text, at);
  return { draft, resume: p };
}

/**
 * Refuses a bare count that is part of a date or an address: a year ("1998"), a street
 * number ("10 Downing Street"), a day of a date ("March 3", "3 March") or a day range
 * ("11-13 Dec."). Returns where scanning resumes, or undefined when the count stands.
 */
function refuseDateOrAddress(
  text: string,
  at: number,
  draft: Draft,
  p: number,
  prev: { word: string; start: number },
  value: number,
  scaled: boolean,
  digits: number,
): ReadResult | undefined {
  // Years: a bare four-digit number from 1000 to 2100, unless money, a percentage or a measure.
  if (!scaled && digits === 4 && value >= 1000 && value <= 2100) return skip(text, at);
  // Street addresses: "469 Vermont St.", "10 Downing Street".
  const cs = codeAt(text, p + 1);
  if (cs >= 65 && cs <= 90) {
    STREET.lastIndex = p;
    if (STREET.test(text)) return skip(text, at);
  }
  if (!scaled && value >= 1 && value <= 31) {
    // Day numbers of dates: "March 3", "3 March", "Jan. 21".
    if (MONTH.test(prev.word)) return skip(text, at);
    WORD_AT.lastIndex = p;
    const nw = WORD_AT.exec(text);
    if (nw && MONTH.test(nw[1]) && nw[1] !== 'May' && nw[1] !== 'March') return skip(text, at);
    if (nw && (nw[1] === 'May' || nw[1] === 'March')) {
      // "3 May" is a date; "3 may have ..." is not (the modal is lower-case), nor "5 March to Selma".
      MODAL_AFTER_MONTH.lastIndex = p;
      if (!MODAL_AFTER_MONTH.test(text)) return skip(text, at);
    }
  }
  // A day range of a date: "11-13 Dec.", "3-5 March".
  if (draft.high !== undefined && draft.high <= 31) {
    WORD_AT.lastIndex = p;
    const nw = WORD_AT.exec(text);
    if (nw && MONTH.test(nw[1])) return { resume: p };
  }
  return undefined;
}

/** Where a list of numbers after a refused label number ends, so its members are refused too. */
function skipListedNumbers(text: string, pos: number): number {
  LISTED_NUMBERS.lastIndex = pos;
  LISTED_NUMBERS.exec(text);
  return Math.max(pos, LISTED_NUMBERS.lastIndex);
}

/** End of the token at `pos`: letters, digits and in-word punctuation, so a refused number is skipped whole. */
function tokenEnd(text: string, pos: number): number {
  let p = pos;
  const limit = Math.min(text.length, pos + 200);
  while (p < limit) {
    const c = text.charCodeAt(p);
    if (isWordChar(c)) p++;
    else if ((c === 46 || c === 44 || c === 45 || c === 47 || c === 58) && p + 1 < text.length && isWordChar(text.charCodeAt(p + 1))) p += 2;
    else break;
  }
  return p;
}

/** True when the whitespace-delimited token around [start, end) is a URL, e-mail or path. */
function inLink(text: string, start: number, end: number): boolean {
  // Only a token with a slash, an at sign or a dot can be a link; most figures have none.
  let marked = false;
  let a = start;
  while (a > 0 && start - a < 200 && !isSpaceOrBreak(text.charCodeAt(a - 1))) {
    a--;
    const c = text.charCodeAt(a);
    if (c === 47 || c === 64 || c === 46) marked = true;
  }
  let b = end;
  while (b < text.length && b - end < 200 && !isSpaceOrBreak(text.charCodeAt(b))) {
    const c = text.charCodeAt(b);
    if (c === 47 || c === 64 || c === 46) marked = true;
    b++;
  }
  if (!marked || b - a < 4) return false;
  const token = text.slice(a, b);
  return /:\/\/|^www\.|@|\/\w|\.(?:com|org|net|gov|html?|php|pdf)\b/i.test(token);
}

function isSpaceOrBreak(c: number): boolean {
  return isSpace(c) || c === 10 || c === 13;
}
