import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyCorrectionEdit, emptyCorrections, parseCorrections, readCorrectionEdit, serializeCorrections, validateCorrections, type Corrections } from '../../server/src/corpus/corrections';

// Every rule of the corrections file and of the edits commands send, one case per line:
// what is refused says exactly why, and what is accepted comes out normalised.

const many = (n: number, item: unknown) => Array.from({ length: n }, () => item);

const REFUSED: [unknown, string][] = [
  [{ merge: [{ entities: ['a', 'b'], name: '' }] }, 'merge[0].name must be a non-empty string'],
  [{ merge: [{ entities: ['a', 'b'] }, { entities: ['c', 'd'], name: 5 }] }, 'merge[1].name must be a non-empty string'],
  [{ merge: [null] }, 'merge[0] needs "entities": a list of at least two entity ids'],
  [{ merge: [{ entities: ['a', ''] }] }, 'merge[0] needs "entities": a list of at least two entity ids'],
  [{ merge: many(20_001, { entities: ['a', 'b'] }) }, '"merge" must be a list of {"entities": [...], "name"?}'],
  [{ split: 'all' }, '"split" must be a list of {"entity", "file"?}'],
  [{ split: many(20_001, { entity: 'a' }) }, '"split" must be a list of {"entity", "file"?}'],
  [{ split: [null] }, 'split[0] needs "entity": an entity id'],
  [{ split: ['person:~x'] }, 'split[0] needs "entity": an entity id'],
  [{ split: [{ entity: 'a' }, { file: 'a.txt' }] }, 'split[1] needs "entity": an entity id'],
  [{ split: [{ entity: 'x'.repeat(501) }] }, 'split[0] needs "entity": an entity id'],
  [{ split: [{ entity: 'a', file: 3 }] }, 'split[0].file must be a path relative to the folder'],
  [{ notEntity: 'Acme' }, '"notEntity" must be a list of spellings or entity ids'],
  [{ notEntity: many(20_001, 'x') }, '"notEntity" must be a list of spellings or entity ids'],
  [{ notEntity: ['Acme', ''] }, '"notEntity" must be a list of spellings or entity ids'],
  [{ articleDates: ['a.txt'] }, '"articleDates" must be an object of "path": "YYYY-MM-DD"'],
  [{ articleDates: 'a.txt' }, '"articleDates" must be an object of "path": "YYYY-MM-DD"'],
  [{ articleDates: null }, '"articleDates" must be an object of "path": "YYYY-MM-DD"'],
  [{ articleDates: { 'a.txt': 20240305 } }, 'articleDates["a.txt"] must be a date YYYY-MM-DD'],
  [{ articleDates: { 'a.txt': '2024-13-01' } }, 'articleDates["a.txt"] must be a date YYYY-MM-DD'],
  [{ articleDates: { 'a.txt': '2023-02-29' } }, 'articleDates["a.txt"] must be a date YYYY-MM-DD'],
  [{ articleDates: { 'a.txt': 'on 2024-03-05' } }, 'articleDates["a.txt"] must be a date YYYY-MM-DD'],
  [{ articleDates: { 'a.txt': '2024-03-05 10:00' } }, 'articleDates["a.txt"] must be a date YYYY-MM-DD'],
  // A list holding a date is no date, though it reads as one when turned into text.
  [{ articleDates: { 'a.txt': ['2024-03-05'] } }, 'articleDates["a.txt"] must be a date YYYY-MM-DD'],
  // Years below 100 are refused, not read as 19xx.
  [{ articleDates: { 'a.txt': '0099-12-31' } }, 'articleDates["a.txt"] must be a date YYYY-MM-DD'],
  [{ articleDates: { 'a.txt': '2024-04-31' } }, 'articleDates["a.txt"] must be a date YYYY-MM-DD'],
];

