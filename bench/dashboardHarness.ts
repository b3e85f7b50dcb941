/**
 * Runs the dashboard's webview outside VS Code, for the benchmark: the bundled language server
 * over stdio on a folder, and the webview bundle (dist/dashboard.js, its CSP and all) in
 * headless chromium, with a stand-in for VS Code's webview API that forwards the requests to
 * the server, cancellations included. The page is served from a made-up origin by playwright's
 * request routing: nothing goes to the network. Its messages travel as POSTs to that origin
 * (the only change to the page: connect-src allows it), not VS Code's postMessage.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CancellationTokenSource, createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection, type RequestType } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { dashboardHtml } from '../client/src/dashboard/html';
import type { DashboardFocus, DashboardReport, ToExtension, ToWebview } from '../client/src/dashboard/messages';
import {
  DashboardFiguresRequest,
  DashboardListRequest,
  DashboardNetworkRequest,
  DashboardOverviewRequest,
  DashboardTimelineRequest,
  EntitiesRequest,
  StatusNotification,
  type SpanRef,
} from '../server/src/protocol';

const root = path.resolve(__dirname, '..', '..');
const ORIGIN = 'https://corpus-lens.test';

export interface BundledServer {
  connection: ProtocolConnection;
  child: ChildProcess;
  /** Resolves with the milliseconds from start to a complete index. */
  ready: Promise<number>;
  stop(): Promise<void>;
}

/** dist/server.js --stdio on a folder, as an editor starts it. */
export async function startBundledServer(folder: string, storagePath?: string): Promise<BundledServer> {
  folder = path.resolve(folder);
  const child = spawn(process.execPath, [path.join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  // corpusLens.enable: the folder is indexed without a .corpuslens.json in it.
  connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((item) => (item.section === 'corpusLens' ? { enable: true } : null)));
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  const started = performance.now();
  const ready = new Promise<number>((resolve) => connection.onNotification(StatusNotification, (s) => s.state === 'ready' && resolve(performance.now() - started)));
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: URI.file(folder).toString(),
    workspaceFolders: [{ uri: URI.file(folder).toString(), name: path.basename(folder) }],
    initializationOptions: { storagePath },
    capabilities: { workspace: { configuration: true } },
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    child,
    ready,
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
      connection.dispose();
    },
  };
}

