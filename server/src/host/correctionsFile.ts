import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CorrectionsRead } from './articleSource';
import { escapesFolder, leavesFolderMessage } from './insideFolder';
import { CORRECTIONS_FILE, MAX_CORRECTIONS_BYTES, emptyCorrections, parseCorrections, serializeCorrections, type Corrections } from '../corpus/corrections';


/** Reads and validates a folder's corrections file; never throws. */
export async function readCorrectionsFile(folder: string): Promise<CorrectionsRead> {
  const file = path.join(folder, CORRECTIONS_FILE);
  try {
    const outside = await escapesFolder(folder, file);
    if (outside !== undefined) return { state: 'invalid', problem: `${file} is ${leavesFolderMessage(outside)}`, corrections: emptyCorrections() };
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { state: 'invalid', problem: `${file} is not a file`, corrections: emptyCorrections() };
    if (stat.size > MAX_CORRECTIONS_BYTES) return { state: 'invalid', problem: `${file} is larger than ${MAX_CORRECTIONS_BYTES / 1e6} MB; it was not read`, corrections: emptyCorrections() };
    const text = await fs.readFile(file, 'utf8');
    const parsed = parseCorrections(text);
    return parsed.ok ? { state: 'ok', corrections: parsed.corrections, text } : { state: 'invalid', problem: `${parsed.problem} (${file})`, corrections: emptyCorrections(), text, at: parsed.at };
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return { state: 'absent', corrections: emptyCorrections() };
    return { state: 'invalid', problem: `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`, corrections: emptyCorrections() };
  }
}

/**
 * Changes a folder's corrections file: reads it again, applies `change`, and writes it through
 * a temporary file renamed into place. A file that does not parse is never overwritten, and a
 * refused change writes nothing.
 */
export async function updateCorrectionsFile(folder: string, change: (current: Corrections) => Corrections | { problem: string }): Promise<{ corrections: Corrections } | { problem: string }> {
  const current = await readCorrectionsFile(folder);
  if (current.state === 'invalid') return { problem: current.problem };
  const next = change(current.corrections);
  if ('problem' in next) return next;
  const file = path.join(folder, CORRECTIONS_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await fs.writeFile(tmp, serializeCorrections(next), 'utf8');
    await fs.rename(tmp, file);
    return { corrections: next };
  } catch (error) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    return { problem: `could not write ${file}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
