import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationTokenSource, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentLookup } from '../../server/src/lsp/documents';
import { provideEntitiesPage } from '../../server/src/lsp/entitiesPage';
import { article, BAY, corpusOf, MARROW, PORT, type Word } from '../support/handArticles';

// Pages of the entity list over hand-built articles: most reported first, bounds on offset and
// limit, the kind and the filter, the total, and a location for the page's entities only.

const town = (i: number): Word => ({ text: `Town${i}`, key: `place:town${i}`, kind: 'place', full: true });
// Ilse Marrow in three articles, Kestrel Bay in two, the rest once.
const corpus = corpusOf(
  ['file:///p/a.txt', article('', MARROW, BAY, PORT, MARROW)],
  ['file:///p/b.txt', article('', MARROW, BAY)],
  ['file:///p/c.txt', article('', MARROW, ...Array.from({ length: 2100 }, (_, i) => town(i)))],
);
const docs = new DocumentLookup(new TextDocuments(TextDocument), corpus);
const token = new CancellationTokenSource().token;
const page = (params: Parameters<typeof provideEntitiesPage>[0]) => provideEntitiesPage(params, corpus, docs, token);

describe('the entities page', () => {
  it('list the most reported first, each with its counts, in words, and where it is first named', () => {
    const { items, offset, total } = page({ limit: 3 });
    assert.deepEqual([offset, total], [0, 2103]);
    assert.deepEqual(items, [
      { id: 'person:ilse marrow', kind: 'person', name: 'Ilse Marrow', mentions: 4, articles: 3, detail: '3 articles · 4 mentions', definition: { uri: 'file:///p/a.txt', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 11 } } } },
      { id: 'place:kestrel bay', kind: 'place', name: 'Kestrel Bay', mentions: 2, articles: 2, detail: '2 articles · 2 mentions', definition: { uri: 'file:///p/a.txt', range: { start: { line: 0, character: 13 }, end: { line: 0, character: 24 } } } },
      { id: 'org:port authority', kind: 'org', name: 'Port Authority', mentions: 1, articles: 1, detail: '1 article · 1 mention', definition: { uri: 'file:///p/a.txt', range: { start: { line: 0, character: 26 }, end: { line: 0, character: 40 } } } },
    ]);
  });

  it('page from an offset, counting the whole list', () => {
    const second = page({ offset: 1, limit: 2 });
    assert.deepEqual([second.offset, second.total, second.items.map((i) => i.id)], [1, 2103, ['place:kestrel bay', 'org:port authority']]);
    const past = page({ offset: 5000 });
    assert.deepEqual([past.offset, past.total, past.items], [5000, 2103, []]);
  });

  it('read a missing, negative, fractional or odd offset as 0, and bound the limit to 1–2,000 (200 unless asked)', () => {
    for (const offset of [undefined, -3, 1.5, Number.NaN, '2' as unknown as number]) assert.equal(page({ offset, limit: 1 }).offset, 0, String(offset));
    assert.deepEqual([page({}), page({ limit: 0 }), page({ limit: -4 }), page({ limit: 1 }), page({ limit: 2000 }), page({ limit: 2001 }), page({ limit: 2.5 })].map((p) => p.items.length), [200, 1, 1, 1, 2000, 2000, 200]);
  });

  it('keep one kind when asked, and filter by name', () => {
    const places = page({ kind: 'place', limit: 2 });
    assert.deepEqual([places.total, places.items.map((i) => i.id)], [2101, ['place:kestrel bay', 'place:town0']]);
    const filtered = page({ filter: 'marrow' });
    assert.deepEqual([filtered.total, filtered.items.map((i) => i.id)], [1, ['person:ilse marrow']]);
    assert.equal(page({ filter: 42 as unknown as string, limit: 1 }).total, 2103, 'a filter that is not text filters nothing');
  });
});