/** VS Code's default colours for the variables the dashboard reads (Light Modern, Dark Modern, High Contrast). */
export const THEME_VARIABLES = {
  light: {
    class: 'vscode-light',
    vars: {
      '--vscode-editor-background': '#ffffff', '--vscode-foreground': '#3b3b3b', '--vscode-editor-foreground': '#3b3b3b', '--vscode-descriptionForeground': '#717171',
      '--vscode-panel-border': '#e5e5e5', '--vscode-focusBorder': '#005fb8', '--vscode-button-background': '#005fb8', '--vscode-button-foreground': '#ffffff',
      '--vscode-button-secondaryBackground': '#e5e5e5', '--vscode-button-secondaryForeground': '#3b3b3b', '--vscode-input-background': '#ffffff', '--vscode-input-foreground': '#3b3b3b',
      '--vscode-input-border': '#cecece', '--vscode-list-hoverBackground': '#f2f2f2', '--vscode-editor-selectionBackground': '#add6ff',
      '--vscode-charts-foreground': '#616161', '--vscode-charts-lines': 'rgba(97, 97, 97, 0.5)', '--vscode-charts-red': '#e51400', '--vscode-charts-blue': '#1a85ff',
      '--vscode-charts-yellow': '#bf8803', '--vscode-charts-orange': '#d18616', '--vscode-charts-green': '#388a34', '--vscode-charts-purple': '#652d90',
      '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif', '--vscode-font-size': '13px',
    },
  },
  dark: {
    class: 'vscode-dark',
    vars: {
      '--vscode-editor-background': '#1f1f1f', '--vscode-foreground': '#cccccc', '--vscode-editor-foreground': '#cccccc', '--vscode-descriptionForeground': '#9d9d9d',
      '--vscode-panel-border': '#2b2b2b', '--vscode-focusBorder': '#0078d4', '--vscode-button-background': '#0078d4', '--vscode-button-foreground': '#ffffff',
      '--vscode-button-secondaryBackground': '#313131', '--vscode-button-secondaryForeground': '#cccccc', '--vscode-input-background': '#313131', '--vscode-input-foreground': '#cccccc',
      '--vscode-input-border': '#3c3c3c', '--vscode-list-hoverBackground': '#2a2d2e', '--vscode-editor-selectionBackground': '#264f78',
      '--vscode-charts-foreground': '#cccccc', '--vscode-charts-lines': 'rgba(204, 204, 204, 0.5)', '--vscode-charts-red': '#f14c4c', '--vscode-charts-blue': '#3794ff',
      '--vscode-charts-yellow': '#cca700', '--vscode-charts-orange': '#d18616', '--vscode-charts-green': '#89d185', '--vscode-charts-purple': '#b180d7',
      '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif', '--vscode-font-size': '13px',
    },
  },
  highContrast: {
    class: 'vscode-high-contrast',
    vars: {
      '--vscode-editor-background': '#000000', '--vscode-foreground': '#ffffff', '--vscode-editor-foreground': '#ffffff', '--vscode-descriptionForeground': '#ffffff',
      '--vscode-contrastBorder': '#6fc3df', '--vscode-focusBorder': '#f38518', '--vscode-button-background': '#000000', '--vscode-button-foreground': '#ffffff',
      '--vscode-button-border': '#6fc3df', '--vscode-input-background': '#000000', '--vscode-input-foreground': '#ffffff', '--vscode-input-border': '#6fc3df',
      '--vscode-charts-foreground': '#ffffff', '--vscode-charts-lines': 'rgba(255, 255, 255, 0.5)', '--vscode-charts-red': '#f14c4c', '--vscode-charts-blue': '#3794ff',
      '--vscode-charts-yellow': '#ffd700', '--vscode-charts-orange': '#d18616', '--vscode-charts-green': '#89d185', '--vscode-charts-purple': '#b180d7',
      '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif', '--vscode-font-size': '13px',
    },
  },
} as const;

export type ThemeName = keyof typeof THEME_VARIABLES;

const REQUESTS = {
  timeline: DashboardTimelineRequest,
  network: DashboardNetworkRequest,
  figures: DashboardFiguresRequest,
  overview: DashboardOverviewRequest,
  list: DashboardListRequest,
  search: EntitiesRequest,
} as Record<string, RequestType<unknown, unknown, void>>;

export interface DashboardPage {
  page: Page;
  /** Every report the webview sent, oldest first. */
  reports: DashboardReport[];
  /** Spans the webview asked to open. */
  opened: SpanRef[];
  /** Content-Security-Policy violations and page errors: there should be none. */
  problems: string[];
  /** Resolves with the next report satisfying `test` (or the latest one, if it already does). */
  waitForReport(test: (r: DashboardReport) => boolean, timeoutMs?: number): Promise<DashboardReport>;
}

