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

  constructor(
    private readonly script: string,
    readonly size: number,
  ) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  analyze(text: string, options: AnalyzeOptions): Promise<ArticleAnalysis> {
    if (this.disposed) return Promise.reject(new Error('workers disposed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, text, options, resolve, reject });
      this.pump();
    });
  }

  async dispose(): Promise<void> {
    this.disposed = true;
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
  }
}
