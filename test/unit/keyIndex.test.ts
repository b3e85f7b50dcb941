import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acronymOf, initialsSpell } from '../../server/src/corpus/keyIndex';
import { NOT_CANCELLED as T } from '../../server/src/corpus/queries';
import { corpusWith, named, person, put, story, surnameOnly, type Said } from '../support/storyArticles';

// The key index's tables, read through the corpus on invented sample articles: what is counted
// per key and per article, the article dates of each key, which full names carry a surname and
// which names an acronym spelt out, and what goes when an article is replaced or removed.

describe('Acronyms', () => {
  it('are two to eight capitals or digits (or &), starting with a capital, lower-cased', () => {
    const cases: [string, string | undefined][] = [
      ['BHB', 'bhb'],
      ['US', 'us'],
      ['G7', 'g7'],
      ['AT&T', 'at&t'],
      ['ABCDEFGH', 'abcdefgh'],
      ['ABCDEFGHI', undefined],
      ['A', undefined],
      ['', undefined],
      ['Bhb', undefined],
      ['BHb', undefined],
      ['bHB', undefined],
      ['7G', undefined],
      ['1AB', undefined],
      ['U.N.', undefined],
      ['B B', undefined],
      ['BHB-', undefined],
    ];
    assert.deepEqual(
      cases.map(([spelling]) => [spelling, acronymOf(spelling)]),
      cases,
    );
  });

  it('are spelt by the initials of a name, small words and later parts of a hyphenated word optional', () => {
    const cases: [string, string, boolean][] = [
      ['bhb', 'brannock harbour board', true],
      ['bb', 'brannock harbour board', false],
      ['bhbx', 'brannock harbour board', false],
      ['bhc', 'brannock harbour board', false],
      ['hb', 'brannock harbour board', false],
      ['oecd', 'organisation for economic co-operation and development', true],
      ['oecod', 'organisation for economic co-operation and development', true],
      ['ofecoad', 'organisation for economic co-operation and development', true],
      ['oed', 'organisation for economic co-operation and development', false],
      ['kp', 'kestrel  port', true],
      ['kp', 'kestrel -port', true],
      ['k', 'kestrel', true],
      ['kp', 'kestrel', false],
      ['kbc', 'kestrel bay co-operative', true],
      ['kbco', 'kestrel bay co-operative', true],
    ];
    assert.deepEqual(
      cases.map(([acronym, name]) => [acronym, name, initialsSpell(acronym, name)]),
      cases,
    );
    // Each small word may give its initial or none.
    for (const small of ['of', 'the', 'and', 'for', 'in', 'on', 'to', 'de', 'du', 'des', 'la', 'le', 'et', 'at', '&']) {
      assert.equal(initialsSpell('kp', `kestrel ${small} port`), true, small);
      assert.equal(initialsSpell(`k${small[0]}p`, `kestrel ${small} port`), true, small);
    }
    assert.equal(initialsSpell('kp', 'kestrel bay port'), false, 'a word that is not small gives its initial');
  });
});

