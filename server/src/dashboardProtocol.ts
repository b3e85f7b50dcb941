/**
 * The dashboard's requests: the data behind its timeline, network, figures and overview, and
 * the lists a click opens. Every answer carries article offsets (SpanRef), not ranges: a chart
 * of 10,000 points would otherwise compute 10,000 positions nobody looks at; the one the reader
 * clicks is turned into a Location by DashboardLocateRequest.
 */
import { RequestType, type Location } from 'vscode-languageserver-protocol';
import type { EntityKind } from './analysis/types';

export type { EntityKind } from './analysis/types';

/** Article dates from `from` to `to`, both included (YYYY-MM-DD); an absent end is open. */
export interface Period {
  from?: string;
  to?: string;
}

/** How a date axis is cut: by day, by ISO week (from Monday) or by calendar month. */
export type Bucket = 'day' | 'week' | 'month';

/** A stretch of an article's text (UTF-16 offsets). */
export interface SpanRef {
  uri: string;
  start: number;
  end: number;
}

// ---- Timeline ------------------------------------------------------------------------------

export interface DashboardTimelineParams {
  /** Entity ids (or keys that resolve to one); none draws the articles of the whole corpus. */
  ids: string[];
  /** Forces the cut; by default it follows the span of the data (day, week, month). */
  bucket?: Bucket;
}

export interface TimelineSeries {
  id: string;
  name: string;
  kind: EntityKind;
  /** Mentions of the entity in the articles of each period (same order as `periods`). */
  mentions: number[];
  /** Articles of each period that mention it. */
  articles: number[];
  /** Its articles without a date (not on the axis). */
  undated: number;
}

export interface DashboardTimelineResult {
  bucket: Bucket;
  /** The first day of each period, consecutive and complete over the span of the data. */
  periods: string[];
  /** Articles of the whole corpus per period. */
  articles: number[];
  series: TimelineSeries[];
  /** Ids asked for that name no entity (misspelt, or gone since). */
  unknown: string[];
}

export const DashboardTimelineRequest = new RequestType<DashboardTimelineParams, DashboardTimelineResult, void>('corpusLens/dashboard/timeline');

// ---- Network -------------------------------------------------------------------------------

export interface DashboardNetworkParams {
  /** Only entities of these kinds (all when absent or empty). */
  kinds?: EntityKind[];
  period?: Period;
  /** At most this many nodes, the most-reported (10–300; 60 when absent). */
  size?: number;
}

export interface NetworkNode {
  id: string;
  name: string;
  kind: EntityKind;
  /** Articles (in the period) that mention it. */
  articles: number;
  mentions: number;
}

export interface NetworkEdge {
  /** Indices into `nodes`, source < target. */
  source: number;
  target: number;
  /** Articles (in the period) mentioning both. */
  articles: number;
}

export interface DashboardNetworkResult {
  nodes: NetworkNode[];
  /** The strongest links among the nodes, strongest first (each node keeps its strongest). */
  edges: NetworkEdge[];
  /** Entities of those kinds mentioned in the period: the nodes are the first `nodes.length`. */
  totalEntities: number;
  /** Pairs of nodes that share an article: `edges` holds the strongest of them. */
  totalEdges: number;
  /** Articles in the period. */
  articles: number;
}

export const DashboardNetworkRequest = new RequestType<DashboardNetworkParams, DashboardNetworkResult, void>('corpusLens/dashboard/network');

// ---- Figures over time ---------------------------------------------------------------------

export interface DashboardFiguresParams {
  /** A measure of the ledger ("troops", "money:USD"); the most reported when absent. */
  measure?: string;
  period?: Period;
  /** At most this many points, oldest first (1–20,000; 5,000 when absent). */
  limit?: number;
}

/** An article's figure of the measure: the first one it reports. */
export interface FigurePoint {
  figure: SpanRef;
  file: string;
  /** The article date (YYYY-MM-DD). */
  date: string;
  headline: string;
  text: string;
  value: number;
  /** Upper bound of a range ("15-20"). */
  high?: number;
  approx?: string;
  /** Further figures of the measure in the same article (not drawn). */
  others: number;
  /** The median of the other articles' values in the same ISO week, when there are at least two. */
  weekMedian?: number;
  /** True when the value is less than half or more than double `weekMedian`. */
  disagrees: boolean;
}

export interface DashboardFiguresResult {
  /** The measure drawn ('' when the corpus has no figures). */
  measure: string;
  unit?: string;
  /** Measures to choose from, most reported first (at most 100). */
  measures: { measure: string; articles: number }[];
  points: FigurePoint[];
  /** Articles in the period with a readable figure of the measure: `points` holds the first of them. */
  total: number;
  /** Articles with the measure but no date (not drawn). */
  undated: number;
}

export const DashboardFiguresRequest = new RequestType<DashboardFiguresParams, DashboardFiguresResult, void>('corpusLens/dashboard/figures');

// ---- Overview ------------------------------------------------------------------------------

export interface DashboardOverviewParams {
  period?: Period;
}

export interface DashboardOverviewResult {
  /** Articles in the corpus, and of them dated and undated. */
  articles: number;
  undated: number;
  /** Every day from the first article date to the last, and the articles of each. */
  days: string[];
  perDay: number[];
  /** Entities of each kind mentioned in the period, with their mentions. */
  kinds: { kind: EntityKind; entities: number; mentions: number }[];
  /** Relative dates that could not be resolved (no article date), and the articles holding them. */
  unresolvedDates: number;
  unresolvedArticles: number;
  /** Files the index skipped (binary, too large, unreadable). */
  skipped: number;
}

export const DashboardOverviewRequest = new RequestType<DashboardOverviewParams, DashboardOverviewResult, void>('corpusLens/dashboard/overview');

// ---- The lists behind a click --------------------------------------------------------------

/** What a list shows: the articles of a period or entity, entities of a kind, unresolved dates, skipped files. */
export type DashboardListParams =
  | { list: 'articles'; ids?: string[]; period?: Period; undated?: boolean; limit?: number }
  | { list: 'entities'; kind: EntityKind; period?: Period; limit?: number }
  | { list: 'unresolved'; period?: Period; limit?: number }
  | { list: 'skipped'; limit?: number };

export interface DashboardListItem {
  label: string;
  detail: string;
  /** Where a click goes: an article at a mention or its start. */
  open?: SpanRef;
  /** Or an entity to select. */
  entity?: string;
}

export interface DashboardListResult {
  title: string;
  /** Items in all: `items` holds the first of them (at most the limit, 200 by default). */
  total: number;
  items: DashboardListItem[];
}

export const DashboardListRequest = new RequestType<DashboardListParams, DashboardListResult, void>('corpusLens/dashboard/list');

/** The editor location of a span the dashboard holds (null when the article is gone). */
export const DashboardLocateRequest = new RequestType<SpanRef, Location | null, void>('corpusLens/dashboard/locate');
