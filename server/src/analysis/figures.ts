import { codeOfPrefix, codeOfWord, CURRENCY_AFTER, CURRENCY_BEFORE, hundredthOf } from './figures/currencies';
import { isPluralLooking, readCounted, TIME_NOUNS } from './figures/countedNoun';
import { atLineStart, codeAt, isDigit, isLetter, isSpace, isWordChar, MONTH, previousWord, startsSentence } from './figures/guards';
import { NUMBER_WORD_ALTERNATION, readNumberWords, readScale } from './figures/numberWords';
import { readUnit } from './figures/units';
import type { DateMention, FigureMention, FigureType } from './types';
import { trieAlternation } from './dates/trieAlternation';
import { wordTable } from './wordTable';

/*
 * Figures: money, percentages and counts. One global regex finds where a number may start (a
 * digit, a number word, "a million", "dozens"); small sticky readers then read forward (scale,
 * range, %, currency, unit, counted noun) and a few short look-behinds read backward
 * (currency sign, approximator, the word before). Span convention, as the MEANTIME and re3d
 * gold mark figures: the currency and the unit are part of the span ("$5bn", "US$ 40",
 * "7.5 kilometers", "40 per cent"), the approximator and the counted noun are not (they are
 * in `approx` and `counted`).
 *
 * `measure` groups figures across the corpus: "money:<ISO code>" ("money:USD"); "percent",
 * "percent:<noun>" when the text says what share ("30% of the territory" → "percent:territory")
 * or "percentage points"; for a unit of measure its canonical symbol ("km", "GB", "tonnes");
 * "age" for ages; "times" for "18-fold" or "at least once"; otherwise the counted noun in the
 * lower-case plural ("one strike" and "15 strikes" → "strikes"), and "number" when nothing is
 * counted.
 */

// Where a figure may start: a digit, or a number word at a word start ("someone", "often" do
// not match). The words are compiled into a trie-shaped alternation, which V8 runs several times
// faster than a flat list of 45 words; whether the word stands alone is checked in code.
const ANCHOR = new RegExp(
  `\\d|\\b(?:${trieAlternation([
    ...NUMBER_WORD_ALTERNATION.split('|'),
    'tens', 'dozens', 'hundreds', 'thousands', 'millions', 'billions', 'trillions',
    'half a', 'half an', 'a dozen', 'a hundred', 'a thousand', 'a million', 'a billion', 'a trillion',
    'a half', 'a third', 'a quarter', 'a fifth', 'an eighth', 'once', 'twice', 'thrice',
  ])})\\b`,
  'gi',
);

const ONLY_DIGITS = /^\d+$/;
// Thousands grouped by commas, or by the no-break and thin spaces of SI style ("127 000").
const DIGITS = /(\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?!\d)|\d+)(\.\d+)?/y;
// "a million", "an estimated"-free forms: the article and a scale word.
const ARTICLE_SCALE = /an?[ \u00a0]+(dozen|hundred|thousand|million|billion|trillion)(?![\p{L}\p{N}])/iuy;
const HALF_SCALE = /half[ \u00a0]+an?[ \u00a0]+(dozen|million|billion|trillion)(?![\p{L}\p{N}])/iuy;
// Fractions that name a share of something ("about a quarter of", "two-thirds of").
const FRACTION =
  /(?:(an?|one)[ \u00a0-]+(half|third|quarter|fifth)|(two|three|four)-(thirds|quarters|fifths))(?=,?[ \u00a0]+of[ \u00a0])/iuy;
const FRACTION_VALUES: Record<string, number> = wordTable({ half: 0.5, third: 1 / 3, quarter: 0.25, fifth: 0.2, thirds: 1 / 3, quarters: 0.25, fifths: 0.2 });
// Vague counts: "dozens", "hundreds of thousands", "tens of millions".
const VAGUE = /(tens|dozens|hundreds|thousands|millions|billions|trillions)(?:[ \u00a0]+of[ \u00a0]+(thousands|millions|billions))?(?![\p{L}\p{N}])/iuy;
const UNIT_WORD_START =
  /^(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)$/i;
const WORD_AT = /[ \u00a0]+(\p{L}+\.?)/uy;
const MODAL_AFTER_MONTH = /[ \u00a0]+(?:May|March)[ \u00a0]+(?:to|on|in|the|be|have|not|\p{Ll}+ed)(?![\p{L}])/uy;
const SCALE_BEFORE_NOUN = /([mk])[ \u00a0]+(\p{Ll}+)/uy;
const VAGUE_BEFORE = /(?:several|a few|few|many|some)[ \u00a0]+$/i;
const OF_WORD = /[ \u00a0]+of(?=[ \u00a0])/y;
const OF_DETERMINERS = /[ \u00a0]+of((?:[ \u00a0]+(?:the|its|their|his|her|all|this|that|these|those|our|your|my|total|a|an))*)(?=[ \u00a0])/iy;

