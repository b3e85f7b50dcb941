import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import {
  DashboardFiguresRequest,
  DashboardListRequest,
  DashboardLocateRequest,
  DashboardNetworkRequest,
  DashboardOverviewRequest,
  DashboardTimelineRequest,
  type DashboardFiguresResult,
  type DashboardNetworkResult,
} from '../../server/src/protocol';
import { startTestServer, uriOf, type TestServer } from './harness';

// Invented articles (samples written for this test): a port strike reported over two weeks
// and once in May, one article without a date, and a binary file the index skips.
const ARTICLES: Record<string, string> = {
  'a1.txt': 'Strike begins at Lisbon\ndate 2024-03-04\n\nNearly 4,000 workers walked out at Lisbon, union leader Ilse Marrow said.\n',
  'a2.txt': 'Strike spreads\ndate 2024-03-05\n\nAbout 4,200 workers joined, Ms Marrow told the Keswin Dock Authority.\n',
  'a3.txt': 'Claims grow\ndate 2024-03-06\n\nOver 40,000 workers are out, Ms Marrow claimed in Lisbon.\n',
  'a4.txt': 'Authority replies\ndate 2024-03-06\n\nThe Keswin Dock Authority counted 4,100 workers on strike.\n',
  'a5.txt': 'Talks resume\ndate 2024-03-20\n\nMinister Tomas Fell met Ilse Marrow in Lisbon as 5,000 workers stayed out.\n',
  'a6.txt': 'Deal signed\ndate 2024-05-02\n\nTomas Fell signed the deal in Lisbon.\n',
  'undated.txt': 'Notes from the picket line\n\nAbout 3,000 workers marched last week, Ilse Marrow said.\n',
  'image.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) as unknown as string,
};

