import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CancellationTokenSource,
  CodeActionRequest,
  DefinitionRequest,
  DocumentHighlightKind,
  DocumentHighlightRequest,
  DocumentSymbolRequest,
  HoverRequest,
  InlayHintRequest,
  LSPErrorCodes,
  ReferencesRequest,
  SemanticTokensRequest,
  SymbolKind,
  WorkspaceSymbolRequest,
  type CodeAction,
  type DocumentSymbol,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
  type Position,
  type Range,
  type SemanticTokens,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { TOKEN_MODIFIERS, TOKEN_TYPES } from '../../server/src/lsp/semanticTokens';
import { ClientCommands, EntitiesRequest, LedgerRequest, MeasuresRequest, TimelineRequest } from '../../server/src/protocol';
import { startTestServer, uriOf, type TestServer } from './harness';

// Invented sample articles. STRIKE names one person twice (full name, then surname), a
// place, an organization, a demonym, two relative dates and a figure, all on one line.
const STRIKE = `Dock Strike Ends
date 2024-03-05

Union leader Ilse Marrow said on Tuesday that 4,000 dockers would return to work in Oslo. The Kestrel Harbour Company welcomed the deal. Ms Marrow spoke to Norwegian reporters last week.
`;
const TALKS = `Port Talks Resume
date 2024-03-12

Ilse Marrow met the Kestrel Harbour Company again. Marrow said 300 dockers were still waiting.
`;

/** The offset of the n-th occurrence (from 0) of a needle. */
function offsetOf(text: string, needle: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" #${nth} is in the article`);
  }
  return at;
}

