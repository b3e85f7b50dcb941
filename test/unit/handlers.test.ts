import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationTokenSource, SymbolKind, type DocumentSymbol, type TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ArticleAnalysis } from '../../server/src/analysis/types';
import { Corpus } from '../../server/src/corpus/corpus';
import { provideEntities, provideLedger, provideTimeline } from '../../server/src/lsp/corpusRequests';
import { DocumentLookup } from '../../server/src/lsp/documents';
import { provideSemanticTokens, TOKEN_TYPES } from '../../server/src/lsp/semanticTokens';
import { MAX_GROUP_CHILDREN, provideDocumentSymbols } from '../../server/src/lsp/symbols';
import { article, BAY, MARROW, PORT, SHIPS, type Word } from '../support/handArticles';

// The handlers called directly on a hand-built corpus: faster than JSON-RPC, and every bound
// and branch within reach.

const token = new CancellationTokenSource().token;

/** Open editor documents, as TextDocuments holds them. */
function openDocs(...docs: TextDocument[]): TextDocuments<TextDocument> {
  const byUri = new Map(docs.map((d) => [d.uri, d]));
  return { get: (uri: string) => byUri.get(uri) } as unknown as TextDocuments<TextDocument>;
}

function corpusWith(articles: [string, string, ArticleAnalysis][]): Corpus {
  const corpus = new Corpus();
  for (const [uri, text, analysis] of articles) corpus.setArticle(uri, corpus.pack(text, analysis));
  return corpus;
}

function handArticle(uri: string, date: string, ...words: Word[]): [string, string, ArticleAnalysis] {
  const { text, analysis } = article(date, ...words);
  return [uri, text, analysis];
}

describe('documents for positions', () => {
  it('use the open buffer only when the corpus holds its analysis, else the text the corpus analysed', () => {
    const corpus = corpusWith([handArticle('file:///a.txt', '', MARROW)]);
    const editor = TextDocument.create('file:///a.txt', 'article', 7, 'edited text that the corpus has not seen');
    let settled: number | undefined;
    const docs = new DocumentLookup(openDocs(editor), corpus, () => settled);
    assert.equal(docs.get('file:///a.txt')?.getText(), corpus.article('file:///a.txt')!.text);
    settled = 6;
    assert.notEqual(docs.get('file:///a.txt'), editor, 'an older version was analysed');
    settled = 7;
    assert.equal(docs.get('file:///a.txt'), editor);
    assert.equal(docs.get('file:///none.txt'), undefined);
    assert.equal(docs.range('file:///none.txt', 0, 1), undefined);
    assert.equal(docs.location('file:///none.txt', 0, 1), undefined);
  });

  it('make one document per record, and a new one when the record changes', () => {
    const corpus = corpusWith([handArticle('file:///a.txt', '', MARROW)]);
    const docs = new DocumentLookup(openDocs(), corpus);
    const first = docs.get('file:///a.txt');
    assert.equal(docs.get('file:///a.txt'), first);
    const { text, analysis } = article('', BAY);
    corpus.setArticle('file:///a.txt', corpus.pack(text, analysis));
    const second = docs.get('file:///a.txt');
    assert.notEqual(second, first);
    assert.equal(second?.getText(), text);
    assert.deepEqual(docs.location('file:///a.txt', 2, 4), { uri: 'file:///a.txt', range: { start: { line: 0, character: 2 }, end: { line: 0, character: 4 } } });
  });

  it('keep each made document as long as its record, however many articles a request crosses', () => {
    // References to a name in 6,000 articles read every one of them on each request.
    const uris = Array.from({ length: 6000 }, (_, i) => `file:///n/${i}.txt`);
    const corpus = corpusWith(uris.map((uri) => handArticle(uri, '', BAY)));
    const docs = new DocumentLookup(openDocs(), corpus);
    const made = uris.map((uri) => docs.get(uri));
    assert.ok(uris.every((uri, i) => docs.get(uri) === made[i]), 'the same documents, line offsets and all, on the next request');
    corpus.removeArticle(uris[0]);
    assert.equal(docs.get(uris[0]), undefined, 'an article no longer in the corpus has no document');
  });
});

