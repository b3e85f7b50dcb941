import type { ArticleAnalysis } from '../analysis/types';
import { pack, type AnalysisMeta, type PackedAnalysis } from './packed';
import type { ValueTable } from './valueTable';

/**
 * One article as read, analysed and packed, once: the same record goes to the corpus and to
 * the disk cache. Its cells index into the value table of the corpus that packed it.
 */
export interface PackedArticle {
  /** The text the analysis was made from; offsets are into it. */
  readonly text: string;
  /** The content fingerprint of the text (hashText). */
  readonly hash: string;
  /** The analysis in columns. */
  readonly packed: PackedAnalysis;
  /** The table the cells point into. */
  readonly table: ValueTable;
}

/** What an article record says besides its mentions: its date, headline and problems. */
export type ArticleMeta = AnalysisMeta;

/**
 * Packs an analysis of a text against a value table. Mentions are put in text order first
 * (lookups by offset use binary search).
 */
export function packArticle(table: ValueTable, text: string, analysis: ArticleAnalysis, hash = hashText(text)): PackedArticle {
  for (const list of [analysis.entities, analysis.dates, analysis.figures] as { start: number }[][]) if (!isSorted(list)) list.sort((a, b) => a.start - b.start);
  return { text, hash, packed: pack(table, analysis), table };
}

/** A cheap content fingerprint (FNV-1a over UTF-16 units) of an article's text. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `h${(h >>> 0).toString(16)}:${text.length}`;
}

function isSorted(list: { start: number }[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1].start > list[i].start) return false;
  return true;
}
