import { createHash, type Hash } from 'node:crypto';
import { type AnalysisMeta, ENTITY_FIELDS, DATE_FIELDS, FIGURE_FIELDS, type PackedAnalysis } from '../corpus/packed';
import { UNDEFINED, type ValueTable } from '../corpus/valueTable';
import type { CachedArticle } from './articleSource';

/**
 * The cache file: each article's mention columns as the corpus keeps them (corpus/packed.ts),
 * with the corpus's value-table indices turned into indices of one table stored in the
 * file, so "person:vladimir putin" is written once, not ten thousand times. Loading is a copy
 * of the columns with the indices mapped back, and no object per mention.
 *
 * Entry: int32 count, then [uri, size, mtime, hash, article date setting, meta, text bytes,
 * entities, dates, figures, ...cells], then the UTF-8 text padded to 4 bytes. The file ends
 * with the trailer JSON (value table, field names, count, sha1 of the entries), its byte
 * length (uint32) and the magic "CLC4".
 */

const MAGIC = 'CLC4';
const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const FIELDS = { entities: [...ENTITY_FIELDS], dates: [...DATE_FIELDS], figures: [...FIGURE_FIELDS] };
const HEAD = 10;

/** Writes entries one at a time (each returns its bytes), then the trailer. */
export class CacheEncoder {
  private readonly fileValues: unknown[] = [];
  private readonly fileIndex = new Map<string, number>();
  /** Corpus value index → file value index, -1 until first used. */
  private fromProcess = new Int32Array(1024).fill(-1);
  /** The value table of the entries' corpus (all entries share one). */
  private table: ValueTable | undefined;
  private readonly hash: Hash = createHash('sha1');
  private count = 0;

  constructor(private readonly extra: Record<string, unknown>) {}

  private ref(value: unknown): number {
    const key = typeof value === 'string' ? `s${value}` : JSON.stringify(value);
    let index = this.fileIndex.get(key);
    if (index === undefined) {
      index = this.fileValues.length;
      this.fileValues.push(value);
      this.fileIndex.set(key, index);
    }
    return index;
  }

  private cell(processCell: number): number {
    if (processCell === UNDEFINED || (processCell & 1) === 0) return processCell;
    const processIndex = (processCell - 1) / 2;
    if (processIndex >= this.fromProcess.length) {
      const grown = new Int32Array(Math.max(processIndex + 1, this.fromProcess.length * 2)).fill(-1);
      grown.set(this.fromProcess);
      this.fromProcess = grown;
    }
    let index = this.fromProcess[processIndex];
    if (index < 0) index = this.fromProcess[processIndex] = this.ref(this.table!.valueAt(processIndex));
    return index * 2 + 1;
  }

  /** The bytes of one entry. */
  entry(uri: string, e: CachedArticle): Buffer {
    this.table ??= e.article.table;
    if (e.article.table !== this.table) throw new Error('cache entries from two corpora');
    const text = Buffer.from(e.article.text, 'utf8');
    const { cells, counts, meta } = e.article.packed;
    const pad = (4 - (text.length % 4)) % 4;
    const bytes = Buffer.alloc(4 + (HEAD + cells.length) * 4 + text.length + pad);
    const head = [HEAD + cells.length, this.ref(uri), this.ref(e.size), this.ref(e.mtimeMs), this.ref(e.article.hash), e.articleDate === undefined ? UNDEFINED : this.ref(e.articleDate), this.ref(meta), text.length, ...counts];
    if (littleEndian) {
      // Written through an Int32Array over the buffer: one store per cell, not a call.
      const ints = new Int32Array(bytes.buffer, bytes.byteOffset, 1 + HEAD + cells.length);
      ints.set(head);
      for (let i = 0; i < cells.length; i++) ints[1 + HEAD + i] = this.cell(cells[i]);
    } else {
      head.forEach((n, i) => bytes.writeInt32LE(n, i * 4));
      for (let i = 0; i < cells.length; i++) bytes.writeInt32LE(this.cell(cells[i]), (1 + HEAD + i) * 4);
    }
    text.copy(bytes, 4 + (HEAD + cells.length) * 4);
    this.hash.update(bytes);
    this.count++;
    return bytes;
  }

  /** The trailer that ends the file. */
  trailer(): Buffer {
    const json = Buffer.from(JSON.stringify({ ...this.extra, count: this.count, sha1: this.hash.digest('hex'), fields: FIELDS, values: this.fileValues }), 'utf8');
    const tail = Buffer.alloc(8);
    tail.writeUInt32LE(json.length, 0);
    tail.write(MAGIC, 4, 'latin1');
    return Buffer.concat([json, tail]);
  }
}

/** The trailer at the end of a cache file. */
interface Trailer {
  count: number;
  sha1: string;
  fields: typeof FIELDS;
  values: unknown[];
  [extra: string]: unknown;
}

/** Where the trailer of a cache file of `size` bytes lies, from its last 8 bytes. */
export function trailerRange(tail: Buffer, size: number): { start: number; end: number } {
  if (size < 8 || tail.length !== 8 || tail.toString('latin1', 4) !== MAGIC) throw new Error('not a Corpus Lens cache of this format (or truncated)');
  const length = tail.readUInt32LE(0);
  const start = size - 8 - length;
  if (start < 0) throw new Error('truncated');
  return { start, end: size - 8 };
}

