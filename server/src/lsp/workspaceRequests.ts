import type { CancellationToken, Connection, ExecuteCommandParams } from 'vscode-languageserver';
import { exportCorpus } from '../corpus/exportCorpus';
import { APPLY_CORRECTION_COMMAND, type ApplyCorrectionArgs, type ApplyCorrectionResult, type ExportParams, type ExportResult } from '../protocol';
import type { Workspace } from '../workspace/workspace';

/** Records a correction (the server command quick fixes and the client's commands run). */
export async function executeCorrection(params: ExecuteCommandParams, workspace: Workspace, connection: Connection): Promise<ApplyCorrectionResult | null> {
  if (params.command !== APPLY_CORRECTION_COMMAND) return null;
  const [uri, edit] = (params.arguments ?? []) as ApplyCorrectionArgs;
  const problem = await workspace.applyCorrection(uri, edit);
  if (problem) tell(() => connection.window.showErrorMessage(`Corpus Lens: ${problem}`));
  return problem ? { problem } : { ok: true };
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

/** Shows a message; the client may never answer (it closed), which is not an error. */
export function tell(show: () => unknown): void {
  Promise.resolve(show()).catch(() => undefined);
}
