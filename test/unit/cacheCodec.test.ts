import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/analysis';
import { DATE_FIELDS, ENTITY_FIELDS, FIGURE_FIELDS, unpack } from '../../server/src/corpus/packed';
import { packArticle } from '../../server/src/corpus/packedArticle';
import { UNDEFINED, ValueTable } from '../../server/src/corpus/valueTable';
import type { CachedArticle } from '../../server/src/host/articleSource';
import { CacheDecoder, CacheEncoder, trailerRange } from '../../server/src/host/cacheCodec';

// The cache file's codec, byte by byte: what the encoder writes, what the decoder gives back in
// another corpus's value table, and every kind of damaged entry it refuses. Sample articles
// are invented for these tests.

const ARTICLES = [
  'Harbour Talks\ndate 2024-03-05\n\nMs Ilse Marrow said on 2024-03-04 that 4,000 workers would return to Kestrel Bay.\n',
  // Curly quotes, an accented name and a dash: UTF-8 bytes outnumber UTF-16 units.
  'Quay “Vote”\ndate 2024-03-06\n\nDockers of Kestrel Bay — led by José Añorve — voted; 62% backed a $1.5 billion plan.\n',
  '',
  'Brief\n\nTomas Fell.',
];

/** A table already holding other values, so its indices differ from any other's. */
function tableWith(junk: number): ValueTable {
  const table = new ValueTable();
  for (let i = 0; i < junk; i++) table.indexOf(`unrelated value ${i}`);
  return table;
}

function cached(table: ValueTable, text: string, extra: Partial<CachedArticle> = {}): CachedArticle {
  return { size: Buffer.byteLength(text), mtimeMs: 1_712_345_678_901.5, article: packArticle(table, text, analyzeArticle(text)), ...extra };
}

/** Encodes entries, returning the body (the entries' bytes) and the trailer. */
function encode(entries: [string, CachedArticle][], extra: Record<string, unknown> = { magic: 'test' }): { body: Buffer; trailer: Buffer; file: Buffer } {
  const encoder = new CacheEncoder(extra);
  const body = Buffer.concat(entries.map(([uri, e]) => encoder.entry(uri, e)));
  const trailer = encoder.trailer();
  return { body, trailer, file: Buffer.concat([body, trailer]) };
}

function trailerJson(file: Buffer): Record<string, unknown> & { values: unknown[]; count: number; sha1: string } {
  const { start, end } = trailerRange(file.subarray(file.length - 8), file.length);
  return JSON.parse(file.subarray(start, end).toString('utf8'));
}

function decodeFile(file: Buffer, table: ValueTable) {
  const { start, end } = trailerRange(file.subarray(file.length - 8), file.length);
  const decoder = new CacheDecoder(file.subarray(start, end), table);
  decoder.push(file.subarray(0, start));
  return decoder.finish();
}

/** The trailer bytes a decoder takes, with a value table of its own. */
function trailerOf(values: unknown[], body: Buffer, count = 1): Buffer {
  const fields = { entities: [...ENTITY_FIELDS], dates: [...DATE_FIELDS], figures: [...FIGURE_FIELDS] };
  return Buffer.from(JSON.stringify({ magic: 'test', count, sha1: createHash('sha1').update(body).digest('hex'), fields, values }), 'utf8');
}

/** Values of the hand-made entries below: uri, size, mtime, hash, article date, meta, a key. */
const VALUES = ['file:///w/x.txt', 12, 5, 'h1:12', '2024-01-02', { headline: 'x', problems: [] }, 'person:ilse marrow'];

/**
 * One entry written by hand: `head` gives the value refs of uri, size, mtime, hash, article date
 * and meta, then the text length and the three counts; `cells` the mention columns.
 */
