import type { AnalyzeOptions, ArticleAnalysis, CancellationSignal } from '../analysis/types';

/** Milliseconds after the last keystroke before an edit reaches the corpus unasked. */
const IDLE_DELAY = 50;

interface OpenBuffer {
  /** The editor's version of the text. */
  version: number;
  text: string;
  /** The analysis this version still waits for; cancelled when a newer version supersedes it. */
  pending?: { isCancellationRequested: boolean };
}

/**
 * The editor's open articles, which win over the files on disk. Each version is analysed at
 * most once, lazily: when a request needs the corpus (settle), or once edits pause. A
 * version superseded before its turn is cancelled, so a burst of keystrokes costs one
 * analysis, not one per keystroke.
 */
export class OpenBuffers {
  private readonly buffers = new Map<string, OpenBuffer>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly analyze: (text: string, options: AnalyzeOptions, token: CancellationSignal) => ArticleAnalysis,
    /** The options an article is analysed with (its article date, Markdown or not). */
    private readonly optionsFor: (uri: string) => AnalyzeOptions,
    /** Puts the analysis of an open buffer into the corpus. */
    private readonly commit: (uri: string, text: string, analysis: ArticleAnalysis) => void,
  ) {}

  has(uri: string): boolean {
    return this.buffers.has(uri);
  }

  /** The editor version of an open article. */
  version(uri: string): number | undefined {
    return this.buffers.get(uri)?.version;
  }

  /** A buffer was opened or changed: its text wins over the disk from the next settle on. */
  change(uri: string, version: number, text: string): void {
    this.cancel(uri);
    this.buffers.set(uri, { version, text, pending: { isCancellationRequested: false } });
    this.settleSoon();
  }

  /** A buffer was closed; an analysis it still waited for is cancelled. */
  close(uri: string): void {
    this.cancel(uri);
    this.buffers.delete(uri);
  }

  /** The options of an open article changed (its article date): analyse it again. */
  reanalyse(uri: string): void {
    const buffer = this.buffers.get(uri);
    if (!buffer) return;
    this.cancel(uri);
    buffer.pending = { isCancellationRequested: false };
    this.settleSoon();
  }

  /** Analyses the latest version of every buffer still waiting, and commits it. */
  settle(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const [uri, buffer] of this.buffers) {
      const token = buffer.pending;
      if (!token || token.isCancellationRequested) continue;
      const analysis = this.analyze(buffer.text, this.optionsFor(uri), token);
      // A newer version or a close while it ran: this one is no longer wanted.
      if (token.isCancellationRequested || this.buffers.get(uri) !== buffer) continue;
      buffer.pending = undefined;
      this.commit(uri, buffer.text, analysis);
    }
  }

  /** Stops the idle timer. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private cancel(uri: string): void {
    const pending = this.buffers.get(uri)?.pending;
    if (pending) pending.isCancellationRequested = true;
  }

  private settleSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.settle(), IDLE_DELAY);
    this.timer.unref?.();
  }
}
