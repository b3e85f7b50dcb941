import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/analysis';
import { Corpus } from '../../server/src/corpus/corpus';
import { ARTICLES, corpusOf, uri } from './dashboardSamples';

// What the dashboard reads of each article through the corpus: key counts, unresolved dates,
// the first readable figure of a measure; and the version derived tables compare.
// Invented articles (samples for this test) beside the dashboard's.
const CROWDS = 'Crowds\ndate 2024-03-10\n\nDozens of workers came, then 40,000 workers left, 3,000 workers stayed and 12 ships sailed.\n';

describe('the corpus as the dashboard reads it', () => {
  it('gives an article\'s first readable figure of a measure and how many of it follow', () => {
    const corpus = corpusOf({ ...ARTICLES, 'crowds.txt': CROWDS });
    const found = corpus.firstFigureIn(uri('crowds.txt'), 'workers');
    assert.deepEqual(found && [found.figure.text, found.figure.value, found.figure.start, found.others], ['40,000', 40000, CROWDS.indexOf('40,000'), 1]);
    const ships = corpus.firstFigureIn(uri('crowds.txt'), 'ships');
    assert.deepEqual(ships && [ships.figure.text, ships.others], ['12', 0]);
    assert.equal(corpus.firstFigureIn(uri('crowds.txt'), 'tanks'), undefined, 'a measure nobody reports');
    assert.equal(corpus.firstFigureIn(uri('a1.txt'), 'ships'), undefined, 'a measure this article does not report');
    assert.equal(corpus.firstFigureIn(uri('gone.txt'), 'workers'), undefined);
    const only = corpusOf({ 'd.txt': 'Crowds\ndate 2024-03-10\n\nDozens of workers came.\n' });
    assert.equal(only.firstFigureIn(uri('d.txt'), 'workers'), undefined, 'no readable figure');
  });

  it('counts each key of an article and its unresolved dates', () => {
    const corpus = corpusOf(ARTICLES);
    assert.deepEqual(corpus.keyCountsIn(uri('a2.txt')), new Map([['person:~marrow', 2], ['org:keswin dock authority', 1]]), 'keys as written: her surname alone');
    assert.deepEqual(corpus.keyCountsIn(uri('blank.txt')), new Map());
    assert.equal(corpus.keyCountsIn(uri('gone.txt')), undefined);
    assert.equal(corpus.unresolvedIn(uri('caf%C3%A9 notes.txt')), 2);
    assert.equal(corpus.unresolvedIn(uri('a1.txt')), 0);
    assert.equal(corpus.unresolvedIn(uri('gone.txt')), 0);
  });

  it('changes its version with every article set or removed and every correction, not with a removal of nothing', () => {
    const corpus = new Corpus();
    const before = corpus.version;
    const text = ARTICLES['a1.txt'];
    corpus.setArticle(uri('a1.txt'), corpus.pack(text, analyzeArticle(text, {})));
    const added = corpus.version;
    assert.notEqual(added, before);
    corpus.removeArticle(uri('nothing.txt'));
    assert.equal(corpus.version, added);
    corpus.setCorrections({ merges: [], noJoin: new Set(), splitIn: new Map(), notEntity: new Set(['lisbon']) });
    const corrected = corpus.version;
    assert.notEqual(corrected, added);
    assert.equal(corpus.keyCountsIn(uri('a1.txt'))!.has('place:lisbon'), false);
    corpus.removeArticle(uri('a1.txt'));
    assert.notEqual(corpus.version, corrected);
    assert.equal(corpus.size, 0);
  });

  it('refuses an article packed for another corpus', () => {
    const other = new Corpus();
    const text = ARTICLES['a1.txt'];
    const packed = other.pack(text, analyzeArticle(text, {}));
    const corpus = new Corpus();
    assert.throws(() => corpus.setArticle(uri('a1.txt'), packed), /packed for another corpus/);
    assert.equal(corpus.size, 0);
  });
});
