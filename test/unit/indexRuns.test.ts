import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Capabilities } from '../../server/src/lsp/capabilities';
import { IndexRuns } from '../../server/src/lsp/indexing';
import type { IndexState } from '../../server/src/protocol';
import type { Folder } from '../../server/src/workspace/folders';

// Full index runs over a recording client and workspace: one run at a time (a request during
// a run makes one more), settings pulled only from a client that can give them, the defaults
// when it fails, work-done progress only for a client that shows it, and a settings change
// that changes nothing re-reads nothing, while the Reindex command always re-reads.

function recordingRuns(options: { configuration?: boolean; workDoneProgress?: boolean; settings?: (scopeUri: string) => unknown; failingIndexes?: number; failingProgress?: 'create' | 'begin' | 'later' } = {}) {
  let failingIndexes = options.failingIndexes ?? 0;
  const events: string[] = [];
  const logs: string[] = [];
  let state: IndexState = { state: 'starting', articles: 0, total: 0, indexed: 0, skipped: 0 } as unknown as IndexState;
  let release: (() => void) | undefined;
  let hold = false;
  const connection = {
    workspace: {
      getConfiguration: async (items: { scopeUri: string; section: string }[]) => {
        events.push(`configuration ${items.map((i) => i.section).join(',')}`);
        return [options.settings ? options.settings(items[0].scopeUri) : { enable: true }, {}];
      },
    },
    // Work-done progress as the protocol has it: a create request, then $/progress sends.
    sendRequest: async (type: { method: string }, params: { token: string }) => {
      if (type.method !== 'window/workDoneProgress/create') throw new Error(`unexpected request ${type.method}`);
      if (options.failingProgress === 'create') throw new Error('no progress today');
      assert.match(params.token, /^corpus-lens-index-\d+$/);
    },
    sendProgress: (_type: unknown, _token: string, value: { kind: string; title?: string; percentage?: number; message?: string }) => {
      if (value.kind === 'begin' && options.failingProgress === 'begin') throw new Error('connection closed');
      if (options.failingProgress === 'later') return Promise.reject(new Error('connection closed'));
      events.push(value.kind === 'begin' ? `progress begin ${value.title}` : value.kind === 'report' ? `progress ${value.percentage} ${value.message}` : 'progress done');
      return Promise.resolve();
    },
    languages: { semanticTokens: { refresh: async () => undefined }, inlayHint: { refresh: async () => undefined } },
  };
  const workspace = {
    get state() {
      return state;
    },
    setFolders: (folders: Folder[]) => events.push(`folders ${folders.map((f) => `${f.uri} ${f.settings.articles.join(',')}`).join(';')}`),
    setDiagnosticSettings: (settings: Map<string, { figures: boolean }>) => events.push(`diagnostics ${[...settings].map(([uri, d]) => `${uri} figures=${d.figures}`).join(';')}`),
    indexAll: async () => {
      events.push('index');
      state = { ...state, state: 'indexing', total: 200 };
      if (hold) await new Promise<void>((resolve) => (release = resolve));
      if (failingIndexes-- > 0) throw new Error('index failed');
      state = { ...state, state: 'ready', articles: 200, indexed: 200 };
    },
  };
  const caps = { configuration: options.configuration ?? true, workDoneProgress: options.workDoneProgress ?? false } as Capabilities;
  const runs = new IndexRuns(connection as never, workspace as never, { stat: async () => undefined } as never, () => caps, (m) => logs.push(m));
  runs.folderUris = ['file:///corpus'];
  return { runs, events, logs, hold: () => (hold = true), release: () => release?.() };
}

