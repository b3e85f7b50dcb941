import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cancelled, DashboardQueries } from '../../server/src/dashboard';
import { dayOf, isoOf } from '../../server/src/dashboard/days';
import { analyzeArticle } from '../../server/src/analysis';
import { ARTICLES, corpusOf, meeting, PEOPLE, queriesOf, uri } from './dashboardSamples';

/** The days from `first` to `last` (YYYY-MM-DD), both included. */
function daysFrom(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = dayOf(first); d <= dayOf(last); d++) out.push(isoOf(d));
  return out;
}

/** An array of `length` zeros with the values given at some indices. */
function sparse(length: number, values: Record<number, number>): number[] {
  const out = new Array<number>(length).fill(0);
  for (const [i, v] of Object.entries(values)) out[Number(i)] = v;
  return out;
}

describe('dashboard timeline', () => {
  it('draws the corpus per day over the span of its dated articles', async () => {
    const all = await queriesOf().timeline({ ids: [] });
    assert.deepEqual(all, { bucket: 'day', periods: daysFrom('2024-03-04', '2024-05-02'), articles: sparse(60, { 0: 1, 1: 1, 2: 2, 3: 1, 16: 1, 59: 1 }), series: [], unknown: [] });
  });

  it('draws each entity asked for over the span of its own dated articles, its undated ones beside', async () => {
    const queries = queriesOf();
    const marrow = await queries.timeline({ ids: ['person:~marrow', 'person:nobody here', 'person:ilse marrow'] });
    assert.deepEqual(marrow.periods, daysFrom('2024-03-04', '2024-03-20'));
    assert.deepEqual(marrow.articles, sparse(17, { 0: 1, 1: 1, 2: 2, 3: 1, 16: 1 }));
    assert.deepEqual(marrow.unknown, ['person:nobody here']);
    assert.deepEqual(marrow.series, [{ id: 'person:ilse marrow', name: 'Ilse Marrow', kind: 'person', mentions: sparse(17, { 0: 1, 1: 2, 2: 1, 16: 1 }), articles: sparse(17, { 0: 1, 1: 1, 2: 1, 16: 1 }), undated: 1 }]);
    // Two entities: the span covers both.
    const both = await queries.timeline({ ids: ['person:ilse marrow', 'person:tomas fell'] });
    assert.deepEqual([both.bucket, both.periods[0], both.periods.at(-1), both.series.map((s) => s.name)], ['day', '2024-03-04', '2024-05-02', ['Ilse Marrow', 'Tomas Fell']]);
    assert.deepEqual(both.series[1].mentions, sparse(60, { 16: 1, 59: 1 }));
  });

  it('cuts by the bucket asked for, and ignores one it does not know', async () => {
    const queries = queriesOf();
    const weekly = await queries.timeline({ ids: [], bucket: 'week' });
    assert.deepEqual([weekly.bucket, weekly.periods, weekly.articles], ['week', ['2024-03-04', '2024-03-11', '2024-03-18', '2024-03-25', '2024-04-01', '2024-04-08', '2024-04-15', '2024-04-22', '2024-04-29'], [5, 0, 1, 0, 0, 0, 0, 0, 1]]);
    const fell = await queries.timeline({ ids: ['person:tomas fell'], bucket: 'month' });
    assert.deepEqual(fell, { bucket: 'month', periods: ['2024-03-01', '2024-04-01', '2024-05-01'], articles: [1, 0, 1], series: [{ id: 'person:tomas fell', name: 'Tomas Fell', kind: 'person', mentions: [1, 0, 1], articles: [1, 0, 1], undated: 1 }], unknown: [] });
    // Ids that are no list are none.
    assert.deepEqual((await queries.timeline({ ids: 'person:tomas fell' as never })).series, []);
    assert.equal((await queries.timeline(undefined as never)).periods.length, 60);
    const bogus = await queries.timeline({ ids: [], bucket: 'year' as never });
    assert.equal(bogus.bucket, 'day');
  });

  it('draws a corpus of one day as one period', async () => {
    const queries = queriesOf({ 'one.txt': meeting('2024-03-04', [0]), 'two.txt': meeting('2024-03-04', [0, 1]) });
    assert.deepEqual(await queries.timeline({ ids: [] }), { bucket: 'day', periods: ['2024-03-04'], articles: [2], series: [], unknown: [] });
    const carl = await queries.timeline({ ids: ['person:carl dahl'], bucket: 'month' });
    assert.deepEqual([carl.periods, carl.articles, carl.series[0].mentions], [['2024-03-01'], [2], [1]]);
  });

  it('cuts a span of more than three years by month', async () => {
    const queries = queriesOf({ 'old.txt': meeting('2021-01-15', [0]), 'new.txt': meeting('2024-03-04', [0]) });
    const all = await queries.timeline({ ids: [] });
    assert.equal(all.bucket, 'month');
    assert.equal(all.periods.length, 39);
    assert.deepEqual([all.periods[0], all.periods[1], all.periods.at(-1)], ['2021-01-01', '2021-02-01', '2024-03-01']);
    assert.deepEqual(all.articles, sparse(39, { 0: 1, 38: 1 }));
  });

  it('draws nothing when there is no date to draw, and at most twelve entities', async () => {
    const queries = queriesOf({ 'u.txt': meeting('', [0, 1]).replace('date \n', '') });
    assert.deepEqual(await queries.timeline({ ids: [] }), { bucket: 'day', periods: [], articles: [], series: [], unknown: [] });
    assert.deepEqual(await queries.timeline({ ids: ['person:anna berg'] }), { bucket: 'day', periods: [], articles: [], series: [{ id: 'person:anna berg', name: 'Anna Berg', kind: 'person', mentions: [], articles: [], undated: 1 }], unknown: [] });
    const anna = await queries.timeline({ ids: ['person:anna berg'], bucket: 'week' });
    assert.deepEqual(anna, { bucket: 'week', periods: [], articles: [], series: [{ id: 'person:anna berg', name: 'Anna Berg', kind: 'person', mentions: [], articles: [], undated: 1 }], unknown: [] });
    const many = await queries.timeline({ ids: [...Array.from({ length: 12 }, (_, i) => `person:nobody ${i}`), 'person:anna berg', 7 as unknown as string] });
    assert.deepEqual([many.unknown.length, many.series], [12, []]);
  });
});

