import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NO_CORRECTIONS } from '../../server/src/corpus/applyCorrections';
import { Corpus } from '../../server/src/corpus/corpus';
import { demonymBases, demonymForms } from '../../server/src/corpus/identity';
import { NOT_CANCELLED as T } from '../../server/src/corpus/queries';
import { add, article, assertIncrementalEqualsRebuild, type M } from '../support/compactArticles';

// "Talks in Velmora stalled" in one article; "the Velmoran port strike" in another, where only a
// guess typed the adjective (an organization).
const PLACE: M = ['Velmora', 'place:velmora', true, 'place', 'context:preposition'];
const GUESSED: M = ['Velmoran', 'org:velmoran', false, 'org', 'capitalised-run'];

describe("A place's adjective that no list knows", () => {
  it('is a mention of its place where only a guess typed it otherwise, named by the place', () => {
    const corpus = new Corpus();
    add(corpus, 'file:///c/a.txt', article(PLACE));
    add(corpus, 'file:///c/b.txt', article(GUESSED, ['Ilse Moravec', 'person:ilse moravec', true]));
    assert.equal(corpus.resolve('org:velmoran', T), 'place:velmora');
    const summary = corpus.summaryOf('place:velmora', T)!;
    assert.deepEqual([summary.canonical, summary.kind, summary.mentionCount, summary.articleCount], ['Velmora', 'place', 2, 2]);
    const [m] = corpus.mentionsIn('file:///c/b.txt', T);
    assert.deepEqual([m.mention.text, m.kind, m.name], ['Velmoran', 'place', 'Velmora']);
    assert.deepEqual(corpus.occurrencesOf('place:velmora', Infinity, T).map((o) => [o.uri, o.start, o.end]), [
      ['file:///c/a.txt', 0, 7],
      ['file:///c/b.txt', 0, 8],
    ]);
  });

  it('stays apart when the article typed it from its context, when the place is itself a guess, when the reader split it, or when it leaves', () => {
    const firm = new Corpus();
    add(firm, 'file:///c/a.txt', article(PLACE));
    add(firm, 'file:///c/b.txt', article(['Velmoran', 'org:velmoran', false, 'org', 'shape:org-suffix']));
    assert.equal(firm.resolve('org:velmoran', T), 'org:velmoran');
    const guessedPlace = new Corpus();
    add(guessedPlace, 'file:///c/a.txt', article(['Velmora', 'place:velmora', true, 'place', 'capitalised-run']));
    add(guessedPlace, 'file:///c/b.txt', article(GUESSED));
    assert.equal(guessedPlace.resolve('org:velmoran', T), 'org:velmoran');
    const split = new Corpus();
    add(split, 'file:///c/a.txt', article(PLACE));
    add(split, 'file:///c/b.txt', article(GUESSED));
    split.setCorrections({ ...NO_CORRECTIONS, noJoin: new Set(['org:velmoran']) });
    assert.equal(split.resolve('org:velmoran', T), 'org:velmoran');
    const leaving = new Corpus();
    add(leaving, 'file:///c/b.txt', article(GUESSED));
    add(leaving, 'file:///c/a.txt', article(PLACE));
    assert.equal(leaving.resolve('org:velmoran', T), 'place:velmora');
    leaving.removeArticle('file:///c/a.txt');
    assert.equal(leaving.resolve('org:velmoran', T), 'org:velmoran');
    assert.equal(leaving.summaryOf('org:velmoran', T)?.kind, 'org');
  });

  it('forms and reads adjectives as news writes them', () => {
    for (const [place, adjective] of [['velmora', 'velmoran'], ['brazil', 'brazilian'], ['taiwan', 'taiwanese'], ['iraq', 'iraqi'], ['cuba', 'cuban'], ['china', 'chinese'], ['canada', 'canadian'], ['mexico', 'mexican']]) {
      assert.ok(demonymForms(place).includes(adjective), `${place} → ${adjective}`);
      assert.ok(demonymBases(adjective).includes(place), `${adjective} → ${place}`);
    }
    assert.deepEqual(demonymBases('said'), []);
    assert.deepEqual(demonymForms('uk'), []);
  });

  it('answers exactly as a fresh rebuild after every one of 300 random changes', () => {
    const pool: M[] = [PLACE, GUESSED, ['Velmora', 'place:velmora', true, 'place', 'capitalised-run'], ['Velmora', 'org:velmora', true, 'org', 'capitalised-run'], ['Velmoran', 'person:velmoran', false, 'person', 'tagger'], ['Velmoran', 'org:velmoran', false, 'org', 'context:org-noun'], ['Velmore', 'place:velmore', true, 'place', 'dateline']];
    assertIncrementalEqualsRebuild(pool, { seed: 23, steps: 300, uris: ['a', 'b', 'c', 'd'], removeRate: 0.25, maxMentions: 3, queryEvery: 2 });
  });
});
