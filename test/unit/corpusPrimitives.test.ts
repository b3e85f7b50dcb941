import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KeysView, smallest } from '../../server/src/corpus/smallest';
import { lowerBound, upperBound } from '../../server/src/corpus/sorted';
import { TRUE_CELL, UNDEFINED, ValueTable } from '../../server/src/corpus/valueTable';

describe('the value table', () => {
  it('keeps each value once, telling 1 from "1" and true from "true", with true always first', () => {
    const table = new ValueTable();
    assert.equal(table.size, 1);
    assert.equal(table.valueAt(0), true);
    assert.equal(table.cellOf(true), TRUE_CELL);
    const values = ['1', 1.5, 'true', false, null, 'constructor', '__proto__', '', 'Zoë'];
    const cells = values.map((v) => table.cellOf(v));
    assert.deepEqual(values.map((v) => table.cellOf(v)), cells, 'the same cell the second time');
    assert.equal(new Set(cells).size, values.length);
    assert.deepEqual(cells.map((c) => table.valueOf(c)), values);
    assert.equal(table.size, 1 + values.length);
    assert.deepEqual(values.map((v) => table.indexOf(v)), cells.map((c) => (c - 1) / 2));
  });

  it('stores small integers in the cell itself, up to 2^29 in magnitude, and larger ones in the table', () => {
    const table = new ValueTable();
    for (const n of [0, 7, -7, 2 ** 29 - 1, -(2 ** 29) + 1]) {
      assert.equal(table.cellOf(n), n * 2, String(n));
      assert.equal(table.valueOf(n * 2), n);
    }
    assert.equal(table.size, 1, 'no small integer went into the table');
    for (const n of [2 ** 29, -(2 ** 29), 2 ** 40, 0.5, -3.25]) {
      const cell = table.cellOf(n);
      assert.equal(cell & 1, 1, String(n));
      assert.equal(table.valueOf(cell), n);
    }
    assert.equal(table.size, 6);
  });

  it('marks an absent field apart from every value, and refuses what is no primitive', () => {
    const table = new ValueTable();
    assert.equal(table.cellOf(undefined), UNDEFINED);
    assert.equal(table.valueOf(UNDEFINED), undefined);
    for (const bad of [{}, [], () => 1, Symbol('x'), 10n]) assert.throws(() => table.cellOf(bad), /cannot store a (object|function|symbol|bigint) in a mention column/);
    assert.throws(() => table.indexOf({ a: 1 }), /cannot store a object/);
    assert.equal(table.size, 1);
  });

  it('refuses an index it does not hold', () => {
    const table = new ValueTable();
    table.cellOf('a');
    assert.equal(table.valueAt(1), 'a');
    for (const bad of [-1, 2, Number.NaN]) assert.throws(() => table.valueAt(bad), /value out of range/, String(bad));
  });

  it('finds the cell of a string it holds, and -1 for one it never saw, without adding it', () => {
    const table = new ValueTable();
    const cell = table.cellOf('workers');
    assert.equal(table.stringCell('workers'), cell);
    assert.equal(table.stringCell('ships'), -1);
    assert.equal(table.size, 2);
  });
});

describe('the smallest strings', () => {
  const words = ['pear', 'apple', 'fig', 'Zebra', 'kiwi', 'date', 'banana', 'cherry', 'apple2', 'Éclair', 'grape', 'lime'];
  const sorted = [...words].sort();

  it('gives the limit smallest in code-unit order, sorted, whatever order they come in', () => {
    for (let limit = 0; limit <= words.length + 1; limit++) {
      for (const order of [words, [...words].reverse(), sorted, [...sorted].reverse()]) {
        assert.deepEqual(smallest(new Set(order), limit), sorted.slice(0, limit), `${limit} of ${order.join(',')}`);
      }
    }
  });

  it('reads the keys of a map through a sized view', () => {
    const map = new Map(words.map((w, i) => [w, i]));
    const view = new KeysView(map);
    assert.equal(view.size, words.length);
    assert.deepEqual([...view], words);
    assert.deepEqual(smallest(view, 3), sorted.slice(0, 3));
  });

  it('keeps the smallest of many in a heap, as a full sort would', () => {
    // A fixed pseudo-random order (a linear congruential sequence) of 500 strings.
    let seed = 7;
    const many = Array.from({ length: 500 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return `w${seed.toString(36)}`;
    });
    for (const limit of [1, 2, 3, 10, 99, 250]) assert.deepEqual(smallest(new Set(many), limit), [...new Set(many)].sort().slice(0, limit), String(limit));
  });
});

describe('binary search over ascending numbers', () => {
  const days = [3, 5, 5, 5, 8, 13];
  it('finds the first index not below, and the first above, a value', () => {
    const cases: [number, number, number][] = [
      [0, 0, 0],
      [3, 0, 1],
      [4, 1, 1],
      [5, 1, 4],
      [6, 4, 4],
      [13, 5, 6],
      [14, 6, 6],
    ];
    for (const [value, lower, upper] of cases) assert.deepEqual([lowerBound(days, value), upperBound(days, value)], [lower, upper], String(value));
  });

  it('searches only the range it is given', () => {
    assert.equal(lowerBound(days, 5, 2), 2);
    assert.equal(lowerBound(days, 5, 0, 1), 1);
    assert.equal(upperBound(days, 5, 0, 2), 2);
    assert.equal(upperBound(days, 4, 3), 3);
    assert.equal(lowerBound(days, 100, 2, 4), 4);
    assert.equal(lowerBound(new Int32Array(days), 8), 4);
    assert.equal(upperBound([], 1), 0);
  });
});
