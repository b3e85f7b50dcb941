import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ArticleAnalysis, EntityKind, EntityMention } from '../../server/src/analysis/types';
import type { AppliedCorrections } from '../../server/src/corpus/applyCorrections';
import { Corpus } from '../../server/src/corpus/corpus';
import { joinOverlapping } from '../../server/src/corpus/identity';
import { NOT_CANCELLED as T } from '../../server/src/corpus/queries';

// Any set of merges and splits, however they overlap or point back at each other through
// surname keys, must give one answer in every feature and never lose or double a mention.

type M = [text: string, key: string, fullName: boolean, kind: EntityKind];
const POOL: M[] = [
  ['Tomas Brack', 'person:tomas brack', true, 'person'],
  ['Brack', 'person:~brack', false, 'person'],
  ['Ilse Marrow', 'person:ilse marrow', true, 'person'],
  ['Marrow', 'person:~marrow', false, 'person'],
  ['Ana Zed', 'person:ana zed', true, 'person'],
  ['Zed', 'person:~zed', false, 'person'],
  ['Ola Zed', 'person:ola zed', true, 'person'],
  ['Kestrel', 'org:kestrel', false, 'org'],
  ['Kestrel', 'place:kestrel', false, 'place'],
  ['Halden', 'place:halden', false, 'place'],
  ['Dock Union', 'org:dock union', false, 'org'],
];
const IDS = [...new Set(POOL.map((m) => m[1]))];

function article(mentions: M[]): ArticleAnalysis {
  let offset = 0;
  const entities: EntityMention[] = mentions.map(([text, key, fullName, kind]) => {
    const m: EntityMention = { kind, key, text, canonical: text, start: offset, end: offset + text.length, fullName, rule: 'test', surname: kind === 'person' ? text.split(' ').pop()!.toLowerCase() : undefined };
    offset += text.length + 1;
    return m;
  });
  return { articleDate: { value: '', source: 'none' }, entities, dates: [], figures: [], problems: [] };
}

function add(corpus: Corpus, uri: string, a: ArticleAnalysis): void {
  corpus.setArticle(uri, corpus.pack(a.entities.map((m) => m.text).join(' '), structuredClone(a)));
}

function corrections(merges: string[][], noJoin: string[] = []): AppliedCorrections {
  return { merges: merges.map((ids) => ({ ids })), noJoin: new Set(noJoin), splitIn: new Map(), notEntity: new Set() };
}

/** Every invariant that ties resolve, members, summaries and occurrences together. */
function checkConsistent(corpus: Corpus, label: string): void {
  const byEntity = new Map<string, number>();
  let total = 0;
  for (const uri of corpus.uris()) {
    for (const m of corpus.mentionsIn(uri, T)) {
      total++;
      assert.equal(m.id, corpus.resolve(m.mention.key, T), `${label}: ${uri} ${m.mention.key}`);
      assert.ok(corpus.membersOf(m.id, T).includes(m.mention.key), `${label}: ${m.mention.key} missing from the members of ${m.id}`);
      byEntity.set(m.id, (byEntity.get(m.id) ?? 0) + 1);
    }
  }
  const ids = corpus.entityIds(T).sort();
  assert.deepEqual(ids, [...byEntity.keys()].sort(), `${label}: entity ids`);
  let counted = 0;
  for (const id of ids) {
    assert.equal(corpus.resolve(id, T), id, `${label}: ${id} resolves to itself`);
    const summary = corpus.summaryOf(id, T)!;
    assert.equal(summary.mentionCount, byEntity.get(id), `${label}: hover count of ${id}`);
    assert.equal(corpus.occurrencesOf(id, Infinity, T).length, byEntity.get(id), `${label}: references of ${id}`);
    // Any key of the entity answers for the whole entity.
    for (const member of corpus.membersOf(id, T)) assert.equal(corpus.summaryOf(member, T)?.mentionCount, summary.mentionCount, `${label}: ${member} of ${id}`);
    counted += summary.mentionCount;
  }
  assert.equal(counted, total, `${label}: every mention counted once`);
}

