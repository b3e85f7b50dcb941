import { createHash } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ArticleAnalysis } from '../analysis/types';

/** One article as it was last read from disk and analysed. */
export interface CacheEntry {
  size: number;
  mtimeMs: number;
  /** Content hash of the text. */
  hash: string;
  text: string;
  articleDate?: string;
  analysis: ArticleAnalysis;
}

const MAGIC = 'corpus-lens-cache';
const FORMAT = 2;
const FILE_NAME = 'corpus-cache.bin';

/**
 * A persistent cache of per-article analyses in the extension's storage folder (never the
 * workspace). One file: a header line with a checksum, then a V8-serialised body. Anything
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

  /** Loads the cache; returns an empty map and a reason when it cannot be used. */
  async load(): Promise<{ entries: Map<string, CacheEntry>; problem?: string }> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(this.file);
    } catch (error) {
      const code = (error as { code?: string }).code;
      return { entries: new Map(), problem: code === 'ENOENT' ? undefined : `cache unreadable (${code ?? String(error)}); rebuilding` };
    }
    try {
      const newline = bytes.indexOf(0x0a);
      if (newline < 0) throw new Error('no header');
      const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as { magic?: string; format?: number; engine?: string; sha1?: string; count?: number };
      if (header.magic !== MAGIC || header.format !== FORMAT) throw new Error('not a Corpus Lens cache of this format');
      if (header.engine !== this.engineVersion) return { entries: new Map(), problem: 'cache made by another version of the analysis; rebuilding' };
      const body = bytes.subarray(newline + 1);
      if (createHash('sha1').update(body).digest('hex') !== header.sha1) throw new Error('checksum mismatch (truncated or corrupt)');
      const list = JSON.parse(body.toString('utf8')) as [string, StoredEntry][];
      if (!Array.isArray(list) || list.length !== header.count) throw new Error('entry count mismatch');
      return { entries: new Map(list.map(([uri, stored]) => [uri, decodeEntry(stored)])) };
    } catch (error) {
      return { entries: new Map(), problem: `cache ignored: ${error instanceof Error ? error.message : String(error)}; rebuilding` };
    }
  }

  /** Writes the cache atomically. Failures (read-only folder, full disk) are reported, not thrown. */
  async save(entries: Map<string, CacheEntry>): Promise<string | undefined> {
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      await fs.mkdir(this.folder, { recursive: true });
      const body = Buffer.from(JSON.stringify([...entries].map(([uri, entry]) => [uri, encodeEntry(entry)])), 'utf8');
      const header = JSON.stringify({ magic: MAGIC, format: FORMAT, engine: this.engineVersion, sha1: createHash('sha1').update(body).digest('hex'), count: entries.size });
      await fs.writeFile(tmp, Buffer.concat([Buffer.from(`${header}\n`, 'utf8'), body]));
      await fs.rename(tmp, this.file);
      return undefined;
    } catch (error) {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
      return `could not write the cache at ${this.file}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}

/** A fingerprint of the running server code: a cache from another build is never trusted. */
export function engineFingerprint(file: string = __filename): string {
  try {
    return createHash('sha1').update(readFileSync(file)).digest('hex').slice(0, 16);
  } catch {
    return 'unknown';
  }
}

/**
 * The stored form of an entry: each mention list as a shape (its field names) plus rows of
 * values, and without each mention's `text`, which is the article text between start and
 * end. That makes the cache about half the size of plain JSON, and faster to parse.
 */
interface StoredEntry {
  size: number;
  mtimeMs: number;
  hash: string;
  text: string;
  articleDate?: string;
  analysis: Omit<ArticleAnalysis, 'entities' | 'dates' | 'figures'> & { entities: Table; dates: Table; figures: Table };
}

interface Table {
  shape: string[];
  rows: unknown[][];
}

function encodeTable(list: object[]): Table {
  const shape: string[] = [];
  const seen = new Set<string>();
  for (const item of list) for (const key of Object.keys(item)) if (key !== 'text' && !seen.has(key)) (seen.add(key), shape.push(key));
  return { shape, rows: list.map((item) => shape.map((key) => (item as Record<string, unknown>)[key] ?? null)) };
}

function decodeTable<T>(table: Table, text: string): T[] {
  if (!table || !Array.isArray(table.shape) || !Array.isArray(table.rows)) throw new Error('malformed mention table');
  return table.rows.map((row) => {
    const item: Record<string, unknown> = {};
    table.shape.forEach((key, i) => {
      if (row[i] !== null) item[key] = row[i];
    });
    const start = item.start as number;
    const end = item.end as number;
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length)) throw new Error('mention out of range');
    item.text = text.slice(start, end);
    return item as T;
  });
}

function encodeEntry(entry: CacheEntry): StoredEntry {
  const { entities, dates, figures, ...rest } = entry.analysis;
  return { ...entry, analysis: { ...rest, entities: encodeTable(entities), dates: encodeTable(dates), figures: encodeTable(figures) } };
}

function decodeEntry(stored: StoredEntry): CacheEntry {
  if (typeof stored?.text !== 'string' || typeof stored.hash !== 'string') throw new Error('malformed entry');
  const { entities, dates, figures, ...rest } = stored.analysis;
  return {
    ...stored,
    analysis: { ...rest, entities: decodeTable(entities, stored.text), dates: decodeTable(dates, stored.text), figures: decodeTable(figures, stored.text) },
  };
}
