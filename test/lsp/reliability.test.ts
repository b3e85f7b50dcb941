import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { type DocumentSymbol, DocumentSymbolRequest, type Hover, HoverRequest, type Location, ReferencesRequest } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ListFilter, ListResult } from '../../server/src/host/articleSource';
import { MemoryArticleSource } from '../../server/src/host/memoryArticleSource';
import { startTestServer, uriOf, type TestServer } from './harness';

// Invented articles. The CRLF one starts with a byte-order mark, as Windows editors write it.
const LF = 'Harbour Talks\ndate 2024-03-05\n\nMs Ilse Marrow met the union.\n';
const CRLF_TEXT = 'Talks Go On\r\ndate 2024-03-06\r\n\r\nOn Tuesday “Ms Ilse Marrow” returned; Ms Marrow said 4,000 workers would wait.\r\n';
const CRLF_BYTES = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(CRLF_TEXT)]);

describe('server faults over JSON-RPC', () => {
  let server: TestServer;
  afterEach(async () => server?.dispose());

  it('keeps hover, references and symbols on the right words in a CRLF file with a BOM', async () => {
    server = await startTestServer({ 'lf.txt': LF, 'crlf.txt': CRLF_BYTES });
    await server.waitForIndex();
    // The editor shows the text without the BOM; positions are computed on that text.
    const editor = TextDocument.create(uriOf('crlf.txt'), 'article', 1, CRLF_TEXT);
    const wordAt = (range: { start: { line: number; character: number }; end: { line: number; character: number } }) => editor.getText(range);
    const position = editor.positionAt(CRLF_TEXT.indexOf('Marrow said') + 2);
    const hover = (await server.client.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf('crlf.txt') }, position })) as Hover;
    assert.equal(wordAt(hover.range!), 'Marrow');
    const refs = (await server.client.sendRequest(ReferencesRequest.type, { textDocument: { uri: uriOf('crlf.txt') }, position, context: { includeDeclaration: true } })) as Location[];
    const inCrlf = refs.filter((r) => r.uri === uriOf('crlf.txt')).map((r) => wordAt(r.range));
    assert.deepEqual(inCrlf, ['Ilse Marrow', 'Marrow']);
    const symbols = (await server.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf('crlf.txt') } })) as DocumentSymbol[];
    assert.equal(wordAt(symbols[0].selectionRange), 'Talks Go On');
    const dates = symbols.find((s) => s.name === 'Dates')!;
    assert.ok(dates.children!.some((d) => wordAt(d.selectionRange) === 'Tuesday' || wordAt(d.selectionRange) === 'On Tuesday'));
  });

  it('indexes empty and whitespace-only files without mentions or errors', async () => {
    server = await startTestServer({ 'empty.txt': '', 'blank.txt': '\n \r\n\t', 'lf.txt': LF });
    await server.waitForIndex();
    assert.equal(server.workspace.corpus.size, 3);
    const symbols = (await server.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf('empty.txt') } })) as DocumentSymbol[];
    assert.deepEqual(symbols, []);
    assert.ok(!server.logs.some((l) => l.includes('[error]')), server.logs.join('\n'));
  });

  it('survives a file deleted between listing and reading', async () => {
    class VanishingSource extends MemoryArticleSource {
      override async list(folder: string, filter: ListFilter): Promise<ListResult> {
        const listed = await super.list(folder, filter);
        this.files.delete('/corpus/gone.txt');
        return listed;
      }
    }
    const source = new VanishingSource({ '/corpus/gone.txt': LF, '/corpus/lf.txt': LF });
    server = await startTestServer({}, {}, source);
    await server.waitForIndex();
    assert.deepEqual([...server.workspace.corpus.uris()], [uriOf('lf.txt')]);
    assert.ok(server.logs.some((l) => l.includes('gone.txt') && l.includes('no longer exists')), server.logs.join('\n'));
  });

  it('ends 1,000 quick edits in the state of the last one, with no backlog', async () => {
    server = await startTestServer({ 'lf.txt': LF });
    await server.waitForIndex();
    await server.open('lf.txt', LF, 1);
    let text = LF;
    for (let v = 2; v <= 1001; v++) {
      text = v % 2 === 0 ? LF.replace('Ilse Marrow', `Ilse Marrow and Tomas Brack${v}`) : LF;
      void server.client.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf('lf.txt'), version: v }, contentChanges: [{ text }] });
    }
    const symbols = (await server.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf('lf.txt') } })) as DocumentSymbol[];
    const people = symbols.find((s) => s.name === 'People')!.children!.map((c) => c.name);
    // Version 1001 is odd: the original text, with Marrow alone.
    assert.deepEqual(people, ['Ilse Marrow']);
    assert.equal(server.workspace.corpus.article(uriOf('lf.txt'))!.text, LF);
  });
});
