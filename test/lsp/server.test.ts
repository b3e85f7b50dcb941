import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DefinitionRequest, DocumentHighlightRequest, type DocumentSymbol, DocumentSymbolRequest, type Hover, HoverRequest, type Location, ReferencesRequest, type SymbolInformation, WorkspaceSymbolRequest } from 'vscode-languageserver/node';
import { atCursor } from '../support/cursor';
import { startTestServer, uriOf, type TestServer } from './harness';

// Three short invented articles; Ms Ilse Marrow recurs in several spellings.
const A = `Talks Resume On River Dam
date 2024-03-05

Ms Ilse Marrow, the foreign minister, said on Tuesday that talks would resume. Ms Marrow met the delegation in the capital.
`;
const B = `Dam Talks Stall
date 2024-03-08

Talks stalled after Ms Marrow left the room. Observers said Ms Marrow would return on 2024-03-11.
`;
const C = `Minister Returns
date 2024-03-11

Ms Marrow returned to the talks today.
`;

function hoverText(hover: Hover | null): string {
  assert.ok(hover, 'expected a hover');
  const contents = hover.contents as { value: string };
  return contents.value.replace(/\s+/g, ' ');
}

describe('language server over JSON-RPC', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer({ 'a.txt': A, 'b.txt': B, 'c.txt': C, 'notes.md': 'Ms Ilse Marrow is not in an article here.' });
    await server.waitForIndex();
  });
  after(async () => server.dispose());

  it('declares the features it answers', () => {
    const caps = server.initializeResult.capabilities;
    assert.ok(caps.hoverProvider && caps.definitionProvider && caps.referencesProvider);
    assert.ok(caps.documentSymbolProvider && caps.workspaceSymbolProvider && caps.documentHighlightProvider);
  });

  it('indexes articles on disk without opening them, and leaves other files alone', () => {
    assert.equal(server.workspace.corpus.size, 3);
    assert.equal(server.workspace.corpus.article(uriOf('notes.md')), undefined);
    assert.equal(server.statuses.at(-1)?.state, 'ready');
  });

  it('hovers a surname with the corpus-wide card', async () => {
    const { offset } = atCursor(B.replace('Ms Marrow left', 'Ms Mar|row left'));
    const hover = (await server.client.sendRequest(HoverRequest.type, {
      textDocument: { uri: uriOf('b.txt') },
      position: server.position('b.txt', B, offset),
    })) as Hover;
    const text = hoverText(hover);
    assert.match(text, /\*\*Ilse Marrow\*\* · person/);
    assert.match(text, /5 mentions in 3 articles/);
    assert.match(text, /Also written: .*Marrow/);
  });

  it('hovers a date with its value', async () => {
    const offset = B.indexOf('2024-03-11') + 3;
    const hover = (await server.client.sendRequest(HoverRequest.type, {
      textDocument: { uri: uriOf('b.txt') },
      position: server.position('b.txt', B, offset),
    })) as Hover;
    assert.match(hoverText(hover), /Value: `2024-03-11`/);
  });

  it('answers null where there is nothing to say', async () => {
    const hover = await server.client.sendRequest(HoverRequest.type, {
      textDocument: { uri: uriOf('b.txt') },
      position: server.position('b.txt', B, B.indexOf('stalled') + 2),
    });
    assert.equal(hover, null);
  });

  it('finds every mention across articles, honouring includeDeclaration', async () => {
    const position = server.position('c.txt', C, C.indexOf('Marrow') + 2);
    const all = (await server.client.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: uriOf('c.txt') },
      position,
      context: { includeDeclaration: true },
    })) as Location[];
    assert.equal(all.length, 5);
    assert.deepEqual([...new Set(all.map((l) => l.uri))].sort(), [uriOf('a.txt'), uriOf('b.txt'), uriOf('c.txt')]);
    const withoutDeclaration = (await server.client.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: uriOf('c.txt') },
      position,
      context: { includeDeclaration: false },
    })) as Location[];
    assert.equal(withoutDeclaration.length, 4);
    const first = all.find((l) => l.uri === uriOf('a.txt'))!;
    assert.ok(!withoutDeclaration.some((l) => l.uri === first.uri && l.range.start.character === first.range.start.character && l.range.start.line === first.range.start.line));
  });

  it('goes to the first full-name mention', async () => {
    const def = (await server.client.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: uriOf('c.txt') },
      position: server.position('c.txt', C, C.indexOf('Marrow')),
    })) as Location;
    assert.equal(def.uri, uriOf('a.txt'));
    const start = A.indexOf('Ilse Marrow');
    assert.deepEqual(def.range.start, server.position('a.txt', A, start));
    assert.deepEqual(def.range.end, server.position('a.txt', A, start + 'Ilse Marrow'.length));
  });

  it('outlines the headline and the groups', async () => {
    const symbols = (await server.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf('a.txt') } })) as DocumentSymbol[];
    assert.equal(symbols[0].name, 'Talks Resume On River Dam');
    const people = symbols.find((s) => s.name === 'People');
    assert.ok(people, `groups: ${symbols.map((s) => s.name).join(', ')}`);
    const marrow = people.children!.find((c) => c.name === 'Ilse Marrow');
    assert.ok(marrow);
    assert.equal(marrow.children!.length, 2);
    assert.ok(symbols.some((s) => s.name === 'Dates'));
  });

  it('highlights the mentions in the current article', async () => {
    const highlights = (await server.client.sendRequest(DocumentHighlightRequest.type, {
      textDocument: { uri: uriOf('a.txt') },
      position: server.position('a.txt', A, A.indexOf('Ilse') + 1),
    })) as unknown[];
    assert.equal(highlights.length, 2);
  });

  it('finds entities by name across the corpus', async () => {
    const symbols = (await server.client.sendRequest(WorkspaceSymbolRequest.type, { query: 'marr' })) as SymbolInformation[];
    const marrow = symbols.find((s) => s.name === 'Ilse Marrow');
    assert.ok(marrow, `symbols: ${symbols.map((s) => s.name).join(', ')}`);
    assert.equal(marrow.location.uri, uriOf('a.txt'));
    assert.equal(marrow.containerName, '5 mentions in 3 articles');
  });

  it('lets an open buffer win over the disk, re-analyses edits, and falls back on close', async () => {
    const edited = C.replace('Ms Marrow returned', 'Ms Marrow and Ms Marrow returned');
    await server.open('c.txt', C, 1);
    await server.change('c.txt', edited, 2);
    const refs = (await server.client.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: uriOf('a.txt') },
      position: server.position('a.txt', A, A.indexOf('Ilse')),
      context: { includeDeclaration: true },
    })) as Location[];
    assert.equal(refs.filter((l) => l.uri === uriOf('c.txt')).length, 2);
    await server.close('c.txt');
    const after = (await server.client.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: uriOf('a.txt') },
      position: server.position('a.txt', A, A.indexOf('Ilse')),
      context: { includeDeclaration: true },
    })) as Location[];
    assert.equal(after.filter((l) => l.uri === uriOf('c.txt')).length, 1);
  });

  it('follows files created and deleted on disk', async () => {
    server.source.files.set('/corpus/d.txt', 'Late Story\n\nMs Marrow spoke again.\n');
    await server.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('d.txt'), type: 1 }] });
    await server.waitForIndex();
    assert.ok(server.workspace.corpus.article(uriOf('d.txt')));
    server.source.files.delete('/corpus/d.txt');
    await server.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('d.txt'), type: 3 }] });
    await server.waitForIndex();
    assert.equal(server.workspace.corpus.article(uriOf('d.txt')), undefined);
  });
});
