import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ArticleAnalysis } from '../../server/src/analysis/types';
import { Corpus } from '../../server/src/corpus/corpus';
import { MAX_SEARCH_RESULTS, NOT_CANCELLED as T } from '../../server/src/corpus/queries';
import { add, article, assertIncrementalEqualsRebuild, snapshot, text, type M } from '../support/compactArticles';

const PUTIN_FULL = article(['Vladimir Putin', 'person:vladimir putin', true], ['Putin', 'person:vladimir putin']);
const PUTIN_SHORT = article(['Mr Putin', 'person:~putin'], ['Moscow', 'place:moscow', true, 'place']);
const BIDENS = article(['Joe Biden', 'person:joe biden', true], ['Hunter Biden', 'person:hunter biden', true]);
const BIDEN_SHORT = article(['Biden', 'person:~biden']);

describe('Corpus', () => {
  it('joins a surname-only mention to the one full name with that surname across articles', () => {
    const corpus = new Corpus();
    add(corpus, 'a', PUTIN_FULL);
    add(corpus, 'b', PUTIN_SHORT);
    assert.equal(corpus.resolve('person:~putin', T), 'person:vladimir putin');
    const summary = corpus.summaryOf('person:vladimir putin', T)!;
    assert.equal(summary.mentionCount, 3);
    assert.equal(summary.articleCount, 2);
    assert.deepEqual(summary.spellings.sort(), ['Mr Putin', 'Putin', 'Vladimir Putin']);
    assert.deepEqual(corpus.definitionOf('person:~putin', T) ?? corpus.definitionOf(corpus.resolve('person:~putin', T), T), { uri: 'a', start: 0, end: 14, text: 'Vladimir Putin', fullName: true, role: undefined, demonym: undefined });
  });

  it('keeps an ambiguous surname apart when two people share it', () => {
    const corpus = new Corpus();
    add(corpus, 'a', BIDENS);
    add(corpus, 'b', BIDEN_SHORT);
    assert.equal(corpus.resolve('person:~biden', T), 'person:~biden');
    assert.equal(corpus.summaryOf('person:joe biden', T)!.mentionCount, 1);
    assert.equal(corpus.summaryOf('person:hunter biden', T)!.mentionCount, 1);
  });

  it('un-joins a surname when the full name disappears', () => {
    const corpus = new Corpus();
    add(corpus, 'a', PUTIN_FULL);
    add(corpus, 'b', PUTIN_SHORT);
    corpus.removeArticle('a');
    assert.equal(corpus.resolve('person:~putin', T), 'person:~putin');
    assert.equal(corpus.summaryOf('person:~putin', T)!.mentionCount, 1);
    assert.equal(corpus.summaryOf('person:vladimir putin', T), undefined);
  });

  it('finds the mention at an offset, end inclusive, and nothing between mentions', () => {
    const corpus = new Corpus();
    add(corpus, 'a', PUTIN_FULL);
    assert.equal(corpus.entityAt('a', 14, T)?.mention.text, 'Vladimir Putin');
    assert.equal(corpus.entityAt('a', 15, T)?.mention.text, 'Putin');
    assert.equal(corpus.entityAt('zzz', 0, T), undefined);
  });

  it('ends in the same state after incremental updates as after a full rebuild', () => {
    const versions: [string, ArticleAnalysis][] = [
      ['a', PUTIN_FULL],
      ['b', PUTIN_SHORT],
      ['c', BIDENS],
      ['d', BIDEN_SHORT],
      ['a', article(['Biden', 'person:~biden'])],
      ['c', article(['Joe Biden', 'person:joe biden', true])],
      ['b', PUTIN_SHORT],
      ['e', PUTIN_FULL],
    ];
    const incremental = new Corpus();
    const latest = new Map<string, ArticleAnalysis>();
    for (const [uri, a] of versions) {
      add(incremental, uri, a);
      latest.set(uri, a);
      const rebuilt = new Corpus();
      for (const [u, x] of [...latest].reverse()) add(rebuilt, u, x);
      assert.deepEqual(snapshot(incremental), snapshot(rebuilt), `after updating ${uri}`);
    }
    incremental.removeArticle('e');
    latest.delete('e');
    const rebuilt = new Corpus();
    for (const [u, x] of latest) add(rebuilt, u, x);
    assert.deepEqual(snapshot(incremental), snapshot(rebuilt), 'after removing e');
  });

  it('searches entity names case-insensitively, most reported first, bounded', () => {
    const corpus = new Corpus();
    add(corpus, 'a', PUTIN_FULL);
    add(corpus, 'b', PUTIN_SHORT);
    add(corpus, 'c', BIDENS);
    assert.deepEqual(corpus.searchEntities('PUT', MAX_SEARCH_RESULTS, T).map((s) => s.canonical), ['Vladimir Putin']);
    assert.equal(corpus.searchEntities('', 2, T).length, 2);
    assert.equal(corpus.searchEntities('', MAX_SEARCH_RESULTS, T)[0].canonical, 'Vladimir Putin');
  });
});

