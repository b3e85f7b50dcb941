import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { Corpus } from '../../server/src/corpus/corpus';
import type { ArticleSource, FileStamp, ListResult } from '../../server/src/host/articleSource';
import type { IndexState } from '../../server/src/protocol';
import { DiskCache } from '../../server/src/workspace/diskCache';
import type { DiskReader } from '../../server/src/workspace/diskReader';
import { FileTickets } from '../../server/src/workspace/fileTickets';
import { Folders, type Folder } from '../../server/src/workspace/folders';
import { indexFolders } from '../../server/src/workspace/indexer';
import { DEFAULT_SETTINGS } from '../../server/src/workspace/settings';
import { article, corpusOf, MARROW } from '../support/handArticles';

// One full index run (indexer.ts) over a recording reader: which files it reads and with which
// stamp, which it drops, what it forgets, what it reports and when it lets other work in, and
// that a newer run stops it. The reader only records, so the index's own decisions are seen.

const FOLDER: Folder = { uri: URI.file('/w').toString(), fsPath: '/w', settings: DEFAULT_SETTINGS };
const uriOf = (name: string) => URI.file(`/w/${name}`).toString();

interface RunOptions {
  /** The files the listing finds, in order. */
  listed: string[];
  /** Articles the corpus holds before the run. */
  held?: string[];
  /** Files open in the editor. */
  open?: string[];
  /** Runs while the folder is listed (as file events and newer runs would). */
  whileListing?: (run: Run, token: { isCancellationRequested: boolean }) => void;
  /** Stamps of all listed files at once (absent: the reader stats each file itself). */
  statMany?: (paths: string[], run: Run) => Promise<(FileStamp | undefined)[]>;
  listResult?: Partial<ListResult>;
}

type Run = ReturnType<typeof runOf>;

function runOf(options: RunOptions) {
  const corpus = corpusOf(...(options.held ?? []).map((name): [string, ReturnType<typeof article>] => [uriOf(name), article('2024-03-05', MARROW)]));
  const tickets = new FileTickets();
  const folders = new Folders();
  folders.set([FOLDER]);
  const open = new Set((options.open ?? []).map(uriOf));
  const reads: { file: string; known: { stamp: FileStamp | undefined } | undefined }[] = [];
  const skips: string[] = [];
  const updates: Partial<IndexState>[] = [];
  const logs: string[] = [];
  const state = { cancelled: false };
  const reader = {
    skippedCount: 3,
    read: async (uri: string, _fsPath: string, _folder: Folder, known?: { stamp: FileStamp | undefined }) => {
      reads.push({ file: uri.slice(uriOf('').length), known });
    },
    clearSkipped: () => skips.push('cleared'),
    skip: (fsPath: string, reason: string) => skips.push(`${fsPath}: ${reason}`),
  };
  const run = {
    corpus,
    tickets,
    open,
    reads,
    skips,
    updates,
    logs,
    cancel: () => (state.cancelled = true),
    index: () => indexFolders(ctx, () => state.cancelled),
  };
  const source: Partial<ArticleSource> = {
    list: async (_folder, _filter, token) => {
      options.whileListing?.(run, token!);
      return { paths: options.listed.map((name) => `/w/${name}`), problems: [], ...options.listResult };
    },
    stat: async () => assert.fail('the index itself stats nothing'),
    statMany: options.statMany && ((paths) => options.statMany!(paths, run)),
  };
  const ctx = {
    source: source as ArticleSource,
    folders,
    corpus,
    cache: new DiskCache(() => undefined, () => undefined),
    reader: reader as unknown as DiskReader,
    tickets,
    isOpen: (uri: string) => open.has(uri),
    log: (message: string) => logs.push(message),
    update: (patch: Partial<IndexState>) => updates.push(patch),
  };
  return run;
}

const names = (n: number) => Array.from({ length: n }, (_, i) => `a${String(i).padStart(3, '0')}.txt`);

