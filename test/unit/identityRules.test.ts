import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Corpus } from '../../server/src/corpus/corpus';
import { demonymBases, demonymForms } from '../../server/src/corpus/identity';
import { NOT_CANCELLED as T } from '../../server/src/corpus/queries';
import { corpusWith, corrections, named, person, put, story, surnameOnly, type Said } from '../support/storyArticles';

// The identity rules, asserted as answers on small invented sample articles: which entity each
// key resolves to, of which kind and name, with which members. Rules named in the tests:
// 'test' is firm (an article's context typed it), 'capitalised-run' and 'gazetteer:given-name'
// only guess a type, and 'tagger', 'context:verb', ... type weakly.

/** Where each key resolves. */
function resolved(corpus: Corpus, ...keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, corpus.resolve(k, T)]));
}

function members(corpus: Corpus, id: string): string[] {
  return corpus.membersOf(id, T).sort();
}

const ILSE = person('Ilse Marrow');
const OSKAR = person('Oskar Marrow');
const MS_MARROW = surnameOnly('Ms Marrow');

describe('A surname written alone', () => {
  it('joins the one full name carrying it, across articles, as its member', () => {
    const corpus = corpusWith(['file:///a.txt', story('2024-03-05', ILSE, 'spoke')], ['file:///b.txt', story('2024-03-06', MS_MARROW, 'left')]);
    assert.deepEqual(resolved(corpus, 'person:~marrow', 'person:ilse marrow'), { 'person:~marrow': 'person:ilse marrow', 'person:ilse marrow': 'person:ilse marrow' });
    assert.deepEqual(members(corpus, 'person:~marrow'), ['person:ilse marrow', 'person:~marrow']);
    assert.deepEqual(corpus.entityIds(T), ['person:ilse marrow']);
    const [m] = corpus.mentionsIn('file:///b.txt', T);
    assert.deepEqual([m.mention.key, m.id, m.kind, m.name], ['person:~marrow', 'person:ilse marrow', 'person', 'Ilse Marrow']);
  });

  it('joins by the surname the article wrote with the full name (the first one written), else by its last word', () => {
    // "Jan de Wit": the article wrote the surname "de wit" with its second mention, "wit" with its third.
    const jan = story('2024-03-05', person('Jan de Wit', { surname: false }), 'and', person('Jan de Wit', { surname: 'de wit' }), 'and', person('Jan de Wit', { surname: 'wit' }));
    const corpus = corpusWith(['file:///a.txt', jan], ['file:///b.txt', story('', surnameOnly('Mr de Wit', { key: 'person:~de wit' }), surnameOnly('Mr Wit'))]);
    assert.deepEqual(resolved(corpus, 'person:~de wit', 'person:~wit'), { 'person:~de wit': 'person:jan de wit', 'person:~wit': 'person:~wit' });
    // No surname written at all: the last word of the name.
    const bare = corpusWith(['file:///a.txt', story('', person('Ilse Marrow', { surname: false }))], ['file:///b.txt', story('', MS_MARROW)]);
    assert.equal(bare.resolve('person:~marrow', T), 'person:ilse marrow');
  });

  it('stands alone when two people carry it, unless the reader kept one of them from joining', () => {
    const corpus = corpusWith(['file:///a.txt', story('', ILSE, OSKAR)], ['file:///b.txt', story('', MS_MARROW)]);
    assert.equal(corpus.resolve('person:~marrow', T), 'person:~marrow');
    assert.deepEqual(members(corpus, 'person:~marrow'), ['person:~marrow']);
    assert.deepEqual(members(corpus, 'person:ilse marrow'), ['person:ilse marrow'], 'a surname that joined nobody is no member');
    assert.deepEqual(corpus.entityIds(T).sort(), ['person:ilse marrow', 'person:oskar marrow', 'person:~marrow']);
    corpus.setCorrections(corrections({ noJoin: new Set(['person:oskar marrow']) }));
    assert.equal(corpus.resolve('person:~marrow', T), 'person:ilse marrow');
    assert.deepEqual(members(corpus, 'person:ilse marrow'), ['person:ilse marrow', 'person:~marrow']);
  });

  it('stands alone when the reader split it off', () => {
    const corpus = corpusWith(['file:///a.txt', story('', ILSE)], ['file:///b.txt', story('', MS_MARROW)]);
    corpus.setCorrections(corrections({ noJoin: new Set(['person:~marrow']) }));
    assert.equal(corpus.resolve('person:~marrow', T), 'person:~marrow');
    assert.deepEqual(members(corpus, 'person:ilse marrow'), ['person:ilse marrow']);
  });

  it('is no member of a full name while no article writes it', () => {
    const corpus = corpusWith(['file:///a.txt', story('', ILSE)]);
    assert.deepEqual(corpus.membersOf('person:ilse marrow', T), ['person:ilse marrow']);
    assert.deepEqual(corpus.membersOf('person:~marrow', T), ['person:ilse marrow']);
  });

  it('joins again, or leaves, as the articles that decide it come and go', () => {
    const corpus = corpusWith(['file:///b.txt', story('', MS_MARROW)]);
    assert.equal(corpus.resolve('person:~marrow', T), 'person:~marrow');
    put(corpus, 'file:///a.txt', story('', ILSE));
    assert.equal(corpus.resolve('person:~marrow', T), 'person:ilse marrow');
    put(corpus, 'file:///c.txt', story('', OSKAR));
    assert.equal(corpus.resolve('person:~marrow', T), 'person:~marrow');
    corpus.removeArticle('file:///a.txt');
    assert.equal(corpus.resolve('person:~marrow', T), 'person:oskar marrow');
    // Replaced by an article without him: the surname stands alone again.
    put(corpus, 'file:///c.txt', story('', named('place', 'Kestrel Bay')));
    assert.equal(corpus.resolve('person:~marrow', T), 'person:~marrow');
    assert.deepEqual(corpus.entityIds(T).sort(), ['person:~marrow', 'place:kestrel bay']);
  });
});

