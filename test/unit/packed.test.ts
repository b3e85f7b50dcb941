import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/analysis';
import { Corpus } from '../../server/src/corpus/corpus';
import { pack, unpack } from '../../server/src/corpus/packed';

const sampleDir = path.resolve(__dirname, '..', '..', '..', 'sample');
const samples = readdirSync(sampleDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(path.join(sampleDir, f), 'utf8'));

describe('mention columns', () => {
  it('give back every field of every mention of the sample articles', () => {
    let mentions = 0;
    for (const text of samples) {
      const analysis = analyzeArticle(text);
      mentions += analysis.entities.length + analysis.dates.length + analysis.figures.length;
      assert.deepStrictEqual(unpack(pack(analysis), text), analysis);
    }
    assert.ok(mentions > 300, `only ${mentions} mentions in the sample`);
  });

  it('keep decimals, large numbers, nulls and flags as they were', () => {
    const text = 'Grain Prices\ndate 2024-03-05\n\nPrices rose 2.5% to $5bn, about 1.5 million tonnes, on Tuesday, unlike last year.\n';
    const analysis = analyzeArticle(text);
    const values = analysis.figures.map((f) => f.value);
    assert.ok(values.includes(2.5) && values.includes(5e9) && values.includes(1.5e6), `figures read as ${values.join(', ')}`);
    assert.deepStrictEqual(unpack(pack(analysis), text), analysis);
  });

  it('make the same corpus as the objects they came from', () => {
    const fromObjects = new Corpus();
    const fromColumns = new Corpus();
    samples.forEach((text, i) => {
      fromObjects.setArticle(`file:///s/${i}.txt`, 'v', text, analyzeArticle(text));
      fromColumns.setArticle(`file:///s/${i}.txt`, 'v', text, pack(analyzeArticle(text)));
    });
    const ids = fromObjects.entityIds().sort();
    assert.deepStrictEqual(fromColumns.entityIds().sort(), ids);
    for (const id of ids) {
      assert.deepStrictEqual(fromColumns.summaryOf(id), fromObjects.summaryOf(id));
      assert.deepStrictEqual(fromColumns.occurrencesOf(id), fromObjects.occurrencesOf(id));
    }
  });
});
