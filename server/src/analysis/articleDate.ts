import { formatYmd, isValidYmd, parseYmd } from './dates/calendar';
import { MONTH, monthNumber } from './dates/lexicon';
import type { ArticleDate, Span } from './types';

// Only the top of an article carries its date; looking further finds dates of events instead.
const HEAD_LENGTH = 1500;

/** A `date 2021-11-10` (or `Date: 2021-11-10`) line. */
const DATE_LINE = /^[\uFEFF \t]*date[ \t]*:?[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*\r?$/imy;

/**
 * The first line of an article that begins with its date and goes straight on with the body, as
 * some corpora store it: " date 2022-04-12 Prompted by ...".
 */
const DATE_PREFIX = /[\uFEFF \t]*date[ \t]*:?[ \t]+(\d{4}-\d{2}-\d{2})[ \t]+\S/iy;

/** A clock time after a date on its line: "3:04 PM ET", "at 10.32 BST", ", 09:15". */
const TIME_AFTER = `(?:,?[ \\t]+(?:at[ \\t]+)?\\d{1,2}[:.]\\d{2}(?:[ \\t]*[ap]\\.?m\\.?)?(?:[ \\t]+[A-Z]{2,4})?)?`;

/**
 * A line holding nothing but a full date, perhaps with its time: "March 06, 2008",
 * "6 March 2008", "Monday, March 6, 2008", "Tuesday 12 April 2022 10.32 BST".
 */
const DATE_ONLY_LINE = new RegExp(
  `^[\\uFEFF \\t]*(?:[A-Z][a-z]+day,?[ \\t]+)?(?:(${MONTH})[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?[ \\t]*,?[ \\t]*(\\d{4})|(\\d{1,2})[ \\t]+(${MONTH})[ \\t]+(\\d{4}))${TIME_AFTER}[ \\t]*\\r?$`,
  'imy',
);

/**
 * A "Published" or "Updated" line of a scraped page: "Published: 12 April 2022",
 * "Published 10:32 BST, 12 April 2022", "Last updated on April 12, 2022 at 3:04 p.m.". The
 * keyword opens a short line and a date or time follows it at once, so a sentence such as
 * "Updated figures released on ..." is not one.
 */
const PUBLISHED_LINE = /[\uFEFF \t]*(first[ \t]+published|published|posted|last[ \t]+updated|updated|last[ \t]+modified|modified)(?:[ \t]+(?:on|at))?[ \t]*:?[ \t]*([^\r\n]{0,100})/iy;
/** What may follow the keyword directly: a digit, or a weekday or month word. */
const AFTER_KEYWORD = new RegExp(`^(?:\\d|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\b|(?:${MONTH})\\b)`, 'i');
/** A full date inside such a line: ISO, month first or day first. */
const DATE_IN_LINE = new RegExp(`\\b(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)|\\b(${MONTH})[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?,?[ \\t]+(\\d{4})\\b|\\b(\\d{1,2})[ \\t]+(${MONTH}),?[ \\t]+(\\d{4})\\b`, 'i');

/**
 * A news dateline: "LONDON, March 3 (Reuters) -", "WASHINGTON, March 3, 2021 (AP) —",
 * "NAIROBI, Kenya, Aug. 7 -". Place words are bounded so the pattern cannot run away.
 */
const DATELINE = new RegExp(
  `^[\\uFEFF \\t]*[A-Z][A-Za-z.'\\- ]{1,40},(?:[ \\t]*[A-Z][A-Za-z.' ]{1,30},)?[ \\t]*(${MONTH})[ \\t]*(\\d{1,2})(?:,?[ \\t]+(\\d{4}))?` +
    `[ \\t]*(?:\\([A-Za-z .&\\-]{1,30}\\)[ \\t]*)?(?:[-\\u2013\\u2014_:]|--)`,
  // Case-insensitive for the month words; the place's capital is checked in code.
  'imy',
);

/** A Reuters-style dateline line: "LONDON 1996-08-30". */
const ISO_DATELINE = /^[\uFEFF \t]*[A-Z][A-Za-z.'\- ]{0,40}[A-Za-z.],?[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*\r?$/my;

/** Full dates anywhere in the text, to find the year a year-less dateline leaves out. */
const FULL_DATE = new RegExp(`\\b(${MONTH})[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?,?[ \\t]+(\\d{4})\\b|\\b(\\d{1,2})[ \\t]+(${MONTH})[ \\t]+(\\d{4})\\b`, 'gi');

// Both the date line and the Reuters dateline hold an ISO date; most heads have none.
const ISO_DATE = /\d{4}-\d\d-\d\d/;

// Line ends as the `m` flag's `^` knows them.
const LINE_END = /[\n\r\u2028\u2029]/g;

/** The lines of the head: where each starts, and its first char after BOM, spaces and tabs. */
interface Lines {
  starts: number[];
  firsts: number[];
}

/** Where lines start in `head` (0 and after every line end, also between \r and \n), with their first chars. */
function linesOf(head: string): Lines {
  const starts = [0];
  LINE_END.lastIndex = 0;
  while (LINE_END.exec(head) !== null) starts.push(LINE_END.lastIndex);
  const firsts = starts.map((start) => {
    let i = start;
    for (let c = head.charCodeAt(i); c === 0xfeff || c === 32 || c === 9; c = head.charCodeAt(i)) i++;
    return head.charCodeAt(i);
  });
  return { starts, firsts };
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * The first match of a sticky `^[\uFEFF \t]*...` pattern at a line start: what the same
 * pattern without `y` finds by trying every position of the head. `canStart` tells from the
 * line's first char (after BOM, spaces and tabs) whether the pattern can match there at all,
 * which spares most lines a regex run.
 */
function firstLineMatch(pattern: RegExp, head: string, lines: Lines, canStart: (code: number) => boolean): RegExpExecArray | null {
  for (let k = 0; k < lines.starts.length; k++) {
    if (!canStart(lines.firsts[k])) continue;
    pattern.lastIndex = lines.starts[k];
    const match = pattern.exec(head);
    if (match) return match;
  }
  return null;
}

function isMonthWord(word: string | undefined): word is string {
  return !!word && word[0] >= 'A' && word[0] <= 'Z' && monthNumber(word) > 0;
}

function spanOf(text: string, start: number, length: number): Span {
  return { start, end: start + length, text: text.slice(start, start + length) };
}

/**
 * The single year in which the text writes out month m, day d in full, or 0 when the text
 * never does or names several years.
 */
function yearFromText(text: string, m: number, d: number): number {
  const years = new Set<number>();
  FULL_DATE.lastIndex = 0;
  for (const match of text.matchAll(FULL_DATE)) {
    const month = monthNumber(match[1] ?? match[5]);
    const day = +(match[2] ?? match[4]);
    if (month === m && day === d) years.add(+(match[3] ?? match[6]));
  }
  return years.size === 1 ? [...years][0] : 0;
}

/** The `date YYYY-MM-DD` prefix of the first non-blank line, body following on the same line. */
function datePrefix(head: string, lines: Lines): RegExpExecArray | null {
  const first = lines.firsts.findIndex((c) => !Number.isNaN(c) && c !== 10 && c !== 13);
  if (first < 0 || (lines.firsts[first] !== 100 && lines.firsts[first] !== 68)) return null;
  DATE_PREFIX.lastIndex = lines.starts[first];
  return DATE_PREFIX.exec(head);
}

/**
 * The date of a "Published" line, else of an "Updated" line (the day it was first published is
 * the one its relative dates were written against).
 */
function publishedLine(text: string, head: string, lines: Lines): ArticleDate | undefined {
  let updated: ArticleDate | undefined;
  for (let k = 0; k < lines.starts.length; k++) {
    const c = lines.firsts[k] | 0x20;
    if (c !== 0x70 && c !== 0x66 && c !== 0x75 && c !== 0x6c && c !== 0x6d) continue; // p f u l m
    PUBLISHED_LINE.lastIndex = lines.starts[k];
    const m = PUBLISHED_LINE.exec(head);
    if (!m || m[2].length >= 100 || !AFTER_KEYWORD.test(m[2])) continue;
    const date = DATE_IN_LINE.exec(m[2]);
    if (!date) continue;
    const y = +(date[1] ?? date[6] ?? date[9]);
    const mo = date[2] ? +date[2] : monthNumber(date[4] ?? date[8]);
    const d = +(date[3] ?? date[5] ?? date[7]);
    if (!isValidYmd(y, mo, d)) continue;
    const start = m.index + m[0].length - m[2].length + date.index;
    const found: ArticleDate = { value: formatYmd({ y, m: mo, d }), source: /updated|modified/i.test(m[1]) ? 'updated-line' : 'published-line', span: spanOf(text, start, date[0].length) };
    if (found.source === 'published-line') return found;
    updated ??= found;
  }
  return updated;
}

/**
 * Finds the date an article is written on, which relative dates resolve against:
 * 1. a per-file setting (YYYY-MM-DD) wins — source 'setting';
 * 2. a `date YYYY-MM-DD` line, or a first line that begins with one and goes on with the
 *    body — source 'date-line';
 *    then a "Published" line with a full date — 'published-line' — else an "Updated" line —
 *    'updated-line';
 *    then a line near the top holding only a full date, perhaps with a time ("March 06, 2008",
 *    "Tuesday 12 April 2022 10.32 BST") — 'date-line';
 * 3. a dateline with a full date ("WASHINGTON, March 3, 2021 (AP) —", "LONDON 1996-08-30")
 *    — source 'dateline'.
 *    A dateline without a year ("LONDON, March 3 (Reuters) -") gives a date only when the
 *    text itself writes that same month and day with a year, and always the same year; we
 *    never take the year from the clock, so otherwise there is no anchor.
 * Else source 'none': relative dates then stay unresolved. Never throws.
 */
export function findArticleDate(text: string, setting?: string): ArticleDate {
  if (setting && parseYmd(setting.trim())) return { value: setting.trim(), source: 'setting' };
  const head = text.slice(0, HEAD_LENGTH);
  const lines = linesOf(head);
  const hasIsoDate = ISO_DATE.test(head);

  const line = hasIsoDate ? firstLineMatch(DATE_LINE, head, lines, (c) => c === 100 || c === 68) ?? datePrefix(head, lines) : null;
  if (line && parseYmd(line[1])) {
    const start = line.index + line[0].indexOf(line[1]);
    return { value: line[1], source: 'date-line', span: spanOf(text, start, 10) };
  }

  const published = publishedLine(text, head, lines);
  if (published) return published;

  const only = firstLineMatch(DATE_ONLY_LINE, head, lines, (c) => isAsciiLetter(c) || (c >= 48 && c <= 57));
  if (only) {
    const monthWord = only[1] ?? only[5];
    const y = +(only[3] ?? only[6]);
    const m = monthNumber(monthWord);
    const d = +(only[2] ?? only[4]);
    if (isMonthWord(monthWord) && isValidYmd(y, m, d)) {
      // regex-safety: bounded (one short date line)
      const trimmed = only[0].replace(/^[\uFEFF \t]+/, '').replace(/[ \t\r]+$/, '');
      // The span is the date itself, without a time after it.
      const dateText = trimmed.slice(0, trimmed.indexOf(String(y)) + 4);
      const start = only.index + only[0].indexOf(trimmed);
      return { value: formatYmd({ y, m, d }), source: 'date-line', span: spanOf(text, start, dateText.length) };
    }
  }

  const isoDateline = hasIsoDate ? firstLineMatch(ISO_DATELINE, head, lines, (c) => c >= 65 && c <= 90) : null;
  if (isoDateline && parseYmd(isoDateline[1])) {
    const start = isoDateline.index + isoDateline[0].lastIndexOf(isoDateline[1]);
    return { value: isoDateline[1], source: 'dateline', span: spanOf(text, start, 10) };
  }

  const dateline = firstLineMatch(DATELINE, head, lines, isAsciiLetter);
  if (dateline && isMonthWord(dateline[1]) && /^[\uFEFF \t]*[A-Z]/.test(dateline[0])) {
    const m = monthNumber(dateline[1]);
    const d = +dateline[2];
    const y = dateline[3] ? +dateline[3] : yearFromText(text, m, d);
    if (y && isValidYmd(y, m, d)) {
      const start = dateline.index + dateline[0].indexOf(dateline[1], dateline[0].indexOf(','));
      const dateText = dateline[3]
        ? text.slice(start, text.indexOf(dateline[3], start + dateline[1].length) + 4)
        : text.slice(start, text.indexOf(dateline[2], start + dateline[1].length) + dateline[2].length);
      return { value: formatYmd({ y, m, d }), source: 'dateline', span: spanOf(text, start, dateText.length) };
    }
  }

  return { value: '', source: 'none' };
}
