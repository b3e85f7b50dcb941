// node:test entry point for the suites that need workspaces of their own: Markdown articles
// (suite-markdown, test/fixtures/markdown-workspace) and opt-in activation in a code
// repository (suite-code-repo, test/fixtures/code-repo). Each runs in a fresh code-server.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { formatRun, runExtensionTestsInCodeServer } from './harness/extensionTests';
import { extensionRoot, repoRoot } from './harness/paths';
import { copyWorkspace } from './harness/workspace';

const SUITES = [
  { name: 'e2e-markdown', fixture: 'markdown-workspace', suite: 'suite-markdown', tests: 7 },
  { name: 'e2e-code-repo', fixture: 'code-repo', suite: 'suite-code-repo', tests: 2 },
];

for (const { name, fixture, suite, tests } of SUITES) {
  test(`${suite} passes in a real VS Code (code-server 4.100.3)`, { timeout: 240_000 }, async () => {
    const workspace = copyWorkspace(path.join(repoRoot, 'test', 'fixtures', fixture));
    let run;
    try {
      run = await runExtensionTestsInCodeServer({
        name,
        workspace: workspace.folder,
        extensionDevelopmentPath: extensionRoot,
        extensionTestsPath: path.join(repoRoot, 'out', 'test', 'e2e', suite, 'index.js'),
      });
    } finally {
      workspace.remove();
    }
    console.log(formatRun(run));
    assert.equal(run.exitCode, 0, `the extension host reported failure (logs in test-results/${name}-*)`);
    assert.ok(run.results);
    assert.equal(run.results.failures.length, 0);
    if (!process.env.CORPUS_LENS_E2E_GREP) assert.equal(run.results.passes.length, tests, 'every test of the suite ran');
  });
}