describe('dashboard network', () => {
  it('links the most-reported entities by the articles they share', async () => {
    const network = await queriesOf().network({});
    assert.deepEqual(network, {
      nodes: [
        { id: 'person:ilse marrow', name: 'Ilse Marrow', kind: 'person', articles: 5, mentions: 6 },
        { id: 'place:lisbon', name: 'Lisbon', kind: 'place', articles: 4, mentions: 5 },
        { id: 'person:tomas fell', name: 'Tomas Fell', kind: 'person', articles: 3, mentions: 3 },
        { id: 'org:keswin dock authority', name: 'Keswin Dock Authority', kind: 'org', articles: 2, mentions: 2 },
      ],
      edges: [
        { source: 0, target: 1, articles: 3 },
        { source: 0, target: 2, articles: 2 },
        { source: 1, target: 2, articles: 2 },
        { source: 0, target: 3, articles: 1 },
      ],
      totalEntities: 4,
      totalEdges: 4,
      articles: 9,
    });
  });

  it('keeps the kinds asked for (all when none or none known) and the articles of a period', async () => {
    const queries = queriesOf();
    const people = await queries.network({ kinds: ['person', 'constructor' as never] });
    assert.deepEqual([people.nodes.map((n) => n.name), people.edges, people.totalEntities], [['Ilse Marrow', 'Tomas Fell'], [{ source: 0, target: 1, articles: 2 }], 2]);
    assert.equal((await queries.network({ kinds: [] })).nodes.length, 4);
    assert.equal((await queries.network({ kinds: ['constructor' as never] })).nodes.length, 4, 'no kind it knows: all kinds');
    assert.equal((await queries.network(undefined as never)).nodes.length, 4);
    assert.equal((await queries.overview(undefined as never)).kinds[0].entities, 2);
    assert.equal((await queries.figures(undefined as never)).measure, 'workers');
    assert.equal((await queries.network({ kinds: 'person' as never })).nodes.length, 4);
    const week = await queries.network({ period: { from: '2024-03-05', to: '2024-03-06' } });
    assert.deepEqual(week.nodes.map((n) => [n.name, n.articles, n.mentions]), [['Ilse Marrow', 2, 3], ['Keswin Dock Authority', 2, 2], ['Lisbon', 1, 1]]);
    assert.deepEqual([week.edges, week.articles], [[{ source: 0, target: 1, articles: 1 }, { source: 0, target: 2, articles: 1 }], 3]);
    const may = await queries.network({ period: { from: '2024-05-01' } });
    assert.deepEqual([may.nodes.map((n) => n.name), may.articles], [['Lisbon', 'Tomas Fell'], 1]);
    const early = await queries.network({ period: { to: '2024-03-05' } });
    assert.deepEqual([early.nodes.map((n) => [n.name, n.articles]), early.articles], [[['Ilse Marrow', 2], ['Lisbon', 1], ['Keswin Dock Authority', 1]], 2]);
    // a3, the next article, names Marrow and Lisbon too: it is outside the period.
    assert.deepEqual(early.edges, [{ source: 0, target: 1, articles: 1 }, { source: 0, target: 2, articles: 1 }]);
  });

  it('orders nodes by articles, then mentions, then name, counted in the period', async () => {
    const queries = queriesOf({
      't1.txt': 'Tour\ndate 2024-03-08\n\nThe tour went from Porto to Madrid.\n',
      't2.txt': 'Tour again\ndate 2024-03-09\n\nThe tour went from Madrid to Porto.\n',
      't3.txt': 'Porto again\ndate 2024-03-10\n\nFans in Porto cheered; Porto fans later sang in Madrid.\n',
    });
    assert.deepEqual((await queries.network({})).nodes.map((n) => [n.name, n.articles, n.mentions]), [['Porto', 3, 5], ['Madrid', 3, 3]]);
    assert.deepEqual((await queries.network({ period: { to: '2024-03-09' } })).nodes.map((n) => [n.name, n.articles, n.mentions]), [['Madrid', 2, 2], ['Porto', 2, 2]]);
  });

  it('shows 10 to 300 nodes (60 by default), ties in order of name, and two and a half links a node', async () => {
    // One meeting where all fourteen speak: every pair shares one article.
    const queries = queriesOf({ 'all.txt': meeting('2024-03-04', PEOPLE.map((_, i) => i)) });
    const ten = await queries.network({ size: 3 });
    assert.deepEqual(ten.nodes.map((n) => n.name), PEOPLE.slice(0, 10));
    assert.deepEqual([ten.totalEntities, ten.totalEdges], [14, 45]);
    // 25 links: the first node's, then the next ones' in node order.
    const pairs = ten.edges.map((e) => `${e.source}-${e.target}`);
    assert.equal(pairs.length, 25);
    assert.deepEqual(pairs.slice(0, 9), ['0-1', '0-2', '0-3', '0-4', '0-5', '0-6', '0-7', '0-8', '0-9']);
    assert.deepEqual(pairs.slice(9), ['1-2', '1-3', '1-4', '1-5', '1-6', '1-7', '1-8', '1-9', '2-3', '2-4', '2-5', '2-6', '2-7', '2-8', '2-9', '3-4']);
    assert.equal((await queries.network({ size: 12.4 })).nodes.length, 12);
    assert.equal((await queries.network({ size: 12.6 })).nodes.length, 13);
    assert.equal((await queries.network({ size: 1000 })).nodes.length, 14);
    assert.equal((await queries.network({ size: Number.NaN })).nodes.length, 14);
    const twelve = await queries.network({ size: 12 });
    assert.equal(twelve.edges.length, 30);
  });

  it('keeps each node its strongest link even when stronger ones fill the rest', async () => {
    // The first nine meet twice; the tenth only once, with the first.
    const nine = PEOPLE.slice(0, 9).map((_, i) => i);
    const queries = queriesOf({ 'm1.txt': meeting('2024-03-04', nine), 'm2.txt': meeting('2024-03-05', nine), 'm3.txt': meeting('2024-03-06', [0, 9]) });
    const network = await queries.network({ size: 10 });
    assert.deepEqual(network.nodes.map((n) => [n.name, n.articles]), [['Anna Berg', 3], ...PEOPLE.slice(1, 9).map((name) => [name, 2]), ['Nils Ohlin', 1]]);
    assert.equal(network.edges.length, 25);
    assert.deepEqual(network.edges.at(-1), { source: 0, target: 9, articles: 1 });
    assert.ok(network.edges.slice(0, 24).every((e) => e.articles === 2));
    assert.deepEqual(network.edges.slice(20, 24).map((e) => `${e.source}-${e.target}`), ['2-8', '3-4', '3-5', '3-6']);
    assert.equal(network.totalEdges, 37);
  });
});

