import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CancellationSignal } from '../../server/src/analysis/types';
import { NOT_CANCELLED as T } from '../../server/src/corpus/queries';
import { corpusWith, corrections, named, person, put, story, surnameOnly, type Said } from '../support/storyArticles';

// What the corpus says about an entity, asserted field by field on invented sample articles:
// its name and type, spellings and roles by count, mention and article counts, rules, and the
// order searches list entities in.

describe('The summary of an entity', () => {
  it('adds up every key of the entity: spellings and roles most frequent first, then by name; counts; rules sorted', () => {
    const corpus = corpusWith(
      ['file:///a.txt', story('2024-03-05', person('Ilse Marrow', { role: 'Minister', rule: 'title' }), 'said', surnameOnly('Ms Marrow', { role: 'Minister' }))],
      ['file:///b.txt', story('2024-03-06', surnameOnly('Ms Marrow', { role: 'Envoy', rule: 'surname-in-article' }), 'and', surnameOnly('Ms Marrow', { rule: 'alias' }))],
      ['file:///c.txt', story('2024-03-07', person('Ilse Marrow', { role: 'Envoy' }), named('place', 'Kestrel Bay'))],
    );
    const expected = {
      id: 'person:ilse marrow',
      kind: 'person',
      canonical: 'Ilse Marrow',
      spellings: ['Ms Marrow', 'Ilse Marrow'],
      roles: ['Envoy', 'Minister'],
      mentionCount: 5,
      articleCount: 3,
      rules: ['alias', 'surname-in-article', 'test', 'title'],
    };
    assert.deepEqual(corpus.summaryOf('person:ilse marrow', T), expected);
    assert.deepEqual(corpus.summaryOf('person:~marrow', T), expected, 'asked by the surname');
    assert.deepEqual(corpus.summaryOf('place:kestrel bay', T), { id: 'place:kestrel bay', kind: 'place', canonical: 'Kestrel Bay', spellings: ['Kestrel Bay'], roles: [], mentionCount: 1, articleCount: 1, rules: ['test'] });
    assert.equal(corpus.summaryOf('place:nowhere', T), undefined);
  });

  it('adds the counts of a spelling, and of a role, that several keys of the entity share', () => {
    // "Halden Point" written by a firm place key and by a guess (a person) that joins it.
    const guess = named('person', 'Halden Point', { full: false, rule: 'gazetteer:given-name', surname: false });
    const place = named('place', 'Halden Point');
    const lower = named('place', 'Halden point', { key: 'place:halden point' });
    const points = corpusWith(['file:///a.txt', story('', place, place, lower, lower, lower)], ['file:///b.txt', story('', guess, guess)]);
    assert.deepEqual(points.summaryOf('place:halden point', T)?.spellings, ['Halden Point', 'Halden point'], 'four against three');
    const roles = corpusWith(['file:///a.txt', story('', person('Ilse Marrow', { role: 'Minister' }), person('Ilse Marrow', { role: 'Envoy' }), person('Ilse Marrow', { role: 'Envoy' }))], ['file:///b.txt', story('', surnameOnly('Ms Marrow', { role: 'Minister' }), surnameOnly('Ms Marrow', { role: 'Minister' }))]);
    assert.deepEqual(roles.summaryOf('person:ilse marrow', T)?.roles, ['Minister', 'Envoy'], 'three against two');
  });

  it('orders spellings of equal count by name, and more frequent ones first whichever came first', () => {
    const corpus = corpusWith(['file:///a.txt', story('', named('org', 'Port Authority'), named('org', 'Authority', { key: 'org:port authority' }), { text: 'the Port', key: 'org:port authority', kind: 'org' }, { text: 'the Port', key: 'org:port authority', kind: 'org' })]);
    assert.deepEqual(corpus.summaryOf('org:port authority', T)?.spellings, ['the Port', 'Authority', 'Port Authority']);
  });

  it('follows its articles as they are replaced and removed', () => {
    const corpus = corpusWith(['file:///a.txt', story('', person('Ilse Marrow'), surnameOnly('Ms Marrow'))], ['file:///b.txt', story('', surnameOnly('Ms Marrow', { role: 'Minister' }))]);
    const read = () => {
      const s = corpus.summaryOf('person:~marrow', T);
      return s && [s.id, s.spellings, s.roles, s.mentionCount, s.articleCount];
    };
    assert.deepEqual(read(), ['person:ilse marrow', ['Ms Marrow', 'Ilse Marrow'], ['Minister'], 3, 2]);
    put(corpus, 'file:///b.txt', story('', surnameOnly('Mr Marrow')));
    assert.deepEqual(read(), ['person:ilse marrow', ['Ilse Marrow', 'Mr Marrow', 'Ms Marrow'], [], 3, 2]);
    corpus.removeArticle('file:///a.txt');
    assert.deepEqual(read(), ['person:~marrow', ['Mr Marrow'], [], 1, 1]);
    assert.equal(corpus.summaryOf('person:ilse marrow', T), undefined);
    corpus.removeArticle('file:///b.txt');
    assert.equal(corpus.summaryOf('person:~marrow', T), undefined);
  });

  it('answers undefined when cancelled, and keeps nothing from it', () => {
    const corpus = corpusWith(['file:///a.txt', story('', person('Ilse Marrow'))]);
    const cancelled: CancellationSignal = { isCancellationRequested: true };
    assert.equal(corpus.summaryOf('person:ilse marrow', cancelled), undefined);
    assert.equal(corpus.summaryOf('person:ilse marrow', T)?.canonical, 'Ilse Marrow');
  });
});