describe('semantic tokens', () => {
  it('cut a mention across lines into one token per line, and let the earlier or longer of overlapping spans win', () => {
    const text = 'The Kestrel\r\nBay Port said\nlast week 40 ships';
    const analysis: ArticleAnalysis = {
      articleDate: { value: '2024-03-05', source: 'setting' },
      entities: [
        { kind: 'place', key: 'place:kestrel bay port', text: 'Kestrel\r\nBay Port', canonical: 'Kestrel Bay Port', start: 4, end: 21, fullName: true, rule: 'test' },
        { kind: 'org', key: 'org:bay', text: 'Bay', canonical: 'Bay', start: 13, end: 16, fullName: false, rule: 'test' },
      ],
      dates: [{ kind: 'date', type: 'DATE', start: 27, end: 36, text: 'last week', value: '2024-W09', relative: true, reading: '' }],
      figures: [
        { kind: 'figure', type: 'QUANTITY', start: 37, end: 39, text: '40', value: 40, measure: 'ships' },
        { kind: 'figure', type: 'QUANTITY', start: 37, end: 37, text: '', value: null, measure: 'ships' },
      ],
      problems: [],
    };
    const corpus = corpusWith([['file:///a.txt', text, analysis]]);
    const docs = new DocumentLookup(openDocs(), corpus);
    const tokens = provideSemanticTokens({ textDocument: { uri: 'file:///a.txt' } }, corpus, docs, token);
    const decoded: [number, number, number, string, number][] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      line += tokens.data[i];
      character = tokens.data[i] === 0 ? character + tokens.data[i + 1] : tokens.data[i + 1];
      decoded.push([line, character, tokens.data[i + 2], TOKEN_TYPES[tokens.data[i + 3]], tokens.data[i + 4]]);
    }
    assert.deepEqual(decoded, [
      [0, 4, 7, 'place', 1],
      [1, 0, 8, 'place', 1],
      [2, 0, 9, 'date', 2],
      [2, 10, 2, 'figure', 0],
    ]);
    assert.deepEqual(provideSemanticTokens({ textDocument: { uri: 'file:///none.txt' } }, corpus, docs, token), { data: [] });
  });
});

