import type { AnalyzeOptions, ArticleAnalysis, CancellationSignal } from '../analysis/types';

/**
 * Analyses an article off the main thread (the index workers). `cancel`, an Int32Array on a
 * SharedArrayBuffer, is set to 1 when the result is no longer wanted; `urgent` work (an open
 * buffer a request waits for) goes before queued index work.
 */
export type AnalyzeElsewhere = (text: string, options: AnalyzeOptions, cancel?: Int32Array, urgent?: boolean) => Promise<ArticleAnalysis>;

/** A cancellation flag the workers can read while they analyse: it lives in shared memory. */
export class SharedCancellation implements CancellationSignal {
  readonly flag = new Int32Array(new SharedArrayBuffer(4));

  get isCancellationRequested(): boolean {
    return Atomics.load(this.flag, 0) === 1;
  }

  cancel(): void {
    Atomics.store(this.flag, 0, 1);
  }
}

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

/**
 * Analyses in the workers when there are any, else (or when they fail) in this thread. A
 * cancelled analysis is not done again here: its caller no longer wants it.
 */
export function analyzerOf(elsewhere: AnalyzeElsewhere | undefined, log: (message: string) => void): AnalyzeElsewhere {
  return async (text, options, cancel, urgent) => {
    const token = { get isCancellationRequested() { return cancel !== undefined && Atomics.load(cancel, 0) === 1; } };
    if (elsewhere) {
      try {
        return await elsewhere(text, options, cancel, urgent);
      } catch (error) {
        if (token.isCancellationRequested) throw error;
        log(`analysis worker failed (${error instanceof Error ? error.message : String(error)}); analysing in-process`);
      }
    }
    // In-process work starts on a later turn, so that a cancel which comes first is seen.
    await new Promise((resolve) => setImmediate(resolve));
    return analyzeHere(text, options, token);
  };
}

/**
 * Open buffers up to this many UTF-16 units are analysed in this thread: a news article takes
 * a few milliseconds, less than a round trip to a worker that may have to start first (the
 * workers stop when idle). Anything larger goes to the workers, so no buffer blocks requests
 * for more than that.
 */
export const IN_THREAD_BUFFER = 32 * 1024;

/** How open buffers are analysed: small ones here, larger ones in the workers (cancellably, first in line). */
export function bufferAnalyzerOf(elsewhere: AnalyzeElsewhere | undefined, log: (message: string) => void): AnalyzeElsewhere {
  const here = analyzerOf(undefined, log);
  const there = analyzerOf(elsewhere, log);
  return (text, options, cancel) => (text.length <= IN_THREAD_BUFFER ? here(text, options, cancel) : there(text, options, cancel, true));
}
