import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findArticleDate } from '../../server/src/analysis/articleDate';
import type { AnchorSource } from '../../server/src/analysis/types';

/** Finds the article date and compares value, source and the text it was read from. */
function check(text: string, setting: string | undefined, value: string, source: AnchorSource, spanText?: string): void {
  const found = findArticleDate(text, setting);
  assert.deepEqual([found.value, found.source], [value, source]);
  if (spanText !== undefined) {
    assert.ok(found.span, 'a date read from the text carries its span');
    assert.equal(found.span.text, spanText);
    assert.equal(text.slice(found.span.start, found.span.end), spanText);
  }
}

describe('findArticleDate', () => {
  it('lets a per-file setting win over the text', () => {
    check('Ferry strike ends\ndate 2021-11-10\nThe strike ended on Monday.', '2020-01-02', '2020-01-02', 'setting');
  });
  it('ignores a setting that is not a calendar date', () => {
    check('Ferry strike ends\ndate 2021-11-10\n', '2021-02-30', '2021-11-10', 'date-line');
  });
  it('reads a date line', () => {
    check('Ferry strike ends\r\nDate: 2021-11-10\r\nThe strike ended on Monday.', undefined, '2021-11-10', 'date-line', '2021-11-10');
  });
  it('reads a line that holds only a full date under the headline', () => {
    check('Ferry strike ends\nNovember 10, 2021\nThe strike ended on Monday.', undefined, '2021-11-10', 'date-line', 'November 10, 2021');
  });
  it('reads a dateline with a year', () => {
    check('Ferry strike ends\n\nDOVER, Nov. 10, 2021 (AP) — The strike ended on Monday.', undefined, '2021-11-10', 'dateline', 'Nov. 10, 2021');
  });
  it('reads a dateline that names the weekday', () => {
    check('Ferry strike ends\n\nDOVER, Wednesday, November 10, 2021 -- The strike ended.', undefined, '2021-11-10', 'dateline', 'November 10, 2021');
  });
  it('reads a dateline line with an ISO date', () => {
    check('FERRIES - STRIKE ENDS .\nDOVER 2021-11-10\nThe strike ended on Monday.', undefined, '2021-11-10', 'dateline', '2021-11-10');
  });
  it('gives no date for a dateline without a year and nothing else to fix it', () => {
    check('Ferry strike ends\n\nDOVER, Nov. 10 (Reuters) - The strike ended on Monday.', undefined, '', 'none');
  });
  it('takes the year of a year-less dateline from the same day written in full', () => {
    check(
      'Ferry strike ends\n\nDOVER, Nov. 10 (Reuters) - The strike that began on October 2, 2021 ended on November 10, 2021.',
      undefined,
      '2021-11-10',
      'dateline',
      'Nov. 10',
    );
  });
  it('finds nothing in an article without a date', () => {
    check('Ferry strike ends\nThe strike ended on Monday.', undefined, '', 'none');
    check('', undefined, '', 'none');
    check('\uFEFF' + 'x'.repeat(200000), undefined, '', 'none');
  });
});
