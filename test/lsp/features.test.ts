import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Hover, HoverRequest, type InlayHint, InlayHintRequest, type SemanticTokens, SemanticTokensRequest } from 'vscode-languageserver/node';
import { TOKEN_TYPES } from '../../server/src/lsp/semanticTokens';
import { EntitiesRequest, LedgerRequest, MeasuresRequest, TimelineRequest } from '../../server/src/protocol';
import { startTestServer, uriOf, type TestServer } from './harness';

// Invented articles: a figure ledger of striking workers across three dates.
const FIRST = `Dock Strike Begins
date 2024-03-04

Nearly 4,000 workers walked out, Ms Ilse Marrow said.
`;
const SECOND = `Strike Spreads
date 2024-03-08

Over 5,200 workers are now on strike, Ms Marrow said two days ago.
`;
const UNDATED = `Strike Notes

About 6,000 workers marched last week.
`;

function text(hover: Hover | null): string {
  assert.ok(hover);
  return (hover.contents as { value: string }).value;
}

/** Decodes LSP's relative token stream into [line, character, length, type] tuples. */
function decode(tokens: SemanticTokens): [number, number, number, string][] {
  const out: [number, number, number, string][] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [dl, dc, length, type] = tokens.data.slice(i, i + 4);
    line += dl;
    character = dl === 0 ? character + dc : dc;
    out.push([line, character, length, TOKEN_TYPES[type]]);
  }
  return out;
}

describe('reader features over JSON-RPC', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ 'first.txt': FIRST, 'second.txt': SECOND, 'undated.txt': UNDATED });
    await server.waitForIndex();
  });
  after(async () => server.dispose());

  it('colours people, dates and figures with semantic tokens', async () => {
    const tokens = decode((await server.client.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: uriOf('second.txt') } })) as SemanticTokens);
    const at = (needle: string) => {
      const offset = SECOND.indexOf(needle);
      const p = server.position('second.txt', SECOND, offset);
      return tokens.find(([line, character]) => line === p.line && character === p.character);
    };
    assert.equal(at('Marrow')?.[3], 'person');
    assert.equal(at('two days ago')?.[3], 'date');
    assert.equal(at('5,200')?.[3], 'figure');
    assert.equal(at('Marrow')?.[2], 'Marrow'.length);
  });

  it('shows the calendar date after a relative date, and says when there is no anchor', async () => {
    const hints = (await server.client.sendRequest(InlayHintRequest.type, {
      textDocument: { uri: uriOf('second.txt') },
      range: { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } },
    })) as InlayHint[];
    const hint = hints.find((h) => String(h.label).includes('2024'));
    assert.ok(hint, JSON.stringify(hints));
    assert.equal(hint.label, '→ Wed 6 Mar 2024');
    assert.deepEqual(hint.position, server.position('second.txt', SECOND, SECOND.indexOf('two days ago') + 'two days ago'.length));
    const undated = (await server.client.sendRequest(InlayHintRequest.type, {
      textDocument: { uri: uriOf('undated.txt') },
      range: { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } },
    })) as InlayHint[];
    assert.deepEqual(undated.map((h) => h.label), ['→ unresolved: no article date']);
  });

  it('lists the figure ledger of a measure in the figure hover, oldest first', async () => {
    const hover = (await server.client.sendRequest(HoverRequest.type, {
      textDocument: { uri: uriOf('second.txt') },
      position: server.position('second.txt', SECOND, SECOND.indexOf('5,200') + 1),
    })) as Hover;
    const card = text(hover);
    const rows = card.split('\n').filter((l) => l.startsWith('- '));
    assert.deepEqual(
      rows.map((r) => r.replace(/\\/g, '')),
      ['- 4,000, 2024-03-04, first.txt', '- 5,200, 2024-03-08, second.txt ← this one', '- 6,000, undated, undated.txt'],
    );
    assert.match(card, /command:corpusLens\.showLedger\?/);
  });

  it('answers the ledger request for the whole measure', async () => {
    const ledger = (await server.client.sendRequest(LedgerRequest, { measure: 'workers' }))!;
    assert.equal(ledger.total, 3);
    assert.deepEqual(ledger.rows.map((r) => r.file), ['first.txt', 'second.txt', 'undated.txt']);
  });

  it('links the entity hover to its references and gives its dates', async () => {
    const position = server.position('second.txt', SECOND, SECOND.indexOf('Marrow'));
    const card = text((await server.client.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf('second.txt') }, position })) as Hover);
    const link = /\[2 mentions in 2 articles\]\(command:corpusLens\.showReferences\?([^)]+)\)/.exec(card);
    assert.ok(link, card);
    assert.deepEqual(JSON.parse(decodeURIComponent(link[1])), [uriOf('second.txt'), position]);
    assert.match(card, /Reported from 2024-03-04 to 2024-03-08/);
  });

  it('lists entities for the explorer view and the timeline of one', async () => {
    const people = await server.client.sendRequest(EntitiesRequest, { kind: 'person' });
    const marrow = people.find((p) => p.name === 'Ilse Marrow');
    assert.ok(marrow, JSON.stringify(people));
    assert.equal(marrow.articles, 2);
    const filtered = await server.client.sendRequest(EntitiesRequest, { filter: 'zzz' });
    assert.deepEqual(filtered, []);
    const timeline = await server.client.sendRequest(TimelineRequest, { id: marrow.id });
    assert.deepEqual(timeline.map((t) => [t.date, t.headline, t.mentions]), [
      ['2024-03-04', 'Dock Strike Begins', 1],
      ['2024-03-08', 'Strike Spreads', 1],
    ]);
  });
});

describe('requests sent without params', () => {
  it('answers the measures request with no params at all', async () => {
    const server = await startTestServer({ 'first.txt': FIRST, 'second.txt': SECOND });
    try {
      await server.waitForIndex();
      const measures = await server.client.sendRequest(MeasuresRequest);
      assert.ok(measures.some((m) => m.measure === 'workers' && m.articles === 2), JSON.stringify(measures));
    } finally {
      await server.dispose();
    }
  });
});
