import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { choiceOption, commandHelp, integerOption, parseCommandArgs, UsageError, type Command } from '../../server/src/cli/command';
import { formatProgress, progressBar } from '../../server/src/cli/progress';
import { VERSION } from '../../server/src/cli/runCli';
import { cli } from '../support/cli';

// What the command line prints, to the character: the help, the usage errors, the scan report,
// the progress bar. cli.test.ts checks the commands' work; this file the words around it.

// Invented sample articles, written for these tests.
const ARTICLES: Record<string, string> = {
  'a.txt': 'Harbour strike\ndate 2024-03-04\n\nNearly 4,000 workers walked out in Lisbon on 2024-03-04, union leader Ilse Marrow said. Marrow met the Port Authority. Talks resume on 2024-03-09.\n',
  'b.txt': 'Strike spreads\ndate 2024-03-05\n\nAbout 4,200 workers joined on Tuesday, Ilse Marrow told reporters in Lisbon and Porto. The fine was $2 million.\n',
  'c.txt': 'Undated note\n\nMinister Tomas Fell spoke in Porto on Tuesday about a $1 million grant, and again on 2024-03-04.\n',
  'd.txt': 'Dock vote\ndate 2024-03-06\n\nOn 2024-03-06 some 300 workers voted. Ilse Marrow asked for $3 million.\n',
  'e.txt': 'Late shift\ndate 2024-03-07\n\nAnother 90 workers joined; the union pledged $5 million.\n',
};

