import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface WorkspaceCopy {
  /** The copied folder (same base name as the source, so the explorer shows the same title). */
  readonly folder: string;
  /** Removes the copy and its temporary parent. */
  remove(): void;
}

/**
 * Copies a workspace folder (the e2e fixture, the sample corpus) into a fresh temporary folder
 * so that a run may write into it (.corpuslens.json corrections, exports) without ever touching
 * the repository. The copy keeps the source's base name. It is removed by remove() and, should
 * the process end first, when the process exits.
 */
export function copyWorkspace(source: string, prefix = 'corpus-lens-e2e-'): WorkspaceCopy {
  if (!fs.existsSync(source)) throw new Error(`workspace to copy does not exist: ${source}`);
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const folder = path.join(parent, path.basename(source));
  fs.cpSync(source, folder, { recursive: true });
  let removed = false;
  const remove = (): void => {
    if (removed) return;
    removed = true;
    process.off('exit', remove);
    fs.rmSync(parent, { recursive: true, force: true, maxRetries: 5 });
  };
  process.on('exit', remove);
  return { folder, remove };
}
