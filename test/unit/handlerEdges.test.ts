import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationTokenSource, type DocumentSymbol, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ArticleAnalysis, DateMention, FigureMention } from '../../server/src/analysis/types';
import { Corpus } from '../../server/src/corpus/corpus';
import { DocumentLookup } from '../../server/src/lsp/documents';
import { provideHover } from '../../server/src/lsp/hover';
import { IndexRuns } from '../../server/src/lsp/indexing';
import { provideInlayHints } from '../../server/src/lsp/inlayHints';
import { REFERENCE_LIMIT } from '../../server/src/lsp/references';
import { provideSemanticTokens } from '../../server/src/lsp/semanticTokens';
import { MAX_ENTITY_MENTIONS, MAX_GROUP_CHILDREN, provideDocumentSymbols, provideWorkspaceSymbols } from '../../server/src/lsp/symbols';
import { TextDocument as Doc } from 'vscode-languageserver-textdocument';
import { ClientCommands } from '../../server/src/protocol';
import { article, BAY, corpusOf, MARROW } from '../support/handArticles';

// Handlers at their edges, called directly: an article the corpus does not hold, groups longer
// than the outline lists, links only for the commands a client runs, the mentions kept per
// article, and which `.corpuslens.json` makes a folder a corpus.

const token = new CancellationTokenSource().token;
const NO_EDITOR = { get: () => undefined } as unknown as TextDocuments<TextDocument>;

describe('hover edges', () => {
  const corpus = corpusOf(['file:///a.txt', article('2024-03-05', MARROW)]);
  const docs = new DocumentLookup(NO_EDITOR, corpus);
  const at = { textDocument: { uri: 'file:///a.txt' }, position: { line: 0, character: 2 } };
  const card = (commands: string[], partial?: string) => (provideHover(at, corpus, docs, token, partial, new Set(commands))!.contents as { value: string }).value;

  it('answers null for an article the corpus does not hold', () => {
    assert.equal(provideHover({ textDocument: { uri: 'file:///none.txt' }, position: { line: 0, character: 0 } }, corpus, docs, token), null);
  });

  it('links the dashboard only for a client that runs both of its commands', () => {
    const plain = card([]);
    assert.doesNotMatch(plain, /Show on timeline/);
    assert.equal(card([ClientCommands.showOnTimeline]), plain);
    assert.equal(card([ClientCommands.showNetwork]), plain);
    assert.match(card([ClientCommands.showOnTimeline, ClientCommands.showNetwork]), /\[Show on timeline\]\(command:corpusLens\.showOnTimeline\?.*\[Show network\]\(command:corpusLens\.showNetwork\?/);
  });

  it('adds only the notes that apply, each in italics after a blank line', () => {
    const plain = card([]);
    assert.doesNotMatch(plain, /undefined|\*\s*$/);
    assert.equal(card([], 'Partial: indexing, 1 of 3 articles read so far.'), `${plain}\n\n*Partial: indexing, 1 of 3 articles read so far.*`);
  });

  it('answers null when cancelled, on an entity as elsewhere', () => {
    const cancelled = new CancellationTokenSource();
    cancelled.cancel();
    assert.equal(provideHover(at, corpus, docs, cancelled.token), null);
  });

  it('puts both notes, each after its own blank line, when references are capped and the index is partial', () => {
    // The same corpus, but the entity mentioned more often than Find All References lists.
    const busy = Object.create(corpus) as Corpus;
    busy.summaryOf = (id, t) => {
      const summary = corpus.summaryOf(id, t);
      return summary && { ...summary, mentionCount: REFERENCE_LIMIT + 1 };
    };
    const value = (partial?: string) => (provideHover(at, busy, docs, token, partial)!.contents as { value: string }).value;
    const capped = '\n\n*Find All References shows the first 100,000 of 100,001.*';
    assert.ok(value().endsWith(capped), value());
    const busyCard = value().slice(0, -capped.length);
    assert.equal(value('Partial: indexing, 1 of 3 articles read so far.'), `${busyCard}${capped}\n\n*Partial: indexing, 1 of 3 articles read so far.*`);
  });
});

describe('outline groups longer than the outline lists', () => {
  it('list the first 500 dates and figures and count them all; an unresolved date and an uncounted figure say so', () => {
    const dates: DateMention[] = [];
    const figures: FigureMention[] = [];
    let text = '';
    for (let i = 0; i <= MAX_GROUP_CHILDREN; i++) {
      const d = `d${i}`;
      dates.push({ kind: 'date', type: 'DATE', start: text.length, end: text.length + d.length, text: d, value: i === 0 ? undefined : '2024-03-05', relative: false, reading: 'test' } as DateMention);
      text += `${d} `;
      const f = String(i);
      figures.push({ kind: 'figure', type: 'QUANTITY', start: text.length, end: text.length + f.length, text: f, value: i, counted: i === 0 ? undefined : 'ships', measure: 'ships' } as FigureMention);
      text += `${f}\n`;
    }
    const analysis: ArticleAnalysis = { articleDate: { value: '2024-03-05', source: 'date-line' }, entities: [], dates, figures, problems: [] };
    const corpus = new Corpus();
    corpus.setArticle('file:///long.txt', corpus.pack(text, analysis));
    const outline = provideDocumentSymbols({ textDocument: { uri: 'file:///long.txt' } }, corpus, new DocumentLookup(NO_EDITOR, corpus), token);
    const group = (name: string) => outline.find((s) => s.name === name) as DocumentSymbol;
    assert.equal(group('Dates').detail, '500 of 501 dates');
    assert.equal(group('Dates').children!.length, 500);
    assert.deepEqual([group('Dates').children![0].name, group('Dates').children![0].detail, group('Dates').children![499].name], ['d0', 'unresolved', 'd499']);
    assert.deepEqual(group('Dates').children![0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } });
    assert.equal(group('Figures').detail, '500 of 501 figures');
    assert.equal(group('Figures').children!.length, 500);
    assert.deepEqual([group('Figures').children![0].detail, group('Figures').children![1].detail], ['quantity', 'ships']);
    assert.deepEqual(group('Figures').children![1].range, { start: { line: 1, character: 3 }, end: { line: 1, character: 4 } });
  });
});

describe('outline entries', () => {
  it('list the first 500 mentions of an entity in the article and count them all', () => {
    const corpus = corpusOf(['file:///a.txt', article('2024-03-05', ...Array.from({ length: MAX_ENTITY_MENTIONS + 1 }, () => MARROW))]);
    const [people] = provideDocumentSymbols({ textDocument: { uri: 'file:///a.txt' } }, corpus, new DocumentLookup(NO_EDITOR, corpus), token);
    const [marrow] = people.children!;
    assert.equal(marrow.detail, '501 mentions here (first 500 listed) · 1 article');
    assert.equal(marrow.children!.length, 500);
  });

  it('are none for an open buffer whose analysis the corpus does not hold (it failed), as are colours and hints', () => {
    const corpus = corpusOf(['file:///a.txt', article('2024-03-05', MARROW)]);
    const buffer = Doc.create('file:///failed.txt', 'article', 3, 'Ilse Marrow spoke.\n');
    const editor = { get: (uri: string) => (uri === buffer.uri ? buffer : undefined) } as unknown as TextDocuments<TextDocument>;
    // The buffer's version is settled (its analysis ended), yet nothing of it reached the corpus.
    const docs = new DocumentLookup(editor, corpus, () => 3);
    assert.equal(docs.get(buffer.uri), buffer);
    const textDocument = { uri: buffer.uri };
    assert.deepEqual(provideDocumentSymbols({ textDocument }, corpus, docs, token), []);
    assert.deepEqual(provideSemanticTokens({ textDocument }, corpus, docs, token), { data: [] });
    assert.deepEqual(provideInlayHints({ textDocument, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } } }, corpus, docs, token), []);
  });
});