describe('dashboard requests over JSON-RPC', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer(ARTICLES);
    await server.waitForIndex();
  });
  after(async () => server.dispose());

  it('draws the corpus per day over its span, and an entity per day over its own', async () => {
    const all = await server.client.sendRequest(DashboardTimelineRequest, { ids: [] });
    // 4 March to 2 May: 60 days, cut by day (up to four months).
    assert.equal(all.bucket, 'day');
    assert.equal(all.periods[0], '2024-03-04');
    assert.equal(all.periods.at(-1), '2024-05-02');
    assert.equal(all.periods.length, 60);
    assert.deepEqual(all.articles.slice(0, 4), [1, 1, 2, 0]);
    assert.equal(all.articles[16], 1, '20 March');
    assert.equal(all.articles.reduce((a, b) => a + b, 0), 6, 'the undated article is not on the axis');
    assert.deepEqual(all.series, []);

    const marrow = await server.client.sendRequest(DashboardTimelineRequest, { ids: ['person:~marrow', 'person:nobody here'] });
    // Her surname alone is her entity; her span is 4 to 20 March.
    assert.deepEqual(marrow.unknown, ['person:nobody here']);
    assert.equal(marrow.periods[0], '2024-03-04');
    assert.equal(marrow.periods.at(-1), '2024-03-20');
    const [series] = marrow.series;
    assert.equal(series.id, 'person:ilse marrow');
    assert.equal(series.name, 'Ilse Marrow');
    assert.deepEqual(series.mentions.slice(0, 3), [1, 1, 1]);
    assert.deepEqual(series.articles.slice(0, 3), [1, 1, 1]);
    assert.equal(series.mentions[16], 1);
    assert.equal(series.mentions.reduce((a, b) => a + b, 0), 4);
    assert.equal(series.undated, 1);

    const weekly = await server.client.sendRequest(DashboardTimelineRequest, { ids: ['person:tomas fell'], bucket: 'week' });
    // Weeks start on Monday: 18 March holds the 20th; 29 April holds 2 May.
    assert.equal(weekly.periods[0], '2024-03-18');
    assert.equal(weekly.periods.at(-1), '2024-04-29');
    assert.deepEqual(weekly.series[0].mentions, [1, 0, 0, 0, 0, 0, 1]);
  });

  it('links the most-reported entities by shared articles, filtered by type and period', async () => {
    const all: DashboardNetworkResult = await server.client.sendRequest(DashboardNetworkRequest, {});
    assert.deepEqual(
      all.nodes.map((n) => [n.name, n.kind, n.articles]),
      [
        ['Ilse Marrow', 'person', 5],
        ['Lisbon', 'place', 4],
        ['Keswin Dock Authority', 'org', 2],
        ['Tomas Fell', 'person', 2],
      ],
    );
    const link = (a: string, b: string) => all.edges.find((e) => [all.nodes[e.source].name, all.nodes[e.target].name].sort().join('|') === [a, b].sort().join('|'))?.articles;
    assert.equal(link('Ilse Marrow', 'Lisbon'), 3);
    assert.equal(link('Lisbon', 'Tomas Fell'), 2);
    assert.equal(link('Ilse Marrow', 'Keswin Dock Authority'), 1);
    assert.equal(all.articles, 7);
    assert.ok(all.edges.every((e) => e.source < e.target));

    const people = await server.client.sendRequest(DashboardNetworkRequest, { kinds: ['person'], period: { from: '2024-03-05', to: '2024-03-20' } });
    assert.deepEqual(people.nodes.map((n) => [n.name, n.articles, n.mentions]), [['Ilse Marrow', 3, 3], ['Tomas Fell', 1, 1]]);
    assert.equal(people.articles, 4);
    assert.equal(people.totalEntities, 2);
    assert.deepEqual(people.edges, [{ source: 0, target: 1, articles: 1 }]);
  });

  it('plots one figure per dated article and marks the one that disagrees with its week', async () => {
    const figures: DashboardFiguresResult = await server.client.sendRequest(DashboardFiguresRequest, { measure: 'workers' });
    assert.equal(figures.measure, 'workers');
    assert.deepEqual(
      figures.points.map((p) => [p.date, p.value, p.approx ?? '', p.disagrees]),
      [
        ['2024-03-04', 4000, 'nearly', false],
        ['2024-03-05', 4200, 'about', false],
        ['2024-03-06', 40000, 'over', true],
        ['2024-03-06', 4100, '', false],
        ['2024-03-20', 5000, '', false],
      ],
    );
    // The week of 4 March: the others of 40,000 are 4,000, 4,200 and 4,100.
    assert.equal(figures.points[2].weekMedian, 4100);
    assert.equal(figures.points[4].weekMedian, undefined, 'alone in its week');
    assert.equal(figures.total, 5);
    assert.equal(figures.undated, 1);
    // The span points at the number in the article's text.
    const third = figures.points[2].figure;
    assert.equal(third.uri, uriOf('a3.txt'));
    assert.equal(ARTICLES['a3.txt'].slice(third.start, third.end), '40,000');

    const march = await server.client.sendRequest(DashboardFiguresRequest, { measure: 'workers', period: { from: '2024-03-06', to: '2024-03-31' } });
    assert.deepEqual(march.points.map((p) => p.value), [40000, 4100, 5000]);
    // A value is judged against its whole week, whatever the period brushed.
    assert.deepEqual(march.points.map((p) => p.disagrees), [true, false, false]);
    assert.deepEqual([march.total, march.undated, march.sampled], [3, 0, false]);
    const sampled = await server.client.sendRequest(DashboardFiguresRequest, { measure: 'workers', limit: 2 });
    // Past the limit the disagreeing value stays, the rest is thinned evenly.
    assert.deepEqual([sampled.points.map((p) => p.value), sampled.total, sampled.sampled], [[4000, 40000], 5, true]);
    const none = await server.client.sendRequest(DashboardFiguresRequest, { measure: 'constructor' });
    assert.deepEqual([none.points, none.total], [[], 0]);
  });

  it('gives the overview: articles per day, entities by type, unresolved dates, skipped files', async () => {
    const overview = await server.client.sendRequest(DashboardOverviewRequest, {});
    assert.equal(overview.articles, 7);
    assert.equal(overview.undated, 1);
    assert.equal(overview.days.length, 60);
    assert.deepEqual(overview.perDay.slice(0, 3), [1, 1, 2]);
    assert.deepEqual(overview.kinds, [
      { kind: 'person', entities: 2, mentions: 7 },
      { kind: 'org', entities: 1, mentions: 2 },
      { kind: 'place', entities: 1, mentions: 5 },
    ]);
    assert.equal(overview.unresolvedDates, 1);
    assert.equal(overview.unresolvedArticles, 1);
    assert.equal(overview.skipped, 1);
    const may = await server.client.sendRequest(DashboardOverviewRequest, { period: { from: '2024-05-01' } });
    assert.deepEqual(may.kinds.map((k) => k.entities), [1, 0, 1]);
  });

  it('lists what a click opens, and locates a span for the editor', async () => {
    const march6 = await server.client.sendRequest(DashboardListRequest, { list: 'articles', ids: ['person:ilse marrow'], period: { from: '2024-03-06', to: '2024-03-06' } });
    assert.equal(march6.total, 1);
    assert.equal(march6.items[0].label, '2024-03-06  Claims grow');
    assert.equal(march6.items[0].detail, 'a3.txt · 1 mention');
    const at = march6.items[0].open!;
    assert.equal(ARTICLES['a3.txt'].slice(at.start, at.end), 'Marrow');
    const location = await server.client.sendRequest(DashboardLocateRequest, at);
    assert.deepEqual(location, { uri: uriOf('a3.txt'), range: { start: { line: 3, character: 32 }, end: { line: 3, character: 38 } } });
    assert.equal(await server.client.sendRequest(DashboardLocateRequest, { uri: uriOf('gone.txt'), start: 0, end: 1 }), null);

    const places = await server.client.sendRequest(DashboardListRequest, { list: 'entities', kind: 'place' });
    assert.deepEqual(places.items, [{ label: 'Lisbon', detail: '4 articles · 5 mentions', entity: 'place:lisbon' }]);
    const unresolved = await server.client.sendRequest(DashboardListRequest, { list: 'unresolved' });
    assert.equal(unresolved.total, 1);
    const date = unresolved.items[0].open!;
    assert.equal(ARTICLES['undated.txt'].slice(date.start, date.end), 'last week');
    const skipped = await server.client.sendRequest(DashboardListRequest, { list: 'skipped' });
    assert.equal(skipped.total, 1);
    assert.match(skipped.items[0].label, /image\.txt$/);
    const undated = await server.client.sendRequest(DashboardListRequest, { list: 'articles', undated: true });
    assert.deepEqual(undated.items.map((i) => i.label), ['undated  Notes from the picket line']);
    const limited = await server.client.sendRequest(DashboardListRequest, { list: 'articles', limit: 2 });
    assert.deepEqual([limited.total, limited.items.length], [7, 2]);
    const bogus = await server.client.sendRequest(DashboardListRequest, { list: 'entities', kind: 'constructor' } as never);
    assert.deepEqual(bogus.items, []);
  });

  it('answers a cancelled request with RequestCancelled', async () => {
    const source = new CancellationTokenSource();
    const pending = server.client.sendRequest(DashboardNetworkRequest, { size: 300 }, source.token);
    source.cancel();
    await assert.rejects(pending, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
    // The server goes on answering.
    const after = await server.client.sendRequest(DashboardNetworkRequest, { size: 10 });
    assert.equal(after.nodes.length, 4);
  });

  it('keeps up with an edit: an article opened and changed moves the counts', async () => {
    const text = 'Strike ends\ndate 2024-03-21\n\nIlse Marrow and Tomas Fell spoke in Lisbon; 6,000 workers returned.\n';
    await server.open('a7.txt', text);
    const network = await server.client.sendRequest(DashboardNetworkRequest, {});
    assert.equal(network.nodes.find((n) => n.name === 'Tomas Fell')?.articles, 3);
    await server.change('a7.txt', text.replace('Tomas Fell', 'Agnes Holm'), 2);
    const again = await server.client.sendRequest(DashboardNetworkRequest, {});
    assert.equal(again.nodes.find((n) => n.name === 'Tomas Fell')?.articles, 2);
    assert.equal(again.nodes.find((n) => n.name === 'Agnes Holm')?.articles, 1);
  });
});
