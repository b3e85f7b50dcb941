import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cli } from '../support/cli';

// corpus-lens chart: its help, every option it refuses (with the words the reader sees), the
// limits of the picture's size, and the titles and messages of each chart.
// chartCommand.test.ts checks the pictures themselves.

// Invented sample articles, written for these tests.
const ARTICLES: Record<string, string> = {
  'a.txt': 'Strike begins\ndate 2024-03-04\n\nNearly 4,000 workers walked out in Lisbon, union leader Ilse Marrow said.\n',
  'b.txt': 'Strike spreads\ndate 2024-03-05\n\nAbout 4,200 workers joined, Ilse Marrow told reporters in Lisbon.\n',
};

let dir: string;
let plain: string;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-chartopts-'));
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(path.join(dir, name), text);
  // A folder whose one article has no figure at all.
  plain = path.join(dir, 'plain');
  mkdirSync(plain);
  writeFileSync(path.join(plain, 'p.txt'), 'Quiet day\ndate 2024-03-06\n\nIlse Marrow said nothing new.\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

const usage = (message: string) => `corpus-lens chart: ${message}\nUsage: corpus-lens chart timeline|network|figures <folder> --out FILE.svg [options]\nRun 'corpus-lens chart --help' for more.\n`;

describe('corpus-lens chart options', () => {
  it('explains itself in its help', async () => {
    const { code, out } = await cli(['chart', '--help']);
    assert.equal(code, 0);
    assert.equal(
      out,
      [
        'Usage: corpus-lens chart timeline|network|figures <folder> --out FILE.svg [options]',
        '',
        'draw the dashboard\'s timeline, network or figures chart of a folder as SVG',
        '',
        'Draws the same chart as the dashboard in VS Code, in its light theme (--dark for the dark one).',
        '  timeline  mentions per day, week or month of the --entity given (the corpus\'s articles without one)',
        '  network   the most-reported entities and the articles they share (--size, --kinds, --from/--to)',
        '  figures   one figure of a --measure per article by date, values that disagree with their week marked',
        'Examples:',
        '  corpus-lens chart timeline sample/ --entity "Odile Farrance" --entity "Kestrel Bay" --out timeline.svg',
        '  corpus-lens chart network sample/ --size 30 --kinds person,org --out network.svg',
        '  corpus-lens chart figures sample/ --measure workers --out workers.svg',
        '',
        'Options:',
        '  -o, --out FILE               the SVG file to write (- is standard output)',
        '      --entity NAME            an entity for the timeline, by name or id (repeat for several) (may be repeated)',
        '      --mode stacked|overlaid  timeline bars stacked (default) or lines overlaid',
        '      --bucket day|week|month  the timeline\'s periods (default: by the span of the data)',
        '      --from DATE              only articles from this date (YYYY-MM-DD)',
        '      --to DATE                only articles until this date (YYYY-MM-DD)',
        '      --kinds LIST             network: entity types, comma-separated (person,org,place)',
        '      --size N                 network: at most N entities (10–300, default 60)',
        '      --measure MEASURE        figures: what they count ("workers", "money:USD"; default the most reported)',
        '      --width PX               width of the picture (default 960)',
        '      --height PX              height of the picture (default 540)',
        '      --dark                   draw in the dark theme',
        '      --articles GLOB          which files are articles, relative to the folder (default **/*.txt; e.g. \'**/*.md\') (may be repeated)',
        '      --max-file-size-kb N     skip larger files (default 2048)',
        '  -h, --help                   show this help',
        '',
      ].join('\n'),
    );
  });

  it('refuses each wrong option with its own message', async () => {
    const cases: [string[], string][] = [
      [['pie', dir, '--out', '-'], 'unknown chart "pie" (timeline, network or figures)'],
      [['network', dir], '--out FILE.svg is required'],
      [['network', dir, '--out', ''], '--out FILE.svg is required'],
      [['network', dir, '--out', '-', '--width', '199'], '--width and --height must be between 200×150 and 10000×10000'],
      [['network', dir, '--out', '-', '--height', '149'], '--width and --height must be between 200×150 and 10000×10000'],
      [['network', dir, '--out', '-', '--width', '10001'], '--width and --height must be between 200×150 and 10000×10000'],
      [['network', dir, '--out', '-', '--height', '10001'], '--width and --height must be between 200×150 and 10000×10000'],
      [['network', dir, '--out', '-', '--width', 'wide'], '--width must be a whole number of at least 1, not "wide"'],
      [['network', dir, '--out', '-', '--height', '0'], '--height must be a whole number of at least 1, not "0"'],
      [['timeline', dir, '--out', '-', '--mode', 'bars'], '--mode must be stacked or overlaid'],
      [['timeline', dir, '--out', '-', '--bucket', 'year'], '--bucket must be day, week or month'],
      [['network', dir, '--out', '-', '--kinds', ','], '--kinds takes person, org and place (got ,)'],
      [['network', dir, '--out', '-', '--kinds', 'person,toString'], '--kinds takes person, org and place (got person,toString)'],
      [['network', dir, '--out', '-', '--size', 'x'], '--size must be a whole number of at least 1, not "x"'],
      [['network', dir, '--out', '-', '--from', '2024-3-1'], '--from must be a date YYYY-MM-DD'],
      [['network', dir, '--out', '-', '--to', '2024-03-01x'], '--to must be a date YYYY-MM-DD'],
      [['network', dir, '--out', '-', '--from', '2024-03-02', '--to', '2024-03-01'], '--from must not be after --to'],
      [['network', path.join(dir, 'a.txt'), '--out', '-'], `${path.join(dir, 'a.txt')} is not a folder`],
      [['network'], 'missing the chart (timeline, network or figures) and the folder'],
    ];
    for (const [args, message] of cases) assert.deepEqual(await cli(['chart', ...args]), { code: 2, out: '', err: usage(message) }, args.join(' '));
  });

  it('draws at the smallest and the largest sizes it allows, with kinds spaced and a one-day period', async () => {
    for (const [width, height] of [['200', '150'], ['10000', '10000']]) {
      const run = await cli(['chart', 'network', dir, '--out', '-', '--width', width, '--height', height, '--kinds', ' person ,, place ,', '--from', '2024-03-04', '--to', '2024-03-04']);
      assert.equal(run.code, 0, run.err);
      assert.match(run.out, new RegExp(`^<svg[^>]*width="${width}"[^>]*height="${height}"`));
      assert.ok(run.out.endsWith('</svg>\n'));
      assert.ok(run.out.includes('Entities mentioned together, 4 Mar 2024'), 'the title says the period');
    }
    const all = await cli(['chart', 'network', dir, '--out', '-']);
    assert.ok(all.out.includes('Entities mentioned together, all dates'));
    assert.match(all.out, /^<svg[^>]*width="960"[^>]*height="540"/, 'the default size');
    const from = await cli(['chart', 'network', dir, '--out', '-', '--from', '2024-03-05']);
    assert.ok(from.out.includes('Entities mentioned together, from 5 Mar 2024'));
  });

  it('titles the timeline by its periods and its entities, and says which entities it did not find', async () => {
    const week = await cli(['chart', 'timeline', dir, '--out', '-', '--bucket', 'week', '--entity', 'Marrow', '--entity', 'Lisbon', '--entity', 'Nobody Else', '--mode', 'overlaid']);
    assert.equal(week.code, 0);
    assert.ok(week.out.includes('Mentions per week: Ilse Marrow, Lisbon'), 'found by surname, by name');
    assert.equal(week.err, `corpus-lens chart: no entity named "Nobody Else" in ${dir}\n`);
    const none = await cli(['chart', 'timeline', dir, '--out', '-', '--entity', 'Nobody', '--entity', 'Someone']);
    assert.equal(none.err, `corpus-lens chart: no entity named "Nobody", "Someone" in ${dir}\n`);
    assert.ok(none.out.includes('Articles per day'));
    const quiet = await cli(['chart', 'timeline', dir, '--out', '-']);
    assert.deepEqual([quiet.code, quiet.err], [0, '']);
    // Stacked bars unless told otherwise.
    const args = ['chart', 'timeline', dir, '--out', '-', '--entity', 'Ilse Marrow', '--entity', 'Lisbon'];
    // The shapes drawn (the renderer numbers its style classes per picture, so those differ).
    const svg = async (extra: string[]) => [...(await cli([...args, ...extra])).out.matchAll(/ d="([^"]*)"/g)].map((m) => m[1]).join('\n');
    const [plainRun, stacked, overlaid] = [await svg([]), await svg(['--mode', 'stacked']), await svg(['--mode', 'overlaid'])];
    assert.equal(plainRun, stacked);
    assert.notEqual(stacked, overlaid);
  });

  it('says when there are no figures to draw, of a measure or of any', async () => {
    const nothing = await cli(['chart', 'figures', dir, '--out', '-', '--measure', 'cranes']);
    assert.equal(nothing.code, 0);
    assert.equal(nothing.err, `corpus-lens chart: no dated figures of "cranes" in ${dir}\n`);
    assert.ok(nothing.out.includes('Figures over time: cranes'));
    const none = await cli(['chart', 'figures', plain, '--out', '-']);
    assert.equal(none.err, `corpus-lens chart: no dated figures of any measure in ${plain}\n`);
    assert.ok(none.out.includes('Figures over time: none'));
    const some = await cli(['chart', 'figures', dir, '--out', '-']);
    assert.deepEqual([some.code, some.err], [0, '']);
    assert.ok(some.out.includes('Figures over time: workers'), 'the most reported measure by default');
  });

  it('writes the file and says so, or says why it could not, exit 1', async () => {
    const file = path.join(dir, 'out', 'n.svg');
    const run = await cli(['chart', 'network', dir, '--out', file]);
    assert.deepEqual([run.code, run.out, run.err], [0, '', `Wrote the network chart to ${file}\n`]);
    assert.match(readFileSync(file, 'utf8'), /^<svg[^>]*>[\s\S]*<\/svg>\n$/);
    // Files the index skipped are listed after it.
    const mixed = path.join(dir, 'mixed');
    mkdirSync(mixed);
    writeFileSync(path.join(mixed, 'a.txt'), ARTICLES['a.txt']);
    writeFileSync(path.join(mixed, 'scan.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    const withSkip = await cli(['chart', 'network', mixed, '--out', path.join(mixed, 'n.svg')]);
    assert.equal(withSkip.code, 0);
    assert.match(withSkip.err, new RegExp(`^Wrote the network chart to .*n\\.svg\n.*scan\\.txt.*binary file.*\n$`));
    const blocked = path.join(dir, 'a.txt', 'n.svg');
    const failed = await cli(['chart', 'network', dir, '--out', blocked]);
    assert.equal(failed.code, 1);
    assert.equal(failed.out, '');
    assert.match(failed.err, new RegExp(`^corpus-lens chart: could not write ${blocked.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .+\n$`));
  });
});
