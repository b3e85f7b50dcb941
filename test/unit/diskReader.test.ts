import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import type { AnalyzeOptions } from '../../server/src/analysis/types';
import { Corpus } from '../../server/src/corpus/corpus';
import { analyzeArticle } from '../../server/src/analysis';
import type { ListResult } from '../../server/src/host/articleSource';
import { MemoryArticleSource } from '../../server/src/host/memoryArticleSource';
import { DiskCache } from '../../server/src/workspace/diskCache';
import { DiskReader } from '../../server/src/workspace/diskReader';
import { FileTickets } from '../../server/src/workspace/fileTickets';
import type { Folder } from '../../server/src/workspace/folders';
import { DEFAULT_SETTINGS } from '../../server/src/workspace/settings';
import { Workspace } from '../../server/src/workspace/workspace';

// Closed articles read from disk (diskReader.ts): a read that an open buffer overtook while it
// stat'ed or read leaves no trace, a file gone before it was read is no skipped article, a
// touched file whose text is unchanged keeps its analysis, Markdown only for Markdown files,
// and the skip list starts over with each full index.

const FOLDER: Folder = { uri: URI.file('/w').toString(), fsPath: '/w', settings: { ...DEFAULT_SETTINGS, articles: ['**/*.txt', '**/*.md'] } };
const uriOf = (name: string) => URI.file(`/w/${name}`).toString();
const ARTICLE = 'Harbour Talks\ndate 2024-03-05\n\nMs Ilse Marrow spoke at the quay.\n';
const BINARY = new Uint8Array([0x47, 0x49, 0x46, 0, 1, 2]);

function readerOf(files: Record<string, string | Uint8Array>) {
  const source = new MemoryArticleSource(Object.fromEntries(Object.entries(files).map(([name, text]) => [`/w/${name}`, text])));
  const corpus = new Corpus();
  const tickets = new FileTickets();
  const cache = new DiskCache(() => undefined, () => undefined);
  const open = new Set<string>();
  const logs: string[] = [];
  const analysed: { file: string; options: AnalyzeOptions }[] = [];
  const problems = new Map<string, string[]>();
  const analyze = async (text: string, options: AnalyzeOptions) => {
    analysed.push({ file: text.split('\n')[0], options });
    const analysis = analyzeArticle(text, options);
    return { ...analysis, problems: problems.get(text.split('\n')[0]) ?? analysis.problems };
  };
  const reader = new DiskReader(source, corpus, cache, analyze, (uri) => open.has(uri), (m) => logs.push(m), () => true, tickets);
  const read = (name: string) => reader.read(uriOf(name), `/w/${name}`, FOLDER);
  /** The editor opens the file, as Workspace.openOrChange does: a ticket, then its analysis in the corpus. */
  const openBuffer = (name: string, text: string) => {
    open.add(uriOf(name));
    tickets.take(uriOf(name));
    corpus.setArticle(uriOf(name), corpus.pack(text, analyzeArticle(text, {})));
  };
  return { source, corpus, cache, reader, logs, analysed, problems, read, openBuffer };
}

