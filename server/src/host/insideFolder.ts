import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** True when `real` is `root` or lies under it (both real, absolute paths). */
export function isInside(root: string, real: string): boolean {
  const rel = path.relative(root, real);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/**
 * Where a path really leads, when that is outside the folder: symbolic links anywhere on the
 * way are resolved, so a link to /etc, to /, or to a sibling folder is caught before anything
 * behind it is read. Undefined when the path stays inside (or does not exist: the read that
 * follows reports that).
 */
export async function escapesFolder(folder: string, file: string): Promise<string | undefined> {
  let root: string;
  let real: string;
  try {
    root = await fs.realpath(folder);
    real = await fs.realpath(file);
  } catch {
    return undefined;
  }
  return isInside(root, real) ? undefined : real;
}

/** The message for a link that leaves the workspace folder (output channel and skip lists). */
export function leavesFolderMessage(real: string): string {
  return `a link to ${real}, outside the workspace folder: not read`;
}
