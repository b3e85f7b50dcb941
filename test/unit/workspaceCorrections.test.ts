import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { URI } from 'vscode-uri';
import { MemoryArticleSource } from '../../server/src/host/memoryArticleSource';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/workspace/settings';
import { Workspace } from '../../server/src/workspace/workspace';

// The workspace's bookkeeping around corrections, settings and the cache: its first state, diagnostics
// settings per folder, which articles a changed article date reads again, and warnings about
// the corrections logged once per change, not once per re-read.

const uri = (p: string) => URI.file(p).toString();
// Labelled samples: invented articles without a date line, and one with.
const UNDATED = 'Harbour Notes\n\nMs Ilse Marrow said on Monday that the quay reopened.\n';
const DATED = 'Harbour Notes\ndate 2024-03-05\n\nMs Ilse Marrow said on Monday that the quay reopened.\n';

function setup(files: Record<string, string>, settings: Partial<Settings> = {}) {
  const source = new MemoryArticleSource(files);
  const logs: string[] = [];
  const ws = new Workspace(source, { log: (m) => logs.push(m), progress: () => undefined });
  ws.setFolders([{ uri: uri('/w'), fsPath: '/w', settings: { ...DEFAULT_SETTINGS, ...settings } }]);
  return { ws, source, logs };
}

describe('workspace bookkeeping', () => {
  it('start idle, with nothing indexed', () => {
    assert.deepEqual(setup({}).ws.state, { state: 'idle', indexed: 0, total: 0, skipped: 0, articles: 0 });
  });

  it('change the diagnostics settings of the folders named, and only those', () => {
    const { ws } = setup({});
    ws.setFolders([
      { uri: uri('/a'), fsPath: '/a', settings: DEFAULT_SETTINGS },
      { uri: uri('/b'), fsPath: '/b', settings: DEFAULT_SETTINGS },
    ]);
    const quiet = { figures: false, unresolvedDates: false, corrections: true, skippedFiles: true };
    ws.setDiagnosticSettings(new Map([[uri('/b'), quiet]]));
    assert.deepEqual(ws.classify(uri('/a/x.txt'))?.folder.settings.diagnostics, DEFAULT_SETTINGS.diagnostics);
    assert.deepEqual(ws.classify(uri('/b/x.txt'))?.folder.settings, { ...DEFAULT_SETTINGS, diagnostics: quiet });
  });

  it('read again the article whose date a correction changed, with its new date', async () => {
    const { ws, source } = setup(
      { '/w/a.txt': UNDATED, '/w/b.txt': UNDATED, '/w/c.txt': DATED },
      { articleDates: Object.assign(Object.create(null), { 'b.txt': '2024-01-01' }) },
    );
    await ws.indexAll();
    assert.equal(ws.corpus.article(uri('/w/b.txt'))?.meta.articleDate.value, '2024-01-01');
    const before = source.reads;
    assert.equal(await ws.applyCorrection(uri('/w/a.txt'), { kind: 'articleDate', file: 'a.txt', date: '2024-03-01' }), undefined);
    await ws.whenReady();
    assert.deepEqual(ws.corpus.article(uri('/w/a.txt'))?.meta.articleDate, { value: '2024-03-01', source: 'setting' });
    assert.equal(source.reads - before, 1, 'a.txt read once; b.txt keeps its setting, c.txt its date line');
  });

  it('log the corrections’ warnings when they change, not on every re-read of the same file', async () => {
    const merges = { version: 1, merge: [{ entities: ['person:a', 'person:b'] }, { entities: ['person:b', 'person:c'] }], split: [], notEntity: [], articleDates: {} };
    const { ws, logs } = setup({ '/w/a.txt': UNDATED, '/w/.corpuslens.json': JSON.stringify(merges) });
    await ws.indexAll();
    const warned = () => logs.filter((l) => /^\.corpuslens\.json: merges 1, 2 share entities/.test(l)).length;
    assert.equal(warned(), 1);
    await ws.fileChanged(uri('/w/.corpuslens.json'), 'changed');
    assert.equal(warned(), 1, 'the same corrections: no new warning');
  });

  it('write the cache soon after a file changes once the index is ready', async () => {
    const saves: number[] = [];
    const cache = { load: async () => ({ entries: new Map() }), save: async (entries: Map<string, unknown>) => void saves.push(entries.size) };
    const source = new MemoryArticleSource({ '/w/a.txt': UNDATED });
    const ws = new Workspace(source, { log: () => undefined, progress: () => undefined }, { cache: cache as never });
    ws.setFolders([{ uri: uri('/w'), fsPath: '/w', settings: DEFAULT_SETTINGS }]);
    await ws.indexAll();
    assert.deepEqual(saves, [1], 'saved once the index is ready');
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      source.files.set('/w/b.txt', DATED);
      await ws.fileChanged(uri('/w/b.txt'), 'created');
      assert.deepEqual(saves, [1]);
      mock.timers.tick(5000);
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(saves, [1, 2], 'the new article is written after the pause');
    } finally {
      mock.timers.reset();
    }
    await ws.dispose();
  });
});
