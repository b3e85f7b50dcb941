import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cancelled, type DashboardQueries } from '../../server/src/dashboard';
import type { DashboardListParams } from '../../server/src/protocol';
import { ARTICLES, queriesOf, uri } from './dashboardSamples';

/** Where a list item opens, as the text it points at ('' at a point). */
function opened(item: { open?: { uri: string; start: number; end: number } }): string {
  const file = decodeURIComponent(item.open!.uri.slice('file:///c/'.length));
  const key = Object.keys(ARTICLES).find((k) => decodeURIComponent(k) === file)!;
  return `${file}@${item.open!.start}:${ARTICLES[key].slice(item.open!.start, item.open!.end)}`;
}

const list = (params: DashboardListParams, queries = queriesOf()) => queries.list(params);

describe('dashboard lists: articles', () => {
  it('lists every article by date, undated last, each opening at its headline (or at the start when it has none)', async () => {
    const all = await list({ list: 'articles' });
    assert.equal(all.title, 'Articles');
    assert.equal(all.total, 9);
    assert.deepEqual(all.items.map((i) => [i.label, i.detail]), [
      ['2024-03-04  Strike begins at Lisbon', 'a1.txt'],
      ['2024-03-05  Strike spreads', 'a2.txt'],
      ['2024-03-06  Claims grow', 'a3.txt'],
      ['2024-03-06  Authority replies', 'a4.txt'],
      ['2024-03-07  Late headline', 'late.txt'],
      ['2024-03-20  Talks resume', 'a5.txt'],
      ['2024-05-02  Deal signed', 'a6.txt'],
      ['undated  blank.txt', 'blank.txt'],
      ['undated  Notes from the picket line', 'café notes.txt'],
    ]);
    assert.deepEqual(all.items[4].open, { uri: uri('late.txt'), start: 2, end: 2 });
    assert.deepEqual(all.items[7].open, { uri: uri('blank.txt'), start: 0, end: 0 });
    assert.deepEqual(all.items[8].open, { uri: uri('caf%C3%A9 notes.txt'), start: 0, end: 0 });
  });

  it('lists the articles naming an entity, with its mentions there, each opening at its first mention', async () => {
    const marrow = await list({ list: 'articles', ids: ['person:~marrow'] });
    assert.equal(marrow.title, 'Articles naming Ilse Marrow');
    assert.equal(marrow.total, 5);
    assert.deepEqual(marrow.items.map((i) => [i.label, i.detail, opened(i)]), [
      ['2024-03-04  Strike begins at Lisbon', 'a1.txt · 1 mention', 'a1.txt@97:Ilse Marrow'],
      ['2024-03-05  Strike spreads', 'a2.txt · 2 mentions', 'a2.txt@63:Marrow'],
      ['2024-03-06  Claims grow', 'a3.txt · 1 mention', 'a3.txt@61:Marrow'],
      ['2024-03-20  Talks resume', 'a5.txt · 1 mention', 'a5.txt@54:Ilse Marrow'],
      ['undated  Notes from the picket line', 'café notes.txt · 1 mention', 'café notes.txt@67:Ilse Marrow'],
    ]);
  });

  it('lists the articles naming any of several entities, their mentions summed; ids that are no entity or no string are left out', async () => {
    const either = await list({ list: 'articles', ids: ['person:~marrow', 'person:nobody at all', 7 as unknown as string, 'person:tomas fell'] });
    assert.equal(either.title, 'Articles naming Ilse Marrow or Tomas Fell');
    assert.deepEqual(either.items.map((i) => [i.detail, opened(i)]), [
      ['a1.txt · 1 mention', 'a1.txt@97:Ilse Marrow'],
      ['a2.txt · 2 mentions', 'a2.txt@63:Marrow'],
      ['a3.txt · 1 mention', 'a3.txt@61:Marrow'],
      ['a5.txt · 2 mentions', 'a5.txt@39:Tomas Fell'],
      ['a6.txt · 1 mention', 'a6.txt@29:Tomas Fell'],
      ['café notes.txt · 2 mentions', 'café notes.txt@67:Ilse Marrow'],
    ]);
    assert.equal(either.total, 6);
  });

  it('lists the articles of a period, named in the title; an open end shows as …', async () => {
    const queries = queriesOf();
    const week = await list({ list: 'articles', period: { from: '2024-03-05', to: '2024-03-07' } }, queries);
    assert.equal(week.title, 'Articles, 2024-03-05 to 2024-03-07');
    assert.deepEqual(week.items.map((i) => i.detail), ['a2.txt', 'a3.txt', 'a4.txt', 'late.txt']);
    assert.equal(week.total, 4);
    const since = await list({ list: 'articles', period: { from: '2024-03-07' } }, queries);
    assert.equal(since.title, 'Articles, 2024-03-07 to …');
    assert.deepEqual(since.items.map((i) => i.detail), ['late.txt', 'a5.txt', 'a6.txt']);
    const until = await list({ list: 'articles', period: { to: '2024-03-05' } }, queries);
    assert.equal(until.title, 'Articles, … to 2024-03-05');
    assert.deepEqual(until.items.map((i) => i.detail), ['a1.txt', 'a2.txt']);
    const marrowInMarch = await list({ list: 'articles', ids: ['person:ilse marrow'], period: { from: '2024-03-06', to: '2024-03-31' } }, queries);
    assert.equal(marrowInMarch.title, 'Articles naming Ilse Marrow, 2024-03-06 to 2024-03-31');
    assert.deepEqual(marrowInMarch.items.map((i) => i.detail), ['a3.txt · 1 mention', 'a5.txt · 1 mention']);
    // A period whose dates are malformed is no period.
    for (const period of [{ from: '5 March', to: 20240306 }, { from: '2024-03-05x', to: 'x2024-03-06' }, { from: ['2024-03-05'] }, null, '2024-03-05']) {
      const malformed = await list({ list: 'articles', period } as never, queries);
      assert.deepEqual([malformed.title, malformed.total], ['Articles', 9], JSON.stringify(period));
    }
    const half = await list({ list: 'articles', period: { from: '2024-03-20', to: '20 May' } as never }, queries);
    assert.deepEqual([half.title, half.total], ['Articles, 2024-03-20 to …', 2]);
  });

  it('lists the undated articles alone', async () => {
    const undated = await list({ list: 'articles', undated: true });
    assert.equal(undated.title, 'Undated articles');
    assert.deepEqual(undated.items.map((i) => i.label), ['undated  blank.txt', 'undated  Notes from the picket line']);
    assert.equal(undated.total, 2);
  });

  it('shows at most the limit (1 to 2,000, 200 when absent or no number) and counts them all', async () => {
    const queries = queriesOf();
    const two = await list({ list: 'articles', limit: 2 }, queries);
    assert.deepEqual([two.total, two.items.map((i) => i.detail)], [9, ['a1.txt', 'a2.txt']]);
    const marrow = await list({ list: 'articles', ids: ['person:ilse marrow'], limit: 1 }, queries);
    assert.deepEqual([marrow.total, marrow.items.map((i) => i.detail)], [5, ['a1.txt · 1 mention']]);
    assert.equal((await list({ list: 'articles', limit: 0 }, queries)).items.length, 1);
    assert.equal((await list({ list: 'articles', limit: -5 }, queries)).items.length, 1);
    assert.equal((await list({ list: 'articles', limit: 2.6 }, queries)).items.length, 3);
    assert.equal((await list({ list: 'articles', limit: Number.NaN }, queries)).items.length, 9);
  });
});

