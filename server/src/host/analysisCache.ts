import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ValueTable } from '../corpus/valueTable';
import type { CachedArticle } from './articleSource';
import { CacheDecoder, CacheEncoder, trailerRange } from './cacheCodec';

/** One cached article (defined with the host interfaces). */
export type CacheEntry = CachedArticle;

const MAGIC = 'corpus-lens-cache';
const FORMAT = 4;
const FILE_NAME = 'corpus-cache.bin';
/** A temporary file untouched for this long belongs to no write under way. */
const STALE_AFTER_MS = 60 * 60 * 1000;
/** Bytes read at a time when loading. */
const CHUNK = 4 << 20;

/**
 * A persistent cache of per-article analyses in the extension's storage folder (never the
 * workspace). One file in the compact binary form of cacheCodec.ts, checksummed. Anything
 * that does not check out (other engine build, truncated, corrupt, unreadable) is reported
 * and ignored, never trusted. Writes go to a temporary file renamed into place.
 */
export class AnalysisCache {
  private readonly file: string;

  constructor(
    private readonly folder: string,
    /** Identifies the analysis code; a cache made by another build is discarded. */
    private readonly engineVersion: string,
  ) {
    this.file = path.join(folder, FILE_NAME);
  }

  get path(): string {
    return this.file;
  }

  /** Loads the cache into cells of `table`; returns an empty map and a reason when it cannot be used. */
  async load(table: ValueTable): Promise<{ entries: Map<string, CacheEntry>; problem?: string }> {
    await this.removeStaleTemporaryFiles();
    let file: fs.FileHandle;
    try {
      file = await fs.open(this.file, 'r');
    } catch (error) {
      const code = (error as { code?: string }).code;
      return { entries: new Map(), problem: code === 'ENOENT' ? undefined : `cache unreadable (${code ?? String(error)}); rebuilding` };
    }
    try {
      // Read in chunks and decoded as it comes: the file is never in memory whole.
      const { size } = await file.stat();
      const tail = Buffer.alloc(Math.min(8, size));
      await file.read(tail, 0, tail.length, size - tail.length);
      const { start, end } = trailerRange(tail, size);
      const trailer = Buffer.alloc(end - start);
      await file.read(trailer, 0, trailer.length, start);
      const decoder = new CacheDecoder(trailer, table);
      if (decoder.extra.magic !== MAGIC || decoder.extra.format !== FORMAT) throw new Error('not a Corpus Lens cache of this format');
      if (decoder.extra.engine !== this.engineVersion) return { entries: new Map(), problem: 'cache made by another version of the analysis; rebuilding' };
      for (let at = 0; at < start; ) {
        const chunk = Buffer.allocUnsafe(Math.min(CHUNK, start - at));
        const { bytesRead } = await file.read(chunk, 0, chunk.length, at);
        if (bytesRead === 0) throw new Error('truncated');
        decoder.push(chunk.subarray(0, bytesRead));
        at += bytesRead;
      }
      return { entries: new Map(decoder.finish().entries) };
    } catch (error) {
      return { entries: new Map(), problem: `cache ignored: ${error instanceof Error ? error.message : String(error)}; rebuilding` };
    } finally {
      await file.close().catch(() => undefined);
    }
  }

  /**
   * Removes temporary files left by servers killed while writing (each one can be as large as
   * the cache). A file is stale when the process that named it is gone, is this process (which
   * has not started writing yet), or has been at it for longer than any write takes.
   */
  private async removeStaleTemporaryFiles(): Promise<void> {
    let names: string[];
    try {
      names = await fs.readdir(this.folder);
    } catch {
      return;
    }
    for (const name of names) {
      const m = /^corpus-cache\.bin\.(\d+)\.tmp$/.exec(name);
      if (!m) continue;
      const file = path.join(this.folder, name);
      const pid = Number(m[1]);
      const stale = pid === process.pid || !isAlive(pid) || Date.now() - ((await fs.stat(file).catch(() => undefined))?.mtimeMs ?? 0) > STALE_AFTER_MS;
      if (stale) await fs.rm(file, { force: true }).catch(() => undefined);
    }
  }

  /**
   * Writes the cache through a temporary file renamed into place, one entry at a time, so
   * saving 100,000 articles never builds the whole file in memory. Failures (read-only
   * folder, full disk) are reported, not thrown.
   */
  async save(entries: Map<string, CacheEntry>): Promise<string | undefined> {
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      await fs.mkdir(this.folder, { recursive: true });
      const encoder = new CacheEncoder({ magic: MAGIC, format: FORMAT, engine: this.engineVersion });
      const out = createWriteStream(tmp);
      const failed = new Promise<never>((_, reject) => out.once('error', reject));
      for (const [uri, entry] of entries) {
        if (!out.write(encoder.entry(uri, entry))) await Promise.race([once(out, 'drain'), failed]);
      }
      out.end(encoder.trailer());
      await Promise.race([once(out, 'finish'), failed]);
      await fs.rename(tmp, this.file);
      return undefined;
    } catch (error) {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
      return `could not write the cache at ${this.file}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}

/**
 * A fingerprint of the code that makes and reads cached analyses (the server, the worker and
 * the engine bundles): a cache from another build is never trusted. A file that cannot be
 * read counts as its own name, so the fingerprint still changes when it reappears.
 */
export function engineFingerprint(files: string[] = [__filename]): string {
  const hash = createHash('sha1');
  for (const file of files) {
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update(`missing ${file}`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** Whether a process of this id exists (signal 0 tests without sending anything). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}
