import type { ArticleAnalysis, EntityKind, EntityMention } from '../../server/src/analysis/types';
import { Corpus } from '../../server/src/corpus/corpus';

/**
 * Invented articles built by hand: each word given is a mention (entity, date or figure),
 * placed one after another, so the tests know every offset.
 */
export type Word = { text: string; key?: string; kind?: EntityKind; full?: boolean; rule?: string; date?: string; relative?: boolean; figure?: { value: number; measure: string } };

export function article(articleDate: string, ...words: Word[]): { text: string; analysis: ArticleAnalysis } {
  let text = '';
  const analysis: ArticleAnalysis = { articleDate: articleDate ? { value: articleDate, source: 'date-line' } : { value: '', source: 'none' }, entities: [], dates: [], figures: [], problems: [] };
  for (const w of words) {
    const start = text.length;
    // Two spaces apart, so an offset can lie between two mentions (ends are inclusive).
    text += `${w.text}  `;
    const end = start + w.text.length;
    if (w.key) {
      const kind = w.kind ?? 'person';
      const m: EntityMention = { kind, key: w.key, text: w.text, canonical: w.full ? w.text : w.text.replace(/^(Mr|Ms) /, ''), start, end, fullName: w.full ?? false, rule: w.rule ?? 'test' };
      if (kind === 'person') m.surname = w.text.split(' ').pop()!.toLowerCase();
      analysis.entities.push(m);
    } else if (w.date) analysis.dates.push({ kind: 'date', type: 'DATE', start, end, text: w.text, value: w.date, relative: w.relative ?? false, reading: 'test' });
    else if (w.figure) analysis.figures.push({ kind: 'figure', type: 'QUANTITY', start, end, text: w.text, value: w.figure.value, counted: w.figure.measure, measure: w.figure.measure });
  }
  return { text, analysis };
}

export const MARROW: Word = { text: 'Ilse Marrow', key: 'person:ilse marrow', full: true };
export const MS_MARROW: Word = { text: 'Ms Marrow', key: 'person:~marrow' };
export const BAY: Word = { text: 'Kestrel Bay', key: 'place:kestrel bay', kind: 'place', full: true };
export const PORT: Word = { text: 'Port Authority', key: 'org:port authority', kind: 'org', full: true };
export const TUESDAY: Word = { text: 'Tuesday', date: '2024-03-05', relative: true };
export const SHIPS = (n: number): Word => ({ text: String(n), figure: { value: n, measure: 'ships' } });

export function corpusOf(...articles: [string, ReturnType<typeof article>][]): Corpus {
  const corpus = new Corpus();
  for (const [uri, { text, analysis }] of articles) corpus.setArticle(uri, corpus.pack(text, analysis));
  return corpus;
}

