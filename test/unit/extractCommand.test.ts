import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { cli } from '../support/cli';

// corpus-lens extract: every kind of input line (a document, blank, not JSON, no id, a number
// for an id, text that is not a string, a malformed docDate), the exit codes and messages.
// The documents are invented samples.

let dir: string;
before(() => (dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-extract-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

function input(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('corpus-lens extract', () => {
  it('writes one line per document in input order, and says which lines it skipped', async () => {
    const file = input('mixed.jsonl', [
      JSON.stringify({ id: 7, text: 'Ms Agnes Whitlow met Tomas Brack in Paris on Tuesday.', docDate: '2024-03-12' }),
      '',
      '   ',
      JSON.stringify({ text: 'no id here' }),
      'null',
      JSON.stringify({ id: 'late', text: 'Whitlow spoke on Tuesday.', docDate: '12/03/2024' }),
      JSON.stringify({ id: 'n', text: 42 }),
      'not json',
    ]);
    const { code, out, err } = await cli(['extract', '--from-jsonl', file]);
    assert.equal(code, 0);
    assert.equal(err, `${file}:4: no id, skipped\n${file}:5: no id, skipped\n${file}:8: not JSON, skipped\n`);
    const docs = out.split('\n');
    assert.equal(docs.pop(), '', 'every line ends with a newline');
    assert.deepEqual(docs.map((d) => JSON.parse(d)), [
      {
        id: '7',
        spans: [
          { start: 3, end: 16, type: 'PERSON', norm: null, cluster: 'person:agnes whitlow' },
          { start: 21, end: 32, type: 'PERSON', norm: null, cluster: 'person:tomas brack' },
          { start: 36, end: 41, type: 'LOC', norm: null, cluster: 'place:paris' },
          { start: 45, end: 52, type: 'DATE', norm: '2024-03-12', cluster: null },
        ],
      },
      // Not a date the reader can use: Tuesday stays unresolved; the surname joins the full name.
      {
        id: 'late',
        spans: [
          { start: 0, end: 7, type: 'PERSON', norm: null, cluster: 'person:agnes whitlow' },
          { start: 17, end: 24, type: 'DATE', norm: null, cluster: null },
        ],
      },
      { id: 'n', spans: [] },
    ]);
  });

  it('reads the texts as Markdown with --markdown: code is not text', async () => {
    const file = input('markdown.jsonl', [JSON.stringify({ id: 'md', text: '# Harbour News\n\n[Ilse Marrow](https://example.org/im) met `Tomas Brack` today.' })]);
    const people = async (args: string[]) => JSON.parse((await cli(['extract', '--from-jsonl', file, ...args])).out).spans.filter((s: { type: string }) => s.type === 'PERSON').map((s: { cluster: string }) => s.cluster);
    assert.deepEqual(await people(['--markdown']), ['person:ilse marrow']);
    assert.deepEqual(await people([]), ['person:ilse marrow', 'person:tomas brack']);
  });

  it('exits 1 when no line was a document, 0 for an empty input', async () => {
    const bad = input('bad.jsonl', ['bad', '{"x":1}']);
    assert.deepEqual(await cli(['extract', '--from-jsonl', bad]), { code: 1, out: '', err: `${bad}:1: not JSON, skipped\n${bad}:2: no id, skipped\n` });
    assert.deepEqual(await cli(['extract', '--from-jsonl', input('empty.jsonl', [''])]), { code: 0, out: '', err: '' });
    const garbage = input('garbage.jsonl', ['<html>', '</html>']);
    assert.deepEqual(await cli(['extract', '--from-jsonl', garbage]), { code: 1, out: '', err: `${garbage}:1: not JSON, skipped\n${garbage}:2: not JSON, skipped\n` });
  });

  it('says why it cannot read its input', async () => {
    const missing = path.join(dir, 'missing.jsonl');
    assert.deepEqual(await cli(['extract', '--from-jsonl', missing]), { code: 1, out: '', err: `corpus-lens extract: cannot read ${missing}: no such file\n` });
    assert.deepEqual(await cli(['extract', '--from-jsonl', dir]), { code: 1, out: '', err: `corpus-lens extract: cannot read ${dir}: no such file\n` });
    const noStdin = await cli(['extract', '--from-jsonl', '-']);
    assert.equal(noStdin.code, 2);
    assert.match(noStdin.err, /^corpus-lens extract: no standard input to read\n/);
    const noFile = await cli(['extract']);
    assert.match(noFile.err, /^corpus-lens extract: --from-jsonl FILE is required \(- reads standard input\)\n/);
  });

  it('names standard input "stdin" in its messages, and reads CRLF lines', async () => {
    const lines = `${JSON.stringify({ id: 'a', text: 'Ms Agnes Whitlow spoke.' })}\r\n{oops\r\n`;
    const { code, out, err } = await cli(['extract', '--from-jsonl', '-'], { stdin: Readable.from([lines]) });
    assert.equal(code, 0);
    assert.equal(err, 'stdin:2: not JSON, skipped\n');
    assert.deepEqual(JSON.parse(out), { id: 'a', spans: [{ start: 3, end: 16, type: 'PERSON', norm: null, cluster: 'person:agnes whitlow' }] });
  });

  it('counts its progress in bytes of the file, and in lines of standard input', async () => {
    const text = `${JSON.stringify({ id: 'a', text: 'Ms Agnes Whitlow spoke.' })}\n${JSON.stringify({ id: 'b', text: 'Tomas Brack replied.' })}\n`;
    const file = input('progress.jsonl', [text.trimEnd()]);
    const bytes = Buffer.byteLength(text.trimEnd());
    const fromFile = await cli(['extract', '--from-jsonl', file], { stderrIsTTY: true, columns: 100 });
    assert.ok(fromFile.err.includes(`${bytes}/${bytes} lines 100%`), JSON.stringify(fromFile.err));
    const fromStdin = await cli(['extract', '--from-jsonl', '-'], { stdin: Readable.from([text]), stderrIsTTY: true, columns: 100 });
    // Redrawn at most every 100 ms: the first line is drawn at once.
    assert.match(fromStdin.err, /^\rReading 1 lines\u001b\[K/);
  });
});
