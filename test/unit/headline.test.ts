import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle, findHeadline } from '../../server/src/analysis';

function check(text: string, expected: string | undefined) {
  const headline = findHeadline(text);
  assert.equal(headline?.text, expected, JSON.stringify(text));
  if (headline) assert.equal(text.slice(headline.start, headline.end), headline.text);
}

describe('findHeadline', () => {
  it('takes the first non-empty line, trimmed', () => check('\n\n  Port Strike Ends  \nBody.\n', 'Port Strike Ends'));
  it('skips web boilerplate and the date line', () => check('Connect with us\n\nHi, what are you looking for?\ndate 2024-03-05\nPort Strike Ends\n', 'Port Strike Ends'));
  it('skips a BOM and CRLF', () => check('\uFEFF\r\nPort Strike Ends\r\nBody\r\n', 'Port Strike Ends'));
  it('finds none in an empty file', () => check('', undefined));
  it('finds none when the first text is a long paragraph', () => check(`${'word '.repeat(60)}\n`, undefined));
});

describe('analyzeArticle on odd input', () => {
  for (const [name, text] of [
    ['empty', ''],
    ['only whitespace', ' \n\r\n\t'],
    ['lone surrogates', 'Ms \uD800Marrow met \uDFFF Mr Brack\uD83D.'],
    ['control characters', 'Head\u0000line\u0007\n\u001b[31mMs Marrow\n'],
    ['non-English text', 'Путин встретился с Си Цзиньпином в Москве 12 марта.\n北京市'],
  ] as const) {
    it(`never throws and keeps offsets in range: ${name}`, () => {
      const result = analyzeArticle(text);
      for (const m of [...result.entities, ...result.dates, ...result.figures]) {
        assert.ok(m.start >= 0 && m.start <= m.end && m.end <= text.length, `${m.kind} ${m.start}-${m.end}`);
        assert.equal(text.slice(m.start, m.end), m.text);
      }
    });
  }
});