const RANGE_DASH = /[ \u00a0]?[-–—][ \u00a0]?/y;
const RANGE_TO = /[ \u00a0]+to[ \u00a0]+/y;
const RANGE_AND = /[ \u00a0]+and[ \u00a0]+/y;
const PERCENT = /[ \u00a0]?(%|per[ \u00a0]?cent(?![\p{L}])|percent(?![\p{L}])|pct(?![\p{L}])|percentage[ \u00a0]+points?(?![\p{L}]))/iuy;
const TIME_AFTER = /[ \u00a0]?(?:[ap]\.[ \u00a0]?m\.|[ap]m(?![\p{L}])|[AP]M(?![\p{L}])|o'clock|o’clock|GMT|UTC|BST|CET|EST|EDT|PST|PDT|hrs(?![\p{L}]))/uy;
const HYPHEN_WORD = /-(\p{L}+(?:-\p{L}+){0,2})(?![\p{L}\p{N}])/uy;
const DIMENSIONS = /[ \u00a0]?[x×][ \u00a0]?\d{1,5}(?:[ \u00a0]?[x×][ \u00a0]?\d{1,5})?(?![\p{L}\p{N}])/uy;
// "at least once", "more than twice": a count of occasions, only with an approximator.
const TIMES_WORD = /(once|twice|thrice)(?![\p{L}\p{N}])/iuy;
const STREET = /(?:[ \u00a0]+\p{Lu}[\p{L}'’.-]*){1,3}[ \u00a0]+(?:St|Street|Ave|Avenue|Road|Rd|Blvd|Boulevard|Lane|Ln|Drive|Dr|Way|Place|Pl|Square|Sq|Terrace|Court|Ct|Highway)(?![\p{L}])/uy;
// Years spoken in words: "nineteen ninety-seven", "twenty twenty-two".
const SPOKEN_YEAR = /(?:nineteen|eighteen|twenty)[ \u00a0]+(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|oh[ \u00a0-]\p{L}+|hundred)(?![\p{L}-])/iuy;
const PHONE = /\d{3}[-. \u00a0]\d{3}[-. \u00a0]\d{4}(?!\d)/y;
const PHONE_PAREN = /\d{3}\)[ \u00a0]?\d{3}[-. \u00a0]\d{4}(?!\d)/y;
const PHONE_RUN = /[\d \u00a0().-]*/y;
// One-word approximators; the phrases ("at least", "more than", "as many as", "just over",
// "in excess of", "an estimated") are read word by word in readApprox.
const APPROX_WORDS = new Set('nearly almost about around roughly approximately approx. some between circa c.'.split(' '));
// Words before a number that make it a label, not a count ("Article 5", "Flight 370", "No. 1").
const LABELS = new Set(
  ('article section chapter resolution page paragraph clause room flight route highway interstate no no. nos. number ' +
    'version v level phase grade category size channel episode season stage step round gate platform line bus lane exit ' +
    'ward district precinct block lot item figure table rule amendment title part volume vol vol. issue tier class row ' +
    'seat terminal apartment apt apt. suite floor pier zone sector unit camp base battalion brigade division corps ' +
    'squadron regiment fleet model series game match week day year term code type mark mk mk. ' +
    'ages aged age top pp p p. id ' +
    // Plural labels list several numbers ("posts 542 and 543", "Resolutions 2254 and 2118").
    'articles sections chapters resolutions pages paragraphs rooms flights routes highways posts lines gates ' +
    'platforms exits items figures tables rules amendments versions levels phases stages rounds games matches').split(' '),
);

/** Time-unit words right after a count make it a duration ("two days"), which the dates stage owns. */
const TIME_NEXT = /(?:[ \u00a0]+(?:more|additional|further|extra|full|straight|consecutive|long|short|successive|previous|past|last|next|remaining|coming))?[ \u00a0-]+(\p{L}+)/uy;

/** A figure before its text is cut from the article. */
type Draft = Omit<FigureMention, 'kind' | 'text'>;

/**
 * Finds the figures of an article: money ("$5bn", "€300m", "5 billion dollars"),
 * percentages ("40%", "40 per cent") and counts ("127,000 troops", "two dozen", "a million"),
 * with their value, range, currency, approximator and counted noun. Never returns years,
 * dates, day numbers of dates, times, phone numbers, URLs, version strings, ordinals,
 * numbers inside words (F-16, COVID-19, G7) or list markers. `dates` are the article's
 * time expressions; no figure overlaps one. Never throws on odd input.
 */
export function findFigures(text: string, dates: DateMention[]): FigureMention[] {
  const out: FigureMention[] = [];
  if (typeof text !== 'string' || text.length === 0) return out;
  const given = Array.isArray(dates) ? dates : [];
  // The dates stage returns its mentions in text order; sort only what comes otherwise.
  const sortedDates = isSortedByStart(given) ? given : [...given].sort((a, b) => a.start - b.start);
  let dateIndex = 0;
  ANCHOR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ANCHOR.exec(text)) !== null) {
    const at = m.index;
    const first = codeAt(text, at);
    // Number words must start a word: not after a letter, digit, apostrophe or hyphen ("F-one").
    const before = at > 0 ? text.charCodeAt(at - 1) : 0;
    const result = isDigit(first)
      ? readDigitFigure(text, at)
      : isWordChar(before) || before === 39 || before === 0x2019 || before === 45 || isLetter(codeAt(text, at + m[0].length))
        ? { resume: at + m[0].length }
        : readWordFigure(text, at, firstWord(m[0]));
    if (result.draft) {
      const d = result.draft;
      // A currency read backward may reach into the previous figure ("5 USD 6"): keep figures apart.
      const lastEnd = out.length > 0 ? out[out.length - 1].end : 0;
      if (d.start < lastEnd) d.start = Math.max(lastEnd, at);
      while (dateIndex < sortedDates.length && sortedDates[dateIndex].end <= d.start) dateIndex++;
      let overlapsDate = false;
      for (let k = dateIndex; k < sortedDates.length && sortedDates[k].start < d.end; k++) {
        if (sortedDates[k].end > d.start) {
          overlapsDate = true;
          break;
        }
      }
      if (!overlapsDate) out.push(toMention(text, d));
    }
    // Resume after what was read (or skipped), never before the anchor's own end.
    ANCHOR.lastIndex = Math.max(result.resume, at + m[0].length);
  }
  return out;
}