describe('index runs', () => {
  it('run once more after a run during which another was asked for, and not twice at once', async () => {
    const { runs, events, hold, release } = recordingRuns();
    hold();
    const first = runs.reindex('start');
    await new Promise((resolve) => setImmediate(resolve));
    const second = runs.reindex('command');
    const third = runs.reindex('settings');
    assert.equal(second, first, 'a request during a run waits for the same run');
    assert.equal(third, first);
    assert.deepEqual(events.filter((e) => e === 'index'), ['index']);
    release();
    await first;
    // The one more run sees unchanged settings on a ready workspace: it re-reads nothing.
    assert.deepEqual(events.filter((e) => e === 'index' || e.startsWith('diagnostics')), ['index', 'diagnostics file:///corpus figures=true']);
  });

  it('re-read the corpus on the Reindex command even when the settings did not change', async () => {
    const { runs, events } = recordingRuns();
    await runs.reindex('start');
    await runs.reindex('command');
    assert.deepEqual(events.filter((e) => e === 'index'), ['index', 'index']);
    // Each run pulls the folder's own settings and the editor's files.exclude.
    assert.deepEqual(events.filter((e) => e.startsWith('configuration')), ['configuration corpusLens,files.exclude', 'configuration corpusLens,files.exclude']);
  });

  it('apply a change of the diagnostics settings alone without re-reading, and re-read for any other change', async () => {
    let settings: Record<string, unknown> = { enable: true };
    const { runs, events } = recordingRuns({ settings: () => settings });
    await runs.reindex('start');
    settings = { enable: true, diagnostics: { figures: false } };
    await runs.reindex('settings');
    assert.deepEqual(events.filter((e) => e === 'index' || e.startsWith('diagnostics')), ['index', 'diagnostics file:///corpus figures=false']);
    settings = { enable: true, articles: ['**/*.news'] };
    await runs.reindex('settings');
    assert.deepEqual(events.filter((e) => e === 'index' || e.startsWith('folders')).slice(-2), ['folders file:///corpus **/*.news', 'index']);
  });

  it('use the defaults without asking a client that cannot give settings, or whose answer fails', async () => {
    const quiet = recordingRuns({ configuration: false });
    await quiet.runs.reindex('start');
    assert.equal(quiet.events.filter((e) => e.startsWith('configuration')).length, 0);
    // The defaults leave corpusLens.enable off: without a marker the folder is left alone.
    assert.deepEqual(quiet.events.filter((e) => e.startsWith('folders')), ['folders ']);
    const failing = recordingRuns({
      settings: () => {
        throw new Error('no settings today');
      },
    });
    await failing.runs.reindex('start');
    assert.deepEqual(failing.logs.filter((l) => l.startsWith('Could not')), ['Could not read settings, using defaults: Error: no settings today']);
    assert.deepEqual(failing.events.filter((e) => e.startsWith('folders')), ['folders ']);
  });

  it('show work-done progress only to a client that shows it, and report whole percents once each', async () => {
    const silent = recordingRuns();
    await silent.runs.reindex('start');
    assert.deepEqual(silent.events.filter((e) => e.startsWith('progress')), []);
    const shown = recordingRuns({ workDoneProgress: true });
    shown.hold();
    const run = shown.runs.reindex('start');
    await new Promise((resolve) => setImmediate(resolve));
    for (const indexed of [2, 3, 4, 200]) shown.runs.report({ state: 'indexing', articles: indexed, total: 200, indexed, skipped: 0 } as unknown as IndexState);
    shown.runs.report({ state: 'ready', articles: 200, total: 200, indexed: 200, skipped: 0 } as unknown as IndexState);
    shown.release();
    await run;
    assert.deepEqual(shown.events.filter((e) => e.startsWith('progress')), ['progress begin Corpus Lens: indexing', 'progress 1 2 / 200 articles', 'progress 2 4 / 200 articles', 'progress 100 200 / 200 articles', 'progress done']);
  });

  it('leave alone the files of a folder that is no corpus, and only those: not a corpus folder whose name extends its name', async () => {
    // "notes" is a folder of the workspace without a marker; "notes-2" beside it is a corpus.
    const { runs } = recordingRuns({ settings: (scope) => ({ enable: scope.endsWith('notes-2') }) });
    runs.folderUris = ['file:///w/notes', 'file:///w/notes-2'];
    await runs.reindex('start');
    assert.equal(runs.ignores('file:///w/notes/todo.txt'), true);
    assert.equal(runs.ignores('file:///w/notes/sub/deeper.txt'), true);
    assert.equal(runs.ignores('file:///w/notes-2/article.txt'), false);
    assert.equal(runs.ignores('file:///w/notesbook.txt'), false);
  });

  it('say once which folders are no corpus, and nothing when every folder is one', async () => {
    const { runs, logs } = recordingRuns({ settings: (scope) => ({ enable: !scope.endsWith('notes') }) });
    runs.folderUris = ['file:///w/news'];
    await runs.reindex('start');
    assert.deepEqual(logs.filter((l) => !l.startsWith('Indexed')), []);
    runs.folderUris = ['file:///w/news', 'file:///w/notes'];
    await runs.reindex('folders');
    await runs.reindex('command');
    assert.deepEqual(logs.filter((l) => !l.startsWith('Indexed')), ['/w/notes is not a corpus (no .corpuslens.json in it, corpusLens.enable off): Corpus Lens leaves it alone.']);
  });

  it('say how long a run took', async () => {
    const { runs, logs } = recordingRuns();
    await runs.reindex('start');
    assert.equal(logs.length, 1);
    assert.match(logs[0], /^Indexed 200 articles in \d{1,5} ms \(0 skipped\)\.$/);
  });

  it('index again on a settings change that changes nothing when the last run did not finish', async () => {
    const { runs, events } = recordingRuns({ failingIndexes: 1 });
    await assert.rejects(runs.reindex('start'), /index failed/);
    await runs.reindex('settings');
    assert.deepEqual(events.filter((e) => e === 'index'), ['index', 'index']);
    // Now ready: the same settings again re-read nothing.
    await runs.reindex('settings');
    assert.deepEqual(events.filter((e) => e === 'index'), ['index', 'index']);
  });

  it('index without progress when the client cannot show it after all, and send it nothing more', async () => {
    for (const failingProgress of ['create', 'begin'] as const) {
      const { runs, events, hold, release } = recordingRuns({ workDoneProgress: true, failingProgress });
      hold();
      const run = runs.reindex('start');
      await new Promise((resolve) => setImmediate(resolve));
      runs.report({ state: 'indexing', articles: 100, total: 200, indexed: 100, skipped: 0 } as unknown as IndexState);
      release();
      await run;
      assert.deepEqual(events.filter((e) => e === 'index' || e.startsWith('progress')), ['index'], failingProgress);
    }
  });

  it('end a run as usual when the client went away and every progress send fails later', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const { runs, events, hold, release } = recordingRuns({ workDoneProgress: true, failingProgress: 'later' });
      hold();
      const run = runs.reindex('start');
      await new Promise((resolve) => setImmediate(resolve));
      runs.report({ state: 'indexing', articles: 100, total: 200, indexed: 100, skipped: 0 } as unknown as IndexState);
      release();
      await run;
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepEqual(unhandled, []);
      assert.deepEqual(events.filter((e) => e === 'index' || e.startsWith('progress')), ['index']);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('report no progress before the total is known, nor once the index is no longer indexing', async () => {
    const shown = recordingRuns({ workDoneProgress: true });
    shown.hold();
    const run = shown.runs.reindex('start');
    await new Promise((resolve) => setImmediate(resolve));
    shown.runs.report({ state: 'indexing', articles: 0, total: 0, indexed: 0, skipped: 0 } as unknown as IndexState);
    shown.runs.report({ state: 'indexing', articles: 20, total: 200, indexed: 20, skipped: 0 } as unknown as IndexState);
    shown.runs.report({ state: 'ready', articles: 150, total: 200, indexed: 150, skipped: 0 } as unknown as IndexState);
    shown.release();
    await run;
    assert.deepEqual(shown.events.filter((e) => e.startsWith('progress')), ['progress begin Corpus Lens: indexing', 'progress 10 20 / 200 articles', 'progress done']);
  });
});
