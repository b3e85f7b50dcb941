import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

// The compiled test lives in out/test/unit, three levels below the repository root.
const root = path.resolve(__dirname, '../../..');
const grammarPath = path.join(root, 'syntaxes/article.tmLanguage.json');
const configPath = path.join(root, 'syntaxes/article.language-configuration.json');
const sampleDir = path.join(root, 'sample');

/** The scope every token carries; a character with only this scope has no structure. */
const ROOT = 'text.article';

/**
 * How lines reach the tokenizer. VS Code splits on \r\n, \r and \n ('editor'); other hosts
 * split on \n alone and leave a trailing \r on each line ('keep-cr'). The grammar must give
 * the same scopes either way.
 */
type LineMode = 'editor' | 'keep-cr';

let grammar: vsctm.IGrammar;

before(async () => {
  const wasm = fs.readFileSync(path.join(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === ROOT
        ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath)
        : null,
  });
  const loaded = await registry.loadGrammar(ROOT);
  assert.ok(loaded, 'grammar text.article loads');
  grammar = loaded;
});

/** Splits text into lines with their start offsets, the way the given host would. */
function splitLines(text: string, mode: LineMode): { start: number; line: string }[] {
  const lines: { start: number; line: string }[] = [];
  const breaks = mode === 'editor' ? /\r\n|\r|\n/g : /\n/g;
  let start = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    lines.push({ start, line: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  lines.push({ start, line: text.slice(start) });
  return lines;
}

/**
 * Tokenizes a whole article and returns the scopes of every UTF-16 offset of the text;
 * line-break characters (and, in 'keep-cr' mode, the \r the tokenizer saw) get no scopes.
 */
function scopesByOffset(text: string, mode: LineMode): string[][] {
  const scopes: string[][] = Array.from({ length: text.length }, () => []);
  // vscode-textmate reports grammar faults (a rule that pops without advancing) on the
  // console and carries on; treat them as failures.
  const complaints: unknown[][] = [];
  const consoleError = console.error;
  console.error = (...args: unknown[]) => complaints.push(args);
  try {
    let state = vsctm.INITIAL;
    for (const { start, line } of splitLines(text, mode)) {
      const result = grammar.tokenizeLine(line, state);
      state = result.ruleStack;
      for (const token of result.tokens) {
        for (let i = token.startIndex; i < Math.min(token.endIndex, line.length); i++) {
          if (line[i] !== '\r') scopes[start + i] = token.scopes;
        }
      }
    }
  } finally {
    console.error = consoleError;
  }
  assert.deepEqual(complaints, [], 'the tokenizer reported no grammar faults');
  return scopes;
}

/**
 * One expectation: every character of `needle` (its first occurrence, or the one after
 * `after`) carries `scope`; `scope: null` means plain text with no structure at all;
 * `not` lists scopes that must be absent.
 */
interface Expect {
  needle: string;
  after?: string;
  scope?: string | null;
  not?: string[];
}

function locate(text: string, e: Expect): number {
  const from = e.after === undefined ? 0 : text.indexOf(e.after) + e.after.length;
  const at = text.indexOf(e.needle, from);
  assert.ok(at >= 0 && (e.after === undefined || text.indexOf(e.after) >= 0), `"${e.needle}" is in the input`);
  return at;
}

function checkMode(text: string, expected: Expect[], mode: LineMode): void {
  const scopes = scopesByOffset(text, mode);
  for (const e of expected) {
    const at = locate(text, e);
    for (let i = at; i < at + e.needle.length; i++) {
      const here = scopes[i];
      const where = `"${e.needle}" at char ${i - at} ("${text[i]}"), ${mode} lines: ${here.join(' ')}`;
      if (e.scope === null) assert.deepEqual(here, [ROOT], `no structure in ${where}`);
      else if (e.scope !== undefined) assert.ok(here.includes(e.scope), `${e.scope} expected in ${where}`);
      for (const absent of e.not ?? []) assert.ok(!here.includes(absent), `${absent} unexpected in ${where}`);
    }
  }
}

/** Checks the expectations on the article as written, and again with CRLF line endings. */
function check(text: string, expected: Expect[]): void {
  checkMode(text, expected, 'editor');
  const crlf = text.replace(/\n/g, '\r\n');
  checkMode(crlf, expected, 'editor');
  checkMode(crlf, expected, 'keep-cr');
}

const HEADING = 'markup.heading.1.article';
const BOILERPLATE = 'comment.line.boilerplate.article';
const QUOTE = 'string.quoted.double.article';
const NUMBER = 'constant.numeric.article';
const DATE_VALUE = 'constant.numeric.date.article';
const DATELINE = 'meta.dateline.article';
const DATELINE_PLACE = 'entity.name.section.dateline.article';
const STRUCTURE = [HEADING, BOILERPLATE, QUOTE, NUMBER, DATE_VALUE, DATELINE, 'meta.date-line.article'];

describe('article grammar', () => {
  test('headline, date line, dateline, quotation, figures and boilerplate', () => {
    check(
      [
        'Dockers walk out at Harbour City',
        'date 2024-03-05',
        '',
        'HARBOUR CITY, March 4 (Sample Wire) - Dockers stopped work on Monday.',
        '',
        '“We are not moving,” said the union’s chair.',
        '',
        'Also read: Another story entirely',
        '',
        'The union counts 127,000 members.',
      ].join('\n'),
      [
        { needle: 'Dockers walk out at Harbour City', scope: HEADING },
        { needle: 'date', after: 'City', scope: 'keyword.other.date-line.article' },
        { needle: 'date 2024-03-05', scope: 'meta.date-line.article', not: [HEADING] },
        { needle: '2024-03-05', scope: DATE_VALUE },
        { needle: 'HARBOUR CITY, March 4 (Sample Wire) -', scope: DATELINE, not: [HEADING] },
        { needle: 'HARBOUR CITY', after: '2024-03-05', scope: DATELINE_PLACE },
        { needle: 'March 4', scope: DATE_VALUE },
        { needle: 'Sample Wire', not: [DATELINE_PLACE] },
        { needle: '“We are not moving,”', scope: QUOTE },
        { needle: ' said the union’s chair.', scope: null },
        { needle: 'Also read: Another story entirely', scope: BOILERPLATE },
        { needle: '127,000', scope: NUMBER },
        { needle: 'The union counts ', scope: null },
      ],
    );
  });

  test('the headline is found after blank lines and leading boilerplate, and only once', () => {
    check('\n\n   \nPort talks collapse\n\nPort talks collapse\n', [
      { needle: 'Port talks collapse', scope: HEADING },
      { needle: 'Port talks collapse', after: 'collapse', scope: null },
    ]);
    check('Connect with us\n\nHi, what are you looking for?\n\n  Grain exports halted  \nA second line.\n', [
      { needle: 'Connect with us', scope: BOILERPLATE, not: [HEADING] },
      { needle: 'Hi, what are you looking for?', scope: BOILERPLATE, not: [HEADING] },
      { needle: 'Grain exports halted', scope: HEADING },
      { needle: 'A second line.', scope: null },
    ]);
    check('date 2024-03-05\nSource: Sample Wire\nDockers return\n', [
      { needle: 'date 2024-03-05', scope: 'meta.date-line.article', not: [HEADING] },
      { needle: 'Source: Sample Wire', scope: BOILERPLATE, not: [HEADING] },
      { needle: 'Dockers return', scope: HEADING },
    ]);
  });

  test('a file that opens with a paragraph has no headline', () => {
    const paragraph = `Officials said on Monday that 4,000 workers had left the port, ${'and the talks went on. '.repeat(8)}`;
    check(`\n${paragraph}\nA short second line.\n`, [
      { needle: 'Officials said on Monday that ', scope: null },
      { needle: '4,000', scope: NUMBER, not: [HEADING] },
      { needle: 'A short second line.', scope: null },
    ]);
    // A long paragraph that opens with a dateline still gets the dateline.
    check(`LONDON (AP) — ${paragraph}\n`, [
      { needle: 'LONDON', scope: DATELINE_PLACE, not: [HEADING] },
      { needle: 'Officials said', scope: null },
    ]);
    // Up to 200 characters is still a headline.
    const long = `Strike ${'x'.repeat(186)} ends`;
    check(`${long}\nBody.\n`, [{ needle: long, scope: HEADING }]);
    check(`${long}abc\nBody.\n`, [{ needle: long, not: [HEADING] }]);
  });

  test('figures and quotations inside the headline keep their scopes', () => {
    check('Strike spreads to 5,200 workers as “talks fail”\nBody text.\n', [
      { needle: '5,200', scope: NUMBER },
      { needle: '5,200', scope: HEADING },
      { needle: '“talks fail”', scope: QUOTE },
      { needle: 'Body text.', scope: null },
    ]);
  });

  test('datelines in wire styles', () => {
    const cases: [string, string][] = [
      ['LONDON, March 3 (Reuters) - Ministers met.', 'LONDON'],
      ['WASHINGTON (AP) — Ministers met.', 'WASHINGTON'],
      ['KYIV, Ukraine — Ministers met.', 'KYIV, Ukraine'],
      ['SÃO PAULO, 4 March -- Ministers met.', 'SÃO PAULO'],
      ['NEW YORK, Jan. 5, 2024 (Sample Wire) – Ministers met.', 'NEW YORK'],
      ['ST. PETERSBURG, Fla. — Ministers met.', 'ST. PETERSBURG, Fla.'],
    ];
    for (const [line, place] of cases) {
      check(`Headline\n\n${line}\n`, [
        { needle: place, scope: DATELINE_PLACE },
        { needle: 'Ministers met.', scope: null },
      ]);
    }
    // An all-capitals word without the dash is ordinary text, and so is a dash after a
    // lower-case word.
    check('Headline\n\nNATO ministers met.\nThe talks - long and tense - ended.\n', [
      { needle: 'NATO ministers met.', scope: null },
      { needle: 'The talks - long and tense - ended.', scope: null },
    ]);
  });

  test('quotations in straight and curly quotes', () => {
    check('Headline\n\nShe said "enough" and “no more” today.\nA 12" screen and ‘the city’s plan’ here.\n', [
      { needle: '"enough"', scope: QUOTE },
      { needle: '“no more”', scope: QUOTE },
      { needle: ' and ', after: '"enough"', scope: null },
      { needle: ' screen and ', scope: null },
      { needle: '‘the city’s plan’', scope: 'string.quoted.single.article' },
      { needle: ' here.', scope: null },
    ]);
    // A quotation that runs on into the next paragraph stops at the end of its line.
    check('Headline\n\n“We will stay until the end\nNext paragraph.\n', [
      { needle: '“We will stay until the end', scope: QUOTE },
      { needle: 'Next paragraph.', scope: null },
    ]);
  });

  test('numbers with separators, decimals, currencies and suffixes', () => {
    const text = 'Headline\n\nCosts: 127,000 and 1.5 and 40% and $5bn and €300m and £2.4 million.\n';
    check(text, ['127,000', '1.5', '40%', '$5bn', '€300m', '£2.4 million'].map((needle) => ({ needle, scope: NUMBER })));
    check('Headline\n\nThe G7 and COVID-19 in the 1990s, 3rd round.\n', [
      { needle: 'The G7 and COVID-19 in the 1990s, 3rd round.', scope: null },
    ]);
  });

  test('boilerplate lines', () => {
    const lines = [
      'Also read: A story elsewhere',
      'Related Article: Another one',
      'Read More',
      'READ MORE:',
      'source: yahoo.com',
      'Connect with us',
      'Hi, what are you looking for?',
      'Advertisement',
      'Share this article',
      'Click here to read the full report',
    ];
    check(`Headline\n\n${lines.join('\n\n')}\n`, lines.map((needle) => ({ needle, scope: BOILERPLATE })));
    // Words that open boilerplate are ordinary inside a sentence.
    check('Headline\n\nSources said the advertisement ran. Read more about it later.\n', [
      { needle: 'Sources said the advertisement ran. Read more about it later.', scope: null },
    ]);
  });

  test('a CRLF file gets exactly the scopes of its LF twin', () => {
    const text = '\nHeadline 5\ndate 2024-03-05\n\nLONDON (AP) — “Yes,” she said, 40%.\nRead More\n';
    const lf = scopesByOffset(text, 'editor');
    const crlfText = text.replace(/\n/g, '\r\n');
    for (const mode of ['editor', 'keep-cr'] as const) {
      const crlf = scopesByOffset(crlfText, mode).filter((_, i) => crlfText[i] !== '\r');
      assert.deepEqual(crlf, lf, `${mode} lines`);
    }
  });

  test('every sample article gets its headline and date line', () => {
    const files = fs.readdirSync(sampleDir).filter((f) => f.endsWith('.txt'));
    assert.ok(files.length > 0);
    for (const file of files) {
      const text = fs.readFileSync(path.join(sampleDir, file), 'utf8');
      const [headline, dateLine] = text.split(/\r?\n/);
      check(text, [
        { needle: headline, scope: HEADING },
        { needle: dateLine, scope: 'meta.date-line.article', not: [HEADING] },
      ]);
      const scopes = scopesByOffset(text, 'editor');
      const later = scopes.slice(text.indexOf(dateLine) + dateLine.length);
      assert.ok(!later.some((s) => s.includes(HEADING)), `${file}: only the first line is a headline`);
      assert.ok(later.some((s) => s.includes(NUMBER)), `${file}: figures are scoped`);
    }
  });
});

describe('article language contribution', () => {
  test('package.json points the article language at these files', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      contributes: {
        languages: { id: string; configuration?: string }[];
        grammars: { language?: string; scopeName: string; path: string }[];
      };
    };
    const language = manifest.contributes.languages.find((l) => l.id === 'article');
    const contributed = manifest.contributes.grammars.find((g) => g.language === 'article');
    assert.ok(language?.configuration && contributed, 'article language and grammar are contributed');
    assert.equal(path.resolve(root, language.configuration), configPath);
    assert.equal(path.resolve(root, contributed.path), grammarPath);
    const raw = JSON.parse(fs.readFileSync(grammarPath, 'utf8')) as { scopeName: string };
    assert.equal(contributed.scopeName, raw.scopeName);
    assert.equal(raw.scopeName, ROOT);
  });
});