describe('A one-word name typed otherwise by a weak guess', () => {
  const MARK = person('Mark Papermaster');
  const guessed = (rule: string, more: Partial<Said> = {}): Said => named('org', 'Papermaster', { full: false, rule, ...more });

  it('joins the one person with that surname, for every weak way of typing it', () => {
    for (const rule of ['capitalised-run', 'gazetteer:given-name', 'tagger', 'gazetteer:person-name', 'context:verb', 'surname-in-article', 'tagger+capitalised-run', 'tagger+context:verb']) {
      const corpus = corpusWith(['file:///a.txt', story('', MARK)], ['file:///b.txt', story('', guessed(rule))]);
      assert.equal(corpus.resolve('org:papermaster', T), 'person:mark papermaster', rule);
      assert.deepEqual(members(corpus, 'person:mark papermaster'), ['org:papermaster', 'person:mark papermaster'], rule);
      const [m] = corpus.mentionsIn('file:///b.txt', T);
      assert.deepEqual([m.id, m.kind, m.name], ['person:mark papermaster', 'person', 'Mark Papermaster'], rule);
    }
  });

  it('stays when any of its mentions was typed firmly', () => {
    for (const rule of ['shape:org-suffix', 'tagger+shape:org-suffix', 'gazetteer:org']) {
      const corpus = corpusWith(['file:///a.txt', story('', MARK)], ['file:///b.txt', story('', guessed('capitalised-run'), guessed(rule))]);
      assert.equal(corpus.resolve('org:papermaster', T), 'org:papermaster', rule);
    }
  });

  it('joins when the person is written at least as often, the surname alone counted with him', () => {
    const even = corpusWith(['file:///a.txt', story('', MARK)], ['file:///b.txt', story('', guessed('capitalised-run'))]);
    assert.equal(even.resolve('org:papermaster', T), 'person:mark papermaster', 'one each');
    const withSurname = corpusWith(['file:///a.txt', story('', MARK, surnameOnly('Mr Papermaster'))], ['file:///b.txt', story('', guessed('capitalised-run'), guessed('capitalised-run'))]);
    assert.equal(withSurname.resolve('org:papermaster', T), 'person:mark papermaster', 'two against two');
    assert.deepEqual(members(withSurname, 'org:papermaster'), ['org:papermaster', 'person:mark papermaster', 'person:~papermaster']);
    const more = corpusWith(['file:///a.txt', story('', MARK, surnameOnly('Mr Papermaster'))], ['file:///b.txt', story('', guessed('capitalised-run'), guessed('capitalised-run'), guessed('capitalised-run'))]);
    assert.equal(more.resolve('org:papermaster', T), 'org:papermaster', 'three against two');
  });

  it('stays when two people carry the surname, unless the reader kept one apart, or when the reader kept it apart', () => {
    const corpus = corpusWith(['file:///a.txt', story('', MARK, person('Lisa Papermaster'))], ['file:///b.txt', story('', guessed('capitalised-run'))]);
    assert.equal(corpus.resolve('org:papermaster', T), 'org:papermaster');
    corpus.setCorrections(corrections({ noJoin: new Set(['person:lisa papermaster']) }));
    assert.equal(corpus.resolve('org:papermaster', T), 'person:mark papermaster');
    corpus.setCorrections(corrections({ noJoin: new Set(['person:lisa papermaster', 'org:papermaster']) }));
    assert.equal(corpus.resolve('org:papermaster', T), 'org:papermaster');
  });

  it('is only a one-word name: a guessed "De Wit" does not join "Jan de Wit"', () => {
    const corpus = corpusWith(['file:///a.txt', story('', person('Jan de Wit', { surname: 'de wit' }))], ['file:///b.txt', story('', named('org', 'De Wit', { full: false, rule: 'capitalised-run' }))]);
    assert.equal(corpus.resolve('org:de wit', T), 'org:de wit');
  });
});

