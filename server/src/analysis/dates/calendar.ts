/**
 * Calendar arithmetic on plain numbers. Days are counted from 1970-01-01 (UTC) so that adding
 * days never meets time zones or daylight saving; `new Date` is only ever given explicit
 * milliseconds, never the clock.
 */

/** A calendar date; month 1-12. */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;

/** Parses "YYYY-MM-DD" into a date, or null when it is not a real calendar date. */
export function parseYmd(value: string): Ymd | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const ymd = { y: +match[1], m: +match[2], d: +match[3] };
  return isValidYmd(ymd.y, ymd.m, ymd.d) ? ymd : null;
}

/** True when y-m-d exists on the calendar (no 31 April, no 29 February 2021). */
export function isValidYmd(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Number of days in month m (1-12) of year y. */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Days since 1970-01-01. */
export function toDayNumber(date: Ymd): number {
  return Math.round(Date.UTC(date.y, date.m - 1, date.d) / DAY_MS);
}

/** The date of a day number. */
export function fromDayNumber(day: number): Ymd {
  const date = new Date(day * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** The date n days after (or before, n < 0) a date. */
export function addDays(date: Ymd, n: number): Ymd {
  return fromDayNumber(toDayNumber(date) + n);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: Ymd): number {
  // 1970-01-01 was a Thursday (ISO 4).
  const day = toDayNumber(date);
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The ISO week (year and number) a date falls in. */
export function isoWeek(date: Ymd): { year: number; week: number } {
  // The ISO week belongs to the year of its Thursday.
  const thursday = addDays(date, 4 - isoWeekday(date));
  const jan1 = toDayNumber({ y: thursday.y, m: 1, d: 1 });
  return { year: thursday.y, week: Math.floor((toDayNumber(thursday) - jan1) / 7) + 1 };
}

/** The Monday of an ISO week. */
export function mondayOfIsoWeek(year: number, week: number): Ymd {
  const jan4 = { y: year, m: 1, d: 4 };
  const mondayWeek1 = addDays(jan4, 1 - isoWeekday(jan4));
  return addDays(mondayWeek1, (week - 1) * 7);
}

/** Zero-pads a number to two (or n) digits. */
export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** "YYYY-MM-DD". */
export function formatYmd(date: Ymd): string {
  return `${pad(date.y, 4)}-${pad(date.m)}-${pad(date.d)}`;
}

/** "YYYY-MM" for month offset n from a year and month. */
export function formatMonth(y: number, m: number, n = 0): string {
  const index = y * 12 + (m - 1) + n;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

/** "YYYY-Www" of the ISO week n weeks after the week of a date. */
export function formatWeek(date: Ymd, n = 0): string {
  const week = isoWeek(addDays(date, n * 7));
  return `${pad(week.year, 4)}-W${pad(week.week)}`;
}

/** The quarter (1-4) a month falls in. */
export function quarterOf(m: number): number {
  return Math.floor((m - 1) / 3) + 1;
}

/** "YYYY-Qn" for quarter offset n from a year and quarter. */
export function formatQuarter(y: number, q: number, n = 0): string {
  const index = y * 4 + (q - 1) + n;
  return `${pad(Math.floor(index / 4), 4)}-Q${(index % 4) + 1}`;
}
