import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { Folders, articleDateIn, relativeTo, type Folder } from '../../server/src/workspace/folders';
import { DEFAULT_SETTINGS, mergeSettings, type Settings } from '../../server/src/workspace/settings';

function folder(fsPath: string, patch: Partial<Folder['settings']> = {}): Folder {
  return { uri: URI.file(fsPath).toString(), fsPath, settings: { ...DEFAULT_SETTINGS, ...patch } };
}

const uri = (p: string) => URI.file(p).toString();

describe('workspace folders', () => {
  it('place a file in the folder that holds it, relative with forward slashes, and say whether it is an article', () => {
    const folders = new Folders();
    folders.set([folder('/news'), folder('/wire/', { articles: ['**/*.wire'], exclude: ['drafts/**'] })]);
    assert.deepEqual(folders.paths(), ['/news', '/wire/']);
    assert.deepEqual(folders.classify(uri('/news/a/b.txt')), { folder: folders.all()[0], relative: 'a/b.txt', isArticle: true });
    assert.deepEqual(folders.classify(uri('/news/notes.md'))?.isArticle, false);
    assert.deepEqual(folders.classify(uri('/wire/x.wire')), { folder: folders.all()[1], relative: 'x.wire', isArticle: true });
    assert.equal(folders.classify(uri('/wire/drafts/y.wire'))?.isArticle, false, 'files.exclude');
    assert.equal(folders.classify(uri('/wire/node_modules/z.wire'))?.isArticle, false, 'never node_modules');
    assert.equal(folders.classify(uri('/newsroom/a.txt')), undefined, 'a sibling whose name starts the same is outside');
    assert.equal(folders.classify(uri('/elsewhere/a.txt')), undefined);
    assert.deepEqual(folders.classify(uri('/news'))?.relative, '', 'the folder itself');
  });

  it('give a file the date of the corrections file first, then of the setting', () => {
    const f = folder('/news', { articleDates: Object.assign(Object.create(null), { 'a.txt': '2024-01-01', 'b.txt': '2024-01-02' }) });
    f.corrections = { version: 1, merge: [], split: [], notEntity: [], articleDates: Object.assign(Object.create(null), { 'a.txt': '2024-02-01' }) };
    assert.deepEqual(['a.txt', 'b.txt', 'c.txt'].map((r) => articleDateIn(f, r)), ['2024-02-01', '2024-01-02', undefined]);
    const folders = new Folders();
    folders.set([f]);
    assert.deepEqual([folders.articleDateFor(uri('/news/a.txt')), folders.articleDateFor(uri('/news/c.txt')), folders.articleDateFor(uri('/other/a.txt'))], ['2024-02-01', undefined, undefined]);
    assert.equal(relativeTo(f, '/news/sub/x.txt'), 'sub/x.txt');
  });
});

/** The settings this test is about (others have their own tests). */
function core({ enable, articles, maxFileSizeKB, articleDates, exclude }: Settings) {
  return { enable, articles, maxFileSizeKB, articleDates: { ...articleDates }, exclude };
}

describe('settings', () => {
  it('merge what the client sends over the defaults, keeping only well-typed values', () => {
    const merged = mergeSettings(
      { enable: true, articles: ['**/*.news', '', 3], maxFileSizeKB: 10, articleDates: { './a.txt': '2024-03-05', '/b.txt': '2024-03-06', 'c.txt': '5 March', 'd.txt': 7 } },
      { 'drafts/**': true, 'old/**': false, 'tmp/**': 'yes' },
    );
    assert.deepEqual(core(merged), { enable: true, articles: ['**/*.news'], maxFileSizeKB: 10, articleDates: { 'a.txt': '2024-03-05', 'b.txt': '2024-03-06' }, exclude: ['drafts/**'] });
  });

  it('fall back to the defaults for anything missing or wrong', () => {
    for (const [corpusLens, filesExclude] of [[undefined, undefined], [null, null], ['corpusLens', 'x'], [{ enable: 'yes', articles: [], maxFileSizeKB: 0, articleDates: 'a.txt' }, []], [{ maxFileSizeKB: '20' }, {}]] as const) {
      const merged = mergeSettings(corpusLens, filesExclude);
      assert.deepEqual(core(merged), { enable: false, articles: ['**/*.txt'], maxFileSizeKB: 2048, articleDates: {}, exclude: [] }, JSON.stringify([corpusLens, filesExclude]));
    }
  });

  it('keep file names that are object property names as plain keys', () => {
    const merged = mergeSettings({ articleDates: { constructor: '2024-01-01', __proto__: '2024-01-02' } }, {});
    assert.equal(merged.articleDates.constructor, '2024-01-01');
    assert.equal(Object.getPrototypeOf(merged.articleDates), null);
  });
});
