/** Plain-English descriptions of TIMEX3 values, for the hover. Pure; no clock. */
import { addDays, isoWeekday, isValidYmd, mondayOfIsoWeek, type Ymd } from './calendar';
import { MONTH_FULL, MONTH_NAMES, WEEKDAY_FULL, WEEKDAY_NAMES } from './lexicon';
import { wordTable } from '../wordTable';

const PART: Record<string, string> = wordTable({ MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night', DT: 'daytime' });
const SEASON: Record<string, string> = wordTable({ SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' });
const UNIT: Record<string, [string, string]> = wordTable({
  Y: ['year', 'years'], M: ['month', 'months'], W: ['week', 'weeks'], D: ['day', 'days'], Q: ['quarter', 'quarters'],
  DE: ['decade', 'decades'], CE: ['century', 'centuries'], L: ['millennium', 'millennia'],
});
const TIME_UNIT: Record<string, [string, string]> = wordTable({ H: ['hour', 'hours'], M: ['minute', 'minutes'], S: ['second', 'seconds'] });

function shortDate(d: Ymd): string {
  return `${d.d} ${MONTH_NAMES[d.m - 1]} ${d.y}`;
}

function dayName(d: Ymd): string {
  return `${WEEKDAY_NAMES[isoWeekday(d) - 1]} ${shortDate(d)}`;
}

function weekRange(year: number, week: number): string {
  const monday = mondayOfIsoWeek(year, week);
  const sunday = addDays(monday, 6);
  if (monday.m === sunday.m) return `${monday.d}–${sunday.d} ${MONTH_NAMES[monday.m - 1]} ${monday.y}`;
  if (monday.y === sunday.y) return `${monday.d} ${MONTH_NAMES[monday.m - 1]} – ${shortDate(sunday)}`;
  return `${shortDate(monday)} – ${shortDate(sunday)}`;
}

function amount(n: string, names: [string, string]): string {
  if (n === 'X') return `some ${names[1]}`;
  return `${n} ${n === '1' ? names[0] : names[1]}`;
}

function describeDuration(body: string): string | null {
  // P1Y2M, PT3H, P2D, PXY, P1DT6H
  const match = /^P(?:(\d+(?:\.\d+)?|X)(Y|M|W|D|Q|DE|CE|L))*(?:T(?:(\d+(?:\.\d+)?|X)(H|M|S))+)?$/.exec(body);
  if (!match) return null;
  const parts: string[] = [];
  const [datePart, timePart] = body.slice(1).split('T');
  // regex-safety: bounded (a TIMEX3 duration value)
  for (const m of datePart.matchAll(/(\d+(?:\.\d+)?|X)(DE|CE|Y|M|W|D|Q|L)/g)) parts.push(amount(m[1], UNIT[m[2]]));
  // regex-safety: bounded (a TIMEX3 duration value)
  if (timePart) for (const m of timePart.matchAll(/(\d+(?:\.\d+)?|X)(H|M|S)/g)) parts.push(amount(m[1], TIME_UNIT[m[2]]));
  return parts.length ? `a duration of ${parts.join(' ')}` : null;
}

function timeOfDay(t: string): string {
  if (PART[t]) return ` (${PART[t]})`;
  const clock = /^(\d\d):(\d\d)(Z)?$/.exec(t);
  if (clock) return ` at ${clock[1]}:${clock[2]}${clock[3] ? ' UTC' : ''}`;
  return ` (${t})`;
}

/**
 * Describes a TIMEX3 value in words: "2021-W45" → "week 45 of 2021 (8–14 Nov 2021)",
 * "2021-11-10" → "Wed 10 Nov 2021", "P1W" → "a duration of 1 week",
 * "PRESENT_REF" → "the present (the article date)". Unknown shapes are returned as they are.
 */
export function describeDateValue(value: string): string {
  const v = value.trim();
  if (v === 'PRESENT_REF') return 'the present (the article date)';
  if (v === 'PAST_REF') return 'some time in the past';
  if (v === 'FUTURE_REF') return 'some time in the future';
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d\d)-(\d\d)(?:T(.+))?$/.exec(v))) {
    const d = { y: +m[1], m: +m[2], d: +m[3] };
    if (!isValidYmd(d.y, d.m, d.d)) return v;
    return dayName(d) + (m[4] ? timeOfDay(m[4]) : '');
  }
  if ((m = /^(\d{4})-W(\d\d?)(-WE)?$/.exec(v))) {
    const year = +m[1], week = +m[2];
    if (week < 1 || week > 53) return v;
    if (m[3]) {
      const saturday = addDays(mondayOfIsoWeek(year, week), 5);
      return `the weekend of week ${week} of ${year} (${saturday.d}–${addDays(saturday, 1).d} ${MONTH_NAMES[saturday.m - 1]} ${saturday.y})`;
    }
    return `week ${week} of ${year} (${weekRange(year, week)})`;
  }
  if ((m = /^(\d{4})-(\d\d)$/.exec(v)) && +m[2] >= 1 && +m[2] <= 12) return `${MONTH_FULL[+m[2] - 1]} ${m[1]}`;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(v))) return `quarter ${m[2]} of ${m[1]}`;
  if ((m = /^(\d{4})-H([12])$/.exec(v))) return `the ${m[2] === '1' ? 'first' : 'second'} half of ${m[1]}`;
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(v))) return `${SEASON[m[2]]} ${m[1]}`;
  if ((m = /^(\d{4})$/.exec(v))) return `the year ${m[1]}`;
  if ((m = /^(\d{3})X?$/.exec(v))) return `the ${m[1]}0s`;
  if ((m = /^(\d{2})$/.exec(v))) return `the ${+m[1] + 1}${ordinalSuffix(+m[1] + 1)} century`;
  if ((m = /^XXXX-WXX-([1-7])(?:T(\w+))?$/.exec(v))) return `every ${WEEKDAY_FULL[+m[1] - 1]}${m[2] ? timeOfDay(m[2]) : ''}`;
  if ((m = /^XXXX-(\d\d)$/.exec(v)) && +m[1] >= 1 && +m[1] <= 12) return `every ${MONTH_FULL[+m[1] - 1]}`;
  if (v.startsWith('P')) return describeDuration(v) ?? v;
  return v;
}

function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
}
