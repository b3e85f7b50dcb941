/**
 * Words of time expressions: month and weekday names, number words and units, as regex source
 * pieces and lookup tables. The pieces hold no capture groups so callers can wrap them freely.
 */

/** Month names and their common news abbreviations ("Sept.", "Jan."). */
import { wordTable } from '../wordTable';

export const MONTH =
  '(?:jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)|apr(?:il|\\.)?|may|june?|july?|aug(?:ust|\\.)?|sep(?:tember|t\\.?|\\.)|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)';

/** Full weekday names (abbreviations are too ambiguous in running text: "Sun", "Wed"). */
export const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';

/** A year we read without context: 1600-2099. */
export const YEAR = '(?:1[6-9]\\d\\d|20\\d\\d)';

/** Parts of a day that TIMEX3 writes as TMO, TAF, TEV, TNI. */
export const PART_OF_DAY = '(?:morning|afternoon|evening|night)';

const ONES = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** A count written in digits or words ("3", "twenty four", "a few", "a couple of"). */
export const NUMBER =
  '(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\s+1/2|\\.\\d+)?|a\\s+couple\\s+of|a\\s+few|several|many|few|a|an|one\\s+hundred|a\\s+hundred|hundreds\\s+of|thousands\\s+of|dozens\\s+of|a\\s+dozen|' +
  `(?:${TENS.join('|')})(?:[- ](?:${ONES.join('|')}))?|${TEENS.join('|')}|${ONES.join('|')})`;

/** Units of a duration, singular or plural. */
export const UNIT = '(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies)|millenni(?:um|a))';

const MONTH_INDEX: Record<string, number> = wordTable({
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
});

/** Month number (1-12) of a month word or abbreviation. */
export function monthNumber(word: string): number {
  return MONTH_INDEX[word.slice(0, 3).toLowerCase()] ?? 0;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** ISO weekday number (1 = Monday) of a weekday name, or 0. */
export function weekdayNumber(word: string): number {
  return WEEKDAYS.indexOf(word.toLowerCase().replace(/s$/, '')) + 1;
}

const WORD_VALUES: Record<string, number> = wordTable({ a: 1, an: 1, 'a couple of': 2, 'a dozen': 12, 'one hundred': 100, 'a hundred': 100 });
ONES.forEach((w, i) => (WORD_VALUES[w] = i + 1));
TEENS.forEach((w, i) => (WORD_VALUES[w] = i + 10));
TENS.forEach((w, i) => (WORD_VALUES[w] = (i + 2) * 10));

/**
 * The value of a count phrase, or null for a vague one ("a few", "several", "dozens of"),
 * which TIMEX3 writes with X.
 */
export function numberValue(phrase: string): number | null {
  const text = phrase.toLowerCase().replace(/\s+/g, ' ').trim();
  const half = /^(\d+)\s+1\/2$/.exec(text);
  if (half) return +half[1] + 0.5;
  if (/^[\d,.]+$/.test(text)) {
    const n = Number(text.replace(/,/g, ''));
    return Number.isFinite(n) ? n : null;
  }
  if (text in WORD_VALUES) return WORD_VALUES[text];
  const compound = /^([a-z]+)[- ]([a-z]+)$/.exec(text);
  if (compound && compound[1] in WORD_VALUES && compound[2] in WORD_VALUES) {
    return WORD_VALUES[compound[1]] + WORD_VALUES[compound[2]];
  }
  return null;
}

/** The TIMEX3 duration letter and whether it is a time unit (PT...) for a unit word. */
export function unitCode(unit: string): { code: string; time: boolean; factor: number } {
  const u = unit.toLowerCase();
  if (u.startsWith('sec')) return { code: 'S', time: true, factor: 1 };
  if (u.startsWith('min')) return { code: 'M', time: true, factor: 1 };
  if (u.startsWith('hour')) return { code: 'H', time: true, factor: 1 };
  if (u.startsWith('day')) return { code: 'D', time: false, factor: 1 };
  if (u.startsWith('fortnight')) return { code: 'W', time: false, factor: 2 };
  if (u.startsWith('week')) return { code: 'W', time: false, factor: 1 };
  if (u.startsWith('month')) return { code: 'M', time: false, factor: 1 };
  if (u.startsWith('quarter')) return { code: 'Q', time: false, factor: 1 };
  if (u.startsWith('decade')) return { code: 'Y', time: false, factor: 10 };
  if (u.startsWith('centur')) return { code: 'Y', time: false, factor: 100 };
  if (u.startsWith('millenni')) return { code: 'Y', time: false, factor: 1000 };
  return { code: 'Y', time: false, factor: 1 };
}

/** The TIMEX3 duration for n units ("P2D", "PT3H"); n null gives the vague form ("PXY"). */
export function durationValue(n: number | null, unit: string): string {
  const { code, time, factor } = unitCode(unit);
  const prefix = time ? 'PT' : 'P';
  if (n === null) {
    // A vague count of decades or centuries is still "some years" in TIMEX3.
    return `${prefix}X${code}`;
  }
  const amount = n * factor;
  if (Number.isInteger(amount)) return `${prefix}${amount}${code}`;
  // TIMEX3 writes fractions in the next smaller unit: 2 1/2 years is P2Y6M, 5 1/2 hours PT5H30M.
  const whole = Math.floor(amount);
  const smaller: Record<string, [string, number]> = { Y: ['M', 12], D: ['H', 24], H: ['M', 60], M: time ? ['S', 60] : ['D', 30], W: ['D', 7] };
  const [code2, per] = smaller[code] ?? [code, 1];
  const rest = Math.round((amount - whole) * per);
  const wholePart = whole ? `${whole}${code}` : '';
  return code === 'D' && !time ? `P${wholePart}T${rest}H` : `${prefix}${wholePart}${rest}${code2}`;
}

/** Decade words ("the nineties") to their digit (9). */
export const DECADE_WORDS: Record<string, number> = wordTable({
  twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9,
});

/** Ordinal words to numbers, for quarters and centuries. */
export const ORDINALS: Record<string, number> = wordTable({
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21, 'twenty first': 21,
});

/** Number of an ordinal written in digits or words ("3rd", "third"), or 0. */
export function ordinalValue(word: string): number {
  const w = word.toLowerCase();
  const digits = /^(\d+)(?:st|nd|rd|th)$/.exec(w);
  if (digits) return +digits[1];
  return ORDINALS[w] ?? 0;
}

/** Short English names for the hover. */
export const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const MONTH_FULL = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
export const WEEKDAY_FULL = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
