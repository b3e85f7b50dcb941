import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CancellationSignal } from '../../server/src/analysis/types';
import { Corpus } from '../../server/src/corpus/corpus';
import { NO_CONTEXT, NOT_CANCELLED as T, type CorpusQueries } from '../../server/src/corpus/queries';
import { BAY, MARROW, MS_MARROW, PORT, SHIPS, TUESDAY, article, corpusOf } from '../support/handArticles';

const A = article('2024-03-05', MARROW, BAY, TUESDAY, SHIPS(40), MARROW);
const B = article('2024-03-07', MS_MARROW, PORT, SHIPS(12), BAY);
const C = article('', PORT, SHIPS(7));

function sample(): Corpus {
  return corpusOf(['file:///a.txt', A], ['file:///b.txt', B], ['file:///c.txt', C]);
}

/** A signal cancelled from the start, and one that turns cancelled after `checks` looks. */
const CANCELLED: CancellationSignal = { isCancellationRequested: true };
function cancelledAfter(checks: number): CancellationSignal {
  let left = checks;
  return {
    get isCancellationRequested() {
      return left-- <= 0;
    },
  };
}

/** Every query with its documented answer when cancelled. */
const QUERIES: [string, (corpus: CorpusQueries, token: CancellationSignal) => unknown, unknown][] = [
  ['resolve', (c, t) => c.resolve('person:~marrow', t), 'person:~marrow'],
  ['membersOf', (c, t) => c.membersOf('person:ilse marrow', t), []],
  ['entityIds', (c, t) => c.entityIds(t), []],
  ['mentionsIn', (c, t) => c.mentionsIn('file:///a.txt', t), []],
  ['entityAt', (c, t) => c.entityAt('file:///a.txt', 2, t), undefined],
  ['datesIn', (c, t) => c.datesIn('file:///a.txt', t), []],
  ['dateAt', (c, t) => c.dateAt('file:///a.txt', A.text.indexOf('Tuesday'), t), undefined],
  ['figuresIn', (c, t) => c.figuresIn('file:///a.txt', t), []],
  ['figureAt', (c, t) => c.figureAt('file:///a.txt', A.text.indexOf('40'), t), undefined],
  ['summaryOf', (c, t) => c.summaryOf('person:~marrow', t), undefined],
  ['contextOf', (c, t) => c.contextOf('person:ilse marrow', t), NO_CONTEXT],
  ['definitionOf', (c, t) => c.definitionOf('person:~marrow', t), undefined],
  ['occurrencesOf', (c, t) => c.occurrencesOf('person:ilse marrow', 100, t), []],
  ['occurrencesIn', (c, t) => c.occurrencesIn('file:///a.txt', 'person:ilse marrow', t), []],
  ['articlesOf', (c, t) => c.articlesOf('place:kestrel bay', t), []],
  ['searchEntities', (c, t) => c.searchEntities('', 100, t), []],
  ['ledgerOf', (c, t) => c.ledgerOf('ships', 100, t), { rows: [], total: 0 }],
  ['measures', (c, t) => c.measures(t), []],
];

describe('Corpus queries and cancellation', () => {
  for (const [name, query, cancelledAnswer] of QUERIES) {
    it(`${name}: answers ${JSON.stringify(cancelledAnswer) ?? 'undefined'} when cancelled, and keeps nothing from it`, () => {
      const corpus = sample();
      const expected = query(sample(), T);
      assert.notDeepEqual(expected, cancelledAnswer, 'the live answer is not the empty one');
      assert.deepEqual(query(corpus, CANCELLED), cancelledAnswer);
      // Cancelled part-way (after any number of looks), the answer is whole or the empty one, never partial.
      for (let checks = 0; checks < 6; checks++) {
        const answer = query(corpus, cancelledAfter(checks));
        assert.ok(isDeepEqual(answer, cancelledAnswer) || isDeepEqual(answer, expected), `${name} after ${checks} looks: ${JSON.stringify(answer)}`);
      }
      assert.deepEqual(query(corpus, T), expected, 'a later live query is not served a partial cached answer');
    });
  }

  it('answers every query about an unknown article or entity with its empty answer, not an error', () => {
    const corpus = sample();
    assert.deepEqual(
      [
        corpus.mentionsIn('file:///none.txt', T),
        corpus.entityAt('file:///none.txt', 0, T),
        corpus.datesIn('file:///none.txt', T),
        corpus.dateAt('file:///none.txt', 0, T),
        corpus.figuresIn('file:///none.txt', T),
        corpus.figureAt('file:///none.txt', 0, T),
        corpus.occurrencesIn('file:///none.txt', 'person:ilse marrow', T),
        corpus.summaryOf('person:nobody', T),
        corpus.definitionOf('person:nobody', T),
        corpus.occurrencesOf('person:nobody', 10, T),
        corpus.articlesOf('person:nobody', T),
        corpus.membersOf('person:nobody', T),
        corpus.ledgerOf('nothing', 10, T),
        corpus.article('file:///none.txt'),
      ],
      [[], undefined, [], undefined, [], undefined, [], undefined, undefined, [], [], [], { rows: [], total: 0 }, undefined],
    );
    assert.deepEqual(corpus.contextOf('person:nobody', T), { firstDate: '', lastDate: '', coMentioned: [] });
  });
});

