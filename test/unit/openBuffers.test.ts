import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import type { AnalyzeOptions, ArticleAnalysis } from '../../server/src/analysis/types';
import { OpenBuffers } from '../../server/src/workspace/openBuffers';

const EMPTY = (options: AnalyzeOptions): ArticleAnalysis => ({ articleDate: { value: options.articleDate ?? '', source: options.articleDate ? 'setting' : 'none' }, entities: [], dates: [], figures: [], problems: [] });

/**
 * Open buffers over a recording host: what was analysed (text, options, cancel flag), what
 * reached the corpus, what was skipped and logged. `hold` keeps analyses pending until released.
 */
function buffers(optionsFor: (uri: string) => AnalyzeOptions = () => ({}), maxBytes = 1000) {
  const analysed: { text: string; options: AnalyzeOptions; cancel?: Int32Array; release(): void; fail(error: Error): void }[] = [];
  const committed: [string, string][] = [];
  const skipped: [string, string, boolean][] = [];
  const logs: string[] = [];
  let hold = false;
  const open = new OpenBuffers({
    analyze: (text, options, cancel) =>
      new Promise<ArticleAnalysis>((resolve, reject) => {
        const job = { text, options, cancel, release: () => resolve(EMPTY(options)), fail: reject };
        analysed.push(job);
        if (!hold) job.release();
      }),
    optionsFor,
    maxBytesFor: () => maxBytes,
    commit: (uri, text) => committed.push([uri, text]),
    skip: (uri, reason, firstTime) => skipped.push([uri, reason, firstTime]),
    log: (m) => logs.push(m),
  });
  return { open, analysed, committed, skipped, logs, hold: (on: boolean) => (hold = on) };
}

const cancelled = (flag: Int32Array | undefined) => flag !== undefined && Atomics.load(flag, 0) === 1;

describe('Open buffers', () => {
  it('analyse only the latest of a burst of versions, once, when a request waits for it', async () => {
    const { open, analysed, committed } = buffers();
    open.change('file:///a.txt', 1, 'one');
    open.change('file:///a.txt', 2, 'two');
    open.change('file:///a.txt', 3, 'three');
    assert.deepEqual(committed, [], 'nothing is analysed before it is needed');
    assert.equal(open.settledVersion('file:///a.txt'), undefined);
    await open.settled('file:///a.txt');
    assert.deepEqual(analysed.map((a) => a.text), ['three']);
    assert.deepEqual(committed, [['file:///a.txt', 'three']]);
    assert.equal(open.settledVersion('file:///a.txt'), 3);
    await open.settled();
    assert.equal(analysed.length, 1, 'a settled version is not analysed again');
    open.dispose();
  });

  it('cancel the analysis a newer version supersedes, drop its result, and wait for the newer one', async () => {
    const { open, analysed, committed, hold } = buffers();
    hold(true);
    open.change('file:///a.txt', 1, 'one');
    const waiting = open.settled('file:///a.txt');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(analysed.length, 1);
    open.change('file:///a.txt', 2, 'two');
    assert.equal(cancelled(analysed[0].cancel), true, 'the superseded analysis is cancelled');
    analysed[0].release();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(committed, [], 'and its result dropped');
    assert.deepEqual(analysed.map((a) => a.text), ['one', 'two'], 'the waiting request starts the newer version');
    analysed[1].release();
    await waiting;
    assert.deepEqual(committed, [['file:///a.txt', 'two']], 'a request waits for the version that came meanwhile');
    assert.equal(cancelled(analysed[1].cancel), false);
    open.dispose();
  });

  it('drop a buffer closed before its analysis', async () => {
    const { open, analysed, committed } = buffers();
    open.change('file:///a.txt', 1, 'one');
    assert.equal(open.has('file:///a.txt'), true);
    open.close('file:///a.txt');
    assert.equal(open.has('file:///a.txt'), false);
    await open.settled();
    assert.deepEqual([analysed, committed], [[], []]);
  });

  it('analyse each buffer with its own options, and again when those change', async () => {
    let date = '2024-03-05';
    const { open, analysed, committed } = buffers((uri) => ({ articleDate: uri.endsWith('a.txt') ? date : undefined }));
    open.change('file:///a.txt', 1, 'alpha');
    open.change('file:///b.txt', 1, 'beta');
    await open.settled();
    assert.deepEqual(analysed.map((a) => [a.text, a.options.articleDate]), [['alpha', '2024-03-05'], ['beta', undefined]]);
    date = '2024-03-09';
    open.reanalyse('file:///a.txt');
    open.reanalyse('file:///nothing.txt');
    await open.settled();
    assert.deepEqual(analysed.slice(2).map((a) => [a.text, a.options.articleDate]), [['alpha', '2024-03-09']]);
    assert.deepEqual(committed, [['file:///a.txt', 'alpha'], ['file:///b.txt', 'beta'], ['file:///a.txt', 'alpha']]);
    open.dispose();
  });

  it('leave a buffer over the size limit unanalysed, telling once', async () => {
    const { open, analysed, skipped } = buffers(() => ({}), 10);
    open.change('file:///big.txt', 1, 'x'.repeat(11));
    open.change('file:///big.txt', 2, 'x'.repeat(12));
    await open.settled();
    assert.equal(analysed.length, 0);
    assert.deepEqual(skipped.map(([uri, , first]) => [uri, first]), [['file:///big.txt', true], ['file:///big.txt', false]]);
    assert.match(skipped[0][1], /^larger than the size limit .*not analysed while open$/);
    assert.equal(open.settledVersion('file:///big.txt'), undefined);
    // Back under the limit, it is analysed again; multi-byte text counts in UTF-8 bytes.
    open.change('file:///big.txt', 3, 'small');
    await open.settled();
    assert.deepEqual(analysed.map((a) => a.text), ['small']);
    open.change('file:///big.txt', 4, 'ééééé é');
    await open.settled();
    assert.equal(skipped.length, 3, '13 bytes in UTF-8, though 7 characters');
    open.dispose();
  });

  it('log a failed analysis and settle anyway', async () => {
    const { open, analysed, logs, hold } = buffers();
    hold(true);
    open.change('file:///a.txt', 1, 'one');
    const waiting = open.settled();
    await new Promise((resolve) => setImmediate(resolve));
    analysed[0].fail(new Error('engine broke'));
    await waiting;
    assert.deepEqual(logs, ['file:///a.txt: analysis failed (engine broke)']);
    open.dispose();
  });

  it('reach the corpus by themselves once typing pauses', async () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const { open, committed } = buffers();
      open.change('file:///a.txt', 1, 'one');
      mock.timers.tick(30);
      open.change('file:///a.txt', 2, 'two');
      mock.timers.tick(30);
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(committed, [], 'still typing');
      mock.timers.tick(30);
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(committed, [['file:///a.txt', 'two']]);
      open.change('file:///a.txt', 3, 'three');
      open.dispose();
      mock.timers.tick(1000);
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(committed, [['file:///a.txt', 'two']], 'a disposed overlay does nothing more');
    } finally {
      mock.timers.reset();
    }
  });
});

