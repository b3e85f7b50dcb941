import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consensusMembers, figureInterval, judgeFigures, weekOf, writtenPrecision, type ReportedFigure } from '../../server/src/corpus/figureConsensus';

/** "5,200|2024-03-05|over" → a figure. */
function fig(spec: string): ReportedFigure {
  const [value, date = '2024-03-05', approx] = spec.split('|');
  const [low, high] = value.split('-').map((v) => Number(v.replace(/,/g, '')));
  return { value: low, ...(high !== undefined ? { high } : {}), ...(approx ? { approx } : {}), date };
}

/** The figures marked as disagreeing, by their spec. */
function check(specs: string[], expected: string[]): void {
  const verdicts = judgeFigures(specs.map(fig));
  assert.deepEqual(specs.filter((_, i) => verdicts[i].disagrees), expected);
}

describe('figure consensus rule', () => {
  it('reads how precisely a number is written, between 5% and 12.5%', () => {
    assert.equal(writtenPrecision(4000), 0.125);
    assert.equal(writtenPrecision(5200), 0.05);
    assert.equal(writtenPrecision(300), 0.125);
    assert.equal(writtenPrecision(2.5), 0.05);
    assert.equal(writtenPrecision(0), 0.05);
    assert.deepEqual(figureInterval({ value: 4000 }), [3500, 4500]);
    assert.deepEqual(figureInterval({ value: 5200 }).map(Math.round), [4940, 5460]);
  });

  it('stretches intervals by approximators and ranges', () => {
    assert.deepEqual(figureInterval({ value: 4000, approx: 'over' }), [3500, 6000]);
    assert.deepEqual(figureInterval({ value: 4000, approx: 'more than' }), [3500, 6000]);
    assert.deepEqual(figureInterval({ value: 6000, approx: 'up to' }), [4000, 6500]);
    assert.deepEqual(figureInterval({ value: 5000, approx: 'nearly' }), [4500, 5500]);
    assert.deepEqual(figureInterval({ value: 5200, approx: 'about' }), [4550, 5850]);
    assert.deepEqual(figureInterval({ value: 4000, high: 5000 }), [3500, 5500]);
  });

  it('flags 5,200 against three articles saying 4,000 that week, and nothing else', () => {
    check(['4,000|2024-03-04', '4,000|2024-03-06', '4,000|2024-03-10', '5,200|2024-03-07'], ['5,200|2024-03-07']);
  });

  it('does not flag figures a careful writer could give for the same count', () => {
    check(['4,000', '4,000', '4,000', '4,400'], []);
    check(['4,000', '4,000', '4,000', '4,000|2024-03-05|over'], []);
    check(['5,000', '5,000', '5,000', '5,000|2024-03-05|nearly'], []);
    check(['4,000', '4,000', '4,000', '4,000-5,000'], []);
    check(['4,000', '4,000', '4,000', '4,500|2024-03-05|about'], []);
  });

  it('flags a hedged figure that still cannot be the same count', () => {
    check(['4,000', '4,000', '4,000', '9,000|2024-03-05|over'], ['9,000|2024-03-05|over']);
    check(['4,000', '4,000', '4,000', '1,500|2024-03-05|nearly'], ['1,500|2024-03-05|nearly']);
  });

  it('only compares figures of the same ISO week (Monday to Sunday)', () => {
    assert.equal(weekOf('2024-03-04'), weekOf('2024-03-10'));
    assert.notEqual(weekOf('2024-03-10'), weekOf('2024-03-11'));
    assert.equal(weekOf('2024-3-4'), undefined);
    // The fourth 4,000 is in the next week: 5,200 has only two others that week, one of them itself different.
    check(['4,000|2024-03-04', '4,000|2024-03-05', '5,200|2024-03-10', '4,000|2024-03-11'], ['5,200|2024-03-10']);
    check(['4,000|2024-03-04', '5,200|2024-03-10', '4,000|2024-03-11', '4,000|2024-03-12'], []);
    check(['4,000|', '4,000|', '4,000|', '5,200|'], []);
  });

  it('needs a consensus: at least two others agreeing, more than half of the week', () => {
    check(['4,000', '5,200'], []);
    check(['4,000', '4,000', '5,200'], ['5,200']);
    check(['100', '1,000', '10,000', '50'], []);
    // Two against two: no majority either way.
    check(['4,000', '4,000', '8,000', '8,000'], []);
    // Three of five agree on 4,000: the 8,000s are flagged; a 4,000 is not (its one agreeing other is no majority).
    check(['4,000', '4,000', '4,000', '8,000', '8,000'], ['8,000', '8,000']);
  });

  it('names the consensus and the figures in it', () => {
    const figures = ['4,000|2024-03-04', '4,100|2024-03-06', '3,900|2024-03-10', '5,200|2024-03-07', '4,000|2024-03-20'].map(fig);
    const verdicts = judgeFigures(figures);
    const v = verdicts[3];
    assert.ok(v.disagrees && v.consensus);
    assert.equal(v.consensus.size, 3);
    assert.equal(v.consensus.others, 3);
    assert.deepEqual(consensusMembers(figures, 3, v.consensus, 10), [0, 1, 2]);
    assert.deepEqual(consensusMembers(figures, 3, v.consensus, 2), [0, 1]);
    assert.equal(verdicts[0].disagrees, false);
    assert.equal(verdicts[4].consensus, undefined);
  });

  it('handles many figures in one week without a quadratic cost', () => {
    const figures: ReportedFigure[] = Array.from({ length: 50_000 }, (_, i) => ({ value: i % 100 === 0 ? 9_000 : 4_000, date: '2024-03-05' }));
    const started = performance.now();
    const verdicts = judgeFigures(figures);
    assert.ok(performance.now() - started < 2_000);
    assert.equal(verdicts.filter((v) => v.disagrees).length, 500);
  });
});
