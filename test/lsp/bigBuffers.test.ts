import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { CancellationTokenSource, type DocumentSymbol, DocumentSymbolRequest, type Hover, HoverRequest } from 'vscode-languageserver/node';
import type { AnalyzeOptions } from '../../server/src/analysis/types';
import { analyzeHere } from '../../server/src/workspace/analyzer';
import { startTestServer, uriOf, type TestServer } from './harness';

// Sample articles written for these tests.
const SMALL = 'Small Sample\ndate 2024-05-02\n\nIlse Marrow met Tomas Brandt in Oslo on Tuesday.\n';
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'dor', 'va', 'sel', 'tin', 'bra', 'mo', 'ne', 'quis'];

/** An article naming `count` different invented people, one per line. */
function namesArticle(count: number, headline = 'Big Sample'): string {
  const lines = [`${headline}\ndate 2024-05-02\n`];
  for (let i = 0; i < count; i++) {
    const s = (n: number) => SYLLABLES[n % SYLLABLES.length];
    lines.push(`${s(i)[0].toUpperCase()}${s(i).slice(1)}${s(i >> 4)} ${s(i >> 8)[0].toUpperCase()}${s(i >> 8).slice(1)}${s(i >> 2)}${s(i >> 6)}${s(i)} spoke.`);
  }
  return lines.join('\n') + '\n';
}

/**
 * An analysis "off the main thread" that holds back articles whose text starts with `held`
 * until released, and records each call with its cancellation flag.
 */
