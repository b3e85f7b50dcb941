import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ClientCommands,
  EntitiesRequest,
  ExportRequest,
  ReindexRequest,
  WaitForIndexRequest,
  type MergeEntityArgs,
  type SetArticleDateArgs,
  type ShowLedgerArgs,
  type ShowReferencesArgs,
} from '../../server/src/protocol';
import { applyCorrection } from './corrections';
import { showLedger } from './ledger';

/** What the commands need from the extension: the running client (none while no folder is a corpus). */
export interface CommandHost {
  client(): LanguageClient | undefined;
  ready(): Promise<void>;
  output(): vscode.OutputChannel;
  /** Gives a plain-text article its language (so providers answer for it). */
  markArticle(doc: vscode.TextDocument): Promise<void>;
  /** Something in the corpus changed (a correction): the entities view shows it. */
  refreshEntities(): void;
}

/** Said by a command that needs the server when no folder is a corpus. */
function notActive(): undefined {
  void vscode.window.showInformationMessage(vscode.l10n.t('Corpus Lens is not indexing this workspace. Run “Corpus Lens: Use This Folder as a Corpus” first.'));
  return undefined;
}

/** Registers the commands that talk to the server. */
export function registerCommands(host: CommandHost): vscode.Disposable[] {
  const withClient = <A extends unknown[]>(run: (client: LanguageClient, ...args: A) => unknown) => (...args: A) => {
    const client = host.client();
    return client ? run(client, ...args) : notActive();
  };
  return [
    vscode.commands.registerCommand(ClientCommands.showReferences, withClient(async (client, ...[uri, position]: [string | vscode.Uri, ShowReferencesArgs[1]]) => {
      const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
      const at = new vscode.Position(position.line, position.character);
      // Give a closed article its language first: changing it later would close the peek.
      await host.markArticle(await vscode.workspace.openTextDocument(target));
      // Asked of the server directly: the article may not be open yet, or not yet marked as an
      // article, and then no reference provider would answer for it.
      const result = await client.sendRequest<unknown>('textDocument/references', {
        textDocument: { uri: target.toString() },
        position: { line: position.line, character: position.character },
        context: { includeDeclaration: true },
      });
      const locations = await client.protocol2CodeConverter.asReferences(result as never);
      await vscode.commands.executeCommand('editor.action.showReferences', target, at, locations ?? []);
    })),
    vscode.commands.registerCommand(ClientCommands.showLedger, withClient((client, ...[measure]: Partial<ShowLedgerArgs>) => showLedger(client, measure))),
    vscode.commands.registerCommand(ClientCommands.mergeEntity, withClient(async (client, ...[uri, id, name, kind]: MergeEntityArgs) => {
      const items = await client.sendRequest(EntitiesRequest, { kind, limit: 2000 });
      const pick = await vscode.window.showQuickPick(
        items.filter((i) => i.id !== id).map((i) => ({ label: i.name, description: i.detail, id: i.id })),
        { placeHolder: vscode.l10n.t('Merge “{0}” with…', name), matchOnDescription: true },
      );
      if (!pick) return;
      await applyCorrection(client, uri, { kind: 'merge', entities: [id, pick.id], name: pick.label.length >= name.length ? pick.label : name });
      host.refreshEntities();
    })),
    vscode.commands.registerCommand(ClientCommands.setArticleDate, withClient(async (client, ...[uri, current]: Partial<SetArticleDateArgs>) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri.toString();
      if (!target) return;
      const date = await vscode.window.showInputBox({
        prompt: vscode.l10n.t('The date this article was written on (relative dates resolve against it); empty to remove the correction'),
        value: current ?? '',
        placeHolder: 'YYYY-MM-DD',
        validateInput: (v) => (v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v) ? undefined : vscode.l10n.t('Write the date as YYYY-MM-DD')),
      });
      if (date === undefined) return;
      await applyCorrection(client, target, { kind: 'articleDate', file: target, date: date || null });
    })),
    vscode.commands.registerCommand('corpusLens.export', withClient((client) => exportCorpus(client))),
    vscode.commands.registerCommand('corpusLens.showOutput', () => host.output().show(true)),
    vscode.commands.registerCommand('corpusLens.restartServer', withClient((client) => client.restart())),
    vscode.commands.registerCommand('corpusLens.reindex', withClient((client) => client.sendRequest(ReindexRequest))),
    vscode.commands.registerCommand('corpusLens.waitForIndex', async () => {
      await host.ready();
      return host.client()?.sendRequest(WaitForIndexRequest);
    }),
  ];
}

/**
 * Asks for a format and a file, and has the server write every entity and mention there;
 * `entity` limits it to one entity's mentions.
 */
export async function exportCorpus(client: LanguageClient, entity?: { id: string; name: string }): Promise<void> {
  const format = await vscode.window.showQuickPick(
    [
      { label: 'CSV', description: vscode.l10n.t('one row per mention, with its entity, value and article date'), format: 'csv' as const },
      { label: 'JSON Lines', description: vscode.l10n.t('entities, then one line per mention'), format: 'jsonl' as const },
    ],
    { placeHolder: entity ? vscode.l10n.t('Export the mentions of “{0}” as…', entity.name) : vscode.l10n.t('Export every entity and mention (corrections applied) as…') },
  );
  if (!format) return;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const base = entity ? `corpus-lens-${entity.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'entity'}` : 'corpus-lens-export';
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder && vscode.Uri.joinPath(folder, `${base}.${format.format}`),
    filters: format.format === 'csv' ? { CSV: ['csv'] } : { 'JSON Lines': ['jsonl'] },
  });
  if (!target) return;
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Corpus Lens: exporting') }, () =>
    client.sendRequest(ExportRequest, { format: format.format, path: target.fsPath, entity: entity?.id }),
  );
  const open = vscode.l10n.t('Open');
  const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Corpus Lens exported {0} lines to {1}.', (result?.lines ?? 0).toLocaleString(), target.fsPath), open);
  if (answer === open) await vscode.window.showTextDocument(target);
}