describe('a full index run', () => {
  it('forgets the tickets of files neither held nor open before it lists, and keeps theirs current', async () => {
    const before: Record<string, number> = {};
    const seen: Record<string, boolean> = {};
    const run = runOf({
      listed: ['held.txt'],
      held: ['held.txt'],
      open: ['open.txt'],
      whileListing: ({ tickets }) => {
        for (const name of ['held.txt', 'open.txt', 'gone.txt']) seen[name] = tickets.isCurrent(uriOf(name), before[name]);
        seen['gone.txt touched'] = tickets.touchedSince(uriOf('gone.txt'), 0);
      },
    });
    // Work on each file from before the run: a read of the held article, the open buffer, a delete.
    for (const name of ['held.txt', 'open.txt', 'gone.txt']) before[name] = run.tickets.take(uriOf(name));
    await run.index();
    assert.deepEqual(seen, { 'held.txt': true, 'open.txt': true, 'gone.txt': false, 'gone.txt touched': false });
  });

  it('reads each listed file with the stamp taken of all at once, in listing order, except an open one, and stats again one touched since the listing began', async () => {
    const run = runOf({
      listed: ['a.txt', 'b.txt', 'open.txt', 'c.txt'],
      open: ['open.txt'],
      // A file event for b.txt arrives while the folder is listed: its stamp may be older than its change.
      whileListing: ({ tickets }) => void tickets.take(uriOf('b.txt')),
      statMany: async (paths) => paths.map((p, i) => ({ size: 100 + i, mtimeMs: p.length })),
    });
    assert.equal(await run.index(), 4);
    assert.deepEqual(run.reads, [
      { file: 'a.txt', known: { stamp: { size: 100, mtimeMs: '/w/a.txt'.length } } },
      { file: 'b.txt', known: undefined },
      { file: 'c.txt', known: { stamp: { size: 103, mtimeMs: '/w/c.txt'.length } } },
    ]);
  });

  it('drops the articles no longer listed, logs what it could not list and records what the listing left out', async () => {
    const run = runOf({
      listed: ['kept.txt'],
      held: ['kept.txt', 'deleted.txt', 'open.txt'],
      open: ['open.txt'],
      listResult: { problems: ['/w/locked: permission denied'], skipped: [{ path: '/w/link.txt', reason: 'links outside the folder' }] },
    });
    assert.equal(await run.index(), 1);
    assert.deepEqual([...run.corpus.uris()].sort(), [uriOf('kept.txt'), uriOf('open.txt')]);
    assert.deepEqual(run.logs, ['Could not list /w/locked: permission denied']);
    assert.deepEqual(run.skips, ['cleared', '/w/link.txt: links outside the folder']);
  });

  it('stops when a newer run starts while it lists: the listing sees the cancellation, and nothing is dropped, counted or read', async () => {
    const seen: boolean[] = [];
    const run = runOf({
      listed: ['a.txt', 'b.txt'],
      held: ['old.txt'],
      whileListing: (r, token) => {
        seen.push(token.isCancellationRequested);
        r.cancel();
        seen.push(token.isCancellationRequested);
      },
    });
    assert.equal(await run.index(), undefined);
    assert.deepEqual(seen, [false, true]);
    assert.deepEqual([...run.corpus.uris()], [uriOf('old.txt')], 'the newer run decides what is dropped');
    assert.deepEqual(run.updates, []);
    assert.deepEqual(run.reads, []);
  });

  it('stops when a newer run starts while the files are stamped: nothing is read', async () => {
    const run = runOf({
      listed: ['a.txt', 'b.txt'],
      statMany: async (paths, r) => (r.cancel(), paths.map(() => ({ size: 1, mtimeMs: 1 }))),
    });
    assert.equal(await run.index(), undefined);
    assert.deepEqual(run.reads, []);
  });

  it('reports the total, then every 50 articles and the last one, with the skipped count', async () => {
    const run = runOf({ listed: names(120) });
    assert.equal(await run.index(), 120);
    assert.deepEqual(run.updates, [{ total: 120 }, { indexed: 50, skipped: 3 }, { indexed: 100, skipped: 3 }, { indexed: 120, skipped: 3 }]);
  });

  it('lets other work in while it reads, but not before each reader has read 20 articles', async () => {
    // The recording reader answers without I/O, so the index alone decides when the event
    // loop gets a turn: a callback queued now runs at the first one.
    const run = runOf({ listed: names(400) });
    let readWhenLetIn = -1;
    setImmediate(() => (readWhenLetIn = run.reads.length));
    assert.equal(await run.index(), 400);
    assert.ok(readWhenLetIn >= 20, `let in after ${readWhenLetIn} articles`);
    assert.ok(readWhenLetIn < 400, 'not only at the end');
  });
});
