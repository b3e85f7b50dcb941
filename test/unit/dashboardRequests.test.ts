import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationTokenSource, TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Cancelled, type DashboardQueries } from '../../server/src/dashboard';
import { registerDashboard, type Guard } from '../../server/src/lsp/dashboard';
import { DocumentLookup } from '../../server/src/lsp/documents';
import { DashboardFiguresRequest, DashboardListRequest, DashboardLocateRequest, DashboardNetworkRequest, DashboardOverviewRequest, DashboardTimelineRequest } from '../../server/src/protocol';
import { article, corpusOf, MARROW } from '../support/handArticles';

// The dashboard's requests as registered: each method runs its query, a cancelled query answers
// its empty result, other errors go on to the guard; locate clamps a span to the article.

type Handler = (params: unknown, token: unknown) => unknown;

function register(queries: Partial<DashboardQueries>) {
  const handlers = new Map<string, Handler>();
  const guarded: [string, unknown][] = [];
  const connection = { onRequest: (method: string, handler: Handler) => handlers.set(method, handler) } as unknown as Connection;
  // A guard that only notes its name and empty answer, and lets the handler run.
  const guard = ((name: string, empty: unknown, handler: Handler) => (guarded.push([name, empty]), handler)) as unknown as Guard;
  // "Ilse Marrow  " on one line, then "Ilse Marrow  " on a second.
  const corpus = corpusOf(['file:///d/a.txt', { ...article('', MARROW), text: 'Ilse Marrow \nIlse Marrow  ' }]);
  registerDashboard(connection, guard, queries as DashboardQueries, new DocumentLookup(new TextDocuments(TextDocument), corpus));
  return { handlers, guarded };
}

const token = new CancellationTokenSource().token;

describe('dashboard requests', () => {
  it('register each request by method, guarded with its name and its empty answer', () => {
    const { handlers, guarded } = register({});
    assert.deepEqual([...handlers.keys()], [DashboardTimelineRequest.method, DashboardNetworkRequest.method, DashboardFiguresRequest.method, DashboardOverviewRequest.method, DashboardListRequest.method, DashboardLocateRequest.method]);
    assert.deepEqual(guarded, [
      ['dashboard timeline', { bucket: 'day', periods: [], articles: [], series: [], unknown: [] }],
      ['dashboard network', { nodes: [], edges: [], totalEntities: 0, totalEdges: 0, articles: 0 }],
      ['dashboard figures', { measure: '', measures: [], points: [], sampled: false, total: 0, undated: 0 }],
      ['dashboard overview', { articles: 0, undated: 0, days: [], perDay: [], kinds: [], unresolvedDates: 0, unresolvedArticles: 0, skipped: 0 }],
      ['dashboard list', { title: '', total: 0, items: [] }],
      ['dashboard locate', null],
    ]);
  });

  it('run each query with its params and token, answer empty when it is cancelled, and pass other errors on', async () => {
    const asked: [string, unknown, unknown][] = [];
    const answer = (name: string) => async (p: unknown, t: unknown) => (asked.push([name, p, t]), { from: name });
    const { handlers, guarded } = register({ timeline: answer('timeline'), network: answer('network'), figures: answer('figures'), overview: answer('overview'), list: answer('list') } as unknown as DashboardQueries);
    const methods = [DashboardTimelineRequest, DashboardNetworkRequest, DashboardFiguresRequest, DashboardOverviewRequest, DashboardListRequest].map((r) => r.method);
    for (const [i, method] of methods.entries()) assert.deepEqual(await handlers.get(method)!({ n: i }, token), { from: ['timeline', 'network', 'figures', 'overview', 'list'][i] });
    assert.deepEqual(asked, [['timeline', { n: 0 }, token], ['network', { n: 1 }, token], ['figures', { n: 2 }, token], ['overview', { n: 3 }, token], ['list', { n: 4 }, token]]);

    const cancelled = async () => { throw new Cancelled(); };
    const failing = async () => { throw new Error('broken'); };
    const stopped = register({ timeline: cancelled, network: cancelled, figures: cancelled, overview: cancelled, list: failing } as unknown as DashboardQueries);
    for (const [i, method] of methods.slice(0, 4).entries()) assert.deepEqual(await stopped.handlers.get(method)!({}, token), guarded[i][1]);
    await assert.rejects(async () => stopped.handlers.get(DashboardListRequest.method)!({}, token), /broken/);
  });

  it('locate a span, clamped to the article, or nothing for an article the corpus does not have', () => {
    const { handlers } = register({});
    const locate = handlers.get(DashboardLocateRequest.method)!;
    const at = (sl: number, sc: number, el: number, ec: number) => ({ uri: 'file:///d/a.txt', range: { start: { line: sl, character: sc }, end: { line: el, character: ec } } });
    assert.deepEqual(locate({ uri: 'file:///d/a.txt', start: 13, end: 24 }, token), at(1, 0, 1, 11));
    assert.deepEqual(locate({ uri: 'file:///d/a.txt', start: 2.7, end: 4.2 }, token), at(0, 2, 0, 4), 'whole offsets');
    assert.deepEqual(locate({ uri: 'file:///d/a.txt', start: -5, end: 1e9 }, token), at(0, 0, 1, 13), 'clamped to the text');
    assert.deepEqual(locate({ uri: 'file:///d/a.txt', start: 20, end: 3 }, token), at(1, 7, 1, 7), 'an end before the start is the start');
    assert.deepEqual(locate({ uri: 'file:///d/a.txt', start: 'x', end: Number.POSITIVE_INFINITY }, token), at(0, 0, 0, 0), 'what is not a finite number is 0');
    assert.equal(locate({ uri: 'file:///d/none.txt', start: 0, end: 1 }, token), null);
    assert.equal(locate({ uri: 42, start: 0, end: 1 }, token), null);
    assert.equal(locate(undefined, token), null);
  });
});
