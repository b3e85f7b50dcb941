/**
 * The Corpus Lens extensions to LSP: every custom request, notification and command, with the
 * types of their parameters and results. The server, the VS Code client and the tests import
 * these; no method or command name is written anywhere else, and no result type is copied.
 * Other editors can call the same methods (README, "Other editors").
 *
 * Only types and the request/notification objects live here: nothing that needs the
 * server's engine or the client's editor API, so both bundles can import it.
 */
import { NotificationType, RequestType, RequestType0, type Location, type Position } from 'vscode-languageserver-protocol';
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
} as const;

export type ShowReferencesArgs = [uri: string, position: Position];
export type ShowLedgerArgs = [measure: string];
export type MergeEntityArgs = [uri: string, id: string, name: string, kind: EntityKind];
export type SetArticleDateArgs = [uri: string, current: string | undefined];

// ---- Initialization --------------------------------------------------------------------------

/** initializationOptions the server reads. */
export interface InitializationOptions {
  /** A folder for the analysis cache, outside the workspace. */
  storagePath?: string;
  /** false in an untrusted workspace: safe mode, no `.corpuslens.json` read or written. */
  trusted?: boolean;
}