describe('A name typed only by a guess', () => {
  // "Halden" is a given name, so a guess made "Halden Point" a person; a dateline made it a place.
  const GUESS = named('person', 'Halden Point', { rule: 'gazetteer:given-name', surname: false });
  const PLACE = named('place', 'Halden Point');

  it('joins the one firmer reading of the same name, which names it and gives its kind', () => {
    const corpus = corpusWith(['file:///a.txt', story('', 'in', PLACE)], ['file:///b.txt', story('', GUESS, 'said')]);
    assert.deepEqual(resolved(corpus, 'person:halden point', 'place:halden point'), { 'person:halden point': 'place:halden point', 'place:halden point': 'place:halden point' });
    assert.deepEqual(members(corpus, 'place:halden point'), ['person:halden point', 'place:halden point']);
    const [m] = corpus.mentionsIn('file:///b.txt', T);
    assert.deepEqual([m.mention.start, m.mention.end, m.id, m.kind, m.name], [0, 12, 'place:halden point', 'place', 'Halden Point']);
    assert.equal(corpus.summaryOf('person:halden point', T)?.kind, 'place');
  });

  it('stays when two firmer readings disagree, when the other reading is a guess too, or when one of its mentions is firm', () => {
    const two = corpusWith(['file:///a.txt', story('', PLACE, named('org', 'Halden Point'))], ['file:///b.txt', story('', GUESS)]);
    assert.equal(two.resolve('person:halden point', T), 'person:halden point');
    const guesses = corpusWith(['file:///a.txt', story('', named('place', 'Halden Point', { rule: 'capitalised-run' }))], ['file:///b.txt', story('', GUESS)]);
    assert.deepEqual(resolved(guesses, 'person:halden point', 'place:halden point'), { 'person:halden point': 'person:halden point', 'place:halden point': 'place:halden point' });
    const firm = corpusWith(['file:///a.txt', story('', PLACE)], ['file:///b.txt', story('', GUESS, named('person', 'Halden Point', { surname: false }))]);
    assert.equal(firm.resolve('person:halden point', T), 'person:halden point');
    // Typed weakly but not by a guess (the tagger): not retyped.
    const tagger = corpusWith(['file:///a.txt', story('', PLACE)], ['file:///b.txt', story('', named('person', 'Halden Point', { rule: 'tagger', surname: false }))]);
    assert.equal(tagger.resolve('person:halden point', T), 'person:halden point');
  });

  it('joins either guessing rule, and leaves when the firmer reading goes', () => {
    const corpus = corpusWith(['file:///a.txt', story('', PLACE)], ['file:///b.txt', story('', named('person', 'Halden Point', { rule: 'capitalised-run', surname: false }))]);
    assert.equal(corpus.resolve('person:halden point', T), 'place:halden point');
    corpus.removeArticle('file:///a.txt');
    assert.equal(corpus.resolve('person:halden point', T), 'person:halden point');
    assert.deepEqual([corpus.summaryOf('person:halden point', T)?.kind, corpus.mentionsIn('file:///b.txt', T)[0].kind], ['person', 'person']);
  });
});

