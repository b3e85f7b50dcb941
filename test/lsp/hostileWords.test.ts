import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { CodeActionRequest, DefinitionRequest, DocumentHighlightRequest, type DocumentSymbol, DocumentSymbolRequest, type Hover, HoverRequest, InlayHintRequest, type Location, ReferencesRequest, SemanticTokensRequest, WorkspaceSymbolRequest } from 'vscode-languageserver/node';
import { EntitiesRequest, LedgerRequest, MeasuresRequest, TimelineRequest } from '../../server/src/protocol';
import { HOSTILE_WORDS, hostileArticle, spellings } from '../support/hostileWords';
import { startTestServer, uriOf, type TestServer } from './harness';

// Every Object.prototype (and Array, Function, String) property name, in every position the
// engine reads a word, in articles, file names, settings and corrections: the server must index
// them as plain words and answer every feature for them.
const WORDS = HOSTILE_WORDS.filter((w) => w !== 'length' && w !== 'name').concat(['length', 'name']);
const FILES: Record<string, string> = Object.create(null);
for (const word of WORDS) FILES[`${word}.txt`] = spellings(word).map(hostileArticle).join('\n\n');
// File names that are property names themselves, matched by a glob of every file.
FILES['constructor'] = hostileArticle('Constructor');
FILES['__proto__'] = hostileArticle('Valueof');
FILES['toString'] = hostileArticle('Hasownproperty');

const articleDates = Object.fromEntries(WORDS.filter((w) => w !== 'toString').map((w) => [`${w}.txt`, '2020-01-02']));
const CORRECTIONS = JSON.stringify({
  version: 1,
  merge: [{ entities: ['person:constructor', 'org:__proto__'] }, { entities: ['person:~tostring', 'person:tostring smith'] }],
  split: [{ entity: 'person:~valueof' }, { entity: 'person:~constructor', file: '__proto__' }],
  notEntity: ['hasOwnProperty', 'person:isprototypeof'],
  articleDates: { ...articleDates, constructor: '2021-05-05' },
}).replace('"constructor":"2021-05-05"', '"__proto__":"2021-05-06","constructor":"2021-05-05"');

describe('words that are JavaScript property names, over JSON-RPC', () => {
  let server: TestServer;
  afterEach(async () => server?.dispose());

  it('indexes them and answers every feature, with corrections and settings keyed by them', async () => {
    server = await startTestServer({ ...FILES, '.corpuslens.json': CORRECTIONS }, { articles: ['**/*.txt', 'constructor', '__proto__', 'toString'], articleDates: JSON.parse(JSON.stringify(articleDates).replace('{', '{"__proto__":"2019-09-09",')) });
    await server.waitForIndex();
    assert.equal(server.workspace.corpus.size, WORDS.length + 3);
    assert.ok(!server.logs.some((l) => /\[error\]|failed|invalid|not valid/i.test(l)), server.logs.filter((l) => /error|failed|invalid/i.test(l)).join('\n'));
    for (const file of ['constructor.txt', 'constructor', '__proto__', 'toString.txt', '__defineGetter__.txt']) {
      const text = FILES[file];
      const uri = uriOf(file);
      const symbols = (await server.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
      assert.ok(Array.isArray(symbols) && symbols.length > 0, `${file}: outline`);
      for (const needle of ['3 ', 'Mr ', ' Smith', ' Inc', 'President ', '(', 'last ', '$3 ']) {
        const at = text.indexOf(needle) + needle.length;
        const position = server.position(file, text, at);
        const hover = (await server.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position })) as Hover | null;
        if (hover) assert.equal(typeof (hover.contents as { value: string }).value, 'string');
        const refs = (await server.client.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration: true } })) as Location[] | null;
        assert.ok(refs === null || Array.isArray(refs), `${file} at ${needle}: references`);
        await server.client.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position });
        await server.client.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri }, position });
        await server.client.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
      }
      await server.client.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } } });
      await server.client.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    }
    for (const word of WORDS) {
      const found = (await server.client.sendRequest(WorkspaceSymbolRequest.type, { query: word })) as unknown[];
      assert.ok(Array.isArray(found), `workspace symbol ${word}`);
      const ledger = await server.client.sendRequest(LedgerRequest, { measure: word });
      assert.ok(ledger === null || typeof ledger === 'object', `ledger ${word}`);
      for (const kind of ['person', 'organization', 'place', word]) {
        const list = (await server.client.sendRequest(EntitiesRequest, { kind: kind as 'person', filter: word })) as unknown[];
        assert.ok(Array.isArray(list), `entities ${kind} ${word}`);
      }
      await server.client.sendRequest(TimelineRequest, { id: `person:${word.toLowerCase()}` });
      await server.client.sendRequest(TimelineRequest, { id: word });
    }
    const measures = await server.client.sendRequest(MeasuresRequest);
    for (const { measure } of measures) await server.client.sendRequest(LedgerRequest, { measure });
    // The corrections keyed by property names took effect: the article dates of the files named
    // "constructor" and "__proto__" come from the corrections file, which wins over the setting.
    const dated = (file: string) => server.workspace.corpus.article(uriOf(file))?.meta.articleDate.value;
    assert.equal(JSON.stringify(dated('constructor') ?? null).includes('2021-05-05'), true, `constructor: ${JSON.stringify(dated('constructor'))}`);
    assert.equal(JSON.stringify(dated('__proto__') ?? null).includes('2021-05-06'), true, `__proto__: ${JSON.stringify(dated('__proto__'))}`);
    // A file named like a property nobody set a date for keeps the date of its own date line.
    assert.equal(dated('toString'), '2021-11-10');
    assert.equal(dated('valueOf.txt'), '2020-01-02');
  });
});