describe('the corrections file', () => {
  for (const [json, problem] of REFUSED) {
    it(`refuses ${JSON.stringify(json).slice(0, 70)}`, () => {
      const parsed = parseCorrections(JSON.stringify(json));
      assert.deepEqual([parsed.ok, 'problem' in parsed && parsed.problem], [false, `.corpuslens.json: ${problem}`]);
    });
  }

  it('reads a file of up to 1,000,000 characters and refuses a longer one unread', () => {
    const json = '{"notEntity": ["Acme"]}';
    assert.deepEqual(parseCorrections(json.padEnd(1_000_000, ' ')), { ok: true, corrections: { ...emptyCorrections(), notEntity: ['Acme'] } });
    assert.deepEqual(parseCorrections(json.padEnd(1_000_001, ' ')), { ok: false, problem: '.corpuslens.json is larger than 1 MB; it was not read' });
  });

  it('says what strict JSON refused, in the words of the parser', () => {
    const parsed = parseCorrections('{"merge": [}');
    assert.equal(parsed.ok, false);
    assert.match((parsed as { problem: string }).problem, /^\.corpuslens\.json is not valid JSON \(Unexpected token .*\)$/);
  });

  it('takes away a byte order mark at the start only, never one inside a value', () => {
    assert.deepEqual(parseCorrections('{"notEntity": ["Ac\uFEFFme"]}'), { ok: true, corrections: { ...emptyCorrections(), notEntity: ['Ac\uFEFFme'] } });
  });

  it('refuses a file whose top level is no object, without a crash', () => {
    for (const text of ['null', '0', '"x"', 'true', '[{"notEntity": []}]']) assert.deepEqual(parseCorrections(text), { ok: false, problem: '.corpuslens.json: the top level must be an object', at: { offset: 0, length: text.length } }, text);
  });

  it('accepts the limits themselves: 20,000 items, names of 500 characters, 29 February of a leap year', () => {
    const parsed = parseCorrections(JSON.stringify({ notEntity: Array.from({ length: 20_000 }, (_, i) => `n${i}`), split: [{ entity: 'x'.repeat(500) }], articleDates: { 'a.txt': '2024-02-29' } }));
    assert.equal(parsed.ok, true);
    const lists = parseCorrections(JSON.stringify({ merge: many(20_000, { entities: ['a', 'b'] }), split: many(20_000, { entity: 'a' }) }));
    assert.deepEqual(lists.ok && [lists.corrections.merge.length, lists.corrections.split.length], [20_000, 20_000]);
  });

  it('normalises what it accepts: paths without a leading ./ or /, ids sorted and once, spellings once', () => {
    const parsed = parseCorrections(JSON.stringify({
      merge: [{ entities: ['person:b', 'person:a', 'person:b'] }],
      split: [{ entity: 'a', file: './x.txt' }, { entity: 'b', file: '/y.txt' }, { entity: 'c', file: 'sub/z.txt' }, { entity: 'd', file: '.hidden/w.txt' }],
      notEntity: ['Acme', 'Acme', 'acme'],
      articleDates: { './x.txt': '2024-03-05', '/y.txt': '2024-03-06', 'sub/./z.txt': '2024-03-07' },
    }));
    assert.ok(parsed.ok);
    const { merge, split, notEntity, articleDates } = parsed.corrections;
    assert.deepEqual(merge, [{ entities: ['person:a', 'person:b'] }]);
    assert.deepEqual(split, [{ entity: 'a', file: 'x.txt' }, { entity: 'b', file: 'y.txt' }, { entity: 'c', file: 'sub/z.txt' }, { entity: 'd', file: '.hidden/w.txt' }]);
    assert.deepEqual(notEntity, ['Acme', 'acme']);
    assert.deepEqual({ ...articleDates }, { 'x.txt': '2024-03-05', 'y.txt': '2024-03-06', 'sub/./z.txt': '2024-03-07' });
    assert.deepEqual(parseCorrections('{}'), { ok: true, corrections: emptyCorrections() });
  });

  it('writes a stable text: merges by first id, splits by entity then file, spellings and files sorted', () => {
    const c: Corrections = {
      version: 1,
      merge: [{ entities: ['person:z', 'person:y'] }, { entities: ['org:b', 'org:c'], name: 'B' }],
      split: [{ entity: 'person:~b', file: 'z.txt' }, { entity: 'person:~a' }, { entity: 'person:~b', file: 'A.txt' }, { entity: 'person:~b' }, { entity: 'person:~b', file: 'a.txt' }],
      notEntity: ['Zed', 'Alpha'],
      articleDates: Object.assign(Object.create(null) as Record<string, string>, { 'b.txt': '2024-01-02', 'a.txt': '2024-01-01' }),
    };
    assert.equal(
      serializeCorrections(c),
      `${JSON.stringify(
        {
          version: 1,
          merge: [{ entities: ['org:b', 'org:c'], name: 'B' }, { entities: ['person:z', 'person:y'] }],
          split: [{ entity: 'person:~a' }, { entity: 'person:~b' }, { entity: 'person:~b', file: 'a.txt' }, { entity: 'person:~b', file: 'A.txt' }, { entity: 'person:~b', file: 'z.txt' }],
          notEntity: ['Alpha', 'Zed'],
          articleDates: { 'a.txt': '2024-01-01', 'b.txt': '2024-01-02' },
        },
        null,
        2,
      )}\n`,
    );
  });

  it('refuses in memory what it would refuse on disk, and what would grow past 1 MB', () => {
    assert.equal(validateCorrections(emptyCorrections()), undefined);
    assert.equal(validateCorrections({ ...emptyCorrections(), notEntity: [''] }), '.corpuslens.json would not be valid: "notEntity" must be a list of spellings or entity ids');
    // Spellings of 480 characters, and one more of a length that brings the text to exactly 1 MB.
    const sized = (last: number) => ({ ...emptyCorrections(), notEntity: [...Array.from({ length: 2048 }, (_, i) => String(i).padStart(480, 'x')), 'z'.repeat(last)] });
    const exact = 1_000_000 - serializeCorrections(sized(1)).length + 1;
    assert.equal(serializeCorrections(sized(exact)).length, 1_000_000);
    assert.equal(validateCorrections(sized(exact)), undefined);
    assert.equal(validateCorrections(sized(exact + 1)), '.corpuslens.json would grow larger than 1 MB');
  });
});

