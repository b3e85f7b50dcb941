import { findArticleDate } from './articleDate';
import { canBeHeadline } from './boilerplate';
import { findDates } from './dates';
import { findFigures } from './figures';
import { maskFrontMatter, maskMarkdown } from './markdown';
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
  // Markdown is analysed with its syntax blanked out: same length, so offsets hold for the file.
  const markdown = options.markdown ? maskMarkdown(text) : maskFrontMatter(text);
  const frontMatter = markdown?.frontMatter;
  if (markdown) text = markdown.text;
  const result: ArticleAnalysis = {
    headline: frontMatter?.title ?? collapseSpaces(findHeadline(text), !!markdown),
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
  result.articleDate = stage(
    'article date',
    () =>
      !options.articleDate && frontMatter?.date
        ? { value: frontMatter.date.value, source: 'front-matter' as const, span: { start: frontMatter.date.start, end: frontMatter.date.end, text: frontMatter.date.text } }
        : findArticleDate(text, options.articleDate),
    result.articleDate,
  );
  result.dates = stage('dates', () => findDates(text, result.articleDate), []);
  result.figures = stage('figures', () => findFigures(text, result.dates), []);
  result.entities = stage('names', () => findNames(text), []);
  return result;
}

/** A Markdown headline had its syntax blanked: "Harbour   bridge" reads "Harbour bridge". */
function collapseSpaces(headline: Span | undefined, markdown: boolean): Span | undefined {
  return headline && markdown ? { ...headline, text: headline.text.replace(/\s+/g, ' ') } : headline;
}

/**
 * The headline: the first non-empty line that is not boilerplate or the date line, trimmed.
 * A first text line over 200 characters is a paragraph: that article has no headline.
 */
export function findHeadline(text: string): Span | undefined {
  const line = /[^\r\n]+/g;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    const raw = m[0];
    if (!raw.trim() || raw.trim() === '\uFEFF') continue;
    if (!canBeHeadline(raw)) {
      if (raw.trim().length > 200) return undefined;
      continue;
    }
    const lead = raw.length - raw.replace(/^[\s\uFEFF]+/, '').length;
    const trimmed = raw.trim();
    return { start: m.index + lead, end: m.index + lead + trimmed.length, text: trimmed };
  }
  return undefined;
}
