import type { ArticleDate } from './types';

const DATE_LINE = /^[ \t]*date[ \t]*:?[ \t]+(\d{4})-(\d{2})-(\d{2})[ \t]*$/im;

/**
 * Finds the date an article is written on: a per-file setting wins, then a `date YYYY-MM-DD`
 * line. Without either the source is 'none' and relative dates stay unresolved.
 */
export function findArticleDate(text: string, setting?: string): ArticleDate {
  if (setting && /^\d{4}-\d{2}-\d{2}$/.test(setting)) return { value: setting, source: 'setting' };
  const match = DATE_LINE.exec(text);
  if (match) {
    const value = `${match[1]}-${match[2]}-${match[3]}`;
    const start = match.index + match[0].indexOf(match[1]);
    return { value, source: 'date-line', span: { start, end: start + 10, text: value } };
  }
  return { value: '', source: 'none' };
}