describe('dashboard overview', () => {
  it('counts articles per day over the corpus, entities by kind, unresolved dates and skipped files', async () => {
    const overview = await queriesOf().overview({});
    assert.deepEqual(overview, {
      articles: 9,
      undated: 2,
      days: daysFrom('2024-03-04', '2024-05-02'),
      perDay: sparse(60, { 0: 1, 1: 1, 2: 2, 3: 1, 16: 1, 59: 1 }),
      kinds: [
        { kind: 'person', entities: 2, mentions: 9 },
        { kind: 'org', entities: 1, mentions: 2 },
        { kind: 'place', entities: 1, mentions: 5 },
      ],
      unresolvedDates: 2,
      unresolvedArticles: 1,
      skipped: 1,
    });
  });

  it('counts the entities of a period only, the days and unresolved dates of the whole corpus always', async () => {
    const queries = queriesOf({ ...ARTICLES, 'zz.txt': 'Later notes\n\nThe strike ended on Friday.\n' });
    const week = await queries.overview({ period: { from: '2024-03-05', to: '2024-03-06' } });
    assert.deepEqual(week.kinds, [
      { kind: 'person', entities: 1, mentions: 3 },
      { kind: 'org', entities: 1, mentions: 2 },
      { kind: 'place', entities: 1, mentions: 1 },
    ]);
    assert.deepEqual([week.days.length, week.articles, week.undated, week.unresolvedDates, week.unresolvedArticles], [60, 10, 3, 3, 2]);
    const later = await queries.overview({ period: { from: '2024-03-07' } });
    assert.deepEqual(later.kinds.map((k) => [k.entities, k.mentions]), [[2, 3], [0, 0], [1, 2]]);
  });

  it('draws at most the last twenty years of days', async () => {
    const queries = queriesOf({ 'old.txt': meeting('1990-01-01', [0]), 'new.txt': meeting('2024-03-04', [0]), 'newer.txt': meeting('2024-03-04', [1]) });
    const overview = await queries.overview({});
    // Twenty years of 366 days: 7,320 days, ending on the last article's.
    const MAX_OVERVIEW_DAYS = 7320;
    assert.equal(overview.days.length, MAX_OVERVIEW_DAYS);
    assert.equal(overview.days[0], '2004-02-19');
    assert.deepEqual([overview.days[0], overview.days.at(-1)], [isoOf(dayOf('2024-03-04') - MAX_OVERVIEW_DAYS + 1), '2024-03-04']);
    assert.deepEqual(overview.perDay, sparse(MAX_OVERVIEW_DAYS, { [MAX_OVERVIEW_DAYS - 1]: 2 }));
    assert.deepEqual(await queriesOf({ 'u.txt': 'Undated\n\nNothing.\n' }, []).overview({}), {
      articles: 1,
      undated: 1,
      days: [],
      perDay: [],
      kinds: [
        { kind: 'person', entities: 0, mentions: 0 },
        { kind: 'org', entities: 0, mentions: 0 },
        { kind: 'place', entities: 0, mentions: 0 },
      ],
      unresolvedDates: 0,
      unresolvedArticles: 0,
      skipped: 0,
    });
  });
});

