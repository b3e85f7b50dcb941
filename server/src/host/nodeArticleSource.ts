import { constants as fsConstants, existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { articleMatcher, GONE, type ArticleSource, type FileStamp, type ListFilter, type ListResult, type ReadResult } from './articleSource';
import { readCorrectionsFile, updateCorrectionsFile } from './correctionsFile';
import { decodeArticle } from './decodeArticle';
import { watchFolder } from './folderWatcher';
import { escapesFolder, isInside, leavesFolderMessage } from './insideFolder';

/** Articles on the local disk. */
export class NodeArticleSource implements ArticleSource {
  readCorrections = readCorrectionsFile;
  updateCorrections = updateCorrectionsFile;
  watch = watchFolder;

  constructor(
    /** dist/statWorker.js, which stats many files off this thread; without it, one by one. */
    private readonly statWorker?: string,
  ) {}

  async statMany(paths: string[]): Promise<(FileStamp | undefined)[]> {
    if (this.statWorker && existsSync(this.statWorker) && paths.length > 100) {
      try {
        return await statInWorker(this.statWorker, paths);
      } catch {
        // Fall through: a worker that cannot start costs speed, not correctness.
      }
    }
    const out: (FileStamp | undefined)[] = new Array(paths.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < paths.length) {
          const at = next++;
          out[at] = await this.stat(paths[at]);
        }
      }),
    );
    return out;
  }

  async list(folder: string, filter: ListFilter, token?: { isCancellationRequested: boolean }): Promise<ListResult> {
    const matcher = articleMatcher(filter);
    const paths: string[] = [];
    const problems: string[] = [];
    const skipped: { path: string; reason: string }[] = [];
    // Symlinked folders are followed once: the real path is remembered, so a loop ends.
    const visited = new Set<string>();
    // Links are followed only while they stay inside the folder; a link to / or /etc is not
    // even stat'ed past its real path.
    let root: string;
    try {
      root = await fs.realpath(folder);
    } catch (error) {
      return { paths, problems: [`${folder}: ${describe(error)}`] };
    }
    const walk = async (dir: string): Promise<void> => {
      if (token?.isCancellationRequested) return;
      let real: string;
      try {
        real = await fs.realpath(dir);
      } catch (error) {
        problems.push(`${dir}: ${describe(error)}`);
        return;
      }
      if (visited.has(real)) return;
      visited.add(real);
      let entries: import('node:fs').Dirent[];
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch (error) {
        problems.push(`${dir}: ${describe(error)}`);
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        const rel = path.relative(folder, full).split(path.sep).join('/');
        let isDir = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
          try {
            const real = await fs.realpath(full);
            if (!isInside(root, real)) {
              problems.push(`${full}: ${leavesFolderMessage(real)}`);
              skipped.push({ path: full, reason: leavesFolderMessage(real) });
              continue;
            }
            const stat = await fs.stat(real);
            isDir = stat.isDirectory();
            isFile = stat.isFile();
          } catch (error) {
            // A dangling link is not an article; a loop of links is worth a word.
            if ((error as { code?: string }).code === 'ELOOP') problems.push(`${full}: ${describe(error)}`);
            continue;
          }
        }
        if (isDir) {
          if (matcher.skipsFolder(rel)) continue;
          await walk(full);
        } else if (isFile && matcher.isArticle(rel)) {
          paths.push(full);
        }
      }
    };
    await walk(folder);
    return { paths, problems, skipped };
  }

  async stat(file: string): Promise<FileStamp | undefined> {
    try {
      const stat = await fs.stat(file);
      return stat.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : undefined;
    } catch {
      return undefined;
    }
  }

  async read(file: string, maxBytes: number, known?: FileStamp, folder?: string): Promise<ReadResult> {
    try {
      // A file event or a stale listing may name a link that now leaves the folder.
      const outside = folder === undefined ? undefined : await escapesFolder(folder, file);
      if (outside !== undefined) return { skipped: leavesFolderMessage(outside) };
      // A stamp from stat() just before says how large it was; what is read is asked of the opened
      // file itself, since an article may have become a pipe or a device since it was listed.
      if (known && known.size > maxBytes) return { skipped: tooLarge(known.size, maxBytes) };
      // Non-blocking: opening a pipe without a writer returns at once instead of holding a thread.
      const handle = await fs.open(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
      try {
        const stat = await handle.stat();
        if (!stat.isFile()) return { skipped: 'not a regular file' };
        if (stat.size > maxBytes) return { skipped: tooLarge(stat.size, maxBytes) };
        const bytes = await handle.readFile();
        // The file may have grown since it was stat'ed.
        if (bytes.length > maxBytes) return { skipped: tooLarge(bytes.length, maxBytes) };
        return decodeArticle(bytes);
      } finally {
        await handle.close();
      }
    } catch (error) {
      return { skipped: describe(error) };
    }
  }
}

/** Stats paths in a worker thread that ends when done. */
export function statInWorker(script: string, paths: string[]): Promise<(FileStamp | undefined)[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script);
    worker.once('message', (stamps: Float64Array) => {
      void worker.terminate();
      resolve(paths.map((_, i) => (stamps[2 * i] < 0 ? undefined : { size: stamps[2 * i], mtimeMs: stamps[2 * i + 1] })));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`stat worker exited with code ${code}`)));
    worker.postMessage(paths);
  });
}

function tooLarge(size: number, maxBytes: number): string {
  return `larger than the size limit (${Math.round(size / 1024)} KB > ${Math.round(maxBytes / 1024)} KB; see corpusLens.maxFileSizeKB)`;
}

function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return GONE;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'symbolic link loop';
  return error instanceof Error ? error.message : String(error);
}