describe('Guessed types', () => {
  const guessed: M = ['Halden Point', 'person:halden point', true, 'person', 'gazetteer:given-name'];
  const sure: M = ['Halden Point', 'place:halden point', true, 'place', 'dateline'];

  it('join a name typed only by a guess to the one firmer reading of the same name elsewhere', () => {
    const corpus = new Corpus();
    add(corpus, 'file:///g/a.txt', article(guessed));
    add(corpus, 'file:///g/b.txt', article(guessed, guessed));
    assert.equal(corpus.summaryOf('person:halden point', T)?.kind, 'person', 'alone, the guess stands');
    add(corpus, 'file:///g/c.txt', article(sure));
    assert.equal(corpus.resolve('person:halden point', T), 'place:halden point');
    assert.deepEqual(corpus.mentionsIn('file:///g/a.txt', T).map((m) => [m.mention.kind, m.kind, m.id]), [['person', 'place', 'place:halden point']], 'its mentions show as the place they are');
    const summary = corpus.summaryOf('person:halden point', T)!;
    assert.deepEqual([summary.id, summary.kind, summary.mentionCount, summary.articleCount], ['place:halden point', 'place', 4, 3]);
    assert.deepEqual(corpus.entityIds(T).sort(), ['place:halden point']);
    assert.equal(corpus.occurrencesOf('place:halden point', Infinity, T).length, 4);
    corpus.removeArticle('file:///g/c.txt');
    assert.equal(corpus.resolve('person:halden point', T), 'person:halden point', 'the firmer reading is gone');
  });

  it('leave a guess alone when two firmer readings disagree, and never retype a firm reading', () => {
    const corpus = new Corpus();
    add(corpus, 'file:///g/a.txt', article(guessed));
    add(corpus, 'file:///g/b.txt', article(sure));
    add(corpus, 'file:///g/c.txt', article(['Halden Point', 'org:halden point', true, 'org', 'shape:org-suffix']));
    assert.equal(corpus.resolve('person:halden point', T), 'person:halden point');
    assert.equal(corpus.resolve('org:halden point', T), 'org:halden point');
    assert.equal(corpus.resolve('place:halden point', T), 'place:halden point');
  });
});

describe('A surname typed otherwise by a guess', () => {
  const person: M = ['Mark Papermaster', 'person:mark papermaster', true];
  const guessedOrg: M = ['Papermaster', 'org:papermaster', false, 'org', 'tagger'];

  it('joins the one person with that surname written at least as often, and leaves when the person goes', () => {
    const corpus = new Corpus();
    add(corpus, 'file:///p/a.txt', article(person, ['Papermaster', 'person:mark papermaster']));
    add(corpus, 'file:///p/b.txt', article(guessedOrg));
    assert.equal(corpus.resolve('org:papermaster', T), 'person:mark papermaster');
    assert.deepEqual(corpus.mentionsIn('file:///p/b.txt', T).map((m) => [m.mention.kind, m.kind, m.id]), [['org', 'person', 'person:mark papermaster']]);
    const summary = corpus.summaryOf('person:mark papermaster', T)!;
    assert.deepEqual([summary.mentionCount, summary.articleCount], [3, 2]);
    assert.deepEqual(corpus.occurrencesOf('person:mark papermaster', Infinity, T).map((o) => o.uri).sort(), ['file:///p/a.txt', 'file:///p/a.txt', 'file:///p/b.txt']);
    corpus.removeArticle('file:///p/a.txt');
    assert.equal(corpus.resolve('org:papermaster', T), 'org:papermaster');
    assert.equal(corpus.summaryOf('org:papermaster', T)?.kind, 'org');
  });

  it('stays when the article typed it from its context or a list, when it is written more often, or when two people share the surname', () => {
    const corpus = new Corpus();
    add(corpus, 'file:///p/a.txt', article(person));
    add(corpus, 'file:///p/b.txt', article(['Papermaster', 'org:papermaster', false, 'org', 'tagger+context:org-noun']));
    assert.equal(corpus.resolve('org:papermaster', T), 'org:papermaster', 'firm reading');
    const outnumbered = new Corpus();
    add(outnumbered, 'file:///p/a.txt', article(['Michael Dellmark', 'person:michael dellmark', true]));
    for (const uri of ['b', 'c']) add(outnumbered, `file:///p/${uri}.txt`, article(['Dellmark', 'org:dellmark', false, 'org', 'tagger+capitalised-run']));
    assert.equal(outnumbered.resolve('org:dellmark', T), 'org:dellmark', 'the firm is written more often');
    const shared = new Corpus();
    add(shared, 'file:///p/a.txt', article(person, ['Anna Papermaster', 'person:anna papermaster', true]));
    add(shared, 'file:///p/b.txt', article(guessedOrg));
    assert.equal(shared.resolve('org:papermaster', T), 'org:papermaster', 'two people share the surname');
  });
});

