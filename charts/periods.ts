/** Labels and ends of the periods a date axis is cut into (the server cuts; charts name them). */
import * as l10n from '@vscode/l10n';
import type { Bucket, Period } from '../server/src/protocol';

/** A month's abbreviation in the reader's language (asked each time: a lookup, and never stale). */
function monthName(month: number): string {
  return [l10n.t('Jan'), l10n.t('Feb'), l10n.t('Mar'), l10n.t('Apr'), l10n.t('May'), l10n.t('Jun'), l10n.t('Jul'), l10n.t('Aug'), l10n.t('Sep'), l10n.t('Oct'), l10n.t('Nov'), l10n.t('Dec')][month];
}
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
  const month = monthName(d.getUTCMonth());
  if (bucket === 'month') return `${month} ${d.getUTCFullYear()}`;
  const day = short ? `${d.getUTCDate()} ${month}` : `${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
  return bucket === 'week' && !short ? l10n.t('week of {0}', day) : day;
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
  if (from && to) return from === to ? from : l10n.t('{0} – {1}', from, to);
  if (from) return l10n.t('from {0}', from);
  if (to) return l10n.t('until {0}', to);
  return l10n.t('all dates');
}
