import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { COMMANDS } from '../../server/src/cli/commands';
import { formatProgress, progressBar } from '../../server/src/cli/progress';
import { cli } from '../support/cli';

// Invented sample articles, written for these tests.
const TXT = 'Ferry fares frozen\ndate 2024-03-12\n\nFinance Minister Tobias Lindqvist said on Tuesday that fares stay at €3.\n';
const MD = '---\ntitle: Bridge talks resume\ndate: 2024-03-14\nauthor: Quentin Authorname\n---\n\n# Bridge talks resume\n\n**Helena Marsh** met [Tobias Lindqvist](https://example.org/t) in *Lisbon* on Tuesday.\n';

describe('corpus-lens command line', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-cli-'));
    writeFileSync(path.join(dir, 'fares.txt'), TXT);
    mkdirSync(path.join(dir, 'notes'));
    writeFileSync(path.join(dir, 'notes', 'talks.md'), MD);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints its version and its help, exit 0', async () => {
    const version = await cli(['--version']);
    assert.equal(version.code, 0);
    assert.match(version.out, /^\d+\.\d+\.\d+(-[\w.]+)?\n$/);
    const help = await cli(['--help']);
    assert.equal(help.code, 0);
    for (const command of COMMANDS) assert.ok(help.out.includes(`  ${command.name} `), `--help lists ${command.name}`);
    assert.match(help.out, /Exit codes: 0 .*1 .*\n2 /s);
  });

  it('gives each command its own help, with --help, -h or help <command>', async () => {
    for (const args of [['scan', '--help'], ['scan', 'sample', '-h'], ['help', 'scan']]) {
      const { code, out, err } = await cli(args);
      assert.equal(code, 0, args.join(' '));
      assert.equal(err, '');
      assert.match(out, /^Usage: corpus-lens scan <folder>/);
      assert.match(out, /--top N +list the N most reported/);
    }
    assert.match((await cli(['extract', '--help'])).out, /--from-jsonl FILE/);
  });

  it('refuses unknown commands and options, missing and bad values: exit 2 with the usage line', async () => {
    const cases: [string[], RegExp][] = [
      [['frob'], /unknown command "frob"/],
      [['--frob'], /unknown option --frob/],
      [['scan', dir, '--bogus'], /scan: unknown option --bogus/],
      [['scan', dir, '--top', 'abc'], /--top must be a whole number of at least 1, not "abc"/],
      [['scan', dir, '--top', '0'], /--top must be a whole number/],
      [['scan', dir, '--top', '2.5'], /--top must be a whole number/],
      [['scan', dir, '--top'], /option --top needs a value/],
      [['scan', dir, '--json=yes'], /--json takes no value/],
      [['scan'], /missing the folder to scan/],
      [['scan', dir, 'extra'], /unexpected argument "extra"/],
      [['scan', path.join(dir, 'nope')], /is not a folder/],
      [['export', dir, '--format', 'xml'], /--format must be csv or jsonl, not "xml"/],
      [['export', dir, '--max-file-size-kb', '-3'], /--max-file-size-kb needs a value \(one starting with "-" is written --max-file-size-kb=-VALUE\)/],
      [['export', dir, '--max-file-size-kb=-3'], /--max-file-size-kb must be a whole number/],
      [['extract'], /--from-jsonl FILE is required/],
      [['lsp'], /--stdio is required/],
      [['help', 'frob'], /unknown command "frob"/],
    ];
    for (const [args, message] of cases) {
      const { code, out, err } = await cli(args);
      assert.equal(code, 2, `${args.join(' ')} exits 2; stderr: ${err}`);
      assert.equal(out, '', `${args.join(' ')} prints nothing on stdout`);
      assert.match(err, message, args.join(' '));
      assert.match(err, /\nUsage: corpus-lens /, `${args.join(' ')} shows the usage line`);
    }
    const none = await cli([]);
    assert.equal(none.code, 2);
    assert.match(none.err, /^Usage: corpus-lens <command>/);
  });

  it('scans *.txt by default and Markdown articles with --articles, front matter left out', async () => {
    const txt = JSON.parse((await cli(['scan', dir, '--json'])).out);
    assert.equal(txt.articles, 1);
    const both = await cli(['scan', dir, '--json', '--articles', '**/*.txt', '--articles', '**/*.md']);
    assert.equal(both.code, 0, both.err);
    const summary = JSON.parse(both.out);
    assert.equal(summary.articles, 2);
    const people = summary.entities.person.top.map((p: { name: string; articles: number }) => `${p.name} ${p.articles}`);
    assert.ok(people.includes('Tobias Lindqvist 2'), `linked across the .txt and the .md: ${people}`);
    assert.ok(people.includes('Helena Marsh 1'), people.join(', '));
    assert.ok(!people.some((p: string) => p.includes('Authorname')), `front matter is not text: ${people}`);
    assert.equal(summary.dates.articlesWithoutDate, 0, 'the front matter date is the article date');
  });

  it('exports Markdown mentions at their offsets in the file, to standard output with --out -', async () => {
    const { code, out } = await cli(['export', dir, '--articles', '**/*.md', '--out', '-']);
    assert.equal(code, 0);
    const mentions = out.trim().split('\n').map((l) => JSON.parse(l)).filter((l) => l.record === 'mention');
    assert.ok(mentions.length >= 4);
    for (const m of mentions) assert.equal(MD.slice(m.start, m.end), m.text, `offsets of ${m.text}`);
    const tuesday = mentions.find((m) => m.text === 'Tuesday');
    assert.equal(tuesday?.value, '2024-03-12', 'Tuesday resolves against the front matter date (Thursday 2024-03-14)');
  });

  it('reads standard input for extract --from-jsonl -', async () => {
    const lines = [
      JSON.stringify({ id: 'a', text: 'Ms Agnes Whitlow met Tomas Brack in Paris on Tuesday.', docDate: '2024-03-12' }),
      'not json',
      JSON.stringify({ id: 'b', text: 'Later, Ms Whitlow returned.' }),
    ].join('\n');
    const { code, out, err } = await cli(['extract', '--from-jsonl', '-'], { stdin: Readable.from([lines]) });
    assert.equal(code, 0);
    assert.match(err, /stdin:2: not JSON, skipped/);
    const docs = out.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(docs.map((d) => d.id), ['a', 'b']);
    const person = docs[0].spans.find((s: { type: string }) => s.type === 'PERSON');
    assert.deepEqual([person.start, person.end], [3, 16]);
    assert.equal(docs[1].spans.find((s: { type: string }) => s.type === 'PERSON').cluster, person.cluster, 'linked across documents');
  });

  it('exits 1 when the input cannot be read or the output written', async () => {
    assert.equal((await cli(['extract', '--from-jsonl', path.join(dir, 'missing.jsonl')])).code, 1);
    writeFileSync(path.join(dir, 'blocker'), 'a file where a folder is needed');
    const failed = await cli(['export', dir, '--out', path.join(dir, 'blocker', 'out.csv')]);
    assert.equal(failed.code, 1);
    assert.match(failed.err, /could not write/);
  });

  it('draws a progress bar on standard error only when it is a terminal', async () => {
    const tty = await cli(['scan', dir, '--json'], { stderrIsTTY: true, columns: 100 });
    assert.match(tty.err, /\rIndexing \[#+\] 1\/1 articles 100%/);
    assert.ok(tty.err.endsWith('\r\u001b[K'), 'the bar is cleared at the end');
    assert.doesNotThrow(() => JSON.parse(tty.out), 'standard output stays clean JSON');
    const piped = await cli(['scan', dir, '--json'], { stderrIsTTY: false });
    assert.equal(piped.err, '');
  });
});

describe('progress bar', () => {
  it('fits the terminal and says how far', () => {
    assert.equal(formatProgress('Indexing', 'articles', 250, 1000, 80), 'Indexing [########......................] 250/1,000 articles 25%');
    assert.equal(formatProgress('Reading', 'lines', 12, 0, 80), 'Reading 12 lines');
    assert.ok(formatProgress('Indexing', 'articles', 5, 10, 30).length <= 29);
  });
  it('redraws at most every 100 ms, but always the last step', () => {
    let written = '';
    let now = 0;
    const bar = progressBar({ label: 'L', unit: 'u', isTTY: true, write: (s) => (written += s), now: () => now });
    bar.update(1, 10);
    bar.update(2, 10);
    now = 150;
    bar.update(3, 10);
    bar.update(10, 10);
    assert.equal(written.split('\r').filter(Boolean).length, 3, JSON.stringify(written));
    assert.ok(!written.includes(' 2/10 '));
  });
});
