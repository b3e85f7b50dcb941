import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { analyzeArticle } from '../../server/src/analysis';
import type { StoredArticle } from '../../server/src/corpus/articleStore';
import { NOT_CANCELLED as T } from '../../server/src/corpus/queries';
import type { CachedArticle } from '../../server/src/host/articleSource';
import type { IndexState } from '../../server/src/protocol';
import type { ArticleCache } from '../../server/src/workspace/diskCache';
import { MemoryArticleSource } from '../../server/src/host/memoryArticleSource';
import { DEFAULT_SETTINGS, mergeSettings, type Settings } from '../../server/src/workspace/settings';
import { Workspace } from '../../server/src/workspace/workspace';

function workspaceOf(files: Record<string, string | Uint8Array>, settings: Partial<Settings> = {}) {
  const logs: string[] = [];
  const source = new MemoryArticleSource(Object.fromEntries(Object.entries(files).map(([k, v]) => [`/w/${k}`, v])));
  const ws = new Workspace(source, { log: (m) => logs.push(m), progress: () => undefined });
  ws.setFolders([{ uri: URI.file('/w').toString(), fsPath: '/w', settings: { ...DEFAULT_SETTINGS, ...settings } }]);
  return { ws, logs, source };
}

const uri = (rel: string) => URI.file(`/w/${rel}`).toString();
const ARTICLE = 'Harbour Talks\ndate 2024-03-05\n\nTalks resumed on 2024-03-04 in the port.\n';