describe('The name and type of an entity', () => {
  /** The name and type an entity shows with, in its summary and on its mentions. */
  function head(...parts: (Said | string)[]) {
    const corpus = corpusWith(['file:///a.txt', story('', ...parts)]);
    const id = corpus.resolve((parts.find((p) => typeof p !== 'string') as Said).key, T);
    const s = corpus.summaryOf(id, T)!;
    // The mentions, asked of a fresh corpus (no summary cached), name it the same.
    const fresh = corpusWith(['file:///a.txt', story('', ...parts)]);
    const m = fresh.mentionsIn('file:///a.txt', T).find((x) => x.id === id)!;
    assert.deepEqual([m.name, m.kind], [s.canonical, s.kind], 'mentions and summary agree');
    return [s.canonical, s.kind];
  }

  it('is the longest canonical name written, the first of equal length', () => {
    assert.deepEqual(head(named('org', 'Port Board', { canonical: 'Harbour Board' }), named('org', 'Port Board', { canonical: 'Kestrel Port Board' })), ['Kestrel Port Board', 'org']);
    assert.deepEqual(head(named('org', 'Port Board', { canonical: 'Harbour Board' }), named('org', 'Port Board', { canonical: 'Harbours Bord' })), ['Harbour Board', 'org']);
  });

  it('changes on the mentions of an article when another article writes the name otherwise', () => {
    const corpus = corpusWith(['file:///a.txt', story('', { text: 'BRANNOCK', key: 'place:brannock', kind: 'place' })]);
    assert.deepEqual(corpus.mentionsIn('file:///a.txt', T).map((m) => m.name), ['BRANNOCK']);
    put(corpus, 'file:///b.txt', story('', { text: 'Brannock', key: 'place:brannock', kind: 'place' }));
    assert.deepEqual(corpus.mentionsIn('file:///a.txt', T).map((m) => m.name), ['Brannock']);
  });

  it("is not an adjective's: a demonym mention names no place", () => {
    assert.deepEqual(head(named('place', 'Velmora'), named('place', 'Velmoran', { key: 'place:velmora', demonym: true })), ['Velmora', 'place']);
  });

  it('is written as the articles write a name a dateline shouts, the most written form; an acronym stays', () => {
    const shouted = { key: 'place:brannock', kind: 'place' as const, canonical: 'BRANNOCK' };
    assert.deepEqual(head({ text: 'BRANNOCK', ...shouted }, { text: 'Brannock', key: 'place:brannock', kind: 'place' }), ['Brannock', 'place']);
    assert.deepEqual(
      head({ text: 'MCLEOD', key: 'place:mcleod', kind: 'place', canonical: 'MCLEOD' }, { text: 'Mcleod', key: 'place:mcleod', kind: 'place' }, { text: 'McLeod', key: 'place:mcleod', kind: 'place' }, { text: 'McLeod', key: 'place:mcleod', kind: 'place' }),
      ['McLeod', 'place'],
    );
    assert.deepEqual(head({ text: 'MCLEOD', key: 'place:mcleod', kind: 'place', canonical: 'MCLEOD' }, { text: 'Mcleod', key: 'place:mcleod', kind: 'place' }, { text: 'McLeod', key: 'place:mcleod', kind: 'place' }), ['Mcleod', 'place'], 'a tie: the first written');
    assert.deepEqual(head({ text: 'BHB', key: 'org:bhb', kind: 'org' }), ['BHB', 'org']);
    // Only a spelling of the same letters counts: not a longer or shorter one.
    assert.deepEqual(head({ text: 'BRANNOCK', ...shouted }, { text: 'Brannocks', ...shouted }, { text: 'Branno', ...shouted }, { text: 'Brannoch', ...shouted }), ['BRANNOCK', 'place']);
  });

  it('falls back to the first spelling, then the id, when no mention gives a name', () => {
    assert.deepEqual(head({ text: 'Merovian', key: 'place:merovia', kind: 'place', demonym: true }, { text: 'Merovians', key: 'place:merovia', kind: 'place', demonym: true }), ['Merovian', 'place']);
    assert.deepEqual(head({ text: 'Kestrel', key: 'place:kestrel', kind: 'place', canonical: '' }), ['Kestrel', 'place']);
  });

  it("is of the entity's own key, not of a guessed spelling joined to it, and named by its own type", () => {
    // "Velmoran" typed an organization by a guess joins the place "Velmora".
    const corpus = corpusWith(['file:///b.txt', story('', named('org', 'Velmoran', { full: false, rule: 'capitalised-run' }), 'and', named('org', 'Velmoran', { full: false, rule: 'capitalised-run' }))], ['file:///a.txt', story('', named('place', 'Velmora'))]);
    const s = corpus.summaryOf('org:velmoran', T)!;
    assert.deepEqual([s.id, s.kind, s.canonical, s.spellings, s.mentionCount, s.articleCount], ['place:velmora', 'place', 'Velmora', ['Velmoran', 'Velmora'], 3, 2]);
    assert.deepEqual(
      corpus.mentionsIn('file:///b.txt', T).map((m) => [m.mention.start, m.id, m.kind, m.name]),
      [
        [0, 'place:velmora', 'place', 'Velmora'],
        [13, 'place:velmora', 'place', 'Velmora'],
      ],
    );
  });

  it('is named by a member of another type when none of its own type gives a name', () => {
    // The place is only written as an adjective ("Velmoran ships"); a guess typed "Velmora" an organization elsewhere.
    const corpus = corpusWith(['file:///a.txt', story('', { text: 'Velmoran', key: 'place:velmora', kind: 'place', demonym: true }, 'ships')], ['file:///b.txt', story('', named('org', 'Velmora', { rule: 'capitalised-run' }))]);
    const s = corpus.summaryOf('place:velmora', T)!;
    assert.deepEqual([s.id, s.kind, s.canonical, s.spellings], ['place:velmora', 'place', 'Velmora', ['Velmora', 'Velmoran']]);
  });

  it('is of its last member when a merge makes its id of a key no article writes', () => {
    const corpus = corpusWith(['file:///a.txt', story('', named('place', 'Kestrel Bay'))]);
    corpus.setCorrections(corrections({ merges: [{ ids: ['place:kestrel bay', 'org:absent'] }] }));
    const s = corpus.summaryOf('place:kestrel bay', T)!;
    assert.deepEqual([s.id, s.kind, s.canonical, s.mentionCount], ['org:absent', 'place', 'Kestrel Bay', 1]);
    // The same when the key was written once and its article went.
    const gone = corpusWith(['file:///a.txt', story('', named('place', 'Kestrel Bay'))], ['file:///b.txt', story('', named('org', 'Port Authority'))]);
    gone.setCorrections(corrections({ merges: [{ ids: ['place:kestrel bay', 'org:port authority'] }] }));
    assert.equal(gone.summaryOf('place:kestrel bay', T)?.kind, 'org');
    gone.removeArticle('file:///b.txt');
    const after = gone.summaryOf('place:kestrel bay', T)!;
    assert.deepEqual([after.id, after.kind, after.canonical, after.mentionCount], ['org:port authority', 'place', 'Kestrel Bay', 1]);
  });

  it('is named by the other members when none of its own type gives a name', () => {
    // Merged by the reader: a place that only an adjective names, and an organization.
    const corpus = corpusWith(['file:///a.txt', story('', { text: 'Merovian', key: 'place:merovia', kind: 'place', demonym: true }, named('org', 'Merovia Trust'))]);
    corpus.setCorrections(corrections({ merges: [{ ids: ['place:merovia', 'org:merovia trust'] }] }));
    const s = corpus.summaryOf('place:merovia', T)!;
    assert.deepEqual([s.id, s.kind, s.canonical], ['org:merovia trust', 'org', 'Merovia Trust']);
  });

  it('is what the merge names it, and otherwise the type of the id a merge gives it', () => {
    const corpus = corpusWith(['file:///a.txt', story('', named('place', 'Kestrel Bay'), named('org', 'Port Authority'))]);
    corpus.setCorrections(corrections({ merges: [{ ids: ['place:kestrel bay', 'org:port authority'] }] }));
    assert.deepEqual([corpus.summaryOf('place:kestrel bay', T)?.kind, corpus.summaryOf('place:kestrel bay', T)?.canonical], ['org', 'Port Authority']);
    assert.deepEqual(corpus.mentionsIn('file:///a.txt', T).map((m) => [m.id, m.kind, m.name]), [
      ['org:port authority', 'org', 'Port Authority'],
      ['org:port authority', 'org', 'Port Authority'],
    ]);
    corpus.setCorrections(corrections({ merges: [{ ids: ['place:kestrel bay', 'org:port authority'], name: 'Bay Port' }] }));
    assert.deepEqual(corpus.mentionsIn('file:///a.txt', T).map((m) => m.name), ['Bay Port', 'Bay Port']);
  });
});