describe('edits as commands send them', () => {
  const REFUSED_EDITS: [unknown, string][] = [
    [null, 'expected an object with a "kind"'],
    [[{ kind: 'notEntity', value: 'x' }], 'expected an object with a "kind"'],
    ['notEntity', 'expected an object with a "kind"'],
    [{ kind: 'merge', entities: ['a'] }, '"entities" must list at least two entity ids'],
    [{ kind: 'merge', entities: 'a,b' }, '"entities" must list at least two entity ids'],
    [{ kind: 'merge', entities: ['a', 2] }, '"entities" must list at least two entity ids'],
    [{ kind: 'merge', entities: ['a', 'b'], name: '' }, '"name" must be a non-empty string'],
    [{ kind: 'split' }, '"entity" must be an entity id'],
    [{ kind: 'split', entity: 'a', file: '' }, '"file" must be a path'],
    [{ kind: 'notEntity', value: 7 }, '"value" must be a spelling or an entity id'],
    [{ kind: 'articleDate', date: '2024-03-05' }, '"file" must be a path'],
    [{ kind: 'articleDate', file: 'a.txt', date: '2024-02-30' }, '"date" must be a date YYYY-MM-DD, or null to remove it'],
    [{ kind: 'articleDate', file: 'a.txt', date: 20240305 }, '"date" must be a date YYYY-MM-DD, or null to remove it'],
    [{ kind: 'articleDate', file: 'a.txt', date: ['2024-03-05'] }, '"date" must be a date YYYY-MM-DD, or null to remove it'],
    [{ kind: 'articleDate', file: 'a.txt' }, '"date" must be a date YYYY-MM-DD, or null to remove it'],
    [{ kind: 'explode' }, 'unknown kind "explode" (expected merge, split, notEntity or articleDate)'],
  ];
  for (const [edit, problem] of REFUSED_EDITS) {
    it(`refuses ${JSON.stringify(edit)}`, () => assert.deepEqual(readCorrectionEdit(edit), { problem: `the correction is malformed: ${problem}` }));
  }

  it('reads the well-formed ones as they are, and nothing more', () => {
    const accepted: unknown[] = [
      { kind: 'merge', entities: ['a', 'b'] },
      { kind: 'merge', entities: ['a', 'b'], name: 'A' },
      { kind: 'split', entity: 'a' },
      { kind: 'split', entity: 'a', file: 'x.txt' },
      { kind: 'notEntity', value: 'Acme' },
      { kind: 'articleDate', file: 'a.txt', date: '2024-02-29' },
      { kind: 'articleDate', file: 'a.txt', date: null },
    ];
    for (const edit of accepted) assert.deepEqual(readCorrectionEdit({ ...(edit as object), extra: 'ignored' }), { edit });
  });
});

