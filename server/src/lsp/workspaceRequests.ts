import type { CancellationToken, Connection, ExecuteCommandParams } from 'vscode-languageserver';
import { exportCorpus } from '../corpus/exportCorpus';
import { APPLY_CORRECTION_COMMAND, type ApplyCorrectionArgs, type ApplyCorrectionResult, type CorrectionEditParams, type CorrectionEditResult, type ExportParams, type ExportResult } from '../protocol';
import type { Workspace } from '../workspace/workspace';
import type { Capabilities } from './capabilities';
import { correctionWorkspaceEdit } from './correctionEdits';
import { tell } from './tell';

/**
 * Records a correction (the server command, for clients that run commands but were offered no
 * edit). A client that applies workspace edits is sent one (workspace/applyEdit), so the
 * change is undoable there too; any other gets the file written by the server.
 */
export async function executeCorrection(params: ExecuteCommandParams, workspace: Workspace, connection: Connection, caps: Capabilities): Promise<ApplyCorrectionResult | null> {
  if (params.command !== APPLY_CORRECTION_COMMAND) return null;
  const [uri, edit] = (params.arguments ?? []) as ApplyCorrectionArgs;
  let problem: string | undefined;
  const [plan] = caps.applyEdit ? await workspace.planCorrections(uri, [edit]) : [undefined];
  const workspaceEdit = plan && !('problem' in plan) ? correctionWorkspaceEdit(plan, caps) : undefined;
  if (plan && 'problem' in plan) problem = plan.problem;
  else if (plan && workspaceEdit) {
    const applied = await connection.workspace.applyEdit({ label: 'Corpus Lens correction', edit: workspaceEdit });
    problem = applied.applied ? undefined : `the editor did not apply the change${applied.failureReason ? ` (${applied.failureReason})` : ''}`;
    // The corpus follows at once, whether or not the editor sends us the edited buffer.
    if (!problem) await workspace.adoptCorrections(plan.fileUri, plan.newText);
  } else problem = await workspace.applyCorrection(uri, edit);
  if (problem) tell(() => connection.window.showErrorMessage(`Corpus Lens: ${problem}`));
  return problem ? { problem } : { ok: true };
}

/**
 * The WorkspaceEdit that records a correction (corpusLens/correctionEdit), or the problem that
 * refuses it; null when the client could not apply it (a missing file it cannot create).
 */
export async function provideCorrectionEdit(params: CorrectionEditParams | undefined, workspace: Workspace, caps: Capabilities): Promise<CorrectionEditResult | null> {
  const [plan] = await workspace.planCorrections(params?.uri, [params?.edit]);
  if ('problem' in plan) return { problem: plan.problem };
  const edit = correctionWorkspaceEdit(plan, caps);
  return edit ? { edit } : null;
}

/**
 * Writes the export file (of one entity when asked); files are named relative to their folder
 * (absolute with several folders).
 */
export async function provideExport(params: ExportParams, workspace: Workspace, writeLines: ((file: string, lines: Iterable<string>) => Promise<number>) | undefined, token: CancellationToken): Promise<ExportResult> {
  if (!writeLines) throw new Error('this server cannot write files');
  const roots = workspace.folderPaths();
  const fileOf = (uri: string) => {
    const place = workspace.classify(uri);
    return place ? (roots.length > 1 ? `${place.folder.fsPath}/${place.relative}` : place.relative) : uri;
  };
  const only = typeof params.entity === 'string' ? { entity: params.entity } : undefined;
  return { lines: await writeLines(params.path, exportCorpus(workspace.corpus, params.format === 'csv' ? 'csv' : 'jsonl', fileOf, token, only)) };
}
