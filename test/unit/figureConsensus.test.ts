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

  it('counts intervals that only touch as agreeing, from either side', () => {
    // "nearly 5,000" is 4,500–5,500 and 5,000 is 4,500–5,500: each touches 4,000 (3,500–4,500).
    check(['4,000', '4,000', '4,000', '5,000|2024-03-05|nearly'], []);
    check(['5,000', '5,000', '5,000', '4,000'], []);
    check(['5,000', '5,000', '5,000', '3,900'], ['3,900']);
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

describe('figure consensus, every word and edge', () => {
  // Each approximator the rule knows, with the interval it gives: floors reach up to 1.5 times,
  // ceilings down to two thirds, "nearly" words down by a tenth, rough words widen by 12.5 %.
  const FLOORS = ['over', 'more than', 'at least', 'above', 'upwards of', 'in excess of', 'just over', 'no fewer than', 'no less than', 'more', 'plus'];
  const CEILINGS = ['under', 'less than', 'fewer than', 'up to', 'at most', 'no more than', 'as many as', 'as much as', 'below', 'a maximum of', 'just under'];
  const NEAR = ['nearly', 'almost', 'close to', 'approaching', 'just shy of'];
  const ROUGH = ['about', 'around', 'roughly', 'approximately', 'approx.', 'some', 'circa', 'c.', 'an estimated', 'estimated', 'or so', 'odd', 'as few as', 'as little as'];

  it('knows every approximator, in any case, and ignores words it does not know', () => {
    for (const word of FLOORS) assert.deepEqual(figureInterval({ value: 4000, approx: word }), [3500, 6000], word);
    for (const word of CEILINGS) assert.deepEqual(figureInterval({ value: 6000, approx: word }), [4000, 6500], word);
    for (const word of NEAR) assert.deepEqual(figureInterval({ value: 5000, approx: word }), [4500, 5500], word);
    for (const word of ROUGH) assert.deepEqual(figureInterval({ value: 5200, approx: word }), [4550, 5850], word);
    assert.deepEqual(figureInterval({ value: 4000, approx: 'Over' }), [3500, 6000]);
    assert.deepEqual(figureInterval({ value: 5200, approx: 'ABOUT' }), [4550, 5850]);
    for (const word of ['exactly', '', 'constructor']) assert.deepEqual(figureInterval({ value: 4000, approx: word }), [3500, 4500], word);
  });

  it('stretches a hedged range from its far end', () => {
    assert.deepEqual(figureInterval({ value: 4000, high: 5000, approx: 'over' }), [3500, 7500]);
    assert.deepEqual(figureInterval({ value: 6000, high: 9000, approx: 'up to' }), [4000, 9500]);
    assert.deepEqual(figureInterval({ value: 5200, high: 6000, approx: 'nearly' }).map(Math.round), [4680, 6500]);
    assert.deepEqual(figureInterval({ value: 5200, high: 6000, approx: 'about' }), [4550, 6750]);
  });

  it('takes a range written backwards, ignores an upper end that is no number, and widens negative figures outwards', () => {
    assert.deepEqual(figureInterval({ value: 4000, high: 3000 }), [2625, 4500]);
    assert.deepEqual(figureInterval({ value: 4000, high: Number.POSITIVE_INFINITY }), [3500, 4500]);
    assert.deepEqual(figureInterval({ value: 4000, high: Number.NaN }), [3500, 4500]);
    assert.deepEqual(figureInterval({ value: -4000 }), [-4500, -3500]);
    assert.deepEqual(figureInterval({ value: -4000, high: -3000 }), [-4500, -2625]);
    assert.deepEqual(figureInterval({ value: 0 }), [0, 0]);
  });

  it('reads precision from the last significant digit, whole or decimal, within the bounds', () => {
    assert.equal(writtenPrecision(7), 0.5 / 7);
    assert.equal(writtenPrecision(0.5), 0.1);
    assert.equal(writtenPrecision(0.25), 0.05);
    assert.equal(writtenPrecision(-4000), 0.125);
    assert.equal(writtenPrecision(-5200), 0.05);
    assert.equal(writtenPrecision(3e15), 0.125);
    // Units stop at 10^15: a number of 17 digits is not taken to be as rough as its zeros suggest.
    assert.equal(writtenPrecision(1e16), 0.05);
    assert.equal(writtenPrecision(Number.POSITIVE_INFINITY), 0.05);
    assert.equal(writtenPrecision(Number.NaN), 0.05);
  });

  it('numbers ISO weeks from the week of 1 January 1970, and refuses what is not a date', () => {
    assert.equal(weekOf('1970-01-01'), 0);
    assert.equal(weekOf('1970-01-04'), 0);
    assert.equal(weekOf('1970-01-05'), 1);
    assert.equal(weekOf('1969-12-29'), 0);
    assert.equal(weekOf('1969-12-28'), -1);
    for (const bad of ['x2024-03-04', '2024-03-04x', '2024-13-45', '', '20240304']) assert.equal(weekOf(bad), undefined, bad);
  });

  const fig = (value: number, date = '2024-03-05', approx?: string): ReportedFigure => ({ value, date, ...(approx ? { approx } : {}) });

  it('says which figure is the consensus, its interval, how many agree and how many others there were', () => {
    const figures = [fig(4000, '2024-03-04'), fig(4000, '2024-03-06'), fig(4100, '2024-03-10'), fig(5200, '2024-03-07')];
    // Each 4,000 has two others agreeing out of a week of four: no majority, so no consensus.
    assert.deepEqual(judgeFigures(figures), [{ disagrees: false }, { disagrees: false }, { disagrees: false }, { disagrees: true, consensus: { median: 1, low: 3500, high: 4500, size: 3, others: 3 } }]);
    const five = [fig(4000), fig(4000), fig(4000), fig(8000), fig(8000)];
    const against = { disagrees: true, consensus: { median: 1, low: 3500, high: 4500, size: 3, others: 4 } };
    assert.deepEqual(judgeFigures(five), [{ disagrees: false }, { disagrees: false }, { disagrees: false }, against, against]);
  });

  it('takes the lower median of the others, never the figure itself', () => {
    // Sorted: 3,000 (0), 4,000 (1), 4,000 (2), 4,000 (3). For the first 4,000 the others are
    // 3,000, 4,000, 4,000, whose lower median is the second 4,000 (index 2).
    const figures = [fig(3000), fig(4000), fig(4000), fig(4000)];
    const verdicts = judgeFigures(figures);
    assert.deepEqual(verdicts[0], { disagrees: true, consensus: { median: 2, low: 3500, high: 4500, size: 3, others: 3 } });
    assert.deepEqual(verdicts.slice(1), [{ disagrees: false }, { disagrees: false }, { disagrees: false }]);
    // Five figures: the lower median of four others is the second of them, skipping the figure
    // itself (ranks 0 and 1 look past themselves to index 2; ranks 2 to 4 take index 1).
    const agreeing = (median: number, size = 3) => ({ median, low: 3500, high: 4500, size, others: 4 });
    assert.deepEqual(judgeFigures([fig(4000), fig(4000), fig(4000), fig(4000), fig(8000)]), [
      { disagrees: false, consensus: agreeing(2) },
      { disagrees: false, consensus: agreeing(2) },
      { disagrees: false, consensus: agreeing(1) },
      { disagrees: false, consensus: agreeing(1) },
      { disagrees: true, consensus: agreeing(1, 4) },
    ]);
  });

  it('leaves out figures that are no number or have no date, and counts them in no week', () => {
    const figures = [fig(4000), fig(4000), fig(Number.NaN), fig(5200), fig(4000, 'no date'), fig(4000, '2024-03-05T10:00')];
    assert.deepEqual(judgeFigures(figures), [{ disagrees: false }, { disagrees: false }, { disagrees: false }, { disagrees: true, consensus: { median: 0, low: 3500, high: 4500, size: 2, others: 2 } }, { disagrees: false }, { disagrees: false }]);
    // Two dated figures and an undated one make no week of three.
    assert.deepEqual(judgeFigures([fig(4000), fig(5200), fig(4000, '')]), [{ disagrees: false }, { disagrees: false }, { disagrees: false }]);
  });

  it('lists the members of a consensus from the same week only, never the figure itself or one that is no number', () => {
    const figures = [fig(4000, '2024-03-04'), fig(Number.NaN), fig(4000, '2024-03-11'), fig(5200), fig(4200), fig(9000), fig(4000, '2024-03-10')];
    const consensus = { median: 0, low: 3500, high: 4500, size: 3, others: 4 };
    assert.deepEqual(consensusMembers(figures, 3, consensus, 10), [0, 4, 6]);
    assert.deepEqual(consensusMembers(figures, 0, consensus, 10), [4, 6]);
    assert.deepEqual(consensusMembers(figures, 3, consensus, 1), [0]);
    assert.deepEqual(consensusMembers(figures, 3, consensus, 0), []);
    // 4,200 stands for 3,990–4,410: touching ends count as overlapping.
    assert.deepEqual(consensusMembers(figures, 3, { ...consensus, low: 4410, high: 4410 }, 10), [0, 4, 6]);
    assert.deepEqual(consensusMembers(figures, 3, { ...consensus, low: 4411, high: 4411 }, 10), [0, 6]);
    assert.deepEqual(consensusMembers(figures, 3, { ...consensus, low: 4500, high: 5000 }, 10), [0, 6]);
    assert.deepEqual(consensusMembers(figures, 3, { ...consensus, low: 4501, high: 5000 }, 10), []);
  });
});