function isSortedByStart(dates: DateMention[]): boolean {
  for (let i = 1; i < dates.length; i++) if (dates[i].start < dates[i - 1].start) return false;
  return true;
}

/** The first word of an anchor ("half" of "half a"): up to its first space or no-break space. */
function firstWord(anchor: string): string {
  for (let i = 0; i < anchor.length; i++) {
    const c = anchor.charCodeAt(i);
    if (c === 32 || c === 0xa0) return anchor.slice(0, i);
  }
  return anchor;
}

function toMention(text: string, d: Draft): FigureMention {
  const f: FigureMention = {
    kind: 'figure',
    type: d.type,
    start: d.start,
    end: d.end,
    text: text.slice(d.start, d.end),
    // A digit string too long for a double reads as Infinity; say "unreadable" instead.
    value: d.value !== null && Number.isFinite(d.value) ? d.value : null,
    measure: d.measure,
  };
  if (d.high !== undefined && Number.isFinite(d.high)) f.high = d.high;
  if (d.unit !== undefined) f.unit = d.unit;
  if (d.counted !== undefined) f.counted = d.counted;
  if (d.approx !== undefined) f.approx = d.approx;
  return f;
}

/** What a reader found: a figure, or nothing, and where scanning resumes. */
interface ReadResult {
  draft?: Draft;
  resume: number;
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

function readDigitFigure(text: string, at: number): ReadResult {
  const skip = (): ReadResult => ({ resume: tokenEnd(text, at) });
  const before = at > 0 ? text.charCodeAt(at - 1) : 0;
  const before2 = at > 1 ? text.charCodeAt(at - 2) : 0;
  // Inside a word or code: "G7", "F-16", "COVID-19", "3/4", "v2", ".5" of a version, "#3", "'09".
  if (isWordChar(before)) return skip();
  if ((before === 45 || before === 47 || before === 46 || before === 58 || before === 95 || before === 0x2011) && isWordChar(before2)) return skip();
  // A decimal without its leading zero (".526", a batting average) is a fraction, seldom a count.
  if (before === 46) return skip();
  if (before === 35 || before === 39 || before === 0x2019 || before === 64) return skip();
  // Phone numbers: "+1 202 555 0143", "(202) 555-0143", "202-555-0143".
  if (before === 43) {
    PHONE_RUN.lastIndex = at;
    PHONE_RUN.exec(text);
    return { resume: PHONE_RUN.lastIndex };
  }
  if (before === 40) {
    PHONE_PAREN.lastIndex = at;
    if (PHONE_PAREN.test(text)) return { resume: PHONE_PAREN.lastIndex };
  }

  const dm = readDigits(text, at);
  if (!dm) return skip();
  const intPart = dm.intPart;
  let p = at + dm.length;
  const next = p < text.length ? text.charCodeAt(p) : 0;
  const next2 = p + 1 < text.length ? text.charCodeAt(p + 1) : 0;
  if (dm.length === 3 && (next === 45 || next === 46 || next === 32 || next === 0xa0) && isDigit(next2)) {
    PHONE.lastIndex = at;
    if (PHONE.test(text)) return { resume: PHONE.lastIndex };
  }
  // Version strings ("1.2.3"), times ("10:30"), dates and fractions ("3/4", "24/7"), odd grouping ("1,2345").
  if ((next === 46 || next === 58 || next === 47 || next === 44) && isDigit(next2)) return skip();
  // Leading zeros are codes, not counts ("007", "0143").
  if (intPart.length > 1 && intPart.charCodeAt(0) === 48 && !dm.fraction) return skip();
  // A list marker at the start of a line ("1. ", "2) ").
  if ((next === 46 || next === 41) && (next2 === 32 || next2 === 9) && atLineStart(text, at)) return skip();

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
  if (!unit && wordAfter && TIME_AFTER.test(text)) return skip();

  let scaled = false;
  // "1.2m units", "50k people": a touching m or k before a plural noun is a scale, not metres.
  let scale = wordAfter || (next === 45 && isLetter(next2)) ? readScale(text, p, type === 'MONEY') : undefined;
  if (!scale && (next === 109 || next === 107)) {
    SCALE_BEFORE_NOUN.lastIndex = p;
    const sm = SCALE_BEFORE_NOUN.exec(text);
    if (sm && isPluralLooking(sm[2])) scale = { factor: next === 109 ? 1e6 : 1e3, end: p + 1 };
  }
  if (scale) {
    value *= scale.factor;
    p = scale.end;
    scaled = true;
  }
  const draft: Draft = { start, end: p, type, value, unit, measure: 'number' };
  const prev = previousWord(text, start);
  draft.approx = readApprox(text, start, prev);
  p = readRange(text, draft, p, scale?.factor);
  const suffixed = readSuffix(text, draft, p);
  p = suffixed.end;

  // Dimensions: "320x240", "1920 × 1080" (a screen or an image size).
  const cx = codeAt(text, p) === 32 ? codeAt(text, p + 1) : codeAt(text, p);
  if ((cx === 120 || cx === 0xd7) && draft.type === 'QUANTITY' && !suffixed.unit && draft.high === undefined) {
    DIMENSIONS.lastIndex = p;
    if (DIMENSIONS.test(text)) {
      draft.end = p = DIMENSIONS.lastIndex;
      draft.measure = 'dimensions';
      if (isLetter(codeAt(text, p)) || isDigit(codeAt(text, p))) return skip();
      return { draft, resume: p };
    }
  }
  const after = p < text.length ? text.charCodeAt(p) : 0;
  // Letters touching the number that no reader took: ordinals ("3rd"), decades ("1990s"), "3pm".
  if (isLetter(after) || isDigit(after)) return skip();

  // Years: a bare four-digit number from 1000 to 2100, unless money, a percentage or a measure.
  if (plainInteger && !scaled && draft.type === 'QUANTITY' && !suffixed.unit && intPart.length === 4 && value >= 1000 && value <= 2100) {
    return skip();
  }
  // Street addresses: "469 Vermont St.", "10 Downing Street".
  const cs = codeAt(text, p + 1);
  if (cs >= 65 && cs <= 90 && draft.type === 'QUANTITY' && !suffixed.unit && plainInteger) {
    STREET.lastIndex = p;
    if (STREET.test(text)) return skip();
  }
  if (draft.type === 'QUANTITY' && !suffixed.unit && !scaled && plainInteger && value >= 1 && value <= 31) {
    // Day numbers of dates: "March 3", "3 March", "Jan. 21".
    if (MONTH.test(prev.word)) return skip();
    WORD_AT.lastIndex = p;
    const nw = WORD_AT.exec(text);
    if (nw && MONTH.test(nw[1]) && nw[1] !== 'May' && nw[1] !== 'March') return skip();
    if (nw && (nw[1] === 'May' || nw[1] === 'March')) {
      // "3 May" is a date; "3 may have ..." is not (the modal is lower-case), nor "5 March to Selma".
      MODAL_AFTER_MONTH.lastIndex = p;
      if (!MODAL_AFTER_MONTH.test(text)) return skip();
    }
  }
  // A day range of a date: "11-13 Dec.", "3-5 March".
  if (draft.high !== undefined && draft.high <= 31 && draft.type === 'QUANTITY' && !suffixed.unit && plainInteger) {
    WORD_AT.lastIndex = p;
    const nw = WORD_AT.exec(text);
    if (nw && MONTH.test(nw[1])) return { resume: p };
  }
  p = finishFigure(text, draft, p, suffixed.unit, prev, value === 1 && !draft.high);
  if (p < 0) return { resume: skipListedNumbers(text, Math.max(tokenEnd(text, at), draft.end)) };
  if (inLink(text, draft.start, draft.end)) return skip();
  return { draft, resume: draft.end };
}

/** A number in digits as DIGITS reads it: the integer part, the decimal part if any, the length. */
interface DigitsRead {
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
function readDigits(text: string, at: number): DigitsRead | null {
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

// More numbers listed after a refused one ("posts 542 and 543", "Sweden 1 – 0").
const LISTED_NUMBERS = /(?:[ \u00a0]*(?:,|and|or|&|[-–—])[ \u00a0]*\d+)*/y;

/** Where a list of numbers after a refused label number ends, so its members are refused too. */
function skipListedNumbers(text: string, pos: number): number {
  LISTED_NUMBERS.lastIndex = pos;
  LISTED_NUMBERS.exec(text);
  return Math.max(pos, LISTED_NUMBERS.lastIndex);
}

/** The integer written in text[start, end), skipping group separators; read from char codes, as this runs for every figure. */
function readInteger(text: string, start: number, end: number): number {
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) v = v * 10 + (c - 48);
  }
  return v;
}

/** The lower-cased word right before `pos`, with where it starts. */
function lowerWordBefore(text: string, pos: number): { word: string; start: number } {
  const w = previousWord(text, pos);
  return { word: w.word.toLowerCase(), start: w.start };
}

/** True when a letter follows `p`, touching or after one space. */
function letterAfter(text: string, p: number): boolean {
  const c = codeAt(text, p);
  if (isLetter(c)) return true;
  return (c === 32 || c === 0xa0) && isLetter(codeAt(text, p + 1));
}

/** Reads the approximator written right before `start`, lower-cased. */
function readApprox(text: string, start: number, previous: { word: string; start: number }): string | undefined {
  if (start === 0 || previous.word === '') return undefined;
  const w1 = previous.word.toLowerCase();
  // Read word by word, backward; the longest phrase wins ("no more than" over "more than").
  const before = (p: { start: number }) => lowerWordBefore(text, p.start);
  switch (w1) {
    case 'than': {
      const w2 = before(previous);
      if (w2.word !== 'more' && w2.word !== 'less' && w2.word !== 'fewer') return undefined;
      return before(w2).word === 'no' ? `no ${w2.word} than` : `${w2.word} than`;
    }
    case 'least':
    case 'most':
      return before(previous).word === 'at' ? `at ${w1}` : undefined;
    case 'to': {
      const w2 = before(previous).word;
      return w2 === 'up' || w2 === 'close' ? `${w2} to` : undefined;
    }
    case 'as': {
      const w2 = before(previous);
      if (w2.word !== 'many' && w2.word !== 'much' && w2.word !== 'few' && w2.word !== 'little') return undefined;
      return before(w2).word === 'as' ? `as ${w2.word} as` : undefined;
    }
    case 'of': {
      const w2 = before(previous);
      if (w2.word === 'upwards') return 'upwards of';
      return w2.word === 'excess' && before(w2).word === 'in' ? 'in excess of' : undefined;
    }
    case 'over':
    case 'under': {
      const w2 = before(previous).word;
      return w2 === 'just' || w2 === 'well' ? `${w2} ${w1}` : w1;
    }
    case 'estimated':
      return before(previous).word === 'an' ? 'an estimated' : 'estimated';
    default:
      return APPROX_WORDS.has(w1) ? w1 : undefined;
  }
}

/**
 * Reads the upper end of a range after the first number: "15-20", "20 to 25", "$5-6 billion",
 * "$5-$6bn", and "between 10 and 15". A second number lower than the first ("52-35", a vote or
 * a score) is kept in the span but gives no `high`. Returns where the figure now ends.
 */
function readRange(text: string, draft: Draft, p: number, firstScale: number | undefined): number {
  // Quick test: a range needs a dash, "to" or "and" right after the number or one space.
  let c = codeAt(text, p);
  if (c === 32 || c === 0xa0) c = codeAt(text, p + 1);
  if (c !== 45 && c !== 0x2013 && c !== 0x2014 && c !== 116 && c !== 97) return p;
  const joins: RegExp[] = draft.approx === 'between' ? [RANGE_AND] : [RANGE_DASH, RANGE_TO];
  for (const join of joins) {
    join.lastIndex = p;
    const jm = join.exec(text);
    if (!jm) continue;
    // "from 5 to 10" is a change, not a range.
    if (join === RANGE_TO && /from[ \u00a0]+$/i.test(text.slice(Math.max(0, draft.start - 6), draft.start))) continue;
    let q = join.lastIndex;
    // A repeated currency sign ("$5-$6bn").
    if (draft.type === 'MONEY' && (codeAt(text, q) === 36 || codeAt(text, q) === 0x20ac || codeAt(text, q) === 0xa3)) q++;
    let second: number;
    let end: number;
    if (isDigit(codeAt(text, q))) {
      DIGITS.lastIndex = q;
      const dm = DIGITS.exec(text);
      if (!dm) continue;
      // A leading zero or a four-digit year after a dash is a code or a season ("2005-06").
      if (dm[1].length > 1 && dm[1].charCodeAt(0) === 48 && !dm[2]) continue;
      end = q + dm[0].length;
      const n = codeAt(text, end);
      if ((n === 46 || n === 58 || n === 47 || n === 44) && isDigit(codeAt(text, end + 1))) continue;
      second = Number(dm[1].replace(/,/g, '') + (dm[2] ?? ''));
    } else {
      const w = readNumberWords(text, q);
      if (!w) continue;
      second = w.value;
      end = w.end;
    }
    const scale = readScale(text, end, draft.type === 'MONEY');
    if (scale) {
      second *= scale.factor;
      end = scale.end;
      // "$5-6 billion": the scale written once applies to both ends.
      if (firstScale === undefined && draft.value !== null) draft.value *= scale.factor;
    } else if (firstScale !== undefined) {
      second *= firstScale;
    }
    if (isLetter(codeAt(text, end)) || isDigit(codeAt(text, end))) continue;
    if (draft.value !== null && second > draft.value) draft.high = second;
    else if (join !== RANGE_DASH) continue; // "10 to 5" is no range; "52-35" is a score, kept whole.
    draft.end = end;
    return end;
  }
  return p;
}

/** Reads %, a currency after the number, or a unit of measure. Returns the new end and the unit read. */
function readSuffix(text: string, draft: Draft, p: number): { end: number; unit?: string } {
  const c = codeAt(text, p);
  // Nothing but a letter, %, a hyphen, a prime, a degree or a currency sign can start a suffix.
  const c2 = c === 32 || c === 0xa0 ? codeAt(text, p + 1) : c;
  if (!letterAfter(text, p) && c !== 37 && c !== 45 && c !== 39 && c !== 0x2033 && c !== 0xb0 && !(c2 >= 0xa3 && c2 <= 0xa5) && !(c2 >= 0x20a0 && c2 <= 0x20cf)) {
    return { end: p };
  }
  PERCENT.lastIndex = p;
  const pm = PERCENT.exec(text);
  if (pm && draft.type !== 'MONEY') {
    draft.type = 'PERCENT';
    draft.unit = '%';
    draft.end = PERCENT.lastIndex;
    draft.measure = /points?$/i.test(pm[1]) ? 'percentage points' : 'percent';
    return { end: draft.end, unit: '%' };
  }
  CURRENCY_AFTER.lastIndex = p;
  const cm = CURRENCY_AFTER.exec(text);
  if (cm) {
    const code = codeOfWord(cm[1], cm[2]);
    const base = hundredthOf(code);
    // "$249 USD" and "$9.99 US dollars" repeat the currency; the written word decides.
    draft.type = 'MONEY';
    if (base) {
      draft.unit = base;
      if (draft.value !== null) draft.value /= 100;
      if (draft.high !== undefined) draft.high /= 100;
    } else {
      draft.unit = code;
    }
    draft.end = CURRENCY_AFTER.lastIndex;
    return { end: draft.end, unit: draft.unit };
  }
  if (draft.type === 'MONEY') return { end: p };
  const u = readUnit(text, p);
  if (u) {
    draft.unit = u.unit;
    draft.end = u.end;
    return { end: u.end, unit: u.unit };
  }
  return { end: p };
}

/**
 * Decides what a figure measures and whether it is one at all: ages ("Papermaster, 49,",
 * "aged 55", "a 55-year-old"), hyphenated counts ("a 15-member team"), durations (left to
 * the dates stage), labels ("Article 5", "iOS 4"), then the counted noun. Returns the figure's
 * end, or -1 to drop it.
 */
function finishFigure(
  text: string,
  draft: Draft,
  p: number,
  unit: string | undefined,
  prev: { word: string; start: number },
  one: boolean,
): number {
  if (draft.type === 'MONEY') {
    draft.measure = `money:${draft.unit ?? 'USD'}`;
    return draft.end;
  }
  if (draft.type === 'PERCENT') {
    OF_DETERMINERS.lastIndex = p;
    if (OF_DETERMINERS.exec(text)) {
      const c = readCounted(text, OF_DETERMINERS.lastIndex, false);
      if (c && draft.measure === 'percent') draft.measure = `percent:${c.counted}`;
    }
    return draft.end;
  }
  if (unit) {
    draft.measure = unit;
    return draft.end;
  }
  const prevLower = prev.word.toLowerCase();
  // Hyphenated: "55-year-old", "60-plus", "10-day" (a duration), "15-member".
  HYPHEN_WORD.lastIndex = p;
  const hm = codeAt(text, p) === 45 ? HYPHEN_WORD.exec(text) : null;
  if (hm) {
    const word = hm[1].toLowerCase();
    if (/^years?-old$/.test(word)) {
      draft.end = HYPHEN_WORD.lastIndex;
      draft.measure = 'age';
      return draft.end;
    }
    if (word === 'fold') {
      draft.end = HYPHEN_WORD.lastIndex;
      draft.measure = 'times';
      return draft.end;
    }
    if (word === 'plus') {
      draft.end = HYPHEN_WORD.lastIndex;
      draft.approx ??= 'more than';
    } else if (word === 'strong' || word === 'odd') {
      // "a 1,000-strong force", "40-odd boats": the noun comes after the compound.
      draft.end = HYPHEN_WORD.lastIndex;
      if (word === 'odd') draft.approx ??= 'about';
    } else {
      const head = word.split('-')[0];
      if (TIME_NOUNS.has(head)) return -1;
      draft.counted = head;
      draft.measure = pluralizeMeasure(head);
      return draft.end;
    }
  }
  // Ages: "aged 55", "age of 56", "Barra, 51, will ...".
  if (prevLower === 'aged' || (prevLower === 'of' && /\bages?[ \u00a0]+of[ \u00a0]*$/i.test(text.slice(Math.max(0, draft.start - 10), draft.start)))) {
    draft.measure = 'age';
    return draft.end;
  }
  TIME_NEXT.lastIndex = draft.end;
  const tn = TIME_NEXT.exec(text);
  if (tn) {
    const w = tn[1].toLowerCase();
    if (TIME_NOUNS.has(w)) {
      // "55 years old" is an age; any other count of time units is a duration.
      if ((w === 'years' || w === 'year') && /^[ \u00a0]+old\b/.test(text.slice(TIME_NEXT.lastIndex, TIME_NEXT.lastIndex + 6))) {
        draft.measure = 'age';
        return draft.end;
      }
      return -1;
    }
  }
  if (isAgeApposition(text, draft.start, draft.end)) {
    draft.measure = 'age';
    return draft.end;
  }
  // Vague counts and fractions take their noun after "of": "thousands of workers".
  let nounFrom = draft.end;
  if (draft.value === null || (draft.value !== null && draft.value < 1 && draft.value > 0)) {
    OF_DETERMINERS.lastIndex = draft.end;
    if (OF_DETERMINERS.exec(text)) nounFrom = OF_DETERMINERS.lastIndex;
  }
  const counted = readCounted(text, nounFrom, one);
  // A capitalised singular head is a name, not a counted noun ("Tunisia 1 – 2 England").
  const countedOk =
    counted && !/(?:ed|ing)$/.test(counted.counted) && !(counted.proper && !isPluralLooking(counted.counted));
  if (countedOk && counted.counted === 'fold') {
    draft.measure = 'times';
    return draft.end;
  }
  // A lone "one" that counts nothing is a pronoun ("the current one", "a commercial one").
  if (one && !countedOk && draft.high === undefined && /^one$/i.test(text.slice(draft.start, draft.end))) return -1;
  if (countedOk) {
    if (TIME_NOUNS.has(counted.counted)) return -1;
    draft.counted = counted.counted;
    draft.measure = counted.measure;
  }
  // Labels: "Article 5", "Flight 370", "No. 1".
  const adjacent = prev.word !== '' && draft.start - (prev.start + prev.word.length) <= 2;
  if (adjacent && LABELS.has(prevLower)) return -1;
  // A capitalised word right before a number makes a name with a number ("iOS 4", "Safari 4.0",
  // "Boeing 737"), unless the number counts a plural noun ("Apollo 11 astronauts" is rare, "Only
  // ten Republicans" starts a sentence).
  // A product-like word ("iPhone 4", "iOS 4") or an acronym ("CTF 50") names a thing with a number;
  // a word that ends the previous sentence ("... Tanzanians. 12 died") does not.
  const named = adjacent && !startsSentence(text, draft.start);
  if (named && !draft.approx && (/^\p{Ll}+\p{Lu}/u.test(prev.word) || (/^\p{Lu}{2,}$/u.test(prev.word) && !countedOk))) {
    if (!/^(?:US|UK|EU|UN)$/.test(prev.word)) return -1;
  }
  if (named && /\p{Lu}/u.test(prev.word) && !startsSentence(text, prev.start) && !MONTH.test(prev.word) && !draft.approx) {
    if (!/^(?:US|U\.S\.|UK|EU|UN)$/.test(prev.word) && !(countedOk && isPluralLooking(counted!.counted))) return -1;
  }
  return draft.end;
}

function pluralizeMeasure(word: string): string {
  if (!/^[a-z]+$/.test(word)) return word;
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies';
  if (/(?:s|x|z|ch|sh)$/.test(word)) return word + 'es';
  return word + 's';
}

/** "Mary Barra, 51, will lead": a number set off by commas right after a capitalised name. */
function isAgeApposition(text: string, start: number, end: number): boolean {
  if (start < 2 || codeAt(text, start - 1) !== 32 || codeAt(text, start - 2) !== 44) return false;
  if (codeAt(text, end) !== 44) return false;
  const name = previousWord(text, start - 2);
  if (!/^\p{Lu}\p{Ll}/u.test(name.word)) return false;
  return true;
}

function readWordFigure(text: string, at: number, anchor: string): ReadResult {
  const resume = at + anchor.length;
  const none: ReadResult = { resume };
  let value: number | null;
  let p: number;
  let isVague = false;
  let spanStart = at;
  const lower = anchor.toLowerCase();
  FRACTION.lastIndex = at;
  const fm = FRACTION.exec(text);
  if (fm) {
    value = fm[2] ? FRACTION_VALUES[fm[2].toLowerCase()] : (fm[3].toLowerCase() === 'two' ? 2 : fm[3].toLowerCase() === 'three' ? 3 : 4) * FRACTION_VALUES[fm[4].toLowerCase()];
    p = FRACTION.lastIndex;
  } else if (lower === 'a' || lower === 'an') {
    ARTICLE_SCALE.lastIndex = at;
    const am = ARTICLE_SCALE.exec(text);
    if (!am) return none;
    value = readScaleWord(am[1]);
    p = ARTICLE_SCALE.lastIndex;
    // "a million" may run on: "a hundred thousand".
    const more = readScale(text, p, false);
    if (more && more.factor >= 1000) {
      value *= more.factor;
      p = more.end;
    }
  } else if (lower === 'once' || lower === 'twice' || lower === 'thrice') {
    const approx = readApprox(text, at, previousWord(text, at));
    if (!approx || approx === 'some' || approx === 'over' || approx === 'about') return none;
    TIMES_WORD.lastIndex = at;
    if (!TIMES_WORD.test(text)) return none;
    return {
      draft: { start: at, end: TIMES_WORD.lastIndex, type: 'QUANTITY', value: lower === 'once' ? 1 : lower === 'twice' ? 2 : 3, approx, measure: 'times' },
      resume: TIMES_WORD.lastIndex,
    };
  } else if (lower === 'half') {
    HALF_SCALE.lastIndex = at;
    const hm = HALF_SCALE.exec(text);
    if (!hm) return none;
    value = readScaleWord(hm[1]) / 2;
    p = HALF_SCALE.lastIndex;
  } else {
    VAGUE.lastIndex = at;
    const vm = VAGUE.exec(text);
    if (vm) {
      value = null;
      isVague = true;
      p = VAGUE.lastIndex;
    } else {
      const w = readNumberWords(text, at);
      if (!w) return none;
      // "several thousand", "a few hundred", "many millions": a vague count with a scale.
      const vb = /^(?:hundred|thousand|million|billion)$/i.test(anchor) ? VAGUE_BEFORE.exec(text.slice(Math.max(0, at - 10), at)) : null;
      if (vb) {
        // The vague word is part of the number, so the span starts there.
        value = null;
        isVague = true;
        p = w.end;
        spanStart = at - vb[0].length;
      } else if (!UNIT_WORD_START.test(anchor)) {
        // Otherwise a written number must start with a unit word: "hundred people" alone is odd.
        return none;
      } else {
        value = w.value;
        p = w.end;
        const scale = readScale(text, p, false);
        if (scale) {
          value *= scale.factor;
          p = scale.end;
        }
      }
    }
  }
  // Words glued to a number word ("one-off", "two-way", "three-year") are adjectives or durations.
  if (codeAt(text, p) === 45 && !isVague && !fm) {
    HYPHEN_WORD.lastIndex = p;
    const hm = HYPHEN_WORD.exec(text);
    if (hm && !/^(?:years?-old|plus)$/i.test(hm[1])) return { resume: HYPHEN_WORD.lastIndex };
  }
  const prev = previousWord(text, at);
  const prevLower = prev.word.toLowerCase();
  SPOKEN_YEAR.lastIndex = at;
  if (SPOKEN_YEAR.test(text)) return { resume: SPOKEN_YEAR.lastIndex };
  // "January nineteen": a day written in words.
  if (MONTH.test(prev.word) && value !== null && value >= 1 && value <= 31) return none;
  if (lower === 'one' && !fm) {
    // "no one", "the one", "one another", "one of the", "one day", "one-on-one".
    if (/^(?:no|any|every|some|each|the|this|that|which|another|only|last|such|little|big|new|right|wrong)$/.test(prevLower)) return none;
    if (/^[ \u00a0]+(?:of|another|or|and|by|who|which|that|thing|way|point|time|hand|side|day|more|less|too|such)\b/i.test(text.slice(p, p + 10))) return none;
    if (codeAt(text, p) === 45) return none;
  }
  // "Air Force One", "Formula One", "Channel Four": a capitalised number word inside a name.
  if (/^\p{Lu}/u.test(anchor) && /^\p{Lu}/u.test(prev.word) && !startsSentence(text, prev.start) && !startsSentence(text, at) && prev.start + prev.word.length >= at - 1) return none;
  const draft: Draft = { start: spanStart, end: p, type: 'QUANTITY', value, measure: 'number' };
  draft.approx = spanStart === at ? readApprox(text, at, prev) : undefined;
  if (!isVague && value !== null) p = readRange(text, draft, p, undefined);
  const suffixed = readSuffix(text, draft, p);
  p = suffixed.end;
  if (isLetter(codeAt(text, p)) || isDigit(codeAt(text, p))) return none;
  if (isVague && draft.type === 'QUANTITY') {
    // "billions of dollars" is money.
    OF_WORD.lastIndex = p;
    if (OF_WORD.test(text)) {
      CURRENCY_AFTER.lastIndex = OF_WORD.lastIndex;
      const cm = CURRENCY_AFTER.exec(text);
      if (cm) {
        draft.type = 'MONEY';
        draft.unit = codeOfWord(cm[1], cm[2]);
        draft.end = CURRENCY_AFTER.lastIndex;
        p = draft.end;
      }
    }
  }
  const end = finishFigure(text, draft, p, suffixed.unit, prev, value === 1 && !draft.high);
  if (end < 0) return { resume: Math.max(resume, p) };
  return { draft, resume: draft.end };
}

function readScaleWord(word: string): number {
  switch (word.toLowerCase()) {
    case 'dozen':
      return 12;
    case 'hundred':
      return 100;
    case 'thousand':
      return 1e3;
    case 'million':
      return 1e6;
    case 'billion':
      return 1e9;
    default:
      return 1e12;
  }
}
