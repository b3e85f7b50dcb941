import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/analysis';
import { HOSTILE_WORDS, hostileArticle, spellings } from '../support/hostileWords';

/** A mention field may hold only plain data; a function or object means a table lookup leaked a built-in. */
function assertPlain(value: unknown, where: string): void {
  if (value === null || value === undefined) return;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return;
  if (Array.isArray(value)) return value.forEach((v, i) => assertPlain(v, `${where}[${i}]`));
  assert.ok(type === 'object' && Object.getPrototypeOf(value) === Object.prototype, `${where} is a ${type === 'object' ? Object.getPrototypeOf(value)?.constructor?.name ?? 'null-prototype object' : type}`);
  for (const [k, v] of Object.entries(value as object)) assertPlain(v, `${where}.${k}`);
}

describe('words that are JavaScript property names', () => {
  it(`are plain words in every position, for all ${HOSTILE_WORDS.length} of them in every spelling`, () => {
    for (const word of HOSTILE_WORDS) {
      for (const w of spellings(word)) {
        const text = hostileArticle(w);
        const result = analyzeArticle(text, {});
        assert.deepEqual(result.problems, [], `${w}: a stage failed`);
        assertPlain({ ...result, problems: [] }, w);
        for (const m of [...result.entities, ...result.dates, ...result.figures]) assert.equal(text.slice(m.start, m.end), m.text, `${w}: ${m.kind} offsets`);
      }
    }
  });
});