function rawEntry(opts: { cells?: number[]; counts?: [number, number, number]; text?: string; n?: number; textLength?: number; refs?: number[] }): Buffer {
  const text = Buffer.from(opts.text ?? 'Ilse Marrow.', 'utf8');
  const cells = opts.cells ?? [];
  const counts = opts.counts ?? [0, 0, 0];
  const refs = opts.refs ?? [0, 1, 2, 3, 4, 5];
  const ints = [opts.n ?? 10 + cells.length, ...refs, opts.textLength ?? text.length, ...counts, ...cells];
  const pad = (4 - (text.length % 4)) % 4;
  const bytes = Buffer.alloc(ints.length * 4 + text.length + pad);
  ints.forEach((v, i) => bytes.writeInt32LE(v, i * 4));
  text.copy(bytes, ints.length * 4);
  return bytes;
}

/** One entity's ten columns: start and end (offsets), kind, key, then absent fields. */
function entityCells(start: number, end: number): number[] {
  return [start * 2, end * 2, 6 * 2 + 1, 6 * 2 + 1, UNDEFINED, UNDEFINED, UNDEFINED, UNDEFINED, UNDEFINED, UNDEFINED];
}

/** One mention's columns of a list of `width` fields: start, end, then absent fields. */
function spanCells(start: number, end: number, width: number): number[] {
  return [start * 2, end * 2, ...new Array<number>(width - 2).fill(UNDEFINED)];
}

function decodeRaw(body: Buffer, count = 1, table = new ValueTable()) {
  const decoder = new CacheDecoder(trailerOf(VALUES, body, count), table);
  decoder.push(body);
  return decoder.finish();
}

