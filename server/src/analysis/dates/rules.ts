/**
 * The grammar of time expressions: one rule per form, each a regex source with named groups
 * and a handler that turns the groups into a TIMEX3 reading. `dates.ts` joins every rule into
 * one alternation (names stripped) and tries it only where a trigger word may start a date;
 * the winning rule's own sticky regex then re-reads just the matched words for its groups.
 *
 * Rule order matters: at one start position the first rule that matches wins, so longer and
 * more specific forms come first ("last year's quarter" before "last year").
 *
 * Conventions follow the TimeML/TIMEX3 annotation of TempEval-3 and MEANTIME news: a weekday
 * is the one in the article's week (backwards in a past-tense sentence, forwards in a future
 * one); a bare month or quarter is the nearer occurrence, leaning with the tense; "last week"
 * is an ISO week (2021-W44); "the quarter" in an earnings story is the last completed quarter;
 * "now" is PRESENT_REF; durations are P2D, PT3H, P2Q, PXY (vague); a decade is 199.
 *
 * Every pattern is a sequence of words with optional parts; no quantified group can match the
 * same text in two ways, so matching stays linear on adversarial input.
 */
import type { DateType } from '../types';
import {
  addDays, daysInMonth, formatMonth, formatQuarter, formatWeek, formatYmd, isoWeekday, isValidYmd, pad, quarterOf, type Ymd,
} from './calendar';
import { wordTable } from '../wordTable';
import {
  DECADE_WORDS, MONTH, NUMBER, PART_OF_DAY, UNIT, WEEKDAY, YEAR, durationValue, monthNumber, numberValue, ordinalValue,
  weekdayNumber,
} from './lexicon';

/** What a handler knows about the match and its article. */
export interface RuleContext {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The article date, or null when the article has none. */
  readonly anchor: Ymd | null;
  /** True when the sentence around the match speaks of the future ("will", "is expected to"). */
  future(): boolean;
  /** Characters between the match and the verb cue that decided `future()`; Infinity if none. */
  tenseDistance(): number;
}

/** A handler's reading of a match; value null with relative true means "needs an article date". */
export interface Reading {
  type: DateType;
  value: string | null;
  relative: boolean;
  reading: string;
}

type Groups = Record<string, string | undefined>;

/** One form of time expression. */
export interface Rule {
  name: string;
  source: string;
  handle(groups: Groups, ctx: RuleContext): Reading | null;
}

/** TIMEX3 periods of rate adverbs ("weekly"). */
const RATE_CODE: Record<string, string> = wordTable({
  daily: 'P1D', weekly: 'P1W', monthly: 'P1M', annually: 'P1Y', yearly: 'P1Y', quarterly: 'P3M', hourly: 'PT1H', nightly: 'P1D',
  biweekly: 'P2W', bimonthly: 'P2M', semiannually: 'P6M', annual: 'P1Y', semiannual: 'P6M',
});