describe('Workspace', () => {
  it('indexes the articles its globs select and skips the rest', async () => {
    const { ws } = workspaceOf({ 'a.txt': ARTICLE, 'sub/b.txt': ARTICLE, 'notes.md': ARTICLE, 'node_modules/x/c.txt': ARTICLE, '.git/d.txt': ARTICLE });
    await ws.indexAll();
    assert.deepEqual([...ws.corpus.uris()].sort(), [uri('a.txt'), uri('sub/b.txt')]);
    assert.equal(ws.state.state, 'ready');
  });

  it('honours files.exclude and custom article globs', async () => {
    const { ws } = workspaceOf({ 'a.txt': ARTICLE, 'drafts/b.txt': ARTICLE, 'c.news': ARTICLE }, { articles: ['**/*.txt', '**/*.news'], exclude: ['drafts/**'] });
    await ws.indexAll();
    assert.deepEqual([...ws.corpus.uris()].sort(), [uri('a.txt'), uri('c.news')]);
  });

  it('skips binary and oversized files and says so', async () => {
    const { ws, logs } = workspaceOf({ 'bin.txt': new Uint8Array([0x47, 0x49, 0x46, 0, 1, 2]), 'big.txt': 'x'.repeat(3000), 'ok.txt': ARTICLE }, { maxFileSizeKB: 2 });
    await ws.indexAll();
    assert.deepEqual([...ws.corpus.uris()], [uri('ok.txt')]);
    assert.equal(ws.state.skipped, 2);
    assert.ok(logs.some((l) => l.includes('bin.txt') && l.includes('binary')));
    assert.ok(logs.some((l) => l.includes('big.txt') && l.includes('size limit')));
  });

  it('reads invalid UTF-8 with replacement characters instead of failing', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('Bad Bytes\n\nIt cost '), 0xff, 0xfe, ...new TextEncoder().encode(' on 2024-03-04.\n')]);
    const { ws, logs } = workspaceOf({ 'bad.txt': bytes });
    await ws.indexAll();
    const record = ws.corpus.article(uri('bad.txt'))!;
    assert.ok(record.text.includes('\uFFFD'));
    const [date] = ws.corpus.datesIn(uri('bad.txt'), T);
    assert.equal(record.text.slice(date.start, date.end), '2024-03-04');
    assert.ok(logs.some((l) => l.includes('invalid UTF-8')));
  });

  it('drops a BOM and keeps CRLF offsets aligned with the editor document', async () => {
    const crlf = '\uFEFF' + ARTICLE.replace(/\n/g, '\r\n');
    const { ws } = workspaceOf({ 'crlf.txt': crlf });
    await ws.indexAll();
    const record = ws.corpus.article(uri('crlf.txt'))!;
    // VS Code shows the file without its BOM; the same positions must land on the same words.
    const editor = TextDocument.create(uri('crlf.txt'), 'article', 1, crlf.slice(1));
    const date = ws.corpus.datesIn(uri('crlf.txt'), T).find((d) => d.text === '2024-03-04')!;
    const position = editor.positionAt(date.start);
    assert.deepEqual(position, { line: 3, character: 'Talks resumed on '.length });
    assert.equal(editor.getText({ start: position, end: editor.positionAt(date.end) }), '2024-03-04');
    assert.equal(record.meta.headline?.text, 'Harbour Talks');
  });

  it('skips a file it may not read, with the reason', async () => {
    // As root (CI) a chmod 000 file stays readable, so the source itself refuses, as the disk
    // source does on EACCES.
    const { ws, logs, source } = workspaceOf({ 'a.txt': ARTICLE, 'locked.txt': ARTICLE });
    const read = source.read.bind(source);
    source.read = async (p, max, known) => (p.endsWith('locked.txt') ? { skipped: 'permission denied' } : read(p, max, known));
    await ws.indexAll();
    assert.deepEqual([...ws.corpus.uris()], [uri('a.txt')]);
    assert.ok(logs.some((l) => l.includes('locked.txt') && l.includes('permission denied')));
  });

  it('takes an article date from the per-file setting', async () => {
    const { ws } = workspaceOf({ 'undated.txt': 'Undated\n\nNothing here.\n' }, { articleDates: { 'undated.txt': '2021-11-10' } });
    await ws.indexAll();
    assert.deepEqual(ws.corpus.article(uri('undated.txt'))!.meta.articleDate, { value: '2021-11-10', source: 'setting' });
  });

  it('keeps an open buffer over the disk and re-reads the disk on close', async () => {
    const { ws } = workspaceOf({ 'a.txt': ARTICLE });
    await ws.indexAll();
    ws.openOrChange(uri('a.txt'), 3, 'Edited\n\nNew text.\n');
    await ws.settled();
    assert.equal(ws.corpus.article(uri('a.txt'))!.text, 'Edited\n\nNew text.\n');
    await ws.fileChanged(uri('a.txt'), 'changed');
    assert.equal(ws.corpus.article(uri('a.txt'))!.text, 'Edited\n\nNew text.\n', 'disk events do not override an open buffer');
    await ws.close(uri('a.txt'));
    assert.equal(ws.corpus.article(uri('a.txt'))!.text, ARTICLE);
  });

  it('forgets files deleted while closed and files that vanish before they are read', async () => {
    const { ws, source } = workspaceOf({ 'a.txt': ARTICLE, 'b.txt': ARTICLE });
    await ws.indexAll();
    source.files.delete('/w/a.txt');
    await ws.fileChanged(uri('a.txt'), 'deleted');
    assert.equal(ws.corpus.article(uri('a.txt')), undefined);
    source.files.delete('/w/b.txt');
    await ws.fileChanged(uri('b.txt'), 'changed');
    assert.equal(ws.corpus.article(uri('b.txt')), undefined);
  });

  it('analyses a buffer the editor opens before the folders are known, as in no folder', async () => {
    const ws = new Workspace(new MemoryArticleSource(), { log: () => undefined, progress: () => undefined });
    ws.openOrChange(uri('a.txt'), 1, ARTICLE);
    await ws.settled();
    assert.equal(ws.classify(uri('a.txt')), undefined);
    assert.deepEqual(ws.corpus.article(uri('a.txt'))!.meta.articleDate, { value: '2024-03-05', source: 'date-line', span: { start: 19, end: 29, text: '2024-03-05' } });
  });

  it('merges settings over defaults and ignores wrongly typed values', () => {
    const merged = mergeSettings({ enable: 'yes', articles: 'nope', maxFileSizeKB: -1, articleDates: { './x.txt': '2020-01-02', bad: 'soon' }, diagnostics: { figures: false, unresolvedDates: 'no', skippedFiles: 0 } }, { 'drafts/**': true, 'old/**': false });
    assert.deepEqual({ ...merged, articleDates: { ...merged.articleDates } }, {
      enable: false,
      articles: ['**/*.txt'],
      maxFileSizeKB: 2048,
      articleDates: { 'x.txt': '2020-01-02' },
      exclude: ['drafts/**'],
      // Only a real false turns a kind of diagnostic off.
      diagnostics: { figures: false, unresolvedDates: true, corrections: true, skippedFiles: true },
    });
  });
});