describe('Counts per key', () => {
  it('count every mention, its spellings, roles and rules, and the articles', () => {
    const corpus = corpusWith(
      ['file:///a.txt', story('2024-03-05', person('Ilse Marrow', { role: 'Minister', rule: 'title' }), 'met', person('Ilse Marrow'))],
      ['file:///b.txt', story('2024-03-06', person('Ilse Marrow', { role: 'Minister' }))],
    );
    const s = corpus.summaryOf('person:ilse marrow', T)!;
    assert.deepEqual([s.mentionCount, s.articleCount, s.spellings, s.roles, s.rules], [3, 2, ['Ilse Marrow'], ['Minister'], ['test', 'title']]);
    assert.deepEqual(corpus.keyCountsIn('file:///a.txt'), new Map([['person:ilse marrow', 2]]));
  });

  it('take away exactly what an article added when it is replaced or removed', () => {
    const corpus = corpusWith(
      ['file:///a.txt', story('2024-03-05', person('Ilse Marrow', { role: 'Minister', rule: 'title' }), named('place', 'Kestrel Bay'))],
      ['file:///b.txt', story('2024-03-06', person('Ilse Marrow', { role: 'Envoy' }))],
    );
    put(corpus, 'file:///a.txt', story('2024-03-05', named('place', 'Kestrel Bay'), named('place', 'Kestrel Bay')));
    const s = corpus.summaryOf('person:ilse marrow', T)!;
    assert.deepEqual([s.mentionCount, s.articleCount, s.roles, s.rules], [1, 1, ['Envoy'], ['test']]);
    assert.deepEqual([corpus.summaryOf('place:kestrel bay', T)?.mentionCount, corpus.summaryOf('place:kestrel bay', T)?.articleCount], [2, 1]);
    corpus.removeArticle('file:///b.txt');
    assert.equal(corpus.summaryOf('person:ilse marrow', T), undefined);
    assert.deepEqual(corpus.entityIds(T), ['place:kestrel bay']);
    assert.deepEqual(corpus.membersOf('person:ilse marrow', T), []);
    corpus.removeArticle('file:///a.txt');
    assert.deepEqual([corpus.entityIds(T), corpus.searchEntities('', 10, T)], [[], []]);
  });

  it('count the mentions of a new article in answers given before it came', () => {
    const corpus = corpusWith(['file:///a.txt', story('', named('place', 'Kestrel Bay'))]);
    assert.deepEqual([corpus.summaryOf('place:kestrel bay', T)?.mentionCount, corpus.articlesOf('place:kestrel bay', T)], [1, ['file:///a.txt']]);
    put(corpus, 'file:///b.txt', story('', named('place', 'Kestrel Bay'), named('place', 'Kestrel Bay')));
    assert.deepEqual([corpus.summaryOf('place:kestrel bay', T)?.mentionCount, corpus.articlesOf('place:kestrel bay', T)], [3, ['file:///a.txt', 'file:///b.txt']]);
  });

  it('keep a role-less mention out of the roles', () => {
    const corpus = corpusWith(['file:///a.txt', story('', person('Ilse Marrow'), person('Ilse Marrow', { role: '' }))]);
    assert.deepEqual(corpus.summaryOf('person:ilse marrow', T)?.roles, []);
  });

  it('keep the dates of the articles of a key, dated ones only, as articles come and go', () => {
    const marrow = (date: string) => story(date, person('Ilse Marrow'));
    const corpus = corpusWith(['file:///b.txt', marrow('2024-03-06')], ['file:///u.txt', marrow('')], ['file:///a.txt', marrow('2024-03-05')], ['file:///c.txt', marrow('2024-03-09')]);
    const range = () => {
      const c = corpus.contextOf('person:ilse marrow', T);
      return [c.firstDate, c.lastDate];
    };
    assert.deepEqual(range(), ['2024-03-05', '2024-03-09']);
    corpus.removeArticle('file:///a.txt');
    assert.deepEqual(range(), ['2024-03-06', '2024-03-09']);
    // Another article of the same date as the last: removing one keeps the date.
    put(corpus, 'file:///d.txt', marrow('2024-03-09'));
    corpus.removeArticle('file:///c.txt');
    assert.deepEqual(range(), ['2024-03-06', '2024-03-09']);
    corpus.removeArticle('file:///d.txt');
    corpus.removeArticle('file:///b.txt');
    assert.deepEqual(range(), ['', ''], 'only the undated article left');
  });
});

