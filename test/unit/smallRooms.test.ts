import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';

// Small rooms (../shared/STYLE.md): no source file over 500 lines and no function over 80 in the
// server outside the analysis engine, whose word lists and rule tables are checked by their owners.
const root = path.resolve(__dirname, '../../..');
const MAX_FILE_LINES = 500;
const MAX_FUNCTION_LINES = 80;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return p.endsWith(`${path.sep}analysis`) ? [] : sources(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

describe('small rooms', () => {
  const files = sources(path.join(root, 'server', 'src'));

  it('keeps every server source file outside analysis/ under 500 lines', () => {
    assert.ok(files.length > 50);
    const long = files.map((f) => [path.relative(root, f), readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > MAX_FILE_LINES);
    assert.deepEqual(long, []);
  });

  it('keeps every function there under 80 lines', () => {
    const long: string[] = [];
    for (const file of files) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (ts.isFunctionLike(node) && 'body' in node && node.body) {
          const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
          const last = source.getLineAndCharacterOfPosition(node.end).line;
          if (last - first + 1 > MAX_FUNCTION_LINES) long.push(`${path.relative(root, file)}:${first + 1} (${last - first + 1} lines)`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    assert.deepEqual(long, []);
  });
});
