import { addDays, daysInMonth, formatQuarter, formatYmd, isoWeekday, pad, quarterOf, type Ymd } from '../calendar';
import { MONTH, YEAR, monthNumber, ordinalValue } from '../lexicon';
import { wordTable } from '../../wordTable';
import { absolute, isCapitalised, MODIFIER, MONTH_CUE_REACH, previousWord, relative, shiftOf, type Rule } from './rule';

/*
 * Named periods of the calendar: quarters and halves ("the first quarter", "the third quarter of 2020"), months
 * ("in March", "last May"), seasons ("spring 2019", "this summer") and holidays ("Christmas",
 * "Thanksgiving 2020"). Without a year, the nearer one to the article date, leaning with the tense.
 */

// Words before "May" that make it the month rather than the verb ("in May", "by May").
const TIME_PREPOSITIONS = new Set([
  'in', 'since', 'by', 'until', 'till', 'through', 'during', 'before', 'after', 'from', 'to', 'of', 'early', 'late',
  'mid', 'throughout', 'between', 'and', 'or', 'last', 'this', 'next', 'around', 'on', 'for', 'into', 'fiscal', 'year',
]);

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

/** TIMEX3 season codes, and the month each season starts in (northern hemisphere). */
const SEASON_CODE: Record<string, { code: string; start: number }> = wordTable({
  spring: { code: 'SP', start: 3 }, summer: { code: 'SU', start: 6 }, fall: { code: 'FA', start: 9 },
  autumn: { code: 'FA', start: 9 }, winter: { code: 'WI', start: 12 },
});

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

/** The date of a holiday in year `y`, or null for a name it does not know. */
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

export const quarterRule: Rule = {
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
};

export const monthRule: Rule = {
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
};

export const seasonRule: Rule = {
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
};

export const holidayRule: Rule = {
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
};
