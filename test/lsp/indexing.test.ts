import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { HoverRequest, InlayHintRequest, type Hover } from 'vscode-languageserver/node';
import type { FileStamp, ReadResult } from '../../server/src/host/articleSource';
import { MemoryArticleSource } from '../../server/src/host/memoryArticleSource';
import { WaitForIndexRequest } from '../../server/src/protocol';
import { DEFAULT_CLIENT_CAPABILITIES, startTestServer, uriOf, type TestServer } from './harness';

// Invented sample articles.
const FIRST = 'Ferry Fares Frozen\ndate 2024-03-05\n\nMs Ilse Marrow froze the fares on Tuesday.\n';
const SECOND = 'Ferry Fares Debated\ndate 2024-03-06\n\nMs Ilse Marrow defended the freeze.\n';
const UNDATED = 'Ferry Notes\n\nThe ferry stopped on Tuesday.\n';

/** A source whose file reads wait until the test opens the gate. */
class GatedSource extends MemoryArticleSource {
  private open!: () => void;
  readonly gate = new Promise<void>((resolve) => (this.open = resolve));

  release(): void {
    this.open();
  }

  override async read(path: string, maxBytes: number, known?: FileStamp): Promise<ReadResult> {
    await this.gate;
    return super.read(path, maxBytes, known);
  }
}

function hoverText(hover: Hover | null): string {
  assert.ok(hover, 'expected a hover');
  return (hover.contents as { value: string }).value;
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.ok(check(), `timed out waiting for ${what}`);
}

describe('indexing as the client sees it', () => {
  let server: TestServer | undefined;
  afterEach(async () => server?.dispose());

  it('answers while indexing, and says in the hover how far the index has got', async () => {
    const source = new GatedSource();
    server = await startTestServer({ 'first.txt': FIRST, 'second.txt': SECOND }, {}, source);
    const s = server;
    await until(() => s.statuses.some((st) => st.state === 'indexing' && st.total === 2), 'the listing');
    // An open article is answered from its buffer while the disk is still being read.
    await s.client.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf('first.txt'), languageId: 'article', version: 1, text: FIRST } });
    const position = s.position('first.txt', FIRST, FIRST.indexOf('Marrow'));
    const during = hoverText(await s.client.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf('first.txt') }, position }));
    assert.match(during, /\*\*Ilse Marrow\*\* · person/);
    assert.ok(during.endsWith('\n\n*Partial: indexing, 0 of 2 articles read so far.*'), during);
    source.release();
    await s.client.sendRequest(WaitForIndexRequest);
    const afterwards = hoverText(await s.client.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf('first.txt') }, position }));
    assert.doesNotMatch(afterwards, /Partial/);
    assert.match(afterwards, /2 mentions in 2 articles/);
  });

  it('reports indexing as work-done progress, and its state in status notifications', async () => {
    server = await startTestServer({ 'first.txt': FIRST, 'second.txt': SECOND });
    const state = await server.client.sendRequest(WaitForIndexRequest);
    assert.deepEqual(state, { state: 'ready', indexed: 2, total: 2, skipped: 0, articles: 2 });
    const s = server;
    await until(() => s.progress.some((p) => p.value.kind === 'end'), 'the end of the progress');
    assert.equal(server.progressTokens.length, 1);
    assert.ok(server.progress.every((p) => p.token === s.progressTokens[0]));
    assert.deepEqual(server.progress.map((p) => p.value), [
      { kind: 'begin', title: 'Corpus Lens: indexing', percentage: 0, message: 'listing articles', cancellable: false },
      { kind: 'report', percentage: 0, message: '0 / 2 articles' },
      { kind: 'report', percentage: 100, message: '2 / 2 articles' },
      { kind: 'end' },
    ]);
    assert.deepEqual(server.statuses[0], { state: 'indexing', indexed: 0, total: 0, skipped: 0, articles: 0 });
    assert.deepEqual(server.statuses.at(-1), { state: 'ready', indexed: 2, total: 2, skipped: 0, articles: 2 });
    assert.ok(server.logs.some((l) => /^Indexed 2 articles in \d+ ms \(0 skipped\)\.$/.test(l)), server.logs.join('\n'));
  });

  it('reports no progress to a client that cannot show it', async () => {
    server = await startTestServer({ 'first.txt': FIRST }, {}, undefined, {}, {}, { ...DEFAULT_CLIENT_CAPABILITIES, window: {} });
    await server.waitForIndex();
    assert.deepEqual([server.progressTokens, server.progress], [[], []]);
  });

  it('gives an open buffer the article date of its file, as the disk copy has', async () => {
    server = await startTestServer({ 'undated.txt': UNDATED }, { articleDates: { 'undated.txt': '2024-03-07' } });
    await server.waitForIndex();
    const hint = async () => {
      const hints = await server!.client.sendRequest(InlayHintRequest.type, { textDocument: { uri: uriOf('undated.txt') }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } } });
      return (hints ?? []).map((h) => [h.label, h.tooltip]);
    };
    const expected = [['→ Tue 5 Mar 2024', 'Tuesday = 2024-03-05, resolved against the article date 2024-03-07 from the corpusLens.articleDates setting']];
    assert.deepEqual(await hint(), expected, 'on disk');
    await server.open('undated.txt', UNDATED.replace('ferry', 'night ferry'), 1);
    assert.deepEqual(await hint(), expected, 'open, and edited');
  });
});
