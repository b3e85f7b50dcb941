#!/usr/bin/env node
// Proves the end-to-end tier catches a broken reader feature, like break-hover.mjs does for
// hover: makes a scratch copy of the built extension whose server bundle has one provider
// answer nothing, runs both end-to-end test files against it (CORPUS_LENS_E2E_EXTENSION), and
// succeeds only if they fail, and fail on that feature. The working tree is untouched; the
// scratch copy lives in .vscode-test/ and is removed.
//
//   npm run build && node test/e2e/break-feature.mjs inlay-hints
//   node test/e2e/break-feature.mjs semantic-tokens | code-actions | hover
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What each break does to dist/server.js, and how the failures that should follow are named. */
const BREAKS = {
  'inlay-hints': { fn: 'provideInlayHints', answer: '[]', failures: /inlay hint|"unresolved" hint/i },
  'semantic-tokens': { fn: 'provideSemanticTokens', answer: '{ data: [] }', failures: /semantic (tokens|colours)/i },
  'code-actions': { fn: 'provideCodeActions', answer: '[]', failures: /code actions|is not an entity/i },
  hover: { fn: 'provideHover', answer: 'null', failures: /hover/i },
};

const feature = process.argv[2];
const plan = BREAKS[feature];
if (!plan) {
  console.error(`usage: node test/e2e/break-feature.mjs ${Object.keys(BREAKS).join('|')}`);
  process.exit(2);
}
const tag = `[break-${feature}]`;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
fs.mkdirSync(path.join(repoRoot, '.vscode-test'), { recursive: true });
const scratch = fs.mkdtempSync(path.join(repoRoot, '.vscode-test', `break-${feature}-`));

function copyBuiltExtension() {
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'server.js'))) throw new Error('dist/server.js is missing; run npm run build first');
  for (const entry of ['package.json', 'dist', 'syntaxes', 'media', 'images', 'icons', 'resources', 'language-configuration.json', 'server/corpuslens.schema.json', 'README.md', 'LICENSE']) {
    if (fs.existsSync(path.join(repoRoot, entry))) fs.cpSync(path.join(repoRoot, entry), path.join(scratch, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(scratch, 'node_modules'), 'dir');
}

function breakFeature() {
  const file = path.join(scratch, 'dist', 'server.js');
  const source = fs.readFileSync(file, 'utf8');
  const pattern = new RegExp(`(function ${plan.fn}\\([^)]*\\)\\s*\\{)`);
  const patched = source.replace(pattern, `$1\n  return ${plan.answer}; // deliberately broken by test/e2e/break-feature.mjs`);
  if (patched === source) throw new Error(`could not find ${plan.fn}() in ${file}; update this script`);
  fs.writeFileSync(file, patched);
  fs.rmSync(`${file}.map`, { force: true });
}

let verdict = 1;
try {
  copyBuiltExtension();
  breakFeature();
  const tests = ['inHost.test.js', 'ui.test.js'].map((name) => path.join(repoRoot, 'out', 'test', 'e2e', name));
  console.log(`${tag} ${plan.fn}() now answers ${plan.answer}; running ${tests.map((t) => path.relative(repoRoot, t)).join(', ')}`);
  const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...tests], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, CORPUS_LENS_E2E_EXTENSION: scratch },
  });
  const output = `${result.stdout}${result.stderr}`;
  console.log(output);
  const failures = output.split('\n').filter((line) => /^\s*(#\s*)?FAIL |^\s*✖ /.test(line));
  const onFeature = failures.filter((line) => plan.failures.test(line));
  if (result.status === 0) {
    console.error(`${tag} NOT CAUGHT: the end-to-end tests passed with ${feature} broken`);
  } else if (onFeature.length === 0) {
    console.error(`${tag} the tests failed, but not on ${feature}; read the output above`);
  } else {
    console.log(`${tag} caught: the tests exit ${result.status}; failures on ${feature}:\n${[...new Set(onFeature.map((l) => l.trim()))].map((l) => `  ${l}`).join('\n')}`);
    verdict = 0;
  }
} catch (error) {
  console.error(`${tag} ${error.message}`);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
process.exit(verdict);
