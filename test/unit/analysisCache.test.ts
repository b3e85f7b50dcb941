import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { analyzeArticle } from '../../server/src/analysis';
import { packArticle } from '../../server/src/corpus/packedArticle';
import { NOT_CANCELLED as T } from '../../server/src/corpus/queries';
import { ValueTable } from '../../server/src/corpus/valueTable';
import { AnalysisCache, type CacheEntry } from '../../server/src/host/analysisCache';
import { CacheDecoder, CacheEncoder, trailerRange } from '../../server/src/host/cacheCodec';
import { MemoryArticleSource } from '../../server/src/host/memoryArticleSource';
import { DEFAULT_SETTINGS } from '../../server/src/workspace/settings';
import { Workspace } from '../../server/src/workspace/workspace';

const TEXT = 'Harbour Talks\ndate 2024-03-05\n\nMs Ilse Marrow said on 2024-03-04 that 4,000 workers would return.\n';

/** The value table the test entries are packed against, as a corpus's would be. */
const table = new ValueTable();

function entry(text = TEXT): CacheEntry {
  return { size: text.length, mtimeMs: 5, article: packArticle(table, text, analyzeArticle(text)) };
}

describe('AnalysisCache', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-cache-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips entries exactly', async () => {
    const cache = new AnalysisCache(path.join(dir, 'a'), 'engine-1');
    const entries = new Map([['file:///w/a.txt', entry()]]);
    assert.equal(await cache.save(entries), undefined);
    const loaded = await cache.load(table);
    assert.equal(loaded.problem, undefined);
    assert.deepEqual(loaded.entries, entries);
  });

  it('decodes the same entries whatever the chunks the file is read in', () => {
    const texts = [TEXT, 'Quay Vote\ndate 2024-03-06\n\nDockers in Kestrel Bay voted on Tuesday; 62% backed Ms Marrow.\n', ''];
    const encoder = new CacheEncoder({ magic: 'test' });
    const body = Buffer.concat(texts.map((t, i) => encoder.entry(`file:///w/${i}.txt`, entry(t))));
    const file = Buffer.concat([body, encoder.trailer()]);
    const { start, end } = trailerRange(file.subarray(file.length - 8), file.length);
    assert.equal(start, body.length);
    const whole = new CacheDecoder(file.subarray(start, end), table);
    whole.push(body);
    const expected = whole.finish().entries;
    assert.deepEqual(expected.map(([uri, e]) => [uri, e.article.text]), texts.map((t, i) => [`file:///w/${i}.txt`, t]));
    for (const size of [1, 3, 7, 64, 1000]) {
      const decoder = new CacheDecoder(file.subarray(start, end), table);
      for (let at = 0; at < body.length; at += size) decoder.push(body.subarray(at, at + size));
      assert.deepEqual(decoder.finish().entries, expected, `chunks of ${size} bytes`);
    }
    const short = new CacheDecoder(file.subarray(start, end), table);
    short.push(body.subarray(0, body.length - 5));
    assert.throws(() => short.finish(), /overruns|checksum/);
  });

  it('starts empty without complaint when there is no cache yet', async () => {
    const loaded = await new AnalysisCache(path.join(dir, 'none'), 'engine-1').load(table);
    assert.deepEqual([loaded.entries.size, loaded.problem], [0, undefined]);
  });

  for (const [name, damage] of [
    ['corrupt', (b: Buffer) => Buffer.concat([b.subarray(0, b.length - 40), Buffer.from('x'.repeat(40))])],
    ['truncated', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
    ['empty', () => Buffer.alloc(0)],
    ['not a cache', () => Buffer.from('{"hello":"world"}\n[]')],
  ] as const) {
    it(`ignores a ${name} cache and says why`, async () => {
      const folder = path.join(dir, name.replace(/ /g, '-'));
      const cache = new AnalysisCache(folder, 'engine-1');
      await cache.save(new Map([['file:///w/a.txt', entry()]]));
      writeFileSync(cache.path, damage(readFileSync(cache.path)));
      const loaded = await cache.load(table);
      assert.equal(loaded.entries.size, 0);
      assert.match(loaded.problem ?? '', /ignored|rebuilding/);
    });
  }

  it('removes the temporary files of servers killed while writing, and keeps a live writer\'s', async () => {
    const folder = path.join(dir, 'killed');
    const cache = new AnalysisCache(folder, 'engine-1');
    await cache.save(new Map([['file:///w/a.txt', entry()]]));
    // A real writer killed half-way: a child process saves a large cache and is killed as soon
    // as its temporary file appears.
    const out = (file: string) => JSON.stringify(path.resolve(__dirname, '../../server/src', file));
    const child = spawn(process.execPath, ['-e', `
      const { AnalysisCache } = require(${out('host/analysisCache.js')});
      const { packArticle } = require(${out('corpus/packedArticle.js')});
      const { ValueTable } = require(${out('corpus/valueTable.js')});
      const { analyzeArticle } = require(${out('analysis/index.js')});
      const text = ${JSON.stringify(TEXT)}.repeat(40);
      const article = packArticle(new ValueTable(), text, analyzeArticle(text));
      const entries = new Map();
      for (let i = 0; i < 20000; i++) entries.set('file:///w/' + i + '.txt', { size: text.length, mtimeMs: 5, article: { ...article, hash: 'h' + i } });
      new AnalysisCache(${JSON.stringify(folder)}, 'engine-1').save(entries);
    `], { stdio: 'ignore' });
    const tmp = path.join(folder, `corpus-cache.bin.${child.pid}.tmp`);
    for (let i = 0; i < 2000 && !existsSync(tmp); i++) await new Promise((r) => setTimeout(r, 5));
    assert.ok(existsSync(tmp), 'the child never started writing');
    child.kill('SIGKILL');
    await once(child, 'exit');
    // A live writer's file (this test's parent process stands in for one) is left alone unless it is old.
    const live = path.join(folder, `corpus-cache.bin.${process.ppid}.tmp`);
    const other = path.join(folder, 'corpus-cache.bin.notes.tmp');
    writeFileSync(live, 'being written');
    writeFileSync(other, 'not a cache write: another name');
    const loaded = await new AnalysisCache(folder, 'engine-1').load(table);
    assert.equal(loaded.problem, undefined);
    assert.deepEqual([...loaded.entries.keys()], ['file:///w/a.txt'], 'the last complete cache survives the kill');
    assert.ok(!existsSync(tmp), 'the killed writer\'s file is gone');
    assert.ok(existsSync(live), 'a live writer\'s recent file stays');
    assert.ok(existsSync(other), 'files of other names stay');
    const hourAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(live, hourAgo, hourAgo);
    await new AnalysisCache(folder, 'engine-1').load(table);
    assert.ok(!existsSync(live), 'a file nobody touched for two hours is stale, whoever named it');
  });

  it('never trusts a cache from another engine build', async () => {
    const folder = path.join(dir, 'stale');
    await new AnalysisCache(folder, 'engine-1').save(new Map([['file:///w/a.txt', entry()]]));
    const loaded = await new AnalysisCache(folder, 'engine-2').load(table);
    assert.equal(loaded.entries.size, 0);
    assert.match(loaded.problem ?? '', /another version/);
  });

  it('reports a folder it cannot write instead of throwing', async () => {
    const blocker = path.join(dir, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const problem = await new AnalysisCache(path.join(blocker, 'sub'), 'engine-1').save(new Map([['x', entry()]]));
    assert.match(problem ?? '', /could not write the cache/);
  });

  it('lets a warm index skip reading unchanged files and re-read changed ones', async () => {
    const cache = new AnalysisCache(path.join(dir, 'warm'), 'engine-1');
    const files = { '/w/a.txt': TEXT, '/w/b.txt': TEXT.replace('Marrow', 'Brack') };
    const index = async (source: MemoryArticleSource) => {
      const ws = new Workspace(source, { log: () => undefined, progress: () => undefined }, { cache });
      ws.setFolders([{ uri: URI.file('/w').toString(), fsPath: '/w', settings: DEFAULT_SETTINGS }]);
      await ws.indexAll();
      return ws;
    };
    const cold = await index(new MemoryArticleSource(files));
    assert.equal(cold.corpus.size, 2);
    const unchanged = new MemoryArticleSource(files);
    const warm = await index(unchanged);
    assert.equal(unchanged.reads, 0);
    const a = URI.file('/w/a.txt').toString();
    assert.deepEqual([warm.corpus.mentionsIn(a, T), warm.corpus.datesIn(a, T), warm.corpus.figuresIn(a, T)], [cold.corpus.mentionsIn(a, T), cold.corpus.datesIn(a, T), cold.corpus.figuresIn(a, T)]);
    const changed = new MemoryArticleSource({ ...files, '/w/b.txt': TEXT.replace('Marrow', 'Okafor') });
    const rewarm = await index(changed);
    assert.equal(changed.reads, 1);
    assert.ok(rewarm.corpus.article(URI.file('/w/b.txt').toString())!.text.includes('Okafor'));
  });
});
