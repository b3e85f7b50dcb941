import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/analysis';
import type { ArticleAnalysis } from '../../server/src/analysis/types';

// Random articles built from the pieces news text and broken files are made of. Seeded, so a
// failure can be replayed from the seed in its message.
const PIECES = [
  'Mr ', 'Ms ', 'President ', 'Vladimir Putin', 'Putin’s ', 'U.S. ', 'NATO ', 'the ', 'said ', 'on Tuesday ', 'last week ', '2022-04-12 ',
  'March 13, 2021 ', '13 March ', '127,000 troops ', '$5bn ', '€300m ', '40% ', '15-20 ', 'ten diplomats ', '(Reuters) - ', 'LONDON, ',
  '“', '”', '"', "'", '. ', ', ', '; ', '—', '-', '\n', '\r\n', '\n\n', '\t', ' ', '  ',
  'Москва ', 'Zelenskyy ', 'Ελλάδα ', '北京 ', 'مرحبا ', '😀', '\uD800', '\uDFFF', '\uFEFF', '\u0000', '\u0007', '\u001b[31m', '\u200b', '\uFFFD',
  'A', 'Z', 'a', '9', '1996', '2012-13', 'v2.10.3 ', '+1 202 555 0143 ', 'https://example.com/2021/11/10/story ',
];

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function article(seed: number): string {
  const rnd = random(seed);
  const parts: string[] = [];
  const n = Math.floor(rnd() * 400);
  for (let i = 0; i < n; i++) parts.push(rnd() < 0.1 ? String.fromCharCode(Math.floor(rnd() * 0x10000)) : PIECES[Math.floor(rnd() * PIECES.length)]);
  return parts.join('');
}

function checkOffsets(text: string, result: ArticleAnalysis, label: string) {
  assert.deepEqual(result.problems, [], `${label}: a stage failed`);
  for (const m of [...result.entities, ...result.dates, ...result.figures]) {
    assert.ok(Number.isInteger(m.start) && Number.isInteger(m.end) && 0 <= m.start && m.start <= m.end && m.end <= text.length, `${label}: ${m.kind} at ${m.start}-${m.end} of ${text.length}`);
    assert.equal(text.slice(m.start, m.end), m.text, `${label}: ${m.kind} text does not match its offsets`);
  }
  if (result.headline) assert.equal(text.slice(result.headline.start, result.headline.end), result.headline.text, `${label}: headline`);
}

function cpuMs(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

describe('analyzeArticle under fuzzing', () => {
  it('never throws and keeps every offset in range on 500 random articles', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const text = article(seed);
      let result: ArticleAnalysis | undefined;
      assert.doesNotThrow(() => (result = analyzeArticle(text, seed % 2 ? { articleDate: '2021-11-10' } : {})), `seed ${seed}`);
      checkOffsets(text, result!, `seed ${seed}`);
    }
  });

  it('handles very long lines and a 5 MB single-line file in linear time', () => {
    const unit = article(42).replace(/[\r\n]/g, ' ');
    const half = unit.repeat(Math.ceil(2.5e6 / Math.max(1, unit.length))).slice(0, 2.5e6);
    const full = half + half;
    let result: ArticleAnalysis | undefined;
    const tHalf = Math.min(cpuMs(() => analyzeArticle(half)), cpuMs(() => analyzeArticle(half)));
    const tFull = cpuMs(() => (result = analyzeArticle(full)));
    checkOffsets(full, result!, '5 MB line');
    // Twice the text may cost about twice the time; quadratic work would cost four times.
    assert.ok(tFull < tHalf * 3 + 50, `2.5 MB: ${tHalf.toFixed(0)} ms, 5 MB: ${tFull.toFixed(0)} ms`);
  });

  it('handles a line of nothing but one character repeated', () => {
    for (const ch of ['A', 'a', '1', ' ', '.', '-', '\u00a0', 'É', '“', '\uD800']) {
      const text = ch.repeat(200_000);
      const result = analyzeArticle(text);
      checkOffsets(text, result, `200,000 × ${JSON.stringify(ch)}`);
    }
  });
});
