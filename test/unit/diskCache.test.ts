import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { ValueTable } from '../../server/src/corpus/valueTable';
import type { CachedArticle } from '../../server/src/host/articleSource';
import { DiskCache, type ArticleCache } from '../../server/src/workspace/diskCache';

function entry(text: string): CachedArticle {
  return { size: text.length, mtimeMs: 1, article: { text, hash: `h-${text}`, packed: { meta: { articleDate: { value: '', source: 'none' }, problems: [] }, counts: [0, 0, 0], cells: new Int32Array(0) }, table: new ValueTable() } };
}

/** A cache that records what it was asked to load and save. */
function fakeCache(stored: [string, CachedArticle][] = [], problem?: string, loaded: Promise<void> = Promise.resolve()) {
  const saves: string[][] = [];
  let loads = 0;
  let release: (() => void) | undefined;
  const cache: ArticleCache & { hold(): void } = {
    async load() {
      loads++;
      await loaded;
      return { entries: new Map(stored), problem };
    },
    async save(entries) {
      saves.push([...entries.keys()]);
      if (release === undefined) return undefined;
      await new Promise<void>((resolve) => (release = resolve));
      return undefined;
    },
    hold() {
      release = () => undefined;
    },
  };
  return { cache, saves, loads: () => loads, release: () => release?.() };
}

