import { formatYmd, pad } from '../calendar';
import { WEEKDAY } from '../lexicon';
import { deicticDate, resolveWeekday } from './relativeDates';
import { partSuffix, previousWord, relative, type Rule, type RuleContext, type Reading } from './rule';

/*
 * Times of day: clock times ("10:30 a.m.", "7 p.m. Tuesday", "14:00 GMT"), noon and midnight,
 * "this morning". The day is a weekday, today/yesterday/tomorrow, or the article date.
 */

/** The hour on a 24-hour clock of "7" with "p.m." (19) or "12" with "a.m." (0). */
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

export const clockRule: Rule = {
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
};

export const clock24Rule: Rule = {
  name: 'clock24',
  source: `(?<h>[0-2]?\\d)(?::| : )(?<mi>[0-5]\\d)\\s*(?<tz>UTC|GMT|[ECMP][SD]T|hours|hrs|local\\s+time)`,
  handle(g, ctx) {
    if (+g.h! > 23) return null;
    const z = /^(UTC|GMT)$/i.test(g.tz!) ? 'Z' : '';
    return timeOnDay(ctx, undefined, undefined, `T${pad(+g.h!)}:${g.mi}${z}`, `clock time ${pad(+g.h!)}:${g.mi}`);
  },
};

export const noonRule: Rule = {
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
};

export const thisMorningRule: Rule = {
  name: 'this-morning',
  source: `(?:(?<mod>early|late|later|earlier)\\s+)?this\\s+(?<part>morning|afternoon|evening)`,
  handle(g, ctx) {
    return relative(ctx, 'TIME', `this ${g.part!.toLowerCase()}: part of the article date`, (a) => formatYmd(a) + partSuffix(g.part));
  },
};
