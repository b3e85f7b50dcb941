import type { CancellationToken, Connection, Location } from 'vscode-languageserver';
import { Cancelled, type DashboardQueries } from '../dashboard';
import {
  DashboardFiguresRequest,
  DashboardListRequest,
  DashboardLocateRequest,
  DashboardNetworkRequest,
  DashboardOverviewRequest,
  DashboardTimelineRequest,
  type DashboardFiguresParams,
  type DashboardFiguresResult,
  type DashboardListParams,
  type DashboardListResult,
  type DashboardNetworkParams,
  type DashboardNetworkResult,
  type DashboardOverviewParams,
  type DashboardOverviewResult,
  type DashboardTimelineParams,
  type DashboardTimelineResult,
  type SpanRef,
} from '../protocol';
import type { DocumentLookup } from './documents';
import type { guardWith } from './guard';

/** The server's one guard around handlers (lsp/guard.ts): errors become a ResponseError and a log line. */
export type Guard = ReturnType<typeof guardWith>;

const NO_TIMELINE: DashboardTimelineResult = { bucket: 'day', periods: [], articles: [], series: [], unknown: [] };
const NO_NETWORK: DashboardNetworkResult = { nodes: [], edges: [], totalEntities: 0, totalEdges: 0, articles: 0 };
const NO_FIGURES: DashboardFiguresResult = { measure: '', measures: [], points: [], sampled: false, total: 0, undated: 0 };
const NO_OVERVIEW: DashboardOverviewResult = { articles: 0, undated: 0, days: [], perDay: [], kinds: [], unresolvedDates: 0, unresolvedArticles: 0, skipped: 0 };
const NO_LIST: DashboardListResult = { title: '', total: 0, items: [] };

/**
 * Registers the dashboard's requests (by method name, as server.ts does, so a request without
 * params reaches the guard). Each runs one query; a cancelled query answers empty, which the
 * guard turns into RequestCancelled.
 */
export function registerDashboard(connection: Connection, guard: Guard, queries: DashboardQueries, docs: DocumentLookup): void {
  const run =
    <P, R>(empty: R, query: (params: P, token: CancellationToken) => Promise<R>) =>
    async (params: P, token: CancellationToken): Promise<R> => {
      try {
        return await query(params, token);
      } catch (error) {
        if (error instanceof Cancelled) return empty;
        throw error;
      }
    };
  connection.onRequest(DashboardTimelineRequest.method, guard('dashboard timeline', NO_TIMELINE, run(NO_TIMELINE, (p: DashboardTimelineParams, t) => queries.timeline(p, t))));
  connection.onRequest(DashboardNetworkRequest.method, guard('dashboard network', NO_NETWORK, run(NO_NETWORK, (p: DashboardNetworkParams, t) => queries.network(p, t))));
  connection.onRequest(DashboardFiguresRequest.method, guard('dashboard figures', NO_FIGURES, run(NO_FIGURES, (p: DashboardFiguresParams, t) => queries.figures(p, t))));
  connection.onRequest(DashboardOverviewRequest.method, guard('dashboard overview', NO_OVERVIEW, run(NO_OVERVIEW, (p: DashboardOverviewParams, t) => queries.overview(p, t))));
  connection.onRequest(DashboardListRequest.method, guard('dashboard list', NO_LIST, run(NO_LIST, (p: DashboardListParams, t) => queries.list(p, t))));
  connection.onRequest(DashboardLocateRequest.method, guard('dashboard locate', null, (span: SpanRef) => locate(span, docs)));
}

/** The Location of a span the dashboard showed; null for an article the corpus no longer has. */
function locate(span: SpanRef, docs: DocumentLookup): Location | null {
  if (!span || typeof span.uri !== 'string') return null;
  const doc = docs.get(span.uri);
  if (!doc) return null;
  const length = doc.getText().length;
  const clamp = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? Math.min(Math.max(0, Math.floor(n)), length) : 0);
  const start = clamp(span.start);
  return docs.location(span.uri, start, Math.max(start, clamp(span.end))) ?? null;
}
