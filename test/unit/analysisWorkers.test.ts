import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/analysis';
import { AnalysisWorkers, CANCELLED } from '../../server/src/host/analysisWorkers';

// The bundled worker (npm test builds dist/ first).
const script = path.resolve(__dirname, '../../../dist/indexWorker.js');
const TEXT = 'Port Talks\ndate 2024-03-05\n\nMs Ilse Marrow said on Tuesday that 4,000 workers would return.\n';

describe('AnalysisWorkers', () => {
  it('analyses in a worker exactly as in-process, stops when idle and starts again', async () => {
    assert.ok(existsSync(script), 'dist/indexWorker.js is missing: run npm run build');
    const workers = new AnalysisWorkers(script, 1, 50);
    try {
      const options = { articleDate: '2024-03-05' };
      assert.deepEqual(await workers.analyze(TEXT, options), analyzeArticle(TEXT, options));
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal((workers as unknown as { workers: Map<unknown, unknown> }).workers.size, 0, 'idle workers were stopped');
      const again = await workers.analyze(TEXT, {});
      assert.equal(again.entities[0]?.text, 'Ilse Marrow');
    } finally {
      await workers.dispose();
    }
  });

  it('runs many articles concurrently and returns each its own analysis', async () => {
    const workers = new AnalysisWorkers(script, 2);
    try {
      const texts = Array.from({ length: 40 }, (_, i) => `Harbour Story\n\nMs Ilse Marrow met ${i + 2} workers.\n`);
      const results = await Promise.all(texts.map((t) => workers.analyze(t, {})));
      results.forEach((r, i) => assert.deepEqual(r.figures.map((f) => f.value), [i + 2]));
    } finally {
      await workers.dispose();
    }
  });

  it('fails every job a dying worker held, then carries on with a new one', async () => {
    const workers = new AnalysisWorkers(script, 1);
    try {
      const texts = Array.from({ length: 6 }, (_, i) => `Harbour Story\n\nMs Ilse Marrow counted ${i + 2} cranes.\n`);
      const held = texts.map((t) => workers.analyze(t, {}));
      const [worker] = (workers as unknown as { workers: Map<{ terminate(): Promise<number> }, unknown> }).workers.keys();
      await worker.terminate();
      const settled = await Promise.allSettled(held);
      assert.ok(settled.some((s) => s.status === 'rejected'), 'the jobs of the dead worker fail');
      settled.forEach((s, i) => s.status === 'fulfilled' && assert.deepEqual(s.value, analyzeArticle(texts[i], {})));
      const after = await workers.analyze(TEXT, {});
      assert.equal(after.entities[0]?.text, 'Ilse Marrow');
    } finally {
      await workers.dispose();
    }
  });

  it('drops a cancelled job still queued, and stops a long one under way by ending its worker, keeping the jobs behind it', async () => {
    const workers = new AnalysisWorkers(script, 1);
    try {
      // About 4 MB of invented names: its names pass alone takes seconds.
      const long = 'Long Sample\n\n' + Array.from({ length: 200_000 }, (_, i) => `Kalo${i.toString(36)} Mirendas spoke.`).join('\n');
      const longFlag = new Int32Array(new SharedArrayBuffer(4));
      const queuedFlag = new Int32Array(new SharedArrayBuffer(4));
      const running = workers.analyze(long, {}, longFlag, true);
      const queued = workers.analyze(TEXT, {}, queuedFlag);
      const behind = workers.analyze(TEXT, { articleDate: '2024-03-05' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      Atomics.store(queuedFlag, 0, 1);
      Atomics.store(longFlag, 0, 1);
      const cancelledAt = performance.now();
      await assert.rejects(running, new Error(CANCELLED));
      const stoppedMs = performance.now() - cancelledAt;
      assert.ok(stoppedMs < 1500, `the long job stopped ${stoppedMs.toFixed(0)} ms after it was cancelled`);
      await assert.rejects(queued, new Error(CANCELLED));
      assert.deepEqual(await behind, analyzeArticle(TEXT, { articleDate: '2024-03-05' }), 'the job behind them is analysed by the new worker');
    } finally {
      await workers.dispose();
    }
  });
});
