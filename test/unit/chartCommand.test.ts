import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cli } from '../support/cli';

// Invented sample articles, written for these tests.
const ARTICLES: Record<string, string> = {
  'a.txt': 'Strike begins\ndate 2024-03-04\n\nNearly 4,000 workers walked out in Lisbon, union leader Ilse Marrow said.\n',
  'b.txt': 'Strike spreads\ndate 2024-03-05\n\nAbout 4,200 workers joined, Ilse Marrow told reporters in Lisbon.\n',
  'c.txt': 'Claims grow\ndate 2024-03-06\n\nOver 40,000 workers are out, Ilse Marrow claimed.\n',
  'd.txt': 'Authority replies\ndate 2024-03-06\n\nThe port counted 4,100 workers on strike, Minister Tomas Fell said in Lisbon.\n',
};

describe('corpus-lens chart', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-chart-'));
    for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(path.join(dir, name), text);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('draws an entity\'s timeline as an SVG file', async () => {
    const out = path.join(dir, 'charts', 'timeline.svg');
    const run = await cli(['chart', 'timeline', dir, '--entity', 'Ilse Marrow', '--out', out, '--width', '800', '--height', '400']);
    assert.equal(run.code, 0, run.err);
    const svg = readFileSync(out, 'utf8');
    assert.match(svg, /^<svg[^>]*width="800"[^>]*height="400"/);
    assert.ok(svg.includes('Mentions per day: Ilse Marrow'), 'the title names the entity');
    for (const day of ['4 Mar', '5 Mar', '6 Mar']) assert.ok(svg.includes(day), `the axis shows ${day}`);
  });

  it('draws the network and the figures, marking the disagreeing value', async () => {
    const network = await cli(['chart', 'network', dir, '--kinds', 'person,place', '--out', '-']);
    assert.equal(network.code, 0, network.err);
    for (const name of ['Ilse Marrow', 'Lisbon', 'Tomas Fell']) assert.ok(network.out.includes(name), name);
    const figures = await cli(['chart', 'figures', dir, '--measure', 'workers', '--out', '-', '--dark']);
    assert.equal(figures.code, 0, figures.err);
    assert.ok(figures.out.includes('Figures over time: workers'));
    assert.ok(figures.out.includes('#1f1f1f'), 'the dark theme\'s background');
    assert.ok(figures.out.includes('disagrees with its week'));
  });

  it('refuses a wrong command line with exit code 2, and an unknown entity with a message', async () => {
    for (const args of [
      ['chart', 'pie', dir, '--out', '-'],
      ['chart', 'network', dir],
      ['chart', 'network', dir, '--out', '-', '--kinds', 'person,constructor'],
      ['chart', 'timeline', dir, '--out', '-', '--from', '2024-13-45x'],
      ['chart', 'timeline', dir, '--out', '-', '--from', '2024-03-06', '--to', '2024-03-01'],
      ['chart', 'network', path.join(dir, 'a.txt'), '--out', '-'],
    ]) {
      const run = await cli(args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.err}`);
      assert.match(run.err, /Usage: corpus-lens chart/);
    }
    const unknown = await cli(['chart', 'timeline', dir, '--entity', 'Nobody Atall', '--out', '-']);
    assert.equal(unknown.code, 0);
    assert.match(unknown.err, /no entity named "Nobody Atall"/);
    assert.ok(unknown.out.includes('Articles per day'), 'without an entity, the corpus\'s articles');
  });
});