describe('Per article, per key', () => {
  it('note an article that spells the full name with any of its mentions, not only the first', () => {
    // a.txt writes the key only short; b.txt short first, then in full.
    const short: Said = { text: 'Marrow', key: 'person:ilse marrow' };
    const corpus = corpusWith(['file:///a.txt', story('', short)], ['file:///b.txt', story('', short, 'or', person('Ilse Marrow'))]);
    const d = corpus.definitionOf('person:ilse marrow', T)!;
    assert.deepEqual([d.uri, d.start, d.end, d.text], ['file:///b.txt', 10, 21, 'Ilse Marrow']);
    // Two full-name mentions in the article: still noted.
    const twice = corpusWith(['file:///a.txt', story('', short)], ['file:///b.txt', story('', person('Ilse Marrow'), person('Ilse Marrow'))]);
    assert.equal(twice.definitionOf('person:ilse marrow', T)?.uri, 'file:///b.txt');
    // In full first, then short.
    const fullFirst = corpusWith(['file:///a.txt', story('', short)], ['file:///b.txt', story('', person('Ilse Marrow'), 'or', short)]);
    assert.deepEqual([fullFirst.definitionOf('person:ilse marrow', T)?.uri, fullFirst.definitionOf('person:ilse marrow', T)?.start], ['file:///b.txt', 0]);
  });

  it('forget the article when it is replaced without the key', () => {
    const corpus = corpusWith(['file:///a.txt', story('', person('Ilse Marrow'))], ['file:///b.txt', story('', person('Ilse Marrow'))]);
    put(corpus, 'file:///a.txt', story('', named('place', 'Kestrel Bay')));
    assert.deepEqual(corpus.articlesOf('person:ilse marrow', T), ['file:///b.txt']);
    assert.equal(corpus.definitionOf('person:ilse marrow', T)?.uri, 'file:///b.txt');
  });
});

describe('Surnames of full names', () => {
  it('are counted per article: a full name stays joinable while any article writes it', () => {
    const corpus = corpusWith(['file:///a.txt', story('', person('Ilse Marrow'))], ['file:///b.txt', story('', person('Ilse Marrow'))], ['file:///c.txt', story('', surnameOnly('Ms Marrow'))]);
    corpus.removeArticle('file:///a.txt');
    assert.equal(corpus.resolve('person:~marrow', T), 'person:ilse marrow');
    // A second person with the surname, then gone again.
    put(corpus, 'file:///d.txt', story('', person('Oskar Marrow')));
    assert.equal(corpus.resolve('person:~marrow', T), 'person:~marrow');
    corpus.removeArticle('file:///d.txt');
    assert.equal(corpus.resolve('person:~marrow', T), 'person:ilse marrow');
    corpus.removeArticle('file:///b.txt');
    assert.equal(corpus.resolve('person:~marrow', T), 'person:~marrow');
  });

  it('belong to people only', () => {
    // An organization named like a person ("Marrow" as its last word) carries no surname.
    const corpus = corpusWith(['file:///a.txt', story('', named('org', 'Ilse Marrow', { surname: 'marrow' }))], ['file:///b.txt', story('', surnameOnly('Ms Marrow'))]);
    assert.equal(corpus.resolve('person:~marrow', T), 'person:~marrow');
  });
});

describe('Acronyms spelt out', () => {
  const BOARD = named('org', 'Brannock Harbour Board');
  const AS_BHB: Said = { text: 'BHB', key: 'org:brannock harbour board', kind: 'org', rule: 'acronym' };
  const BARE: Said = { text: 'BHB', key: 'org:bhb', kind: 'org', rule: 'acronym' };

  it('are counted per mention: the expansion stays while any article spells it out', () => {
    const corpus = corpusWith(['file:///a.txt', story('', BOARD, AS_BHB)], ['file:///b.txt', story('', BOARD, AS_BHB, AS_BHB)], ['file:///c.txt', story('', BARE)]);
    assert.equal(corpus.resolve('org:bhb', T), 'org:brannock harbour board');
    corpus.removeArticle('file:///b.txt');
    assert.equal(corpus.resolve('org:bhb', T), 'org:brannock harbour board');
    corpus.removeArticle('file:///a.txt');
    assert.equal(corpus.resolve('org:bhb', T), 'org:bhb');
    assert.deepEqual(corpus.membersOf('org:bhb', T), ['org:bhb']);
  });

  it('only by a spelling whose initials spell the name, not by the key of the acronym itself', () => {
    const shouted = corpusWith(['file:///a.txt', story('', person('Ilse Marrow'), { text: 'MARROW', key: 'person:ilse marrow' })], ['file:///b.txt', story('', named('org', 'MARROW', { key: 'org:marrow', rule: 'acronym' }))]);
    assert.equal(shouted.resolve('org:marrow', T), 'org:marrow');
    assert.deepEqual(shouted.membersOf('person:ilse marrow', T), ['person:ilse marrow']);
  });
});
