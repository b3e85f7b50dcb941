import type { ArticleDate, DateMention } from './types';

const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

/** First version: ISO calendar dates only. */
export function findDates(text: string, _anchor: ArticleDate): DateMention[] {
  const out: DateMention[] = [];
  for (const m of text.matchAll(ISO)) {
    out.push({ kind: 'date', type: 'DATE', start: m.index!, end: m.index! + m[0].length, text: m[0], value: m[0], relative: false, reading: 'ISO calendar date' });
  }
  return out;
}