describe("A place's adjective typed otherwise by a weak guess", () => {
  const PLACE = named('place', 'Velmora');
  const ADJECTIVE = named('org', 'Velmoran', { full: false, rule: 'capitalised-run' });

  it('is a mention of the place, a member of it, named and typed by it', () => {
    const corpus = corpusWith(['file:///a.txt', story('', PLACE)], ['file:///b.txt', story('', 'the', ADJECTIVE, 'strike')]);
    assert.equal(corpus.resolve('org:velmoran', T), 'place:velmora');
    assert.deepEqual(members(corpus, 'place:velmora'), ['org:velmoran', 'place:velmora']);
    const [m] = corpus.mentionsIn('file:///b.txt', T);
    assert.deepEqual([m.mention.start, m.mention.end, m.id, m.kind, m.name], [4, 12, 'place:velmora', 'place', 'Velmora']);
  });

  it('stays when two places could be its base, when the reader kept the place apart, or when the base is no place', () => {
    // "Cuban" reads as of "Cuba" and of "Cubo".
    const cuban = named('person', 'Cuban', { full: false, rule: 'capitalised-run', surname: false });
    const two = corpusWith(['file:///a.txt', story('', named('place', 'Cuba'), named('place', 'Cubo'))], ['file:///b.txt', story('', cuban)]);
    assert.equal(two.resolve('person:cuban', T), 'person:cuban');
    const one = corpusWith(['file:///a.txt', story('', named('place', 'Cuba'))], ['file:///b.txt', story('', cuban)]);
    assert.equal(one.resolve('person:cuban', T), 'place:cuba');
    one.setCorrections(corrections({ noJoin: new Set(['place:cuba']) }));
    assert.equal(one.resolve('person:cuban', T), 'person:cuban');
    const guessedPlace = corpusWith(['file:///a.txt', story('', named('place', 'Cuba', { rule: 'capitalised-run' }))], ['file:///b.txt', story('', cuban)]);
    assert.equal(guessedPlace.resolve('person:cuban', T), 'person:cuban', 'the place itself a guess');
    const org = corpusWith(['file:///a.txt', story('', named('org', 'Cuba'))], ['file:///b.txt', story('', cuban)]);
    assert.equal(org.resolve('person:cuban', T), 'person:cuban');
  });

  it('is never a place itself: a guessed place named like an adjective of another stays', () => {
    const corpus = corpusWith(['file:///a.txt', story('', PLACE)], ['file:///b.txt', story('', named('place', 'Velmoran', { rule: 'capitalised-run' }))]);
    assert.equal(corpus.resolve('place:velmoran', T), 'place:velmoran');
  });

  it('forms the adjectives of a one-word place, and reads them back', () => {
    assert.deepEqual(demonymForms('velmora'), ['velmoran', 'velmoraan', 'velmoraian', 'velmoraese', 'velmorai', 'velmorian', 'velmorese']);
    assert.deepEqual(demonymForms('iraq'), ['iraqn', 'iraqan', 'iraqian', 'iraqese', 'iraqi']);
    assert.deepEqual(demonymForms('fiji'), ['fijin', 'fijian', 'fijiian', 'fijiese', 'fijii']);
    assert.deepEqual([demonymForms('ulm'), demonymForms('new york'), demonymForms('Cuba'), demonymForms('köln').length], [[], [], [], 5]);
    assert.deepEqual(demonymBases('cuban'), ['cuba', 'cubo', 'cube']);
    assert.deepEqual(demonymBases('iraqi'), ['iraq']);
    assert.deepEqual(demonymBases('brazilian'), ['brazilia', 'brazili', 'brazilio', 'brazilie', 'brazil', 'brazila', 'brazilo', 'brazile']);
    assert.deepEqual(demonymBases('taiwanese'), ['taiwan', 'taiwana', 'taiwano', 'taiwane']);
    assert.deepEqual(demonymBases('velmoran'), ['velmora', 'velmor', 'velmoro', 'velmore']);
    assert.deepEqual(demonymBases('ulman'), ['ulma', 'ulmo', 'ulme'], 'not "ulm": a place of four letters at least');
    assert.deepEqual([demonymBases('cuba'), demonymBases('Cuban'), demonymBases('said')], [[], [], []]);
  });
});

