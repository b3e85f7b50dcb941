import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ReadResult } from '../../server/src/host/articleSource';
import { NodeArticleSource, statInWorker } from '../../server/src/host/nodeArticleSource';

describe('NodeArticleSource on a real folder', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-source-'));
    mkdirSync(path.join(dir, 'a/b'), { recursive: true });
    writeFileSync(path.join(dir, 'one.txt'), 'One\n');
    writeFileSync(path.join(dir, 'a/b/two.txt'), '\uFEFFTwo\n');
    writeFileSync(path.join(dir, 'a/skip.md'), 'not an article');
    mkdirSync(path.join(dir, 'node_modules/pkg'), { recursive: true });
    writeFileSync(path.join(dir, 'node_modules/pkg/readme.txt'), 'never read');
    // A symlink loop must end the walk, not hang it.
    symlinkSync(path.join(dir, 'a'), path.join(dir, 'a/b/loop'));
    symlinkSync(path.join(dir, 'missing.txt'), path.join(dir, 'dangling.txt'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lists articles recursively, once each, without node_modules or dangling links', async () => {
    const { paths } = await new NodeArticleSource().list(dir, { include: ['**/*.txt'], exclude: [] });
    assert.deepEqual(paths.map((p) => path.relative(dir, p)).sort(), ['a/b/two.txt', 'one.txt']);
  });

  it('reads text without the BOM and reports what it cannot read', async () => {
    const source = new NodeArticleSource();
    assert.deepEqual(await source.read(path.join(dir, 'a/b/two.txt'), 1024), { text: 'Two\n', replaced: false });
    assert.deepEqual(await source.read(path.join(dir, 'gone.txt'), 1024), { skipped: 'no longer exists' });
    assert.deepEqual(await source.read(path.join(dir, 'a'), 1024), { skipped: 'not a regular file' });
  });

  it('never waits on a named pipe or a device, listed or named by an event, even when an article became one after it was listed', { skip: process.platform === 'win32' }, async () => {
    // A pipe has no writer: a plain read of it would wait forever and hold a thread of the pool.
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    try {
      const source = new NodeArticleSource();
      const { paths } = await source.list(dir, { include: ['**/*.txt'], exclude: [] });
      assert.ok(!paths.some((p) => p.endsWith('pipe.txt')), 'a pipe is not listed');
      const deadline = (work: Promise<ReadResult>): Promise<ReadResult> =>
        Promise.race([work, new Promise<ReadResult>((_, reject) => setTimeout(() => reject(new Error('the read waited on the pipe')), 3000).unref())]);
      // Named by a file event (no stamp), and after the listing saw a regular file there (a stamp).
      const unknown = await deadline(source.read(path.join(dir, 'pipe.txt'), 1_000_000));
      assert.deepEqual(unknown, { skipped: 'not a regular file' });
      const stamped = await deadline(source.read(path.join(dir, 'pipe.txt'), 1_000_000, { size: 12, mtimeMs: 1 }));
      assert.deepEqual(stamped, { skipped: 'not a regular file' });
      assert.deepEqual(await deadline(source.read('/dev/zero', 1_000_000, { size: 0, mtimeMs: 1 })), { skipped: 'not a regular file' });
    } finally {
      rmSync(path.join(dir, 'pipe.txt'), { force: true });
    }
  });

  it('stats many files at once as it stats one, in the worker and without it', async () => {
    const worker = path.resolve(__dirname, '../../../dist/statWorker.js');
    assert.ok(existsSync(worker), 'dist/statWorker.js is missing: run npm run build');
    mkdirSync(path.join(dir, 'many'));
    const paths: string[] = [];
    for (let i = 0; i < 150; i++) {
      const file = path.join(dir, 'many', `${i}.txt`);
      if (i % 10 !== 3) writeFileSync(file, 'x'.repeat(i));
      paths.push(file);
    }
    paths.push(path.join(dir, 'a'), path.join(dir, 'dangling.txt'), path.join(dir, 'a/b/two.txt'));
    const one = new NodeArticleSource();
    const expected = await Promise.all(paths.map((p) => one.stat(p)));
    assert.equal(expected.filter((s) => s === undefined).length, 15 + 2);
    assert.deepEqual(expected[5], { size: 5, mtimeMs: expected[5]!.mtimeMs });
    assert.deepEqual(await statInWorker(worker, paths), expected, 'the worker itself');
    assert.deepEqual(await new NodeArticleSource(worker).statMany(paths), expected);
    assert.deepEqual(await one.statMany(paths), expected);
    assert.deepEqual(await new NodeArticleSource(path.join(dir, 'no-such-worker.js')).statMany(paths), expected);
  });
});
