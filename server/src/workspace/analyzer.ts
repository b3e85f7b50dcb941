import type { AnalyzeOptions, ArticleAnalysis, CancellationSignal } from '../analysis/types';

/** Analyses an article off the main thread (the index workers). */
export type AnalyzeElsewhere = (text: string, options: AnalyzeOptions) => Promise<ArticleAnalysis>;

/**
 * Analyses in this thread. The engine (a few MB of word lists) is required on first use, not
 * imported: a server that starts from its cache with no article open never loads it in this
 * thread. The bundle keeps it in dist/analysis.js for that reason (esbuild.js); Node's module
 * cache makes later calls cheap.
 */
export function analyzeHere(text: string, options: AnalyzeOptions, token?: CancellationSignal): ArticleAnalysis {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const engine = require('../analysis') as typeof import('../analysis');
  return engine.analyzeArticle(text, options, token);
}

/** Analyses in the workers when there are any, else (or when they fail) in this thread. */
export function analyzerOf(elsewhere: AnalyzeElsewhere | undefined, log: (message: string) => void): AnalyzeElsewhere {
  return async (text, options) => {
    if (elsewhere) {
      try {
        return await elsewhere(text, options);
      } catch (error) {
        log(`analysis worker failed (${error instanceof Error ? error.message : String(error)}); analysing in-process`);
      }
    }
    return analyzeHere(text, options);
  };
}
