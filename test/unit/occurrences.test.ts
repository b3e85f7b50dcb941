import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CancellationSignal } from '../../server/src/analysis/types';
import type { Corpus } from '../../server/src/corpus/corpus';
import { NOT_CANCELLED as T, type Occurrence } from '../../server/src/corpus/queries';
import { corpusWith, corrections, named, person, put, story, surnameOnly } from '../support/storyArticles';

// Where an entity is mentioned, asserted as exact article ids and offsets on invented sample
// articles. The uris are added out of order, so an answer in uri order is sorted, not found so.

const ILSE = person('Ilse Marrow');
const MS_MARROW = surnameOnly('Ms Marrow', { role: 'Minister' });
const BAY = named('place', 'Kestrel Bay');

// c.txt: "Ms Marrow met Ilse Marrow" — offsets 0–9 and 14–25 (the same person twice).
// a.txt: "Ms Marrow spoke at Kestrel Bay" — 0–9 and 19–30.
// b.txt: "Kestrel Bay and Ilse Marrow said Ilse Marrow" — 0–11, 16–27, 33–44.
function sample(): Corpus {
  return corpusWith(
    ['file:///c.txt', story('2024-03-07', MS_MARROW, 'met', ILSE)],
    ['file:///a.txt', story('2024-03-05', MS_MARROW, 'spoke at', BAY)],
    ['file:///b.txt', story('2024-03-06', BAY, 'and', ILSE, 'said', ILSE)],
  );
}

const at = (o: Occurrence) => [o.uri, o.start, o.end, o.text];

describe('Occurrences of an entity', () => {
  it('lists every mention of every key of the entity, articles in uri order, mentions in text order', () => {
    const expected = [
      ['file:///a.txt', 0, 9, 'Ms Marrow'],
      ['file:///b.txt', 16, 27, 'Ilse Marrow'],
      ['file:///b.txt', 33, 44, 'Ilse Marrow'],
      ['file:///c.txt', 0, 9, 'Ms Marrow'],
      ['file:///c.txt', 14, 25, 'Ilse Marrow'],
    ];
    const corpus = sample();
    assert.deepEqual(corpus.occurrencesOf('person:ilse marrow', 100, T).map(at), expected);
    assert.deepEqual(corpus.occurrencesOf('person:~marrow', 100, T).map(at), expected, 'asked by the surname key');
    assert.deepEqual(corpus.occurrencesOf('place:kestrel bay', 100, T).map(at), [
      ['file:///a.txt', 19, 30, 'Kestrel Bay'],
      ['file:///b.txt', 0, 11, 'Kestrel Bay'],
    ]);
  });

  it('gives the first mentions only, as many as asked, whether the limit ends inside an article or at its end', () => {
    const corpus = sample();
    const all = corpus.occurrencesOf('person:ilse marrow', Infinity, T).map(at);
    for (let limit = 1; limit <= 5; limit++) assert.deepEqual(corpus.occurrencesOf('person:ilse marrow', limit, T).map(at), all.slice(0, limit), `limit ${limit}`);
    assert.deepEqual(corpus.occurrencesOf('person:ilse marrow', 6, T).map(at), all);
  });

  it('carries whether each mention spells the full name, and its role', () => {
    const corpus = sample();
    assert.deepEqual(
      corpus.occurrencesOf('person:ilse marrow', 3, T).map((o) => [o.fullName, o.role]),
      [
        [false, 'Minister'],
        [true, undefined],
        [true, undefined],
      ],
    );
  });

  it('lists the mentions in one article, and none where the entity is not mentioned', () => {
    const corpus = sample();
    assert.deepEqual(corpus.occurrencesIn('file:///c.txt', 'person:~marrow', T).map(at), [
      ['file:///c.txt', 0, 9, 'Ms Marrow'],
      ['file:///c.txt', 14, 25, 'Ilse Marrow'],
    ]);
    // Asked about another entity in the same article, then in another article: each its own mentions.
    assert.deepEqual(corpus.occurrencesIn('file:///c.txt', 'place:kestrel bay', T), []);
    assert.deepEqual(corpus.occurrencesIn('file:///a.txt', 'place:kestrel bay', T).map(at), [['file:///a.txt', 19, 30, 'Kestrel Bay']]);
    assert.deepEqual(corpus.occurrencesIn('file:///a.txt', 'person:ilse marrow', T).map(at), [['file:///a.txt', 0, 9, 'Ms Marrow']]);
  });

  it('lists the articles of an entity in uri order', () => {
    const corpus = sample();
    assert.deepEqual(corpus.articlesOf('person:~marrow', T), ['file:///a.txt', 'file:///b.txt', 'file:///c.txt']);
    assert.deepEqual(corpus.articlesOf('place:kestrel bay', T), ['file:///a.txt', 'file:///b.txt']);
  });

  it('follow the articles as they are replaced and removed, and as the surname leaves the full name', () => {
    const corpus = sample();
    assert.equal(corpus.occurrencesIn('file:///b.txt', 'person:ilse marrow', T).length, 2);
    put(corpus, 'file:///b.txt', story('', BAY));
    assert.deepEqual(corpus.occurrencesOf('person:ilse marrow', 100, T).map(at), [
      ['file:///a.txt', 0, 9, 'Ms Marrow'],
      ['file:///c.txt', 0, 9, 'Ms Marrow'],
      ['file:///c.txt', 14, 25, 'Ilse Marrow'],
    ]);
    assert.deepEqual(corpus.occurrencesIn('file:///b.txt', 'person:ilse marrow', T), []);
    // A second Marrow: "Ms Marrow" is nobody's surname now.
    put(corpus, 'file:///d.txt', story('', person('Oskar Marrow')));
    assert.deepEqual(corpus.occurrencesOf('person:ilse marrow', 100, T).map(at), [['file:///c.txt', 14, 25, 'Ilse Marrow']]);
    assert.deepEqual(corpus.occurrencesIn('file:///c.txt', 'person:ilse marrow', T).map(at), [['file:///c.txt', 14, 25, 'Ilse Marrow']]);
    assert.deepEqual(corpus.articlesOf('person:~marrow', T), ['file:///a.txt', 'file:///c.txt']);
    corpus.removeArticle('file:///a.txt');
    assert.deepEqual(corpus.occurrencesOf('person:~marrow', 100, T).map(at), [['file:///c.txt', 0, 9, 'Ms Marrow']]);
    assert.deepEqual(corpus.articlesOf('place:kestrel bay', T), ['file:///b.txt']);
  });

  it('answers nothing when cancelled before or during the work, and the whole answer after', () => {
    const corpus = sample();
    const cancelled: CancellationSignal = { isCancellationRequested: true };
    /** Raised once the query has looked `looks` times. */
    const after = (looks: number): CancellationSignal => ({
      get isCancellationRequested() {
        return looks-- <= 0;
      },
    });
    assert.deepEqual(corpus.occurrencesOf('person:ilse marrow', 100, after(1)), [], 'raised while reading the articles');
    assert.deepEqual(corpus.occurrencesOf('person:ilse marrow', 100, after(3)), [], 'raised before the last article');
    assert.equal(corpus.occurrencesOf('person:ilse marrow', 100, T).length, 5);
    assert.deepEqual([corpus.occurrencesIn('file:///c.txt', 'person:ilse marrow', cancelled), corpus.articlesOf('person:ilse marrow', cancelled), corpus.definitionOf('person:ilse marrow', cancelled)], [[], [], undefined]);
  });
});

