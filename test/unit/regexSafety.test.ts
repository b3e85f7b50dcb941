import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import * as ts from 'typescript';

// Every regular expression literal in the server, run against inputs built to expose
// catastrophic backtracking: long runs of the characters news text is made of, each ending in
// a character that makes the match fail late. A safe expression stays linear; a nested
// quantifier over overlapping classes blows up long before these sizes.
const root = path.resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

interface Found {
  file: string;
  line: number;
  regex: RegExp;
}

/**
 * An expression that only ever sees a short, bounded string (a TIMEX value, the 20 characters
 * before a match, a constant list) is marked with a `regex-safety: bounded` comment on its line
 * or the line above, saying why; it is listed, not timed.
 */
const BOUNDED = /regex-safety: bounded/;

const bounded: string[] = [];

function regexLiterals(file: string): Found[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Found[] = [];
  const visit = (node: ts.Node) => {
    const lineNumber = source.getLineAndCharacterOfPosition(node.getStart()).line;
    const lines = text.split('\n');
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral && (BOUNDED.test(lines[lineNumber] ?? '') || BOUNDED.test(lines[lineNumber - 1] ?? ''))) {
      bounded.push(`${path.relative(root, file)}:${lineNumber + 1}`);
    } else if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(source);
      const end = literal.lastIndexOf('/');
      // A sticky expression is tried at one position, as the engine uses it; others scan.
      const original = literal.slice(end + 1);
      const flags = original.includes('y') ? original.replace(/g/g, '') : `${original.replace(/g/g, '')}g`;
      try {
        found.push({ file: path.relative(root, file), line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, regex: new RegExp(literal.slice(1, end), flags) });
      } catch {
        // A literal this runtime cannot compile is tsc's business, not this test's.
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Seconds an expression may take over all its inputs before it counts as never returning. */
const TIMEOUT_MS = 10_000;

/**
 * Times every expression in a worker thread (regexTiming.ts), one after another. An
 * expression that does not finish in time (exponential backtracking never would) is reported
 * as such, and a fresh worker goes on with the next one.
 */
async function timeAll(found: Found[]): Promise<string[][]> {
  const results: string[][] = [];
  let next = 0;
  while (next < found.length) {
    const worker = new Worker(path.join(__dirname, 'regexTiming.js'));
    await new Promise<void>((resolve) => {
      let timer: NodeJS.Timeout;
      const send = () => {
        if (next >= found.length) {
          clearTimeout(timer);
          void worker.terminate().then(() => resolve());
          return;
        }
        timer = setTimeout(() => {
          results[next] = [`did not finish within ${TIMEOUT_MS / 1000} s: catastrophic backtracking`];
          next++;
          void worker.terminate().then(() => resolve());
        }, TIMEOUT_MS);
        worker.postMessage({ index: next, source: found[next].regex.source, flags: found[next].regex.flags });
      };
      worker.on('message', (m: { index: number; problems: string[] }) => {
        clearTimeout(timer);
        results[m.index] = m.problems;
        next = m.index + 1;
        send();
      });
      send();
    });
  }
  return results;
}

describe('regular expressions resist catastrophic backtracking', () => {
  const all = sources(path.join(root, 'server/src')).flatMap(regexLiterals);

  it('finds the engine’s expressions', () => {
    assert.ok(all.length > 20, `only ${all.length} regex literals found`);
    // Bounded ones are few and each says why in its comment.
    assert.ok(bounded.length < all.length / 5, `bounded: ${bounded.join(', ')}`);
  });

  let results: string[][] = [];
  before(async () => {
    results = await timeAll(all);
  });

  all.forEach(({ file, line, regex }, i) => {
    it(`${file}:${line} ${regex.source.slice(0, 60)}`, () => {
      assert.deepEqual(results[i], [], `/${regex.source}/${regex.flags}`);
    });
  });
});
