import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { type CodeAction, CodeActionRequest, ExecuteCommandRequest, type Hover, HoverRequest, type Location, ReferencesRequest } from 'vscode-languageserver/node';
import { APPLY_CORRECTION_COMMAND } from '../../server/src/protocol';
import { startTestServer, uriOf, type TestServer } from './harness';

// Invented articles: two people share the surname Brack; "Sample Wire" is an agency line.
const A = `Port Talks Open
date 2024-03-04

Tomas Brack led the union. Mr Brack said talks would start.
`;
const B = `Port Chief Speaks
date 2024-03-06

Ms Brack, who runs the port, spoke on Tuesday.
`;

const CORRECTIONS = '/corpus/.corpuslens.json';

async function hover(server: TestServer, file: string, text: string, needle: string): Promise<string> {
  const h = (await server.client.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(file) }, position: server.position(file, text, text.indexOf(needle) + 1) })) as Hover | null;
  return h ? (h.contents as { value: string }).value : '';
}

async function actions(server: TestServer, file: string, text: string, needle: string): Promise<CodeAction[]> {
  const position = server.position(file, text, text.indexOf(needle) + 1);
  return (await server.client.sendRequest(CodeActionRequest.type, { textDocument: { uri: uriOf(file) }, range: { start: position, end: position }, context: { diagnostics: [] } })) as CodeAction[];
}

/** Applies a quick fix as the editor would: its WorkspaceEdit, else its command. */
async function run(server: TestServer, action: CodeAction | undefined) {
  assert.ok(action?.edit || action?.command, 'expected the code action');
  if (action.edit) return server.applyEdit(action.edit);
  return server.client.sendRequest(ExecuteCommandRequest.type, { command: action.command!.command, arguments: action.command!.arguments });
}

describe('corrections over JSON-RPC', () => {
  let server: TestServer;
  afterEach(async () => server?.dispose());

  it('splits a wrongly joined surname apart in one article and records it in .corpuslens.json', async () => {
    server = await startTestServer({ 'a.txt': A, 'b.txt': B });
    await server.waitForIndex();
    assert.match(await hover(server, 'b.txt', B, 'Brack'), /\*\*Tomas Brack\*\*/);
    const split = (await actions(server, 'b.txt', B, 'Brack')).find((a) => a.title.includes('In this article'));
    await run(server, split);
    assert.doesNotMatch(await hover(server, 'b.txt', B, 'Brack'), /Tomas/);
    const refs = (await server.client.sendRequest(ReferencesRequest.type, { textDocument: { uri: uriOf('a.txt') }, position: server.position('a.txt', A, A.indexOf('Tomas')), context: { includeDeclaration: true } })) as Location[];
    assert.deepEqual([...new Set(refs.map((r) => r.uri))], [uriOf('a.txt')]);
    assert.deepEqual(JSON.parse(server.source.files.get(CORRECTIONS) as string).split, [{ entity: 'person:~brack', file: 'b.txt' }]);
  });

  it('marks a spelling as not an entity everywhere at once', async () => {
    server = await startTestServer({ 'a.txt': A, 'b.txt': B });
    await server.waitForIndex();
    await run(server, (await actions(server, 'a.txt', A, 'Tomas')).find((a) => a.title.includes('not an entity')));
    assert.equal(await hover(server, 'a.txt', A, 'Tomas'), '');
    assert.deepEqual(JSON.parse(server.source.files.get(CORRECTIONS) as string).notEntity, ['Tomas Brack']);
  });

  it('merges two entities through the server command', async () => {
    server = await startTestServer({ 'a.txt': A, 'b.txt': B, '.corpuslens.json': JSON.stringify({ split: [{ entity: 'person:~brack', file: 'b.txt' }] }) });
    await server.waitForIndex();
    assert.doesNotMatch(await hover(server, 'b.txt', B, 'Brack'), /Tomas/);
    await server.client.sendRequest(ExecuteCommandRequest.type, { command: APPLY_CORRECTION_COMMAND, arguments: [uriOf('b.txt'), { kind: 'merge', entities: ['person:tomas brack', `person:~brack@${uriOf('b.txt')}`] }] });
    assert.match(await hover(server, 'b.txt', B, 'Brack'), /3 mentions in 2 articles/);
  });

  it('sets an article date from a correction and re-resolves its relative dates', async () => {
    const undated = 'Port Update\n\nThe port reopened on Tuesday.\n';
    server = await startTestServer({ 'u.txt': undated });
    await server.waitForIndex();
    assert.match(await hover(server, 'u.txt', undated, 'Tuesday'), /Unresolved/);
    await server.client.sendRequest(ExecuteCommandRequest.type, { command: APPLY_CORRECTION_COMMAND, arguments: [uriOf('u.txt'), { kind: 'articleDate', file: uriOf('u.txt'), date: '2024-03-07' }] });
    assert.match(await hover(server, 'u.txt', undated, 'Tuesday'), /Value: `2024-03-05`/);
    assert.deepEqual(JSON.parse(server.source.files.get(CORRECTIONS) as string).articleDates, { 'u.txt': '2024-03-07' });
  });

  it('warns about an invalid corrections file and never overwrites it', async () => {
    const broken = '{"merge": [ this is not json';
    server = await startTestServer({ 'a.txt': A, '.corpuslens.json': broken });
    await server.waitForIndex();
    const warnings = server.messages;
    await server.client.sendRequest(ExecuteCommandRequest.type, { command: APPLY_CORRECTION_COMMAND, arguments: [uriOf('a.txt'), { kind: 'notEntity', value: 'Tomas Brack' }] });
    assert.equal(server.source.files.get(CORRECTIONS), broken);
    assert.ok(warnings.some((w) => /not valid JSON/.test(w) && /will not overwrite/.test(w)), warnings.join('\n'));
  });
});

describe('safe mode in an untrusted workspace', () => {
  it('ignores the workspace corrections file and refuses to write one', async () => {
    const server = await startTestServer({ 'a.txt': A, '.corpuslens.json': JSON.stringify({ notEntity: ['Tomas Brack'] }) }, {}, undefined, { trusted: false });
    try {
      await server.waitForIndex();
      assert.match(await hover(server, 'a.txt', A, 'Tomas'), /Tomas Brack/, 'the untrusted notEntity correction was not applied');
      await server.client.sendRequest(ExecuteCommandRequest.type, { command: APPLY_CORRECTION_COMMAND, arguments: [uriOf('a.txt'), { kind: 'notEntity', value: 'Mr Brack' }] });
      assert.equal(server.source.files.get(CORRECTIONS), JSON.stringify({ notEntity: ['Tomas Brack'] }));
      assert.ok(server.messages.some((m) => /safe mode/.test(m)), server.messages.join('\n'));
    } finally {
      await server.dispose();
    }
  });
});
