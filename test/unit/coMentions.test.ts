import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/analysis';
import { NO_CONTEXT, NOT_CANCELLED } from '../../server/src/corpus/queries';
import { ARTICLES, corpusOf, meeting, uri } from './dashboardSamples';

// Invented articles (samples for this test): the dashboard's port strike, one more where a
// demonym ("Portuguese") and a name said twice appear, and cabinet meetings of invented people.
const TALKS = 'Talks\ndate 2024-03-07\n\nPortuguese workers met Ilse Marrow and Minister Carl Dahl. Carl Dahl spoke twice.\n';

describe('an entity\'s dates and company', () => {
  it('gives the first and last article dates of all its keys, and who shares its articles, each article once, demonyms aside', () => {
    const corpus = corpusOf({ ...ARTICLES, 'p.txt': TALKS });
    // Marrow by her surname alone in a2 and a3, by her full name elsewhere; undated in the notes.
    assert.deepEqual(corpus.contextOf('person:~marrow', NOT_CANCELLED), {
      firstDate: '2024-03-04',
      lastDate: '2024-03-20',
      coMentioned: [
        { id: 'place:lisbon', canonical: 'Lisbon', kind: 'place', articles: 3 },
        { id: 'person:tomas fell', canonical: 'Tomas Fell', kind: 'person', articles: 2 },
        { id: 'org:keswin dock authority', canonical: 'Keswin Dock Authority', kind: 'org', articles: 1 },
        { id: 'person:carl dahl', canonical: 'Carl Dahl', kind: 'person', articles: 1 },
      ],
    });
    assert.deepEqual(corpus.contextOf('person:tomas fell', NOT_CANCELLED), {
      firstDate: '2024-03-20',
      lastDate: '2024-05-02',
      coMentioned: [
        { id: 'person:ilse marrow', canonical: 'Ilse Marrow', kind: 'person', articles: 2 },
        { id: 'place:lisbon', canonical: 'Lisbon', kind: 'place', articles: 2 },
      ],
    });
    // An entity only in undated articles has no dates.
    const alone = corpusOf({ 'u.txt': 'Notes\n\nMinister Anna Berg met Minister Carl Dahl.\n' });
    assert.deepEqual(alone.contextOf('person:anna berg', NOT_CANCELLED), { firstDate: '', lastDate: '', coMentioned: [{ id: 'person:carl dahl', canonical: 'Carl Dahl', kind: 'person', articles: 1 }] });
  });

  it('lists the five that share most articles with it, ties by id, whatever order they were met in', () => {
    // Anna Berg meets Carl in six meetings, Edda in five, Gustav in four, Ines, Jonas and Karin in three, Lars in one.
    const times = new Map([[7, 1], [6, 3], [5, 3], [4, 3], [3, 4], [2, 5], [1, 6]]);
    const articles = Object.fromEntries(Array.from({ length: 6 }, (_, j) => [`m${j}.txt`, meeting(`2024-03-0${j + 1}`, [0, ...[...times].filter(([, n]) => n > j).map(([p]) => p)])]));
    const context = corpusOf(articles).contextOf('person:anna berg', NOT_CANCELLED);
    assert.deepEqual([context.firstDate, context.lastDate], ['2024-03-01', '2024-03-06']);
    assert.deepEqual(context.coMentioned.map((c) => [c.canonical, c.articles]), [['Carl Dahl', 6], ['Edda Falk', 5], ['Gustav Holm', 4], ['Ines Jung', 3], ['Jonas Krall', 3]]);
  });

  it('looks at its first 200 articles only', () => {
    const articles = Object.fromEntries(Array.from({ length: 210 }, (_, i) => [`m${String(i).padStart(3, '0')}.txt`, meeting('2024-03-04', i < 200 ? [0, 1] : [0, 8])]));
    const context = corpusOf(articles).contextOf('person:anna berg', NOT_CANCELLED);
    assert.deepEqual(context.coMentioned.map((c) => [c.canonical, c.articles]), [['Carl Dahl', 200]]);
  });

  it('follows an edit, and answers nothing when cancelled, before or during, without keeping that answer', () => {
    const corpus = corpusOf({ ...ARTICLES });
    assert.deepEqual(corpus.contextOf('person:tomas fell', NOT_CANCELLED).coMentioned.map((c) => c.id), ['person:ilse marrow', 'place:lisbon']);
    corpus.setArticle(uri('p.txt'), corpus.pack(TALKS.replace('Ilse Marrow', 'Tomas Fell'), analyzeArticle(TALKS.replace('Ilse Marrow', 'Tomas Fell'), {})));
    assert.deepEqual(corpus.contextOf('person:tomas fell', NOT_CANCELLED).coMentioned.map((c) => [c.id, c.articles]), [['person:ilse marrow', 2], ['place:lisbon', 2], ['person:carl dahl', 1]]);
    // Corrections change every article's entities: nothing kept from before them.
    corpus.setCorrections({ merges: [], noJoin: new Set(), splitIn: new Map(), notEntity: new Set(['lisbon']) });
    assert.deepEqual(corpus.contextOf('person:tomas fell', NOT_CANCELLED).coMentioned.map((c) => [c.id, c.articles]), [['person:ilse marrow', 2], ['person:carl dahl', 1]]);
    assert.equal(corpus.contextOf('person:ilse marrow', { isCancellationRequested: true }), NO_CONTEXT);
    let looks = 0;
    const during = {
      get isCancellationRequested() {
        return ++looks > 1;
      },
    };
    assert.equal(corpus.contextOf('person:ilse marrow', during), NO_CONTEXT);
    assert.ok(looks > 1);
    assert.deepEqual(corpus.contextOf('person:ilse marrow', NOT_CANCELLED).coMentioned.map((c) => c.id), ['person:tomas fell', 'org:keswin dock authority']);
  });
});