describe("The reader's merges", () => {
  it('make one entity of every key they name and of what those keys resolve to, its id the smallest', () => {
    const corpus = corpusWith(['file:///a.txt', story('', ILSE, named('org', 'Port Authority'))], ['file:///b.txt', story('', MS_MARROW, named('place', 'Kestrel Bay'))]);
    const warnings = corpus.setCorrections(corrections({ merges: [{ ids: ['person:~marrow', 'place:kestrel bay'] }] }));
    assert.deepEqual(warnings, []);
    const id = 'person:ilse marrow';
    assert.deepEqual(resolved(corpus, 'person:~marrow', 'person:ilse marrow', 'place:kestrel bay', 'org:port authority'), { 'person:~marrow': id, 'person:ilse marrow': id, 'place:kestrel bay': id, 'org:port authority': 'org:port authority' });
    assert.deepEqual(members(corpus, 'place:kestrel bay'), ['person:ilse marrow', 'person:~marrow', 'place:kestrel bay']);
    assert.deepEqual(corpus.entityIds(T).sort(), ['org:port authority', 'person:ilse marrow']);
    assert.deepEqual(corpus.summaryOf('place:kestrel bay', T)?.canonical, 'Ilse Marrow', 'no name given: its own');
  });

  it('take as id the smallest entity they make, not the smallest key they name', () => {
    // "Papermaster", guessed an organization, is Mark Papermaster's; merged with "Adam".
    const corpus = corpusWith(['file:///a.txt', story('', person('Mark Papermaster'), person('Adam', { surname: false }))], ['file:///b.txt', story('', named('org', 'Papermaster', { full: false, rule: 'capitalised-run' }))]);
    corpus.setCorrections(corrections({ merges: [{ ids: ['org:papermaster', 'person:adam'] }] }));
    assert.deepEqual(resolved(corpus, 'org:papermaster', 'person:mark papermaster', 'person:adam'), { 'org:papermaster': 'person:adam', 'person:mark papermaster': 'person:adam', 'person:adam': 'person:adam' });
    assert.deepEqual(members(corpus, 'person:adam'), ['org:papermaster', 'person:adam', 'person:mark papermaster']);
  });

  it('take in the keys that resolve to an entity they name: a surname joined to a merged full name', () => {
    const corpus = corpusWith(['file:///a.txt', story('', ILSE, named('org', 'Port Authority'))], ['file:///b.txt', story('', MS_MARROW)]);
    corpus.setCorrections(corrections({ merges: [{ ids: ['person:ilse marrow', 'org:port authority'], name: 'Marrow & Port' }] }));
    assert.deepEqual(resolved(corpus, 'person:~marrow', 'person:ilse marrow'), { 'person:~marrow': 'org:port authority', 'person:ilse marrow': 'org:port authority' });
    assert.deepEqual(members(corpus, 'person:~marrow'), ['org:port authority', 'person:ilse marrow', 'person:~marrow']);
    assert.deepEqual(corpus.mentionsIn('file:///b.txt', T).map((m) => [m.id, m.kind, m.name]), [['org:port authority', 'org', 'Marrow & Port']]);
  });

  it('name the entity as told, report overlaps, and undo when the corrections go', () => {
    const corpus = corpusWith(['file:///a.txt', story('', ILSE, named('org', 'Port Authority'))], ['file:///b.txt', story('', named('place', 'Kestrel Bay'))]);
    const warnings = corpus.setCorrections(
      corrections({
        merges: [
          { ids: ['place:kestrel bay', 'org:port authority'], name: 'Kestrel Port' },
          { ids: ['org:port authority', 'person:~nobody'], name: 'Other' },
        ],
      }),
    );
    assert.deepEqual(warnings, [
      'merges 1, 2 share entities and are joined as one: org:port authority, person:~nobody, place:kestrel bay',
      'the merged entity org:port authority, person:~nobody, place:kestrel bay is named "Kestrel Port" and "Other"; it shows as "Kestrel Port"',
    ]);
    assert.equal(corpus.resolve('place:kestrel bay', T), 'org:port authority');
    assert.deepEqual([corpus.summaryOf('place:kestrel bay', T)?.canonical, corpus.mentionsIn('file:///b.txt', T)[0].name], ['Kestrel Port', 'Kestrel Port']);
    assert.equal(corpus.summaryOf('person:ilse marrow', T)?.canonical, 'Ilse Marrow');
    corpus.setCorrections(corrections({}));
    assert.deepEqual(resolved(corpus, 'place:kestrel bay', 'org:port authority'), { 'place:kestrel bay': 'place:kestrel bay', 'org:port authority': 'org:port authority' });
    assert.equal(corpus.summaryOf('place:kestrel bay', T)?.canonical, 'Kestrel Bay');
  });
});