describe('the cache codec', () => {
  it('gives back every mention, field and value in a table whose indices differ from the writer\'s', () => {
    // More than 2,048 values before the articles' own: the encoder's index map must grow twice.
    const writer = tableWith(3000);
    const entries: [string, CachedArticle][] = ARTICLES.map((t, i) => [`file:///w/${i}.txt`, cached(writer, t, i === 1 ? { articleDate: '2024-03-01' } : {})]);
    const { file } = encode(entries);
    const reader = tableWith(7);
    const decoded = decodeFile(file, reader);
    assert.deepEqual(decoded.extra, { magic: 'test' });
    assert.deepEqual(decoded.entries.map(([uri]) => uri), entries.map(([uri]) => uri));
    decoded.entries.forEach(([, got], i) => {
      const want = entries[i][1];
      assert.equal(got.article.text, want.article.text);
      assert.equal(got.article.hash, want.article.hash);
      assert.equal(got.article.table, reader);
      assert.deepEqual([got.size, got.mtimeMs], [want.size, want.mtimeMs]);
      assert.deepEqual(got.article.packed.counts, want.article.packed.counts);
      // The meta goes through JSON: a field that is undefined is absent.
      assert.deepEqual(got.article.packed.meta, JSON.parse(JSON.stringify(want.article.packed.meta)));
      const [g, w] = [unpack(reader, got.article.packed, got.article.text), unpack(writer, want.article.packed, want.article.text)];
      assert.deepEqual([g.entities, g.dates, g.figures], [w.entities, w.dates, w.figures], `article ${i}`);
    });
    // The article date is there when it was set, and absent (not undefined) when not.
    assert.equal(decoded.entries[1][1].articleDate, '2024-03-01');
    assert.ok(!('articleDate' in decoded.entries[0][1]));
    // The sample articles do have mentions of every list, with values that are not small integers.
    const quay = unpack(writer, entries[1][1].article.packed, ARTICLES[1]);
    assert.ok(quay.entities.some((e) => e.text === 'José Añorve'));
    assert.ok(quay.figures.some((f) => f.value === 1.5e9));
  });

  it('writes each value once, only the values the entries use, and tells a string from a number', () => {
    const writer = tableWith(50);
    const text = ARTICLES[0];
    // The uri "5" and the size and mtime 5: one value each, never confused.
    const a = cached(writer, text, { size: 5, mtimeMs: 5 });
    const { file } = encode([['5', a], ['file:///w/again.txt', cached(writer, text)]]);
    const json = trailerJson(file);
    const values = json.values;
    assert.equal(new Set(values.map((v) => JSON.stringify(v))).size, values.length, 'no value twice');
    assert.ok(!values.some((v) => typeof v === 'string' && v.startsWith('unrelated value')), 'nothing of the writer\'s table the entries do not use');
    assert.ok(values.includes('5') && values.includes(5));
    assert.equal(values.filter((v) => v === 'person:ilse marrow').length, 1);
    assert.equal(json.count, 2);
    const decoded = decodeFile(file, new ValueTable());
    assert.deepEqual(decoded.entries.map(([uri, e]) => [uri, e.size, e.mtimeMs]), [['5', 5, 5], ['file:///w/again.txt', Buffer.byteLength(text), 1_712_345_678_901.5]]);
  });

  it('ends the file with the trailer, its length and the magic, and keeps the extra fields', () => {
    const table = new ValueTable();
    const { body, trailer, file } = encode([['file:///w/a.txt', cached(table, ARTICLES[3])]], { magic: 'corpus-lens-cache', format: 4, engine: 'e1' });
    assert.equal(trailer.toString('latin1', trailer.length - 4), 'CLC4');
    assert.equal(trailer.readUInt32LE(trailer.length - 8), trailer.length - 8);
    assert.deepEqual(trailerRange(file.subarray(file.length - 8), file.length), { start: body.length, end: file.length - 8 });
    const json = trailerJson(file);
    assert.equal(json.sha1, createHash('sha1').update(body).digest('hex'));
    assert.deepEqual(json.fields, { entities: [...ENTITY_FIELDS], dates: [...DATE_FIELDS], figures: [...FIGURE_FIELDS] });
    assert.deepEqual(decodeFile(file, new ValueTable()).extra, { magic: 'corpus-lens-cache', format: 4, engine: 'e1' });
    // Every entry is a whole number of 4-byte words: its text is padded.
    assert.equal(body.length % 4, 0);
    assert.equal(Buffer.byteLength(ARTICLES[3]), 18);
    assert.equal(4 + body.readInt32LE(0) * 4 + 18 + 2, body.length);
  });

  it('reads a cache with no entries', () => {
    const { file } = encode([]);
    assert.deepEqual(trailerRange(file.subarray(file.length - 8), file.length).start, 0);
    assert.deepEqual(decodeFile(file, new ValueTable()).entries, []);
  });

  it('refuses entries of two corpora in one file', () => {
    const encoder = new CacheEncoder({});
    encoder.entry('file:///w/a.txt', cached(new ValueTable(), ARTICLES[3]));
    assert.throws(() => encoder.entry('file:///w/b.txt', cached(new ValueTable(), ARTICLES[3])), /cache entries from two corpora/);
  });

  it('finds the trailer only at the end of a whole file of this format', () => {
    const tail = (length: number, magic = 'CLC4') => {
      const b = Buffer.alloc(8);
      b.writeUInt32LE(length, 0);
      b.write(magic, 4, 'latin1');
      return b;
    };
    assert.deepEqual(trailerRange(tail(0), 8), { start: 0, end: 0 });
    assert.deepEqual(trailerRange(tail(2), 10), { start: 0, end: 2 });
    assert.deepEqual(trailerRange(tail(2), 30), { start: 20, end: 22 });
    assert.throws(() => trailerRange(tail(3), 10), /^Error: truncated$/);
    assert.throws(() => trailerRange(tail(0), 7), /not a Corpus Lens cache/);
    assert.throws(() => trailerRange(tail(0, 'CLC3'), 100), /not a Corpus Lens cache/);
    assert.throws(() => trailerRange(tail(0).subarray(0, 7), 100), /not a Corpus Lens cache/);
  });

  it('decodes the same entries from a buffer that is not 4-byte aligned', () => {
    const table = new ValueTable();
    const { body, file } = encode(ARTICLES.map((t, i) => [`file:///w/${i}.txt`, cached(table, t)]));
    const expected = decodeFile(file, new ValueTable()).entries;
    const { start, end } = trailerRange(file.subarray(file.length - 8), file.length);
    const odd = Buffer.alloc(body.length + 1).subarray(1);
    body.copy(odd);
    assert.notEqual(odd.byteOffset % 4, 0);
    const decoder = new CacheDecoder(file.subarray(start, end), new ValueTable());
    decoder.push(odd);
    const got = decoder.finish().entries;
    assert.deepEqual(got.map(([uri, e]) => [uri, e.article.text, [...e.article.packed.cells]]), expected.map(([uri, e]) => [uri, e.article.text, [...e.article.packed.cells]]));
  });

  it('decodes hand-made entries at the edges: no mentions, no text, a mention from the first to the last character', () => {
    const text = 'Ilse Marrow.';
    const entries = [
      rawEntry({ text: '' }),
      rawEntry({ text }),
      rawEntry({ text, counts: [1, 0, 0], cells: entityCells(0, text.length) }),
      rawEntry({ text, counts: [1, 1, 1], cells: [...entityCells(0, 4), ...spanCells(5, 5, DATE_FIELDS.length), ...spanCells(text.length, text.length, FIGURE_FIELDS.length)] }),
    ];
    const body = Buffer.concat(entries);
    const decoded = decodeRaw(body, entries.length);
    assert.deepEqual(decoded.entries.map(([uri, e]) => [uri, e.size, e.mtimeMs, e.article.hash, e.articleDate, e.article.text, e.article.packed.counts]), [
      ['file:///w/x.txt', 12, 5, 'h1:12', '2024-01-02', '', [0, 0, 0]],
      ['file:///w/x.txt', 12, 5, 'h1:12', '2024-01-02', text, [0, 0, 0]],
      ['file:///w/x.txt', 12, 5, 'h1:12', '2024-01-02', text, [1, 0, 0]],
      ['file:///w/x.txt', 12, 5, 'h1:12', '2024-01-02', text, [1, 1, 1]],
    ]);
    assert.deepEqual(decoded.entries[0][1].article.packed.meta, { headline: 'x', problems: [] });
    const reader = new ValueTable();
    const one = decodeRaw(rawEntry({ text, counts: [1, 0, 0], cells: entityCells(0, text.length) }), 1, reader).entries[0][1];
    assert.deepEqual(unpack(reader, one.article.packed, text).entities, [{ start: 0, end: 12, kind: 'person:ilse marrow', key: 'person:ilse marrow', text }]);
    // An entry with no text and no mentions ends exactly where its head does.
    assert.equal(decodeRaw(rawEntry({ text: '' })).entries[0][1].article.text, '');
    // An entry without an article date (its ref is UNDEFINED) has none.
    const undated = decodeRaw(rawEntry({ refs: [0, 1, 2, 3, UNDEFINED, 5] })).entries[0][1];
    assert.ok(!('articleDate' in undated));
  });

  it('refuses damaged entries with a plain message', () => {
    const text = 'Ilse Marrow.';
    const refuses = (body: Buffer, message: RegExp, why: string) => assert.throws(() => decodeRaw(body), message, why);
    refuses(rawEntry({ n: 9 }), /^Error: entry too short$/, 'an entry shorter than its head');
    refuses(rawEntry({ textLength: -1 }), /^Error: entry overruns the file$/, 'a negative text length');
    refuses(rawEntry({ text: '', textLength: -4 }), /^Error: entry overruns the file$/, 'a negative text length the padding would hide');
    refuses(Buffer.concat([rawEntry({}), Buffer.alloc(4)]), /^Error: entry too short$/, 'a zero length after a whole entry');
    refuses(rawEntry({ textLength: 13 }), /^Error: entry overruns the file$/, 'a text longer than the bytes left');
    refuses(rawEntry({}).subarray(0, 3), /^Error: entry overruns the file$/, 'less than a length');
    refuses(rawEntry({}).subarray(0, 20), /^Error: entry overruns the file$/, 'less than the head');
    // Counts that do not add up to the entry's size, or add up only with a negative count.
    refuses(rawEntry({ text, counts: [1, 0, 0], cells: entityCells(0, 4).slice(0, 9) }), /^Error: entry size mismatch$/, 'a short column');
    refuses(rawEntry({ text, counts: [-7, 10, 0], cells: [] }), /^Error: entry size mismatch$/, 'a negative count');
    // Value references outside the file's table, in the head and in the cells.
    refuses(rawEntry({ refs: [VALUES.length, 1, 2, 3, 4, 5] }), /^Error: value out of range$/, 'a uri past the table');
    refuses(rawEntry({ refs: [0, 1, 2, -1, 4, 5] }), /^Error: value out of range$/, 'a negative hash ref');
    refuses(rawEntry({ text, counts: [1, 0, 0], cells: [0, 8, VALUES.length * 2 + 1, ...entityCells(0, 4).slice(3)] }), /^Error: value out of range$/, 'a kind past the table');
    refuses(rawEntry({ text, counts: [1, 0, 0], cells: [0, 8, -1, ...entityCells(0, 4).slice(3)] }), /^Error: value out of range$/, 'a negative value cell');
    // Spans outside the text, or not offsets, in each list.
    const entity = (start: number, end: number) => rawEntry({ text, counts: [1, 0, 0], cells: [start, end, ...entityCells(0, 4).slice(2)] });
    refuses(entity(0, 26), /^Error: mention out of range$/, 'an end past the text');
    refuses(entity(8, 6), /^Error: mention out of range$/, 'an end before the start');
    refuses(entity(-2, 6), /^Error: mention out of range$/, 'a negative start');
    refuses(entity(1, 6), /^Error: mention out of range$/, 'a start that is a value');
    refuses(entity(0, 7), /^Error: mention out of range$/, 'an end that is a value');
    refuses(rawEntry({ text, counts: [1, 1, 0], cells: [...entityCells(0, 4), ...spanCells(5, 13, DATE_FIELDS.length)] }), /^Error: mention out of range$/, 'a date past the text after an entity');
    refuses(rawEntry({ text, counts: [1, 1, 1], cells: [...entityCells(0, 4), ...spanCells(5, 6, DATE_FIELDS.length), ...spanCells(3, 2, FIGURE_FIELDS.length)] }), /^Error: mention out of range$/, 'a backwards figure after an entity and a date');
    refuses(rawEntry({ text, counts: [0, 0, 2], cells: [0, 2, 4, 26, ...new Array(14).fill(UNDEFINED)] }), /^Error: mention out of range$/, 'the second of two figures past the text');
  });

  it('checks the whole file on finish: the count, the checksum, nothing left over', () => {
    const one = rawEntry({});
    assert.throws(() => decodeRaw(one, 2), /^Error: entry count mismatch$/);
    const decoder = new CacheDecoder(trailerOf(VALUES, Buffer.from('other bytes')), new ValueTable());
    decoder.push(one);
    assert.throws(() => decoder.finish(), /^Error: checksum mismatch \(truncated or corrupt\)$/);
    const leftover = Buffer.concat([one, Buffer.alloc(2)]);
    assert.throws(() => decodeRaw(leftover), /^Error: entry overruns the file$/);
    assert.throws(() => new CacheDecoder(Buffer.from(JSON.stringify({ count: 0, sha1: '', fields: { entities: [], dates: [], figures: [] }, values: [] })), new ValueTable()), /^Error: made with other mention fields$/);
    const fields = { entities: [...ENTITY_FIELDS], dates: [...DATE_FIELDS], figures: [...FIGURE_FIELDS] };
    assert.throws(() => new CacheDecoder(Buffer.from(JSON.stringify({ count: 0, sha1: '', fields, values: 'abc' })), new ValueTable()), /^Error: no value table$/);
  });
});
