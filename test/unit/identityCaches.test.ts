import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NO_CORRECTIONS, type AppliedCorrections } from '../../server/src/corpus/applyCorrections';
import type { Corpus } from '../../server/src/corpus/corpus';
import { joinOverlapping } from '../../server/src/corpus/identity';
import { NOT_CANCELLED as T } from '../../server/src/corpus/queries';
import { BAY, MARROW, MS_MARROW, PORT, article, corpusOf, type Word } from '../support/handArticles';

// The caches built on identities keep what a change cannot move: the summary of an entity over
// 10,000 articles is not recomputed because an article about something else changed. Cached
// answers are the same objects, so a test can tell a kept answer from a recomputed one.

const BRACK: Word = { text: 'Tomas Brack', key: 'person:tomas brack', full: true };
const MR_BRACK: Word = { text: 'Mr Brack', key: 'person:~brack' };

function put(corpus: Corpus, uri: string, ...words: Word[]): void {
  const { text, analysis } = article('2024-03-05', ...words);
  corpus.setArticle(uri, corpus.pack(text, analysis));
}

/** Every cached answer about an entity, to compare by identity. */
function answers(corpus: Corpus, id: string) {
  return { summary: corpus.summaryOf(id, T), members: corpus.membersOf(id, T), definition: corpus.definitionOf(id, T), context: corpus.contextOf(id, T) };
}

function assertKept(before: ReturnType<typeof answers>, after: ReturnType<typeof answers>, what: string): void {
  for (const k of Object.keys(before) as (keyof typeof before)[]) assert.equal(after[k], before[k], `${what}: ${k} kept`);
}

function assertRecomputed(before: ReturnType<typeof answers>, after: ReturnType<typeof answers>, what: string): void {
  for (const k of ['summary', 'members', 'context'] as const) assert.notEqual(after[k], before[k], `${what}: ${k} recomputed`);
}

