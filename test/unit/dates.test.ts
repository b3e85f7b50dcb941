import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeDateValue, findDates, NO_ANCHOR_REASON } from '../../server/src/analysis/dates';
import type { ArticleDate, DateType } from '../../server/src/analysis/types';

/** An expected mention: its text, its TIMEX3 value, and optionally its type. */
type Expected = [text: string, value: string | null, type?: DateType];

function anchorOf(date: string | null): ArticleDate {
  return date ? { value: date, source: 'setting' } : { value: '', source: 'none' };
}

/** Finds the dates of `text` against the article date and compares text, value (and type). */
function check(date: string | null, text: string, expected: Expected[]): void {
  const found = findDates(text, anchorOf(date));
  const actual = found.map((m, i) => {
    assert.equal(text.slice(m.start, m.end), m.text, 'offsets must cover the text');
    const want = expected[i];
    return want && want.length > 2 ? [m.text, m.value, m.type] : [m.text, m.value];
  });
  assert.deepEqual(actual, expected);
}

// 2021-11-10 is a Wednesday in ISO week 45 (8-14 Nov 2021).
const WED = '2021-11-10';

describe('findDates: absolute forms', () => {
  it('reads ISO, month-day-year and day-month-year dates', () => {
    check(WED, 'The plant opened on 2022-04-12 and closed on March 13, 2021, after the 13 March 2021 vote.', [
      ['2022-04-12', '2022-04-12'],
      ['March 13, 2021', '2021-03-13'],
      ['the 13 March 2021', '2021-03-13'],
    ]);
  });
  it('reads a month and day without a year as the nearest such date', () => {
    check(WED, 'Talks began on November 10. A vote is due on Jan. 4, officials said.', [
      ['November 10', '2021-11-10'],
      ['Jan. 4', '2022-01-04'],
    ]);
  });
  it('reads month and year, bare years and months resolved near the article year', () => {
    check(WED, 'Prices rose in February, 2014 and again in 2019. The mayor resigned in February.', [
      ['February, 2014', '2014-02'],
      ['2019', '2019'],
      ['February', '2021-02'],
    ]);
  });
  it('puts a month mentioned in a future-tense sentence ahead of the article date', () => {
    check(WED, 'The council will vote in March on the new budget.', [['March', '2022-03']]);
  });
  it('reads decades, centuries, quarters and halves', () => {
    check(WED, 'Sales peaked in the 1990s, the worst since the 19th century. Profit fell in the third quarter of 2020 and in the second half of 2019.', [
      ['the 1990s', '199'],
      ['the 19th century', '18'],
      ['the third quarter of 2020', '2020-Q3'],
      ['the second half of 2019', '2019-H2'],
    ]);
  });
  it('reads the last completed quarter and its year-ago comparison', () => {
    check(WED, 'Net income rose in the quarter to $5 million from $3 million a year ago.', [
      ['the quarter', '2021-Q3'],
      ['a year ago', '2020-Q3'],
    ]);
  });
  it('reads tokenised clock times', () => {
    check(WED, 'Polls closed at about 7 p . m . and the count ended at 1 : 30 a . m .', [
      ['7 p . m .', '2021-11-10T19:00'],
      ['1 : 30 a . m .', '2021-11-10T01:30'],
    ]);
  });
  it('reads times of day, alone and with a weekday', () => {
    check(WED, 'The polls closed at 10 p.m. and the count began at 9 a.m. Tuesday.', [
      ['10 p.m.', '2021-11-10T22:00', 'TIME'],
      ['9 a.m. Tuesday', '2021-11-09T09:00', 'TIME'],
    ]);
  });
});

