import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/analysis';
import { packArticle } from '../../server/src/corpus/packedArticle';
import { ValueTable } from '../../server/src/corpus/valueTable';
import { AnalysisCache, engineFingerprint, type CacheEntry } from '../../server/src/host/analysisCache';
import { CacheEncoder } from '../../server/src/host/cacheCodec';

// The cache file on disk around the codec: which files it refuses and why, the temporary files
// it cleans up, a save that fails half-way, and the engine fingerprint that guards it.
// analysisCache.test.ts covers the round trip and damaged files.

const TEXT = 'Ferry Fares\ndate 2024-03-12\n\nMinister Tobias Lindqvist said on Tuesday that fares stay at 3 euros.\n';
const table = new ValueTable();
const entry = (): CacheEntry => ({ size: TEXT.length, mtimeMs: 7, article: packArticle(table, TEXT, analyzeArticle(TEXT)) });

let dir: string;
before(() => (dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-cachefile-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A cache file written with other header fields than AnalysisCache writes. */
function writeWith(folder: string, extra: Record<string, unknown>): void {
  mkdirSync(folder, { recursive: true });
  const encoder = new CacheEncoder(extra);
  const body = encoder.entry('file:///w/a.txt', entry());
  writeFileSync(path.join(folder, 'corpus-cache.bin'), Buffer.concat([body, encoder.trailer()]));
}

describe('the cache file on disk', () => {
  it('reads back what it wrote with its own header, and refuses another format or another magic', async () => {
    const good = path.join(dir, 'good');
    writeWith(good, { magic: 'corpus-lens-cache', format: 4, engine: 'e1' });
    assert.deepEqual([...(await new AnalysisCache(good, 'e1').load(table)).entries.keys()], ['file:///w/a.txt']);
    for (const [name, extra] of [
      ['old-format', { magic: 'corpus-lens-cache', format: 3, engine: 'e1' }],
      ['other-magic', { magic: 'some-other-cache', format: 4, engine: 'e1' }],
    ] as const) {
      const folder = path.join(dir, name);
      writeWith(folder, extra);
      const loaded = await new AnalysisCache(folder, 'e1').load(table);
      assert.deepEqual([loaded.entries.size, loaded.problem], [0, 'cache ignored: not a Corpus Lens cache of this format; rebuilding'], name);
    }
  });

  it('says why a cache it cannot open is not used', async () => {
    const blocker = path.join(dir, 'blocker');
    writeFileSync(blocker, 'a file where the storage folder should be');
    const loaded = await new AnalysisCache(blocker, 'e1').load(table);
    assert.deepEqual([loaded.entries.size, loaded.problem], [0, 'cache unreadable (ENOTDIR); rebuilding']);
  });

  it('removes a temporary file named after this process, which has not started writing', async () => {
    const folder = path.join(dir, 'own');
    const cache = new AnalysisCache(folder, 'e1');
    await cache.save(new Map([['file:///w/a.txt', entry()]]));
    const mine = path.join(folder, `corpus-cache.bin.${process.pid}.tmp`);
    writeFileSync(mine, 'left by an earlier save of this process id');
    // A name that only ends like a temporary file of the cache is someone else's.
    const lookalike = path.join(folder, `old-corpus-cache.bin.999999999.tmp`);
    writeFileSync(lookalike, 'not ours');
    await cache.load(table);
    assert.equal(existsSync(mine), false);
    assert.equal(existsSync(lookalike), true);
  });

  it('leaves no temporary file behind when the last step of a save fails', async () => {
    const folder = path.join(dir, 'rename-fails');
    // A folder with something in it where the cache file goes: the rename into place fails.
    mkdirSync(path.join(folder, 'corpus-cache.bin', 'inside'), { recursive: true });
    const problem = await new AnalysisCache(folder, 'e1').save(new Map([['file:///w/a.txt', entry()]]));
    assert.match(problem ?? '', new RegExp(`^could not write the cache at ${path.join(folder, 'corpus-cache.bin').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    assert.deepEqual(readdirSync(folder), ['corpus-cache.bin']);
  });
});

describe('the engine fingerprint', () => {
  it('changes with the code files and with which of them are missing', () => {
    const a = path.join(dir, 'engine-a.js');
    writeFileSync(a, 'module.exports = 1;\n');
    const first = engineFingerprint([a]);
    assert.match(first, /^[0-9a-f]{16}$/);
    assert.equal(engineFingerprint([a]), first, 'the same files, the same fingerprint');
    writeFileSync(a, 'module.exports = 2;\n');
    assert.notEqual(engineFingerprint([a]), first);
    const missing = [path.join(dir, 'gone-1.js'), path.join(dir, 'gone-2.js')];
    assert.notEqual(engineFingerprint([a, missing[0]]), engineFingerprint([a]), 'a missing file counts');
    assert.notEqual(engineFingerprint([a, missing[0]]), engineFingerprint([a, missing[1]]), 'by its name');
    assert.match(engineFingerprint(), /^[0-9a-f]{16}$/);
  });
});
