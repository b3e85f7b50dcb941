import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ArticleAnalysis } from '../../server/src/analysis/types';
import { analyzerOf, bufferAnalyzerOf, IN_THREAD_BUFFER, SharedCancellation } from '../../server/src/workspace/analyzer';

// Where an analysis runs: in the workers or in this thread, and what happens when a worker
// fails before or after the work was cancelled.

const EMPTY: ArticleAnalysis = { articleDate: { value: '', source: 'none' }, entities: [], dates: [], figures: [], problems: [] };

describe('the analyzer', () => {
  it('analyses open buffers up to 32K characters in this thread and larger ones in the workers', async () => {
    const sent: number[] = [];
    const analyze = bufferAnalyzerOf(async (text) => (sent.push(text.length), EMPTY), () => undefined);
    const here = await analyze('a'.repeat(IN_THREAD_BUFFER), {});
    assert.equal(here.articleDate.source, 'none');
    assert.deepEqual(sent, []);
    await analyze('a'.repeat(IN_THREAD_BUFFER + 1), {});
    assert.deepEqual(sent, [IN_THREAD_BUFFER + 1]);
  });

  it('falls back to this thread when a worker fails, and says so', async () => {
    const logs: string[] = [];
    const analyze = analyzerOf(async () => Promise.reject(new Error('worker crashed')), (m) => logs.push(m));
    const analysis = await analyze('Ilse Marrow spoke on Tuesday.', {}, new SharedCancellation().flag);
    assert.ok(analysis.entities.some((e) => e.text === 'Ilse Marrow'));
    assert.deepEqual(logs, ['analysis worker failed (worker crashed); analysing in-process']);
  });

  it('does not analyse again here what was cancelled while a worker had it', async () => {
    const logs: string[] = [];
    const cancellation = new SharedCancellation();
    const analyze = analyzerOf(async () => {
      cancellation.cancel();
      throw new Error('worker ended');
    }, (m) => logs.push(m));
    await assert.rejects(analyze('Ilse Marrow spoke.', {}, cancellation.flag), /worker ended/);
    assert.equal(cancellation.isCancellationRequested, true);
    assert.deepEqual(logs, []);
  });
});
