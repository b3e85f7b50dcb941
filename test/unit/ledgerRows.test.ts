import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LedgerRow } from '../../server/src/corpus/queries';
import { article, corpusOf, SHIPS } from '../support/handArticles';

// The figure ledger of a measure: its first rows by date, kept until an article reporting the
// measure changes, and never filled by a request cancelled before or while it reads.

const LIVE = { isCancellationRequested: false };

/** A token that turns cancelled after it has been asked `checks` times. */
function cancelledAfter(checks: number) {
  let asked = 0;
  return {
    get isCancellationRequested() {
      return asked++ >= checks;
    },
  };
}

/** Where each row is: its article and the figure's offsets. */
const places = (rows: LedgerRow[]) => rows.map((r) => `${r.uri}@${r.figure.start}-${r.figure.end}=${r.figure.value}`);

describe('the figure ledger', () => {
  it('keeps the other articles of a date when one of them leaves', () => {
    const corpus = corpusOf(['file:///a.txt', article('2024-03-01', SHIPS(4))], ['file:///b.txt', article('2024-03-01', SHIPS(7))], ['file:///c.txt', article('2024-03-02', SHIPS(9))]);
    corpus.removeArticle('file:///a.txt');
    const { rows, total } = corpus.ledgerOf('ships', 10, LIVE);
    assert.deepEqual(places(rows), ['file:///b.txt@0-1=7', 'file:///c.txt@0-1=9']);
    assert.deepEqual(rows.map((r) => r.date), ['2024-03-01', '2024-03-02']);
    assert.equal(total, 2);
  });

  it('answers a second request for as many rows (or fewer) from the rows it kept, and a larger one afresh', () => {
    const corpus = corpusOf(['file:///a.txt', article('2024-03-01', SHIPS(4), SHIPS(5))], ['file:///b.txt', article('2024-03-02', SHIPS(7))]);
    const first = corpus.ledgerOf('ships', 2, LIVE);
    assert.deepEqual(places(first.rows), ['file:///a.txt@0-1=4', 'file:///a.txt@3-4=5']);
    const again = corpus.ledgerOf('ships', 2, LIVE);
    // The same figure objects: the rows were kept, not read out of the packed article again.
    assert.ok(again.rows.every((r, i) => r.figure === first.rows[i].figure));
    assert.equal(corpus.ledgerOf('ships', 1, LIVE).rows[0].figure, first.rows[0].figure);
    const more = corpus.ledgerOf('ships', 3, LIVE);
    assert.deepEqual(places(more.rows), ['file:///a.txt@0-1=4', 'file:///a.txt@3-4=5', 'file:///b.txt@0-1=7']);
    assert.equal(more.total, 3);
  });

  it('answers a request cancelled before it starts with nothing, even when the rows are kept', () => {
    const corpus = corpusOf(['file:///a.txt', article('2024-03-01', SHIPS(4))]);
    assert.equal(corpus.ledgerOf('ships', 5, LIVE).rows.length, 1);
    assert.deepEqual(corpus.ledgerOf('ships', 5, { isCancellationRequested: true }), { rows: [], total: 0 });
  });

  it('answers a request cancelled while it reads the articles with nothing, and keeps nothing of it', () => {
    const corpus = corpusOf(['file:///a.txt', article('2024-03-01', SHIPS(4))], ['file:///b.txt', article('2024-03-02', SHIPS(7))]);
    // Asked once on entry, then once per article read: cancelled before the first article.
    assert.deepEqual(corpus.ledgerOf('ships', 5, cancelledAfter(1)), { rows: [], total: 0 });
    assert.deepEqual(places(corpus.ledgerOf('ships', 5, LIVE).rows), ['file:///a.txt@0-1=4', 'file:///b.txt@0-1=7']);
  });

  it('forgets the kept rows when an article reporting the measure arrives, changes or leaves', () => {
    const corpus = corpusOf(['file:///b.txt', article('2024-03-02', SHIPS(7))]);
    assert.deepEqual(places(corpus.ledgerOf('ships', 5, LIVE).rows), ['file:///b.txt@0-1=7']);
    const a = article('2024-03-01', SHIPS(4));
    corpus.setArticle('file:///a.txt', corpus.pack(a.text, a.analysis));
    assert.deepEqual(places(corpus.ledgerOf('ships', 5, LIVE).rows), ['file:///a.txt@0-1=4', 'file:///b.txt@0-1=7']);
    const changed = article('2024-03-01', SHIPS(40));
    corpus.setArticle('file:///a.txt', corpus.pack(changed.text, changed.analysis));
    assert.deepEqual(places(corpus.ledgerOf('ships', 5, LIVE).rows), ['file:///a.txt@0-2=40', 'file:///b.txt@0-1=7']);
    corpus.removeArticle('file:///b.txt');
    const after = corpus.ledgerOf('ships', 5, LIVE);
    assert.deepEqual(places(after.rows), ['file:///a.txt@0-2=40']);
    assert.equal(after.total, 1);
  });
});