describe('bounded answers', () => {
  it('list at most 500 entities of a kind in the outline, and say how many are listed', () => {
    const people = Array.from({ length: MAX_GROUP_CHILDREN + 3 }, (_, i): Word => ({ text: `Person${String(i).padStart(3, '0')} Brack`, key: `person:person${i} brack`, full: true }));
    const corpus = corpusWith([handArticle('file:///a.txt', '', ...people)]);
    const symbols = provideDocumentSymbols({ textDocument: { uri: 'file:///a.txt' } }, corpus, new DocumentLookup(openDocs(), corpus), token) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => [s.name, s.detail, s.kind, s.children?.length]), [['People', '500 of 503 people', SymbolKind.Object, 500]]);
    assert.equal(symbols[0].children![0].name, 'Person000 Brack');
    assert.deepEqual(symbols[0].range.start, { line: 0, character: 0 }, 'without a headline the groups start at the top');
    assert.deepEqual(provideDocumentSymbols({ textDocument: { uri: 'file:///none.txt' } }, corpus, new DocumentLookup(openDocs(), corpus), token), []);
  });

  it('list between 1 and 2,000 entities (200 unless asked), of one kind when asked', () => {
    const places = Array.from({ length: 2005 }, (_, i): Word => ({ text: `Town${i}`, key: `place:town${i}`, kind: 'place', full: true }));
    const corpus = corpusWith([handArticle('file:///a.txt', '', PORT, ...places)]);
    const docs = new DocumentLookup(openDocs(), corpus);
    assert.deepEqual(
      [{}, { limit: 0 }, { limit: 1 }, { limit: 5000 }, { limit: 3, kind: 'org' as const }].map((p) => provideEntities(p, corpus, docs, token).length),
      [200, 1, 1, 2000, 1],
    );
    assert.deepEqual(provideEntities({ kind: 'org' }, corpus, docs, token).map((e) => [e.id, e.detail]), [['org:port authority', '1 article · 1 mention']]);
    assert.deepEqual(provideEntities({ filter: 'town2004' }, corpus, docs, token).map((e) => e.name), ['Town2004']);
  });

  it('give a timeline oldest first, undated last, then by file, bounded', () => {
    const corpus = corpusWith([
      handArticle('file:///t/b.txt', '', MARROW),
      handArticle('file:///t/a.txt', '', MARROW),
      handArticle('file:///t/c.txt', '2024-03-09', MARROW, MARROW),
      handArticle('file:///t/d.txt', '2024-03-01', MARROW),
    ]);
    const docs = new DocumentLookup(openDocs(), corpus);
    const timeline = provideTimeline({ id: 'person:ilse marrow' }, corpus, docs, token);
    assert.deepEqual(timeline.map((e) => [e.date, e.file, e.mentions, e.headline]), [
      ['2024-03-01', 'd.txt', 1, 'd.txt'],
      ['2024-03-09', 'c.txt', 2, 'c.txt'],
      ['', 'a.txt', 1, 'a.txt'],
      ['', 'b.txt', 1, 'b.txt'],
    ]);
    assert.equal(provideTimeline({ id: 'person:ilse marrow' }, corpus, docs, token, 2).length, 2);
  });

  it('bound a ledger and leave out rows whose article has gone', () => {
    const corpus = corpusWith([handArticle('file:///l/a.txt', '2024-03-01', SHIPS(1), SHIPS(2)), handArticle('file:///l/b.txt', '2024-03-02', SHIPS(3))]);
    const docs = new DocumentLookup(openDocs(), corpus);
    assert.deepEqual(provideLedger({ measure: 'ships' }, corpus, docs, token, 2).rows.map((r) => r.text), ['1', '2']);
    assert.equal(provideLedger({ measure: 'ships' }, corpus, docs, token).total, 3);
    const noDocuments = { location: () => undefined } as unknown as DocumentLookup;
    assert.deepEqual(provideLedger({ measure: 'ships' }, corpus, noDocuments, token), { measure: 'ships', total: 3, rows: [] });
  });

  it('give each ledger row its figure, date, file and place, and each timeline entry its first mention', () => {
    const corpus = corpusWith([handArticle('file:///l/a%20b.txt', '2024-03-01', MARROW, SHIPS(7), MARROW)]);
    const docs = new DocumentLookup(openDocs(), corpus);
    const at = (start: number, end: number) => ({ uri: 'file:///l/a%20b.txt', range: { start: { line: 0, character: start }, end: { line: 0, character: end } } });
    assert.deepEqual(provideLedger({ measure: 'ships' }, corpus, docs, token).rows, [{ text: '7', value: 7, unit: undefined, approx: undefined, counted: 'ships', date: '2024-03-01', file: 'a b.txt', location: at(13, 14) }]);
    assert.deepEqual(provideTimeline({ id: 'person:ilse marrow' }, corpus, docs, token), [{ date: '2024-03-01', file: 'a b.txt', headline: 'a b.txt', mentions: 2, location: at(0, 11) }], 'no headline: the file name');
    const [uri, text, analysis] = handArticle('file:///l/c.txt', '', MARROW);
    const headed = corpusWith([[uri, text, { ...analysis, headline: { start: 0, end: 11, text: 'Ilse Marrow' } }]]);
    assert.equal(provideTimeline({ id: 'person:ilse marrow' }, headed, new DocumentLookup(openDocs(), headed), token)[0].headline, 'Ilse Marrow');
  });
});