describe('Searching entities', () => {
  // Marrow in three articles (three mentions), the port in two (three), the bay in two (two), the ferry in one (four).
  function sample() {
    const port = named('org', 'Port Authority');
    const ferry = named('org', 'Ferry Line');
    return corpusWith(
      ['file:///a.txt', story('', person('Ilse Marrow'), named('place', 'Kestrel Bay'), port, port)],
      ['file:///b.txt', story('', surnameOnly('Ms Marrow'), named('place', 'Kestrel Bay'), port)],
      ['file:///c.txt', story('', surnameOnly('Ms Marrow'), ferry, ferry, ferry, ferry)],
    );
  }

  it('lists the entities most articles first, then most mentions, then by name, at most the limit', () => {
    const corpus = sample();
    assert.deepEqual(corpus.searchEntities('', 10, T).map((s) => [s.canonical, s.articleCount, s.mentionCount]), [
      ['Ilse Marrow', 3, 3],
      ['Port Authority', 2, 3],
      ['Kestrel Bay', 2, 2],
      ['Ferry Line', 1, 4],
    ]);
    assert.deepEqual(corpus.searchEntities('', 1, T).map((s) => s.canonical), ['Ilse Marrow']);
    assert.deepEqual(corpus.searchEntities('', 0, T), []);
    // By name when the counts tie.
    const ties = corpusWith(['file:///a.txt', story('', named('org', 'Zeta Line'), named('org', 'Alpha Line'), named('org', 'Mid Line'))]);
    assert.deepEqual(ties.searchEntities('line', 10, T).map((s) => s.canonical), ['Alpha Line', 'Mid Line', 'Zeta Line']);
  });

  it('finds a name or any spelling containing the query, in any case, trimmed', () => {
    const corpus = sample();
    assert.deepEqual(corpus.searchEntities(' MS marrow ', 10, T).map((s) => s.id), ['person:ilse marrow']);
    assert.deepEqual(corpus.searchEntities('line', 10, T).map((s) => s.id), ['org:ferry line']);
    assert.deepEqual(corpus.searchEntities('or', 10, T).map((s) => s.id), ['org:port authority']);
    assert.deepEqual(corpus.searchEntities('nobody', 10, T), []);
    // Each name on its own: a query across two spellings finds nothing.
    assert.deepEqual(corpus.searchEntities('marrowms', 10, T), []);
    // A name that no mention spells, given by a merge.
    corpus.setCorrections(corrections({ merges: [{ ids: ['org:ferry line', 'org:port authority'], name: 'Harbour Services' }] }));
    assert.deepEqual(corpus.searchEntities('harbour serv', 10, T).map((s) => [s.id, s.canonical]), [['org:ferry line', 'Harbour Services']]);
  });

  it('sees articles that came and went since the last search', () => {
    const corpus = sample();
    assert.equal(corpus.searchEntities('', 10, T).length, 4);
    put(corpus, 'file:///d.txt', story('', named('org', 'Ferry Line'), named('org', 'Ferry Line')));
    assert.deepEqual(corpus.searchEntities('ferry', 10, T).map((s) => [s.canonical, s.articleCount, s.mentionCount]), [['Ferry Line', 2, 6]]);
    corpus.removeArticle('file:///c.txt');
    corpus.removeArticle('file:///d.txt');
    assert.deepEqual(corpus.searchEntities('ferry', 10, T), []);
  });

  it('answers nothing when cancelled while building its list, and the whole list after', () => {
    const corpus = sample();
    let looks = 2;
    const midway: CancellationSignal = {
      get isCancellationRequested() {
        return looks-- <= 0;
      },
    };
    assert.deepEqual(corpus.searchEntities('', 10, midway), []);
    assert.equal(corpus.searchEntities('', 10, T).length, 4, 'no partial list kept');
  });
});
