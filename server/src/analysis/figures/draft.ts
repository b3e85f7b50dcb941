import type { FigureMention } from '../types';

/** A figure before its text is cut from the article. */
export type Draft = Omit<FigureMention, 'kind' | 'text'>;

/** What a reader found: a figure, or nothing, and where scanning resumes. */
export interface ReadResult {
  draft?: Draft;
  resume: number;
}