describe('merge graphs', () => {
  it('joins overlapping merges (A+B, B+C, C+A) into one entity and keeps every mention', () => {
    const corpus = new Corpus();
    add(corpus, 'a', article([POOL[0], POOL[2]]));
    add(corpus, 'b', article([POOL[4], POOL[9], POOL[0]]));
    const warnings = corpus.setCorrections(corrections([['person:tomas brack', 'person:ilse marrow'], ['person:ilse marrow', 'person:ana zed'], ['person:ana zed', 'person:tomas brack']]));
    assert.deepEqual(warnings, ['merges 1, 2, 3 share entities and are joined as one: person:ana zed, person:ilse marrow, person:tomas brack']);
    const id = corpus.resolve('person:tomas brack', T);
    assert.equal(corpus.resolve('person:ilse marrow', T), id);
    assert.equal(corpus.resolve('person:ana zed', T), id);
    assert.equal(corpus.summaryOf(id, T)!.mentionCount, 4);
    assert.equal(corpus.occurrencesOf(id, Infinity, T).length, 4);
    checkConsistent(corpus, 'three overlapping merges');
  });

  it('cuts loops of merges through surname keys without recursing', () => {
    const corpus = new Corpus();
    add(corpus, 'a', article([POOL[0], POOL[1], POOL[2], POOL[3]]));
    add(corpus, 'b', article([POOL[3], POOL[1], POOL[4]]));
    // Each surname key joins its full name, and the merges point each full name at the other's surname.
    corpus.setCorrections(corrections([['person:~brack', 'person:~marrow'], ['person:ilse marrow', 'person:~brack'], ['person:tomas brack', 'person:~marrow'], ['person:~zed', 'person:~brack']]));
    checkConsistent(corpus, 'surname loop');
    assert.equal(corpus.entityIds(T).length, 1);
  });

  it('names a merged entity by the first name given and warns when two names disagree', () => {
    const { groups, warnings } = joinOverlapping([{ ids: ['a', 'b'], name: 'A' }, { ids: ['c'] }, { ids: ['b', 'd'], name: 'D' }]);
    assert.deepEqual(groups, [{ ids: ['a', 'b', 'd'], name: 'A' }, { ids: ['c'] }]);
    assert.equal(warnings.length, 2);
    assert.match(warnings[1], /named "A" and "D"; it shows as "A"/);
  });

  it('stays consistent under 300 random sets of merges and splits, however they overlap', () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <X>(xs: readonly X[]) => xs[Math.floor(rnd() * xs.length)];
    for (let round = 0; round < 300; round++) {
      const corpus = new Corpus();
      const articles = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => article(Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => pick(POOL))));
      const merges = Array.from({ length: Math.floor(rnd() * 5) }, () => Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => pick(IDS)));
      const noJoin = Array.from({ length: Math.floor(rnd() * 2) }, () => pick(IDS));
      // Corrections before some articles and after others: the answer must not depend on the order.
      const before = Math.floor(rnd() * (articles.length + 1));
      articles.slice(0, before).forEach((a, i) => add(corpus, `u${i}`, a));
      corpus.setCorrections(corrections(merges, noJoin));
      articles.slice(before).forEach((a, i) => add(corpus, `u${before + i}`, a));
      const label = `round ${round}: merges ${JSON.stringify(merges)} noJoin ${JSON.stringify(noJoin)}`;
      checkConsistent(corpus, label);
      const rebuilt = new Corpus();
      rebuilt.setCorrections(corrections(merges, noJoin));
      articles.forEach((a, i) => add(rebuilt, `u${i}`, a));
      const view = (c: Corpus) => c.entityIds(T).sort().map((id) => [id, c.summaryOf(id, T)!.mentionCount, c.membersOf(id, T).slice().sort()]);
      assert.deepEqual(view(corpus), view(rebuilt), label);
      // Removing an article keeps the rest consistent.
      corpus.removeArticle('u0');
      checkConsistent(corpus, `${label}, after a removal`);
    }
  });
});