describe('applying an edit', () => {
  it('gives a merge a name or a split a file only when the edit has one', () => {
    const merged = applyCorrectionEdit(emptyCorrections(), { kind: 'merge', entities: ['b', 'a'] });
    assert.deepEqual(merged.merge, [{ entities: ['a', 'b'] }]);
    const split = applyCorrectionEdit(emptyCorrections(), { kind: 'split', entity: 'a' });
    assert.deepEqual(split.split, [{ entity: 'a' }]);
    assert.deepEqual(applyCorrectionEdit(split, { kind: 'split', entity: 'a', file: 'x.txt' }).split, [{ entity: 'a' }, { entity: 'a', file: 'x.txt' }]);
  });

  it('keeps merges that share nothing with a new one, and joins those that do', () => {
    let c = applyCorrectionEdit(emptyCorrections(), { kind: 'merge', entities: ['a', 'b'], name: 'AB' });
    c = applyCorrectionEdit(c, { kind: 'merge', entities: ['x', 'y'] });
    c = applyCorrectionEdit(c, { kind: 'merge', entities: ['b', 'c'] });
    assert.deepEqual(c.merge, [{ entities: ['x', 'y'] }, { entities: ['a', 'b', 'c'], name: 'AB' }]);
  });

  it('undoes a global split by a merge, but keeps a split in one file', () => {
    let c = applyCorrectionEdit(emptyCorrections(), { kind: 'split', entity: 'a' });
    c = applyCorrectionEdit(c, { kind: 'split', entity: 'a', file: 'x.txt' });
    c = applyCorrectionEdit(c, { kind: 'split', entity: 'q' });
    c = applyCorrectionEdit(c, { kind: 'merge', entities: ['a', 'b'] });
    assert.deepEqual(c.split, [{ entity: 'a', file: 'x.txt' }, { entity: 'q' }]);
  });

  it('records a split once, and a global split takes the entity out of merges (dropping those left with one id)', () => {
    let c = applyCorrectionEdit(emptyCorrections(), { kind: 'merge', entities: ['a', 'b'] });
    c = applyCorrectionEdit(c, { kind: 'merge', entities: ['c', 'd', 'e'] });
    c = applyCorrectionEdit(c, { kind: 'split', entity: 'a', file: 'x.txt' });
    c = applyCorrectionEdit(c, { kind: 'split', entity: 'a', file: 'x.txt' });
    assert.deepEqual([c.split, c.merge], [[{ entity: 'a', file: 'x.txt' }], [{ entities: ['a', 'b'] }, { entities: ['c', 'd', 'e'] }]], 'a split in one file leaves merges alone');
    c = applyCorrectionEdit(c, { kind: 'split', entity: 'a' });
    c = applyCorrectionEdit(c, { kind: 'split', entity: 'd' });
    c = applyCorrectionEdit(c, { kind: 'split', entity: 'd' });
    assert.deepEqual(c.split, [{ entity: 'a', file: 'x.txt' }, { entity: 'a' }, { entity: 'd' }]);
    assert.deepEqual(c.merge, [{ entities: ['c', 'e'] }]);
  });

  it('records a spelling once, and leaves the corrections it was given untouched', () => {
    const before = applyCorrectionEdit(emptyCorrections(), { kind: 'notEntity', value: 'Acme' });
    const after = applyCorrectionEdit(before, { kind: 'notEntity', value: 'Acme' });
    assert.deepEqual(after.notEntity, ['Acme']);
    applyCorrectionEdit(before, { kind: 'notEntity', value: 'Zed' });
    assert.deepEqual(before.notEntity, ['Acme']);
  });
});