describe('The definition of an entity', () => {
  it('is the first full-name mention in the first article (uri order) that has one', () => {
    const corpus = sample();
    // a.txt comes first but writes only "Ms Marrow"; b.txt writes the full name first at 16.
    assert.deepEqual(at(corpus.definitionOf('person:~marrow', T)!), ['file:///b.txt', 16, 27, 'Ilse Marrow']);
    assert.equal(corpus.definitionOf('person:ilse marrow', T)?.fullName, true);
  });

  it('is in the first article by uri, whichever came first', () => {
    for (const order of [['file:///b.txt', 'file:///c.txt'], ['file:///c.txt', 'file:///b.txt']]) {
      const corpus = corpusWith(...order.map((uri): [string, ReturnType<typeof story>] => [uri, story('', 'by', ILSE)]));
      assert.deepEqual(at(corpus.definitionOf('person:ilse marrow', T)!), ['file:///b.txt', 3, 14, 'Ilse Marrow'], order.join(' then '));
    }
  });

  it("is found again when the reader's merges change the entity", () => {
    const corpus = sample();
    assert.deepEqual(at(corpus.definitionOf('person:ilse marrow', T)!), ['file:///b.txt', 16, 27, 'Ilse Marrow']);
    corpus.setCorrections(corrections({ merges: [{ ids: ['person:ilse marrow', 'place:kestrel bay'] }] }));
    assert.deepEqual(at(corpus.definitionOf('person:ilse marrow', T)!), ['file:///a.txt', 19, 30, 'Kestrel Bay']);
    corpus.setCorrections(corrections({}));
    assert.deepEqual(at(corpus.definitionOf('person:ilse marrow', T)!), ['file:///b.txt', 16, 27, 'Ilse Marrow']);
  });

  it('is the first full-name mention of an article even after its other mentions', () => {
    // c2.txt: "Ms Marrow met Ilse Marrow" where the full name comes second.
    const corpus = corpusWith(['file:///c2.txt', story('', MS_MARROW, 'met', ILSE)], ['file:///c1.txt', story('', MS_MARROW)]);
    assert.deepEqual(at(corpus.definitionOf('person:ilse marrow', T)!), ['file:///c2.txt', 14, 25, 'Ilse Marrow']);
  });

  it('is the first mention of all when no article spells the full name', () => {
    const corpus = corpusWith(['file:///b.txt', story('', 'at', named('org', 'Port Authority', { full: false }))], ['file:///a.txt', story('', 'the', 'old', named('org', 'Port Authority', { full: false }))]);
    assert.deepEqual(at(corpus.definitionOf('org:port authority', T)!), ['file:///a.txt', 8, 22, 'Port Authority']);
    assert.equal(corpus.definitionOf('org:nobody', T), undefined);
  });

  it('moves when the article holding it goes, and comes back with it', () => {
    const corpus = sample();
    assert.deepEqual(at(corpus.definitionOf('person:ilse marrow', T)!), ['file:///b.txt', 16, 27, 'Ilse Marrow']);
    corpus.removeArticle('file:///b.txt');
    assert.deepEqual(at(corpus.definitionOf('person:ilse marrow', T)!), ['file:///c.txt', 14, 25, 'Ilse Marrow']);
    put(corpus, 'file:///c.txt', story('', 'and', MS_MARROW));
    assert.deepEqual(at(corpus.definitionOf('person:~marrow', T)!), ['file:///a.txt', 0, 9, 'Ms Marrow'], 'no full name left: the first mention');
    put(corpus, 'file:///b.txt', story('', ILSE));
    assert.deepEqual(at(corpus.definitionOf('person:~marrow', T)!), ['file:///b.txt', 0, 11, 'Ilse Marrow']);
  });
});