describe('Bounded references', () => {
  it('give the same first occurrences as the full list, whatever the limit', () => {
    const corpus = new Corpus();
    let seed = 5;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 300; i++) {
      const mentions: M[] = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => ['Kestrel Bay', 'place:kestrel bay', true, 'place']);
      if (rnd() < 0.5) mentions.push(['Ilse Marrow', 'person:ilse marrow', true]);
      add(corpus, `file:///b/${String(Math.floor(rnd() * 1e6)).padStart(6, '0')}-${i}.txt`, article(...mentions));
    }
    for (const id of ['place:kestrel bay', 'person:ilse marrow']) {
      const all = corpus.occurrencesOf(id, Infinity, T);
      assert.ok(all.length > 100);
      assert.deepEqual(all.map((o) => o.uri), [...all.map((o) => o.uri)].sort(), 'articles in uri order');
      for (const limit of [1, 7, 50, 299, 1000]) assert.deepEqual(corpus.occurrencesOf(id, limit, T), all.slice(0, limit), `limit ${limit}`);
    }
  });
});

describe('Often with', () => {
  it('counts the articles each other entity shares with an entity, as a plain count over the articles does', () => {
    const corpus = new Corpus();
    let seed = 9;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const people: M[] = [
      ['Ilse Marrow', 'person:ilse marrow', true],
      ['Marrow', 'person:~marrow'],
      ['Tomas Brack', 'person:tomas brack', true],
      ['Hanne Brack', 'person:hanne brack', true],
      ['Kestrel Bay', 'place:kestrel bay', true, 'place'],
      ['Halden Point', 'place:halden point', true, 'place'],
      ['Port Authority', 'org:port authority', true, 'org'],
      ['Jonah Pell', 'person:jonah pell', true],
    ];
    for (let i = 0; i < 120; i++) {
      const mentions = people.filter(() => rnd() < 0.4);
      if (mentions.length) add(corpus, `file:///o/${i}.txt`, article(...mentions, ...mentions.slice(0, 1)));
    }
    for (const id of corpus.entityIds(T)) {
      const mine = new Set(corpus.articlesOf(id, T));
      const expected = corpus
        .entityIds(T)
        .filter((other) => other !== id)
        .map((other) => ({ id: other, articles: corpus.articlesOf(other, T).filter((uri) => mine.has(uri)).length }))
        .filter((o) => o.articles > 0)
        .sort((a, b) => b.articles - a.articles || a.id.localeCompare(b.id))
        .slice(0, 5);
      assert.ok(expected.length > 0);
      assert.deepEqual(corpus.contextOf(id, T).coMentioned.map((c) => ({ id: c.id, articles: c.articles })), expected, id);
    }
  });
});

describe('Reported from … to …', () => {
  it('gives the first and last article date of an entity as articles come and go', () => {
    const corpus = new Corpus();
    const dated = (date: string, ...mentions: M[]) => ({ ...article(...mentions), articleDate: { value: date, source: 'date-line' as const } });
    const marrow: M = ['Ilse Marrow', 'person:ilse marrow', true];
    const bay: M = ['Kestrel Bay', 'place:kestrel bay', true, 'place'];
    add(corpus, 'file:///d/a.txt', dated('2024-03-05', marrow, bay));
    add(corpus, 'file:///d/b.txt', dated('2024-01-20', marrow));
    add(corpus, 'file:///d/c.txt', dated('2024-06-01', bay));
    add(corpus, 'file:///d/d.txt', article(marrow));
    const range = (id: string) => {
      const { firstDate, lastDate } = corpus.contextOf(id, T);
      return [firstDate, lastDate];
    };
    assert.deepEqual(range('person:ilse marrow'), ['2024-01-20', '2024-03-05']);
    assert.deepEqual(range('place:kestrel bay'), ['2024-03-05', '2024-06-01']);
    corpus.removeArticle('file:///d/b.txt');
    assert.deepEqual(range('person:ilse marrow'), ['2024-03-05', '2024-03-05']);
    add(corpus, 'file:///d/c.txt', dated('2023-12-31', bay, marrow));
    assert.deepEqual(range('person:ilse marrow'), ['2023-12-31', '2024-03-05']);
    assert.deepEqual(range('place:kestrel bay'), ['2023-12-31', '2024-03-05']);
    corpus.removeArticle('file:///d/a.txt');
    corpus.removeArticle('file:///d/c.txt');
    assert.deepEqual(range('person:ilse marrow'), ['', '']);
  });
});

