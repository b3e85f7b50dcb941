/**
 * The dashboard's webview panel, one at a time: opened from the palette, a hover link or the
 * Corpus Entities view, it forwards the webview's requests to the language server (cancelling
 * those the webview gave up on), opens articles, and saves charts where the reader says.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CancellationTokenSource, type RequestType } from 'vscode-languageclient/node';
import {
  DashboardFiguresRequest,
  DashboardListRequest,
  DashboardLocateRequest,
  DashboardNetworkRequest,
  DashboardOverviewRequest,
  DashboardTimelineRequest,
  EntitiesRequest,
  type SpanRef,
} from '../../../server/src/protocol';
import { dashboardHtml } from './html';
import type { DashboardFocus, DashboardMethod, DashboardReport, ToExtension, ToWebview } from './messages';

const REQUESTS: Record<Exclude<DashboardMethod, 'search'>, RequestType<unknown, unknown, void>> = {
  timeline: DashboardTimelineRequest as RequestType<unknown, unknown, void>,
  network: DashboardNetworkRequest as RequestType<unknown, unknown, void>,
  figures: DashboardFiguresRequest as RequestType<unknown, unknown, void>,
  overview: DashboardOverviewRequest as RequestType<unknown, unknown, void>,
  list: DashboardListRequest as RequestType<unknown, unknown, void>,
};

export class DashboardPanel {
  private static current: DashboardPanel | undefined;
  /** What the webview last said it shows (the end-to-end tests read it through a command). */
  static lastReport: DashboardReport | undefined;

  private readonly inFlight = new Map<number, CancellationTokenSource>();
  private readonly disposables: vscode.Disposable[] = [];

  /** Shows the dashboard (creating it when needed), on the entities given. */
  static show(extensionUri: vscode.Uri, client: LanguageClient, focus?: DashboardFocus): DashboardPanel {
    const open = DashboardPanel.current;
    if (open) {
      open.panel.reveal(open.panel.viewColumn ?? vscode.ViewColumn.Active);
      if (focus) void open.post({ type: 'focus', focus });
      return open;
    }
    const panel = vscode.window.createWebviewPanel('corpusLens.dashboard', vscode.l10n.t('Corpus Lens Dashboard'), vscode.ViewColumn.Active, {
      enableScripts: true,
      // Only the bundle's folder: the webview can load nothing else of the extension or the disk.
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')],
      retainContextWhenHidden: true,
    });
    DashboardPanel.current = new DashboardPanel(panel, extensionUri, client, focus);
    return DashboardPanel.current;
  }

  /** Tells an open dashboard that the corpus changed. */
  static refresh(): void {
    void DashboardPanel.current?.post({ type: 'refresh' });
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly client: LanguageClient,
    focus: DashboardFocus | undefined,
  ) {
    const webview = panel.webview;
    const dist = vscode.Uri.joinPath(extensionUri, 'dist');
    webview.html = dashboardHtml({
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'dashboard.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'dashboard.css')).toString(),
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64url'),
      focus,
      language: vscode.env.language,
      // The translations VS Code loaded for this extension (none in English); the webview's l10n.t reads them.
      bundle: vscode.l10n.bundle,
      title: vscode.l10n.t('Corpus Lens Dashboard'),
      loading: vscode.l10n.t('Loading the dashboard…'),
    });
    this.disposables.push(
      webview.onDidReceiveMessage((message: ToExtension) => void this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  private post(message: ToWebview): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  private async receive(message: ToExtension): Promise<void> {
    if (!message || typeof message !== 'object') return;
    switch (message.type) {
      case 'request':
        return this.forward(message.id, message.method, message.params);
      case 'cancel':
        this.inFlight.get(message.id)?.cancel();
        return;
      case 'open':
        return this.open(message.span);
      case 'references':
        return this.references(message.span);
      case 'save':
        return this.save(message.format, message.name, message.data);
      case 'report':
        DashboardPanel.lastReport = message.report;
        return;
    }
  }

  /** One webview request to the server, with a token the webview can cancel. */
  private async forward(id: number, method: DashboardMethod, params: unknown): Promise<void> {
    const source = new CancellationTokenSource();
    this.inFlight.set(id, source);
    try {
      const result =
        method === 'search'
          ? await this.client.sendRequest(EntitiesRequest, { filter: (params as { filter?: string })?.filter ?? '', limit: 20 }, source.token)
          : await this.client.sendRequest(REQUESTS[method], params, source.token);
      await this.post({ type: 'response', id, result });
    } catch (error) {
      const cancelled = source.token.isCancellationRequested;
      await this.post({ type: 'response', id, cancelled, error: cancelled ? undefined : error instanceof Error ? error.message : String(error) });
    } finally {
      this.inFlight.delete(id);
      source.dispose();
    }
  }

  private async locate(span: SpanRef): Promise<vscode.Location | undefined> {
    const location = await this.client.sendRequest(DashboardLocateRequest, span);
    return location ? this.client.protocol2CodeConverter.asLocation(location) : undefined;
  }

  /** Opens the article beside the dashboard, at the span. */
  private async open(span: SpanRef): Promise<void> {
    const location = await this.locate(span);
    if (!location) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Corpus Lens: that article is no longer in the corpus.'));
      return;
    }
    await vscode.window.showTextDocument(location.uri, { selection: location.range, viewColumn: vscode.ViewColumn.Beside, preserveFocus: false });
  }

  private async references(span: SpanRef): Promise<void> {
    const location = await this.locate(span);
    if (location) await vscode.commands.executeCommand('corpusLens.showReferences', location.uri.toString(), { line: location.range.start.line, character: location.range.start.character });
  }

  /** Saves a chart where the reader chooses (never over an article: the dialog asks for .svg or .png). */
  private async save(format: 'svg' | 'png', name: string, data: string): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder && vscode.Uri.joinPath(folder, `${name.replace(/[^\w.-]+/g, '-')}.${format}`),
      filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
      title: vscode.l10n.t('Save the chart as {0}', format.toUpperCase()),
    });
    if (!target) return;
    const bytes = format === 'svg' ? Buffer.from(data, 'utf8') : Buffer.from(data.replace(/^data:image\/png;base64,/, ''), 'base64');
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(vscode.l10n.t('Corpus Lens saved the chart to {0}.', target.fsPath));
  }

  private dispose(): void {
    for (const source of this.inFlight.values()) source.cancel();
    this.inFlight.clear();
    for (const d of this.disposables) d.dispose();
    if (DashboardPanel.current === this) DashboardPanel.current = undefined;
  }
}
