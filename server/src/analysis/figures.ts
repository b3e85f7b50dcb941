import type { DateMention, FigureMention } from './types';

const NUMBER = /\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)?\b/g;

/** First version: plain numbers with the following word as the counted noun. */
export function findFigures(text: string, dates: DateMention[]): FigureMention[] {
  const out: FigureMention[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (dates.some((d) => d.start < end && start < d.end)) continue;
    const value = Number(m[0].replace(/,/g, ''));
    if (value >= 1900 && value <= 2100 && !m[0].includes(',')) continue;
    const next = /^\s+([a-z]+)/.exec(text.slice(end, end + 40));
    out.push({ kind: 'figure', type: 'QUANTITY', start, end, text: m[0], value, counted: next?.[1], measure: next?.[1] ?? 'number' });
  }
  return out;
}
