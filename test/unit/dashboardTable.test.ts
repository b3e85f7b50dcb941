import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/analysis';
import type { Corpus } from '../../server/src/corpus/corpus';
import { Cancelled, DashboardQueries } from '../../server/src/dashboard';
import { ARTICLES, corpusOf, uri } from './dashboardSamples';

/** The corpus, and a view of it that counts the calls the dashboard makes, by method. */
function spied(corpus: Corpus): { view: Corpus; calls: Map<string, number>; count(method: string): number } {
  const calls = new Map<string, number>();
  const view = new Proxy(corpus, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(property), (calls.get(String(property)) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { view, calls, count: (method) => calls.get(method) ?? 0 };
}

function edit(corpus: Corpus, file: string, text: string): void {
  corpus.setArticle(uri(file), corpus.pack(text, analyzeArticle(text, {})));
}

describe('dashboard article table', () => {
  it('counts an article naming one entity by two keys (merged by the reader) once, its mentions summed', async () => {
    const corpus = corpusOf({
      'f.txt': 'Ferries run\ndate 2024-03-08\n\nFerries from Lisbon reached Porto and then Lisbon again.\n',
      'g.txt': 'More ferries\ndate 2024-03-09\n\nThe ferry from Porto reached Madrid.\n',
    });
    corpus.setCorrections({ merges: [{ ids: ['place:porto', 'place:lisbon'], name: 'Lisbon and Porto' }], noJoin: new Set(), splitIn: new Map(), notEntity: new Set() });
    const queries = new DashboardQueries(corpus, () => [], 0);
    assert.deepEqual((await queries.list({ list: 'entities', kind: 'place' })).items.map((i) => [i.label, i.detail]), [['Lisbon and Porto', '2 articles · 4 mentions'], ['Madrid', '1 article · 1 mention']]);
    assert.deepEqual((await queries.list({ list: 'articles', ids: ['place:porto'] })).items.map((i) => i.detail), ['f.txt · 3 mentions', 'g.txt · 1 mention']);
    const network = await queries.network({});
    assert.deepEqual(network.nodes.map((n) => [n.name, n.articles, n.mentions]), [['Lisbon and Porto', 2, 4], ['Madrid', 1, 1]]);
    assert.deepEqual(network.edges, [{ source: 0, target: 1, articles: 1 }]);
    const timeline = await queries.timeline({ ids: ['place:lisbon'] });
    assert.deepEqual([timeline.series[0].mentions, timeline.series[0].articles], [[3, 1], [1, 1]]);
  });

  it('builds once per corpus version, shared by the requests that arrive together, and remakes only the rows of changed articles', async () => {
    const corpus = corpusOf();
    const spy = spied(corpus);
    const queries = new DashboardQueries(spy.view, () => [], 0);
    const [overview, network] = await Promise.all([queries.overview({}), queries.network({})]);
    assert.deepEqual([overview.articles, network.articles], [9, 9]);
    assert.equal(spy.count('searchEntities'), 1, 'one build for two requests');
    assert.equal(spy.count('keyCountsIn'), 9, 'one row an article');
    const keys = spy.count('resolve');
    await queries.overview({});
    assert.deepEqual([spy.count('searchEntities'), spy.count('keyCountsIn'), spy.count('resolve')], [1, 9, keys], 'nothing rebuilt for an unchanged corpus');
    // An edit that names nobody new: one row remade, every known key resolved once more.
    edit(corpus, 'a4.txt', ARTICLES['a4.txt'].replace('4,100', '4,300'));
    assert.equal((await queries.overview({})).articles, 9);
    assert.deepEqual([spy.count('searchEntities'), spy.count('keyCountsIn'), spy.count('resolve')], [2, 10, 2 * keys]);
    corpus.removeArticle(uri('a6.txt'));
    assert.deepEqual((await queries.overview({})).days.at(-1), '2024-03-20');
    assert.deepEqual([spy.count('searchEntities'), spy.count('keyCountsIn')], [3, 10]);
  });

  it('shares one build between requests that arrive while it runs', async () => {
    // A corpus slow to read (a twentieth of a millisecond a row), so the build gives the event loop back.
    const corpus = corpusOf(Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`m${i}.txt`, ARTICLES['a5.txt']])));
    const slow = new Proxy(corpus, {
      get(target, property) {
        const value = Reflect.get(target, property, target) as unknown;
        if (property !== 'keyCountsIn' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
        return (u: string) => {
          const until = performance.now() + 0.05;
          while (performance.now() < until);
          return (value as (u: string) => unknown).call(target, u);
        };
      },
    });
    const spy = spied(slow);
    const queries = new DashboardQueries(spy.view, () => [], 0);
    const answers = await Promise.all([queries.overview({}), queries.network({}), queries.timeline({ ids: [] }), queries.list({ list: 'articles' })]);
    assert.deepEqual([answers[0].articles, answers[1].articles, answers[2].articles, answers[3].total], [400, 400, [400], 400]);
    assert.equal(spy.count('searchEntities'), 1);
    assert.equal(spy.count('keyCountsIn'), 400);
  });

  it('stops a request cancelled while it waits for the build, and keeps the build for the others', async () => {
    const spy = spied(corpusOf());
    const queries = new DashboardQueries(spy.view, () => [], 0);
    let looks = 0;
    // Not cancelled when the request starts; cancelled by the time the build is done.
    const token = {
      get isCancellationRequested() {
        return ++looks > 1;
      },
    };
    const cancelled = queries.network({}, token);
    const answered = queries.overview({});
    await assert.rejects(cancelled, Cancelled);
    assert.equal((await answered).articles, 9);
    assert.equal(spy.count('searchEntities'), 1);
    assert.equal(looks, 2, 'looked at when the request started and once the build was done');
  });
});
