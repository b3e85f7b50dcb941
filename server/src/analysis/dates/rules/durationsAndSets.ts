import { pad } from '../calendar';
import { MONTH, NUMBER, UNIT, WEEKDAY, durationValue, monthNumber, numberValue, weekdayNumber } from '../lexicon';
import { wordTable } from '../../wordTable';
import { absolute, countOf, partSuffix, type Rule } from './rule';

/*
 * Durations ("three years", "the past two weeks", "years") and sets, which recur ("daily",
 * "every month", "every Monday", "Sundays"). Neither depends on the article date.
 */

/** TIMEX3 periods of rate adverbs ("weekly"). */
const RATE_CODE: Record<string, string> = wordTable({
  daily: 'P1D', weekly: 'P1W', monthly: 'P1M', annually: 'P1Y', yearly: 'P1Y', quarterly: 'P3M', hourly: 'PT1H', nightly: 'P1D',
  biweekly: 'P2W', bimonthly: 'P2M', semiannually: 'P6M', annual: 'P1Y', semiannual: 'P6M',
});

export const durationRule: Rule = {
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
};

export const vagueDurationRule: Rule = {
  name: 'vague-duration',
  source: `(?<unit>years|months|weeks|decades|centuries)(?:[-\\s]long)?(?![-\\s]+old)`,
  handle(g) {
    return absolute('DURATION', durationValue(null, g.unit!), `a vague number of ${g.unit!.toLowerCase()}`);
  },
};

export const setRule: Rule = {
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
};

export const weekdaySetRule: Rule = {
  name: 'weekday-set',
  source: `(?:(?:every|each)\\s+(?<wd>${WEEKDAY})|(?<wds>${WEEKDAY})s)(?:\\s+(?<part>mornings?|afternoons?|evenings?|nights?))?`,
  handle(g) {
    const n = weekdayNumber(g.wd ?? g.wds!);
    return absolute('SET', `XXXX-WXX-${n}${partSuffix(g.part)}`, `every ${(g.wd ?? g.wds)!}`);
  },
};
