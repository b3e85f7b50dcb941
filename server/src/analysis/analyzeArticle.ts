import { findArticleDate } from './articleDate';
import { findDates } from './dates';
import { findFigures } from './figures';
import { findNames } from './names';
import type { AnalyzeOptions, ArticleAnalysis, CancellationSignal, Span } from './types';

const NEVER_CANCELLED: CancellationSignal = { isCancellationRequested: false };

/**
 * The analysis entry point: article text in, mentions out. Never throws on odd input; a
 * failing stage is reported in `problems` and the other stages still run. A cancelled call
 * returns what it has so far (usually nothing).
 */
export function analyzeArticle(
  text: string,
  options: AnalyzeOptions = {},
  token: CancellationSignal = NEVER_CANCELLED,
): ArticleAnalysis {
  const result: ArticleAnalysis = {
    headline: findHeadline(text),
    articleDate: { value: '', source: 'none' },
    entities: [],
    dates: [],
    figures: [],
    problems: [],
  };
  const stage = <T>(name: string, run: () => T, fallback: T): T => {
    if (token.isCancellationRequested) return fallback;
    try {
      return run();
    } catch (error) {
      result.problems.push(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      return fallback;
    }
  };
  result.articleDate = stage('article date', () => findArticleDate(text, options.articleDate), result.articleDate);
  result.dates = stage('dates', () => findDates(text, result.articleDate), []);
  result.figures = stage('figures', () => findFigures(text, result.dates), []);
  result.entities = stage('names', () => findNames(text), []);
  return result;
}

/** The headline is the first non-empty line, trimmed. */
export function findHeadline(text: string): Span | undefined {
  const match = /[^\s\uFEFF][^\r\n]*/.exec(text);
  if (!match) return undefined;
  const raw = match[0];
  const trimmed = raw.replace(/\s+$/, '');
  return { start: match.index, end: match.index + trimmed.length, text: trimmed };
}