/** Loads the dashboard in a new page, its requests answered by `connection`. */
export async function openDashboardPage(browser: Browser, connection: ProtocolConnection, options: { theme?: ThemeName; focus?: DashboardFocus; width?: number; height?: number } = {}): Promise<DashboardPage> {
  const page = await browser.newPage({ viewport: { width: options.width ?? 1400, height: options.height ?? 900 } });
  const reports: DashboardReport[] = [];
  const opened: SpanRef[] = [];
  const problems: string[] = [];
  const waiters: { test: (r: DashboardReport) => boolean; resolve(r: DashboardReport): void }[] = [];
  const inFlight = new Map<number, CancellationTokenSource>();
  // The page's messages come as POSTs to ORIGIN/rpc, answered by playwright's request routing
  // (the benchmark's page allows connect-src to ORIGIN for this alone): a response of 300 KB
  // goes through in milliseconds, where page.evaluate would take hundreds.
  const handle = async (message: ToExtension): Promise<ToWebview[]> => {
    if (message.type === 'report') {
      reports.push(message.report);
      for (const w of [...waiters]) if (w.test(message.report)) waiters.splice(waiters.indexOf(w), 1) && w.resolve(message.report);
    } else if (message.type === 'open' || message.type === 'references') opened.push(message.span);
    else if (message.type === 'cancel') inFlight.get(message.id)?.cancel();
    else if (message.type === 'request') {
      const source = new CancellationTokenSource();
      inFlight.set(message.id, source);
      try {
        const started = performance.now();
        const result = await connection.sendRequest(REQUESTS[message.method], message.params, source.token);
        // DASHBOARD_TRACE=1 prints each request's time as the harness sees it.
        if (process.env.DASHBOARD_TRACE) console.log(`${message.method}: ${Math.round(performance.now() - started)} ms in the server`);
        return [{ type: 'response', id: message.id, result }];
      } catch (error) {
        return [{ type: 'response', id: message.id, cancelled: source.token.isCancellationRequested, error: error instanceof Error ? error.message : String(error) }];
      } finally {
        inFlight.delete(message.id);
      }
    }
    return [];
  };
  const theme = THEME_VARIABLES[options.theme ?? 'light'];
  await page.addInitScript(
    ({ vars, bodyClass }) => {
      const g = globalThis as any;
      let state: unknown;
      g.acquireVsCodeApi = () => ({
        postMessage: (m: unknown) =>
          void g
            .fetch(`${g.location.origin}/rpc`, { method: 'POST', body: JSON.stringify(m) })
            .then((r: any) => r.json())
            .then((replies: unknown[]) => replies.forEach((data) => g.dispatchEvent(new g.MessageEvent('message', { data })))),
        getState: () => state,
        setState: (s: unknown) => (state = s),
      });
      // As VS Code does, the theme's variables go on <html> and its kind on <body> before any
      // script of the page runs (the document is still empty when this runs).
      new g.MutationObserver((_: unknown, observer: any) => {
        const html = g.document.documentElement;
        if (html && !html.dataset.themed) {
          html.dataset.themed = 'true';
          for (const [name, value] of Object.entries(vars)) html.style.setProperty(name, value);
        }
        if (g.document.body) {
          g.document.body.classList.add(bodyClass);
          observer.disconnect();
        }
      }).observe(g.document, { childList: true, subtree: true });
      g.document.addEventListener('securitypolicyviolation', (e: any) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    },
    { vars: theme.vars as Record<string, string>, bodyClass: theme.class },
  );
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(String(e.stack ?? e)));
  const html = dashboardHtml({ scriptUri: `${ORIGIN}/dist/dashboard.js`, styleUri: `${ORIGIN}/dist/dashboard.css`, cspSource: ORIGIN, nonce: 'bench-nonce-0123456789', focus: options.focus });
  await page.route(`${ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: html.replace("default-src 'none'", `default-src 'none'; connect-src ${ORIGIN}`) });
    if (url.pathname === '/rpc') return route.fulfill({ contentType: 'application/json', body: JSON.stringify(await handle(JSON.parse(route.request().postData() ?? '{}') as ToExtension)) });
    const file = path.join(root, url.pathname);
    if (!file.startsWith(path.join(root, 'dist'))) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ contentType: file.endsWith('.css') ? 'text/css' : 'text/javascript', body: readFileSync(file) });
  });
  await page.goto(`${ORIGIN}/`);
  return {
    page,
    reports,
    opened,
    problems,
    waitForReport(test, timeoutMs = 30_000) {
      const last = reports[reports.length - 1];
      if (last && test(last)) return Promise.resolve(last);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching dashboard report within ${timeoutMs} ms; last: ${JSON.stringify(reports[reports.length - 1])}`)), timeoutMs);
        waiters.push({ test, resolve: (r) => (clearTimeout(timer), resolve(r)) });
      });
    },
  };
}

/** Where the dashboard draws a period, node or point, in page pixels. */
export function pointOf(page: Page, view: 'timeline' | 'network' | 'figures' | 'overview', index: number): Promise<{ x: number; y: number } | undefined> {
  return page.evaluate(([v, i]) => (globalThis as any).corpusLensDashboard.pointOf(v, i) as { x: number; y: number } | undefined, [view, index] as const);
}
