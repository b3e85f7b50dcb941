import { createHash, type Hash } from 'node:crypto';
import type { ArticleAnalysis } from '../analysis/types';
import type { CachedArticle } from './articleSource';

/**
 * A compact binary encoding of cached articles. Each mention list is stored as columns of
 * 32-bit integers: small integers (offsets) as themselves, everything else (strings, flags,
 * decimals) as an index into one value table shared by the whole file, so "person:vladimir
 * putin" is written once, not ten thousand times. A mention's `text` is not stored: it is the
 * article text between start and end. Decoding is array reads and object creation, with no
 * text parsing but the article texts and one small JSON table.
 *
 * Layout: entries, then the trailer JSON (value table, column names, count, sha1 of the
 * entries), then the trailer's byte length (uint32) and the magic "CLC3".
 */


const MAGIC = 'CLC3';
const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const UNDEFINED = -2147483648;
const LISTS = ['entities', 'dates', 'figures'] as const;
type ListName = (typeof LISTS)[number];

/** Writes entries one at a time (each returns its bytes), then the trailer. */
export class CacheEncoder {
  private readonly values: unknown[] = [];
  private readonly valueIndex = new Map<string, number>();
  private readonly fields: Record<ListName, string[]> = { entities: [], dates: [], figures: [] };
  private readonly hash: Hash = createHash('sha1');
  private count = 0;

  constructor(private readonly extra: Record<string, unknown>) {}

  private ref(value: unknown): number {
    const key = typeof value === 'string' ? `s${value}` : JSON.stringify(value);
    let index = this.valueIndex.get(key);
    if (index === undefined) {
      index = this.values.length;
      this.values.push(value);
      this.valueIndex.set(key, index);
    }
    return index;
  }

  private cell(value: unknown): number {
    if (value === undefined) return UNDEFINED;
    if (typeof value === 'number' && Number.isInteger(value) && value > -(2 ** 29) && value < 2 ** 29) return value * 2;
    return this.ref(value) * 2 + 1;
  }

  /** The bytes of one entry. */
  entry(uri: string, e: CachedArticle): Buffer {
    const text = Buffer.from(e.text, 'utf8');
    const { entities, dates, figures, ...meta } = e.analysis;
    const ints: number[] = [this.ref(uri), this.ref(e.size), this.ref(e.mtimeMs), this.ref(e.hash), this.cell(e.articleDate), this.ref(meta), text.length];
    const lists: Record<ListName, object[]> = { entities, dates, figures };
    for (const name of LISTS) {
      const list = lists[name] as Record<string, unknown>[];
      const fields = this.fields[name];
      for (const item of list) for (const key of Object.keys(item)) if (key !== 'text' && !fields.includes(key)) fields.push(key);
      ints.push(list.length, fields.length);
      for (const field of fields) for (const item of list) ints.push(this.cell(item[field]));
    }
    const head = Buffer.alloc(4 + ints.length * 4);
    head.writeUInt32LE(ints.length, 0);
    ints.forEach((n, i) => head.writeInt32LE(n, 4 + i * 4));
    const pad = Buffer.alloc((4 - (text.length % 4)) % 4);
    const bytes = Buffer.concat([head, text, pad]);
    this.hash.update(bytes);
    this.count++;
    return bytes;
  }

  /** The trailer that ends the file. */
  trailer(): Buffer {
    const json = Buffer.from(JSON.stringify({ ...this.extra, count: this.count, sha1: this.hash.digest('hex'), fields: this.fields, values: this.values }), 'utf8');
    const tail = Buffer.alloc(8);
    tail.writeUInt32LE(json.length, 0);
    tail.write(MAGIC, 4, 'latin1');
    return Buffer.concat([json, tail]);
  }
}

/** Reads a whole cache file; throws a plain message on anything that does not check out. */
export function decodeCache(bytes: Buffer): { extra: Record<string, unknown>; entries: [string, CachedArticle][] } {
  if (bytes.length < 8 || bytes.toString('latin1', bytes.length - 4) !== MAGIC) throw new Error('not a Corpus Lens cache (or truncated)');
  const trailerLength = bytes.readUInt32LE(bytes.length - 8);
  const trailerStart = bytes.length - 8 - trailerLength;
  if (trailerStart < 0) throw new Error('truncated');
  const trailer = JSON.parse(bytes.toString('utf8', trailerStart, bytes.length - 8)) as { count: number; sha1: string; fields: Record<ListName, string[]>; values: unknown[] } & Record<string, unknown>;
  const body = bytes.subarray(0, trailerStart);
  if (createHash('sha1').update(body).digest('hex') !== trailer.sha1) throw new Error('checksum mismatch (truncated or corrupt)');
  const { values, fields } = trailer;
  const value = (ref: number) => {
    if (ref < 0 || ref >= values.length) throw new Error('value out of range');
    return values[ref];
  };
  const cell = (x: number) => (x === UNDEFINED ? undefined : (x & 1) === 0 ? x / 2 : value((x - 1) / 2));
  const entries: [string, CachedArticle][] = [];
  let at = 0;
  while (at < body.length) {
    const n = body.readUInt32LE(at);
    if (at + 4 + n * 4 > body.length) throw new Error('entry overruns the file');
    // Entries are 4-byte aligned, so the integers can be viewed in place when the buffer is.
    const aligned = (body.byteOffset + at + 4) % 4 === 0 && littleEndian;
    const ints = aligned ? new Int32Array(body.buffer, body.byteOffset + at + 4, n) : Int32Array.from({ length: n }, (_, i) => body.readInt32LE(at + 4 + i * 4));
    at += 4 + n * 4;
    const textLength = ints[6];
    if (at + textLength > body.length) throw new Error('entry overruns the file');
    const text = body.toString('utf8', at, at + textLength);
    at += textLength + ((4 - (textLength % 4)) % 4);
    const analysis = { ...(value(ints[5]) as object), entities: [], dates: [], figures: [] } as unknown as ArticleAnalysis;
    let p = 7;
    for (const name of LISTS) {
      const count = ints[p++];
      const fieldCount = ints[p++];
      const names = fields[name].slice(0, fieldCount);
      // Columns are stored field by field; objects are built one at a time so they share a shape.
      const list: Record<string, unknown>[] = new Array(count);
      for (let i = 0; i < count; i++) {
        const item: Record<string, unknown> = {};
        for (let f = 0; f < names.length; f++) {
          const v = cell(ints[p + f * count + i]);
          if (v !== undefined) item[names[f]] = v;
        }
        list[i] = item;
      }
      p += names.length * count;
      for (const item of list) {
        const start = item.start as number;
        const end = item.end as number;
        if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length)) throw new Error('mention out of range');
        item.text = text.slice(start, end);
      }
      (analysis as unknown as Record<string, unknown>)[name] = list;
    }
    const articleDate = cell(ints[4]) as string | undefined;
    entries.push([value(ints[0]) as string, { size: value(ints[1]) as number, mtimeMs: value(ints[2]) as number, hash: value(ints[3]) as string, text, ...(articleDate !== undefined ? { articleDate } : {}), analysis }]);
  }
  if (entries.length !== trailer.count) throw new Error('entry count mismatch');
  const { count: _count, sha1: _sha1, fields: _fields, values: _values, ...extra } = trailer;
  return { extra, entries };
}