describe('Open buffers at their edges', () => {
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  it('analyse a buffer of exactly the size limit in UTF-8 bytes, and skip one a byte over it', async () => {
    const { open, analysed, skipped } = buffers(() => ({}), 12);
    open.change('file:///a.txt', 1, 'x'.repeat(12));
    await open.settled();
    assert.deepEqual(analysed.map((a) => a.text.length), [12]);
    // 12 characters, but 13 bytes: the one non-ASCII letter takes two.
    open.change('file:///a.txt', 2, `é${'x'.repeat(11)}`);
    await open.settled();
    assert.equal(analysed.length, 1);
    assert.deepEqual(skipped.map(([uri]) => uri), ['file:///a.txt']);
    assert.equal(open.settledVersion('file:///a.txt'), undefined);
    open.dispose();
  });

  it('say by how much a buffer is over the limit, in KB', async () => {
    const { open, skipped } = buffers(() => ({}), 2048);
    open.change('file:///big.txt', 1, 'x'.repeat(3072));
    assert.equal(skipped[0][1], 'larger than the size limit (3 KB > 2 KB; see corpusLens.maxFileSizeKB): not analysed while open');
    open.dispose();
  });

  it('know the settled version of open buffers only', async () => {
    const { open } = buffers();
    assert.equal(open.settledVersion('file:///never-opened.txt'), undefined);
    open.change('file:///a.txt', 4, 'four');
    assert.equal(open.settledVersion('file:///a.txt'), undefined, 'not analysed yet');
    await open.settled('file:///a.txt');
    assert.equal(open.settledVersion('file:///a.txt'), 4);
    open.dispose();
  });

  it('start one analysis per version however many requests wait for it, and none once it is in', async () => {
    const { open, analysed, committed, hold } = buffers();
    hold(true);
    open.change('file:///a.txt', 1, 'one');
    const first = open.settled('file:///a.txt');
    const second = open.settled();
    await tick();
    assert.equal(analysed.length, 1);
    analysed[0].release();
    await Promise.all([first, second]);
    await open.settled();
    await open.settled('file:///a.txt');
    assert.equal(analysed.length, 1);
    assert.deepEqual(committed, [['file:///a.txt', 'one']]);
    open.dispose();
  });

  it('drop the result of an analysis that a re-analysis superseded while it ran', async () => {
    let date = '2024-03-05';
    const { open, analysed, committed, hold } = buffers(() => ({ articleDate: date }));
    hold(true);
    open.change('file:///a.txt', 1, 'one');
    const waiting = open.settled();
    await tick();
    date = '2024-03-09';
    open.reanalyse('file:///a.txt');
    assert.equal(cancelled(analysed[0].cancel), true);
    analysed[0].release();
    await tick();
    assert.deepEqual(committed, [], 'the analysis with the old article date does not reach the corpus');
    assert.deepEqual(analysed.map((a) => a.options.articleDate), ['2024-03-05', '2024-03-09']);
    analysed[1].release();
    await waiting;
    assert.deepEqual(committed, [['file:///a.txt', 'one']]);
    open.dispose();
  });

  it('analyse, once typing pauses, only the buffers not yet in: never one over the size limit', async () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const { open, analysed, skipped } = buffers(() => ({}), 10);
      open.change('file:///big.txt', 1, 'x'.repeat(11));
      open.change('file:///a.txt', 1, 'small');
      mock.timers.tick(60);
      await tick();
      assert.deepEqual(analysed.map((a) => a.text), ['small']);
      assert.equal(skipped.length, 1);
      open.change('file:///b.txt', 1, 'other');
      mock.timers.tick(60);
      await tick();
      assert.deepEqual(analysed.map((a) => a.text), ['small', 'other']);
      open.dispose();
    } finally {
      mock.timers.reset();
    }
  });

  it('say nothing of a superseded analysis that fails (an ended worker)', async () => {
    const { open, analysed, logs, hold } = buffers();
    hold(true);
    open.change('file:///a.txt', 1, 'one');
    const waiting = open.settled();
    await tick();
    open.change('file:///a.txt', 2, 'two');
    analysed[0].fail(new Error('worker ended'));
    await tick();
    analysed[1].release();
    await waiting;
    assert.deepEqual(logs, []);
    assert.equal(open.settledVersion('file:///a.txt'), 2);
    open.dispose();
  });
});