describe("The reader's split in one article", () => {
  it('makes the mentions there an entity of their own, gone from the rest, until the split goes', () => {
    const corpus = corpusWith(['file:///a.txt', story('', ILSE)], ['file:///b.txt', story('', 'and', ILSE)], ['file:///c.txt', story('', MS_MARROW)]);
    assert.equal(corpus.resolve('person:~marrow', T), 'person:ilse marrow');
    corpus.setCorrections(corrections({ splitIn: new Map([['file:///b.txt', new Set(['person:ilse marrow'])]]) }));
    const split = 'person:ilse marrow@file:///b.txt';
    assert.deepEqual(
      corpus.mentionsIn('file:///b.txt', T).map((m) => [m.mention.key, m.mention.start, m.id, m.kind, m.name, m.mention.rule]),
      [[split, 4, split, 'person', 'Ilse Marrow', 'test, split by correction']],
    );
    const s = corpus.summaryOf('person:ilse marrow', T)!;
    assert.deepEqual([s.mentionCount, s.articleCount], [1, 1]);
    assert.deepEqual(corpus.occurrencesOf('person:ilse marrow', 10, T).map((o) => [o.uri, o.start, o.end]), [['file:///a.txt', 0, 11]]);
    // The split-off person carries the surname too: "Ms Marrow" could be either, so stands alone.
    assert.equal(corpus.resolve('person:~marrow', T), 'person:~marrow');
    assert.deepEqual(corpus.entityIds(T).sort(), ['person:ilse marrow', split, 'person:~marrow']);
    corpus.setCorrections(corrections({}));
    assert.deepEqual([corpus.resolve('person:~marrow', T), corpus.summaryOf('person:ilse marrow', T)?.mentionCount, corpus.entityIds(T)], ['person:ilse marrow', 3, ['person:ilse marrow']]);
  });
});

describe('An acronym written bare', () => {
  // "the Brannock Harbour Board (BHB)" in one article, "BHB" alone in another.
  const BOARD = named('org', 'Brannock Harbour Board');
  const BOARD_AS_BHB: Said = { text: 'BHB', key: 'org:brannock harbour board', kind: 'org', rule: 'acronym' };
  const BARE: Said = { text: 'BHB', key: 'org:bhb', kind: 'org', rule: 'acronym' };
  const spelt = story('', 'the', BOARD, BOARD_AS_BHB);
  const bare = story('', 'at', BARE);

  it('joins the entity the corpus spelt it out as, whichever article came first, and is its member', () => {
    const corpus = corpusWith(['file:///b.txt', bare]);
    // Asked before the article that spells it out comes: the answer is not kept past it.
    assert.deepEqual([corpus.resolve('org:bhb', T), corpus.summaryOf('org:bhb', T)?.canonical], ['org:bhb', 'BHB']);
    put(corpus, 'file:///a.txt', spelt);
    assert.equal(corpus.resolve('org:bhb', T), 'org:brannock harbour board');
    assert.deepEqual(members(corpus, 'org:brannock harbour board'), ['org:bhb', 'org:brannock harbour board']);
    assert.deepEqual(corpus.occurrencesOf('org:bhb', 10, T).map((o) => [o.uri, o.start, o.end, o.text]), [
      ['file:///a.txt', 4, 26, 'Brannock Harbour Board'],
      ['file:///a.txt', 27, 30, 'BHB'],
      ['file:///b.txt', 3, 6, 'BHB'],
    ]);
    // Replaced by an article that no longer spells it out: apart again.
    put(corpus, 'file:///a.txt', story('', 'the', BOARD));
    assert.equal(corpus.resolve('org:bhb', T), 'org:bhb');
    assert.deepEqual(members(corpus, 'org:brannock harbour board'), ['org:brannock harbour board']);
  });

  it('stays apart when the reader kept it or its expansion apart, and joins the one expansion left', () => {
    const kept = corpusWith(['file:///a.txt', spelt], ['file:///b.txt', bare]);
    kept.setCorrections(corrections({ noJoin: new Set(['org:bhb']) }));
    assert.equal(kept.resolve('org:bhb', T), 'org:bhb');
    kept.setCorrections(corrections({ noJoin: new Set(['org:brannock harbour board']) }));
    assert.equal(kept.resolve('org:bhb', T), 'org:bhb');
    const herring = story('', named('org', 'Baltic Herring Bureau'), { text: 'BHB', key: 'org:baltic herring bureau', kind: 'org', rule: 'acronym' });
    const two = corpusWith(['file:///a.txt', spelt], ['file:///b.txt', bare], ['file:///c.txt', herring]);
    assert.equal(two.resolve('org:bhb', T), 'org:bhb', 'spelt out two ways');
    two.setCorrections(corrections({ noJoin: new Set(['org:baltic herring bureau']) }));
    assert.equal(two.resolve('org:bhb', T), 'org:brannock harbour board');
  });
});

