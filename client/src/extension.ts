import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  APPLY_CORRECTION_COMMAND,
  ClientCommands,
  EntitiesRequest,
  ExportRequest,
  ReindexRequest,
  StatusNotification,
  WaitForIndexRequest,
  type ApplyCorrectionArgs,
  type IndexState,
  type InitializationOptions,
  type MergeEntityArgs,
  type SetArticleDateArgs,
  type ShowLedgerArgs,
  type ShowReferencesArgs,
} from '../../server/src/protocol';
import { EntitiesView } from './entitiesView';
import { showLedger } from './ledger';

/** What activate() returns: tests await `ready` before asking anything. */
export interface CorpusLensApi {
  client: LanguageClient;
  /** Resolves when the server has indexed the whole workspace. */
  ready: Promise<void>;
}

const LANGUAGE_ID = 'article';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<CorpusLensApi> {
  const output = vscode.window.createOutputChannel('Corpus Lens');
  const status = vscode.window.createStatusBarItem('corpusLens.status', vscode.StatusBarAlignment.Left, 10);
  status.name = 'Corpus Lens';
  status.command = 'corpusLens.showOutput';
  status.text = '$(sync~spin) Corpus Lens';
  status.tooltip = 'Corpus Lens is starting';
  status.show();
  context.subscriptions.push(output, status);

  // Files matching corpusLens.articles become articles; a static contribution cannot read settings.
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => void markArticle(doc)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('corpusLens.articles')) for (const doc of vscode.workspace.textDocuments) void markArticle(doc);
    }),
  );
  for (const doc of vscode.workspace.textDocuments) void markArticle(doc);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    outputChannel: output,
    traceOutputChannel: output,
    progressOnInitialization: true,
    // Hover cards link to our own commands (references, ledger); nothing else runs from them.
    markdown: { isTrusted: { enabledCommands: [ClientCommands.showReferences, ClientCommands.showLedger] } },
    // The per-workspace storage folder keeps the analysis cache out of the workspace.
    // In an untrusted workspace the server runs in safe mode (no .corpuslens.json read or written).
    initializationOptions: { storagePath: (context.storageUri ?? context.globalStorageUri).fsPath, trusted: vscode.workspace.isTrusted } satisfies InitializationOptions,
  };
  client = new LanguageClient('corpusLens', 'Corpus Lens', serverOptions, clientOptions);

  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const showState = (state: IndexState) => {
    if (state.state === 'indexing') {
      status.text = `$(sync~spin) Corpus Lens: ${state.indexed.toLocaleString()}/${state.total.toLocaleString()}`;
      status.tooltip = 'Corpus Lens is reading the articles of this workspace';
    } else if (state.state === 'ready') {
      status.text = `$(book) ${state.articles.toLocaleString()} articles`;
      status.tooltip = `Corpus Lens indexed ${state.articles.toLocaleString()} articles` + (state.skipped ? `; ${state.skipped} skipped (see output)` : '');
      markReady();
      entities.refresh();
    }
  };

  const entities = new EntitiesView(() => client);
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider('corpusLens.entities', entities),
    vscode.commands.registerCommand('corpusLens.filterEntities', () => entities.setFilter()),
    vscode.commands.registerCommand('corpusLens.clearEntityFilter', () => entities.clearFilter()),
    vscode.commands.registerCommand('corpusLens.refreshEntities', () => entities.refresh()),
    vscode.commands.registerCommand(ClientCommands.showReferences, async (...[uri, position]: [string | vscode.Uri, ShowReferencesArgs[1]]) => {
      if (!client) return;
      const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
      const at = new vscode.Position(position.line, position.character);
      // Give a closed article its language first: changing it later would close the peek.
      await markArticle(await vscode.workspace.openTextDocument(target));
      // Asked of the server directly: the article may not be open yet, or not yet marked as an
      // article, and then no reference provider would answer for it.
      const result = await client.sendRequest<unknown>('textDocument/references', {
        textDocument: { uri: target.toString() },
        position: { line: position.line, character: position.character },
        context: { includeDeclaration: true },
      });
      const locations = await client.protocol2CodeConverter.asReferences(result as never);
      await vscode.commands.executeCommand('editor.action.showReferences', target, at, locations ?? []);
    }),
    vscode.commands.registerCommand(ClientCommands.showLedger, async (...[measure]: Partial<ShowLedgerArgs>) => {
      if (client) await showLedger(client, measure);
    }),
    vscode.commands.registerCommand(ClientCommands.mergeEntity, async (...[uri, id, name, kind]: MergeEntityArgs) => {
      if (!client) return;
      const items = await client.sendRequest(EntitiesRequest, { kind, limit: 2000 });
      const pick = await vscode.window.showQuickPick(
        items.filter((i) => i.id !== id).map((i) => ({ label: i.name, description: i.detail, id: i.id })),
        { placeHolder: `Merge “${name}” with…`, matchOnDescription: true },
      );
      if (!pick) return;
      await vscode.commands.executeCommand(APPLY_CORRECTION_COMMAND, ...([uri, { kind: 'merge', entities: [id, pick.id], name: pick.label.length >= name.length ? pick.label : name }] satisfies ApplyCorrectionArgs));
      entities.refresh();
    }),
    vscode.commands.registerCommand(ClientCommands.setArticleDate, async (...[uri, current]: Partial<SetArticleDateArgs>) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri.toString();
      if (!target) return;
      const date = await vscode.window.showInputBox({
        prompt: 'The date this article was written on (relative dates resolve against it); empty to remove the correction',
        value: current ?? '',
        placeHolder: 'YYYY-MM-DD',
        validateInput: (v) => (v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v) ? undefined : 'Write the date as YYYY-MM-DD'),
      });
      if (date === undefined) return;
      await vscode.commands.executeCommand(APPLY_CORRECTION_COMMAND, ...([target, { kind: 'articleDate', file: target, date: date || null }] satisfies ApplyCorrectionArgs));
    }),
    vscode.commands.registerCommand('corpusLens.export', async () => {
      if (!client) return;
      const format = await vscode.window.showQuickPick(
        [
          { label: 'CSV', description: 'one row per mention, with its entity, value and article date', format: 'csv' },
          { label: 'JSON Lines', description: 'entities, then one line per mention', format: 'jsonl' },
        ],
        { placeHolder: 'Export every entity and mention (corrections applied) as…' },
      );
      if (!format) return;
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const target = await vscode.window.showSaveDialog({
        defaultUri: folder && vscode.Uri.joinPath(folder, `corpus-lens-export.${format.format}`),
        filters: format.format === 'csv' ? { CSV: ['csv'] } : { 'JSON Lines': ['jsonl'] },
      });
      if (!target) return;
      const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Corpus Lens: exporting' }, () =>
        client!.sendRequest(ExportRequest, { format: format.format, path: target.fsPath }),
      );
      const open = await vscode.window.showInformationMessage(`Corpus Lens exported ${(result?.lines ?? 0).toLocaleString()} lines to ${target.fsPath}.`, 'Open');
      if (open) await vscode.window.showTextDocument(target);
    }),
    vscode.commands.registerCommand('corpusLens.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('corpusLens.restartServer', async () => client?.restart()),
    vscode.commands.registerCommand('corpusLens.reindex', async () => client?.sendRequest(ReindexRequest)),
    vscode.commands.registerCommand('corpusLens.waitForIndex', async () => {
      await ready;
      return client?.sendRequest(WaitForIndexRequest);
    }),
  );

  void vscode.commands.executeCommand('setContext', 'corpusLens.active', true);
  // Trust granted later: restart so the server leaves safe mode.
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      if (!client) return;
      client.clientOptions.initializationOptions = { ...client.clientOptions.initializationOptions, trusted: true };
      await client.restart();
    }),
  );
  await client.start();
  context.subscriptions.push(client.onNotification(StatusNotification, showState));
  // The index may have finished before the notification handler was in place.
  void client.sendRequest(WaitForIndexRequest).then(showState, () => undefined);
  return { client, ready };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** Gives the article language to a plain-text document that corpusLens.articles selects. */
async function markArticle(doc: vscode.TextDocument): Promise<void> {
  if (doc.languageId !== 'plaintext' || (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'vscode-remote')) return;
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  if (!folder) return;
  const globs = vscode.workspace.getConfiguration('corpusLens', doc.uri).get<string[]>('articles', ['**/*.txt']);
  const selector = globs.map((pattern) => ({ pattern: new vscode.RelativePattern(folder, pattern) }));
  if (vscode.languages.match(selector, doc) > 0) await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
}
