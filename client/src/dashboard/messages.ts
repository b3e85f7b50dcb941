/**
 * The messages between the dashboard's webview and the extension. The webview has no
 * connection to the server: it asks the extension, which forwards each request to the
 * language server with a cancellation token of its own and cancels it when the webview says
 * so (a newer filter superseded it).
 */
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
  SpanRef,
} from '../../../server/src/protocol';

/** What the webview may ask the server for, with params and results. */
export interface DashboardMethods {
  timeline: [DashboardTimelineParams, DashboardTimelineResult];
  network: [DashboardNetworkParams, DashboardNetworkResult];
  figures: [DashboardFiguresParams, DashboardFiguresResult];
  overview: [DashboardOverviewParams, DashboardOverviewResult];
  list: [DashboardListParams, DashboardListResult];
  search: [{ filter: string; limit?: number }, { id: string; name: string; kind: string; detail: string }[]];
}
export type DashboardMethod = keyof DashboardMethods;

/** Which view the dashboard opens on, and which entities it shows. */
export interface DashboardFocus {
  ids: string[];
  view?: 'timeline' | 'network';
}

/** What the webview shows, reported after each change (tests and the benchmark read it). */
export interface DashboardReport {
  selected: string[];
  period?: { from?: string; to?: string };
  /** Milliseconds from the page's start to all four charts drawn. */
  firstPaintMs?: number;
  /** Milliseconds from the last filter change to every view redrawn. */
  lastUpdateMs?: number;
  listTitle?: string;
  networkNodes: number;
  figurePoints: number;
  timelineSeries: string[];
}

export type ToExtension =
  | { type: 'ready' }
  | { type: 'request'; id: number; method: DashboardMethod; params: unknown }
  | { type: 'cancel'; id: number }
  | { type: 'open'; span: SpanRef }
  | { type: 'references'; span: SpanRef }
  | { type: 'save'; format: 'svg' | 'png'; name: string; data: string }
  | { type: 'report'; report: DashboardReport };

export type ToWebview =
  | { type: 'response'; id: number; result?: unknown; error?: string; cancelled?: boolean }
  | { type: 'focus'; focus: DashboardFocus }
  | { type: 'refresh' };
