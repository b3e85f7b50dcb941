import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/analysis';
import { emptyCorrections } from '../../server/src/corpus/corrections';
import { packArticle } from '../../server/src/corpus/packedArticle';
import { ValueTable } from '../../server/src/corpus/valueTable';
import { CacheDecoder, CacheEncoder, trailerRange } from '../../server/src/host/cacheCodec';
import { readCorrectionsFile, updateCorrectionsFile } from '../../server/src/host/correctionsFile';
import { writeLines } from '../../server/src/host/writeLines';

// The host's own files: the corrections file on disk, export files, and the cache file's
// refusals. Everything is written under a temporary folder.

let dir: string;
before(() => (dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-host-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

function folder(name: string, corrections?: string): string {
  const f = path.join(dir, name);
  mkdirSync(f, { recursive: true });
  if (corrections !== undefined) writeFileSync(path.join(f, '.corpuslens.json'), corrections);
  return f;
}

describe('the corrections file on disk', () => {
  it('reads absent, valid and invalid files, saying where the problem is', async () => {
    assert.deepEqual(await readCorrectionsFile(folder('absent')), { state: 'absent', corrections: emptyCorrections() });
    const ok = await readCorrectionsFile(folder('ok', '{"notEntity": ["Acme"]}'));
    assert.deepEqual([ok.state, ok.corrections.notEntity], ['ok', ['Acme']]);
    const bad = folder('bad', '{"notEntity": [1]}');
    const invalid = await readCorrectionsFile(bad);
    assert.equal(invalid.state, 'invalid');
    assert.equal(invalid.state === 'invalid' && invalid.problem, `.corpuslens.json: "notEntity" must be a list of spellings or entity ids (${path.join(bad, '.corpuslens.json')})`);
    assert.deepEqual(invalid.corrections, emptyCorrections());
  });

  it('refuses a folder where the file should be, and one too large to read', async () => {
    const dirFile = folder('dir');
    mkdirSync(path.join(dirFile, '.corpuslens.json'));
    const notFile = await readCorrectionsFile(dirFile);
    assert.deepEqual([notFile.state, notFile.state === 'invalid' && notFile.problem], ['invalid', `${path.join(dirFile, '.corpuslens.json')} is not a file`]);
    const huge = folder('huge', `{"notEntity": ["${'x'.repeat(1_000_001)}"]}`);
    const tooLarge = await readCorrectionsFile(huge);
    assert.deepEqual([tooLarge.state, tooLarge.state === 'invalid' && tooLarge.problem], ['invalid', `${path.join(huge, '.corpuslens.json')} is larger than 1 MB; it was not read`]);
  });

  it('writes a change through a temporary file, never overwrites an invalid file, and writes nothing for a refused change', async () => {
    const f = folder('update');
    const result = await updateCorrectionsFile(f, (c) => ({ ...c, notEntity: ['Acme'] }));
    assert.deepEqual('corrections' in result && result.corrections.notEntity, ['Acme']);
    assert.equal(JSON.parse(readFileSync(path.join(f, '.corpuslens.json'), 'utf8')).notEntity[0], 'Acme');
    assert.deepEqual(readdirSync(f), ['.corpuslens.json'], 'no temporary file left');
    assert.deepEqual(await updateCorrectionsFile(f, () => ({ problem: 'refused' })), { problem: 'refused' });
    assert.equal(JSON.parse(readFileSync(path.join(f, '.corpuslens.json'), 'utf8')).notEntity[0], 'Acme');
    const invalid = folder('update-invalid', '{ broken');
    const refused = await updateCorrectionsFile(invalid, (c) => c);
    assert.match('problem' in refused ? refused.problem : '', /not valid JSON/);
    assert.equal(readFileSync(path.join(invalid, '.corpuslens.json'), 'utf8'), '{ broken');
  });

  it('reports a write that fails instead of throwing, and keeps the file as it was', async () => {
    const f = folder('unwritable', '{"notEntity": ["Acme"]}');
    // Something already stands where the temporary file would go.
    mkdirSync(path.join(f, `.corpuslens.json.${process.pid}.tmp`));
    const result = await updateCorrectionsFile(f, (c) => ({ ...c, notEntity: ['Zed'] }));
    assert.match('problem' in result ? result.problem : '', new RegExp(`^could not write ${path.join(f, '.corpuslens.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    assert.equal(readFileSync(path.join(f, '.corpuslens.json'), 'utf8'), '{"notEntity": ["Acme"]}');
  });
});

describe('export files', () => {
  it('write every line, creating the folder, through a temporary file', async () => {
    const file = path.join(dir, 'exports', 'deep', 'out.csv');
    assert.equal(await writeLines(file, ['a,b', 'c,d']), 2);
    assert.equal(readFileSync(file, 'utf8'), 'a,b\nc,d\n');
    assert.deepEqual(readdirSync(path.dirname(file)), ['out.csv']);
  });

  it('leave no file, and no temporary one, when the lines fail part-way', async () => {
    const file = path.join(dir, 'exports', 'failed.csv');
    function* lines() {
      yield 'first';
      throw new Error('cancelled');
    }
    await assert.rejects(writeLines(file, lines()), /cancelled/);
    assert.equal(existsSync(file), false);
    assert.deepEqual(readdirSync(path.dirname(file)).filter((n) => n.startsWith('failed')), []);
  });
});

describe('the cache file', () => {
  const table = new ValueTable();
  const entry = (text: string) => ({ size: text.length, mtimeMs: 1, article: packArticle(table, text, analyzeArticle(text)) });

  function encoded(...texts: string[]): { body: Buffer; trailer: Buffer } {
    const encoder = new CacheEncoder({ magic: 'test' });
    const body = Buffer.concat(texts.map((t, i) => encoder.entry(`file:///w/${i}.txt`, entry(t))));
    return { body, trailer: encoder.trailer() };
  }

  function decode(body: Buffer, trailer: Buffer) {
    const file = Buffer.concat([body, trailer]);
    const { start, end } = trailerRange(file.subarray(file.length - 8), file.length);
    const decoder = new CacheDecoder(file.subarray(start, end), new ValueTable());
    decoder.push(file.subarray(0, start));
    return decoder.finish();
  }

  it('decodes into another table the same articles, values and all', () => {
    const texts = ['Quay Vote\ndate 2024-03-06\n\nDockers in Kestrel Bay voted on Tuesday; 62% backed Ms Ilse Marrow.\n', ''];
    const { body, trailer } = encoded(...texts);
    const decoded = decode(body, trailer);
    assert.deepEqual(decoded.extra, { magic: 'test' });
    assert.deepEqual(decoded.entries.map(([uri, e]) => [uri, e.article.text, e.article.hash, e.size]), texts.map((t, i) => [`file:///w/${i}.txt`, t, entry(t).article.hash, t.length]));
  });

  it('refuses entries that do not check out: a wrong count, values out of range, mentions outside the text', () => {
    const { body, trailer } = encoded('Quay Vote\n\nMs Ilse Marrow spoke.\n');
    const json = JSON.parse(trailer.subarray(0, trailer.length - 8).toString('utf8'));
    const withTrailer = (patch: object) => {
      const text = Buffer.from(JSON.stringify({ ...json, ...patch }), 'utf8');
      const tail = Buffer.alloc(8);
      tail.writeUInt32LE(text.length, 0);
      tail.write('CLC4', 4, 'latin1');
      return Buffer.concat([text, tail]);
    };
    assert.throws(() => decode(body, withTrailer({ count: 2 })), /entry count mismatch/);
    assert.throws(() => decode(body, withTrailer({ values: json.values.slice(0, 1) })), /value out of range/);
    assert.throws(() => decode(body, withTrailer({ fields: { ...json.fields, entities: ['start'] } })), /other mention fields/);
    assert.throws(() => decode(body, withTrailer({ values: 'none' })), /no value table/);
    // The text length field says the text is longer than it is.
    const longer = Buffer.from(body);
    longer.writeInt32LE(longer.readInt32LE(4 + 6 * 4) + 4000, 4 + 6 * 4);
    assert.throws(() => decode(longer, withTrailer({ sha1: undefined })), /overruns|checksum/);
    assert.throws(() => trailerRange(Buffer.from('12345678'), 8), /not a Corpus Lens cache/);
    assert.throws(() => trailerRange(Buffer.from([255, 255, 0, 0, 67, 76, 67, 52]), 100), /truncated/);
  });
});