/** A workspace over a recording analysis and cache: how often each text was analysed, and what the cache was given. */
function recordedWorkspaceOf(files: Record<string, string>, options: { safeMode?: boolean; failingWorker?: boolean } = {}) {
  const logs: string[] = [];
  const analysed: string[] = [];
  const saved: Map<string, CachedArticle>[] = [];
  const progress: IndexState[] = [];
  const source = new MemoryArticleSource(Object.fromEntries(Object.entries(files).map(([k, v]) => [`/w/${k}`, v])));
  const cache: ArticleCache = {
    load: async () => ({ entries: new Map() }),
    save: async (entries) => {
      saved.push(new Map(entries));
      return undefined;
    },
  };
  const ws = new Workspace(source, { log: (m) => logs.push(m), progress: (s) => progress.push(s) }, {
    cache,
    safeMode: options.safeMode,
    analyze: async (text, opts) => {
      if (options.failingWorker) throw new Error('worker gone');
      analysed.push(text.split('\n')[0]);
      return analyzeArticle(text, opts);
    },
  });
  ws.setFolders([{ uri: URI.file('/w').toString(), fsPath: '/w', settings: DEFAULT_SETTINGS }]);
  return { ws, logs, analysed, saved, progress, source };
}

const UNDATED = 'Quay Notes\n\nThe quay reopened on Tuesday.\n';
const DATED = 'Quay Report\ndate 2024-03-08\n\nThe quay closed on Tuesday.\n';