/** Invented rate reports: seven articles give a percentage, more than report workers. */
const RATES: Record<string, string> = Object.fromEntries(
  ['2024-03-04', '2024-03-05', '2024-03-06', '2024-03-07', '2024-03-08', '2024-03-09', '2024-03-10'].map((date, i) => [`p${i}.txt`, `Rates rise\ndate ${date}\n\nRates rose ${i + 1} percent.\n`]),
);

/** A second week where three articles agree on 6,000 and a fourth says 9,000 (the first in a file whose uri escapes its name). */
const SECOND_WEEK: Record<string, string> = {
  'week%20two.txt': 'Week two\ndate 2024-03-25\n\nSome 6,000 workers stayed out.\n',
  'w2.txt': 'Week two again\ndate 2024-03-26\n\nAbout 6,000 workers marched.\n',
  'w3.txt': 'Week two later\ndate 2024-03-27\n\nRoughly 6,000 workers voted.\n',
  'w4.txt': 'Week two claim\ndate 2024-03-28\n\nA record 9,000 workers struck.\n',
};

describe('dashboard figures', () => {
  const point = (file: string, text: string, value: number, extra: Record<string, unknown> = {}) => ({ file, text, value, ...extra });
  const brief = (points: { file: string; text: string; value: number; approx?: string; disagrees: boolean; weekMedian?: number }[]) =>
    points.map((p) => ({ file: p.file, text: p.text, value: p.value, ...(p.approx ? { approx: p.approx } : {}), ...(p.disagrees ? { disagrees: true } : {}), ...(p.weekMedian !== undefined ? { weekMedian: p.weekMedian } : {}) }));

  it('draws the most reported count by default, not percentages, each article once, judged against its week', async () => {
    const figures = await queriesOf({ ...ARTICLES, ...RATES }).figures({});
    assert.equal(figures.measure, 'workers');
    assert.equal(figures.unit, undefined);
    assert.deepEqual(figures.measures, [{ measure: 'percent', articles: 7 }, { measure: 'workers', articles: 6 }]);
    assert.deepEqual(brief(figures.points), [
      point('a1.txt', '4,000', 4000, { approx: 'nearly' }),
      point('a2.txt', '4,200', 4200, { approx: 'about' }),
      point('a3.txt', '40,000', 40000, { approx: 'over', disagrees: true, weekMedian: 4100 }),
      point('a4.txt', '4,100', 4100),
      point('a5.txt', '5,000', 5000),
    ]);
    const [first] = figures.points;
    assert.deepEqual(first, { figure: { uri: uri('a1.txt'), start: 48, end: 53 }, file: 'a1.txt', date: '2024-03-04', text: '4,000', value: 4000, high: undefined, approx: 'nearly', others: 0, disagrees: false });
    assert.equal(ARTICLES['a1.txt'].slice(48, 53), '4,000');
    assert.deepEqual([figures.sampled, figures.total, figures.undated], [false, 5, 1]);
  });

  it('draws the measure asked for with its unit, percentages when nothing else is reported, and nothing in a corpus without figures', async () => {
    const rates = await queriesOf({ ...ARTICLES, ...RATES }).figures({ measure: 'percent' });
    assert.deepEqual([rates.measure, rates.unit, rates.total, rates.points.map((p) => p.value)], ['percent', '%', 7, [1, 2, 3, 4, 5, 6, 7]]);
    const only = await queriesOf(RATES).figures({ measure: '' });
    assert.deepEqual([only.measure, only.total], ['percent', 7]);
    assert.deepEqual(await queriesOf({ 'q.txt': 'Quiet\ndate 2024-03-04\n\nNothing to count.\n' }).figures({}), { measure: '', measures: [], points: [], sampled: false, total: 0, undated: 0 });
    assert.equal((await queriesOf().figures({ measure: 5 as never })).measure, 'workers');
    const unknown = await queriesOf().figures({ measure: 'tanks' });
    assert.deepEqual([unknown.measure, unknown.points, unknown.total, unknown.undated], ['tanks', [], 0, 0]);
  });

  it('gives a range its upper end', async () => {
    const queries = queriesOf({ ...ARTICLES, 'r.txt': 'Range\ndate 2024-03-21\n\nBetween 4,000 and 5,000 workers marched.\n' });
    const [range] = (await queries.figures({ period: { from: '2024-03-21', to: '2024-03-21' } })).points;
    assert.deepEqual([range.text, range.value, range.high, range.approx, range.file], ['4,000 and 5,000', 4000, 5000, 'between', 'r.txt']);
  });

  it('offers at most a hundred measures to choose from', async () => {
    // One invented article counting 105 invented things (ba-ba-ns, ba-ko-ns...), each once.
    const syllables = ['ba', 'ko', 'mi', 'ru', 'te', 'lo', 'ni', 'pa', 'su', 've', 'do'];
    const nouns = syllables.flatMap((a) => syllables.map((b) => `${a}${b}ns`)).slice(0, 105);
    const market = `Market day\ndate 2024-03-04\n\n${nouns.map((noun, i) => `They sold ${i + 3} ${noun}.`).join(' ')}\n`;
    const figures = await queriesOf({ 'market.txt': market }).figures({});
    assert.equal(figures.measures.length, 100);
    assert.ok(figures.measures.every((m) => m.articles === 1));
  });

  it('slices the points of a period without judging them again, and counts undated ones only without a period', async () => {
    const queries = queriesOf();
    const week = await queries.figures({ period: { from: '2024-03-06', to: '2024-03-06' } });
    assert.deepEqual(brief(week.points), [point('a3.txt', '40,000', 40000, { approx: 'over', disagrees: true, weekMedian: 4100 }), point('a4.txt', '4,100', 4100)]);
    assert.deepEqual([week.total, week.undated], [2, 0]);
    const since = await queries.figures({ period: { from: '2024-03-06' } });
    assert.deepEqual([since.points.map((p) => p.file), since.undated], [['a3.txt', 'a4.txt', 'a5.txt'], 0]);
    const until = await queries.figures({ period: { to: '2024-03-05' } });
    assert.deepEqual([until.points.map((p) => p.file), until.undated], [['a1.txt', 'a2.txt'], 0]);
  });

  it('past the limit keeps every disagreeing point and samples the others evenly, in date order', async () => {
    const queries = queriesOf({ ...ARTICLES, ...SECOND_WEEK });
    const all = await queries.figures({});
    assert.deepEqual(all.points.filter((p) => p.disagrees).map((p) => [p.file, p.weekMedian]), [['a3.txt', 4100], ['w4.txt', 6000]]);
    assert.equal(all.total, 9);
    const three = await queries.figures({ limit: 3 });
    assert.deepEqual([three.points.map((p) => p.file), three.sampled, three.total], [['a1.txt', 'a3.txt', 'w4.txt'], true, 9]);
    const five = await queries.figures({ limit: 5 });
    // Seven that agree, thinned to three: the 1st, 3rd and 5th of them.
    assert.deepEqual(five.points.map((p) => p.file), ['a1.txt', 'a3.txt', 'a4.txt', 'week two.txt', 'w4.txt']);
    const one = await queries.figures({ limit: 1 });
    assert.deepEqual(one.points.map((p) => p.file), ['a3.txt']);
    assert.deepEqual((await queries.figures({ limit: 0 })).points.map((p) => p.file), ['a3.txt']);
    assert.deepEqual((await queries.figures({ limit: 1.6 })).points.map((p) => p.file), ['a3.txt', 'w4.txt']);
    const nine = await queries.figures({ limit: 9 });
    assert.deepEqual([nine.points.length, nine.sampled], [9, false]);
  });

  it('draws 1,500 points by default, evenly spread', async () => {
    // 1,600 invented daily counts of about 4,000 workers (none disagrees with its week).
    const daily = Object.fromEntries(Array.from({ length: 1600 }, (_, i) => [`d${i}.txt`, `Count\ndate ${isoOf(dayOf('2020-01-01') + i)}\n\nSome ${4000 + (i % 7)} workers marched.\n`]));
    const queries = queriesOf(daily);
    const figures = await queries.figures({});
    assert.deepEqual([figures.points.length, figures.sampled, figures.total], [1500, true, 1600]);
    // The i-th point shown is the floor(i × 1600 / 1500)-th: the first, and the 1,599th.
    assert.deepEqual([figures.points[0].date, figures.points[1].date, figures.points.at(-1)!.date], ['2020-01-01', '2020-01-02', isoOf(dayOf('2020-01-01') + 1598)]);
    const all = await queries.figures({ limit: 1600 });
    assert.deepEqual([all.points.length, all.sampled], [1600, false]);
  });

  it('follows an edit of the corpus', async () => {
    const corpus = corpusOf();
    const queries = new DashboardQueries(corpus, () => [], 0);
    assert.equal((await queries.figures({})).points[3].value, 4100);
    const text = ARTICLES['a4.txt'].replace('4,100', '4,300');
    corpus.setArticle(uri('a4.txt'), corpus.pack(text, analyzeArticle(text, {})));
    const after = await queries.figures({});
    assert.deepEqual([after.points[3].value, after.points[2].weekMedian], [4300, 4200]);
    corpus.removeArticle(uri('a3.txt'));
    assert.deepEqual((await queries.figures({})).points.map((p) => p.file), ['a1.txt', 'a2.txt', 'a4.txt', 'a5.txt']);
    assert.deepEqual((await queries.list({ list: 'articles' })).total, 8);
  });
});