describe('Answers asked before a change', () => {
  // Each case asks first, so a cached answer that the change should have moved would show.
  const MARK = person('Mark Papermaster');
  const GUESSED_ORG = named('org', 'Papermaster', { full: false, rule: 'capitalised-run' });

  it('take in a guessed one-word name that comes to join a person', () => {
    const corpus = corpusWith(['file:///a.txt', story('', MARK)]);
    assert.deepEqual([members(corpus, 'person:mark papermaster'), corpus.summaryOf('person:mark papermaster', T)?.mentionCount], [['person:mark papermaster'], 1]);
    put(corpus, 'file:///b.txt', story('', GUESSED_ORG));
    assert.deepEqual([members(corpus, 'person:mark papermaster'), corpus.summaryOf('person:mark papermaster', T)?.mentionCount], [['org:papermaster', 'person:mark papermaster'], 2]);
    assert.deepEqual(corpus.entityIds(T), ['person:mark papermaster']);
    // Written more often than the person now: it leaves him.
    put(corpus, 'file:///b.txt', story('', GUESSED_ORG, GUESSED_ORG));
    assert.deepEqual([members(corpus, 'person:mark papermaster'), corpus.resolve('org:papermaster', T)], [['person:mark papermaster'], 'org:papermaster']);
  });

  it('follow a person who comes to carry the surname of a guessed name', () => {
    const corpus = corpusWith(['file:///b.txt', story('', GUESSED_ORG)]);
    assert.deepEqual([corpus.resolve('org:papermaster', T), corpus.summaryOf('org:papermaster', T)?.kind], ['org:papermaster', 'org']);
    put(corpus, 'file:///a.txt', story('', MARK));
    assert.deepEqual([corpus.resolve('org:papermaster', T), corpus.summaryOf('org:papermaster', T)?.kind], ['person:mark papermaster', 'person']);
  });

  it('retype a guess when a firmer reading of its name comes or goes', () => {
    const guess = story('', named('person', 'Halden Point', { rule: 'gazetteer:given-name', surname: false }));
    const corpus = corpusWith(['file:///b.txt', guess]);
    assert.deepEqual([corpus.resolve('person:halden point', T), corpus.mentionsIn('file:///b.txt', T)[0].kind], ['person:halden point', 'person']);
    put(corpus, 'file:///a.txt', story('', named('place', 'Halden Point')));
    assert.deepEqual([corpus.resolve('person:halden point', T), corpus.mentionsIn('file:///b.txt', T)[0].kind], ['place:halden point', 'place']);
    corpus.removeArticle('file:///a.txt');
    assert.deepEqual([corpus.resolve('person:halden point', T), corpus.mentionsIn('file:///b.txt', T)[0].kind], ['person:halden point', 'person']);
  });

  it("join an adjective to its place when the place comes, and part them when it goes", () => {
    const adjective = story('', named('org', 'Velmoran', { full: false, rule: 'capitalised-run' }));
    const corpus = corpusWith(['file:///b.txt', adjective]);
    assert.deepEqual([corpus.resolve('org:velmoran', T), corpus.mentionsIn('file:///b.txt', T)[0].name], ['org:velmoran', 'Velmoran']);
    put(corpus, 'file:///a.txt', story('', named('place', 'Velmora')));
    assert.deepEqual([corpus.resolve('org:velmoran', T), corpus.mentionsIn('file:///b.txt', T)[0].name], ['place:velmora', 'Velmora']);
    assert.deepEqual(members(corpus, 'place:velmora'), ['org:velmoran', 'place:velmora']);
    corpus.removeArticle('file:///a.txt');
    assert.deepEqual([corpus.resolve('org:velmoran', T), corpus.mentionsIn('file:///b.txt', T)[0].name], ['org:velmoran', 'Velmoran']);
    // And the place asked about before its adjective comes.
    const placeFirst = corpusWith(['file:///a.txt', story('', named('place', 'Velmora'))]);
    assert.deepEqual(members(placeFirst, 'place:velmora'), ['place:velmora']);
    put(placeFirst, 'file:///b.txt', adjective);
    assert.deepEqual(members(placeFirst, 'place:velmora'), ['org:velmoran', 'place:velmora']);
  });

  it('give an adjective to the one place left when another that could be its base goes', () => {
    const cuban = named('person', 'Cuban', { full: false, rule: 'capitalised-run', surname: false });
    const corpus = corpusWith(['file:///a.txt', story('', named('place', 'Cuba'))], ['file:///b.txt', story('', named('place', 'Cubo'))], ['file:///c.txt', story('', cuban)]);
    assert.deepEqual([members(corpus, 'place:cuba'), corpus.summaryOf('place:cuba', T)?.mentionCount], [['place:cuba'], 1]);
    corpus.removeArticle('file:///b.txt');
    assert.deepEqual([members(corpus, 'place:cuba'), corpus.summaryOf('place:cuba', T)?.mentionCount], [['person:cuban', 'place:cuba'], 2]);
  });

  it('give every key of a merge its new id when a newly joined name becomes the smallest', () => {
    // Merged: "Mr Brack" and Ada Zed, whom "Mr Zed" joins. Abe Brack comes, joins "Mr Brack", and is the smallest id.
    const corpus = corpusWith(['file:///a.txt', story('', surnameOnly('Mr Brack'), person('Ada Zed'))], ['file:///b.txt', story('', surnameOnly('Mr Zed'))]);
    corpus.setCorrections(corrections({ merges: [{ ids: ['person:~brack', 'person:ada zed'] }] }));
    assert.deepEqual(resolved(corpus, 'person:~zed', 'person:~brack'), { 'person:~zed': 'person:ada zed', 'person:~brack': 'person:ada zed' });
    put(corpus, 'file:///c.txt', story('', person('Abe Brack')));
    assert.deepEqual(resolved(corpus, 'person:~zed', 'person:~brack', 'person:ada zed', 'person:abe brack'), { 'person:~zed': 'person:abe brack', 'person:~brack': 'person:abe brack', 'person:ada zed': 'person:abe brack', 'person:abe brack': 'person:abe brack' });
    assert.equal(corpus.mentionsIn('file:///b.txt', T)[0].id, 'person:abe brack');
  });

  it('move a merge with the surname it names', () => {
    const corpus = corpusWith(['file:///b.txt', story('', MS_MARROW, named('org', 'Port Authority'))]);
    corpus.setCorrections(corrections({ merges: [{ ids: ['person:~marrow', 'org:port authority'] }] }));
    assert.deepEqual(members(corpus, 'org:port authority'), ['org:port authority', 'person:~marrow']);
    put(corpus, 'file:///a.txt', story('', ILSE));
    assert.deepEqual(members(corpus, 'org:port authority'), ['org:port authority', 'person:ilse marrow', 'person:~marrow']);
    assert.equal(corpus.resolve('person:ilse marrow', T), 'org:port authority');
    put(corpus, 'file:///c.txt', story('', OSKAR));
    assert.deepEqual(members(corpus, 'org:port authority'), ['org:port authority', 'person:~marrow']);
    assert.deepEqual(resolved(corpus, 'person:ilse marrow', 'person:oskar marrow'), { 'person:ilse marrow': 'person:ilse marrow', 'person:oskar marrow': 'person:oskar marrow' });
  });
});

describe('A change too large to follow key by key', () => {
  it('counts the surnames it touches with its keys: past 5,000 of both, every cached answer is recomputed', () => {
    const corpus = corpusWith(['file:///a.txt', story('', named('place', 'Kestrel Bay'))]);
    const before = corpus.summaryOf('place:kestrel bay', T);
    assert.equal(corpus.summaryOf('place:kestrel bay', T), before, 'kept while nothing changes');
    const people = (n: number) => story('', ...Array.from({ length: n }, (_, i) => person(`Ada Name${i}`)));
    // 2,500 people: 2,500 keys and 2,500 surnames, the most it follows one by one.
    put(corpus, 'file:///b.txt', people(2500));
    assert.equal(corpus.summaryOf('place:kestrel bay', T), before, 'kept after 5,000');
    put(corpus, 'file:///c.txt', people(2501));
    const after = corpus.summaryOf('place:kestrel bay', T);
    assert.notEqual(after, before, 'recomputed after 5,002');
    assert.deepEqual(after, before, 'to the same answer');
    assert.equal(corpus.resolve('person:~name2500', T), 'person:ada name2500');
  });
});