describe('article word pattern', () => {
  const config = JSON.parse(fs.readFileSync(configPath, 'utf8')) as {
    wordPattern: { pattern: string; flags: string };
    comments?: unknown;
  };

  function words(text: string): string[] {
    // VS Code adds the g flag and keeps the others (wordHelper.ensureValidWordDefinition).
    const re = new RegExp(config.wordPattern.pattern, config.wordPattern.flags + 'g');
    return text.match(re) ?? [];
  }

  const cases: [string, string[]][] = [
    ['O’Brien met Jean-Luc', ['O’Brien', 'met', 'Jean-Luc']],
    ["Marrow's plan and Marrow’s aide", ['Marrow', 's', 'plan', 'and', 'Marrow', 's', 'aide']],
    ['O’Sullivan and D’Souza', ['O’Sullivan', 'and', 'D’Souza']],
    ['Zoë Müller-Łęcka', ['Zoë', 'Müller-Łęcka']],
    ['127,000 workers, 1.5 points', ['127,000', 'workers', '1.5', 'points']],
    ['don’t stop', ['don’t', 'stop']],
  ];
  for (const [input, expected] of cases) {
    test(input, () => assert.deepEqual(words(input), expected));
  }

  test('prose has no comment syntax', () => {
    assert.equal(config.comments, undefined);
  });
});