describe('dashboard lists: entities, unresolved dates, skipped files', () => {
  it('lists the entities of a kind by articles, then mentions, then name, with singular and plural counts', async () => {
    const queries = queriesOf({
      ...ARTICLES,
      'b1.txt': 'Ferry news\ndate 2024-03-08\n\nFerries sailed from Lisbon to Madrid and on to Madrid again.\n',
      'b2.txt': 'More ferries\ndate 2024-03-09\n\nThe ferry from Madrid reached Porto.\n',
    });
    const people = await list({ list: 'entities', kind: 'person' }, queries);
    assert.equal(people.title, 'People');
    assert.deepEqual(people.items, [
      { label: 'Ilse Marrow', detail: '5 articles · 6 mentions', entity: 'person:ilse marrow' },
      { label: 'Tomas Fell', detail: '3 articles · 3 mentions', entity: 'person:tomas fell' },
    ]);
    const places = await list({ list: 'entities', kind: 'place' }, queries);
    assert.equal(places.title, 'Places');
    assert.deepEqual(places.items.map((i) => [i.label, i.detail]), [
      ['Lisbon', '5 articles · 6 mentions'],
      ['Madrid', '2 articles · 3 mentions'],
      ['Porto', '1 article · 1 mention'],
    ]);
    const orgs = await list({ list: 'entities', kind: 'org' }, queries);
    assert.deepEqual([orgs.title, orgs.total, orgs.items.map((i) => i.detail)], ['Organizations', 1, ['2 articles · 2 mentions']]);
    const one = await list({ list: 'entities', kind: 'place', limit: 1 }, queries);
    assert.deepEqual([one.total, one.items.map((i) => i.label)], [3, ['Lisbon']]);
    const may = await list({ list: 'entities', kind: 'person', period: { from: '2024-05-01' } }, queries);
    assert.deepEqual(may.items.map((i) => i.detail), ['1 article · 1 mention']);
    const march = await list({ list: 'entities', kind: 'place', period: { to: '2024-03-08' } }, queries);
    // Up to 8 March: Lisbon twice in a1, once in a3 and b1; Madrid twice in b1.
    assert.deepEqual(march.items.map((i) => [i.label, i.detail]), [['Lisbon', '3 articles · 4 mentions'], ['Madrid', '1 article · 2 mentions']]);
    const both = await list({ list: 'entities', kind: 'place', period: { from: '2024-03-08', to: '2024-03-09' } }, queries);
    assert.deepEqual(both.items.map((i) => [i.label, i.detail]), [['Madrid', '2 articles · 3 mentions'], ['Lisbon', '1 article · 1 mention'], ['Porto', '1 article · 1 mention']]);
  });

  it('breaks a tie of articles by mentions, and a tie of both by name', async () => {
    const queries = queriesOf({
      't1.txt': 'Tour\ndate 2024-03-08\n\nThe tour went from Porto to Madrid.\n',
      't2.txt': 'Tour again\ndate 2024-03-09\n\nThe tour went from Madrid to Porto.\n',
      't3.txt': 'Porto again\ndate 2024-03-10\n\nFans in Porto cheered; Porto fans later sang in Madrid.\n',
    });
    const tied = await list({ list: 'entities', kind: 'place', period: { to: '2024-03-09' } }, queries);
    assert.deepEqual(tied.items.map((i) => [i.label, i.detail]), [['Madrid', '2 articles · 2 mentions'], ['Porto', '2 articles · 2 mentions']]);
    const all = await list({ list: 'entities', kind: 'place' }, queries);
    assert.deepEqual(all.items.map((i) => [i.label, i.detail]), [['Porto', '3 articles · 5 mentions'], ['Madrid', '3 articles · 3 mentions']]);
  });

  it('refuses a kind it does not know', async () => {
    const queries = queriesOf();
    for (const kind of ['constructor', 'event', undefined]) assert.deepEqual(await list({ list: 'entities', kind } as never, queries), { title: 'Nothing to list', total: 0, items: [] });
    assert.deepEqual(await list({ list: 'everything' } as never, queries), { title: 'Nothing to list', total: 0, items: [] });
  });

  it('lists every unresolved relative date, opening at it, and counts them all past the limit', async () => {
    // zz.txt also holds a date it can place without an article date: that one is not listed.
    const queries = queriesOf({ ...ARTICLES, 'zz.txt': 'Later notes\n\nThe strike that began on 4 March 2024 ended on Friday.\n' });
    const unresolved = await list({ list: 'unresolved' }, queries);
    assert.equal(unresolved.title, 'Unresolved relative dates');
    assert.equal(unresolved.total, 3);
    const why = 'no article date: add a `date YYYY-MM-DD` line or set corpusLens.articleDates';
    assert.deepEqual(unresolved.items.map((i) => [i.label, i.detail, i.open!.uri, i.open!.start, i.open!.end]), [
      ['“last week”', `café notes.txt · ${why}`, uri('caf%C3%A9 notes.txt'), 56, 65],
      ['“Yesterday”', `café notes.txt · ${why}`, uri('caf%C3%A9 notes.txt'), 85, 94],
      ['“Friday”', `zz.txt · ${why}`, uri('zz.txt'), 60, 66],
    ]);
    const one = await list({ list: 'unresolved', limit: 1 }, queries);
    assert.deepEqual([one.total, one.items.map((i) => i.label)], [3, ['“last week”']]);
    const two = await list({ list: 'unresolved', limit: 2 }, queries);
    assert.deepEqual([two.total, two.items.map((i) => i.label)], [3, ['“last week”', '“Yesterday”']]);
  });

  it('lists the skipped files with their reasons, 200 by default and 2,000 at most', async () => {
    const skipped = Array.from({ length: 2500 }, (_, i): [string, string] => [`f${i}.bin`, i % 2 ? 'binary' : 'too large']);
    const queries = queriesOf(ARTICLES, skipped);
    const first = await list({ list: 'skipped' }, queries);
    assert.equal(first.title, 'Skipped files');
    assert.equal(first.total, 2500);
    assert.equal(first.items.length, 200);
    assert.deepEqual(first.items.slice(0, 2), [{ label: 'f0.bin', detail: 'too large' }, { label: 'f1.bin', detail: 'binary' }]);
    assert.equal((await list({ list: 'skipped', limit: 5000 }, queries)).items.length, 2000);
    assert.equal((await list({ list: 'skipped', limit: 3 }, queries)).items.at(-1)!.label, 'f2.bin');
    assert.deepEqual((await list({ list: 'skipped', limit: 2.6 }, queries)).items.map((i) => i.label), ['f0.bin', 'f1.bin', 'f2.bin']);
  });

  it('stops with Cancelled when the request is cancelled before it starts', async () => {
    const queries = queriesOf();
    await assert.rejects(queries.list({ list: 'articles' }, { isCancellationRequested: true }), Cancelled);
    await assert.rejects(queries.list({ list: 'skipped' }, { isCancellationRequested: true }), Cancelled);
  });
});
