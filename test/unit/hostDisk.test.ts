import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { emptyCorrections } from '../../server/src/corpus/corrections';
import { articleMatcher } from '../../server/src/host/articleSource';
import { readCorrectionsFile } from '../../server/src/host/correctionsFile';
import { decodeArticle } from '../../server/src/host/decodeArticle';
import { escapesFolder, isInside, leavesFolderMessage } from '../../server/src/host/insideFolder';
import { NodeArticleSource, statInWorker } from '../../server/src/host/nodeArticleSource';

// The disk reader's edges, on a real temporary folder: what a listing includes, skips and
// says, how links are followed, size limits, decoding, and a stat worker that fails.
// Every file is an invented sample written here.

let root: string;
let outside: string;
before(() => {
  root = realpathSync(mkdtempSync(path.join(tmpdir(), 'corpus-lens-disk-')));
  outside = path.join(root, 'elsewhere');
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'secret.txt'), 'Not part of the corpus.\n');
});
after(() => rmSync(root, { recursive: true, force: true }));

function corpus(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const ALL = { include: ['**/*.txt'], exclude: [] };
const rel = (dir: string, paths: string[]) => paths.map((p) => path.relative(dir, p));

describe('listing a folder', () => {
  it('lists articles in name order, walking folders as it meets them, skipping excluded folders', async () => {
    const dir = corpus('order', { 'b.txt': 'B', 'a.txt': 'A', 'c/z.txt': 'Z', 'c/d.txt': 'D', 'B.txt': 'upper', 'drafts/x.txt': 'X', 'notes.md': 'M', '.git/x.txt': 'G', '\u{1F600}.txt': 'emoji', '\uFF58.txt': 'wide' });
    // "drafts" names a folder, not its files: the folder is skipped whole.
    const listed = await new NodeArticleSource().list(dir, { include: ['**/*.txt'], exclude: ['drafts'] });
    // UTF-16 order, the same on every platform (the emoji's surrogates sort before U+FF58, unlike their UTF-8 bytes).
    assert.deepEqual(rel(dir, listed.paths), ['B.txt', 'a.txt', 'b.txt', 'c/d.txt', 'c/z.txt', '\u{1F600}.txt', '\uFF58.txt']);
    assert.deepEqual([listed.problems, listed.skipped], [[], []]);
  });

  it('follows links that stay inside the folder once, and says which leave it or loop', async () => {
    const dir = corpus('links', { 'real/one.txt': 'One', 'two.txt': 'Two' });
    symlinkSync(path.join(dir, 'real'), path.join(dir, 'alias'));
    symlinkSync(path.join(dir, 'two.txt'), path.join(dir, 'three.txt'));
    symlinkSync(outside, path.join(dir, 'away'));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'secret.txt'));
    symlinkSync(path.join(dir, 'self.txt'), path.join(dir, 'self.txt'));
    symlinkSync(path.join(dir, 'nothing.txt'), path.join(dir, 'dangling.txt'));
    const listed = await new NodeArticleSource().list(dir, ALL);
    // The folder behind "alias" is walked there, not again under its own name.
    assert.deepEqual(rel(dir, listed.paths), ['alias/one.txt', 'three.txt', 'two.txt']);
    assert.deepEqual(listed.problems, [
      `${path.join(dir, 'away')}: ${leavesFolderMessage(outside)}`,
      `${path.join(dir, 'secret.txt')}: ${leavesFolderMessage(path.join(outside, 'secret.txt'))}`,
      `${path.join(dir, 'self.txt')}: symbolic link loop`,
    ]);
    assert.deepEqual(listed.skipped, [
      { path: path.join(dir, 'away'), reason: `a link to ${outside}, outside the workspace folder: not read` },
      { path: path.join(dir, 'secret.txt'), reason: `a link to ${path.join(outside, 'secret.txt')}, outside the workspace folder: not read` },
    ]);
  });

  it('says so when the folder is gone, and lists nothing once cancelled', async () => {
    const gone = path.join(root, 'never-made');
    assert.deepEqual(await new NodeArticleSource().list(gone, ALL), { paths: [], problems: [`${gone}: no longer exists`] });
    const dir = corpus('cancelled', { 'a.txt': 'A' });
    assert.deepEqual(await new NodeArticleSource().list(dir, ALL, { isCancellationRequested: true }), { paths: [], problems: [], skipped: [] });
    const empty = corpus('nothing-here', {});
    mkdirSync(empty, { recursive: true });
    assert.deepEqual(await new NodeArticleSource().list(empty, ALL), { paths: [], problems: [], skipped: [] });
  });

  it('matches articles and excluded folders by their folder-relative path', () => {
    const m = articleMatcher({ include: ['news/**/*.txt'], exclude: ['news/old/**', '**/*.bak.txt'] });
    assert.deepEqual(['news/a.txt', 'news/old/a.txt', 'news/a.bak.txt', 'other/a.txt', 'node_modules/x/a.txt'].map((p) => m.isArticle(p)), [true, false, false, false, false]);
    assert.deepEqual(['news/old', 'news', 'node_modules', '.git', 'a/.git'].map((p) => m.skipsFolder(p)), [true, false, true, true, true]);
    // No include patterns: every .txt file.
    assert.deepEqual(['a.txt', 'a.md'].map((p) => articleMatcher({ include: [], exclude: [] }).isArticle(p)), [true, false]);
  });
});

