import { CancellationToken, type Connection, type Diagnostic } from 'vscode-languageserver';
import { DocumentDiagnosticReportKind } from 'vscode-languageserver';
import { diagnosticsOf, workspaceReport, type DiagnosticsSource } from './diagnostics';
import { tell } from './tell';

/** Waits this long after the last change before telling the editor (typing changes a lot). */
const QUIET_MS = 300;

/**
 * Keeps the editor's diagnostics current after the corpus changes. A client that pulls is
 * asked to pull again (workspace/diagnostic/refresh); a client that does not is sent them
 * (textDocument/publishDiagnostics): the corpus-wide ones (as workspace/diagnostic finds them,
 * only the files whose diagnostics changed) and the open articles' own, hints included.
 */
export class DiagnosticsPush {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** uri → the result id last published (push clients). */
  private published = new Map<string, string>();
  /** Open documents whose diagnostics were published with their hints. */
  private readonly openPublished = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly source: DiagnosticsSource,
    private readonly mode: () => 'pull' | 'pull-no-refresh' | 'push',
    private readonly openUris: () => string[],
  ) {}

  /** Something changed: tell the editor once things are quiet. */
  changed(): void {
    if (this.mode() === 'pull-no-refresh') return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // The connection may have closed meanwhile: nothing is left to tell.
      try {
        this.flush();
      } catch {
        /* closed */
      }
    }, QUIET_MS);
  }

  /** Tells the editor now. */
  flush(): void {
    if (this.mode() === 'pull') {
      tell(() => this.connection.languages.diagnostics.refresh());
      return;
    }
    if (this.mode() !== 'push') return;
    const previous = [...this.published].map(([uri, value]) => ({ uri, value }));
    const open = new Set(this.openUris());
    for (const item of workspaceReport(previous, this.source, CancellationToken.None).items) {
      this.published.set(item.uri, item.resultId ?? '');
      if (item.kind === DocumentDiagnosticReportKind.Full && !open.has(item.uri)) this.send(item.uri, item.items);
    }
    for (const uri of open) {
      this.send(uri, diagnosticsOf(uri, this.source, CancellationToken.None));
      this.openPublished.add(uri);
    }
    // A closed article falls back to the corpus-wide diagnostics (no hints). Its result id stays
    // published: it names exactly what is sent now, so a later change (the figure fixed in
    // another article) still reaches the closed file instead of leaving its diagnostic behind.
    for (const uri of [...this.openPublished].filter((u) => !open.has(u))) {
      this.openPublished.delete(uri);
      this.send(uri, diagnosticsOf(uri, this.source, CancellationToken.None).filter((d) => d.severity !== 4));
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  private send(uri: string, diagnostics: Diagnostic[]): void {
    tell(() => this.connection.sendDiagnostics({ uri, diagnostics }));
  }
}
