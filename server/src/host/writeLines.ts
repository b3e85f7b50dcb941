import { createWriteStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { once } from 'node:events';

/**
 * Writes lines to a file through a temporary file renamed into place, so a failed export
 * never leaves half a file where the reader expects one. Returns the number of lines.
 */
export async function writeLines(file: string, lines: Iterable<string>): Promise<number> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(tmp, 'utf8');
  let count = 0;
  try {
    for (const line of lines) {
      if (!out.write(`${line}\n`)) await once(out, 'drain');
      count++;
    }
    out.end();
    await once(out, 'finish');
    await fs.rename(tmp, file);
    return count;
  } catch (error) {
    out.destroy();
    // The stream opens its file asynchronously: removed before it is open and closed, the
    // temporary file would be made again behind the removal.
    if (!out.closed) await once(out, 'close').catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw error;
  }
}
