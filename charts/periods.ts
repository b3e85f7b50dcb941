/** Labels and ends of the periods a date axis is cut into (the server cuts; charts name them). */
import type { Bucket, Period } from '../server/src/protocol';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 86_400_000;

function parse(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "4 Mar 2024" for a day, "week of 4 Mar 2024" for a week, "Mar 2024" for a month. */
export function periodLabel(start: string, bucket: Bucket, short = false): string {
  const d = parse(start);
  if (Number.isNaN(d.getTime())) return start;
  const month = MONTHS[d.getUTCMonth()];
  if (bucket === 'month') return `${month} ${d.getUTCFullYear()}`;
  const day = short ? `${d.getUTCDate()} ${month}` : `${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
  return bucket === 'week' && !short ? `week of ${day}` : day;
}

/** The last day of the period starting on `start`. */
export function periodEnd(start: string, bucket: Bucket): string {
  const d = parse(start);
  if (bucket === 'day') return start;
  if (bucket === 'week') return iso(new Date(d.getTime() + 6 * DAY_MS));
  return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)));
}

/** The period from the start of one bucket to the end of another. */
export function periodOf(periods: string[], bucket: Bucket, first: number, last: number): Period {
  const [a, b] = first <= last ? [first, last] : [last, first];
  return { from: periods[Math.max(0, a)], to: periodEnd(periods[Math.min(periods.length - 1, b)], bucket) };
}

/** Indices of the buckets a period covers (any overlap), or undefined when none or no period. */
export function bucketsOf(periods: string[], bucket: Bucket, period: Period | undefined): [number, number] | undefined {
  if (!period || (!period.from && !period.to) || periods.length === 0) return undefined;
  let first = -1;
  let last = -1;
  for (let i = 0; i < periods.length; i++) {
    const overlaps = (!period.to || periods[i] <= period.to) && (!period.from || periodEnd(periods[i], bucket) >= period.from);
    if (!overlaps) continue;
    if (first < 0) first = i;
    last = i;
  }
  return first < 0 ? undefined : [first, last];
}

/** "4 Mar 2024 – 17 Mar 2024", "from 4 Mar 2024", "all dates". */
export function describePeriod(period: Period | undefined): string {
  const from = period?.from ? periodLabel(period.from, 'day') : '';
  const to = period?.to ? periodLabel(period.to, 'day') : '';
  if (from && to) return from === to ? from : `${from} – ${to}`;
  if (from) return `from ${from}`;
  if (to) return `until ${to}`;
  return 'all dates';
}
