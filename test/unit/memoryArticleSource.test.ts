import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyCorrections } from '../../server/src/corpus/corrections';
import { MemoryArticleSource } from '../../server/src/host/memoryArticleSource';

// The in-memory article source the other tests stand on: it must behave as the disk does
// (listing, stamps, reads, limits, the corrections file), or they test a different world.

describe('the in-memory article source', () => {
  it('lists the articles under a folder in path order, and nothing beside it', async () => {
    const source = new MemoryArticleSource({ '/w/b.txt': 'B', '/w/a.txt': 'A', '/w/sub/c.txt': 'C', '/w/notes.md': 'M', '/wx/d.txt': 'D', '/w/node_modules/e.txt': 'E' });
    const filter = { include: ['**/*.txt'], exclude: [] };
    assert.deepEqual(await source.list('/w', filter), { paths: ['/w/a.txt', '/w/b.txt', '/w/sub/c.txt'], problems: [] });
    assert.deepEqual((await source.list('/w/', filter)).paths, ['/w/a.txt', '/w/b.txt', '/w/sub/c.txt']);
    assert.deepEqual((await source.list('/w', { include: ['**/*.md'], exclude: [] })).paths, ['/w/notes.md']);
  });

  it('stamps files with their size in bytes and a modification time tests move', async () => {
    const source = new MemoryArticleSource({ '/w/a.txt': 'Café', '/w/b.bin': new Uint8Array([1, 2, 3]) });
    assert.deepEqual(await source.stat('/w/a.txt'), { size: 5, mtimeMs: 1 });
    assert.deepEqual(await source.stat('/w/b.bin'), { size: 3, mtimeMs: 1 });
    source.mtimes.set('/w/a.txt', 9);
    assert.deepEqual(await source.stat('/w/a.txt'), { size: 5, mtimeMs: 9 });
    assert.equal(await source.stat('/w/gone.txt'), undefined);
  });

  it('reads text as the disk reader does, counts reads, and refuses what is too large or gone', async () => {
    const source = new MemoryArticleSource({ '/w/a.txt': '\uFEFFCafé', '/w/nul.txt': new Uint8Array([65, 0, 66]) });
    assert.deepEqual(await source.read('/w/a.txt', 100), { text: 'Café', replaced: false });
    assert.deepEqual(await source.read('/w/a.txt', 8), { text: 'Café', replaced: false }, 'exactly the limit');
    assert.deepEqual(await source.read('/w/a.txt', 7), { skipped: 'larger than the size limit (8 bytes)' });
    assert.deepEqual(await source.read('/w/nul.txt', 100), { skipped: 'binary file (contains NUL bytes)' });
    assert.deepEqual(await source.read('/w/gone.txt', 100), { skipped: 'no longer exists' });
    assert.equal(source.reads, 5);
  });

  it('lets a test hold each listing, stat and read, saying which and of what', async () => {
    const source = new MemoryArticleSource({ '/w/a.txt': 'A' });
    const seen: string[] = [];
    source.pause = async (operation, path) => {
      seen.push(`${operation} ${path}`);
    };
    await source.list('/w', { include: [], exclude: [] });
    await source.stat('/w/a.txt');
    await source.read('/w/a.txt', 10);
    assert.deepEqual(seen, ['list /w', 'list /w', 'stat /w/a.txt', 'read /w/a.txt']);
    // A file added while the listing waits is listed: it looks at the files after the pause.
    const late = new MemoryArticleSource({});
    late.pause = async (operation) => {
      if (operation === 'list') late.files.set('/w/late.txt', 'L');
    };
    assert.deepEqual((await late.list('/w', { include: [], exclude: [] })).paths, ['/w/late.txt']);
  });

  it('reads, refuses and rewrites the corrections file as the disk does', async () => {
    const source = new MemoryArticleSource({ '/w/.corpuslens.json': '{"notEntity": ["Acme"]}', '/v/.corpuslens.json': new TextEncoder().encode('{"notEntity": ["Bolt"]}'), '/x/.corpuslens.json': '{ broken' });
    assert.deepEqual(await source.readCorrections('/none'), { state: 'absent', corrections: emptyCorrections() });
    const ok = await source.readCorrections('/w');
    assert.deepEqual([ok.state, ok.corrections.notEntity, ok.state === 'ok' && ok.text], ['ok', ['Acme'], '{"notEntity": ["Acme"]}']);
    assert.deepEqual((await source.readCorrections('/v')).corrections.notEntity, ['Bolt']);
    const broken = await source.readCorrections('/x');
    assert.equal(broken.state, 'invalid');
    assert.match(broken.state === 'invalid' ? broken.problem : '', /not valid JSON/);
    assert.deepEqual(broken.corrections, emptyCorrections());
    assert.deepEqual(await source.updateCorrections('/x', (c) => c), { problem: broken.state === 'invalid' ? broken.problem : '' });
    assert.equal(source.files.get('/x/.corpuslens.json'), '{ broken', 'an invalid file is never overwritten');
    assert.deepEqual(await source.updateCorrections('/w', () => ({ problem: 'refused' })), { problem: 'refused' });
    const updated = await source.updateCorrections('/w', (c) => ({ ...c, notEntity: [...c.notEntity, 'Crane'] }));
    assert.deepEqual('corrections' in updated && updated.corrections.notEntity, ['Acme', 'Crane']);
    assert.deepEqual((await source.readCorrections('/w')).corrections.notEntity, ['Acme', 'Crane']);
  });
});
