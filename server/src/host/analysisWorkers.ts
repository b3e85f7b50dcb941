import { Worker } from 'node:worker_threads';
import type { AnalyzeOptions, ArticleAnalysis } from '../analysis/types';

interface Job {
  id: number;
  text: string;
  options: AnalyzeOptions;
  /** Shared with the worker: 1 once the caller no longer wants the result. */
  cancel?: Int32Array;
  resolve(analysis: ArticleAnalysis): void;
  reject(error: Error): void;
}

/** The message a cancelled job rejects with. */
export const CANCELLED = 'analysis cancelled';

/**
 * A cancelled job at least this long (UTF-16 units) is stopped by ending its worker: the engine
 * checks the flag only between its passes, and finishing the names pass of a superseded 20 MB
 * buffer would hold the worker for a minute, while a new worker starts in well under a second.
 */
const STOP_CANCELLED_AT = 1 << 20;
/** How often workers holding such a job are checked, in milliseconds. */
const CANCEL_CHECK_MS = 50;

/**
 * Jobs handed to one worker before it answers. With one job at a time a worker waits for the
 * main thread between articles (reading, hashing, indexing the last result) and sat idle 40%
 * of a cold index; with a few queued it always has the next article.
 */
const IN_FLIGHT_PER_WORKER = 4;

/**
 * Runs analyzeArticle in worker threads so a cold index of thousands of articles keeps the
 * server's main thread free to answer requests. A worker that dies fails its jobs (the caller
 * falls back to analysing in-process) and is replaced.
 */
export class AnalysisWorkers {
  /** Each worker with the jobs it holds, by id. */
  private readonly workers = new Map<Worker, Map<number, Job>>();
  private readonly queue: Job[] = [];
  private nextId = 0;
  private disposed = false;

  private started = false;
  private idleTimer: NodeJS.Timeout | undefined;
  /** Checks for cancelled long jobs while any is held by a worker. */
  private cancelTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly script: string,
    readonly size: number,
    /** Idle workers are stopped after this long; the next article starts them again. */
    private readonly idleMs = 30_000,
  ) {}

  /**
   * Analyses one article in a worker. `cancel` (an Int32Array on a SharedArrayBuffer) lets the
   * caller stop it: a job still queued is dropped, and a worker under way checks the flag
   * between units of work and stops early; either way the promise rejects with `CANCELLED`.
   * An `urgent` job (an open buffer someone waits for) goes before the queued index work.
   */
  analyze(text: string, options: AnalyzeOptions, cancel?: Int32Array, urgent = false): Promise<ArticleAnalysis> {
    if (this.disposed) return Promise.reject(new Error('workers disposed'));
    // Started on the first article, not at launch: a warm start served from the cache needs none.
    if (!this.started) {
      this.started = true;
      for (let i = 0; i < this.size; i++) this.spawn();
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    return new Promise((resolve, reject) => {
      const job = { id: this.nextId++, text, options, cancel, resolve, reject };
      if (urgent) this.queue.unshift(job);
      else this.queue.push(job);
      this.pump();
    });
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.cancelTimer) clearInterval(this.cancelTimer);
    for (const job of this.queue.splice(0)) job.reject(new Error('workers disposed'));
    // The jobs the workers hold fail too: their workers end, and nobody would settle them.
    for (const jobs of this.workers.values()) {
      for (const job of jobs.values()) job.reject(new Error('workers disposed'));
      jobs.clear();
    }
    await Promise.all([...this.workers.keys()].map((w) => w.terminate()));
  }

  private spawn(): void {
    const worker = new Worker(this.script);
    const jobs = new Map<number, Job>();
    this.workers.set(worker, jobs);
    worker.unref();
    worker.on('message', (message: { id: number; analysis?: ArticleAnalysis; error?: string }) => {
      const job = jobs.get(message.id);
      jobs.delete(message.id);
      if (job) {
        if (job.cancel && Atomics.load(job.cancel, 0) === 1) job.reject(new Error(CANCELLED));
        else if (message.analysis) job.resolve(message.analysis);
        else job.reject(new Error(message.error ?? 'analysis failed'));
      }
      this.pump();
    });
    worker.on('error', (error) => this.replace(worker, error));
    worker.on('exit', (code) => {
      if (!this.disposed) this.replace(worker, new Error(`analysis worker exited with code ${code}`));
    });
  }

  private replace(worker: Worker, error: Error): void {
    const jobs = this.workers.get(worker);
    if (!jobs) return;
    this.workers.delete(worker);
    for (const job of jobs.values()) job.reject(error);
    if (this.disposed) return;
    void worker.terminate();
    this.spawn();
    this.pump();
  }

  private pump(): void {
    while (this.queue.length > 0) {
      // The worker holding the fewest jobs, if it has room for one more.
      let target: Worker | undefined;
      let least = IN_FLIGHT_PER_WORKER;
      for (const [worker, jobs] of this.workers) {
        if (jobs.size < least) {
          least = jobs.size;
          target = worker;
        }
      }
      if (!target) break;
      const job = this.queue.shift()!;
      if (job.cancel && Atomics.load(job.cancel, 0) === 1) {
        job.reject(new Error(CANCELLED));
        continue;
      }
      this.workers.get(target)!.set(job.id, job);
      target.postMessage({ id: job.id, text: job.text, options: job.options, cancel: job.cancel });
    }
    let holding = 0;
    let long = false;
    // Only a worker with work keeps the process alive.
    for (const [worker, jobs] of this.workers) {
      holding += jobs.size;
      for (const job of jobs.values()) long ||= job.cancel !== undefined && job.text.length >= STOP_CANCELLED_AT;
      if (jobs.size > 0) worker.ref();
      else worker.unref();
    }
    if (long && !this.cancelTimer) {
      this.cancelTimer = setInterval(() => this.stopCancelled(), CANCEL_CHECK_MS);
      this.cancelTimer.unref();
    } else if (!long && this.cancelTimer) {
      clearInterval(this.cancelTimer);
      this.cancelTimer = undefined;
    }
    if (holding === 0 && this.queue.length === 0 && this.started && !this.idleTimer) {
      // Each worker holds its own copy of the gazetteers: give the memory back when idle.
      this.idleTimer = setTimeout(() => this.stopIdle(), this.idleMs);
      this.idleTimer.unref();
    }
  }

  /**
   * Ends a worker whose running job (the first it holds: a worker answers in order) is long and
   * cancelled; the jobs queued behind it go back to the front of the queue for a new worker.
   */
  private stopCancelled(): void {
    for (const [worker, jobs] of [...this.workers]) {
      const running: Job | undefined = jobs.values().next().value;
      if (!running?.cancel || running.text.length < STOP_CANCELLED_AT || Atomics.load(running.cancel, 0) !== 1) continue;
      this.workers.delete(worker);
      worker.removeAllListeners('exit');
      void worker.terminate();
      jobs.delete(running.id);
      running.reject(new Error(CANCELLED));
      this.queue.unshift(...jobs.values());
      // An answer the ended worker had already sent must not settle a job now queued again.
      jobs.clear();
      if (!this.disposed) this.spawn();
    }
    this.pump();
  }

  private stopIdle(): void {
    this.idleTimer = undefined;
    if (this.disposed || this.queue.length > 0 || [...this.workers.values()].some((jobs) => jobs.size > 0)) return;
    this.started = false;
    const workers = [...this.workers.keys()];
    this.workers.clear();
    for (const w of workers) {
      w.removeAllListeners('exit');
      void w.terminate();
    }
  }
}
