import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import type { AnalyzeOptions } from '../../server/src/analysis/types';
import { NOT_CANCELLED as T } from '../../server/src/corpus/queries';
import { AnalysisCache } from '../../server/src/host/analysisCache';
import { MemoryArticleSource } from '../../server/src/host/memoryArticleSource';
import { analyzeHere } from '../../server/src/workspace/analyzer';
import type { ArticleCache } from '../../server/src/workspace/diskCache';
import { DEFAULT_SETTINGS } from '../../server/src/workspace/settings';
import { Workspace } from '../../server/src/workspace/workspace';

// Sample articles written for this test: a few names, a place and a date, varied by the generator.
const PEOPLE = ['Ilse Marrow', 'Tomas Brandt', 'Hedda Quill', 'Oren Vasquez', 'Mira Solberg'];
const PLACES = ['Lisbon', 'Oslo', 'Nairobi', 'Lima'];

/** A small deterministic generator, so a failing seed can be replayed. */
function generator(seed: number) {
  let state = seed * 7919 + 1;
  const rnd = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const pick = <X>(xs: readonly X[]) => xs[Math.floor(rnd() * xs.length)];
  return { rnd, pick };
}

type Gen = ReturnType<typeof generator>;

function articleText(g: Gen, n: number): string {
  return `Sample ${n}\ndate 2024-03-0${1 + Math.floor(g.rnd() * 9)}\n\n${g.pick(PEOPLE)} met ${g.pick(PEOPLE)} in ${g.pick(PLACES)} on Monday.\n`;
}