function heldAnalyzer(held: string) {
  const calls: { text: string; cancel?: Int32Array; urgent?: boolean }[] = [];
  let releaseAll: () => void = () => undefined;
  let gate = new Promise<void>((resolve) => (releaseAll = resolve));
  return {
    calls,
    analyze: async (text: string, options: AnalyzeOptions, cancel?: Int32Array, urgent?: boolean) => {
      if (text.startsWith(held)) {
        calls.push({ text, cancel, urgent });
        await gate;
      }
      return analyzeHere(text, options);
    },
    release: () => releaseAll(),
    hold: () => (gate = new Promise<void>((resolve) => (releaseAll = resolve))),
  };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function outlineOf(server: TestServer, relative: string, cancellation?: CancellationTokenSource): Promise<DocumentSymbol[]> {
  const params = { textDocument: { uri: uriOf(relative) } };
  return (cancellation ? server.client.sendRequest(DocumentSymbolRequest.type, params, cancellation.token) : server.client.sendRequest(DocumentSymbolRequest.type, params)) as Promise<DocumentSymbol[]>;
}

describe('Huge open buffers', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.dispose();
    server = undefined;
  });

  it('answers requests about other articles while a buffer is analysed, and cancels the analyses of superseded versions', async () => {
    const analyzer = heldAnalyzer('Big Sample');
    server = await startTestServer({ 'small.txt': SMALL }, {}, undefined, {}, { analyze: analyzer.analyze });
    await server.waitForIndex();
    const big = uriOf('big.txt');
    // Large enough to be analysed in the workers (analyzer.ts IN_THREAD_BUFFER).
    const versions = [namesArticle(3000), namesArticle(3001), namesArticle(3002, 'Big Sample three')];
    await server.client.sendNotification('textDocument/didOpen', { textDocument: { uri: big, languageId: 'article', version: 1, text: versions[0] } });
    // An outline request starts each version's analysis at once, and waits for the newest.
    const outlines: Promise<DocumentSymbol[]>[] = [outlineOf(server, 'big.txt')];
    await until(() => analyzer.calls.length === 1, 'the first analysis');
    for (const [i, text] of versions.slice(1).entries()) {
      await server.client.sendNotification('textDocument/didChange', { textDocument: { uri: big, version: i + 2 }, contentChanges: [{ text }] });
      outlines.push(outlineOf(server, 'big.txt'));
      await until(() => analyzer.calls.length === i + 2, `analysis ${i + 2}`);
    }
    assert.deepEqual(
      analyzer.calls.map((c) => [c.text === versions[analyzer.calls.indexOf(c)], c.urgent, c.cancel && Atomics.load(c.cancel, 0)]),
      [
        [true, true, 1],
        [true, true, 1],
        [true, true, 0],
      ],
      'versions 1 and 2 cancelled, version 3 under way, each before the index queue',
    );
    // The big buffer's analysis is still held: a hover elsewhere is answered all the same.
    const hover = (await server.client.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf('small.txt') }, position: { line: 3, character: 2 } })) as Hover;
    assert.match((hover.contents as { value: string }).value, /Ilse Marrow/);
    analyzer.release();
    // Every outline request gets the newest version's outline; no older version ever reached the corpus.
    for (const outline of await Promise.all(outlines)) assert.equal(outline[0].name, 'Big Sample three');
    assert.equal(server.workspace.corpus.article(big)!.text, versions[2]);
    // A request cancelled while it waits for an analysis ends as cancelled.
    analyzer.hold();
    await server.client.sendNotification('textDocument/didChange', { textDocument: { uri: big, version: 5 }, contentChanges: [{ text: namesArticle(3003) }] });
    const cancellation = new CancellationTokenSource();
    const waiting = outlineOf(server, 'big.txt', cancellation);
    await until(() => analyzer.calls.length === 4, 'analysis 4');
    cancellation.cancel();
    await assert.rejects(waiting, (error: { code?: number }) => error.code === -32800);
    analyzer.release();
  });

  it('skips an open buffer over corpusLens.maxFileSizeKB with one message, as on disk, and analyses it again once it is small enough', async () => {
    server = await startTestServer({ 'big.txt': SMALL }, { maxFileSizeKB: 4 });
    await server.waitForIndex();
    assert.ok(server.workspace.corpus.article(uriOf('big.txt')), 'the small file on disk is indexed');
    const huge = namesArticle(400);
    assert.ok(huge.length > 8 * 1024);
    await server.open('big.txt', huge, 1);
    await server.change('big.txt', huge + 'More.\n', 2);
    assert.equal(server.workspace.corpus.article(uriOf('big.txt')), undefined, 'the buffer wins over the disk, and is not analysed');
    assert.deepEqual(await outlineOf(server, 'big.txt'), []);
    const warnings = server.messages.filter((m) => m.includes('big.txt') && m.includes('larger than the size limit'));
    assert.equal(warnings.length, 1, server.messages.join('\n'));
    assert.match(warnings[0], /corpusLens\.maxFileSizeKB/);
    await server.change('big.txt', SMALL.replace('Tomas Brandt', 'Hedda Quill'), 3);
    const outline = await outlineOf(server, 'big.txt');
    assert.deepEqual(outline.find((s) => s.name === 'People')!.children!.map((c) => c.name), ['Ilse Marrow', 'Hedda Quill']);
  });

  it('lists the first 500 members of an outline group and says how many there are', async () => {
    server = await startTestServer({ 'small.txt': SMALL });
    await server.waitForIndex();
    const text = namesArticle(800);
    await server.open('many.txt', text, 1);
    const people = (await outlineOf(server, 'many.txt')).find((s) => s.name === 'People')!;
    const expected = new Set(server.workspace.corpus.mentionsIn(uriOf('many.txt'), { isCancellationRequested: false }).filter((m) => m.kind === 'person').map((m) => m.id)).size;
    assert.ok(expected > 500, `${expected} people`);
    assert.equal(people.children!.length, 500);
    assert.equal(people.detail, `500 of ${expected} people`);
  });

  it('lists the first 500 mentions of an entity, counts them all, and ranges to the last', async () => {
    server = await startTestServer({ 'small.txt': SMALL });
    await server.waitForIndex();
    const text = 'Often Sample\n\n' + 'Ilse Marrow spoke.\n'.repeat(700);
    await server.open('often.txt', text, 1);
    const [ilse] = (await outlineOf(server, 'often.txt')).find((s) => s.name === 'People')!.children!;
    assert.equal(ilse.children!.length, 500);
    assert.match(ilse.detail!, /^700 mentions here \(first 500 listed\)/);
    assert.deepEqual(ilse.range.end, server.position('often.txt', text, text.lastIndexOf('Ilse Marrow') + 'Ilse Marrow'.length));
  });
});