/**
 * Decodes the entries of a cache file fed in chunks of any size, so a 600 MB cache never sits
 * in memory whole beside what it decodes to. Nothing is trusted until `finish()` has checked
 * the checksum and the count.
 */
export class CacheDecoder {
  readonly extra: Record<string, unknown>;
  readonly entries: [string, CachedArticle][] = [];
  private readonly trailer: Trailer;
  private readonly hash: Hash = createHash('sha1');
  /** File value index → corpus value index, filled on first use. */
  private readonly toProcess: Int32Array;
  private pending: Buffer = Buffer.alloc(0);

  /** Decodes into cells of `table`, the value table of the corpus the entries are for. */
  constructor(
    trailerBytes: Buffer,
    private readonly table: ValueTable,
  ) {
    this.trailer = JSON.parse(trailerBytes.toString('utf8')) as Trailer;
    if (JSON.stringify(this.trailer.fields) !== JSON.stringify(FIELDS)) throw new Error('made with other mention fields');
    if (!Array.isArray(this.trailer.values)) throw new Error('no value table');
    this.toProcess = new Int32Array(this.trailer.values.length).fill(-1);
    const { count: _count, sha1: _sha1, fields: _fields, values: _values, ...extra } = this.trailer;
    this.extra = extra;
  }

  /** Decodes the whole entries that the bytes so far complete. */
  push(chunk: Buffer): void {
    this.hash.update(chunk);
    const body = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    let at = 0;
    while (body.length - at >= 4) {
      const n = body.readUInt32LE(at);
      if (n < HEAD) throw new Error('entry too short');
      if (body.length - at < 4 + n * 4) break;
      const textLength = body.readInt32LE(at + 4 + 6 * 4);
      if (textLength < 0) throw new Error('entry overruns the file');
      const size = 4 + n * 4 + textLength + ((4 - (textLength % 4)) % 4);
      if (body.length - at < size) break;
      this.entry(body, at, n, textLength);
      at += size;
    }
    // Copied, so the chunk it came from can go.
    this.pending = Buffer.from(body.subarray(at));
  }

  /** Checks that the file was whole and intact; throws a plain message when not. */
  finish(): { extra: Record<string, unknown>; entries: [string, CachedArticle][] } {
    if (this.pending.length) throw new Error('entry overruns the file');
    if (this.hash.digest('hex') !== this.trailer.sha1) throw new Error('checksum mismatch (truncated or corrupt)');
    if (this.entries.length !== this.trailer.count) throw new Error('entry count mismatch');
    return { extra: this.extra, entries: this.entries };
  }

  private value(ref: number): unknown {
    const values = this.trailer.values;
    if (!(ref >= 0 && ref < values.length)) throw new Error('value out of range');
    return values[ref];
  }

  private entry(body: Buffer, at: number, n: number, textLength: number): void {
    // Entries are 4-byte aligned, so the integers can be viewed in place when the buffer is.
    const aligned = (body.byteOffset + at + 4) % 4 === 0 && littleEndian;
    const ints = aligned ? new Int32Array(body.buffer, body.byteOffset + at + 4, n) : Int32Array.from({ length: n }, (_, i) => body.readInt32LE(at + 4 + i * 4));
    const textStart = at + 4 + n * 4;
    const text = body.toString('utf8', textStart, textStart + textLength);
    const counts: [number, number, number] = [ints[7], ints[8], ints[9]];
    if (counts.some((c) => !(c >= 0)) || HEAD + counts[0] * WIDTHS[0] + counts[1] * WIDTHS[1] + counts[2] * WIDTHS[2] !== n) throw new Error('entry size mismatch');
    const fileValues = this.trailer.values;
    const toProcess = this.toProcess;
    const cells = new Int32Array(n - HEAD);
    for (let i = 0; i < cells.length; i++) {
      const x = ints[HEAD + i];
      if (x === UNDEFINED || (x & 1) === 0) cells[i] = x;
      else {
        const fileIndex = (x - 1) / 2;
        // A negative odd cell is no index either (it would read as the number 0).
        if (!(fileIndex >= 0 && fileIndex < fileValues.length)) throw new Error('value out of range');
        let processIndex = toProcess[fileIndex];
        if (processIndex === -1) processIndex = toProcess[fileIndex] = this.table.indexOf(fileValues[fileIndex]);
        cells[i] = processIndex * 2 + 1;
      }
    }
    // Every mention's span must lie in the text: starts and ends are the first two columns of each list.
    let base = 0;
    for (let l = 0; l < 3; l++) {
      const count = counts[l];
      for (let i = 0; i < count; i++) {
        const start = cells[base + i];
        const end = cells[base + count + i];
        if (!((start & 1) === 0 && (end & 1) === 0 && 0 <= start && start <= end && end / 2 <= text.length)) throw new Error('mention out of range');
      }
      base += count * WIDTHS[l];
    }
    const packed: PackedAnalysis = { meta: this.value(ints[5]) as AnalysisMeta, counts, cells };
    const articleDate = ints[4] === UNDEFINED ? undefined : (this.value(ints[4]) as string);
    const article = { text, hash: this.value(ints[3]) as string, packed, table: this.table };
    this.entries.push([this.value(ints[0]) as string, { size: this.value(ints[1]) as number, mtimeMs: this.value(ints[2]) as number, ...(articleDate !== undefined ? { articleDate } : {}), article }]);
  }
}

const WIDTHS = [ENTITY_FIELDS.length, DATE_FIELDS.length, FIGURE_FIELDS.length];
