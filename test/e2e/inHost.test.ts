// node:test entry point of the in-host tier: runs the mocha suite in test/e2e/suite inside
// code-server's real extension host and fails unless every test in it passed.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatRun, runExtensionTestsInCodeServer } from './harness/extensionTests';
import { extensionRoot, fixtureWorkspace, suiteIndex } from './harness/paths';
import { copyWorkspace } from './harness/workspace';

test('extension-host suite passes in a real VS Code (code-server 4.100.3)', { timeout: 240_000 }, async () => {
  // The suite writes corrections into its workspace: it gets a fresh copy, never the repo's.
  const workspace = copyWorkspace(fixtureWorkspace);
  let run;
  try {
    run = await runExtensionTestsInCodeServer({
      name: 'e2e-host',
      workspace: workspace.folder,
      extensionDevelopmentPath: extensionRoot,
      extensionTestsPath: suiteIndex,
    });
  } finally {
    workspace.remove();
  }
  console.log(formatRun(run));
  assert.equal(run.exitCode, 0, 'the extension host reported failure (report above; logs in test-results/e2e-host-*)');
  assert.ok(run.results, 'the suite wrote its results file');
  assert.equal(run.results.failures.length, 0);
  if (!process.env.CORPUS_LENS_E2E_GREP) assert.ok(run.results.passes.length >= 18, `all suite tests ran (${run.results.passes.length} passed)`);
});