let dir: string;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-clitext-'));
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(path.join(dir, name), text);
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('the command line\'s words', () => {
  it('prints the main help on --help, -h and help, on standard error and exit 2 without a command', async () => {
    const help = await cli(['--help']);
    assert.equal(help.code, 0);
    const lines = help.out.split('\n');
    assert.deepEqual(lines.slice(0, 5), ['Usage: corpus-lens <command> [options]', '', 'Corpus Lens: who, what, where, when and how many across a folder of news articles.', '', 'Commands:']);
    assert.ok(lines.includes('  scan     summarise the articles under a folder: entities by type, dates, figures'), 'names padded to the longest and two spaces');
    assert.deepEqual(lines.slice(-8), [
      '',
      'Options:',
      '  -h, --help     show this help (corpus-lens <command> --help: the help of a command)',
      '  -v, --version  print the version',
      '',
      'Exit codes: 0 done, 1 the run failed (an input could not be read or an output written),',
      '2 the command line is wrong (unknown command or option, bad value, missing argument).',
      '',
    ]);
    for (const args of [['-h'], ['help']]) assert.deepEqual(await cli(args), { code: 0, out: help.out, err: '' }, args.join(' '));
    assert.deepEqual(await cli([]), { code: 2, out: '', err: help.out });
    assert.deepEqual(await cli(['-v']), { code: 0, out: `${VERSION}\n`, err: '' });
    assert.equal(VERSION, '0.0.0-dev', 'unbundled, the version is a placeholder');
  });

  it('says what was wrong, the usage line and where to find more', async () => {
    assert.deepEqual(await cli(['frob']), { code: 2, out: '', err: 'corpus-lens: unknown command "frob"\nUsage: corpus-lens <command> [options]\nRun \'corpus-lens --help\' for more.\n' });
    assert.deepEqual(await cli(['-x']), { code: 2, out: '', err: 'corpus-lens: unknown option -x\nUsage: corpus-lens <command> [options]\nRun \'corpus-lens --help\' for more.\n' });
    assert.deepEqual(await cli(['help', 'frob']), { code: 2, out: '', err: 'corpus-lens: unknown command "frob"\nUsage: corpus-lens <command> [options]\nRun \'corpus-lens --help\' for more.\n' });
    assert.deepEqual(await cli(['scan', dir, '--bogus']), {
      code: 2,
      out: '',
      err: 'corpus-lens scan: unknown option --bogus\nUsage: corpus-lens scan <folder> [--json] [--top N] [--articles GLOB]\nRun \'corpus-lens scan --help\' for more.\n',
    });
    // After "--" a help flag is an argument, not a request for help.
    assert.match((await cli(['scan', dir, '--', '--help'])).err, /^corpus-lens scan: unexpected argument "--help"\n/);
    assert.match((await cli(['scan', '--', '--help'])).err, /^corpus-lens scan: --help is not a folder\n/);
    assert.match((await cli(['extract', 'x'])).err, /^corpus-lens extract: unexpected argument "x"\n/);
    assert.match((await cli(['scan', dir, '-q'])).err, /^corpus-lens scan: unknown option -q\n/);
  });

  it('prints a command\'s help with its options aligned, placeholders and repeatable options marked', async () => {
    const { code, out, err } = await cli(['help', 'scan']);
    assert.deepEqual([code, err], [0, '']);
    assert.equal(
      out,
      [
        'Usage: corpus-lens scan <folder> [--json] [--top N] [--articles GLOB]',
        '',
        'summarise the articles under a folder: entities by type, dates, figures',
        '',
        'Prints the people, organizations and places with their mention and article counts, the dates and the figures.',
        'The folder\'s .corpuslens.json corrections are applied. Skipped files are listed on standard error.',
        '',
        'Options:',
        '      --json                print the summary as JSON',
        '      --top N               list the N most reported of each kind (default 15)',
        '      --articles GLOB       which files are articles, relative to the folder (default **/*.txt; e.g. \'**/*.md\') (may be repeated)',
        '      --max-file-size-kb N  skip larger files (default 2048)',
        '  -h, --help                show this help',
        '',
      ].join('\n'),
    );
    const bare: Command = { name: 'bare', summary: 'a test command', usage: 'bare', options: { name: { type: 'string', short: 'n', help: 'a name' } }, positionals: { min: 0, max: 0, name: '' }, run: async () => 0 };
    assert.equal(commandHelp(bare), 'Usage: corpus-lens bare\n\na test command\n\nOptions:\n  -n, --name VALUE  a name\n  -h, --help        show this help\n');
    assert.deepEqual(parseCommandArgs(bare, ['-n', 'x']), { values: { name: 'x' }, positionals: [] });
    assert.throws(() => parseCommandArgs(bare, ['-n']), new UsageError('option --name needs a value'));
  });

  it('reads whole numbers and choices strictly, naming the option', () => {
    assert.equal(integerOption(undefined, '--top', 15), 15);
    assert.equal(integerOption(' 7 ', '--top', 15), 7);
    assert.equal(integerOption('0', '--skip', 5, 0), 0);
    assert.equal(integerOption('1', '--top', 15), 1);
    assert.throws(() => integerOption('0', '--top', 15), new UsageError('--top must be a whole number of at least 1, not "0"'));
    assert.throws(() => integerOption('9007199254740993', '--top', 15), new UsageError('--top must be a whole number of at least 1, not "9007199254740993"'));
    assert.throws(() => integerOption('1e3', '--top', 15), /--top must be a whole number/);
    assert.throws(() => integerOption('-1', '--skip', 5, 0), new UsageError('--skip must be a whole number of at least 0, not "-1"'));
    assert.equal(choiceOption(undefined, '--format', ['csv', 'jsonl'], 'csv'), 'csv');
    assert.equal(choiceOption('jsonl', '--format', ['csv', 'jsonl'], 'csv'), 'jsonl');
    assert.throws(() => choiceOption('xml', '--format', ['csv', 'jsonl', 'svg'], 'csv'), new UsageError('--format must be csv or jsonl or svg, not "xml"'));
  });

  it('reports a folder: entities by type, dates and figures, most reported first, ties in order', async () => {
    const { code, out, err } = await cli(['scan', dir, '--top', '3']);
    assert.deepEqual([code, err], [0, '']);
    assert.equal(
      out.replace(/Indexed in \d+ ms/, 'Indexed in N ms'),
      [
        'Corpus: 5 articles',
        '',
        'People (2)',
        '  Ilse Marrow                          4 mentions    3 articles  also: Marrow',
        '  Tomas Fell                           1 mentions    1 articles',
        '',
        'Organizations (1)',
        '  Port Authority                       1 mentions    1 articles',
        '',
        'Places (2)',
        '  Lisbon                               2 mentions    2 articles',
        '  Porto                                2 mentions    2 articles',
        '',
        // The Tuesday of the undated article cannot be resolved.
        'Dates (10: 9 resolved, 1 unresolved; 1 articles without a date)',
        '  2024-03-04               3',
        '  2024-03-05               2',
        '  2024-03-06               2',
        '',
        'Figures (8)',
        // Four of each: the measures in name order, three examples each, in file order.
        '  money:USD                    4  e.g. "$2 million" (b.txt); "$1 million" (c.txt); "$3 million" (d.txt)',
        '  workers                      4  e.g. "4,000" (a.txt); "4,200" (b.txt); "300" (d.txt)',
        '',
        'Indexed in N ms.',
        '',
      ].join('\n'),
    );
  });

  it('gives the same report as JSON, cut to --top', async () => {
    const { code, out } = await cli(['scan', dir, '--top', '1', '--json']);
    assert.equal(code, 0);
    const { milliseconds, ...summary } = JSON.parse(out);
    assert.ok(Number.isInteger(milliseconds) && milliseconds >= 0);
    assert.deepEqual(summary, {
      articles: 5,
      entities: {
        person: { total: 2, top: [{ name: 'Ilse Marrow', mentions: 4, articles: 3, spellings: ['Marrow'] }] },
        org: { total: 1, top: [{ name: 'Port Authority', mentions: 1, articles: 1, spellings: [] }] },
        place: { total: 2, top: [{ name: 'Lisbon', mentions: 2, articles: 2, spellings: [] }] },
      },
      dates: { total: 10, resolved: 9, unresolved: 1, articlesWithoutDate: 1, top: [{ value: '2024-03-04', count: 3 }] },
      figures: { total: 8, top: [{ measure: 'money:USD', count: 4, examples: [{ text: '$2 million', file: 'b.txt' }, { text: '$1 million', file: 'c.txt' }, { text: '$3 million', file: 'd.txt' }] }] },
      problems: [],
    });
    // Dates of equal counts in date order, though 2024-03-09 (a.txt) was met before 2024-03-07 (e.txt).
    const five = JSON.parse((await cli(['scan', dir, '--top', '5', '--json'])).out);
    assert.deepEqual(five.dates.top.map((d: { value: string; count: number }) => `${d.value} ${d.count}`), ['2024-03-04 3', '2024-03-05 2', '2024-03-06 2', '2024-03-07 1', '2024-03-09 1']);
  });
});

