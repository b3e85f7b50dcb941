import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type DocumentSelector, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_CAPABILITY, ClientCommands, StatusNotification, WaitForIndexRequest, type ClientCapability, type IndexState, type InitializationOptions } from '../../server/src/protocol';
import { MARKER_FILE } from './corpusFolders';

export const ARTICLE_LANGUAGE = 'article';

/**
 * The documents the server gets: plain-text articles carry our language (the client gives it
 * to them), Markdown articles keep theirs and are picked by the corpus folders' globs.
 */
export function documentSelector(folders: readonly vscode.WorkspaceFolder[]): DocumentSelector {
  const markdown = folders.flatMap((folder) =>
    articleGlobs(folder).map((glob) => ({ language: 'markdown', pattern: new vscode.RelativePattern(folder, glob) as unknown as string })),
  );
  // The corrections file too: the server follows its open buffer, so quick fixes applied as
  // edits (and undone with Ctrl+Z) reach the corpus before the file is saved.
  return [{ language: ARTICLE_LANGUAGE }, ...markdown, { scheme: 'file', pattern: `**/${MARKER_FILE}` }];
}

/** The folder's corpusLens.articles, without wrongly typed entries. */
export function articleGlobs(folder: vscode.WorkspaceFolder): string[] {
  const globs = vscode.workspace.getConfiguration('corpusLens', folder.uri).get<unknown>('articles');
  const valid = Array.isArray(globs) ? globs.filter((g): g is string => typeof g === 'string' && g.length > 0) : [];
  return valid.length ? valid : ['**/*.txt'];
}

/**
 * One run of the language server for the corpus folders, with its status bar item. Created
 * only when some folder is a corpus: a workspace that is not one gets no process, no item.
 */
export class Session implements vscode.Disposable {
  readonly client: LanguageClient;
  /** Resolves when the server has indexed the corpus. */
  readonly ready: Promise<void>;
  private markReady: () => void = () => undefined;
  private readonly status: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(context: vscode.ExtensionContext, output: vscode.OutputChannel, folders: readonly vscode.WorkspaceFolder[], private readonly onReady: () => void) {
    this.ready = new Promise<void>((resolve) => (this.markReady = resolve));
    this.status = vscode.window.createStatusBarItem('corpusLens.status', vscode.StatusBarAlignment.Left, 10);
    this.status.name = 'Corpus Lens';
    this.status.command = 'corpusLens.showOutput';
    this.status.text = '$(sync~spin) Corpus Lens';
    this.status.tooltip = vscode.l10n.t('Corpus Lens is starting');
    this.status.show();
    const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: documentSelector(folders),
      outputChannel: output,
      traceOutputChannel: output,
      progressOnInitialization: true,
      // Hover cards link to our own commands (references, ledger); nothing else runs from them.
      markdown: { isTrusted: { enabledCommands: [ClientCommands.showReferences, ClientCommands.showLedger, ClientCommands.showOnTimeline, ClientCommands.showNetwork] } },
      // The per-workspace storage folder keeps the analysis cache out of the workspace.
      // In an untrusted workspace the server runs in safe mode (no .corpuslens.json read or written).
      initializationOptions: { storagePath: (context.storageUri ?? context.globalStorageUri).fsPath, trusted: vscode.workspace.isTrusted } satisfies InitializationOptions,
    };
    this.client = new LanguageClient('corpusLens', 'Corpus Lens', serverOptions, clientOptions);
    // Tells the server which of our commands this client runs: hovers and code actions link to them.
    this.client.registerFeature({
      fillClientCapabilities(capabilities) {
        capabilities.experimental = { ...(capabilities.experimental as object | undefined), [CLIENT_CAPABILITY]: { commands: Object.values(ClientCommands) } satisfies ClientCapability };
      },
      initialize: () => undefined,
      getState: () => ({ kind: 'static' }),
      clear: () => undefined,
    });
  }

  async start(): Promise<void> {
    await this.client.start();
    this.disposables.push(this.client.onNotification(StatusNotification, (state) => this.show(state)));
    // The index may have finished before the notification handler was in place.
    void this.client.sendRequest(WaitForIndexRequest).then((state) => this.show(state), () => undefined);
  }

  /** Trust granted later: restart so the server leaves safe mode. */
  async trust(): Promise<void> {
    this.client.clientOptions.initializationOptions = { ...this.client.clientOptions.initializationOptions, trusted: true };
    await this.client.restart();
  }

  private show(state: IndexState): void {
    if (state.state === 'indexing') {
      this.status.text = `$(sync~spin) Corpus Lens: ${state.indexed.toLocaleString()}/${state.total.toLocaleString()}`;
      this.status.tooltip = vscode.l10n.t('Corpus Lens is reading the articles of this workspace');
    } else if (state.state === 'ready') {
      this.status.text = `$(book) ${vscode.l10n.t('{0} articles', state.articles.toLocaleString())}`;
      this.status.tooltip =
        vscode.l10n.t('Corpus Lens indexed {0} articles', state.articles.toLocaleString()) +
        (state.skipped ? vscode.l10n.t('; {0} skipped (see output)', state.skipped) : '');
      this.markReady();
      this.onReady();
    }
  }

  async dispose(): Promise<void> {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.status.dispose();
    if (this.client.isRunning()) await this.client.stop();
  }
}