describe('Workspace orchestration', () => {
  it('reads, analyses and packs each article once, and hands the same record to the corpus and the cache', async () => {
    const { ws, analysed, saved } = recordedWorkspaceOf({ 'a.txt': UNDATED, 'b.txt': DATED });
    await ws.indexAll();
    assert.deepEqual(analysed.sort(), ['Quay Notes', 'Quay Report']);
    assert.equal(saved.length, 1, 'the cache is written once the index is ready');
    for (const file of ['a.txt', 'b.txt']) {
      const entry = saved[0].get(uri(file))!;
      const record = ws.corpus.article(uri(file)) as StoredArticle;
      assert.equal(entry.article, record.article, `${file}: one record`);
      assert.equal(entry.article.table, ws.corpus.table);
      assert.deepEqual([entry.size, entry.mtimeMs, entry.articleDate], [Buffer.byteLength(record.text), 1, undefined]);
    }
  });

  it('re-analyses only the articles whose date a correction changes, on disk and open, and caches the new record', async () => {
    const { ws, analysed, saved } = recordedWorkspaceOf({ 'a.txt': UNDATED, 'b.txt': DATED, 'c.txt': UNDATED.replace('Quay Notes', 'Pier Notes') });
    await ws.indexAll();
    ws.openOrChange(uri('c.txt'), 1, UNDATED.replace('Quay Notes', 'Pier Notes (edited)'));
    analysed.length = 0;
    assert.equal(await ws.applyCorrection(uri('a.txt'), { kind: 'articleDate', file: uri('a.txt'), date: '2024-03-07' }), undefined);
    assert.equal(await ws.applyCorrection(uri('c.txt'), { kind: 'articleDate', file: 'c.txt', date: '2024-03-14' }), undefined);
    assert.deepEqual(analysed, ['Quay Notes'], 'b.txt keeps its date; the open c.txt is analysed in this thread');
    assert.deepEqual(ws.corpus.datesIn(uri('a.txt'), T).map((d) => d.value), ['2024-03-05']);
    assert.deepEqual(ws.corpus.datesIn(uri('c.txt'), T).map((d) => d.value), ['2024-03-12']);
    assert.equal(ws.corpus.article(uri('c.txt'))!.text.includes('(edited)'), true);
    await ws.dispose();
    const entry = saved.at(-1)!.get(uri('a.txt'))!;
    assert.equal(entry.articleDate, '2024-03-07');
    assert.equal(entry.article, (ws.corpus.article(uri('a.txt')) as StoredArticle).article);
    assert.equal(saved.at(-1)!.has(uri('c.txt')), false, 'the open buffer differs from the disk: its disk entry is dropped');
  });

  it('re-reads a corrections file changed on disk and applies it at once', async () => {
    const { ws, source } = recordedWorkspaceOf({ 'a.txt': 'Port Talks\n\nMs Ilse Marrow spoke.\n' });
    await ws.indexAll();
    assert.deepEqual(ws.corpus.mentionsIn(uri('a.txt'), T).map((m) => m.mention.text), ['Ilse Marrow']);
    source.files.set('/w/.corpuslens.json', JSON.stringify({ notEntity: ['Ilse Marrow'], articleDates: { 'a.txt': '2024-01-02' } }));
    await ws.fileChanged(uri('.corpuslens.json'), 'changed');
    assert.deepEqual(ws.corpus.mentionsIn(uri('a.txt'), T), []);
    assert.deepEqual(ws.corpus.article(uri('a.txt'))!.meta.articleDate, { value: '2024-01-02', source: 'setting' });
  });

  it('refuses malformed corrections and keeps none in safe mode', async () => {
    const { ws, source } = recordedWorkspaceOf({ 'a.txt': UNDATED });
    await ws.indexAll();
    assert.match((await ws.applyCorrection(uri('a.txt'), { kind: 'explode' }))!, /malformed: unknown kind "explode"/);
    assert.match((await ws.applyCorrection(42, { kind: 'notEntity', value: 'Quay' }))!, /first argument must be a document uri/);
    assert.equal(await ws.applyCorrection(uri('a.txt'), { kind: 'notEntity', value: 'Quay' }), undefined);
    assert.ok(source.files.has('/w/.corpuslens.json'));
    const safe = recordedWorkspaceOf({ 'a.txt': UNDATED, '.corpuslens.json': JSON.stringify({ notEntity: ['Quay'] }) }, { safeMode: true });
    await safe.ws.indexAll();
    assert.match((await safe.ws.applyCorrection(uri('a.txt'), { kind: 'notEntity', value: 'Quay' }))!, /safe mode/);
    assert.equal(safe.source.files.get('/w/.corpuslens.json'), JSON.stringify({ notEntity: ['Quay'] }));
  });

  it('analyses in this thread when the workers fail, and says so', async () => {
    const { ws, logs } = recordedWorkspaceOf({ 'a.txt': DATED }, { failingWorker: true });
    await ws.indexAll();
    assert.deepEqual(ws.corpus.datesIn(uri('a.txt'), T).map((d) => d.value), ['2024-03-08', '2024-03-05']);
    assert.ok(logs.includes('analysis worker failed (worker gone); analysing in-process'), logs.join('\n'));
  });

  it('drops articles no longer listed on a new index, but not open ones', async () => {
    const { ws, source } = recordedWorkspaceOf({ 'a.txt': UNDATED, 'b.txt': DATED, 'c.txt': DATED });
    await ws.indexAll();
    ws.openOrChange(uri('c.txt'), 1, DATED);
    source.files.delete('/w/b.txt');
    source.files.delete('/w/c.txt');
    await ws.indexAll();
    await ws.settled();
    assert.deepEqual([...ws.corpus.uris()].sort(), [uri('a.txt'), uri('c.txt')]);
    assert.deepEqual(ws.state, { state: 'ready', indexed: 1, total: 1, skipped: 0, articles: 2 });
  });

  it('closes a buffer that is not an article by forgetting it', async () => {
    const { ws } = recordedWorkspaceOf({ 'a.txt': UNDATED });
    await ws.indexAll();
    ws.openOrChange(uri('notes.md'), 1, DATED);
    await ws.settled();
    assert.ok(ws.corpus.article(uri('notes.md')));
    await ws.close(uri('notes.md'));
    assert.equal(ws.corpus.article(uri('notes.md')), undefined);
  });

  it('tells the client only about changes it shows, and waits for file events before it says ready', async () => {
    const { ws, progress, source } = recordedWorkspaceOf({ 'a.txt': UNDATED });
    await ws.indexAll();
    const seen = progress.length;
    ws.openOrChange(uri('a.txt'), 1, UNDATED);
    await ws.settled();
    assert.equal(progress.length, seen, 'an edit that changes no count says nothing');
    source.files.set('/w/b.txt', DATED);
    const event = ws.fileChanged(uri('b.txt'), 'created');
    await ws.whenReady();
    assert.ok(ws.corpus.article(uri('b.txt')), 'whenReady waited for the file event');
    await event;
    assert.deepEqual(progress.at(-1), { state: 'ready', indexed: 1, total: 1, skipped: 0, articles: 2 });
  });
});
