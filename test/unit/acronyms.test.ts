import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NO_CORRECTIONS } from '../../server/src/corpus/applyCorrections';
import { Corpus } from '../../server/src/corpus/corpus';
import { acronymOf, initialsSpell } from '../../server/src/corpus/keyIndex';
import { NOT_CANCELLED as T } from '../../server/src/corpus/queries';
import { add, article, assertIncrementalEqualsRebuild, type M } from '../support/compactArticles';

// "the Brannock Harbour Board (BHB)" in one article; "the BHB" alone in others.
const BOARD: M = ['Brannock Harbour Board', 'org:brannock harbour board', true, 'org', 'shape:org-suffix'];
const BOARD_AS_BHB: M = ['BHB', 'org:brannock harbour board', false, 'org', 'acronym'];
const BARE_BHB: M = ['BHB', 'org:bhb', false, 'org', 'acronym'];
const SPELT_OUT = article(BOARD, BOARD_AS_BHB);
const BARE = article(BARE_BHB, ['Ilse Moravec', 'person:ilse moravec', true]);

describe('An acronym spelt out in one article', () => {
  it('joins its entity where it is written bare, in the hover counts, references and the other way round', () => {
    const corpus = new Corpus();
    add(corpus, 'file:///c/a.txt', SPELT_OUT);
    add(corpus, 'file:///c/b.txt', BARE);
    assert.equal(corpus.resolve('org:bhb', T), 'org:brannock harbour board');
    const summary = corpus.summaryOf('org:brannock harbour board', T)!;
    assert.deepEqual([summary.canonical, summary.mentionCount, summary.articleCount], ['Brannock Harbour Board', 3, 2]);
    assert.deepEqual(
      corpus.occurrencesOf('org:bhb', Infinity, T).map((o) => [o.uri, o.start, o.end]),
      [
        ['file:///c/a.txt', 0, 22],
        ['file:///c/a.txt', 23, 26],
        ['file:///c/b.txt', 0, 3],
      ],
    );
    assert.deepEqual(corpus.mentionsIn('file:///c/b.txt', T)[0].name, 'Brannock Harbour Board');
  });

  it('is joined whichever article comes first, and left when the article that spelt it out goes', () => {
    const corpus = new Corpus();
    add(corpus, 'file:///c/b.txt', BARE);
    assert.equal(corpus.summaryOf('org:bhb', T)?.canonical, 'BHB');
    add(corpus, 'file:///c/a.txt', SPELT_OUT);
    assert.equal(corpus.summaryOf('org:brannock harbour board', T)?.mentionCount, 3);
    assert.equal(corpus.resolve('org:bhb', T), 'org:brannock harbour board');
    corpus.removeArticle('file:///c/a.txt');
    assert.equal(corpus.resolve('org:bhb', T), 'org:bhb');
    assert.deepEqual(corpus.summaryOf('org:bhb', T) && [corpus.summaryOf('org:bhb', T)!.canonical, corpus.summaryOf('org:bhb', T)!.mentionCount], ['BHB', 1]);
  });

  it('stays apart when the corpus spells it out two ways, or when a correction splits it', () => {
    const corpus = new Corpus();
    add(corpus, 'file:///c/a.txt', SPELT_OUT);
    add(corpus, 'file:///c/c.txt', article(['Baltic Herring Bureau', 'org:baltic herring bureau', true, 'org'], ['BHB', 'org:baltic herring bureau', false, 'org', 'acronym']));
    add(corpus, 'file:///c/b.txt', BARE);
    assert.equal(corpus.resolve('org:bhb', T), 'org:bhb');
    const split = new Corpus();
    add(split, 'file:///c/a.txt', SPELT_OUT);
    add(split, 'file:///c/b.txt', BARE);
    split.setCorrections({ ...NO_CORRECTIONS, noJoin: new Set(['org:bhb']) });
    assert.equal(split.resolve('org:bhb', T), 'org:bhb');
  });

  it('counts only spellings whose initials spell it: not a shouted surname or headline word', () => {
    assert.equal(initialsSpell('bhb', 'brannock harbour board'), true);
    assert.equal(initialsSpell('oecd', 'organisation for economic co-operation and development'), true);
    assert.equal(initialsSpell('fbi', 'federal bureau of investigation'), true);
    assert.equal(initialsSpell('us', 'united states'), true);
    assert.equal(initialsSpell('biden', 'joe biden'), false);
    assert.equal(initialsSpell('kbpa', 'kestrel bay port'), false);
    assert.equal(acronymOf('BHB'), 'bhb');
    assert.equal(acronymOf('Bhb'), undefined);
    assert.equal(acronymOf('U.N.'), undefined);
    assert.equal(acronymOf('HARBOURMASTERS'), undefined);
    // "MORAVEC" shouted in a headline about Moravec Shipping is no acronym of the firm: the town of a dateline stays.
    const corpus = new Corpus();
    add(corpus, 'file:///c/a.txt', article(['Moravec Shipping', 'org:moravec shipping', true, 'org'], ['MORAVEC', 'org:moravec shipping', false, 'org', 'headline']));
    add(corpus, 'file:///c/b.txt', article(['MORAVEC', 'place:moravec', false, 'place', 'dateline']));
    assert.equal(corpus.resolve('place:moravec', T), 'place:moravec');
  });

  it('answers exactly as a fresh rebuild after every one of 300 random changes', () => {
    const pool: M[] = [BOARD, BOARD_AS_BHB, BARE_BHB, ['BHB', 'org:baltic herring bureau', false, 'org', 'acronym'], ['BHB', 'place:bhb', false, 'place', 'capitalised-run'], ['Baltic Herring Bureau', 'org:baltic herring bureau', true, 'org']];
    assertIncrementalEqualsRebuild(pool, { seed: 11, steps: 300, uris: ['a', 'b', 'c', 'd'], removeRate: 0.25, maxMentions: 3, queryEvery: 2 });
  });
});
