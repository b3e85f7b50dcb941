import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/analysis';
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
  it('reads a date line that goes straight on with the body, as some corpora store articles', () => {
    check(' date 2021-11-10 Ferry crews walked out on Monday, the union said.\n\nMore text.', undefined, '2021-11-10', 'date-line', '2021-11-10');
    check('\uFEFFDate: 2021-11-10 Ferry crews walked out on Monday.', undefined, '2021-11-10', 'date-line', '2021-11-10');
    // Only the first line is read that way: further down it is a sentence.
    check('Ferry strike ends\n\nThe date 2021-11-10 was set for talks.', undefined, '', 'none');
  });
  it('reads a "Published" line, and an "Updated" line only when there is no "Published" one', () => {
    check('Ferry strike ends\nPublished: 10 November 2021\nThe strike ended on Monday.', undefined, '2021-11-10', 'published-line', '10 November 2021');
    check('Ferry strike ends\nPublished 10:32 GMT, 10 November 2021\nUpdated 11 November 2021\n', undefined, '2021-11-10', 'published-line', '10 November 2021');
    check('Ferry strike ends\nLast updated on November 11, 2021 at 3:04 p.m. ET\nFirst published on Nov. 10, 2021\n', undefined, '2021-11-10', 'published-line', 'Nov. 10, 2021');
    check('Ferry strike ends\nUpdated: 2021-11-11T09:30:00Z\nThe strike ended on Monday.', undefined, '2021-11-11', 'updated-line', '2021-11-11');
    check('Ferry strike ends\r\nPosted on Wednesday, November 10, 2021\r\n', undefined, '2021-11-10', 'published-line', 'November 10, 2021');
  });
  it('does not take a sentence that starts with "Updated" or "Published" for a date line', () => {
    check('Ferry strike ends\nUpdated figures released on November 3, 2021 show fewer crossings.\n', undefined, '', 'none');
    check('Ferry strike ends\nPublished reports on 3 November 2021 said the strike would end.\n', undefined, '', 'none');
  });
  it('reads a date line under the headline that also gives the time', () => {
    check('Ferry strike ends\nWednesday 10 November 2021 10.32 GMT\nThe strike ended on Monday.', undefined, '2021-11-10', 'date-line', 'Wednesday 10 November 2021');
    check('Ferry strike ends\nNovember 10, 2021, 3:04 PM EST\n', undefined, '2021-11-10', 'date-line', 'November 10, 2021');
  });
  it('finds nothing in an article without a date', () => {
    check('Ferry strike ends\nThe strike ended on Monday.', undefined, '', 'none');
    check('', undefined, '', 'none');
    check('\uFEFF' + 'x'.repeat(200000), undefined, '', 'none');
  });
});

describe('article dates through analyzeArticle', () => {
  /** The value the first date mention containing `needle` resolves to. */
  function resolved(text: string, needle: string, options = {}): string | undefined {
    const analysis = analyzeArticle(text, options);
    return analysis.dates.find((d) => d.text.includes(needle))?.value ?? undefined;
  }

  it('resolves "on Monday" against a date prefix that runs on into the body', () => {
    const text = ' date 2021-11-10 Ferry crews walked out on Monday, the union said.';
    assert.equal(resolved(text, 'Monday'), '2021-11-08');
  });

  it('reads YAML front matter in a plain-text article: its date anchors, its title heads, its keys are not names', () => {
    const text = '---\ntitle: Ferry Strike Ends\ndate: 2021-11-10\nauthor: Sample Desk\n---\nCrews walked out on Monday, said Ilse Marrow.\n';
    const analysis = analyzeArticle(text);
    assert.deepEqual([analysis.articleDate.value, analysis.articleDate.source], ['2021-11-10', 'front-matter']);
    assert.equal(text.slice(analysis.articleDate.span!.start, analysis.articleDate.span!.end), '2021-11-10');
    assert.equal(analysis.headline?.text, 'Ferry Strike Ends');
    assert.equal(resolved(text, 'Monday'), '2021-11-08');
    assert.deepEqual(analysis.entities.map((e) => e.text), ['Ilse Marrow']);
  });

  it('resolves "on Monday" in the fourth seed article to 2022-04-11 (../shared/corpus/seeds)', (t) => {
    const seed = path.resolve(__dirname, '../../../../shared/corpus/seeds/002_e518b54840958f46.txt');
    if (!existsSync(seed)) return t.skip(`${seed} is absent`);
    const text = readFileSync(seed, 'utf8');
    const analysis = analyzeArticle(text);
    assert.deepEqual([analysis.articleDate.value, analysis.articleDate.source], ['2022-04-12', 'date-line']);
    assert.equal(resolved(text, 'Monday'), '2022-04-11');
  });
});
