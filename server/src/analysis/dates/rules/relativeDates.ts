import type { DateType } from '../../types';
import {
  addDays, formatMonth, formatQuarter, formatWeek, formatYmd, isoWeekday, pad, quarterOf, type Ymd,
} from '../calendar';
import { NUMBER, PART_OF_DAY, UNIT, WEEKDAY, durationValue, numberValue, weekdayNumber } from '../lexicon';
import {
  absolute, countOf, isCapitalised, MODIFIER, partSuffix, relative, shiftOf, type Reading, type Rule, type RuleContext,
} from './rule';

/*
 * Dates counted from the article date: "two days ago", "last week", "on Tuesday", "yesterday",
 * "a year ago", "the year", "the weekend", and the vague references "now", "recently", "the
 * future". Without an article date the value stays null.
 */

/** The date of a weekday near the article date: -1 the one before, +1 the one after, 0 by tense. */
function weekdayDate(anchor: Ymd, weekday: number, direction: -1 | 0 | 1, future: boolean): Ymd {
  const today = isoWeekday(anchor);
  if (direction === -1) return addDays(anchor, -(((today - weekday + 7) % 7) || 7));
  if (direction === 1) return addDays(anchor, ((weekday - today + 7) % 7) || 7);
  if (future) return addDays(anchor, (weekday - today + 7) % 7);
  return addDays(anchor, -((today - weekday + 7) % 7));
}

/** How a weekday was read, for the hover. */
function weekdaySense(ctx: RuleContext, shift: -1 | 0 | 1): string {
  if (shift === -1) return 'the one before the article date';
  if (shift === 1) return 'the one after the article date';
  return ctx.future()
    ? 'weekday in a future-tense sentence: the next one (or the article date itself)'
    : 'weekday in a past-tense sentence: the previous one (or the article date itself)';
}

/** A weekday resolved against the article date, with an optional suffix (T22:00, TNI). */
export function resolveWeekday(ctx: RuleContext, word: string, rel: string | undefined, suffix: string, type: DateType): Reading | null {
  const weekday = weekdayNumber(word);
  if (!weekday) return null;
  const shift = shiftOf(rel);
  return relative(ctx, type, weekdaySense(ctx, shift), (a) => formatYmd(weekdayDate(a, weekday, shift, ctx.future())) + suffix);
}

/** today / yesterday / tomorrow / tonight, as a date. */
export function deicticDate(anchor: Ymd, word: string): Ymd {
  const w = word.toLowerCase();
  return addDays(anchor, w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0);
}

/**
 * The part-of-day suffix after a named day ("Friday evening" → TEV). The annotated news mostly
 * gives "Friday night" the plain date (night runs into the next day), so it keeps the day's value.
 */
function dayPartSuffix(part: string | undefined): string {
  return part && !/^night$/i.test(part) ? partSuffix(part) : '';
}

export const agoRule: Rule = {
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
};

export const lastNextUnitRule: Rule = {
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
};

export const weekdayRule: Rule = {
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
};

export const todayRule: Rule = {
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
};

export const yearAgoRule: Rule = {
  name: 'year-ago',
  source: `(?:the\\s+|a\\s+)?year[-\\s](?:ago|earlier)|(?:the\\s+)?prior[-\\s]year|(?<month>the\\s+end\\s+of\\s+the\\s+month)`,
  handle(g, ctx) {
    if (g.month) return relative(ctx, 'DATE', 'the month of the article date', (a) => formatMonth(a.y, a.m));
    return relative(ctx, 'DATE', 'the year before the article date', (a) => String(a.y - 1));
  },
};

export const yearWordsRule: Rule = {
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
};

export const referenceRule: Rule = {
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
};
