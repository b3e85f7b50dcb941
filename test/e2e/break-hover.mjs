#!/usr/bin/env node
// Proves the end-to-end tier catches a broken feature: makes a scratch copy of the built
// extension whose server bundle has its hover handler answer null, runs both end-to-end test
// files against it (CORPUS_LENS_E2E_EXTENSION), and succeeds only if they fail, and fail on
// hover. Patching the bundle (not the sources) breaks exactly the build under test and nothing
// else. The working tree is untouched; the scratch copy lives in .vscode-test/ and is removed.
//
//   npm run build && node test/e2e/break-hover.mjs
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const scratch = fs.mkdtempSync(path.join(repoRoot, '.vscode-test', 'break-hover-'));

function copyBuiltExtension() {
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'server.js'))) throw new Error('dist/server.js is missing; run npm run build first');
  for (const entry of ['package.json', 'dist', 'syntaxes', 'media', 'images', 'icons', 'resources', 'README.md', 'LICENSE']) {
    if (fs.existsSync(path.join(repoRoot, entry))) fs.cpSync(path.join(repoRoot, entry), path.join(scratch, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(scratch, 'node_modules'), 'dir');
}

function breakHover() {
  const file = path.join(scratch, 'dist', 'server.js');
  const source = fs.readFileSync(file, 'utf8');
  const patched = source.replace(/(function provideHover\([^)]*\)\s*\{)/, '$1\n  return null; // deliberately broken by test/e2e/break-hover.mjs');
  if (patched === source) throw new Error(`could not find provideHover() in ${file}; update this script`);
  fs.writeFileSync(file, patched);
  // The source map would point the debugger at the wrong lines; it is not needed here.
  fs.rmSync(`${file}.map`, { force: true });
}

function run(command, args, options) {
  console.log(`[break-hover] $ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { encoding: 'utf8', ...options });
}

let verdict = 1;
try {
  copyBuiltExtension();
  breakHover();
  const tests = ['inHost.test.js', 'ui.test.js'].map((name) => path.join(repoRoot, 'out', 'test', 'e2e', name));
  const result = run(process.execPath, ['--test', '--test-reporter=spec', ...tests], {
    cwd: repoRoot,
    env: { ...process.env, CORPUS_LENS_E2E_EXTENSION: scratch },
  });
  const output = `${result.stdout}${result.stderr}`;
  console.log(output);
  const hoverFailures = output.split('\n').filter((line) => /FAIL .*hover|✖ hover/i.test(line));
  if (result.status === 0) {
    console.error('[break-hover] NOT CAUGHT: the end-to-end tests passed with hover broken');
  } else if (hoverFailures.length === 0) {
    console.error('[break-hover] the tests failed, but not on hover; read the output above');
  } else {
    console.log(`[break-hover] caught: the tests exit ${result.status}, hover failures:\n${hoverFailures.map((l) => `  ${l.trim()}`).join('\n')}`);
    verdict = 0;
  }
} catch (error) {
  console.error(`[break-hover] ${error.message}`);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
process.exit(verdict);
