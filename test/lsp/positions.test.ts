import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { type DocumentHighlight, DocumentHighlightRequest, type Hover, HoverRequest, type InlayHint, InlayHintRequest, type Location, type Range, ReferencesRequest } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WaitForIndexRequest } from '../../server/src/protocol';
import { SKIP_TIMING_UNDER_MUTATION } from '../support/mutation';
import { startStdioServer } from '../support/stdioServer';
import { startTestServer, uriOf, type TestServer } from './harness';

// An invented article whose English names come after Cyrillic, Arabic and Chinese text,
// emoji (two UTF-16 units each, one with a skin tone and a joiner) and combining accents: every
// range the server returns must cover exactly the characters the editor shows there.
const TEXT = [
  'Пристань 🚢 Talks Resume',
  'date 2024-03-05',
  '',
  'Москва сообщила 👩🏽‍⚖️ — ميناء ‎ 港口 — cafe\u0301 déjà e\u0301te\u0301: Ilse Marrow met Tomas Brack on Tuesday.',
  '😀😀 Ms Marrow said 4,000 workers 👍🏿 would wait; Mr Brack agreed last week.',
].join('\n');

describe('positions in non-Latin text, after emoji and combining accents', () => {
  let server: TestServer;
  afterEach(async () => server?.dispose());

  it('puts hover, references, highlights, symbols and inlay hints on the right characters', async () => {
    server = await startTestServer({ 'scripts.txt': TEXT });
    await server.waitForIndex();
    const editor = TextDocument.create(uriOf('scripts.txt'), 'article', 1, TEXT);
    const read = (range: Range) => editor.getText(range);
    const textDocument = { uri: uriOf('scripts.txt') };
    const position = editor.positionAt(TEXT.indexOf('Marrow said') + 3);
    const hover = (await server.client.sendRequest(HoverRequest.type, { textDocument, position })) as Hover;
    assert.equal(read(hover.range!), 'Marrow');
    const refs = (await server.client.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } })) as Location[];
    assert.deepEqual(refs.map((r) => read(r.range)), ['Ilse Marrow', 'Marrow']);
    const highlights = (await server.client.sendRequest(DocumentHighlightRequest.type, { textDocument, position: editor.positionAt(TEXT.indexOf('Brack agreed') + 1) })) as DocumentHighlight[];
    assert.deepEqual(highlights.map((h) => read(h.range)), ['Tomas Brack', 'Brack']);
    const hints = (await server.client.sendRequest(InlayHintRequest.type, { textDocument, range: { start: editor.positionAt(0), end: editor.positionAt(TEXT.length) } })) as InlayHint[];
    const hintOffsets = hints.map((h) => editor.offsetAt(h.position));
    assert.ok(hintOffsets.includes(TEXT.indexOf('Tuesday') + 'Tuesday'.length), `hints at ${hintOffsets}`);
    assert.ok(hintOffsets.includes(TEXT.indexOf('last week') + 'last week'.length), `hints at ${hintOffsets}`);
    const figure = (await server.client.sendRequest(HoverRequest.type, { textDocument, position: editor.positionAt(TEXT.indexOf('4,000') + 2) })) as Hover;
    assert.equal(read(figure.range!), '4,000');
  });
});

describe('a deep folder of many tiny files (bundled server)', () => {
  let work: string | undefined;
  afterEach(() => work && rmSync(work, { recursive: true, force: true }));

  it('indexes 30,000 files 20 folders deep in seconds', { skip: SKIP_TIMING_UNDER_MUTATION }, async () => {
    work = mkdtempSync(path.join(tmpdir(), 'corpus-lens-deep-'));
    const root = path.join(work, 'corpus');
    for (let i = 0; i < 30_000; i++) {
      const dir = path.join(root, ...Array.from({ length: 20 }, (_, d) => `d${(i >> (d % 8)) % 3}`));
      if (i < 3 ** 8) mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `n${i}.txt`), `Note ${i}\ndate 2024-03-05\n\nMs Ilse Marrow met ${i} dockers on Monday.\n`);
    }
    writeFileSync(path.join(root, '.corpuslens.json'), '{}');
    const started = Date.now();
    const server = await startStdioServer(root);
    try {
      await server.ready;
      const seconds = (Date.now() - started) / 1000;
      assert.equal((await server.connection.sendRequest(WaitForIndexRequest)).articles, 30_000);
      // Generous for a loaded CI machine; about 5 s on the development machine.
      assert.ok(seconds < 45, `indexing took ${seconds.toFixed(1)} s`);
    } finally {
      await server.stop();
    }
  });
});
