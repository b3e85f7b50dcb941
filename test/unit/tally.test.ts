import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Tally } from '../../server/src/corpus/tally';

/** Everything a tally answers: its entries in order, its size, its keys, and a few counts. */
function read(t: Tally, ...asked: string[]) {
  return { entries: [...t], size: t.size, keys: [...t.keys()], counts: asked.map((k) => t.get(k)) };
}

function tally(...bumps: [string, number][]): Tally {
  const t = new Tally();
  for (const [key, delta] of bumps) t.bump(key, delta);
  return t;
}

describe('Tally', () => {
  it('is empty at first', () => {
    assert.deepEqual(read(new Tally(), 'a'), { entries: [], size: 0, keys: [], counts: [undefined] });
  });

  it('counts one string, adding each delta', () => {
    assert.deepEqual(read(tally(['a', 1]), 'a', 'b'), { entries: [['a', 1]], size: 1, keys: ['a'], counts: [1, undefined] });
    assert.deepEqual(read(tally(['a', 2], ['a', 3]), 'a'), { entries: [['a', 5]], size: 1, keys: ['a'], counts: [5] });
    assert.deepEqual(read(tally(['a', 3], ['a', -1]), 'a'), { entries: [['a', 2]], size: 1, keys: ['a'], counts: [2] });
  });

  it('drops a single count that reaches zero, and counts a new string afresh after it', () => {
    assert.deepEqual(read(tally(['a', 2], ['a', -2]), 'a'), { entries: [], size: 0, keys: [], counts: [undefined] });
    assert.deepEqual(read(tally(['a', 1], ['a', -1], ['b', 2]), 'a', 'b'), { entries: [['b', 2]], size: 1, keys: ['b'], counts: [undefined, 2] });
    // A first bump that takes away, or adds nothing, leaves nothing behind.
    assert.deepEqual(read(tally(['a', -1]), 'a'), { entries: [], size: 0, keys: [], counts: [undefined] });
    assert.deepEqual(read(tally(['a', 0]), 'a'), { entries: [], size: 0, keys: [], counts: [undefined] });
  });

  it('ignores taking away, or adding nothing to, a string it does not hold beside its one string', () => {
    assert.deepEqual(read(tally(['a', 2], ['b', -1]), 'a', 'b'), { entries: [['a', 2]], size: 1, keys: ['a'], counts: [2, undefined] });
    assert.deepEqual(read(tally(['a', 2], ['b', 0]), 'a', 'b'), { entries: [['a', 2]], size: 1, keys: ['a'], counts: [2, undefined] });
  });

  it('counts several strings in the order they came, each with its own count', () => {
    const t = tally(['b', 2], ['a', 1], ['b', 1], ['c', 4]);
    assert.deepEqual(read(t, 'a', 'b', 'c', 'd'), { entries: [['b', 3], ['a', 1], ['c', 4]], size: 3, keys: ['b', 'a', 'c'], counts: [1, 3, 4, undefined] });
  });

  it('drops any of several counts that reaches zero, and never keeps one below it', () => {
    const t = tally(['a', 1], ['b', 2], ['c', 1]);
    t.bump('b', -2);
    assert.deepEqual(read(t, 'a', 'b', 'c'), { entries: [['a', 1], ['c', 1]], size: 2, keys: ['a', 'c'], counts: [1, undefined, 1] });
    t.bump('d', -1);
    assert.deepEqual(read(t, 'd'), { entries: [['a', 1], ['c', 1]], size: 2, keys: ['a', 'c'], counts: [undefined] });
    t.bump('a', -1);
    t.bump('c', -1);
    assert.deepEqual(read(t, 'a', 'c'), { entries: [], size: 0, keys: [], counts: [undefined, undefined] });
    // Still counts after it emptied.
    t.bump('c', 2);
    assert.deepEqual(read(t, 'c'), { entries: [['c', 2]], size: 1, keys: ['c'], counts: [2] });
  });
});
