import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { type Hover, HoverRequest, type InlayHint, InlayHintRequest } from 'vscode-languageserver/node';
import { startTestServer, uriOf, type TestServer } from './harness';

// Invented articles, one for each way corpora write an article's date.
const ARTICLES: Record<string, { text: string; monday: string; source: RegExp }> = {
  'prefix.txt': { text: ' date 2024-03-06 Dock crews walked out on Monday, the union said.\n', monday: 'Mon 4 Mar 2024', source: /2024-03-06 from the article’s date line/ },
  'front.txt': { text: '---\ntitle: Dock Strike\ndate: 2024-03-13\n---\nDock crews walked out on Monday.\n', monday: 'Mon 11 Mar 2024', source: /2024-03-13 from the article’s front matter/ },
  'published.txt': { text: 'Dock Strike\nPublished: 20 March 2024\n\nDock crews walked out on Monday.\n', monday: 'Mon 18 Mar 2024', source: /2024-03-20 from the article’s “Published” line/ },
  'updated.txt': { text: 'Dock Strike\nUpdated 27 March 2024, 10:32 GMT\n\nDock crews walked out on Monday.\n', monday: 'Mon 25 Mar 2024', source: /2024-03-27 from the article’s “Updated” line/ },
  'under.txt': { text: 'Dock Strike\nWednesday 3 April 2024 09.15 BST\n\nDock crews walked out on Monday.\n', monday: 'Mon 1 Apr 2024', source: /2024-04-03 from the article’s date line/ },
};

describe('article dates as corpora write them, over JSON-RPC', () => {
  let server: TestServer;
  afterEach(async () => server?.dispose());

  it('resolves relative dates against each, and the hover and inlay hint name the source', async () => {
    server = await startTestServer(Object.fromEntries(Object.entries(ARTICLES).map(([file, a]) => [file, a.text])));
    await server.waitForIndex();
    for (const [file, { text, monday, source }] of Object.entries(ARTICLES)) {
      const uri = uriOf(file);
      const at = text.indexOf('Monday');
      const hover = (await server.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: server.position(file, text, at + 2) })) as Hover;
      assert.match((hover.contents as { value: string }).value, source, file);
      const hints = (await server.client.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: server.position(file, text, text.length) } })) as InlayHint[];
      const hint = hints.find((h) => JSON.stringify(h.position) === JSON.stringify(server.position(file, text, at + 'Monday'.length)));
      assert.ok(hint, `${file}: no hint after Monday in ${JSON.stringify(hints)}`);
      assert.equal(hint.label, `→ ${monday}`, file);
      assert.match(String(hint.tooltip), source, file);
    }
  });
});
