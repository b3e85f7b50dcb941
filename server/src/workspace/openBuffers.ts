import type { AnalyzeOptions, ArticleAnalysis, CancellationSignal } from '../analysis/types';
import { SharedCancellation, type AnalyzeElsewhere } from './analyzer';

/** Milliseconds after the last keystroke before an edit is analysed unasked. */
const IDLE_DELAY = 50;

interface OpenBuffer {
  /** The editor's version of the text. */
  version: number;
  text: string;
  /** Why this version is not analysed (larger than the size limit), if so. */
  skipped?: string;
  /** The analysis of this version once started; cancelled when a newer version supersedes it. */
  run?: { cancellation: SharedCancellation; done: Promise<void> };
  /** This version's analysis is in the corpus (or it was skipped). */
  settled: boolean;
}

/** What open buffers need from the workspace. */
export interface BufferHost {
  /** Analyses cancellably: large buffers in the workers first in line, small ones here (analyzer.ts). */
  analyze: AnalyzeElsewhere;
  /** The options an article is analysed with (its article date, Markdown or not). */
  optionsFor(uri: string): AnalyzeOptions;
  /** The size limit for the article in bytes (corpusLens.maxFileSizeKB), as for files on disk. */
  maxBytesFor(uri: string): number;
  /** Puts the analysis of an open buffer into the corpus. */
  commit(uri: string, text: string, analysis: ArticleAnalysis): void;
  /** The buffer is not analysed (too large): it leaves the corpus, and the user is told once. */
  skip(uri: string, reason: string, firstTime: boolean): void;
  log(message: string): void;
}

/**
 * The editor's open articles, which win over the files on disk. Each version is analysed at
 * most once, a large one off the main thread (the analysis workers): once edits pause, or at
 * once when a request waits for it. A newer version cancels the older one's analysis (queued or under
 * way), so a burst of keystrokes costs one analysis, and a request about another article
 * never waits for a big buffer. A buffer over the size limit is not analysed, as on disk.
 */
export class OpenBuffers {
  private readonly buffers = new Map<string, OpenBuffer>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly host: BufferHost) {}

  has(uri: string): boolean {
    return this.buffers.has(uri);
  }

  /** The editor version whose analysis the corpus holds, if the latest one's is there. */
  settledVersion(uri: string): number | undefined {
    const buffer = this.buffers.get(uri);
    return buffer?.settled && !buffer.skipped ? buffer.version : undefined;
  }

  /** A buffer was opened or changed: its text wins over the disk once analysed. */
  change(uri: string, version: number, text: string): void {
    const before = this.buffers.get(uri);
    this.cancel(before);
    const buffer: OpenBuffer = { version, text, settled: false };
    this.buffers.set(uri, buffer);
    const max = this.host.maxBytesFor(uri);
    // UTF-8 never takes fewer bytes than UTF-16 code units; count exactly only near the limit.
    const bytes = text.length > max ? text.length : text.length * 3 > max ? Buffer.byteLength(text) : 0;
    if (bytes > max) {
      buffer.skipped = `larger than the size limit (${Math.round(bytes / 1024)} KB > ${Math.round(max / 1024)} KB; see corpusLens.maxFileSizeKB): not analysed while open`;
      buffer.settled = true;
      this.host.skip(uri, buffer.skipped, !before?.skipped);
      return;
    }
    this.settleSoon();
  }

  /** A buffer was closed; an analysis it still waited for is cancelled. */
  close(uri: string): void {
    this.cancel(this.buffers.get(uri));
    this.buffers.delete(uri);
  }

  /** The options of an open article changed (its article date): analyse it again. */
  reanalyse(uri: string): void {
    const buffer = this.buffers.get(uri);
    if (!buffer || buffer.skipped) return;
    this.cancel(buffer);
    buffer.run = undefined;
    buffer.settled = false;
    this.settleSoon();
  }

  /**
   * Resolves once the latest version of one buffer (or of every buffer) is in the corpus,
   * starting any analysis still waiting for the idle delay. Edits that come meanwhile are
   * waited for too, until `token` is cancelled.
   */
  async settled(uri?: string, token?: CancellationSignal): Promise<void> {
    for (;;) {
      const waiting: Promise<void>[] = [];
      for (const [u, buffer] of this.buffers) {
        if ((uri === undefined || u === uri) && !buffer.settled) waiting.push(this.start(u, buffer));
      }
      if (waiting.length === 0 || token?.isCancellationRequested) return;
      await Promise.all(waiting);
    }
  }

  /** Stops the idle timer and every analysis under way. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const buffer of this.buffers.values()) this.cancel(buffer);
  }

  /** Starts (once) the analysis of a buffer's version; resolves when it is committed or superseded. */
  private start(uri: string, buffer: OpenBuffer): Promise<void> {
    if (buffer.run) return buffer.run.done;
    const cancellation = new SharedCancellation();
    const text = buffer.text;
    const done = this.host.analyze(text, this.host.optionsFor(uri), cancellation.flag).then(
      (analysis) => {
        // A newer version, a close or a re-analysis while it ran cancelled it: no longer wanted.
        if (cancellation.isCancellationRequested) return;
        buffer.settled = true;
        this.host.commit(uri, text, analysis);
      },
      (error: unknown) => {
        if (cancellation.isCancellationRequested) return;
        buffer.settled = true;
        this.host.log(`${uri}: analysis failed (${error instanceof Error ? error.message : String(error)})`);
      },
    );
    buffer.run = { cancellation, done };
    return done;
  }

  private cancel(buffer: OpenBuffer | undefined): void {
    buffer?.run?.cancellation.cancel();
  }

  private settleSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      for (const [uri, buffer] of this.buffers) if (!buffer.settled) void this.start(uri, buffer);
    }, IDLE_DELAY);
    this.timer.unref?.();
  }
}