describe('findDates: relative forms', () => {
  it('resolves deictic days and the present against the article date', () => {
    check(WED, 'The minister spoke today about yesterday\'s riots, and will travel tomorrow. Talks are now under way.', [
      ['today', '2021-11-10'],
      ['yesterday', '2021-11-09'],
      ['tomorrow', '2021-11-11'],
      ['now', 'PRESENT_REF'],
    ]);
  });
  it('resolves last, this and next against weeks, months and years', () => {
    check(WED, 'Output fell last week, rose this week and will rise next month. It grew this year after falling last year.', [
      ['last week', '2021-W44'],
      ['this week', '2021-W45'],
      ['next month', '2021-12'],
      ['this year', '2021'],
      ['last year', '2020'],
    ]);
  });
  it('resolves distances from the article date', () => {
    check(WED, 'The fire started two days ago and the alarm had failed six weeks ago. Earlier this year the plant was inspected.', [
      ['two days ago', '2021-11-08'],
      ['six weeks ago', '2021-W39'],
      ['Earlier this year', '2021'],
    ]);
  });
  it('gives vague references their TIMEX3 names', () => {
    check(WED, 'The mayor recently said the town will grow in the future.', [
      ['recently', 'PAST_REF'],
      ['the future', 'FUTURE_REF'],
    ]);
  });
  it('turns a weekday backwards in a past-tense sentence and forwards in a future one', () => {
    check(WED, 'The strike began on Monday. The union will meet on Friday. Officials met this Wednesday.', [
      ['Monday', '2021-11-08'],
      ['Friday', '2021-11-12'],
      ['this Wednesday', '2021-11-10'],
    ]);
  });
  it('reads durations and sets', () => {
    check(WED, 'The talks lasted two days, then a week, then 3 hours. Trains run daily, and the fair is held every year.', [
      ['two days', 'P2D', 'DURATION'],
      ['a week', 'P1W', 'DURATION'],
      ['3 hours', 'PT3H', 'DURATION'],
      ['daily', 'P1D', 'SET'],
      ['every year', 'P1Y', 'SET'],
    ]);
  });
  it('reads seasons and weekends', () => {
    check(WED, 'The bridge was closed last summer and over the weekend.', [
      ['last summer', '2021-SU'],
      ['the weekend', '2021-W44-WE'],
    ]);
  });
});

describe('findDates: no article date', () => {
  it('leaves relative dates unresolved with a reason, never a guess from the clock', () => {
    const found = findDates('The fire started yesterday. It was put out on 2021-03-04.', anchorOf(null));
    assert.deepEqual(
      found.map((m) => [m.text, m.value, m.relative, m.unresolved]),
      [
        ['yesterday', null, true, NO_ANCHOR_REASON],
        ['2021-03-04', '2021-03-04', false, undefined],
      ],
    );
  });
  it('explains each reading for the hover', () => {
    const [mention] = findDates('The union will meet on Friday.', anchorOf(WED));
    assert.match(mention.reading, /future-tense/);
    assert.equal(mention.relative, true);
  });
});

describe('findDates: numbers that are not dates', () => {
  it('ignores phone numbers, URLs, versions, ranges, thousands and ages', () => {
    check(
      WED,
      'Call 555-2014 or see https://example.com/2021-04-12/story. Version v2.10.3 shipped. ' +
        'The 2012-13 season drew 127,000 fans and 2000 people. A 52-year-old man, 40 years old, was hurt.',
      [],
    );
  });
  it('ignores verbs and events that look like months', () => {
    check(WED, 'Protesters march on the capital and may return for the March for Peace.', []);
  });
  it('never throws on odd input', () => {
    const odd = ['', '\uFEFF', '\uD800 March 3', 'x'.repeat(100000), '2021-02-30', 'Mär 3\r\n2021', '9'.repeat(5000)];
    for (const text of odd) assert.doesNotThrow(() => findDates(text, anchorOf(WED)));
    assert.deepEqual(findDates('2021-02-30', anchorOf(WED)), []);
  });
});

describe('describeDateValue', () => {
  const cases: [string, string][] = [
    ['2021-W45', 'week 45 of 2021 (8–14 Nov 2021)'],
    ['2021-11-10', 'Wed 10 Nov 2021'],
    ['2021-11-10T22:00', 'Wed 10 Nov 2021 at 22:00'],
    ['2021-11', 'November 2021'],
    ['2021-Q3', 'quarter 3 of 2021'],
    ['P1W', 'a duration of 1 week'],
    ['PT3H', 'a duration of 3 hours'],
    ['PXY', 'a duration of some years'],
    ['PRESENT_REF', 'the present (the article date)'],
    ['XXXX-WXX-3', 'every Wednesday'],
    ['199', 'the 1990s'],
    ['nonsense', 'nonsense'],
  ];
  for (const [value, expected] of cases) {
    it(`describes ${value}`, () => assert.equal(describeDateValue(value), expected));
  }
});