describe('where a refused corrections file is wrong', () => {
  /** The span a refusal marks, as the text it covers (so a test reads like the file). */
  function marked(text: string): string | undefined {
    const parsed = parseCorrections(text);
    assert.equal(parsed.ok, false, text);
    const at = (parsed as { at?: { offset: number; length: number } }).at;
    return at && text.slice(at.offset, at.offset + at.length);
  }

  it('marks the first character strict JSON refuses, at least one character even at the end of the file', () => {
    assert.equal(marked('{"merge": [}'), '}');
    assert.equal(marked('{"a": 1,}'), '}');
    assert.equal(marked('{"a": 1 // note\n}'), '// note');
    assert.equal(marked('{"a": 1} x'), 'x');
    assert.deepEqual((parseCorrections('{"merge": [') as { at: unknown }).at, { offset: 11, length: 1 });
  });

  it('marks an unknown field on its name and any other problem on its value', () => {
    assert.equal(marked('{"version": 1, "colour": "red"}'), '"colour"');
    assert.equal(marked('{"version": 2}'), '2');
    assert.equal(marked('{"merge": "all"}'), '"all"');
    assert.equal(marked('{"merge": [{"entities": ["a", "b"], "name": 5}]}'), '5');
    assert.equal(marked('{"merge": [{"entities": ["a"]}]}'), '["a"]');
    assert.equal(marked('{"split": [{"entity": "a", "file": 3}]}'), '3');
    assert.equal(marked('{"notEntity": ["a", 5, 6]}'), '5');
    assert.equal(marked('{"articleDates": {"a.txt": "2024-03-05", "b.txt": "2021-02-30"}}'), '"2021-02-30"');
  });

  it('marks the nearest part that exists when the field is missing, and the whole file when the top level is wrong', () => {
    assert.equal(marked('{"merge": [null]}'), 'null');
    assert.equal(marked('{"merge": [{"name": "A"}]}'), '{"name": "A"}');
    assert.equal(marked('{"split": [{"file": "a.txt"}]}'), '{"file": "a.txt"}');
    assert.equal(marked('[1, 2]'), '[1, 2]');
    assert.equal(marked('{"merge": [[[[[[]]]]]]}'), '{"merge": [[[[[[]]]]]]}');
  });

  it('counts a byte order mark in the offsets it gives', () => {
    assert.equal(marked('\uFEFF{"merge": [}'), '}');
    assert.equal(marked('\uFEFF{"colour": "red"}'), '"colour"');
    assert.equal(marked('\uFEFF{"version": 2}'), '2');
    assert.deepEqual(parseCorrections('\uFEFF{"notEntity": ["Acme"]}'), { ok: true, corrections: { ...emptyCorrections(), notEntity: ['Acme'] } });
  });

  it('allows six levels of nesting and refuses seven, in lists and objects alike', () => {
    // Six levels: the file is read and refused by the schema, not for its depth.
    assert.match((parseCorrections('{"merge": [[[[[]]]]]}') as { problem: string }).problem, /merge\[0\] needs "entities"/);
    assert.match((parseCorrections('{"merge": [[[[[[]]]]]]}') as { problem: string }).problem, /nested deeper than 6 levels/);
    assert.match((parseCorrections('{"articleDates": {"a": {"b": {"c": {"d": {}}}}}}') as { problem: string }).problem, /articleDates\["a"\] must be a date/);
    assert.match((parseCorrections('{"articleDates": {"a": {"b": {"c": {"d": {"e": {}}}}}}}') as { problem: string }).problem, /nested deeper than 6 levels/);
    assert.match((parseCorrections('{"version": 1, "merge": [], "split": [{"entity": [[[[[1]]]]]}]}') as { problem: string }).problem, /nested deeper than 6 levels/);
    // The depth check reads at most 20,000 items of a list (bounded work); a longer list is refused for its length.
    const long = JSON.stringify({ notEntity: [...Array.from({ length: 20_000 }, (_, i) => `n${i}`), [[[[[[['deep']]]]]]]] });
    assert.deepEqual(parseCorrections(long), { ok: false, problem: '.corpuslens.json: "notEntity" must be a list of spellings or entity ids', at: { offset: 13, length: long.length - 14 } });
    const dates: Record<string, unknown> = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`f${i}.txt`, '2024-03-05']));
    dates['deep.txt'] = { a: { b: { c: { d: { e: {} } } } } };
    assert.match((parseCorrections(JSON.stringify({ articleDates: dates })) as { problem: string }).problem, /articleDates\["deep\.txt"\] must be a date/);
  });

  it('accepts a "$schema" field and leaves it out of what it reads', () => {
    assert.deepEqual(parseCorrections('{"$schema": "./corpuslens.schema.json", "notEntity": ["Acme"]}'), { ok: true, corrections: { ...emptyCorrections(), notEntity: ['Acme'] } });
  });

  it('stores article dates of files named like object keys as any other', () => {
    const parsed = parseCorrections('{"articleDates": {"__proto__": "2024-03-05", "constructor": "2024-03-06", "./toString": "2024-03-07"}}');
    assert.ok(parsed.ok);
    const dates = parsed.corrections.articleDates;
    assert.deepEqual(Object.entries(dates), [['__proto__', '2024-03-05'], ['constructor', '2024-03-06'], ['toString', '2024-03-07']]);
    assert.equal(dates.hasOwnProperty, undefined, 'no inherited keys');
    let c = applyCorrectionEdit(parsed.corrections, { kind: 'articleDate', file: 'valueOf', date: '2024-03-08' });
    c = applyCorrectionEdit(c, { kind: 'articleDate', file: '__proto__', date: '2024-03-09' });
    assert.deepEqual(Object.entries(c.articleDates), [['__proto__', '2024-03-09'], ['constructor', '2024-03-06'], ['toString', '2024-03-07'], ['valueOf', '2024-03-08']]);
    assert.equal(Object.getPrototypeOf(c.articleDates), null);
    c = applyCorrectionEdit(c, { kind: 'articleDate', file: 'constructor', date: null });
    assert.deepEqual(Object.keys(c.articleDates), ['__proto__', 'toString', 'valueOf']);
    assert.deepEqual(Object.keys(emptyCorrections().articleDates), []);
    assert.equal(emptyCorrections().articleDates.constructor, undefined);
  });
});