describe('Corpus answers', () => {
  it('resolves each mention of an article to its entity, type and name', () => {
    const corpus = sample();
    assert.deepEqual(
      corpus.mentionsIn('file:///b.txt', T).map((m) => [m.mention.text, m.mention.start, m.mention.end, m.id, m.kind, m.name]),
      [
        ['Ms Marrow', 0, 9, 'person:ilse marrow', 'person', 'Ilse Marrow'],
        ['Port Authority', 11, 25, 'org:port authority', 'org', 'Port Authority'],
        ['Kestrel Bay', 31, 42, 'place:kestrel bay', 'place', 'Kestrel Bay'],
      ],
    );
  });

  it('finds the mention, date or figure at an offset, ends included, and nothing between them', () => {
    const corpus = sample();
    const bay = A.text.indexOf('Kestrel Bay');
    assert.equal(corpus.entityAt('file:///a.txt', bay - 1, T), undefined, 'the space before');
    assert.equal(corpus.entityAt('file:///a.txt', bay, T)?.mention.text, 'Kestrel Bay');
    assert.equal(corpus.entityAt('file:///a.txt', bay + 'Kestrel Bay'.length, T)?.mention.text, 'Kestrel Bay', 'end inclusive');
    assert.equal(corpus.entityAt('file:///a.txt', bay + 'Kestrel Bay'.length + 1, T), undefined);
    const last = A.text.lastIndexOf('Ilse Marrow');
    assert.deepEqual(corpus.entityAt('file:///a.txt', last + 3, T)?.mention.start, last, 'the last mention of the list');
    const tuesday = A.text.indexOf('Tuesday');
    assert.deepEqual(corpus.dateAt('file:///a.txt', tuesday + 7, T), { kind: 'date', type: 'DATE', start: tuesday, end: tuesday + 7, text: 'Tuesday', value: '2024-03-05', relative: true, reading: 'test' });
    assert.equal(corpus.dateAt('file:///a.txt', tuesday - 2, T), undefined);
    const forty = A.text.indexOf('40');
    assert.deepEqual(corpus.figureAt('file:///a.txt', forty, T), { kind: 'figure', type: 'QUANTITY', start: forty, end: forty + 2, text: '40', value: 40, counted: 'ships', measure: 'ships' });
    assert.equal(corpus.figureAt('file:///a.txt', forty + 3, T), undefined);
  });

  it('summarises an entity across articles, from any of its keys', () => {
    const corpus = sample();
    assert.deepEqual(corpus.summaryOf('person:~marrow', T), {
      id: 'person:ilse marrow',
      kind: 'person',
      canonical: 'Ilse Marrow',
      spellings: ['Ilse Marrow', 'Ms Marrow'],
      roles: [],
      mentionCount: 3,
      articleCount: 2,
      rules: ['test'],
    });
    assert.deepEqual(corpus.membersOf('person:~marrow', T).sort(), ['person:ilse marrow', 'person:~marrow']);
    assert.deepEqual(corpus.articlesOf('person:~marrow', T), ['file:///a.txt', 'file:///b.txt']);
    assert.deepEqual(corpus.contextOf('person:ilse marrow', T), {
      firstDate: '2024-03-05',
      lastDate: '2024-03-07',
      coMentioned: [
        { id: 'place:kestrel bay', canonical: 'Kestrel Bay', kind: 'place', articles: 2 },
        { id: 'org:port authority', canonical: 'Port Authority', kind: 'org', articles: 1 },
      ],
    });
  });

  it('searches names, most articles first, then most mentions, then by name, up to the limit', () => {
    const corpus = sample();
    assert.deepEqual(corpus.searchEntities('', 10, T).map((s) => s.canonical), ['Ilse Marrow', 'Kestrel Bay', 'Port Authority']);
    assert.deepEqual(corpus.searchEntities('', 2, T).map((s) => s.canonical), ['Ilse Marrow', 'Kestrel Bay']);
    assert.deepEqual(corpus.searchEntities('  ms MARROW ', 10, T).map((s) => s.id), ['person:ilse marrow'], 'trimmed, any case, any spelling');
    assert.deepEqual(corpus.searchEntities('zzz', 10, T), []);
  });

  it('lists measures by the number of articles reporting them, then by name', () => {
    const corpus = corpusOf(['file:///a.txt', article('', SHIPS(1), { text: '9', figure: { value: 9, measure: 'crew' } })], ['file:///b.txt', article('', SHIPS(2))], ['file:///c.txt', article('', { text: '3', figure: { value: 3, measure: 'boats' } })]);
    assert.deepEqual(corpus.measures(T), [
      { measure: 'ships', articles: 2 },
      { measure: 'boats', articles: 1 },
      { measure: 'crew', articles: 1 },
    ]);
  });
});

