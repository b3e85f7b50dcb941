import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { DocumentSymbolRequest, HoverRequest, type DocumentSymbol } from 'vscode-languageserver/node';
import { ReindexRequest } from '../../server/src/protocol';
import { startTestServer, uriOf, type TestServer } from './harness';

// Invented sample articles: the disk holds one person, the open buffer another.
const DISK = 'Harbour Notes\ndate 2024-03-05\n\nMs Ilse Marrow spoke.\n';
const BUFFER = 'Harbour Notes\ndate 2024-03-05\n\nMr Tomas Brack spoke.\n';

describe('the open buffer over the disk during a full index', () => {
  let server: TestServer | undefined;
  afterEach(async () => server?.dispose());

  it('keeps the buffer when the Reindex command re-reads the folder', async () => {
    server = await startTestServer({ 'a.txt': DISK });
    await server.waitForIndex();
    await server.open('a.txt', BUFFER, 2);
    const state = await server.client.sendRequest(ReindexRequest);
    assert.equal(state.articles, 1);
    const outline = (await server.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf('a.txt') } })) as DocumentSymbol[];
    const people = outline.find((s) => s.name === 'People');
    assert.deepEqual(people?.children?.map((c) => [c.name, c.selectionRange]), [['Tomas Brack', { start: { line: 3, character: 3 }, end: { line: 3, character: 14 } }]]);
    const hover = await server.client.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf('a.txt') }, position: { line: 3, character: 8 } });
    assert.deepEqual(hover?.range, { start: { line: 3, character: 3 }, end: { line: 3, character: 14 } });
  });
});