/** Resolves `gate` from outside: the paused operation goes on. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('reading an article from disk', () => {
  it('leaves no trace when the editor opened the file while it was stat’ed, even where the cached analysis still stands', async () => {
    const r = readerOf({ 'a.txt': ARTICLE });
    await r.read('a.txt');
    const cachedBefore = r.cache.get(uriOf('a.txt'));
    // The second read has its stamp (unchanged: the cached analysis would do) when the editor opens the file.
    const paused = gate();
    const stat = r.source.stat.bind(r.source);
    r.source.stat = async (p) => {
      const stamp = await stat(p);
      await paused.opened;
      return stamp;
    };
    const reading = r.read('a.txt');
    await new Promise((resolve) => setImmediate(resolve));
    r.openBuffer('a.txt', 'Edited Talks\n\nNew text.\n');
    paused.open();
    await reading;
    assert.equal(r.corpus.article(uriOf('a.txt'))?.text, 'Edited Talks\n\nNew text.\n');
    assert.equal(r.cache.get(uriOf('a.txt')), cachedBefore);
  });

  it('leaves no trace when the editor opened the file while it was read, even when the read skips it', async () => {
    const r = readerOf({ 'a.txt': BINARY });
    const paused = gate();
    r.source.pause = (operation) => (operation === 'read' ? paused.opened : Promise.resolve());
    const reading = r.read('a.txt');
    await new Promise((resolve) => setImmediate(resolve));
    r.openBuffer('a.txt', 'Typed Talks\n\nA buffer.\n');
    paused.open();
    await reading;
    assert.equal(r.corpus.article(uriOf('a.txt'))?.text, 'Typed Talks\n\nA buffer.\n');
    assert.deepEqual(r.reader.skippedFiles(), []);
  });

  it('forgets a file gone before it could be read, and does not list it as skipped', async () => {
    const r = readerOf({ 'a.txt': ARTICLE, 'bin.txt': BINARY });
    await r.read('a.txt');
    await r.read('bin.txt');
    assert.deepEqual(r.reader.skippedFiles(), [['/w/bin.txt', 'binary file (contains NUL bytes)']]);
    r.source.files.delete('/w/a.txt');
    r.source.files.delete('/w/bin.txt');
    await r.read('a.txt');
    await r.read('bin.txt');
    assert.equal(r.corpus.article(uriOf('a.txt')), undefined);
    assert.equal(r.cache.get(uriOf('a.txt')), undefined);
    assert.deepEqual(r.reader.skippedFiles(), []);
    assert.deepEqual(r.logs, ['/w/a.txt: no longer exists', '/w/bin.txt: no longer exists']);
  });

  it('keeps the analysis of a file touched without a change of its text, and caches its new time', async () => {
    const r = readerOf({ 'a.txt': ARTICLE });
    await r.read('a.txt');
    const before = r.cache.get(uriOf('a.txt'))!;
    r.source.mtimes.set('/w/a.txt', 42);
    await r.read('a.txt');
    const after = r.cache.get(uriOf('a.txt'))!;
    assert.deepEqual(r.analysed.map((a) => a.file), ['Harbour Talks'], 'analysed once');
    assert.equal(after.article, before.article, 'the same record');
    assert.equal(after.mtimeMs, 42);
    // A changed text is analysed again.
    r.source.files.set('/w/a.txt', ARTICLE.replace('quay', 'pier'));
    r.source.mtimes.set('/w/a.txt', 43);
    await r.read('a.txt');
    assert.deepEqual(r.analysed.map((a) => a.file), ['Harbour Talks', 'Harbour Talks']);
  });

  it('analyses a Markdown file as Markdown, and a text file as text', async () => {
    const text = '# Harbour   Talks\n\nMs Ilse Marrow spoke at the *quay*.\n';
    const r = readerOf({ 'notes.md': text, 'plain.txt': text });
    await r.read('notes.md');
    await r.read('plain.txt');
    assert.deepEqual(r.analysed.map((a) => a.options.markdown), [true, undefined]);
    assert.equal(r.corpus.article(uriOf('notes.md'))?.meta.headline?.text, 'Harbour Talks');
    assert.equal(r.corpus.article(uriOf('plain.txt'))?.meta.headline?.text, '# Harbour   Talks');
  });

  it('logs what the analysis could not do, with the file', async () => {
    const r = readerOf({ 'a.txt': ARTICLE });
    r.problems.set('Harbour Talks', ['figures failed: out of cheese']);
    await r.read('a.txt');
    assert.deepEqual(r.logs, ['/w/a.txt: figures failed: out of cheese']);
  });
});

describe('the skipped files of a full index', () => {
  it('list a link the listing left out, and start over with the next index', async () => {
    const source = new MemoryArticleSource({ '/w/a.txt': ARTICLE, '/w/bin.txt': BINARY });
    let leftOut: ListResult['skipped'] = [{ path: '/w/link.txt', reason: 'leads outside the workspace folder' }];
    const list = source.list.bind(source);
    source.list = async (folder, filter) => ({ ...(await list(folder, filter)), skipped: leftOut });
    const ws = new Workspace(source, { log: () => undefined, progress: () => undefined });
    ws.setFolders([FOLDER]);
    await ws.indexAll();
    assert.deepEqual(ws.skippedFiles(), [
      ['/w/link.txt', 'leads outside the workspace folder'],
      ['/w/bin.txt', 'binary file (contains NUL bytes)'],
    ]);
    assert.equal(ws.state.skipped, 2);
    // The link is gone and the binary file deleted without an event: the next index knows neither.
    leftOut = [];
    source.files.delete('/w/bin.txt');
    await ws.indexAll();
    assert.deepEqual(ws.skippedFiles(), []);
    assert.equal(ws.state.skipped, 0);
  });
});
