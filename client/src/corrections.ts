import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { APPLY_CORRECTION_COMMAND, CorrectionEditRequest, type ApplyCorrectionArgs, type CorrectionEdit } from '../../server/src/protocol';

/**
 * Records a correction the way quick fixes do: the server computes the edit of
 * `.corpuslens.json` (against the open copy, if any) and the editor applies it, so Ctrl+Z undoes
 * it. Applied as a refactoring (files.refactoring.autoSave saves it); a copy that had no unsaved
 * changes before is saved in any case, one with the reader's own unsaved changes is left to them.
 */
export async function applyCorrection(client: LanguageClient, uri: string, edit: CorrectionEdit): Promise<boolean> {
  const result = await client.sendRequest(CorrectionEditRequest, { uri, edit });
  if (!result) {
    // The edit could not be expressed (no file and no way to create it): the server writes it.
    await vscode.commands.executeCommand(APPLY_CORRECTION_COMMAND, ...([uri, edit] satisfies ApplyCorrectionArgs));
    return true;
  }
  if ('problem' in result) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Corpus Lens: {0}', result.problem));
    return false;
  }
  const workspaceEdit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
  const targets = workspaceEdit.entries().map(([target]) => target.toString());
  const dirtyBefore = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
  if (!(await vscode.workspace.applyEdit(workspaceEdit, { isRefactoring: true }))) return false;
  for (const doc of vscode.workspace.textDocuments) {
    if (targets.includes(doc.uri.toString()) && doc.isDirty && !dirtyBefore.has(doc.uri.toString())) await doc.save();
  }
  return true;
}