describe('workspace symbols', () => {
  it('leave out an entity whose first mention cannot be placed in a document', () => {
    const corpus = corpusOf(['file:///a.txt', article('2024-03-05', MARROW)], ['file:///b.txt', article('2024-03-05', BAY)]);
    const docs = new DocumentLookup(NO_EDITOR, corpus);
    // The lookup knows a.txt only (b.txt went while the request ran).
    const location = docs.location.bind(docs);
    docs.location = (uri, start, end) => (uri === 'file:///a.txt' ? location(uri, start, end) : undefined);
    const symbols = provideWorkspaceSymbols({ query: '' }, corpus, docs, token);
    assert.deepEqual(
      symbols.map((s) => [s.name, s.location.uri, s.location.range]),
      [['Ilse Marrow', 'file:///a.txt', { start: { line: 0, character: 0 }, end: { line: 0, character: 11 } }]],
    );
  });
});

describe('resolved mentions kept per article', () => {
  it('keeps those of the last 8 articles read, for the corpus version they were read at', () => {
    const corpus = new Corpus();
    const uris = Array.from({ length: 9 }, (_, i) => `file:///a${i}.txt`);
    for (const uri of uris) {
      const { text, analysis } = article('2024-03-05', MARROW);
      corpus.setArticle(uri, corpus.pack(text, analysis));
    }
    const reads: string[] = [];
    const mentionsIn = corpus.mentionsIn.bind(corpus);
    corpus.mentionsIn = (uri, t) => (reads.push(uri), mentionsIn(uri, t));
    const docs = new DocumentLookup(NO_EDITOR, corpus);
    for (const uri of uris.slice(0, 8)) docs.mentionsIn(uri, token);
    docs.mentionsIn(uris[0], token);
    assert.equal(reads.length, 8, 'the first of eight is still kept');
    docs.mentionsIn(uris[8], token);
    docs.mentionsIn(uris[1], token);
    docs.mentionsIn(uris[0], token);
    assert.deepEqual(reads.slice(8), [uris[8], uris[0]], 'a ninth pushes out the first read');
  });
});

describe('the root marker', () => {
  it('is the .corpuslens.json at the root of a workspace folder, not one in a subfolder or a sibling', () => {
    const runs = new IndexRuns(undefined as never, undefined as never, undefined as never, () => ({}) as never, () => undefined);
    runs.folderUris = ['file:///work/news/', 'file:///work/notes'];
    assert.equal(runs.isRootMarker('file:///work/news/.corpuslens.json'), true);
    assert.equal(runs.isRootMarker('file:///work/notes/.corpuslens.json'), true);
    assert.equal(runs.isRootMarker('file:///work/news/2024/.corpuslens.json'), false);
    assert.equal(runs.isRootMarker('file:///work/notes2/.corpuslens.json'), false);
    assert.equal(runs.isRootMarker('file:///work/news/settings.json'), false);
  });
});