describe('corpus-lens export\'s words', () => {
  it('lists skipped files, and says how many lines it wrote where', async () => {
    // A folder of its own: the others here count the articles of dir.
    const mixed = mkdtempSync(path.join(tmpdir(), 'corpus-lens-export-'));
    try {
    writeFileSync(path.join(mixed, 'a.txt'), ARTICLES['a.txt']);
    writeFileSync(path.join(mixed, 'scan.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    const file = path.join(dir, 'export', 'mentions.csv');
    const { code, out, err } = await cli(['export', mixed, '--format', 'csv', '--out', file]);
    assert.deepEqual([code, out], [0, '']);
    const lines = readFileSync(file, 'utf8').split('\n');
    assert.equal(lines.pop(), '');
    const [skipped, wrote, ...rest] = err.split('\n');
    assert.match(skipped, /scan\.txt.*binary file/);
    assert.deepEqual([wrote, rest], [`Wrote ${lines.length} lines to ${file}`, ['']]);
    assert.ok(lines.length > 3 && lines.slice(1).every((l) => l.startsWith('a.txt,')), 'a header, then the mentions of a.txt');
    } finally {
      rmSync(mixed, { recursive: true, force: true });
    }
  });
});

describe('the progress bar\'s text', () => {
  it('fills the bar by the fraction done, caps it at the end, and drops it when there is no room', () => {
    assert.equal(formatProgress('Indexing', 'articles', 0, 3, 80), 'Indexing [..............................] 0/3 articles 0%');
    assert.equal(formatProgress('Indexing', 'articles', 2, 3, 80), 'Indexing [####################..........] 2/3 articles 66%');
    assert.equal(formatProgress('Indexing', 'articles', 5, 3, 80), 'Indexing [##############################] 5/3 articles 100%');
    assert.equal(formatProgress('Indexing', 'articles', 1234, 10000, 80), 'Indexing [####..........................] 1,234/10,000 articles 12%');
    // 40 columns leave room for a bar of 10 (40 - 1 for the cursor, 8 + 13 + 3 for the words, 5 for spaces and brackets).
    assert.equal(formatProgress('Indexing', 'articles', 5, 10, 40), 'Indexing [#####.....] 5/10 articles 50%');
    assert.equal(formatProgress('Indexing', 'articles', 5, 10, 31), 'Indexing [#] 5/10 articles 50%');
    // 30 columns leave none.
    assert.equal(formatProgress('Indexing', 'articles', 5, 10, 30), 'Indexing 5/10 articles 50%');
    assert.equal(formatProgress('Indexing', 'articles', 5, 10, 20), 'Indexing 5/10 artic');
    assert.equal(formatProgress('Reading', 'lines', 12345, 0, 80), 'Reading 12,345 lines');
    assert.equal(formatProgress('Reading', 'lines', 12345, 0, 12), 'Reading 12,');
  });

  it('draws only on a terminal, in 80 columns unless told, and clears only what it drew', () => {
    let written = '';
    const write = (s: string) => (written += s);
    for (const isTTY of [false, undefined]) {
      const silent = progressBar({ label: 'L', unit: 'u', isTTY, write });
      silent.update(1, 1);
      silent.finish();
    }
    assert.equal(written, '');
    // A long label leaves less room than the longest bar, so the width shows in it.
    const label = 'Indexing the folder of invented sample articles';
    const bar = progressBar({ label, unit: 'articles', isTTY: true, write, now: () => 0 });
    bar.finish();
    assert.equal(written, '', 'nothing to clear yet');
    bar.update(1, 4);
    assert.equal(written, `\r${formatProgress(label, 'articles', 1, 4, 80)}\u001b[K`);
    assert.notEqual(formatProgress(label, 'articles', 1, 4, 80), formatProgress(label, 'articles', 1, 4, 81));
    written = '';
    bar.update(2, 4);
    assert.equal(written, '', 'not within 100 ms');
    bar.finish();
    bar.finish();
    assert.equal(written, '\r\u001b[K', 'cleared once');
    const clock = { t: 1000 };
    const timed = progressBar({ label: 'L', unit: 'u', isTTY: true, columns: 40, write, now: () => clock.t });
    written = '';
    timed.update(1, 10);
    clock.t = 1099;
    timed.update(2, 10);
    clock.t = 1100;
    timed.update(3, 10);
    assert.deepEqual(written.split('\r').filter(Boolean), [`${formatProgress('L', 'u', 1, 10, 40)}\u001b[K`, `${formatProgress('L', 'u', 3, 10, 40)}\u001b[K`]);
  });

  it('counts articles when indexing and lines when reading', async () => {
    // In 40 columns the bar has 10 cells.
    const scan = await cli(['scan', dir, '--json'], { stderrIsTTY: true, columns: 40 });
    assert.match(scan.err, /\rIndexing \[#{10}\] 5\/5 articles 100%/);
    // Every frame drawn counts the five articles (none before their total is known), then the bar is cleared.
    const frames = scan.err.split('\r').filter(Boolean);
    assert.equal(frames.pop(), '\u001b[K');
    for (const frame of frames) assert.match(frame, /^Indexing \[[#.]+\] \d\/5 articles \d+%\u001b\[K$/);
    const jsonl = path.join(dir, 'docs.jsonl');
    writeFileSync(jsonl, `${JSON.stringify({ id: 'a', text: 'Ms Agnes Whitlow spoke.' })}\n`);
    const extract = await cli(['extract', '--from-jsonl', jsonl], { stderrIsTTY: true, columns: 100 });
    assert.match(extract.err, /\rReading \[#+\] \d+\/\d+ lines 100%/);
  });
});
