import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// The compiled test lives in out/test/unit, three levels below the repository root.
const sampleDir = path.resolve(__dirname, '../../../sample');
const LABEL = '(Invented sample article for Corpus Lens; the people and events are fictional.)';
const DATE_LINE = /^date (\d{4})-(\d{2})-(\d{2})$/;

interface Article {
  file: string;
  text: string;
  lines: string[];
}

function readArticles(): Article[] {
  return fs
    .readdirSync(sampleDir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(sampleDir, file), 'utf8');
      return { file, text, lines: text.split(/\r?\n/) };
    });
}

/** True when `date` names a real calendar day (no 2024-02-30). */
function isCalendarDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Matches a spelling as a whole word, so "US" is not found inside "USD" or "Brussels". */
function spellingPattern(spelling: string): RegExp {
  const escaped = spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u');
}

const articles = readArticles();

describe('sample corpus', () => {
  test('holds 8 to 12 articles named NN-slug.txt', () => {
    assert.ok(articles.length >= 8 && articles.length <= 12, `${articles.length} articles`);
    for (const { file } of articles) assert.match(file, /^\d{2}-[a-z0-9-]+\.txt$/);
  });

  test('keeps non-article files beside the articles', () => {
    assert.ok(fs.existsSync(path.join(sampleDir, 'notes.md')), 'notes.md');
    assert.ok(fs.existsSync(path.join(sampleDir, 'README.md')), 'README.md');
  });

  for (const { file, text, lines } of articles) {
    test(`${file}: headline, date line, length and label`, () => {
      const [headline, dateLine] = lines;
      assert.ok(headline.trim().length > 10 && headline === headline.trim(), `headline: "${headline}"`);
      assert.ok(!/^date\b/i.test(headline), 'the headline comes before the date line');
      const m = DATE_LINE.exec(dateLine);
      assert.ok(m, `date line: "${dateLine}"`);
      assert.ok(isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])), `calendar date: ${dateLine}`);
      const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
      assert.ok(words >= 150 && words <= 400, `${words} words`);
      const lastLine = lines.filter((line) => line.trim() !== '').at(-1);
      assert.equal(lastLine, LABEL);
    });
  }

  test('articles are in date order across about three weeks', () => {
    const dates = articles.map(({ lines }) => lines[1].slice('date '.length));
    assert.deepEqual([...dates].sort(), dates, 'file order follows date order');
    const days = (Date.parse(dates.at(-1)!) - Date.parse(dates[0])) / 86_400_000;
    assert.ok(days >= 14 && days <= 28, `${days} days`);
  });

  // The spellings the sample exists to show: each must stay in at least three articles,
  // so that cross-article linking, variant spellings and figure ledgers have something to do.
  const recurring = [
    'Transport Minister Odile Farrance',
    'Ms Farrance',
    "Farrance's",
    'Tomas Brack',
    'Mr Brack',
    'Hanne Brack',
    'Ms Brack',
    'Agnes Whitlow',
    'Ms Whitlow',
    'Marcus Delaine',
    'Mr Delaine',
    'Rafael Ostrov',
    'Kestrel Dockworkers Union (KDU)',
    'KDU',
    'Kestrel Bay Port Authority (KBPA)',
    'KBPA',
    'Merovian Grain Exporters Council (MGEC)',
    'Kestrel Bay',
    'KESTREL BAY, March',
    'LANTRY, March',
    'Halden Point',
    'United States',
    'US',
    'U.S.',
    'nearly 4,000 workers',
    'over 5,200 workers',
    '$1.2bn',
    '$1.9 billion',
    '40%',
    'last week',
    'on Tuesday',
  ];
  for (const spelling of recurring) {
    test(`"${spelling}" recurs in at least three articles`, () => {
      const re = spellingPattern(spelling);
      const found = articles.filter(({ text }) => re.test(text)).map(({ file }) => file);
      assert.ok(found.length >= 3, `found only in ${found.join(', ') || 'no article'}`);
    });
  }

  // Forms that need to appear at least once: relative dates the engine resolves against the
  // date line, and the datelines and boilerplate the grammar colours.
  const somewhere = [
    'two days ago',
    'earlier this month',
    'earlier this week',
    'on March 4',
    '2024-03-24',
    'ten vessels',
    'Farrance’s',
    '(Sample Wire) -',
    'Also read:',
  ];
  for (const form of somewhere) {
    test(`"${form}" appears in the sample`, () => {
      const re = spellingPattern(form);
      assert.ok(articles.some(({ text }) => re.test(text)), `"${form}" is missing`);
    });
  }

  test('the spelling matcher works on whole words only', () => {
    assert.ok(spellingPattern('US').test('sold to the US, then'));
    assert.ok(!spellingPattern('US').test('paid in USD'));
    assert.ok(!spellingPattern('KDU').test('KDUX'));
  });
});
