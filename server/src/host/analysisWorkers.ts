import { Worker } from 'node:worker_threads';
import type { AnalyzeOptions, ArticleAnalysis } from '../analysis/types';

interface Job {
  id: number;
  text: string;
  options: AnalyzeOptions;
  resolve(analysis: ArticleAnalysis): void;
  reject(error: Error): void;
}

/**
 * Runs analyzeArticle in worker threads so a cold index of thousands of articles keeps the
 * server's main thread free to answer requests. A worker that dies fails its jobs (the caller
 * falls back to analysing in-process) and is replaced.
 */
export class AnalysisWorkers {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private nextId = 0;
  private disposed = false;

  private started = false;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly script: string,
    readonly size: number,
    /** Idle workers are stopped after this long; the next article starts them again. */
    private readonly idleMs = 30_000,
  ) {}

  analyze(text: string, options: AnalyzeOptions): Promise<ArticleAnalysis> {
    if (this.disposed) return Promise.reject(new Error('workers disposed'));
    // Started on the first article, not at launch: a warm start served from the cache needs none.
    if (!this.started) {
      this.started = true;
      for (let i = 0; i < this.size; i++) this.idle.push(this.spawn());
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, text, options, resolve, reject });
      this.pump();
    });
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const job of this.queue.splice(0)) job.reject(new Error('workers disposed'));
    await Promise.all([...this.idle, ...this.busy.keys()].map((w) => w.terminate()));
  }

  private spawn(): Worker {
    const worker = new Worker(this.script);
    worker.unref();
    worker.on('message', (message: { id: number; analysis?: ArticleAnalysis; error?: string }) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      if (job) {
        if (message.analysis) job.resolve(message.analysis);
        else job.reject(new Error(message.error ?? 'analysis failed'));
      }
      this.idle.push(worker);
      this.pump();
    });
    worker.on('error', (error) => this.replace(worker, error));
    worker.on('exit', (code) => {
      if (!this.disposed) this.replace(worker, new Error(`analysis worker exited with code ${code}`));
    });
    return worker;
  }

  private replace(worker: Worker, error: Error): void {
    const job = this.busy.get(worker);
    this.busy.delete(worker);
    const at = this.idle.indexOf(worker);
    if (at >= 0) this.idle.splice(at, 1);
    job?.reject(error);
    if (this.disposed) return;
    void worker.terminate();
    this.idle.push(this.spawn());
    this.pump();
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.ref();
      worker.postMessage({ id: job.id, text: job.text, options: job.options });
    }
    for (const w of this.idle) w.unref();
    if (this.busy.size === 0 && this.queue.length === 0 && this.started && !this.idleTimer) {
      // Each worker holds its own copy of the gazetteers: give the memory back when idle.
      this.idleTimer = setTimeout(() => this.stopIdle(), this.idleMs);
      this.idleTimer.unref();
    }
  }

  private stopIdle(): void {
    this.idleTimer = undefined;
    if (this.busy.size > 0 || this.queue.length > 0 || this.disposed) return;
    this.started = false;
    const workers = this.idle.splice(0);
    for (const w of workers) {
      w.removeAllListeners('exit');
      void w.terminate();
    }
  }
}