describe('Figure ledger upkeep', () => {
  it('shows an article added after a ledger was read, and forgets it when it goes', () => {
    const corpus = sample();
    const rows = () => corpus.ledgerOf('ships', 10, T).rows.map((r) => [r.uri, r.figure.text, r.date]);
    assert.deepEqual(rows(), [
      ['file:///a.txt', '40', '2024-03-05'],
      ['file:///b.txt', '12', '2024-03-07'],
      ['file:///c.txt', '7', ''],
    ]);
    const { text, analysis } = article('2024-03-06', SHIPS(25), SHIPS(26));
    corpus.setArticle('file:///d.txt', corpus.pack(text, analysis));
    assert.deepEqual(rows(), [
      ['file:///a.txt', '40', '2024-03-05'],
      ['file:///d.txt', '25', '2024-03-06'],
      ['file:///d.txt', '26', '2024-03-06'],
      ['file:///b.txt', '12', '2024-03-07'],
      ['file:///c.txt', '7', ''],
    ]);
    assert.equal(corpus.ledgerOf('ships', 2, T).total, 5);
    assert.deepEqual(corpus.ledgerOf('ships', 2, T).rows.map((r) => r.figure.text), ['40', '25'], 'a shorter ledger from the cached longer one');
    corpus.removeArticle('file:///a.txt');
    assert.deepEqual(corpus.ledgerOf('ships', 10, T).rows.map((r) => r.figure.text), ['25', '26', '12', '7']);
    assert.deepEqual(corpus.measures(T), [{ measure: 'ships', articles: 3 }]);
    corpus.removeArticle('file:///b.txt');
    corpus.removeArticle('file:///c.txt');
    corpus.removeArticle('file:///d.txt');
    assert.deepEqual([corpus.ledgerOf('ships', 10, T), corpus.measures(T)], [{ rows: [], total: 0 }, []]);
  });

  it('keeps an article that reports a measure twice under its date once', () => {
    const corpus = sample();
    const { text, analysis } = article('2024-03-05', SHIPS(1), SHIPS(2), SHIPS(3));
    corpus.setArticle('file:///a.txt', corpus.pack(text, analysis));
    assert.deepEqual(corpus.ledgerOf('ships', 10, T).rows.map((r) => [r.uri, r.figure.text]), [
      ['file:///a.txt', '1'],
      ['file:///a.txt', '2'],
      ['file:///a.txt', '3'],
      ['file:///b.txt', '12'],
      ['file:///c.txt', '7'],
    ]);
    assert.deepEqual(corpus.measures(T), [{ measure: 'ships', articles: 3 }]);
  });
});

describe('Article records', () => {
  it('keep the text, its hash and the meta of what was packed, and mentions in text order', () => {
    const corpus = new Corpus();
    const { text, analysis } = article('2024-03-05', MARROW, BAY);
    // Given out of order, as an engine might: lookups by offset need them sorted.
    analysis.entities.reverse();
    const packed = corpus.pack(text, analysis);
    corpus.setArticle('file:///a.txt', packed);
    const record = corpus.article('file:///a.txt')!;
    assert.deepEqual([record.uri, record.text, record.hash, record.meta.articleDate], ['file:///a.txt', text, packed.hash, { value: '2024-03-05', source: 'date-line' }]);
    assert.deepEqual(corpus.mentionsIn('file:///a.txt', T).map((m) => m.mention.text), ['Ilse Marrow', 'Kestrel Bay']);
    assert.equal(corpus.entityAt('file:///a.txt', text.indexOf('Kestrel'), T)?.mention.text, 'Kestrel Bay');
    assert.deepEqual([...corpus.uris()], ['file:///a.txt']);
    assert.equal(corpus.size, 1);
  });
});

function isDeepEqual(a: unknown, b: unknown): boolean {
  try {
    assert.deepEqual(a, b);
    return true;
  } catch {
    return false;
  }
}