describe('answers over JSON-RPC, range by range', () => {
  let server: TestServer;
  const range = (file: string, text: string, needle: string, nth = 0): Range => {
    const start = offsetOf(text, needle, nth);
    return { start: server.position(file, text, start), end: server.position(file, text, start + needle.length) };
  };
  const at = (file: string, text: string, needle: string, nth = 0): Position => server.position(file, text, offsetOf(text, needle, nth) + 1);

  before(async () => {
    server = await startTestServer({ 'strike.txt': STRIKE, 'talks.txt': TALKS });
    await server.waitForIndex();
  });
  after(async () => server.dispose());

  it('highlights the full name as written and the surname as read, in this article only', async () => {
    const highlights = await server.client.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri: uriOf('strike.txt') }, position: at('strike.txt', STRIKE, 'Marrow', 1) });
    assert.deepEqual(highlights, [
      { range: range('strike.txt', STRIKE, 'Ilse Marrow'), kind: DocumentHighlightKind.Write },
      { range: range('strike.txt', STRIKE, 'Marrow', 1), kind: DocumentHighlightKind.Read },
    ]);
  });

  it('finds every mention in every article, articles in order, and leaves the declaration out when asked', async () => {
    const params = { textDocument: { uri: uriOf('talks.txt') }, position: at('talks.txt', TALKS, 'Marrow said') };
    const all = await server.client.sendRequest(ReferencesRequest.type, { ...params, context: { includeDeclaration: true } });
    const expected = [
      { uri: uriOf('strike.txt'), range: range('strike.txt', STRIKE, 'Ilse Marrow') },
      { uri: uriOf('strike.txt'), range: range('strike.txt', STRIKE, 'Marrow', 1) },
      { uri: uriOf('talks.txt'), range: range('talks.txt', TALKS, 'Ilse Marrow') },
      { uri: uriOf('talks.txt'), range: range('talks.txt', TALKS, 'Marrow', 1) },
    ];
    assert.deepEqual(all, expected);
    const withoutDeclaration = await server.client.sendRequest(ReferencesRequest.type, { ...params, context: { includeDeclaration: false } });
    assert.deepEqual(withoutDeclaration, expected.slice(1));
  });

  it('goes from a surname to the first full-name mention of the corpus', async () => {
    const definition = await server.client.sendRequest(DefinitionRequest.type, { textDocument: { uri: uriOf('talks.txt') }, position: at('talks.txt', TALKS, 'Marrow said') });
    assert.deepEqual(definition, { uri: uriOf('strike.txt'), range: range('strike.txt', STRIKE, 'Ilse Marrow') });
    const nothing = await server.client.sendRequest(DefinitionRequest.type, { textDocument: { uri: uriOf('talks.txt') }, position: at('talks.txt', TALKS, 'waiting') });
    assert.equal(nothing, null);
  });

  it('outlines the headline, then People, Organizations, Places, Dates and Figures, in that order', async () => {
    const symbols = (await server.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf('strike.txt') } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => [s.name, s.detail, s.kind]), [
      ['Dock Strike Ends', 'headline', SymbolKind.String],
      ['People', '1', SymbolKind.Object],
      ['Organizations', '1', SymbolKind.Class],
      ['Places', '2', SymbolKind.Module],
      ['Dates', '3', SymbolKind.Event],
      ['Figures', '1', SymbolKind.Number],
    ]);
    assert.deepEqual(symbols[0].range, range('strike.txt', STRIKE, 'Dock Strike Ends'));
    // Editors sort by start: group i starts i characters after the headline, and all end at the article's end.
    const headlineEnd = STRIKE.indexOf('\n');
    const end = server.position('strike.txt', STRIKE, STRIKE.length);
    symbols.slice(1).forEach((group, i) => {
      const start = server.position('strike.txt', STRIKE, headlineEnd + i);
      assert.deepEqual([group.range, group.selectionRange], [{ start, end }, { start, end: start }], group.name);
    });
    const [marrow] = symbols[1].children!;
    assert.deepEqual([marrow.name, marrow.detail, marrow.kind], ['Ilse Marrow', '2 mentions here · 2 articles', SymbolKind.Object]);
    assert.deepEqual(marrow.range, { start: range('strike.txt', STRIKE, 'Ilse Marrow').start, end: range('strike.txt', STRIKE, 'Marrow', 1).end });
    assert.deepEqual(marrow.selectionRange, range('strike.txt', STRIKE, 'Ilse Marrow'));
    assert.deepEqual(marrow.children!.map((c) => [c.name, c.detail, c.kind, c.range]), [
      ['Ilse Marrow', '', SymbolKind.EnumMember, range('strike.txt', STRIKE, 'Ilse Marrow')],
      ['Marrow', 'Ms', SymbolKind.EnumMember, range('strike.txt', STRIKE, 'Marrow', 1)],
    ]);
    assert.deepEqual(symbols[2].children!.map((c) => [c.name, c.detail, c.kind]), [['Kestrel Harbour Company', '1 mention here · 2 articles', SymbolKind.Class]]);
    assert.deepEqual(symbols[4].children!.map((c) => [c.name, c.detail, c.range]), [
      ['2024-03-05', '2024-03-05', range('strike.txt', STRIKE, '2024-03-05')],
      ['Tuesday', '2024-03-05', range('strike.txt', STRIKE, 'Tuesday')],
      ['last week', '2024-W09', range('strike.txt', STRIKE, 'last week')],
    ]);
    assert.deepEqual(symbols[5].children!.map((c) => [c.name, c.detail, c.range]), [['4,000', 'dockers', range('strike.txt', STRIKE, '4,000')]]);
  });

  it('colours each mention with its type and modifiers, in text order', async () => {
    const tokens = (await server.client.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: uriOf('strike.txt') } }))!;
    const token = (needle: string, type: (typeof TOKEN_TYPES)[number], modifiers: (typeof TOKEN_MODIFIERS)[number][], nth = 0) => {
      const { start } = range('strike.txt', STRIKE, needle, nth);
      return [start.line, start.character, needle.length, type, modifiers.sort().join(' ')];
    };
    assert.deepEqual(decode(tokens), [
      token('2024-03-05', 'date', []),
      token('Ilse Marrow', 'person', ['fullName']),
      token('Tuesday', 'date', ['relative']),
      token('4,000', 'figure', []),
      token('Oslo', 'place', []),
      token('Kestrel Harbour Company', 'organization', []),
      token('Marrow', 'person', [], 1),
      token('Norwegian', 'place', ['demonym']),
      token('last week', 'date', ['relative']),
    ]);
  });

  it('shows a hint after each relative date inside the asked range, ends included, and none outside', async () => {
    const hintsIn = async (from: number, to: number) => {
      const hints = await server.client.sendRequest(InlayHintRequest.type, {
        textDocument: { uri: uriOf('strike.txt') },
        range: { start: server.position('strike.txt', STRIKE, from), end: server.position('strike.txt', STRIKE, to) },
      });
      return (hints ?? []).map((h) => [h.label, h.position, h.paddingLeft, h.tooltip]);
    };
    const tuesday = offsetOf(STRIKE, 'Tuesday');
    const lastWeek = offsetOf(STRIKE, 'last week');
    const afterTuesday = server.position('strike.txt', STRIKE, tuesday + 'Tuesday'.length);
    const afterLastWeek = server.position('strike.txt', STRIKE, lastWeek + 'last week'.length);
    const tuesdayHint = ['→ Tue 5 Mar 2024', afterTuesday, true, 'Tuesday = 2024-03-05, resolved against the article date 2024-03-05 from the article’s date line'];
    const lastWeekHint = ['→ 26 Feb – 3 Mar 2024', afterLastWeek, true, 'last week = 2024-W09, resolved against the article date 2024-03-05 from the article’s date line'];
    assert.deepEqual(await hintsIn(0, STRIKE.length), [tuesdayHint, lastWeekHint]);
    // The date line is not relative: no hint for it.
    assert.deepEqual(await hintsIn(0, tuesday - 1), []);
    assert.deepEqual(await hintsIn(0, tuesday), [tuesdayHint], 'a range ending where a date starts includes it');
    assert.deepEqual(await hintsIn(tuesday + 'Tuesday'.length, lastWeek - 1), [tuesdayHint], 'a range starting where a date ends includes it');
    assert.deepEqual(await hintsIn(tuesday + 'Tuesday'.length + 1, lastWeek - 1), []);
    assert.deepEqual(await hintsIn(lastWeek + 2, lastWeek + 3), [lastWeekHint], 'a range inside a date includes it');
  });

  it('finds entities by name with their kind, definition and counts', async () => {
    const symbols = await server.client.sendRequest(WorkspaceSymbolRequest.type, { query: 'kestrel' });
    assert.deepEqual(symbols, [
      { name: 'Kestrel Harbour Company', kind: SymbolKind.Class, location: { uri: uriOf('strike.txt'), range: range('strike.txt', STRIKE, 'Kestrel Harbour Company') }, containerName: '2 mentions in 2 articles' },
    ]);
    const people = await server.client.sendRequest(WorkspaceSymbolRequest.type, { query: 'MARROW' });
    assert.deepEqual(people?.map((s) => [s.name, s.kind, s.containerName]), [['Ilse Marrow', SymbolKind.Object, '4 mentions in 2 articles']]);
    const places = await server.client.sendRequest(WorkspaceSymbolRequest.type, { query: 'oslo' });
    assert.deepEqual(places?.map((s) => [s.name, s.kind]), [['Oslo', SymbolKind.Module]]);
  });

  it('offers the corrections of a mention: edits of .corpuslens.json, and commands where the client must ask', async () => {
    const position = at('talks.txt', TALKS, 'Marrow said');
    const actions = (await server.client.sendRequest(CodeActionRequest.type, { textDocument: { uri: uriOf('talks.txt') }, range: { start: position, end: position }, context: { diagnostics: [] } })) as CodeAction[];
    /** The corrections file as the action's edit leaves it. */
    const edited = (edit: WorkspaceEdit) => {
      const change = (edit.documentChanges ?? []).find((c): c is TextDocumentEdit => 'textDocument' in c)!;
      const before = server.source.files.get(URI.parse(change.textDocument.uri).fsPath);
      return JSON.parse(TextDocument.applyEdits(TextDocument.create(change.textDocument.uri, 'json', 0, typeof before === 'string' ? before : ''), change.edits as TextEdit[])) as { notEntity: string[] };
    };
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.edit ? ['edit', edited(a.edit).notEntity] : [a.command?.command, a.command?.arguments]]),
      [
        ['Corpus Lens: “Marrow” is not an entity (everywhere)', 'quickfix', ['edit', ['Marrow']]],
        ['Corpus Lens: Merge “Ilse Marrow” with another entity…', 'quickfix', [ClientCommands.mergeEntity, [uriOf('talks.txt'), 'person:ilse marrow', 'Ilse Marrow', 'person']]],
        ['Corpus Lens: Set this article’s date…', 'quickfix', [ClientCommands.setArticleDate, [uriOf('talks.txt'), '2024-03-12']]],
      ],
    );
    // Nothing is written behind the editor: the edit is the editor's to apply.
    assert.equal(server.source.files.get('/corpus/.corpuslens.json'), undefined);
    // Away from any mention, only the article's date can be set.
    const elsewhere = at('talks.txt', TALKS, 'waiting');
    const some = await server.client.sendRequest(CodeActionRequest.type, { textDocument: { uri: uriOf('talks.txt') }, range: { start: elsewhere, end: elsewhere }, context: { diagnostics: [] } });
    assert.deepEqual(some?.map((a) => a.title), ['Corpus Lens: Set this article’s date…']);
  });

  it('lists the entities of one kind, most reported first, with their definitions', async () => {
    const orgs = await server.client.sendRequest(EntitiesRequest, { kind: 'org' });
    assert.deepEqual(orgs, [
      { id: 'org:kestrel harbour', kind: 'org', name: 'Kestrel Harbour Company', mentions: 2, articles: 2, detail: '2 articles · 2 mentions', definition: { uri: uriOf('strike.txt'), range: range('strike.txt', STRIKE, 'Kestrel Harbour Company') } },
    ]);
    const limited = await server.client.sendRequest(EntitiesRequest, { limit: 1 });
    assert.equal(limited.length, 1);
    const timeline = await server.client.sendRequest(TimelineRequest, { id: 'person:~marrow' });
    assert.deepEqual(timeline, [
      { date: '2024-03-05', file: 'strike.txt', headline: 'Dock Strike Ends', mentions: 2, location: { uri: uriOf('strike.txt'), range: range('strike.txt', STRIKE, 'Ilse Marrow') } },
      { date: '2024-03-12', file: 'talks.txt', headline: 'Port Talks Resume', mentions: 2, location: { uri: uriOf('talks.txt'), range: range('talks.txt', TALKS, 'Ilse Marrow') } },
    ]);
  });

  it('gives the ledger of a measure with each figure located, oldest first', async () => {
    const ledger = await server.client.sendRequest(LedgerRequest, { measure: 'dockers' });
    assert.deepEqual(ledger, {
      measure: 'dockers',
      total: 2,
      rows: [
        { text: '4,000', value: 4000, date: '2024-03-05', file: 'strike.txt', location: { uri: uriOf('strike.txt'), range: range('strike.txt', STRIKE, '4,000') } },
        { text: '300', value: 300, date: '2024-03-12', file: 'talks.txt', location: { uri: uriOf('talks.txt'), range: range('talks.txt', TALKS, '300') } },
      ].map((row) => ({ ...row, counted: 'dockers' })),
    });
    assert.deepEqual(await server.client.sendRequest(MeasuresRequest), [{ measure: 'dockers', articles: 2 }]);
  });

  // Each request, cancelled as soon as it is sent, gets the cancelled error and no answer.
  const cancellable: [string, (token: CancellationTokenSource['token']) => Promise<unknown>][] = [
    ['hover', (t) => server.client.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf('strike.txt') }, position: at('strike.txt', STRIKE, 'Oslo') }, t)],
    ['references', (t) => server.client.sendRequest(ReferencesRequest.type, { textDocument: { uri: uriOf('strike.txt') }, position: at('strike.txt', STRIKE, 'Oslo'), context: { includeDeclaration: true } }, t)],
    ['outline', (t) => server.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf('strike.txt') } }, t)],
    ['workspace symbols', (t) => server.client.sendRequest(WorkspaceSymbolRequest.type, { query: '' }, t)],
    ['entities', (t) => server.client.sendRequest(EntitiesRequest, {}, t)],
    ['ledger', (t) => server.client.sendRequest(LedgerRequest, { measure: 'dockers' }, t)],
    ['measures', (t) => server.client.sendRequest(MeasuresRequest, t)],
  ];
  for (const [name, send] of cancellable) {
    it(`answers a cancelled ${name} request with RequestCancelled`, async () => {
      const source = new CancellationTokenSource();
      const answer = send(source.token);
      source.cancel();
      await assert.rejects(answer, (error: { code?: number }) => error.code === LSPErrorCodes.RequestCancelled);
      // The server is not left in a bad state: the same request answers when not cancelled.
      await assert.doesNotReject(send(new CancellationTokenSource().token));
    });
  }
});

/** Decodes LSP's relative token stream into [line, character, length, type, modifiers]. */
function decode(tokens: SemanticTokens): [number, number, number, string, string][] {
  const out: [number, number, number, string, string][] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [dl, dc, length, type, modifiers] = tokens.data.slice(i, i + 5);
    line += dl;
    character = dl === 0 ? character + dc : dc;
    const names = TOKEN_MODIFIERS.filter((_, bit) => (modifiers & (1 << bit)) !== 0);
    out.push([line, character, length, TOKEN_TYPES[type], [...names].sort().join(' ')]);
  }
  return out;
}