const PART_CODE: Record<string, string> = wordTable({ morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', overnight: 'NI' });

/** "1 day", "3 days", "1 century", "2 centuries", for readings. */
function countOf(n: number, unit: string): string {
  const singular = unit.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
  if (n === 1) return `1 ${singular}`;
  return `${n} ${singular.endsWith('y') && singular !== 'day' ? `${singular.slice(0, -1)}ies` : `${singular}s`}`;
}

/** A reading that depends on the article date; without one the value stays null. */
function relative(ctx: RuleContext, type: DateType, reading: string, compute: (anchor: Ymd) => string | null): Reading | null {
  if (!ctx.anchor) return { type, value: null, relative: true, reading };
  const value = compute(ctx.anchor);
  return value === null ? null : { type, value, relative: true, reading };
}

function absolute(type: DateType, value: string, reading: string): Reading {
  return { type, value, relative: false, reading };
}

/** Month words must be capitalised: lower-case "march" and "may" are verbs. */
function isCapitalised(word: string | undefined): boolean {
  return !!word && word[0] >= 'A' && word[0] <= 'Z';
}

/** The lower-cased word just before the match, if any (within 20 characters). */
function previousWord(ctx: RuleContext): string {
  const before = ctx.text.slice(Math.max(0, ctx.start - 20), ctx.start);
  const match = /([A-Za-z']+)[\s,]*$/.exec(before); // regex-safety: bounded (20 characters)
  return match ? match[1].toLowerCase() : '';
}

const TIME_PREPOSITIONS = new Set([
  'in', 'since', 'by', 'until', 'till', 'through', 'during', 'before', 'after', 'from', 'to', 'of', 'early', 'late',
  'mid', 'throughout', 'between', 'and', 'or', 'last', 'this', 'next', 'around', 'on', 'for', 'into', 'fiscal', 'year',
]);

// A verb at most a preposition away ("resigned in February") decides a bare month by itself.
const MONTH_CUE_REACH = 4;

// Words after which a number is a year even when a plural noun follows ("in 1990 sales rose").
const YEAR_PREPOSITIONS = new Set(['in', 'since', 'by', 'until', 'till', 'through', 'during', 'before', 'after', 'from', 'of', 'throughout', 'fiscal', 'year']);

/** The year of a month said without one ("in March"): the nearer occurrence, leaning with the tense. */
function yearOfMonth(anchor: Ymd, month: number, future: boolean, cueDistance: number): number {
  // A verb right next to the month decides ("resigned in February"); otherwise the nearer of
  // the last and the next such month, the tense shifting the balance by a quarter.
  const back = (anchor.m - month + 12) % 12;
  const ahead = (month - anchor.m + 12) % 12;
  const forward = cueDistance <= MONTH_CUE_REACH ? future : future ? ahead <= back + 3 : ahead < back - 3;
  if (forward) return month >= anchor.m ? anchor.y : anchor.y + 1;
  return month <= anchor.m ? anchor.y : anchor.y - 1;
}

/** The date of a month and day said without a year: the nearest such date, the tense breaking far ties. */
function nearestMonthDay(anchor: Ymd, month: number, day: number, future: boolean, cueDistance = Infinity): Ymd {
  let best: Ymd | null = null;
  let bestDistance = Infinity;
  for (const y of [anchor.y - 1, anchor.y, anchor.y + 1]) {
    if (!isValidYmd(y, month, day)) continue;
    const signed = (y - anchor.y) * 372 + (month - anchor.m) * 31 + (day - anchor.d);
    // Far from the article date (over about four months), a date against the tense is unlikely.
    const against = signed !== 0 && signed > 0 !== future;
    // A verb right before the date ("ended Jan. 31") decides; otherwise only far dates follow the tense.
    const distance = Math.abs(signed) + (against && (Math.abs(signed) > 124 || cueDistance <= MONTH_CUE_REACH) ? 400 : 0);
    if (distance < bestDistance) {
      best = { y, m: month, d: day };
      bestDistance = distance;
    }
  }
  return best ?? { y: anchor.y, m: month, d: Math.min(day, daysInMonth(anchor.y, month)) };
}

/** The date of a weekday near the article date: -1 the one before, +1 the one after, 0 by tense. */
function weekdayDate(anchor: Ymd, weekday: number, direction: -1 | 0 | 1, future: boolean): Ymd {
  const today = isoWeekday(anchor);
  if (direction === -1) return addDays(anchor, -(((today - weekday + 7) % 7) || 7));
  if (direction === 1) return addDays(anchor, ((weekday - today + 7) % 7) || 7);
  if (future) return addDays(anchor, (weekday - today + 7) % 7);
  return addDays(anchor, -((today - weekday + 7) % 7));
}

/** -1 for words that look back ("last", "ago"), +1 for words that look ahead, else 0. */
function shiftOf(word: string | undefined): -1 | 0 | 1 {
  switch ((word ?? '').toLowerCase().replace(/\s+/g, ' ')) {
    case 'last': case 'past': case 'previous': case 'prior': case 'ago': case 'earlier': case 'before': case 'back':
    case 'year-ago': case 'year-earlier':
      return -1;
    case 'next': case 'coming': case 'following': case 'later': case 'after': case 'hence': case 'from now':
      return 1;
    default:
      return 0;
  }
}

function weekdaySense(ctx: RuleContext, shift: -1 | 0 | 1): string {
  if (shift === -1) return 'the one before the article date';
  if (shift === 1) return 'the one after the article date';
  return ctx.future()
    ? 'weekday in a future-tense sentence: the next one (or the article date itself)'
    : 'weekday in a past-tense sentence: the previous one (or the article date itself)';
}

/** A weekday resolved against the article date, with an optional suffix (T22:00, TNI). */
function resolveWeekday(ctx: RuleContext, word: string, rel: string | undefined, suffix: string, type: DateType): Reading | null {
  const weekday = weekdayNumber(word);
  if (!weekday) return null;
  const shift = shiftOf(rel);
  return relative(ctx, type, weekdaySense(ctx, shift), (a) => formatYmd(weekdayDate(a, weekday, shift, ctx.future())) + suffix);
}

/** today / yesterday / tomorrow / tonight, as a date. */
function deicticDate(anchor: Ymd, word: string): Ymd {
  const w = word.toLowerCase();
  return addDays(anchor, w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0);
}

function partSuffix(part: string | undefined): string {
  if (!part) return '';
  const code = PART_CODE[part.toLowerCase().replace(/s$/, '')];
  return code ? `T${code}` : '';
}

/**
 * The part-of-day suffix after a named day ("Friday evening" → TEV). The annotated news mostly
 * gives "Friday night" the plain date (night runs into the next day), so it keeps the day's value.
 */
function dayPartSuffix(part: string | undefined): string {
  return part && !/^night$/i.test(part) ? partSuffix(part) : '';
}

const SEASON_CODE: Record<string, { code: string; start: number }> = wordTable({
  spring: { code: 'SP', start: 3 }, summer: { code: 'SU', start: 6 }, fall: { code: 'FA', start: 9 },
  autumn: { code: 'FA', start: 9 }, winter: { code: 'WI', start: 12 },
});

const MODIFIER = '(?:early|late|mid|the\\s+(?:end|beginning|start|middle|rest|remainder|first\\s+half|second\\s+half)\\s+of)';

/** Easter Sunday (Gregorian computus). */
function easter(y: number): Ymd {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { y, m: month, d: ((h + l - 7 * m + 114) % 31) + 1 };
}

/** The n-th (or last, n = -1) given weekday of a month. */
function nthWeekday(y: number, m: number, weekday: number, n: number): Ymd {
  if (n > 0) {
    const first = { y, m, d: 1 };
    return addDays(first, ((weekday - isoWeekday(first) + 7) % 7) + (n - 1) * 7);
  }
  const last = { y, m, d: daysInMonth(y, m) };
  return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
}

function holidayDate(name: string, y: number): Ymd | null {
  const n = name.toLowerCase().replace(/\s+/g, ' ');
  if (n.startsWith('christmas eve')) return { y, m: 12, d: 24 };
  if (n.startsWith('christmas')) return { y, m: 12, d: 25 };
  if (n.startsWith("new year's eve")) return { y, m: 12, d: 31 };
  if (n.startsWith('new year')) return { y, m: 1, d: 1 };
  if (n.startsWith('thanksgiving')) return nthWeekday(y, 11, 4, 4);
  if (n.startsWith('halloween')) return { y, m: 10, d: 31 };
  if (n.startsWith('independence')) return { y, m: 7, d: 4 };
  if (n.startsWith('valentine')) return { y, m: 2, d: 14 };
  if (n.startsWith('easter')) return easter(y);
  if (n.startsWith('labor')) return nthWeekday(y, 9, 1, 1);
  if (n.startsWith('memorial')) return nthWeekday(y, 5, 1, -1);
  return null;
}

function toHour(h: string, ap: string | undefined): number {
  let hour = +h;
  const p = (ap ?? '').toLowerCase();
  if (p.startsWith('p') && hour < 12) hour += 12;
  if (p.startsWith('a') && hour === 12) hour = 0;
  return hour;
}

/** The date part of a time: a weekday, today/yesterday/tomorrow, or the article date. */
function timeOnDay(ctx: RuleContext, wd: string | undefined, day: string | undefined, suffix: string, what: string): Reading | null {
  if (wd) {
    const r = resolveWeekday(ctx, wd, undefined, suffix, 'TIME');
    if (r) r.reading = `${what} on a ${r.reading}`;
    return r;
  }
  return relative(ctx, 'TIME', `${what} on ${day ? day.toLowerCase() : 'the article date'}`, (a) => formatYmd(day ? deicticDate(a, day) : a) + suffix);
}

/** The rules, most specific first. */
/**
 * "March 13, 2021" and "13 March 2021" read alike: a capitalised month and a day, with the
 * year when written, else the nearest such date to the article date. `first`/`second` only
 * name the order in the reading shown on hover.
 */
function monthAndDay(first: 'month' | 'day', second: 'month' | 'day'): Rule['handle'] {
  return (g, ctx) => {
    const m = monthNumber(g.mon!), d = +g.day!;
    if (!isCapitalised(g.mon) || d < 1 || d > 31) return null;
    if (g.year) {
      if (!isValidYmd(+g.year, m, d)) return null;
      return absolute('DATE', `${g.year}-${pad(m)}-${pad(d)}`, `${first}, ${second} and year`);
    }
    return relative(ctx, 'DATE', `${first} and ${second} without a year: the nearest such date to the article date`, (a) =>
      formatYmd(nearestMonthDay(a, m, d, ctx.future(), ctx.tenseDistance())),
    );
  };
}

export const RULES: Rule[] = [
  {
    name: 'iso',
    source: '(?<y>\\d{4})-(?<m>\\d\\d)-(?<d>\\d\\d)(?:T(?<hh>[0-2]\\d):(?<mi>[0-5]\\d))?',
    handle(g) {
      if (!isValidYmd(+g.y!, +g.m!, +g.d!)) return null;
      const date = `${g.y}-${g.m}-${g.d}`;
      return g.hh ? absolute('TIME', `${date}T${g.hh}:${g.mi}`, 'ISO date and time') : absolute('DATE', date, 'ISO calendar date');
    },
  },
  {
    name: 'numeric',
    source: '(?<a>[0-3]?\\d)/(?<b>[0-3]?\\d)/(?<y>\\d{4})',
    handle(g) {
      let m = +g.a!, d = +g.b!;
      let how = 'numeric date read as month/day/year';
      if (m > 12 && d <= 12) {
        [m, d] = [d, m];
        how = 'numeric date read as day/month/year';
      }
      if (!isValidYmd(+g.y!, m, d)) return null;
      return absolute('DATE', `${g.y}-${pad(m)}-${pad(d)}`, how);
    },
  },
  {
    name: 'clock',
    source:
      // Tokenised news writes "7 p . m ." and "1 : 30"; both spellings are read.
      `(?<h>[01]?\\d)(?:(?:[:.]| : )(?<mi>[0-5]\\d))?\\s*(?<ap>a\\.m\\.|p\\.m\\.|a\\.m|p\\.m|am|pm|[ap] \\. m(?: \\.)?)(?:\\s+(?<tz>[ECMP][SD]T|UTC|GMT))?` +
      `(?:,?\\s+(?:on\\s+)?(?:(?<wd>${WEEKDAY})|(?<day>today|yesterday|tomorrow)))?`,
    handle(g, ctx) {
      const hour = toHour(g.h!, g.ap);
      if (+g.h! > 12 || hour > 23) return null;
      const suffix = `T${pad(hour)}:${g.mi ?? '00'}`;
      return timeOnDay(ctx, g.wd, g.day, suffix, `clock time ${pad(hour)}:${g.mi ?? '00'}`);
    },
  },
  {
    name: 'clock24',
    source: `(?<h>[0-2]?\\d)(?::| : )(?<mi>[0-5]\\d)\\s*(?<tz>UTC|GMT|[ECMP][SD]T|hours|hrs|local\\s+time)`,
    handle(g, ctx) {
      if (+g.h! > 23) return null;
      const z = /^(UTC|GMT)$/i.test(g.tz!) ? 'Z' : '';
      return timeOnDay(ctx, undefined, undefined, `T${pad(+g.h!)}:${g.mi}${z}`, `clock time ${pad(+g.h!)}:${g.mi}`);
    },
  },
  {
    name: 'noon',
    source:
      `(?:(?<mod>early|late)\\s+)?(?<w>noon|midnight|midday|mid[-\\s]?afternoon|mid[-\\s]?morning|mid-?day)` +
      `(?:,?\\s+(?:on\\s+)?(?:(?<wd>${WEEKDAY})|(?<day>today|yesterday|tomorrow)))?`,
    handle(g, ctx) {
      const w = g.w!.toLowerCase().replace(/[-\s]/, '');
      // "High Noon" is a film, not a time.
      if (w === 'noon' && !g.mod && previousWord(ctx) === 'high') return null;
      const suffix = w === 'midnight' ? 'T24:00' : w === 'midafternoon' ? 'TAF' : w === 'midmorning' ? 'TMO' : 'T12:00';
      return timeOnDay(ctx, g.wd, g.day, suffix, w);
    },
  },
  {
    name: 'month-day-year',
    source:
      `(?:(?<wd>${WEEKDAY}),?\\s+)?(?<mon>${MONTH})\\s*(?<day>[0-3]?\\d)(?:st|nd|rd|th)?(?!\\d)` +
      `(?:\\s*,?\\s*(?<year>${YEAR})(?![\\d,.]\\d))?`,
    handle: monthAndDay('month', 'day'),
  },
  {
    name: 'day-month-year',
    source:
      `(?:(?<wd>${WEEKDAY}),?\\s+)?(?:the\\s+)?(?<day>[0-3]?\\d)(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<mon>${MONTH})` +
      `(?:,?\\s+(?<year>${YEAR})(?![\\d,.]\\d))?`,
    handle: monthAndDay('day', 'month'),
  },
  {
    name: 'month-year',
    source: `(?:${MODIFIER}[-\\s]+)?(?<mon>${MONTH}),?\\s+(?:of\\s+)?(?<year>${YEAR})(?![\\d,.]\\d)`,
    handle(g) {
      if (!isCapitalised(g.mon)) return null;
      return absolute('DATE', `${g.year}-${pad(monthNumber(g.mon!))}`, 'month and year');
    },
  },
  {
    name: 'quarter',
    source:
      `(?:(?<yrel>this|last|next)\\s+year's\\s+|(?<the>the)\\s+)?` +
      `(?:(?<m1>latest|last|this|current|previous|past|prior|same|comparable|most\\s+recent|recent|year-ago|year-earlier|year\\s+ago|year\\s+earlier|first|next|final|fiscal|(?:fiscal\\s+)?(?<fy1>${YEAR}))[-\\s]+)?` +
      `(?:(?<ord>first|second|third|fourth|1st|2nd|3rd|4th)[-\\s]+)?(?:(?:fiscal|calendar)[-\\s]+)?` +
      `(?<unit>quarter|period|half)` +
      `(?:\\s+(?:of\\s+)?(?:(?<year>${YEAR})(?!\\d)|(?<rel>this|last|next)\\s+year|fiscal\\s+(?<fy>${YEAR})(?!\\d)|a\\s+year\\s+(?:ago|earlier)))?`,
    handle(g, ctx) {
      const unit = g.unit!.toLowerCase();
      const m1 = (g.m1 ?? '').toLowerCase().replace(/\s+/g, '-');
      let ord = g.ord ? ordinalValue(g.ord) : 0;
      if (!ord && (m1 === 'first' || m1 === 'final' || (m1 === 'last' && unit === 'half'))) ord = m1 === 'first' ? 1 : unit === 'half' ? 2 : 4;
      if (unit === 'half') {
        if (!ord || ord > 2) return null;
      } else if (!g.the && !g.yrel && !ord && !m1) {
        return null;
      } else if (unit === 'period' && !m1 && !ord) {
        return null;
      }
      // "the same period" needs a year to compare with ("the same quarter a year ago").
      if (m1 === 'same' && !g.rel && !/a\s+year\s+(ago|earlier)$/i.test(ctx.text.slice(ctx.start, ctx.end))) return null;
      const explicitYear = g.year ?? g.fy ?? g.fy1;
      const yearShift = shiftOf(g.rel ?? g.yrel);
      const agoShift = m1 === 'year-ago' || m1 === 'year-earlier' || /a\s+year\s+(ago|earlier)$/i.test(ctx.text.slice(ctx.start, ctx.end)) ? -1 : 0;
      if (unit === 'half') {
        const h = ord;
        if (explicitYear) return absolute('DATE', `${explicitYear}-H${h}`, 'half year');
        return relative(ctx, 'DATE', 'half of the article year', (a) => `${a.y + yearShift}-H${h}`);
      }
      if (explicitYear && ord) return absolute('DATE', `${explicitYear}-Q${ord}`, 'quarter of a year');
      const how = ord
        ? 'quarter without a year: the nearer one to the article date, leaning with the tense'
        : m1 === 'current' || m1 === 'next' ? 'quarter counted from the article date' : 'the last completed quarter before the article date';
      return relative(ctx, 'DATE', agoShift ? `${how}, a year earlier` : how, (a) => {
        const current = quarterOf(a.m);
        if (explicitYear) return `${explicitYear}-Q${current === 1 ? 4 : current - 1}`;
        if (ord) {
          let y = a.y + yearShift + agoShift;
          // A fiscal quarter is named within the company's fiscal year, which the article's year names.
          if (m1 === 'fiscal') return `${y}-Q${ord}`;
          // A quarter without a year: the nearer of its last and next occurrence, leaning with the tense.
          if (!g.rel && !g.yrel && !agoShift) {
            const back = (current - ord + 4) % 4;
            const ahead = (ord - current + 4) % 4;
            const forward = ctx.future() ? ahead <= back + 1 : ahead < back - 1;
            y = forward ? (ord >= current ? a.y : a.y + 1) : ord <= current ? a.y : a.y - 1;
          }
          return `${y}-Q${ord}`;
        }
        if (m1 === 'current' || m1 === 'this') return formatQuarter(a.y, current);
        if (m1 === 'next') return formatQuarter(a.y, current, 1);
        // "the quarter", "the latest quarter": in news about results, the last completed one.
        return formatQuarter(a.y, current, -1 + agoShift * 4);
      });
    },
  },
  {
    name: 'ago',
    source:
      `(?:(?<approx>about|nearly|almost|some|more\\s+than|roughly|around|just|only|at\\s+least|barely|less\\s+than)\\s+)?` +
      `(?:(?<num>${NUMBER})[-\\s]+)?(?<unit>${UNIT})\\s+(?<dir>ago|earlier|later|from\\s+now|hence|back)`,
    handle(g, ctx) {
      const n = g.num ? numberValue(g.num) : null;
      const unit = g.unit!.toLowerCase();
      const sign = shiftOf(g.dir) || -1;
      const singular = /s$/.test(unit) === false;
      if (!g.num && singular) return null;
      if (sign > 0 && /^later$/i.test(g.dir!)) {
        // "three days later" counts from an event in the story, not from the article date.
        return absolute('DURATION', durationValue(n, unit), n === null ? `a vague number of ${unit}` : `a span of ${countOf(n, unit)}`);
      }
      if (n === null) {
        // "years ago", "a few weeks ago": TIMEX3 leaves the distance vague.
        return absolute('DATE', sign < 0 ? 'PAST_REF' : 'FUTURE_REF', 'a vague distance from the article date');
      }
      const how = `${countOf(n, unit)} ${sign < 0 ? 'before' : 'after'} the article date`;
      return relative(ctx, 'DATE', how, (a) => {
        const k = sign * n;
        // "2 1/2 years ago" is thirty months back.
        if (!Number.isInteger(k)) return unit.startsWith('year') ? formatMonth(a.y, a.m, Math.round(k * 12)) : null;
        if (unit.startsWith('day')) return formatYmd(addDays(a, k));
        if (unit.startsWith('week')) return formatWeek(a, k);
        if (unit.startsWith('fortnight')) return formatWeek(a, 2 * k);
        if (unit.startsWith('month')) return formatMonth(a.y, a.m, k);
        if (unit.startsWith('quarter')) return formatQuarter(a.y, quarterOf(a.m), k);
        if (unit.startsWith('year')) return String(a.y + k);
        if (unit.startsWith('decade')) return String(a.y + 10 * k);
        if (unit.startsWith('centur')) return String(a.y + 100 * k);
        return formatYmd(a);
      });
    },
  },
  {
    name: 'last-next-unit',
    source:
      `(?:(?<mod>${MODIFIER}|earlier|later)[-\\s]+)?(?:the\\s+)?(?<rel>last|this|next|past|previous|coming|current|prior)\\s+` +
      `(?<unit>weekend|week|month|year|decade|century|fiscal\\s+year|night)`,
    handle(g, ctx) {
      const unit = g.unit!.toLowerCase().replace(/\s+/g, ' ');
      const k = shiftOf(g.rel);
      if (unit === 'night') {
        if (k !== -1 && g.rel!.toLowerCase() !== 'this') return null;
        return relative(ctx, 'TIME', 'the night before the article date', (a) => `${formatYmd(addDays(a, k === -1 ? -1 : 0))}TNI`);
      }
      const rel = g.rel!.toLowerCase();
      const how = `${unit} ${k === -1 ? 'before' : k === 1 ? 'after' : 'of'} the article date`;
      return relative(ctx, 'DATE', `the ${how}`, (a) => {
        switch (unit) {
          case 'week': return formatWeek(a, k);
          case 'weekend': return `${formatWeek(rel === 'this' && isoWeekday(a) < 6 && !ctx.future() ? addDays(a, -7) : a, k)}-WE`;
          case 'month': return formatMonth(a.y, a.m, k);
          case 'decade': return String(Math.floor(a.y / 10) + k);
          case 'century': return pad(Math.floor(a.y / 100) + k);
          default: return String(a.y + k);
        }
      });
    },
  },
  {
    name: 'duration',
    source:
      `(?:(?<approx>about|nearly|almost|roughly|around|some|more\\s+than|less\\s+than|fewer\\s+than|at\\s+least|up\\s+to|within|only|just|over)\\s+)?` +
      `(?:(?<the>the)\\s+)?(?:(?<rel>past|last|next|first|coming|previous|following|latest|final|remaining|additional|same|initial)\\s+)?` +
      `(?<num>${NUMBER})(?:\\s+(?:more|additional|other|straight|consecutive|full))?[-\\s]+(?<unit>${UNIT})(?![-\\s](?:ago|earlier)\\b)(?<half>\\s+and\\s+a\\s+half)?(?:[-\\s](?<adj>long|old))?(?<oldAge>\\s+old)?`,
    handle(g, ctx) {
      const num = g.num!.toLowerCase().replace(/\s+/g, ' ');
      const unit = g.unit!.toLowerCase();
      // "a second time", "a quarter of the votes", "one minute's silence" are not durations.
      if (/^(a|an|one)$/.test(num) && /^(second|quarter)$/.test(unit)) return null;
      // "about three-quarters of its food" is a fraction; quarters count time only after "the past".
      if (/^quarters?$/.test(unit) && !g.rel) return null;
      // Ages ("a 52-year-old", "52 years old") are not time expressions.
      if ((g.adj ?? '').toLowerCase() === 'old' || g.oldAge) return null;
      // "World Cup 2018 day five": a year before a singular unit, not a count.
      if (/^\d{4}$/.test(num) && !/s$/.test(unit)) return null;
      const count = numberValue(num);
      const n = count !== null && g.half ? count + 0.5 : count;
      const value = durationValue(n, unit);
      const before = ctx.text.slice(Math.max(0, ctx.start - 12), ctx.start);
      // "$5 million a year", "24 hours a day": a rate, which news annotation leaves out.
      if (/^(a|an)$/.test(num) && /(?:\d|%|\btimes|\btwice|\bonce|\bthrice|\bper)\s*$/i.test(before)) return null;
      return absolute('DURATION', value, n === null ? `a vague number of ${unit.replace(/s?$/, 's')}` : `a duration of ${countOf(n, unit)}`);
    },
  },
  {
    name: 'decade',
    source:
      `(?:(?<the>the)\\s+)?(?:(?<mod>early|late|mid)[-\\s]+)?(?:(?<dec>1[0-9]\\d0|20\\d0)'?s|'(?<short>\\d0)s|(?<short2>[2-9]0)s|` +
      `(?<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))`,
    handle(g, ctx) {
      // TIMEX3 writes a decade as its first three digits: the 1990s are 199.
      if (g.dec) return absolute('DATE', g.dec.slice(0, 3), 'a decade');
      if (g.word) return absolute('DATE', `19${DECADE_WORDS[g.word.toLowerCase()]}`, 'a decade of the twentieth century');
      // "in their 80s" is an age, not a decade.
      if (g.short2 && /\b(their|his|her|its|the\s+mid|low|high|upper|lower)\s*$/i.test(ctx.text.slice(Math.max(0, ctx.start - 12), ctx.start))) return null;
      const digit = (g.short ?? g.short2)![0];
      return absolute('DATE', `19${digit}`, 'a decade of the twentieth century');
    },
  },
  {
    name: 'century',
    source:
      `(?:the\\s+)?(?:(?<mod>early|late|mid)[-\\s]+)?(?<ord>\\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|` +
      `eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[-\\s]first)[-\\s]+century`,
    handle(g) {
      const n = ordinalValue(g.ord!.replace(/\s+/, '-'));
      if (n < 1 || n > 30) return null;
      return absolute('DATE', pad(n - 1), `the ${g.ord} century`);
    },
  },
  {
    name: 'month',
    source:
      `(?:(?<mod>${MODIFIER})[-\\s]+)?(?:(?<rel>last|this|next|past|coming|previous)\\s+)?(?<mon>${MONTH})` +
      `(?:\\s+(?:of\\s+)?(?<rel2>last|this|next)\\s+year)?`,
    handle(g, ctx) {
      if (!isCapitalised(g.mon)) return null;
      const m = monthNumber(g.mon!);
      // "the March for Life", "March of the Mothers": a bare month named as an event is not a date.
      if (!g.mod && !g.rel && !g.rel2 && /^\s+(?:of|for)\s+(?:the\s+)?[A-Z]/.test(ctx.text.slice(ctx.end, ctx.end + 14))) return null;
      // "May" alone is too often the verb at a sentence start: require a time word before it.
      if (/^may$/i.test(g.mon!) && !g.mod && !g.rel && !g.rel2 && !TIME_PREPOSITIONS.has(previousWord(ctx))) return null;
      if (g.mon!.length <= 4 && g.mon!.endsWith('.') === false && m !== 5 && m !== 6 && m !== 7 && !/^sept$/i.test(g.mon!)) return null;
      if (g.rel2) {
        const k = shiftOf(g.rel2);
        return relative(ctx, 'DATE', 'month of the year named relative to the article date', (a) => `${a.y + k}-${pad(m)}`);
      }
      const rel = (g.rel ?? '').toLowerCase();
      if (rel) {
        const k = shiftOf(rel);
        return relative(ctx, 'DATE', k < 0 ? 'the last such month before the article date' : k > 0 ? 'the next such month after the article date' : 'the month in the article year', (a) => {
          const y = k < 0 ? (m < a.m ? a.y : a.y - 1) : k > 0 ? (m > a.m ? a.y : a.y + 1) : a.y;
          return `${y}-${pad(m)}`;
        });
      }
      // "by August", "until May": a deadline, ahead of the article date.
      const deadline = /^(?:by|until|till)$/.test(previousWord(ctx));
      const future = deadline || ctx.future();
      return relative(ctx, 'DATE', future ? 'month in a future-tense sentence: the next one' : 'month in a past-tense sentence: the latest one', (a) =>
        `${yearOfMonth(a, m, future, deadline ? 0 : ctx.tenseDistance())}-${pad(m)}`,
      );
    },
  },
  {
    name: 'season',
    source:
      `(?:(?<mod>early|late|mid)[-\\s]+)?(?:(?<rel>last|this|next|past|coming|the)\\s+)?(?<season>spring|summer|fall|autumn|winter)` +
      `(?:\\s+(?:of\\s+)?(?<year>${YEAR})(?!\\d))?`,
    handle(g, ctx) {
      const season = SEASON_CODE[g.season!.toLowerCase()];
      if (g.year) return absolute('DATE', `${g.year}-${season.code}`, 'season of a year');
      const rel = (g.rel ?? '').toLowerCase();
      if (!rel && !g.mod && !/^(in|during|since|until|by|over|through)$/.test(previousWord(ctx))) return null;
      const k = shiftOf(rel);
      return relative(ctx, 'DATE', 'season named relative to the article date', (a) => {
        let y = a.y;
        if (k < 0) y = season.start + 3 <= a.m ? a.y : a.y - 1;
        else if (k > 0) y = season.start > a.m ? a.y : a.y + 1;
        return `${y}-${season.code}`;
      });
    },
  },
  {
    name: 'set',
    source:
      `(?<adv>daily|weekly|monthly|yearly|hourly|nightly|biweekly|bimonthly|annual)|` +
      `(?:every|each|per)\\s+(?:(?<num>other|${NUMBER})\\s+)?(?<unit>${UNIT})|(?:every|each)\\s+(?<mon>${MONTH})`,
    handle(g) {
      if (g.mon) return absolute('SET', `XXXX-${pad(monthNumber(g.mon))}`, `every ${g.mon}`);
      if (g.unit) {
        const n = g.num ? (g.num.toLowerCase() === 'other' ? 2 : numberValue(g.num)) : 1;
        return absolute('SET', durationValue(n, g.unit), `every ${g.num ? `${g.num} ` : ''}${g.unit.toLowerCase()}`);
      }
      const adv = g.adv!.toLowerCase();
      return absolute('SET', RATE_CODE[adv], `a rate: ${adv}`);
    },
  },
  {
    name: 'weekday-set',
    source: `(?:(?:every|each)\\s+(?<wd>${WEEKDAY})|(?<wds>${WEEKDAY})s)(?:\\s+(?<part>mornings?|afternoons?|evenings?|nights?))?`,
    handle(g) {
      const n = weekdayNumber(g.wd ?? g.wds!);
      return absolute('SET', `XXXX-WXX-${n}${partSuffix(g.part)}`, `every ${(g.wd ?? g.wds)!}`);
    },
  },
  {
    name: 'weekday',
    source:
      `(?:(?<mod>early|late)\\s+)?(?:(?<rel>last|this|next|past|coming|previous)\\s+)?(?<wd>${WEEKDAY})` +
      `(?:\\s+(?<part>${PART_OF_DAY}))?`,
    handle(g, ctx) {
      if (!isCapitalised(g.wd)) return null;
      const suffix = dayPartSuffix(g.part);
      const r = resolveWeekday(ctx, g.wd!, g.rel, suffix, suffix ? 'TIME' : 'DATE');
      return r;
    },
  },
  {
    name: 'today',
    source:
      `(?:(?<mod>early|late|later|earlier)\\s+)?(?:the\\s+day\\s+(?<rel>before|after)\\s+)?(?<w>today|tonight|yesterday|tomorrow)` +
      `(?:\\s+(?<part>${PART_OF_DAY}))?`,
    handle(g, ctx) {
      const w = g.w!.toLowerCase();
      const extra = g.rel ? (g.rel.toLowerCase() === 'before' ? -1 : 1) : 0;
      const suffix = w === 'tonight' ? 'TNI' : dayPartSuffix(g.part);
      return relative(ctx, suffix ? 'TIME' : 'DATE', `${w}, counted from the article date`, (a) => formatYmd(addDays(deicticDate(a, w), extra)) + suffix);
    },
  },
  {
    name: 'this-morning',
    source: `(?:(?<mod>early|late|later|earlier)\\s+)?this\\s+(?<part>morning|afternoon|evening)`,
    handle(g, ctx) {
      return relative(ctx, 'TIME', `this ${g.part!.toLowerCase()}: part of the article date`, (a) => formatYmd(a) + partSuffix(g.part));
    },
  },
  {
    name: 'year-ago',
    source: `(?:the\\s+|a\\s+)?year[-\\s](?:ago|earlier)|(?:the\\s+)?prior[-\\s]year|(?<month>the\\s+end\\s+of\\s+the\\s+month)`,
    handle(g, ctx) {
      if (g.month) return relative(ctx, 'DATE', 'the month of the article date', (a) => formatMonth(a.y, a.m));
      return relative(ctx, 'DATE', 'the year before the article date', (a) => String(a.y - 1));
    },
  },
  {
    name: 'year-words',
    source:
      `(?<yearEnd>(?:the\\s+)?year[-\\s]end|year's\\s+end|the\\s+end\\s+of\\s+the\\s+year)|` +
      `the\\s+(?<kind>full|fiscal|calendar|whole|entire|current)?\\s*year(?!\\s+(?:\\d|two|nineteen))|` +
      `(?<weekend>the\\s+weekend)`,
    handle(g, ctx) {
      if (g.weekend) {
        return relative(ctx, 'DATE', 'the weekend nearest the article date in the sentence\'s tense', (a) => {
          const wd = isoWeekday(a);
          const base = ctx.future() || wd >= 6 ? a : addDays(a, -7);
          return `${formatWeek(base)}-WE`;
        });
      }
      if (g.yearEnd || (g.kind ?? '').toLowerCase() === 'current') {
        return relative(ctx, 'DATE', 'the article year', (a) => String(a.y));
      }
      const before = ctx.text.slice(Math.max(0, ctx.start - 12), ctx.start);
      const after = ctx.text.slice(ctx.end, ctx.end + 10);
      // "in the year ended March 31" is a twelve-month span; "for the year" is the article's year.
      const whole = /^(?:entire|whole)$/i.test(g.kind ?? '');
      if (whole || (/\bin\s+$/i.test(before) && /^\s+end(?:ed|ing)\b/i.test(after)) || /\b(?:over|during|throughout)\s+$/i.test(before)) {
        return absolute('DURATION', 'P1Y', 'a whole year');
      }
      return relative(ctx, 'DATE', 'the article year', (a) => String(a.y));
    },
  },
  {
    name: 'reference',
    source:
      `(?<present>right\\s+now|now|currently|current|presently|at\\s+present|the\\s+present(?:\\s+(?:time|day))?|nowadays|these\\s+days|` +
      `at\\s+the\\s+moment|at\\s+this\\s+moment)|` +
      `(?<recentSpan>recent\\s+(?:months|weeks|quarters))|(?<past>recent\\s+(?:years|days|decades|times|history)|the\\s+(?:recent\\s+)?past|(?:more\\s+|most\\s+|until\\s+)?recently|recent|lately|` +
      `past\\s+(?:years|decades))|` +
      `(?<future>the\\s+(?:near\\s+|distant\\s+|foreseeable\\s+)?future|the\\s+(?:near|long|short|medium)\\s+term|` +
      `(?:the\\s+)?coming\\s+quarters|future\\s+(?:years|quarters))|` +
      `(?:the\\s+)?coming\\s+(?<comingUnit>years|months|weeks|days|decades)|the\\s+(?<aheadUnit>years|months|days|weeks)\\s+ahead`,
    handle(g, ctx) {
      if (g.future && /^soon$/i.test(g.future) && /\bas\s+$/i.test(ctx.text.slice(Math.max(0, ctx.start - 4), ctx.start))) return null;
      if (g.present) {
        // "current" as in electric current or "current account" is not a time.
        if (/^current$/i.test(g.present) && /^\s+(?:account|affairs|events)\b/i.test(ctx.text.slice(ctx.end, ctx.end + 12))) return null;
        return absolute('DATE', 'PRESENT_REF', 'the present (the article date)');
      }
      if (g.comingUnit || g.aheadUnit) {
        const unit = (g.comingUnit ?? g.aheadUnit)!.toLowerCase();
        return absolute('DURATION', durationValue(null, unit), `the next few ${unit}`);
      }
      if (g.recentSpan) {
        const unit = g.recentSpan.toLowerCase().replace(/^recent\s+/, '');
        return absolute('DURATION', durationValue(null, unit === 'quarters' ? 'months' : unit), `the last few ${unit}`);
      }
      if (g.past) return absolute('DATE', 'PAST_REF', 'an unspecified time before the article date');
      return absolute('DATE', 'FUTURE_REF', 'an unspecified time after the article date');
    },
  },
  {
    name: 'holiday',
    source:
      `(?:(?<rel>last|this|next)\\s+)?(?<hol>christmas(?:\\s+(?:day|eve))?|new\\s+year's(?:\\s+(?:day|eve))?|thanksgiving(?:\\s+day)?|halloween|` +
      `independence\\s+day|valentine's\\s+day|easter(?:\\s+sunday)?|labor\\s+day|memorial\\s+day)(?:\\s+(?<year>${YEAR})(?!\\d))?`,
    handle(g, ctx) {
      if (!isCapitalised(g.hol)) return null;
      if (g.year) {
        const d = holidayDate(g.hol!, +g.year);
        return d ? absolute('DATE', formatYmd(d), `${g.hol} of a year`) : null;
      }
      const k = shiftOf(g.rel);
      return relative(ctx, 'DATE', `${g.hol}, the one ${k > 0 || (k === 0 && ctx.future()) ? 'after' : 'before'} the article date`, (a) => {
        const forward = k > 0 || (k === 0 && ctx.future());
        const thisYear = holidayDate(g.hol!, a.y);
        if (!thisYear) return null;
        const isAfter = thisYear.m > a.m || (thisYear.m === a.m && thisYear.d > a.d);
        const y = forward ? (isAfter ? a.y : a.y + 1) : isAfter ? a.y - 1 : a.y;
        return formatYmd(holidayDate(g.hol!, y)!);
      });
    },
  },
  {
    name: 'year',
    source:
      `(?:(?<mod>${MODIFIER}|fiscal|calendar|FY|(?:the\\s+)?(?:fiscal\\s+)?year|the\\s+summer\\s+of|post|pre)[-\\s]*)?(?<year>${YEAR})(?<suffix>\\s+or\\s+(?:later|earlier))?`,
    handle(g, ctx) {
      if (!g.mod) {
        const after = ctx.text.slice(ctx.end, ctx.end + 24);
        // A year is not a count ("2000 people") nor part of a number, range, phone or version.
        if (/^(?:\s*(?:%|percent|per\s+cent)|[-–/.,:]\d|\s+(?:[a-z]+s\b(?<!\b(?:was|has|is|as|this|his|its|us|hers|ours|yes|less|yours|thus|plus|whereas)\b)|(?:people|men|women|children|police|staff|personnel|feet|cattle|sheep|yen)\b))/.test(after)) {
          if (!YEAR_PREPOSITIONS.has(previousWord(ctx))) return null;
        }
      }
      const y = g.year!;
      const mod = (g.mod ?? '').toLowerCase();
      return absolute('DATE', y, mod.startsWith('fiscal') || mod === 'fy' ? 'fiscal year' : 'a year');
    },
  },
  {
    name: 'spelled-year',
    source: `nineteen[-\\s]+(?<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\\s](?<ones>one|two|three|four|five|six|seven|eight|nine))?|the\\s+year\\s+two\\s+thousand`,
    handle(g) {
      if (!g.tens) return absolute('DATE', '2000', 'a year in words');
      const tens = numberValue(g.tens)!;
      const ones = g.ones ? numberValue(g.ones)! : 0;
      return absolute('DATE', String(1900 + tens + ones), 'a year in words');
    },
  },
  {
    name: 'vague-duration',
    source: `(?<unit>years|months|weeks|decades|centuries)(?:[-\\s]long)?(?![-\\s]+old)`,
    handle(g) {
      return absolute('DURATION', durationValue(null, g.unit!), `a vague number of ${g.unit!.toLowerCase()}`);
    },
  },
];
