import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { NOT_CANCELLED as T } from '../../server/src/corpus/queries';
import { MemoryArticleSource } from '../../server/src/host/memoryArticleSource';
import { DEFAULT_SETTINGS, mergeSettings, type Settings } from '../../server/src/workspace/settings';
import { Workspace } from '../../server/src/workspace/workspace';

function workspaceOf(files: Record<string, string | Uint8Array>, settings: Partial<Settings> = {}) {
  const logs: string[] = [];
  const source = new MemoryArticleSource(Object.fromEntries(Object.entries(files).map(([k, v]) => [`/w/${k}`, v])));
  const ws = new Workspace(source, { log: (m) => logs.push(m), progress: () => undefined });
  ws.setFolders([{ uri: URI.file('/w').toString(), fsPath: '/w', settings: { ...DEFAULT_SETTINGS, ...settings } }]);
  return { ws, logs, source };
}

const uri = (rel: string) => URI.file(`/w/${rel}`).toString();
const ARTICLE = 'Harbour Talks\ndate 2024-03-05\n\nTalks resumed on 2024-03-04 in the port.\n';

describe('Workspace', () => {
  it('indexes the articles its globs select and skips the rest', async () => {
    const { ws } = workspaceOf({ 'a.txt': ARTICLE, 'sub/b.txt': ARTICLE, 'notes.md': ARTICLE, 'node_modules/x/c.txt': ARTICLE, '.git/d.txt': ARTICLE });
    await ws.indexAll();
    assert.deepEqual([...ws.corpus.uris()].sort(), [uri('a.txt'), uri('sub/b.txt')]);
    assert.equal(ws.state.state, 'ready');
  });

  it('honours files.exclude and custom article globs', async () => {
    const { ws } = workspaceOf({ 'a.txt': ARTICLE, 'drafts/b.txt': ARTICLE, 'c.news': ARTICLE }, { articles: ['**/*.txt', '**/*.news'], exclude: ['drafts/**'] });
    await ws.indexAll();
    assert.deepEqual([...ws.corpus.uris()].sort(), [uri('a.txt'), uri('c.news')]);
  });

  it('skips binary and oversized files and says so', async () => {
    const { ws, logs } = workspaceOf({ 'bin.txt': new Uint8Array([0x47, 0x49, 0x46, 0, 1, 2]), 'big.txt': 'x'.repeat(3000), 'ok.txt': ARTICLE }, { maxFileSizeKB: 2 });
    await ws.indexAll();
    assert.deepEqual([...ws.corpus.uris()], [uri('ok.txt')]);
    assert.equal(ws.state.skipped, 2);
    assert.ok(logs.some((l) => l.includes('bin.txt') && l.includes('binary')));
    assert.ok(logs.some((l) => l.includes('big.txt') && l.includes('size limit')));
  });

  it('reads invalid UTF-8 with replacement characters instead of failing', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('Bad Bytes\n\nIt cost '), 0xff, 0xfe, ...new TextEncoder().encode(' on 2024-03-04.\n')]);
    const { ws, logs } = workspaceOf({ 'bad.txt': bytes });
    await ws.indexAll();
    const record = ws.corpus.article(uri('bad.txt'))!;
    assert.ok(record.text.includes('\uFFFD'));
    const [date] = ws.corpus.datesIn(uri('bad.txt'), T);
    assert.equal(record.text.slice(date.start, date.end), '2024-03-04');
    assert.ok(logs.some((l) => l.includes('invalid UTF-8')));
  });

  it('drops a BOM and keeps CRLF offsets aligned with the editor document', async () => {
    const crlf = '\uFEFF' + ARTICLE.replace(/\n/g, '\r\n');
    const { ws } = workspaceOf({ 'crlf.txt': crlf });
    await ws.indexAll();
    const record = ws.corpus.article(uri('crlf.txt'))!;
    // VS Code shows the file without its BOM; the same positions must land on the same words.
    const editor = TextDocument.create(uri('crlf.txt'), 'article', 1, crlf.slice(1));
    const date = ws.corpus.datesIn(uri('crlf.txt'), T).find((d) => d.text === '2024-03-04')!;
    const position = editor.positionAt(date.start);
    assert.deepEqual(position, { line: 3, character: 'Talks resumed on '.length });
    assert.equal(editor.getText({ start: position, end: editor.positionAt(date.end) }), '2024-03-04');
    assert.equal(record.meta.headline?.text, 'Harbour Talks');
  });

  it('skips a file it may not read, with the reason', async () => {
    // As root (CI) a chmod 000 file stays readable, so the source itself refuses, as the disk
    // source does on EACCES.
    const { ws, logs, source } = workspaceOf({ 'a.txt': ARTICLE, 'locked.txt': ARTICLE });
    const read = source.read.bind(source);
    source.read = async (p, max, known) => (p.endsWith('locked.txt') ? { skipped: 'permission denied' } : read(p, max, known));
    await ws.indexAll();
    assert.deepEqual([...ws.corpus.uris()], [uri('a.txt')]);
    assert.ok(logs.some((l) => l.includes('locked.txt') && l.includes('permission denied')));
  });

  it('takes an article date from the per-file setting', async () => {
    const { ws } = workspaceOf({ 'undated.txt': 'Undated\n\nNothing here.\n' }, { articleDates: { 'undated.txt': '2021-11-10' } });
    await ws.indexAll();
    assert.deepEqual(ws.corpus.article(uri('undated.txt'))!.meta.articleDate, { value: '2021-11-10', source: 'setting' });
  });

  it('keeps an open buffer over the disk and re-reads the disk on close', async () => {
    const { ws } = workspaceOf({ 'a.txt': ARTICLE });
    await ws.indexAll();
    ws.openOrChange(uri('a.txt'), 3, 'Edited\n\nNew text.\n');
    await ws.settled();
    assert.equal(ws.corpus.article(uri('a.txt'))!.text, 'Edited\n\nNew text.\n');
    await ws.fileChanged(uri('a.txt'), 'changed');
    assert.equal(ws.corpus.article(uri('a.txt'))!.text, 'Edited\n\nNew text.\n', 'disk events do not override an open buffer');
    await ws.close(uri('a.txt'));
    assert.equal(ws.corpus.article(uri('a.txt'))!.text, ARTICLE);
  });

  it('forgets files deleted while closed and files that vanish before they are read', async () => {
    const { ws, source } = workspaceOf({ 'a.txt': ARTICLE, 'b.txt': ARTICLE });
    await ws.indexAll();
    source.files.delete('/w/a.txt');
    await ws.fileChanged(uri('a.txt'), 'deleted');
    assert.equal(ws.corpus.article(uri('a.txt')), undefined);
    source.files.delete('/w/b.txt');
    await ws.fileChanged(uri('b.txt'), 'changed');
    assert.equal(ws.corpus.article(uri('b.txt')), undefined);
  });

  it('merges settings over defaults and ignores wrongly typed values', () => {
    const merged = mergeSettings({ enable: 'yes', articles: 'nope', maxFileSizeKB: -1, articleDates: { './x.txt': '2020-01-02', bad: 'soon' } }, { 'drafts/**': true, 'old/**': false });
    assert.deepEqual({ ...merged, articleDates: { ...merged.articleDates } }, {
      enable: false,
      articles: ['**/*.txt'],
      maxFileSizeKB: 2048,
      articleDates: { 'x.txt': '2020-01-02' },
      exclude: ['drafts/**'],
    });
  });
});
