import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, type CorrectionEdit, type EntityKind } from '../../server/src/protocol';
import { applyCorrection } from './corrections';
import { exportCorpus, registerCommands } from './commands';
import { registerDashboardCommands } from './dashboard/commands';
import { DashboardPanel } from './dashboard/dashboardPanel';
import { MARKER_FILE, corpusFolders, offerCorpusFolders, useFolderAsCorpus } from './corpusFolders';
import { EntitiesView, type EntityNode } from './entitiesView';
import { ARTICLE_LANGUAGE, Session, articleGlobs } from './session';

/** What activate() returns: tests await `ready` before asking anything. */
export interface CorpusLensApi {
  /** The language client, while some workspace folder is a corpus. */
  readonly client: LanguageClient | undefined;
  /** Resolves when the server has indexed the corpus (waits for a folder to become one). */
  readonly ready: Promise<void>;
  /** The folders Corpus Lens indexes. */
  readonly folders: readonly vscode.WorkspaceFolder[];
}

let controller: Controller | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<CorpusLensApi> {
  controller = new Controller(context);
  await controller.activate();
  return controller.api;
}

export async function deactivate(): Promise<void> {
  await controller?.stopSession();
  controller = undefined;
}

/**
 * Starts the language server only for workspace folders that are corpora, and keeps that
 * current as markers appear and settings change. A workspace without one gets no server, no
 * status item and no view; one that looks like a corpus gets a single offer.
 */