describe('reading a file', () => {
  it('reads a file of exactly the size limit and refuses one byte more, by the stamp or by the file', async () => {
    const dir = corpus('sizes', { 'fits.txt': 'x'.repeat(3000), 'over.txt': 'x'.repeat(3001) });
    const source = new NodeArticleSource();
    assert.deepEqual(await source.read(path.join(dir, 'fits.txt'), 3000), { text: 'x'.repeat(3000), replaced: false });
    // Sizes in whole KB, rounded.
    assert.deepEqual(await source.read(path.join(dir, 'over.txt'), 3000), { skipped: 'larger than the size limit (3 KB > 3 KB; see corpusLens.maxFileSizeKB)' });
    // The stamp from the listing is believed first: the file is not even opened.
    assert.deepEqual(await source.read(path.join(dir, 'fits.txt'), 3000, { size: 10_000, mtimeMs: 1 }), { skipped: 'larger than the size limit (10 KB > 3 KB; see corpusLens.maxFileSizeKB)' });
    assert.deepEqual(await source.read(path.join(dir, 'fits.txt'), 3000, { size: 3000, mtimeMs: 1 }), { text: 'x'.repeat(3000), replaced: false });
  });

  it('refuses a link that leaves the folder when the folder is given, and reads one that stays', async () => {
    const dir = corpus('read-links', { 'a.txt': 'Inside.\n' });
    symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'out.txt'));
    symlinkSync(path.join(dir, 'a.txt'), path.join(dir, 'in.txt'));
    const source = new NodeArticleSource();
    assert.deepEqual(await source.read(path.join(dir, 'out.txt'), 1024, undefined, dir), { skipped: leavesFolderMessage(path.join(outside, 'secret.txt')) });
    assert.deepEqual(await source.read(path.join(dir, 'in.txt'), 1024, undefined, dir), { text: 'Inside.\n', replaced: false });
    assert.deepEqual(await source.read(path.join(dir, 'gone.txt'), 1024, undefined, dir), { skipped: 'no longer exists' });
    // Without a folder nothing is checked (the caller checked it).
    assert.deepEqual(await source.read(path.join(dir, 'out.txt'), 1024), { text: 'Not part of the corpus.\n', replaced: false });
  });

  it('decodes UTF-8 as the editor shows it', () => {
    const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
    assert.deepEqual(decodeArticle(bytes([0xef, 0xbb, 0xbf], 'Café')), { text: 'Café', replaced: false });
    assert.deepEqual(decodeArticle(bytes('Caf', [0xe9], ' noir')), { text: 'Caf\uFFFD noir', replaced: true });
    assert.deepEqual(decodeArticle(bytes('A literal \uFFFD sign')), { text: 'A literal \uFFFD sign', replaced: false });
    assert.deepEqual(decodeArticle(bytes('Ends in ', [0xef, 0xbf])), { text: 'Ends in \uFFFD', replaced: true });
    assert.deepEqual(decodeArticle(bytes('Ends in a literal \uFFFD')), { text: 'Ends in a literal \uFFFD', replaced: false });
    // Bytes that only look like the start or the end of a literal U+FFFD are invalid, so replaced.
    assert.deepEqual(decodeArticle(bytes([0xef, 0x41, 0xbd])), { text: '\uFFFDA\uFFFD', replaced: true });
    assert.deepEqual(decodeArticle(bytes([0xef, 0xbf, 0x41])), { text: '\uFFFDA', replaced: true });
    assert.deepEqual(decodeArticle(bytes('x'.repeat(8191), [0])), { skipped: 'binary file (contains NUL bytes)' });
    assert.deepEqual(decodeArticle(bytes([0], 'x')), { skipped: 'binary file (contains NUL bytes)' });
    // A NUL past the first 8 KB is text with a control character, as the editor shows it.
    assert.deepEqual(decodeArticle(bytes('x'.repeat(8192), [0])), { text: `${'x'.repeat(8192)}\u0000`, replaced: false });
    assert.deepEqual(decodeArticle(bytes('')), { text: '', replaced: false });
    // A BOM later in the text is kept: only the first character is the mark.
    assert.deepEqual(decodeArticle(bytes('a\uFEFF')), { text: 'a\uFEFF', replaced: false });
  });
});

