/**
 * The dashboard's queries over one corpus: the timeline, the network, figures over time, the
 * overview and the lists behind a click. One instance per corpus owns its article table.
 * Every query scans integer arrays, gives the event loop back every few milliseconds, and
 * stops with Cancelled once its request is cancelled.
 */
import type { CancellationSignal } from '../analysis/types';
import type {
  DashboardFiguresParams,
  DashboardFiguresResult,
  DashboardListParams,
  DashboardListResult,
  DashboardNetworkParams,
  DashboardNetworkResult,
  DashboardOverviewParams,
  DashboardOverviewResult,
  DashboardTimelineParams,
  DashboardTimelineResult,
} from '../protocol';
import type { CorpusQueries as Corpus } from '../corpus/queries';
import { ArticleTable, type Snapshot } from './articleTable';
import { FigurePoints } from './figures';
import { listOf } from './lists';
import { networkOf } from './network';
import { overviewOf } from './overview';
import { Pacer } from './pacer';
import { timelineOf } from './timeline';

export { Cancelled } from './pacer';

const BUCKETS = new Set(['day', 'week', 'month']);
const KINDS = new Set(['person', 'org', 'place']);

export class DashboardQueries {
  private readonly table: ArticleTable;
  private readonly figurePoints = new FigurePoints();

  constructor(
    private readonly corpus: Corpus,
    /** Files the index skipped, with the reason. */
    private readonly skipped: () => [string, string][] = () => [],
    /** Milliseconds of work between two looks at the cancellation token (tests make it 0). */
    private readonly sliceMs?: number,
  ) {
    this.table = new ArticleTable(corpus);
  }

  /** A query's start: one turn of the event loop (a cancellation right behind it is seen), then the current snapshot. */
  private async start(token: CancellationSignal | undefined): Promise<{ pacer: Pacer; s: Snapshot }> {
    const pacer = new Pacer(token, this.sliceMs);
    await pacer.begin();
    return { pacer, s: await this.table.current(pacer) };
  }

  async timeline(params: DashboardTimelineParams, token?: CancellationSignal): Promise<DashboardTimelineResult> {
    const { pacer, s } = await this.start(token);
    const ids = Array.isArray(params?.ids) ? params.ids.filter((id) => typeof id === 'string') : [];
    const bucket = BUCKETS.has(params?.bucket as string) ? params.bucket : undefined;
    return timelineOf(this.corpus, s, ids, bucket, pacer);
  }

  async network(params: DashboardNetworkParams, token?: CancellationSignal): Promise<DashboardNetworkResult> {
    const { pacer, s } = await this.start(token);
    const kinds = Array.isArray(params?.kinds) ? params.kinds.filter((k) => KINDS.has(k)) : undefined;
    return networkOf(s, kinds, period(params?.period), params?.size, pacer);
  }

  async figures(params: DashboardFiguresParams, token?: CancellationSignal): Promise<DashboardFiguresResult> {
    const { pacer, s } = await this.start(token);
    return this.figurePoints.query(this.corpus, s, params?.measure, period(params?.period), params?.limit, pacer);
  }

  async overview(params: DashboardOverviewParams, token?: CancellationSignal): Promise<DashboardOverviewResult> {
    const { pacer, s } = await this.start(token);
    return overviewOf(s, period(params?.period), this.skipped().length, pacer);
  }

  async list(params: DashboardListParams, token?: CancellationSignal): Promise<DashboardListResult> {
    if (params?.list === 'entities' && !KINDS.has(params.kind)) return { title: 'Nothing to list', total: 0, items: [] };
    const { pacer, s } = await this.start(token);
    const p = params?.list === 'skipped' ? params : { ...params, period: period((params as { period?: unknown })?.period) };
    return listOf(this.corpus, s, p as DashboardListParams, this.skipped(), pacer);
  }
}

/** A period from a request, keeping only well-formed dates. */
function period(value: unknown): { from?: string; to?: string } | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { from, to } = value as { from?: unknown; to?: unknown };
  const ok = (d: unknown): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d);
  const out = { from: ok(from) ? from : undefined, to: ok(to) ? to : undefined };
  return out.from || out.to ? out : undefined;
}
