import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cli } from '../support/cli';

// An invented article with a comma and quotes in it, and a correction that removes a name.
const ARTICLE = 'Port Deal, "Final"\ndate 2024-03-22\n\nMs Agnes Whitlow said on Tuesday that 4,000 workers, or 40%, had returned.\n';

describe('corpus-lens export', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-export-'));
    writeFileSync(path.join(dir, 'a.txt'), ARTICLE);
    writeFileSync(path.join(dir, 'b.txt'), 'Aside\n\nMs Whitlow and Tomas Brack met.\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes JSON lines: entities first, then every mention with offsets and values', async () => {
    const { code, out } = await cli(['export', '--format', 'jsonl', dir]);
    assert.equal(code, 0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    const whitlow = lines.find((l) => l.record === 'entity' && l.name === 'Agnes Whitlow');
    assert.ok(whitlow);
    assert.equal(whitlow.articles, 2);
    const mentions = lines.filter((l) => l.record === 'mention' && l.file === 'a.txt');
    for (const m of mentions) assert.equal(ARTICLE.slice(m.start, m.end), m.text);
    assert.ok(mentions.some((m) => m.type === 'DATE' && m.value === '2024-03-19'), JSON.stringify(mentions.filter((m) => m.type === 'DATE')));
    assert.ok(mentions.some((m) => m.type === 'PERCENT' && m.value === 40));
    assert.ok(mentions.some((m) => m.entity === whitlow.entity && m.text === 'Agnes Whitlow' && m.articleDate === '2024-03-22'));
  });

  it('writes CSV with quoting, and applies the folder corrections', async () => {
    writeFileSync(path.join(dir, '.corpuslens.json'), JSON.stringify({ notEntity: ['Tomas Brack'] }));
    const out = path.join(dir, 'out', 'export.csv');
    const { code, err } = await cli(['export', '--format', 'csv', dir, '--out', out]);
    assert.equal(code, 0, err);
    const csv = readFileSync(out, 'utf8');
    assert.ok(csv.startsWith('file,start,end,text,type,entity,entityName,value'));
    assert.ok(!csv.includes('Tomas Brack'), 'a mention marked not-an-entity is not exported');
    assert.ok(csv.includes('Whitlow'));
    rmSync(path.join(dir, '.corpuslens.json'));
  });

  it('refuses an unknown format and a missing folder with a clear message', async () => {
    assert.match((await cli(['export', '--format', 'xml', dir])).err, /must be csv or jsonl/);
    assert.equal((await cli(['export', '--format', 'csv', path.join(dir, 'nope')])).code, 2);
  });
});