describe('caches built on identities', () => {
  it('keep the answers about entities an edit cannot move, and recompute the others', () => {
    const corpus = corpusOf(['file:///a.txt', article('2024-03-05', MARROW, BAY)], ['file:///b.txt', article('2024-03-06', PORT)]);
    const bay = answers(corpus, 'place:kestrel bay');
    const port = answers(corpus, 'org:port authority');
    const marrow = answers(corpus, 'person:ilse marrow');
    assert.deepEqual(corpus.searchEntities('', 10, T).length, 3);
    // An article about the port alone changes: the port's answers go, Marrow's and the bay's stay.
    put(corpus, 'file:///b.txt', PORT, PORT);
    assertKept(bay, answers(corpus, 'place:kestrel bay'), 'the bay');
    assertKept(marrow, answers(corpus, 'person:ilse marrow'), 'Marrow');
    const portAfter = answers(corpus, 'org:port authority');
    assertRecomputed(port, portAfter, 'the port');
    assert.equal(portAfter.summary?.mentionCount, 2);
    assert.equal(corpus.searchEntities('port', 10, T)[0].mentionCount, 2, 'the search directory is rebuilt');
  });

  it('recompute a full name when a surname that may join it comes or goes, and leave others', () => {
    const corpus = corpusOf(['file:///a.txt', article('2024-03-05', MARROW, BAY)], ['file:///b.txt', article('2024-03-06', PORT)]);
    const marrow = answers(corpus, 'person:ilse marrow');
    const bay = answers(corpus, 'place:kestrel bay');
    put(corpus, 'file:///c.txt', MS_MARROW);
    const after = answers(corpus, 'person:ilse marrow');
    assertRecomputed(marrow, after, 'Marrow');
    assert.deepEqual([after.summary?.mentionCount, [...after.members].sort()], [2, ['person:ilse marrow', 'person:~marrow']]);
    assert.equal(corpus.resolve('person:~marrow', T), 'person:ilse marrow');
    assertKept(bay, answers(corpus, 'place:kestrel bay'), 'the bay');
    // A second full name with that surname: the surname stands alone again.
    const joined = answers(corpus, 'person:~marrow');
    put(corpus, 'file:///d.txt', { text: 'Hanne Marrow', key: 'person:hanne marrow', full: true });
    assert.equal(corpus.resolve('person:~marrow', T), 'person:~marrow');
    assertRecomputed(joined, answers(corpus, 'person:~marrow'), 'the surname');
    assert.deepEqual(corpus.membersOf('person:ilse marrow', T), ['person:ilse marrow']);
  });

  it('forget everything after a change too large to track key by key', () => {
    const corpus = corpusOf(['file:///a.txt', article('2024-03-05', MARROW, BAY)]);
    const small = Array.from({ length: 10 }, (_, i): Word => ({ text: `Place ${i}`, key: `place:place ${i}`, kind: 'place', full: true }));
    const bay = answers(corpus, 'place:kestrel bay');
    put(corpus, 'file:///b.txt', ...small);
    assertKept(bay, answers(corpus, 'place:kestrel bay'), 'after ten new keys');
    const many = Array.from({ length: 5001 }, (_, i): Word => ({ text: `Town ${i}`, key: `place:town ${i}`, kind: 'place', full: true }));
    put(corpus, 'file:///c.txt', ...many);
    assertRecomputed(bay, answers(corpus, 'place:kestrel bay'), 'after 5,001 new keys');
    const kept = answers(corpus, 'place:kestrel bay');
    put(corpus, 'file:///d.txt', ...many.slice(0, 5000));
    assertKept(kept, answers(corpus, 'place:kestrel bay'), 'after exactly 5,000 keys, the most it tracks one by one');
  });

  it('follow a merge through a surname that joins a full name only later', () => {
    const corpus = corpusOf(['file:///b.txt', article('2024-03-06', MR_BRACK, PORT)]);
    const merge: AppliedCorrections = { ...NO_CORRECTIONS, merges: [{ ids: ['person:~brack', 'org:port authority'] }] };
    assert.deepEqual(corpus.setCorrections(merge), []);
    assert.equal(corpus.resolve('person:~brack', T), 'org:port authority');
    assert.equal(corpus.summaryOf('org:port authority', T)?.mentionCount, 2);
    // "Mr Brack" now joins Tomas Brack: the merge spans him too.
    put(corpus, 'file:///a.txt', BRACK);
    assert.equal(corpus.resolve('person:tomas brack', T), 'org:port authority');
    assert.equal(corpus.summaryOf('org:port authority', T)?.mentionCount, 3);
    assert.deepEqual(corpus.articlesOf('person:tomas brack', T), ['file:///a.txt', 'file:///b.txt']);
    // And back when he goes.
    corpus.removeArticle('file:///a.txt');
    put(corpus, 'file:///c.txt', BAY);
    assert.equal(corpus.summaryOf('org:port authority', T)?.mentionCount, 2);
    assert.equal(corpus.resolve('place:kestrel bay', T), 'place:kestrel bay');
  });

  it('name a merged entity as the merge says, and only a merged one', () => {
    const corpus = corpusOf(['file:///a.txt', article('2024-03-05', MARROW, BAY)], ['file:///b.txt', article('2024-03-06', PORT)]);
    corpus.setCorrections({ ...NO_CORRECTIONS, merges: [{ ids: ['place:kestrel bay', 'org:port authority'], name: 'Kestrel Bay Port' }] });
    assert.equal(corpus.summaryOf('org:port authority', T)?.canonical, 'Kestrel Bay Port');
    assert.equal(corpus.summaryOf('person:ilse marrow', T)?.canonical, 'Ilse Marrow');
  });
});

describe('joining overlapping merges', () => {
  it('warns only where merges overlap or their names disagree', () => {
    assert.deepEqual(joinOverlapping([{ ids: ['a', 'b'], name: 'A' }, { ids: ['c', 'd'] }]), { groups: [{ ids: ['a', 'b'], name: 'A' }, { ids: ['c', 'd'] }], warnings: [] });
    assert.deepEqual(joinOverlapping([{ ids: ['a', 'b'], name: 'A' }, { ids: ['b', 'c'], name: 'A' }]), {
      groups: [{ ids: ['a', 'b', 'c'], name: 'A' }],
      warnings: ['merges 1, 2 share entities and are joined as one: a, b, c'],
    });
    assert.deepEqual(joinOverlapping([{ ids: ['c', 'b'], name: 'First' }, { ids: ['a', 'b'], name: 'Second' }]).warnings, [
      'merges 1, 2 share entities and are joined as one: a, b, c',
      'the merged entity a, b, c is named "First" and "Second"; it shows as "First"',
    ]);
  });

  it('ignores an empty merge and joins chains in any order', () => {
    assert.deepEqual(joinOverlapping([{ ids: [] }, { ids: ['d', 'c'] }, { ids: ['b', 'a'] }, { ids: ['c', 'b'] }]).groups, [{ ids: ['a', 'b', 'c', 'd'] }]);
  });
});
