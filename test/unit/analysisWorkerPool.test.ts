import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AnalyzeOptions } from '../../server/src/analysis/types';
import { AnalysisWorkers, CANCELLED } from '../../server/src/host/analysisWorkers';

// The pool's own rules (how many jobs a worker holds, which worker gets the next, urgent jobs,
// answers, errors, deaths, cancellation, disposal), with a stand-in worker script whose
// behaviour each job's text chooses. analysisWorkers.test.ts runs the real engine worker.

const FAKE_WORKER = `
const { parentPort, threadId } = require('node:worker_threads');
let order = 0;
parentPort.on('message', (m) => {
  // A job with a gate holds its worker until the test opens the gate.
  if (m.options.gate) Atomics.wait(m.options.gate, 0, 0);
  const [command, arg] = m.text.split(':');
  if (command === 'exit') process.exit(Number(arg));
  if (command === 'throw') throw new Error(arg);
  if (command === 'error') return parentPort.postMessage({ id: m.id, error: arg });
  if (command === 'nothing') return parentPort.postMessage({ id: m.id });
  parentPort.postMessage({ id: m.id, analysis: { text: m.text, order: order++, thread: threadId, flag: m.cancel ? Atomics.load(m.cancel, 0) : -1 } });
});
`;

interface Echo {
  text: string;
  order: number;
  thread: number;
  flag: number;
}

let dir: string;
let script: string;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-pool-'));
  script = path.join(dir, 'fakeWorker.js');
  writeFileSync(script, FAKE_WORKER);
});
after(() => rmSync(dir, { recursive: true, force: true }));