describe('dashboard cancellation', () => {
  /** A token raised after it has been looked at `looks` times. */
  const raisedAfter = (looks: number) => {
    let seen = 0;
    return {
      get isCancellationRequested() {
        return ++seen > looks;
      },
    };
  };
  const big = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`m${String(i).padStart(3, '0')}.txt`, meeting(isoOf(dayOf('2024-01-01') + (i % 200)), [i % 14, (i + 1) % 14])]));

  it('stops every query once its request is cancelled, before or during its scan, and answers the next in full', async () => {
    const queries = queriesOf(big);
    for (const ask of [
      (t?: never) => queries.timeline({ ids: ['person:anna berg'] }, t),
      (t?: never) => queries.overview({}, t),
      (t?: never) => queries.figures({}, t),
      (t?: never) => queries.list({ list: 'articles', ids: ['person:anna berg'] }, t),
      (t?: never) => queries.list({ list: 'entities', kind: 'person' }, t),
      (t?: never) => queries.list({ list: 'unresolved' }, t),
    ]) {
      await assert.rejects(ask({ isCancellationRequested: true } as never), Cancelled);
      await assert.rejects(ask(raisedAfter(2) as never), Cancelled);
      await ask();
    }
    assert.equal((await queries.list({ list: 'articles' })).total, 600);
  });

  it('builds the table once for requests that arrive together, and a cancelled one does not spoil it for the others', async () => {
    const queries = queriesOf(big);
    const cancelled = queries.network({}, raisedAfter(1) as never);
    const answered = queries.overview({});
    await assert.rejects(cancelled, Cancelled);
    assert.equal((await answered).articles, 600);
  });
});
