import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyCorrectionEdit, emptyCorrections, parseCorrections, serializeCorrections } from '../../server/src/corpus/corrections';

function rejects(text: string, problem: RegExp) {
  const parsed = parseCorrections(text);
  assert.equal(parsed.ok, false, text.slice(0, 80));
  assert.match((parsed as { problem: string }).problem, problem);
}

describe('corrections file', () => {
  it('reads a valid file and normalises paths', () => {
    const parsed = parseCorrections(JSON.stringify({ version: 1, merge: [{ entities: ['person:b', 'person:a'], name: 'A' }], split: [{ entity: 'person:~x', file: './a.txt' }], notEntity: ['Corpus Lens'], articleDates: { './a.txt': '2021-11-10' } }));
    assert.ok(parsed.ok);
    assert.deepEqual({ ...parsed.corrections, articleDates: { ...parsed.corrections.articleDates } }, { version: 1, merge: [{ entities: ['person:a', 'person:b'], name: 'A' }], split: [{ entity: 'person:~x', file: 'a.txt' }], notEntity: ['Corpus Lens'], articleDates: { 'a.txt': '2021-11-10' } });
  });

  it('treats an empty file as no corrections', () => assert.deepEqual(parseCorrections(' \n'), { ok: true, corrections: emptyCorrections() }));

  it('rejects malformed, wrongly typed, deeply nested and huge files with a clear message', () => {
    rejects('{"merge": [', /not valid JSON/);
    rejects('[]', /top level must be an object/);
    rejects('{"merge": "all"}', /"merge" must be a list/);
    rejects('{"merge": [{"entities": ["only-one"]}]}', /at least two/);
    rejects('{"notEntity": [1, 2]}', /"notEntity" must be a list/);
    rejects('{"articleDates": {"a.txt": "2021-02-30"}}', /must be a date/);
    rejects('{"version": 2}', /"version" must be 1/);
    rejects('{"colour": "red"}', /unknown field "colour"/);
    rejects(`{"merge": ${'['.repeat(50)}${']'.repeat(50)}}`, /nested deeper/);
    rejects(`{"notEntity": ["${'x'.repeat(1_100_000)}"]}`, /larger than/);
  });

  it('joins merges that share an id, and a merge undoes a global split', () => {
    let c = applyCorrectionEdit(emptyCorrections(), { kind: 'split', entity: 'person:~b' });
    c = applyCorrectionEdit(c, { kind: 'merge', entities: ['person:a', 'person:~b'] });
    c = applyCorrectionEdit(c, { kind: 'merge', entities: ['person:~b', 'person:c'], name: 'C' });
    assert.deepEqual(c.merge, [{ entities: ['person:a', 'person:c', 'person:~b'], name: 'C' }]);
    assert.deepEqual(c.split, []);
  });

  it('sets and removes an article date', () => {
    let c = applyCorrectionEdit(emptyCorrections(), { kind: 'articleDate', file: 'a.txt', date: '2021-11-10' });
    assert.deepEqual({ ...c.articleDates }, { 'a.txt': '2021-11-10' });
    c = applyCorrectionEdit(c, { kind: 'articleDate', file: 'a.txt', date: null });
    assert.deepEqual({ ...c.articleDates }, {});
  });

  it('serialises in a stable, sorted, diff-friendly form that parses back', () => {
    let c = applyCorrectionEdit(emptyCorrections(), { kind: 'notEntity', value: 'Zed' });
    c = applyCorrectionEdit(c, { kind: 'notEntity', value: 'Alpha' });
    const text = serializeCorrections(c);
    assert.match(text, /"notEntity": \[\n {4}"Alpha",\n {4}"Zed"\n {2}\]/);
    assert.ok(text.endsWith('\n'));
    assert.deepEqual(parseCorrections(text), { ok: true, corrections: { ...c, notEntity: ['Alpha', 'Zed'] } });
  });
});
