/**
 * The Corpus Lens extensions to LSP: every custom request, notification and command, with the
 * types of their parameters and results. The server, the VS Code client and the tests import
 * these; no method or command name is written anywhere else, and no result type is copied.
 * Other editors can call the same methods (README, "Other editors").
 *
 * Only types and the request/notification objects live here: nothing that needs the
 * server's engine or the client's editor API, so both bundles can import it.
 */
import { NotificationType, RequestType, RequestType0, type Location, type Position, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { EntityKind } from './analysis/types';
import type { CorrectionEdit } from './corpus/corrections';
import type { ExportFormat } from './corpus/exportCorpus';
import type { MeasureCount } from './corpus/queries';

export type { EntityKind } from './analysis/types';
export type { CorrectionEdit } from './corpus/corrections';

// ---- Index state -------------------------------------------------------------------------

/** Where indexing stands, as the client's status bar shows it. */
export interface IndexState {
  state: 'idle' | 'indexing' | 'ready';
  /** Articles read so far in the current full index. */
  indexed: number;
  /** Articles listed for the current full index. */
  total: number;
  /** Files skipped (binary, too large, unreadable), with the reasons in the server log. */
  skipped: number;
  /** Articles in the corpus now, open buffers included. */
  articles: number;
}

/** Server → client, whenever the index state changes. */
export const StatusNotification = new NotificationType<IndexState>('corpusLens/status');

/** Resolves with the index state once the current full index and the file events so far are done. */
export const WaitForIndexRequest = new RequestType0<IndexState, void>('corpusLens/waitForIndex');

/** Re-reads every article of every folder; resolves with the index state afterwards. */
export const ReindexRequest = new RequestType0<IndexState, void>('corpusLens/reindex');

/** The server process id and its article count (tests check that a killed server restarts). */
export interface ServerInfo {
  pid: number;
  articles: number;
}
export const ServerInfoRequest = new RequestType0<ServerInfo, void>('corpusLens/serverInfo');

// ---- Corpus views --------------------------------------------------------------------------

export interface EntitiesParams {
  /** Only entities of this kind. */
  kind?: EntityKind;
  /** Only entities with a spelling containing this (case-insensitive). */
  filter?: string;
  /** At most this many (1–2,000; 200 when absent). */
  limit?: number;
}

/** One entity of the Corpus Entities view. */
export interface EntityListItem {
  /** The entity id (shown by the export, used in `.corpuslens.json` merges). */
  id: string;
  kind: EntityKind;
  name: string;
  mentions: number;
  articles: number;
  /** "3 articles · 5 mentions". */
  detail: string;
  /** Its first full-name mention. */
  definition?: Location;
}

/** Entities sorted by article count, optionally of one kind and matching a filter. */
export const EntitiesRequest = new RequestType<EntitiesParams, EntityListItem[], void>('corpusLens/entities');

export interface EntitiesPageParams {
  /** Only entities of this kind. */
  kind?: EntityKind;
  /** Only entities with a spelling containing this (case-insensitive). */
  filter?: string;
  /** Entities skipped, in the order of the list (0 when absent). */
  offset?: number;
  /** At most this many (1–2,000; 200 when absent). */
  limit?: number;
}

/** One page of the entity list, and how many entities the list holds in all. */
export interface EntitiesPage {
  items: EntityListItem[];
  offset: number;
  total: number;
}

/**
 * A page of the entities (sorted as EntitiesRequest sorts them): the Corpus Entities view asks
 * for the next page when the reader wants more, so every entity is reachable.
 */
export const EntitiesPageRequest = new RequestType<EntitiesPageParams, EntitiesPage, void>('corpusLens/entitiesPage');

export interface TimelineParams {
  /** An entity id, or any key that resolves to one. */
  id: string;
}

/** One article of an entity's timeline. */
export interface TimelineEntry {
  /** The article date (YYYY-MM-DD), '' when the article has none. */
  date: string;
  /** The article's file name. */
  file: string;
  headline: string;
  /** Mentions of the entity in the article. */
  mentions: number;
  /** The entity's first mention in the article. */
  location?: Location;
}

/** The articles of an entity by date (undated last), with its mentions in each. */
export const TimelineRequest = new RequestType<TimelineParams, TimelineEntry[], void>('corpusLens/timeline');

// ---- Figures -------------------------------------------------------------------------------

export interface LedgerParams {
  /** What the figures count ("workers", "money:EUR"). */
  measure: string;
}

/** One figure of a ledger, with where and when it was reported. */
export interface LedgerEntry {
  text: string;
  value: number | null;
  unit?: string;
  approx?: string;
  counted?: string;
  /** The article date (YYYY-MM-DD), '' when the article has none. */
  date: string;
  file: string;
  location: Location;
}

export interface LedgerResult {
  measure: string;
  /** Figures of the measure in the whole corpus; `rows` may hold fewer. */
  total: number;
  /** Oldest article first, undated last, then by file and position. */
  rows: LedgerEntry[];
}

/** Every figure of one measure across the corpus (bounded), oldest first. */
export const LedgerRequest = new RequestType<LedgerParams, LedgerResult | null, void>('corpusLens/ledger');


/** The measures of the corpus, most reported first. */
export const MeasuresRequest = new RequestType0<MeasureCount[], void>('corpusLens/measures');

// ---- Export --------------------------------------------------------------------------------

export type { ExportFormat } from './corpus/exportCorpus';
/** A measure with the number of articles reporting it. */
export type { MeasureCount } from './corpus/queries';

export interface ExportParams {
  format: ExportFormat;
  /** The file to write (absolute path on the server's machine). */
  path: string;
  /** Only this entity (an id): its record and its mentions. */
  entity?: string;
}

export interface ExportResult {
  /** Lines written. */
  lines: number;
}

/** Writes every entity and mention, corrections applied, to a file. */
export const ExportRequest = new RequestType<ExportParams, ExportResult | null, void>('corpusLens/export');

// ---- Dashboard ---------------------------------------------------------------------------
// The data behind the dashboard's timeline, network, figures and overview, and the lists a
// click opens. Answers carry article offsets (SpanRef), not ranges: a chart of 10,000 points
// would otherwise compute 10,000 positions nobody looks at; the one the reader clicks is turned
// into a Location by DashboardLocateRequest.

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

export interface DashboardFiguresParams {
  /** A measure of the ledger ("troops", "money:USD"); the most reported when absent. */
  measure?: string;
  period?: Period;
  /** At most this many points (1–20,000; 1,500 when absent). */
  limit?: number;
}

/** An article's figure of the measure: the first one it reports. */
export interface FigurePoint {
  figure: SpanRef;
  /** The article's file name. */
  file: string;
  /** The article date (YYYY-MM-DD). */
  date: string;
  /** The figure as written. */
  text: string;
  value: number;
  /** Upper bound of a range ("15-20"). */
  high?: number;
  approx?: string;
  /** Further figures of the measure in the same article (not drawn). */
  others: number;
  /**
   * The value of the other articles' median figure in the same ISO week, when most of the week
   * agrees on it (the consensus of corpus/figureConsensus.ts).
   */
  weekMedian?: number;
  /** True when the figure disagrees with that consensus (the rule the diagnostics use). */
  disagrees: boolean;
}

export interface DashboardFiguresResult {
  /** The measure drawn ('' when the corpus has no figures). */
  measure: string;
  unit?: string;
  /** Measures to choose from, most reported first (at most 100). */
  measures: { measure: string; articles: number }[];
  /**
   * Oldest first. When the period has more articles than the limit: every disagreeing one and
   * an even sample of the others (`sampled` is true).
   */
  points: FigurePoint[];
  sampled: boolean;
  /** Articles in the period with a readable figure of the measure. */
  total: number;
  /** Articles with the measure but no date (not drawn). */
  undated: number;
}

export const DashboardFiguresRequest = new RequestType<DashboardFiguresParams, DashboardFiguresResult, void>('corpusLens/dashboard/figures');

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

// ---- Commands --------------------------------------------------------------------------------

/**
 * Server command (workspace/executeCommand) that records a correction in `.corpuslens.json`
 * and applies it. Arguments: ApplyCorrectionArgs. Result: ApplyCorrectionResult.
 */
export const APPLY_CORRECTION_COMMAND = 'corpusLens.server.applyCorrection';
/** The article the correction was made from, and the change. */
export type ApplyCorrectionArgs = [uri: string, edit: CorrectionEdit];
export type ApplyCorrectionResult = { ok: true } | { problem: string };

/**
 * Client commands the server links to from hovers and code actions; the client registers
 * them (package.json contributes them).
 */
export const ClientCommands = {
  /** Arguments: ShowReferencesArgs. */
  showReferences: 'corpusLens.showReferences',
  /** Arguments: ShowLedgerArgs. */
  showLedger: 'corpusLens.showLedger',
  /** Arguments: MergeEntityArgs. Asks which entity to merge with, then applies the correction. */
  mergeEntity: 'corpusLens.mergeEntity',
  /** Arguments: SetArticleDateArgs. Asks for the date, then applies the correction. */
  setArticleDate: 'corpusLens.setArticleDate',
  /** Arguments: ShowEntityArgs. Opens the dashboard with the entity on the timeline. */
  showOnTimeline: 'corpusLens.showOnTimeline',
  /** Arguments: ShowEntityArgs. Opens the dashboard on the network, the entity selected. */
  showNetwork: 'corpusLens.showNetwork',
} as const;

export type ShowReferencesArgs = [uri: string, position: Position];
export type ShowLedgerArgs = [measure: string];
export type MergeEntityArgs = [uri: string, id: string, name: string, kind: EntityKind];
export type SetArticleDateArgs = [uri: string, current: string | undefined];
export type ShowEntityArgs = [id: string];

/**
 * The key, under the client's `capabilities.experimental`, of what a client tells the server
 * about itself: `{ "corpusLens": { "commands": ["corpusLens.showReferences", …] } }` lists the
 * ClientCommands it runs. A client that lists none gets no command links and no command-only
 * code actions; corrections still come as workspace edits.
 */
export const CLIENT_CAPABILITY = 'corpusLens';
export interface ClientCapability {
  commands?: string[];
}

// ---- Initialization --------------------------------------------------------------------------

/** initializationOptions the server reads. */
export interface InitializationOptions {
  /** A folder for the analysis cache, outside the workspace. */
  storagePath?: string;
  /** false in an untrusted workspace: safe mode, no `.corpuslens.json` read or written. */
  trusted?: boolean;
}

// ---- Corrections as edits ----------------------------------------------------------------------

export interface CorrectionEditParams {
  /** The article the correction is made from (its folder keeps the correction). */
  uri: string;
  edit: CorrectionEdit;
}

/**
 * The WorkspaceEdit of `.corpuslens.json` that records a correction (computed against the open
 * buffer when it is open; creating the file when it is missing), or why it is refused. The
 * client applies it itself, so the change is undoable; the server follows the buffer or file.
 */
export const CorrectionEditRequest = new RequestType<CorrectionEditParams, CorrectionEditResult | null, void>('corpusLens/correctionEdit');
export type CorrectionEditResult = { edit: WorkspaceEdit } | { problem: string };
