import type { DateType } from '../../types';
import type { Ymd } from '../calendar';
import { wordTable } from '../../wordTable';

/*
 * What every date rule is made of: the Rule shape, the two kinds of reading (absolute, or
 * relative to the article date), and the small word helpers several rule families share.
 */

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

/** TIMEX3 codes of the parts of a day. */
const PART_CODE: Record<string, string> = wordTable({ morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', overnight: 'NI' });

/** "1 day", "3 days", "1 century", "2 centuries", for readings. */
export function countOf(n: number, unit: string): string {
  const singular = unit.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
  if (n === 1) return `1 ${singular}`;
  return `${n} ${singular.endsWith('y') && singular !== 'day' ? `${singular.slice(0, -1)}ies` : `${singular}s`}`;
}

/** A reading that depends on the article date; without one the value stays null. */
export function relative(ctx: RuleContext, type: DateType, reading: string, compute: (anchor: Ymd) => string | null): Reading | null {
  if (!ctx.anchor) return { type, value: null, relative: true, reading };
  const value = compute(ctx.anchor);
  return value === null ? null : { type, value, relative: true, reading };
}

/** A reading that stands without the article date. */
export function absolute(type: DateType, value: string, reading: string): Reading {
  return { type, value, relative: false, reading };
}

/** Month words must be capitalised: lower-case "march" and "may" are verbs. */
export function isCapitalised(word: string | undefined): boolean {
  return !!word && word[0] >= 'A' && word[0] <= 'Z';
}

/** The lower-cased word just before the match, if any (within 20 characters). */
export function previousWord(ctx: RuleContext): string {
  const before = ctx.text.slice(Math.max(0, ctx.start - 20), ctx.start);
  const match = /([A-Za-z']+)[\s,]*$/.exec(before); // regex-safety: bounded (20 characters)
  return match ? match[1].toLowerCase() : '';
}

// A verb at most a preposition away ("resigned in February") decides a bare month by itself.
export const MONTH_CUE_REACH = 4;

/** -1 for words that look back ("last", "ago"), +1 for words that look ahead, else 0. */
export function shiftOf(word: string | undefined): -1 | 0 | 1 {
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

/** The TIMEX3 suffix of a part of the day ("morning" → TMO), or "" when none. */
export function partSuffix(part: string | undefined): string {
  if (!part) return '';
  const code = PART_CODE[part.toLowerCase().replace(/s$/, '')];
  return code ? `T${code}` : '';
}

/** Words that pick part of a period: "early", "mid", "the end of", "the first half of". */
export const MODIFIER = '(?:early|late|mid|the\\s+(?:end|beginning|start|middle|rest|remainder|first\\s+half|second\\s+half)\\s+of)';