function gate(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

function open(g: Int32Array): void {
  Atomics.store(g, 0, 1);
  Atomics.notify(g, 0);
}

/** The pool's answer, as the stand-in worker's echo. */
function run(pool: AnalysisWorkers, text: string, options: AnalyzeOptions & { gate?: Int32Array } = {}, cancel?: Int32Array, urgent = false): Promise<Echo> {
  return pool.analyze(text, options, cancel, urgent) as unknown as Promise<Echo>;
}

/** The promise, marked handled: it may reject before the test awaits it. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Whether a promise has settled, without waiting for it. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  const marker = Symbol('pending');
  return (await Promise.race([promise.then(() => true, () => true), new Promise((r) => setTimeout(() => r(marker), 20))])) !== marker;
}

describe('the analysis worker pool', () => {
  it('passes answers on, and turns a worker\'s error, an empty answer and a death into rejections', async () => {
    const pool = new AnalysisWorkers(script, 1);
    try {
      const ok = await run(pool, 'first article');
      assert.deepEqual([ok.text, ok.order, ok.flag], ['first article', 0, -1]);
      await assert.rejects(run(pool, 'error:the text is not an article'), new Error('the text is not an article'));
      await assert.rejects(run(pool, 'nothing'), new Error('analysis failed'));
      await assert.rejects(run(pool, 'exit:3'), new Error('analysis worker exited with code 3'));
      // A new worker takes over: its count of jobs starts again.
      const next = await run(pool, 'after the exit');
      assert.deepEqual([next.text, next.order], ['after the exit', 0]);
      assert.notEqual(next.thread, ok.thread);
      await assert.rejects(run(pool, 'throw:worker crashed'), /worker crashed/);
      const last = await run(pool, 'after the crash');
      assert.deepEqual([last.text, last.order], ['after the crash', 0]);
    } finally {
      await pool.dispose();
    }
  });

  it('fails every job a dying worker held, and only those', async () => {
    const pool = new AnalysisWorkers(script, 1);
    try {
      const g = gate();
      const held = [run(pool, 'exit:7', { gate: g }), run(pool, 'held 1'), run(pool, 'held 2'), run(pool, 'held 3')].map(handled);
      // Beyond the four a worker holds: still in the pool's queue when the worker dies.
      const queued = run(pool, 'queued');
      open(g);
      for (const job of held) await assert.rejects(job, new Error('analysis worker exited with code 7'));
      const q = await queued;
      assert.deepEqual([q.text, q.order], ['queued', 0]);
    } finally {
      await pool.dispose();
    }
  });

  it('gives each worker at most four jobs, the least busy worker first, and an urgent job before the queue', async () => {
    const one = new AnalysisWorkers(script, 1);
    try {
      const g = gate();
      const jobs = [run(one, 'j0', { gate: g }), ...['j1', 'j2', 'j3', 'j4', 'j5'].map((t) => run(one, t))];
      const urgent = run(one, 'urgent', {}, undefined, true);
      await new Promise((r) => setTimeout(r, 50));
      open(g);
      const order = Object.fromEntries((await Promise.all([...jobs, urgent])).map((e) => [e.text, e.order]));
      assert.deepEqual(order, { j0: 0, j1: 1, j2: 2, j3: 3, urgent: 4, j4: 5, j5: 6 });
    } finally {
      await one.dispose();
    }
    const two = new AnalysisWorkers(script, 2);
    try {
      const echoes = await Promise.all(['a', 'b', 'c', 'd'].map((t) => run(two, t)));
      const threads = echoes.map((e) => e.thread);
      assert.equal(new Set(threads).size, 2, 'both workers work');
      assert.deepEqual([threads[0] === threads[2], threads[1] === threads[3], threads[0] !== threads[1]], [true, true, true], 'jobs alternate between the workers');
    } finally {
      await two.dispose();
    }
  });

  it('rejects a job cancelled while queued without sending it, and one cancelled while analysed when it is answered', async () => {
    const pool = new AnalysisWorkers(script, 1);
    try {
      const g = gate();
      const flagHeld = gate();
      const flagQueued = gate();
      const first = run(pool, 'first', { gate: g });
      const held = handled(run(pool, 'held', {}, flagHeld));
      const fillers = [run(pool, 'f1'), run(pool, 'f2')];
      const queued = handled(run(pool, 'queued', {}, flagQueued));
      const after = run(pool, 'after');
      Atomics.store(flagHeld, 0, 1);
      Atomics.store(flagQueued, 0, 1);
      // A short job is not stopped by ending its worker: it waits for the answer.
      await new Promise((r) => setTimeout(r, 150));
      assert.equal(await settled(held), false);
      open(g);
      assert.equal((await first).order, 0);
      await assert.rejects(held, new Error(CANCELLED));
      await assert.rejects(queued, new Error(CANCELLED));
      await Promise.all(fillers);
      // The worker analysed first, held, f1, f2 and after: the queued job never reached it.
      assert.equal((await after).order, 4);
    } finally {
      await pool.dispose();
    }
  });

  it('ends a worker held by a long cancelled job, and not one held by a job one unit shorter', async () => {
    const pool = new AnalysisWorkers(script, 1);
    try {
      const g = gate();
      const flag = gate();
      const long = handled(run(pool, 'x'.repeat(1 << 20), { gate: g }, flag));
      const behind = run(pool, 'behind');
      Atomics.store(flag, 0, 1);
      await assert.rejects(long, new Error(CANCELLED));
      const b = await behind;
      assert.deepEqual([b.text, b.order], ['behind', 0], 'the job behind it goes to a new worker');
      open(g);
    } finally {
      await pool.dispose();
    }
    const shorter = new AnalysisWorkers(script, 1);
    try {
      const g = gate();
      const flag = gate();
      const job = handled(run(shorter, 'x'.repeat((1 << 20) - 1), { gate: g }, flag));
      Atomics.store(flag, 0, 1);
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(await settled(job), false, 'still waiting for its worker');
      open(g);
      await assert.rejects(job, new Error(CANCELLED));
      assert.equal((await run(shorter, 'next')).order, 1, 'the same worker answers the next job');
    } finally {
      await shorter.dispose();
    }
  });

  it('leaves a worker alone while its running job is long but wanted, or short but cancelled', async () => {
    const pool = new AnalysisWorkers(script, 1);
    try {
      const g = gate();
      const wanted = handled(run(pool, 'y'.repeat(1 << 20), { gate: g }, gate()));
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(await settled(wanted), false);
      open(g);
      assert.equal((await wanted).order, 0);
      // A long job waits behind a short running one that is cancelled: the short one is answered.
      const g2 = gate();
      const flag = gate();
      const short = handled(run(pool, 'short', { gate: g2 }, flag));
      const long = run(pool, 'z'.repeat(1 << 20), {}, gate());
      Atomics.store(flag, 0, 1);
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(await settled(short), false, 'the worker still analyses the short job');
      open(g2);
      await assert.rejects(short, new Error(CANCELLED));
      assert.equal((await long).order, 2, 'the same worker goes on');
    } finally {
      await pool.dispose();
    }
  });

  it('refuses work once disposed, and fails the jobs its workers held and those still queued', async () => {
    const pool = new AnalysisWorkers(script, 1);
    const g = gate();
    const held = ['h0', 'h1', 'h2', 'h3'].map((t) => handled(run(pool, t, t === 'h0' ? { gate: g } : {})));
    const queued = handled(run(pool, 'queued'));
    await pool.dispose();
    for (const job of held) await assert.rejects(job, new Error('workers disposed'));
    await assert.rejects(queued, new Error('workers disposed'));
    await assert.rejects(run(pool, 'late'), new Error('workers disposed'));
    open(g);
  });

  it('starts no worker before the first job, and stops idle workers after the idle time', async () => {
    const pool = new AnalysisWorkers(script, 2, 1000);
    const workers = () => (pool as unknown as { workers: Map<unknown, unknown> }).workers.size;
    try {
      assert.equal(workers(), 0);
      await run(pool, 'one');
      assert.equal(workers(), 2);
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(workers(), 2, 'not before the idle time');
      // Work within the idle time restarts the clock: 1,200 ms after the first job, 700 after the second.
      await run(pool, 'two');
      await new Promise((r) => setTimeout(r, 700));
      assert.equal(workers(), 2);
      await new Promise((r) => setTimeout(r, 1000));
      assert.equal(workers(), 0);
      const again = await run(pool, 'three');
      assert.equal(again.order, 0, 'a fresh worker');
      assert.equal(workers(), 2);
    } finally {
      await pool.dispose();
    }
  });
});