describe('Disk cache', () => {
  it('loads once, into the corpus table it is given, and says why it could not', async () => {
    const logs: string[] = [];
    const { cache, loads } = fakeCache([['file:///a.txt', entry('a')]], 'cache ignored: corrupt; rebuilding');
    const disk = new DiskCache(() => cache, (m) => logs.push(m));
    const first = disk.load(new ValueTable());
    assert.equal(disk.load(new ValueTable()), first, 'a second caller shares the first load');
    await first;
    assert.equal(loads(), 1);
    assert.deepEqual(logs, ['cache ignored: corrupt; rebuilding']);
    assert.equal(disk.get('file:///a.txt')?.article.text, 'a');
    assert.equal(new DiskCache(() => undefined, () => undefined).load(new ValueTable()), undefined, 'no cache, nothing to load');
  });

  it('says how many analyses it read, and nothing for an empty cache', async () => {
    const logs: string[] = [];
    await new DiskCache(() => fakeCache([['file:///a.txt', entry('a')], ['file:///b.txt', entry('b')]]).cache, (m) => logs.push(m)).load(new ValueTable());
    assert.deepEqual(logs, ['Read 2 analyses from the cache.']);
    await new DiskCache(() => fakeCache().cache, (m) => logs.push(m)).load(new ValueTable());
    assert.deepEqual(logs, ['Read 2 analyses from the cache.'], 'an empty cache says nothing');
  });

  it('keeps what was read or deleted while it loaded over what the cache file says, and the rest of the file', async () => {
    let finish!: () => void;
    const { cache } = fakeCache([['file:///a.txt', entry('a (cached)')], ['file:///b.txt', entry('b (cached)')], ['file:///c.txt', entry('c (cached)')]], undefined, new Promise<void>((resolve) => (finish = resolve)));
    const disk = new DiskCache(() => cache, () => undefined);
    const loading = disk.load(new ValueTable());
    // A file event reads a.txt again and another deletes b.txt while the file is decoded.
    disk.set('file:///a.txt', entry('a (read now)'), false);
    disk.delete('file:///b.txt', false);
    finish();
    await loading;
    assert.equal(disk.get('file:///a.txt')?.article.text, 'a (read now)');
    assert.equal(disk.get('file:///b.txt'), undefined);
    assert.equal(disk.get('file:///c.txt')?.article.text, 'c (cached)');
  });

  it('writes only when something changed, one write at a time', async () => {
    const { cache, saves, release } = fakeCache();
    const disk = new DiskCache(() => cache, () => undefined);
    await disk.save();
    assert.deepEqual(saves, [], 'nothing changed');
    disk.set('file:///a.txt', entry('a'), false);
    cache.hold();
    const first = disk.save();
    await new Promise((resolve) => setImmediate(resolve));
    // A change while the first write is under way: written by a second write, after the first.
    disk.set('file:///b.txt', entry('b'), false);
    const second = disk.save();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(saves, [['file:///a.txt']], 'the second write waits for the first');
    release();
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await second;
    assert.deepEqual(saves, [['file:///a.txt'], ['file:///a.txt', 'file:///b.txt']]);
    await disk.save();
    assert.equal(saves.length, 2);
  });

  it('forgets files no longer listed, and deletions count as changes', async () => {
    const { cache, saves } = fakeCache([['file:///a.txt', entry('a')], ['file:///b.txt', entry('b')], ['file:///c.txt', entry('c')]]);
    const disk = new DiskCache(() => cache, () => undefined);
    await disk.load(new ValueTable());
    disk.keepOnly((uri) => uri === 'file:///a.txt' || uri === 'file:///c.txt');
    assert.equal(disk.get('file:///b.txt'), undefined);
    await disk.save();
    assert.deepEqual(saves, [['file:///a.txt', 'file:///c.txt']]);
    disk.delete('file:///zzz.txt', false);
    await disk.save();
    assert.equal(saves.length, 1, 'deleting what is not there changes nothing');
    disk.delete('file:///a.txt', false);
    await disk.save();
    assert.deepEqual(saves.at(-1), ['file:///c.txt']);
  });

  it('writes a while after a change once asked to, and at dispose', async () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const { cache, saves } = fakeCache();
      const disk = new DiskCache(() => cache, () => undefined);
      disk.set('file:///a.txt', entry('a'), false);
      mock.timers.tick(60_000);
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(saves, [], 'no write is scheduled while indexing');
      disk.set('file:///b.txt', entry('b'), true);
      mock.timers.tick(4_999);
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(saves, []);
      mock.timers.tick(1);
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(saves, [['file:///a.txt', 'file:///b.txt']]);
      disk.set('file:///c.txt', entry('c'), true);
      await disk.dispose();
      assert.equal(saves.length, 2, 'dispose writes what is pending');
      mock.timers.tick(10_000);
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(saves.length, 2, 'and cancels the timer');
    } finally {
      mock.timers.reset();
    }
  });

  it('forgets unlisted files without scheduling a write, and writes nothing by itself after dispose', async () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const { cache, saves } = fakeCache([['file:///a.txt', entry('a')], ['file:///b.txt', entry('b')]]);
      const disk = new DiskCache(() => cache, () => undefined);
      await disk.load(new ValueTable());
      // A full index prunes: it writes the cache itself once it is ready.
      disk.keepOnly((uri) => uri === 'file:///a.txt');
      mock.timers.tick(60_000);
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(saves, [], 'pruning schedules no write');
      disk.set('file:///c.txt', entry('c'), true);
      await disk.dispose();
      assert.deepEqual(saves, [['file:///a.txt', 'file:///c.txt']]);
      // A change after dispose (a read that was still under way) waits for the next save.
      disk.set('file:///d.txt', entry('d'), false);
      mock.timers.tick(60_000);
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(saves.length, 1, 'the timer of the change before dispose was stopped');
    } finally {
      mock.timers.reset();
    }
  });

  it('reports a failed write, and says nothing of one that worked', async () => {
    const logs: string[] = [];
    const { cache } = fakeCache();
    const working = new DiskCache(() => cache, (m) => logs.push(m));
    working.set('file:///a.txt', entry('a'), false);
    await working.save();
    assert.deepEqual([...logs], [], 'a write that worked says nothing');
    const disk = new DiskCache(() => ({ load: async () => ({ entries: new Map() }), save: async () => 'could not write the cache at /x: EROFS' }), (m) => logs.push(m));
    disk.set('file:///a.txt', entry('a'), false);
    await disk.save();
    assert.deepEqual(logs, ['could not write the cache at /x: EROFS']);
  });
});
