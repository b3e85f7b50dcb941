import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
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
