import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/analysis';
import { Corpus } from '../../server/src/corpus/corpus';
import { pack, unpack } from '../../server/src/corpus/packed';
import { NOT_CANCELLED as T } from '../../server/src/corpus/queries';
import { ValueTable } from '../../server/src/corpus/valueTable';

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
      const table = new ValueTable();
      assert.deepStrictEqual(unpack(table, pack(table, analysis), text), analysis);
    }
    assert.ok(mentions > 300, `only ${mentions} mentions in the sample`);
  });

  it('keep decimals, large numbers, nulls and flags as they were', () => {
    const text = 'Grain Prices\ndate 2024-03-05\n\nPrices rose 2.5% to $5bn, about 1.5 million tonnes, on Tuesday, unlike last year.\n';
    const analysis = analyzeArticle(text);
    const values = analysis.figures.map((f) => f.value);
    assert.ok(values.includes(2.5) && values.includes(5e9) && values.includes(1.5e6), `figures read as ${values.join(', ')}`);
    const table = new ValueTable();
    assert.deepStrictEqual(unpack(table, pack(table, analysis), text), analysis);
  });

  it('give every corpus its own value table: two corpora in one process never see each other', () => {
    const first = new Corpus();
    const second = new Corpus();
    const text = samples[0];
    first.setArticle('file:///s/0.txt', first.pack(text, analyzeArticle(text)));
    // Nothing of the first corpus's articles is in the second's table, so keys it never saw match nothing there.
    assert.equal(second.table.size, new ValueTable().size);
    const id = first.entityIds(T)[0];
    assert.ok(first.summaryOf(id, T));
    assert.equal(second.table.stringCell(id), -1);
    assert.equal(second.summaryOf(id, T), undefined);
    // An article packed for one corpus is refused by another instead of being misread.
    assert.throws(() => second.setArticle('file:///s/0.txt', first.pack(text, analyzeArticle(text))), /another corpus/);
    // Built side by side, each answers exactly as a corpus built alone.
    const alone = new Corpus();
    for (let i = 1; i < samples.length; i++) {
      const uri = `file:///s/${i}.txt`;
      second.setArticle(uri, second.pack(samples[i], analyzeArticle(samples[i])));
      alone.setArticle(uri, alone.pack(samples[i], analyzeArticle(samples[i])));
      first.contextOf(id, T);
    }
    const everything = (corpus: Corpus) => corpus.entityIds(T).sort().map((e) => [corpus.summaryOf(e, T), corpus.contextOf(e, T), corpus.occurrencesOf(e, Infinity, T)]);
    assert.deepStrictEqual(everything(second), everything(alone));
  });
});
