import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, type Location, ReferencesRequest, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentLookup } from '../../server/src/lsp/documents';
import { provideReferences, referencesShown, REFERENCE_LIMIT } from '../../server/src/lsp/references';
import { startTestServer, uriOf, type TestServer } from './harness';

// 1,200 invented sample articles, each naming Ms Wenna Tolliver three times: 3,600 mentions,
// more than the 2,000 the server used to stop at, and more than one partial batch.
const ARTICLES = 1_200;
function article(i: number): string {
  return `Harbour Report ${i}\ndate 2024-03-05\n\nMs Wenna Tolliver, the harbour master, said on Tuesday that ${i + 10} ships waited. Ms Tolliver said the queue would clear. Tolliver left.\n`;
}
const name = (i: number) => `r${String(i).padStart(4, '0')}.txt`;
const key = (l: Location) => `${l.uri}#${l.range.start.line}:${l.range.start.character}-${l.range.end.line}:${l.range.end.character}`;

describe('references: complete, streamed', () => {
  let server: TestServer;
  const files: Record<string, string> = {};
  for (let i = 0; i < ARTICLES; i++) files[name(i)] = article(i);
  const position = { line: 3, character: 6 }; // on "Wenna"
  const textDocument = { uri: uriOf(name(7)) };

  before(async () => {
    server = await startTestServer(files);
    await server.waitForIndex();
  });
  after(async () => server.dispose());

  it('returns every mention, with its exact range, in file then text order', async () => {
    const refs = (await server.client.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } })) as Location[];
    assert.equal(refs.length, 3 * ARTICLES);
    assert.equal(new Set(refs.map(key)).size, refs.length);
    const text = article(0);
    const line = text.split('\n')[3];
    assert.deepEqual(refs.slice(0, 3).map((l) => [l.uri, l.range.start.character, l.range.end.character]), [
      [uriOf(name(0)), line.indexOf('Ms Wenna') + 3, line.indexOf('Ms Wenna') + 'Ms Wenna Tolliver'.length],
      [uriOf(name(0)), line.indexOf('Ms Tolliver') + 3, line.indexOf('Ms Tolliver') + 'Ms Tolliver'.length],
      [uriOf(name(0)), line.indexOf('Tolliver left'), line.indexOf('Tolliver left') + 'Tolliver'.length],
    ].map(([u, s, e]) => [u, s as number, e as number]));
    assert.equal(refs.at(-1)!.uri, uriOf(name(ARTICLES - 1)));
  });

  it('leaves the declaration out when asked', async () => {
    const refs = (await server.client.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: false } })) as Location[];
    assert.equal(refs.length, 3 * ARTICLES - 1);
    assert.ok(!refs.some((l) => l.uri === uriOf(name(0)) && l.range.start.character === article(0).split('\n')[3].indexOf('Wenna')));
  });

  it('streams partial results (the first batch before the answer) and reports work done', async () => {
    const batches: Location[][] = [];
    const work: string[] = [];
    let answered = false;
    let firstBeforeAnswer = false;
    // One handler for every $/progress (the connection keeps one per method).
    server.client.onNotification('$/progress', (p: { token: string; value: Location[] | { kind: string } }) => {
      if (p.token === 'refs-1') {
        if (batches.length === 0) firstBeforeAnswer = !answered;
        batches.push(p.value as Location[]);
      } else if (p.token === 'work-1') work.push((p.value as { kind: string }).kind);
    });
    const result = (await server.client.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true }, partialResultToken: 'refs-1', workDoneToken: 'work-1' })) as Location[];
    answered = true;
    assert.deepEqual(result, [], 'with partial results the final answer is empty');
    assert.ok(batches.length >= 2, `expected several batches, got ${batches.length}`);
    assert.ok(firstBeforeAnswer);
    assert.ok(batches[0].length < 3 * ARTICLES);
    const streamed = batches.flat();
    const whole = (await server.client.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } })) as Location[];
    assert.deepEqual(streamed.map(key), whole.map(key));
    assert.equal(work[0], 'begin');
    assert.equal(work.at(-1), 'end');
  });

  it('a cancelled request streams nothing more and answers nothing', async () => {
    const source = new CancellationTokenSource();
    const docs = new DocumentLookup(new TextDocuments(TextDocument), server.workspace.corpus);
    const batches: Location[][] = [];
    const partial = { report: (b: Location[]) => { batches.push(b); source.cancel(); } };
    const result = await provideReferences({ textDocument, position, context: { includeDeclaration: true } }, server.workspace.corpus, docs, source.token, { partial });
    assert.deepEqual(result, []);
    assert.equal(batches.length, 1, 'the batches after the cancellation are not sent');
  });

  it('says "showing N of M" when the memory limit cuts the list', async () => {
    assert.equal(referencesShown(REFERENCE_LIMIT), undefined);
    assert.equal(referencesShown(REFERENCE_LIMIT + 5), `Find All References shows the first ${REFERENCE_LIMIT.toLocaleString('en-US')} of ${(REFERENCE_LIMIT + 5).toLocaleString('en-US')}`);
    const docs = new DocumentLookup(new TextDocuments(TextDocument), server.workspace.corpus);
    const told: string[] = [];
    const { CancellationToken } = await import('vscode-languageserver/node');
    const refs = await provideReferences({ textDocument, position, context: { includeDeclaration: true } }, server.workspace.corpus, docs, CancellationToken.None, { tell: (m) => told.push(m), limit: 10 });
    assert.equal(refs.length, 10);
    assert.deepEqual(told, ['Corpus Lens: showing 10 of 3,600 mentions of “Wenna Tolliver” (the first articles in file order); the export (Export This Entity\'s Mentions…) has them all.']);
  });
});