describe('the corrections file behind a link', () => {
  it('refuses one that leads outside the folder or loops, saying which', async () => {
    const away = corpus('corrections-away', {});
    mkdirSync(away, { recursive: true });
    writeFileSync(path.join(outside, 'corrections.json'), '{"notEntity": ["Acme"]}');
    symlinkSync(path.join(outside, 'corrections.json'), path.join(away, '.corpuslens.json'));
    const file = path.join(away, '.corpuslens.json');
    assert.deepEqual(await readCorrectionsFile(away), { state: 'invalid', problem: `${file} is a link to ${path.join(outside, 'corrections.json')}, outside the workspace folder: not read`, corrections: emptyCorrections() });
    const loop = corpus('corrections-loop', {});
    mkdirSync(loop, { recursive: true });
    symlinkSync(path.join(loop, '.corpuslens.json'), path.join(loop, '.corpuslens.json'));
    const read = await readCorrectionsFile(loop);
    assert.equal(read.state, 'invalid');
    assert.match(read.state === 'invalid' ? read.problem : '', new RegExp(`^cannot read ${path.join(loop, '.corpuslens.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ELOOP`));
  });
});

describe('where a path leads', () => {
  it('tells inside from outside', async () => {
    assert.deepEqual(
      ['/w', '/w/a', '/w/a/b.txt', '/w/..x', '/wx', '/', '/other/w', '/w/../v'].map((p) => isInside('/w', p)),
      [true, true, true, true, false, false, false, false],
    );
    const dir = corpus('escape', { 'a.txt': 'A' });
    symlinkSync(outside, path.join(dir, 'away'));
    assert.equal(await escapesFolder(dir, path.join(dir, 'a.txt')), undefined);
    assert.equal(await escapesFolder(dir, path.join(dir, 'away', 'secret.txt')), path.join(outside, 'secret.txt'));
    assert.equal(await escapesFolder(dir, path.join(dir, 'missing.txt')), undefined);
    assert.equal(await escapesFolder(path.join(root, 'no-folder'), path.join(dir, 'a.txt')), undefined);
  });
});

describe('stat many files', () => {
  it('falls back to stat one by one when the worker fails or ends without an answer', async () => {
    const dir = corpus('stat', Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`${i}.txt`, 'y'.repeat(i)])));
    const paths = Array.from({ length: 121 }, (_, i) => path.join(dir, `${i}.txt`));
    const crash = path.join(root, 'crashingWorker.js');
    writeFileSync(crash, 'throw new Error("stat worker broke");\n');
    const silent = path.join(root, 'silentWorker.js');
    writeFileSync(silent, '// Ends at once, answering nothing.\n');
    await assert.rejects(statInWorker(crash, paths), /stat worker broke/);
    await assert.rejects(statInWorker(silent, paths), /^Error: stat worker exited with code 0$/);
    const stamps = await new NodeArticleSource(crash).statMany(paths);
    assert.deepEqual(stamps.map((s) => s?.size), [...Array.from({ length: 120 }, (_, i) => i), undefined]);
    assert.deepEqual(await new NodeArticleSource(silent).statMany(paths), stamps);
    // A folder is not a file.
    assert.equal(await new NodeArticleSource().stat(dir), undefined);
  });
});