class Controller {
  private session: Session | undefined;
  private folders: vscode.WorkspaceFolder[] = [];
  /** What the running session was started for: folders and their globs. */
  private sessionKey = '';
  private outputChannel: vscode.OutputChannel | undefined;
  private markReady: () => void = () => undefined;
  private readonly readyPromise = new Promise<void>((resolve) => (this.markReady = resolve));
  private refreshing: Promise<void> = Promise.resolve();
  readonly entities: EntitiesView;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.entities = new EntitiesView(() => this.session?.client, context.workspaceState);
  }

  get api(): CorpusLensApi {
    const self = this;
    return {
      get client() {
        return self.session?.client;
      },
      ready: this.readyPromise,
      get folders() {
        return self.folders;
      },
    };
  }

  private output(): vscode.OutputChannel {
    this.outputChannel ??= vscode.window.createOutputChannel('Corpus Lens');
    return this.outputChannel;
  }

  async activate(): Promise<void> {
    const context = this.context;
    const marker = vscode.workspace.createFileSystemWatcher(`**/${MARKER_FILE}`, false, true, false);
    context.subscriptions.push(
      marker,
      marker.onDidCreate(() => this.refresh()),
      marker.onDidDelete(() => this.refresh()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('corpusLens.enable') || e.affectsConfiguration('corpusLens.articles')) void this.refresh();
        if (e.affectsConfiguration('corpusLens.articles')) for (const doc of vscode.workspace.textDocuments) void this.markArticle(doc);
      }),
      // Files matching corpusLens.articles become articles; a static contribution cannot read settings.
      vscode.workspace.onDidOpenTextDocument((doc) => void this.markArticle(doc)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.session?.trust()),
      vscode.window.registerTreeDataProvider('corpusLens.entities', this.entities),
      ...registerCommands({
        client: () => this.session?.client,
        ready: () => this.readyPromise,
        output: () => this.output(),
        markArticle: (doc) => this.markArticle(doc),
        refreshEntities: () => this.entities.refresh(),
      }),
      ...this.registerViewCommands(),
      ...registerDashboardCommands(context.extensionUri, () => this.session?.client),
      vscode.commands.registerCommand('corpusLens.useFolderAsCorpus', (folder?: vscode.WorkspaceFolder | vscode.Uri) => this.useFolder(folder)),
      vscode.commands.registerCommand('corpusLens.openSample', () => this.openSample()),
      { dispose: () => void this.stopSession() },
    );
    await this.refresh();
    // The offer never holds up activation, and never comes where a corpus already is.
    if (this.folders.length === 0) void offerCorpusFolders(context.workspaceState, (folder) => this.useFolder(folder)).catch(() => undefined);
  }

  /** Works out the corpus folders again and starts, restarts or stops the server to match. */
  refresh(): Promise<void> {
    this.refreshing = this.refreshing.then(() => this.refreshNow()).catch((error) => this.output().appendLine(`[error] ${String(error)}`));
    return this.refreshing;
  }

  private async refreshNow(): Promise<void> {
    const folders = await corpusFolders();
    const key = JSON.stringify(folders.map((f) => [f.uri.toString(), articleGlobs(f)]));
    this.folders = folders;
    if (key === this.sessionKey && (this.session !== undefined) === folders.length > 0) return;
    await this.stopSession();
    this.sessionKey = key;
    if (folders.length === 0) return;
    const session = new Session(this.context, this.output(), folders, () => {
      this.markReady();
      this.entities.refresh();
      DashboardPanel.refresh();
    });
    this.session = session;
    await vscode.commands.executeCommand('setContext', 'corpusLens.active', true);
    for (const doc of vscode.workspace.textDocuments) await this.markArticle(doc);
    await session.start();
  }

  async stopSession(): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.session = undefined;
    this.sessionKey = '';
    await vscode.commands.executeCommand('setContext', 'corpusLens.active', false);
    await session.dispose();
  }

  /** "Corpus Lens: Use This Folder as a Corpus": writes the marker, then indexes the folder. */
  private async useFolder(given?: vscode.WorkspaceFolder | vscode.Uri): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    let folder = given instanceof vscode.Uri ? vscode.workspace.getWorkspaceFolder(given) : given;
    if (!folder && folders.length === 1) folder = folders[0];
    if (!folder && folders.length > 1) folder = await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Which folder holds the articles?') });
    if (!folder) {
      if (folders.length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder of articles first.'));
      return;
    }
    await useFolderAsCorpus(folder);
    await this.refresh();
  }

  /**
   * Opens the sample corpus shipped with the extension: a copy in the extension's global
   * storage, so corrections made while trying it never write into the installed extension.
   */
  private async openSample(): Promise<void> {
    const source = vscode.Uri.joinPath(this.context.extensionUri, 'sample');
    const target = vscode.Uri.joinPath(this.context.globalStorageUri, 'sample');
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(target, MARKER_FILE));
    } catch {
      await vscode.workspace.fs.copy(source, target, { overwrite: true });
    }
    await vscode.commands.executeCommand('vscode.openFolder', target, { forceNewWindow: (vscode.workspace.workspaceFolders?.length ?? 0) > 0 });
  }

  /** Gives the article language to a plain-text document that a corpus folder's globs select. */
  async markArticle(doc: vscode.TextDocument): Promise<void> {
    if (doc.languageId !== 'plaintext' || (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'vscode-remote')) return;
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    if (!folder || !this.session || !this.folders.some((f) => f.uri.toString() === folder.uri.toString())) return;
    const selector = articleGlobs(folder).map((pattern) => ({ pattern: new vscode.RelativePattern(folder, pattern) }));
    if (vscode.languages.match(selector, doc) > 0) await vscode.languages.setTextDocumentLanguage(doc, ARTICLE_LANGUAGE);
  }

  /** The Corpus Entities view's title actions and its entities' context menu. */
  private registerViewCommands(): vscode.Disposable[] {
    const entityOf = (node: EntityNode | undefined) => (node?.type === 'entity' ? node.item : undefined);
    const correct = async (uri: string, edit: CorrectionEdit) => {
      const client = this.session?.client;
      if (client) await applyCorrection(client, uri, edit);
      this.entities.refresh();
    };
    return [
      vscode.commands.registerCommand('corpusLens.filterEntities', () => this.entities.setFilter()),
      vscode.commands.registerCommand('corpusLens.filterEntityTypes', () => this.entities.chooseTypes()),
      vscode.commands.registerCommand('corpusLens.clearEntityFilter', async () => {
        await this.entities.setHiddenKinds([]);
        await this.entities.clearFilter();
      }),
      vscode.commands.registerCommand('corpusLens.refreshEntities', () => this.entities.refresh()),
      vscode.commands.registerCommand('corpusLens.showMoreEntities', (kind: EntityKind) => this.entities.showMore(kind)),
      vscode.commands.registerCommand('corpusLens.entity.showReferences', async (node?: EntityNode) => {
        const def = entityOf(node)?.definition;
        if (def) await vscode.commands.executeCommand(ClientCommands.showReferences, def.uri, def.range.start);
      }),
      vscode.commands.registerCommand('corpusLens.entity.merge', async (node?: EntityNode) => {
        const item = entityOf(node);
        const uri = item?.definition?.uri ?? this.folders[0]?.uri.toString();
        if (item && uri) await vscode.commands.executeCommand(ClientCommands.mergeEntity, uri, item.id, item.name, item.kind);
      }),
      vscode.commands.registerCommand('corpusLens.entity.notEntity', async (node?: EntityNode) => {
        const item = entityOf(node);
        const uri = item?.definition?.uri ?? this.folders[0]?.uri.toString();
        if (item && uri) await correct(uri, { kind: 'notEntity', value: item.id });
      }),
      vscode.commands.registerCommand('corpusLens.entity.copyName', async (node?: EntityNode) => {
        const item = entityOf(node);
        if (item) await vscode.env.clipboard.writeText(item.name);
      }),
      vscode.commands.registerCommand('corpusLens.entity.export', async (node?: EntityNode) => {
        const item = entityOf(node);
        const client = this.session?.client;
        if (item && client) await exportCorpus(client, { id: item.id, name: item.name });
      }),
    ];
  }
}
