#!/usr/bin/env node
// npm test: runs every test tier present (unit, lsp, e2e) in one node:test run, so the output
// ends with the runner's summary. `npm test -- unit lsp` runs only the named tiers. The
// compiled tests come from `tsc -b` (npm's pretest runs the build).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tiers = ['unit', 'lsp', 'e2e'];
const asked = process.argv.slice(2).filter((a) => tiers.includes(a));
const chosen = asked.length ? asked : tiers;

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return name === 'suite' ? [] : testFiles(full);
      return name.endsWith('.test.js') ? [full] : [];
    })
    .sort();
}

const files = chosen.flatMap((tier) => testFiles(join(root, 'out', 'test', tier)));
if (files.length === 0) {
  console.error('No compiled tests under out/test; run `npm run build` first.');
  process.exit(1);
}
console.log(`Running ${files.length} test files: ${files.map((f) => relative(join(root, 'out', 'test'), f)).join(', ')}`);
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
