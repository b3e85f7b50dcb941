import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import type { AnalyzeOptions, ArticleAnalysis, CancellationSignal } from '../../server/src/analysis/types';
import { OpenBuffers } from '../../server/src/workspace/openBuffers';

/** Open buffers over a recording analysis: what was analysed with which options, and what reached the corpus. */
function buffers(optionsFor: (uri: string) => AnalyzeOptions = () => ({})) {
  const analysed: { text: string; options: AnalyzeOptions; token: CancellationSignal }[] = [];
  const committed: [string, string][] = [];
  const open = new OpenBuffers(
    (text, options, token) => {
      analysed.push({ text, options, token });
      return { articleDate: { value: options.articleDate ?? '', source: options.articleDate ? 'setting' : 'none' }, entities: [], dates: [], figures: [], problems: [] } satisfies ArticleAnalysis;
    },
    optionsFor,
    (uri, text) => committed.push([uri, text]),
  );
  return { open, analysed, committed };
}

describe('Open buffers', () => {
  it('analyse only the latest of a burst of versions, once, when settled', () => {
    const { open, analysed, committed } = buffers();
    open.change('file:///a.txt', 1, 'one');
    open.change('file:///a.txt', 2, 'two');
    open.change('file:///a.txt', 3, 'three');
    assert.deepEqual(committed, [], 'nothing is analysed before it is needed');
    open.settle();
    assert.deepEqual(analysed.map((a) => a.text), ['three']);
    assert.deepEqual(committed, [['file:///a.txt', 'three']]);
    open.settle();
    assert.equal(analysed.length, 1, 'a settled version is not analysed again');
    open.dispose();
  });

  it('cancel the analysis of a version a newer one supersedes', () => {
    const { open } = buffers();
    const tokens: CancellationSignal[] = [];
    const spy = new OpenBuffers(
      (_text, _options, token) => {
        tokens.push(token);
        // A newer version arrives while this one is analysed.
        if (tokens.length === 1) spy.change('file:///a.txt', 2, 'two');
        return { articleDate: { value: '', source: 'none' }, entities: [], dates: [], figures: [], problems: [] };
      },
      () => ({}),
      (_uri, text) => committedTexts.push(text),
    );
    const committedTexts: string[] = [];
    spy.change('file:///a.txt', 1, 'one');
    spy.settle();
    assert.equal(tokens[0].isCancellationRequested, true, 'the superseded analysis is cancelled');
    assert.deepEqual(committedTexts, [], 'and its result dropped');
    spy.settle();
    assert.deepEqual(committedTexts, ['two']);
    assert.equal(tokens[1].isCancellationRequested, false);
    open.dispose();
    spy.dispose();
  });

  it('drop a buffer closed before its analysis, and win over nothing once closed', () => {
    const { open, analysed, committed } = buffers();
    open.change('file:///a.txt', 1, 'one');
    assert.equal(open.has('file:///a.txt'), true);
    open.close('file:///a.txt');
    assert.equal(open.has('file:///a.txt'), false);
    open.settle();
    assert.deepEqual([analysed, committed], [[], []]);
  });

  it('analyse each buffer with its own options, and again when those change', () => {
    let date = '2024-03-05';
    const { open, analysed, committed } = buffers((uri) => ({ articleDate: uri.endsWith('a.txt') ? date : undefined }));
    open.change('file:///a.txt', 1, 'alpha');
    open.change('file:///b.txt', 1, 'beta');
    open.settle();
    assert.deepEqual(analysed.map((a) => [a.text, a.options.articleDate]), [['alpha', '2024-03-05'], ['beta', undefined]]);
    date = '2024-03-09';
    open.reanalyse('file:///a.txt');
    open.reanalyse('file:///nothing.txt');
    open.settle();
    assert.deepEqual(analysed.slice(2).map((a) => [a.text, a.options.articleDate]), [['alpha', '2024-03-09']]);
    assert.deepEqual(committed, [['file:///a.txt', 'alpha'], ['file:///b.txt', 'beta'], ['file:///a.txt', 'alpha']]);
    open.dispose();
  });

  it('reach the corpus by themselves once typing pauses', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const { open, committed } = buffers();
      open.change('file:///a.txt', 1, 'one');
      mock.timers.tick(30);
      open.change('file:///a.txt', 2, 'two');
      mock.timers.tick(30);
      assert.deepEqual(committed, [], 'still typing');
      mock.timers.tick(30);
      assert.deepEqual(committed, [['file:///a.txt', 'two']]);
      open.change('file:///a.txt', 3, 'three');
      open.dispose();
      mock.timers.tick(1000);
      assert.deepEqual(committed, [['file:///a.txt', 'two']], 'a disposed overlay does nothing more');
    } finally {
      mock.timers.reset();
    }
  });
});
