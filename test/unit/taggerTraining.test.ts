import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { decodeModel, encodeModel } from '../../server/src/analysis/tagger/model';
import { PhraseIndex, buildListPhrases } from '../../server/src/analysis/tagger/phrases';
import { tagArticle } from '../../server/src/analysis/tagger/tagNames';
import { decodeBase64, makeTagger } from '../../server/src/analysis/tagger/tagger';
import { tokenize } from '../../server/src/analysis/tagger/tokenize';
import { headlineVariants, trimSpan, type TrainDoc } from '../../tools/tagger/data';
import { trainModel } from '../../tools/tagger/train';

// A tiny training set written for this test: made-up people, firms and places.
function doc(id: string, text: string, names: Array<[string, TrainDoc['spans'][number]['type'], number?]>): TrainDoc {
  const spans = names.map(([name, type, nth]) => {
    let at = -1;
    for (let n = 0; n <= (nth ?? 0); n++) at = text.indexOf(name, at + 1);
    assert.ok(at >= 0, `${name} not in ${id}`);
    return { start: at, end: at + name.length, type };
  });
  return { id, dataset: 'fixture', text, spans };
}

const FIXTURE: TrainDoc[] = [
  doc('a', 'Harbour deal signed\nMaris Volkov, chief of Tessaro Shipping, met officials in Brevna on Monday. Volkov said Tessaro Shipping would hire.', [
    ['Maris Volkov', 'PER'], ['Tessaro Shipping', 'ORG'], ['Brevna', 'LOC'], ['Volkov', 'PER', 1], ['Tessaro Shipping', 'ORG', 1],
  ]),
  doc('b', 'Rail strike ends\nWorkers at Norlund Rail returned in Kessel after Anja Pirelli, the union leader, agreed terms. Pirelli thanked Norlund Rail.', [
    ['Norlund Rail', 'ORG'], ['Kessel', 'LOC'], ['Anja Pirelli', 'PER'], ['Pirelli', 'PER', 1], ['Norlund Rail', 'ORG', 1],
  ]),
  doc('c', 'Flood warning\nThe river rose in Brevna and Kessel on Friday, said Dario Menke of the Valden Weather Office.', [
    ['Brevna', 'LOC'], ['Kessel', 'LOC'], ['Dario Menke', 'PER'], ['Valden Weather Office', 'ORG'],
  ]),
];

const options = { epochs: 3, bucketBits: 12, seed: 7, useRules: true };

test('training is deterministic: the same data gives the same bytes', () => {
  const index = new PhraseIndex();
  buildListPhrases(index);
  const docs = [...FIXTURE, ...headlineVariants(FIXTURE, 0.5)];
  const first = encodeModel(trainModel(docs, index, options).model);
  const second = encodeModel(trainModel(docs, index, options).model);
  assert.ok(first.length > 100, 'the model is not empty');
  assert.deepEqual(Buffer.from(second), Buffer.from(first));
  // And another seed visits the documents in another order: other bytes.
  const other = encodeModel(trainModel(docs, index, { ...options, seed: 8 }).model);
  assert.notDeepEqual(Buffer.from(other), Buffer.from(first));
});

test('a trained model survives encoding and tags what it learned', () => {
  const index = new PhraseIndex();
  buildListPhrases(index);
  const { model } = trainModel(FIXTURE, index, { ...options, epochs: 6 });
  const decoded = decodeModel(encodeModel(model));
  assert.deepEqual(Buffer.from(encodeModel(decoded)), Buffer.from(encodeModel(model)));
  const text = 'Port news\nMaris Volkov of Tessaro Shipping visited Kessel on Tuesday.';
  const names = tagArticle(text, makeTagger(decoded, index)).names.map((n) => `${text.slice(n.start, n.end)}:${n.type}`);
  assert.deepEqual(names, ['Maris Volkov:PER', 'Tessaro Shipping:ORG', 'Kessel:LOC']);
});

test('a malformed model is refused with a reason', () => {
  assert.throws(() => decodeModel(new Uint8Array([1, 2, 3])), /not a Corpus Lens tagger model/);
  const good = encodeModel(trainModel(FIXTURE, new PhraseIndex(), options).model);
  assert.throws(() => decodeModel(good.slice(0, good.length - 5)), /truncated/);
  assert.throws(() => decodeBase64('ab$d'), /bad base64/);
  assert.deepEqual(Array.from(decodeBase64(Buffer.from([0, 1, 2, 250, 255]).toString('base64'))), [0, 1, 2, 250, 255]);
});

test('gold spans are brought to one convention: no article, title or possessive', () => {
  const text = 'Yesterday the United States and President Tomas Harlan\'s aides met.';
  const at = (s: string): [number, number] => [text.indexOf(s), text.indexOf(s) + s.length];
  assert.deepEqual(trimSpan(text, ...at('the United States'), 'LOC'), { start: text.indexOf('United'), end: text.indexOf(' and'), type: 'LOC' });
  const person = trimSpan(text, ...at("President Tomas Harlan's"), 'PER');
  assert.equal(person && text.slice(person.start, person.end), 'Tomas Harlan');
});

test('tokens: possessives, abbreviations and hyphens', () => {
  const text = "U.S. Corp. Kyiv-based Putin's O'Neill AT&T";
  const t = tokenize(text);
  const words = Array.from({ length: t.count }, (_, i) => text.slice(t.start[i], t.end[i]));
  assert.deepEqual(words, ['U.S.', 'Corp.', 'Kyiv', '-', 'based', 'Putin', "'s", "O'Neill", 'AT&T']);
});