describe('Figure ledger', () => {
  /** An article reporting `counts` figures of "ships" (and one of "crew") on a date. */
  function report(date: string, counts: number): { text: string; analysis: ArticleAnalysis } {
    const parts = Array.from({ length: counts }, (_, i) => `${100 + i} ships`);
    const text = `${parts.join(', ')}, 7 crew`;
    let at = 0;
    const figures = [...parts, '7 crew'].map((p) => {
      const f = { kind: 'figure' as const, type: 'QUANTITY' as const, start: at, end: at + p.indexOf(' '), text: p.slice(0, p.indexOf(' ')), value: Number(p.slice(0, p.indexOf(' '))), counted: p.slice(p.indexOf(' ') + 1), measure: p.slice(p.indexOf(' ') + 1) };
      at += p.length + 2;
      return f;
    });
    return { text, analysis: { articleDate: date ? { value: date, source: 'date-line' } : { value: '', source: 'none' }, entities: [], dates: [], figures, problems: [] } };
  }

  it('lists figures oldest article first, undated last, then by file and position, whatever the limit', () => {
    const corpus = new Corpus();
    let seed = 11;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const expected: { uri: string; date: string; start: number }[] = [];
    for (let i = 0; i < 60; i++) {
      const date = rnd() < 0.2 ? '' : `2024-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 10)}`;
      const { text, analysis } = report(date, 1 + Math.floor(rnd() * 3));
      const uri = `file:///c/${String(Math.floor(rnd() * 1000)).padStart(3, '0')}-${i}.txt`;
      corpus.setArticle(uri, corpus.pack(text, analysis));
      for (const f of analysis.figures) if (f.measure === 'ships') expected.push({ uri, date, start: f.start });
    }
    const key = (r: { date: string; uri: string }) => `${r.date || '9999'} ${r.uri}`;
    expected.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.start - b.start));
    const all = corpus.ledgerOf('ships', 1000, T);
    assert.equal(all.total, expected.length);
    assert.deepEqual(all.rows.map((r) => ({ uri: r.uri, date: r.date, start: r.figure.start })), expected);
    for (const limit of [1, 5, 17]) {
      const some = corpus.ledgerOf('ships', limit, T);
      assert.equal(some.total, expected.length);
      assert.deepEqual(some.rows.map((r) => ({ uri: r.uri, start: r.figure.start })), expected.slice(0, limit).map(({ uri, start }) => ({ uri, start })));
    }
    // A change to an article reporting the measure is seen by the next ledger.
    const gone = expected[0];
    corpus.removeArticle(gone.uri);
    const after = corpus.ledgerOf('ships', 5, T);
    assert.ok(after.rows.every((r) => r.uri !== gone.uri));
    assert.equal(after.total, expected.filter((r) => r.uri !== gone.uri).length);
  });
});

describe('Corpus caches under random updates', () => {
  it('answer exactly as a fresh rebuild after every one of 400 random changes', () => {
    const pool: M[] = [
      ['Joe Biden', 'person:joe biden', true],
      ['Hunter Biden', 'person:hunter biden', true],
      ['Biden', 'person:~biden'],
      ['Vladimir Putin', 'person:vladimir putin', true],
      ['Mr Putin', 'person:~putin'],
      ['Ilse Marrow', 'person:ilse marrow', true],
      ['Ms Marrow', 'person:~marrow'],
      ['US', 'place:united states', false, 'place'],
      ['NATO', 'org:nato', false, 'org'],
      // One name typed by a guess in some articles and on firmer ground in others.
      ['Halden Point', 'person:halden point', true, 'person', 'gazetteer:given-name'],
      ['Halden Point', 'place:halden point', true, 'place', 'dateline'],
      ['Halden Point', 'org:halden point', true, 'org', 'capitalised-run'],
      ['Kestrel', 'org:kestrel', true, 'org', 'capitalised-run'],
      ['Kestrel', 'place:kestrel', true, 'place', 'gazetteer:city'],
      ['Kestrel', 'person:kestrel', true, 'person', 'context:person'],
      // A surname typed an organization by a guess in some articles, and firmly in others.
      ['Marrow', 'org:marrow', false, 'org', 'tagger'],
      ['Marrow', 'org:marrow', false, 'org', 'tagger+capitalised-run'],
      ['Marrow', 'org:marrow', false, 'org', 'context:org-noun'],
    ];
    assertIncrementalEqualsRebuild(pool, { seed: 7, steps: 400, uris: ['a', 'b', 'c', 'd', 'e'], removeRate: 0.2, maxMentions: 4, queryEvery: 3 });
  });
});
