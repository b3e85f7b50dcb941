import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/analysis';
import { Corpus } from '../../server/src/corpus/corpus';
import { Cancelled, DashboardQueries } from '../../server/src/dashboard';
import { bucketFor, bucketStart, dayOf, isoOf, periodsOver, UNDATED_DAY } from '../../server/src/dashboard/days';

/** Invented articles (samples for this test): `count` of them, one a day from 1 January 2024. */
function corpusOf(count: number): Corpus {
  const corpus = new Corpus();
  for (let i = 0; i < count; i++) {
    const date = isoOf(dayOf('2024-01-01') + i);
    const text = `Port talks, day ${i}\ndate ${date}\n\nMinister Tomas Fell met Ilse Marrow in Lisbon as ${(1000 + i).toLocaleString('en-US')} workers waited.\n`;
    corpus.setArticle(`file:///c/${String(i).padStart(4, '0')}.txt`, corpus.pack(text, analyzeArticle(text, {})));
  }
  return corpus;
}

describe('dashboard dates', () => {
  it('reads article dates as day numbers and refuses what is not a date', () => {
    assert.equal(isoOf(dayOf('2024-02-29')), '2024-02-29');
    for (const bad of ['', '2024-02-30', '2023-02-29', '2024-13-01', '24-01-01', 'constructor']) assert.equal(dayOf(bad), UNDATED_DAY, bad);
  });
  it('cuts by day up to four months, by week up to three years, else by month', () => {
    const d = dayOf('2024-01-01');
    assert.equal(bucketFor(d, d + 119), 'day');
    assert.equal(bucketFor(d, d + 120), 'week');
    assert.equal(bucketFor(d, d + 3 * 366 - 1), 'week');
    assert.equal(bucketFor(d, d + 3 * 366), 'month');
  });
  it('starts weeks on Monday and months on the first, and indexes every day into its period', () => {
    assert.equal(isoOf(bucketStart(dayOf('2024-03-10'), 'week')), '2024-03-04'); // a Sunday
    assert.equal(isoOf(bucketStart(dayOf('2024-03-11'), 'week')), '2024-03-11'); // a Monday
    assert.equal(isoOf(bucketStart(dayOf('2024-02-29'), 'month')), '2024-02-01');
    const months = periodsOver(dayOf('2023-11-15'), dayOf('2024-02-03'), 'month');
    assert.deepEqual(months.starts.map(isoOf), ['2023-11-01', '2023-12-01', '2024-01-01', '2024-02-01']);
    assert.equal(months.indexOf(dayOf('2024-01-31')), 2);
    const weeks = periodsOver(dayOf('2024-03-06'), dayOf('2024-03-20'), 'week');
    assert.deepEqual(weeks.starts.map(isoOf), ['2024-03-04', '2024-03-11', '2024-03-18']);
    assert.equal(weeks.indexOf(dayOf('2024-03-17')), 1);
  });
});

describe('dashboard queries', () => {
  it('stops a scan once its request is cancelled, part way through', async () => {
    const corpus = corpusOf(600);
    let looks = 0;
    // Cancelled after the query has started: the scan must notice between two slices.
    const token = {
      get isCancellationRequested() {
        return ++looks > 2;
      },
    };
    const queries = new DashboardQueries(corpus, () => [], 0);
    await assert.rejects(queries.network({}, token), Cancelled);
    assert.ok(looks >= 3, `the token was looked at while scanning (${looks} looks)`);
    // The table is left consistent: the next query answers in full.
    const network = await queries.network({});
    assert.deepEqual(network.nodes.map((n) => [n.name, n.articles]), [['Ilse Marrow', 600], ['Lisbon', 600], ['Tomas Fell', 600]]);
  });

  it('cuts a long timeline by week, and an edit changes only what it touched', async () => {
    const corpus = corpusOf(200);
    const queries = new DashboardQueries(corpus);
    const timeline = await queries.timeline({ ids: ['person:tomas fell'] });
    assert.equal(timeline.bucket, 'week');
    assert.equal(timeline.periods[0], '2024-01-01');
    assert.equal(timeline.series[0].mentions.reduce((a, b) => a + b, 0), 200);
    assert.deepEqual(timeline.series[0].mentions.slice(0, 2), [7, 7]);
    const text = 'Talks end\ndate 2024-01-02\n\nIlse Marrow left Lisbon.\n';
    corpus.setArticle('file:///c/0001.txt', corpus.pack(text, analyzeArticle(text, {})));
    const after = await queries.timeline({ ids: ['person:tomas fell'] });
    assert.deepEqual(after.series[0].mentions.slice(0, 2), [6, 7]);
    const figures = await queries.figures({ measure: 'workers', limit: 3 });
    assert.deepEqual([figures.points.length, figures.total], [3, 199]);
  });
});
