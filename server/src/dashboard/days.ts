/** Article dates as day numbers, and the periods a date axis is cut into. */
import type { Bucket, Period } from '../protocol';

const DAY_MS = 86_400_000;
/** The day number of articles without a (valid) date: after every date, so they sort last. */
export const UNDATED_DAY = 2 ** 30;

/** Days since 1970-01-01 of a YYYY-MM-DD date; UNDATED_DAY for '' or anything else. */
export function dayOf(date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return UNDATED_DAY;
  const time = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  // Date.UTC rolls 2024-02-31 over to March: such a date is not one.
  return Number.isNaN(time) || isoOf(time / DAY_MS) !== date ? UNDATED_DAY : time / DAY_MS;
}

/** The YYYY-MM-DD of a day number. */
export function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The first and last day of a period, open ends as ±infinity; an invalid end is open too. */
export function dayRange(period: Period | undefined): [number, number] {
  const from = period?.from ? dayOf(period.from) : UNDATED_DAY;
  const to = period?.to ? dayOf(period.to) : UNDATED_DAY;
  return [from === UNDATED_DAY ? Number.NEGATIVE_INFINITY : from, to === UNDATED_DAY ? Number.POSITIVE_INFINITY : to];
}

/** The cut that keeps a span readable: days up to four months, weeks up to three years, else months. */
export function bucketFor(firstDay: number, lastDay: number): Bucket {
  const span = lastDay - firstDay + 1;
  if (span <= 120) return 'day';
  if (span <= 3 * 366) return 'week';
  return 'month';
}

/** The first day of the period holding `day` (weeks start on Monday, as ISO weeks do). */
export function bucketStart(day: number, bucket: Bucket): number {
  if (bucket === 'day') return day;
  if (bucket === 'week') return day - ((new Date(day * DAY_MS).getUTCDay() + 6) % 7);
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS;
}

/** The first day of the period after the one starting on `start`. */
export function nextBucket(start: number, bucket: Bucket): number {
  if (bucket === 'day') return start + 1;
  if (bucket === 'week') return start + 7;
  const d = new Date(start * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS;
}

/** Consecutive periods covering firstDay..lastDay: their start days, and a day → period index function. */
export function periodsOver(firstDay: number, lastDay: number, bucket: Bucket): { starts: number[]; indexOf(day: number): number } {
  const starts: number[] = [];
  for (let start = bucketStart(firstDay, bucket); start <= lastDay; start = nextBucket(start, bucket)) starts.push(start);
  const first = starts[0] ?? 0;
  return {
    starts,
    indexOf(day: number): number {
      if (bucket === 'day') return day - first;
      if (bucket === 'week') return Math.floor((bucketStart(day, 'week') - first) / 7);
      const a = new Date(first * DAY_MS);
      const b = new Date(day * DAY_MS);
      return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
    },
  };
}