/** Waits a few turns of the event loop, as slow I/O or a busy worker would. */
async function ticks(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

const FOLDER = '/w';
const uriOf = (p: string) => URI.file(p).toString();

function workspaceOn(source: MemoryArticleSource, g?: Gen, cache?: ArticleCache, logs: string[] = []): Workspace {
  // Analysis off the main thread answers late and in any order; so does this one.
  const analyze = g ? async (text: string, options: AnalyzeOptions) => (await ticks(Math.floor(g.rnd() * 6)), analyzeHere(text, options)) : undefined;
  const ws = new Workspace(source, { log: (m) => logs.push(m), progress: () => undefined }, { analyze, cache });
  ws.setFolders([{ uri: uriOf(FOLDER), fsPath: FOLDER, settings: { ...DEFAULT_SETTINGS } }]);
  return ws;
}

/** Everything a user sees of the index: each article's text and mentions, and each entity's articles (the reverse map). */
function snapshot(ws: Workspace) {
  const articles = [...ws.corpus.uris()].sort().map((uri) => ({
    uri,
    text: ws.corpus.article(uri)!.text,
    mentions: ws.corpus.mentionsIn(uri, T).map((m) => `${m.id}@${m.mention.start}-${m.mention.end}`),
    dates: ws.corpus.datesIn(uri, T).map((d) => `${d.value}@${d.start}`),
  }));
  const entities = ws.corpus
    .entityIds(T)
    .sort()
    .map((id) => ({ id, articles: ws.corpus.articlesOf(id, T), references: ws.corpus.occurrencesOf(id, 10_000, T).length }));
  return { articles, entities };
}

/** What a clean index of the disk as it is now gives. */
async function cleanIndexOf(source: MemoryArticleSource) {
  const fresh = new MemoryArticleSource();
  for (const [p, t] of source.files) fresh.files.set(p, t);
  const ws = workspaceOn(fresh);
  await ws.indexAll();
  return snapshot(ws);
}

/**
 * Fires `count` random file events (create, change, rename, delete) at random moments while the
 * workspace indexes; the disk changes at once and each event arrives a little later, as a
 * watcher's would. Sometimes a buffer is opened, edited and closed, or a second full index starts.
 */
async function churn(ws: Workspace, source: MemoryArticleSource, g: Gen, count: number, next: { n: number; mtime: number }): Promise<void> {
  const delivered: Promise<void>[] = [];
  const deliver = (events: [string, 'created' | 'changed' | 'deleted'][]) => {
    delivered.push(
      (async () => {
        await ticks(Math.floor(g.rnd() * 4));
        // The server handles one batch's events in order (server.ts), batches concurrently.
        for (const [p, kind] of events) await ws.fileChanged(uriOf(p), kind);
      })(),
    );
  };
  const write = (p: string, text: string) => {
    source.files.set(p, text);
    source.mtimes.set(p, ++next.mtime);
  };
  for (let i = 0; i < count; i++) {
    await ticks(Math.floor(g.rnd() * 5));
    const existing = [...source.files.keys()].filter((p) => p.endsWith('.txt'));
    const roll = g.rnd();
    const fresh = `${FOLDER}/d${Math.floor(g.rnd() * 3)}/a${next.n++}.txt`;
    if (roll < 0.25 || existing.length === 0) {
      write(fresh, articleText(g, next.n));
      deliver([[fresh, 'created']]);
    } else if (roll < 0.5) {
      const p = g.pick(existing);
      write(p, articleText(g, next.n));
      deliver([[p, 'changed']]);
    } else if (roll < 0.75) {
      const from = g.pick(existing);
      const text = source.files.get(from)!;
      source.files.delete(from);
      write(fresh, typeof text === 'string' ? text : '');
      deliver([
        [from, 'deleted'],
        [fresh, 'created'],
      ]);
    } else if (roll < 0.95) {
      const p = g.pick(existing);
      source.files.delete(p);
      deliver([[p, 'deleted']]);
    } else if (roll < 0.98) {
      const p = g.pick(existing);
      ws.openOrChange(uriOf(p), 1, `Edited ${p}\n\nHedda Quill spoke in Oslo.\n`);
      await ticks(Math.floor(g.rnd() * 4));
      await ws.settled();
      delivered.push(ws.close(uriOf(p)));
    } else {
      delivered.push(ws.indexAll());
    }
  }
  await Promise.all(delivered);
}

async function seededRun(seed: number, cache?: ArticleCache, logs: string[] = []) {
  const g = generator(seed);
  const source = new MemoryArticleSource();
  const next = { n: 0, mtime: 1 };
  for (let i = 0; i < 20; i++) source.files.set(`${FOLDER}/d${i % 3}/a${next.n++}.txt`, articleText(g, i));
  source.pause = () => ticks(Math.floor(g.rnd() * 5));
  const ws = workspaceOn(source, g, cache, logs);
  await Promise.all([ws.indexAll(), churn(ws, source, g, 30, next)]);
  await ws.whenReady();
  return { ws, source };
}

describe('File churn while indexing', () => {
  it('leaves the index equal to a clean index of the disk after 120 seeded interleavings of events with reads and analyses', async () => {
    for (let seed = 1; seed <= 120; seed++) {
      const { ws, source } = await seededRun(seed);
      const clean = await cleanIndexOf(source);
      assert.deepEqual(snapshot(ws), clean, `seed ${seed}`);
      await ws.dispose();
    }
  });

  it('writes a cache that a warm start trusts only where it still matches the disk, even when a second index starts while the cache loads', async () => {
    for (let seed = 1; seed <= 25; seed++) {
      const dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-churn-'));
      try {
        const { ws, source } = await seededRun(seed, new AnalysisCache(dir, 'churn-test'));
        await ws.dispose();
        // A warm start from that cache, with no events: the cached analyses it keeps must be the disk's.
        const logs: string[] = [];
        const warm = workspaceOn(source, undefined, new AnalysisCache(dir, 'churn-test'), logs);
        source.pause = undefined;
        const readsBefore = source.reads;
        await warm.indexAll();
        assert.deepEqual(snapshot(warm), await cleanIndexOf(source), `seed ${seed}`);
        assert.ok(source.reads - readsBefore < source.files.size, `seed ${seed}: the warm start used its cache (${source.reads - readsBefore} reads of ${source.files.size} files) ${logs.join('; ')}`);
        await warm.dispose();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
