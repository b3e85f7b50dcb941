// Runs the in-host mocha suite (test/e2e/suite) through @vscode/test-electron's runTests().
//
//   node out/test/e2e/runTestElectron.js                 desktop VS Code 1.100.3, downloaded by
//                                                         test-electron (needs internet; on Linux
//                                                         without a display wrap it in xvfb-run -a)
//   node out/test/e2e/runTestElectron.js --code-server   the same suite in code-server on this
//                                                         machine, through code-server-as-vscode.mjs
//   VSCODE_EXECUTABLE_PATH=/path/to/code node ...        an already installed VS Code
import { runTests } from '@vscode/test-electron';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { extensionRoot, fixtureWorkspace, repoRoot, suiteIndex } from './harness/paths';
import { copyWorkspace } from './harness/workspace';

const VSCODE_VERSION = '1.100.3';

async function main(): Promise<number> {
  const viaCodeServer = process.argv.includes('--code-server');
  const vscodeExecutablePath = viaCodeServer ? path.join(repoRoot, 'test', 'e2e', 'code-server-as-vscode.mjs') : process.env.VSCODE_EXECUTABLE_PATH;
  // A fresh profile per run, removed afterwards (code-server-as-vscode makes its own).
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-e2e-'));
  // The suite writes corrections into its workspace: a fresh copy, never the repo's fixture.
  const workspace = copyWorkspace(fixtureWorkspace);
  try {
    await runTests({
      version: VSCODE_VERSION,
      vscodeExecutablePath,
      extensionDevelopmentPath: extensionRoot,
      extensionTestsPath: suiteIndex,
      launchArgs: [workspace.folder, '--disable-extensions', `--user-data-dir=${userDataDir}`, `--extensions-dir=${path.join(userDataDir, 'extensions')}`],
    });
    return 0;
  } catch (error) {
    console.error(`end-to-end suite failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    fs.rmSync(userDataDir, { recursive: true, force: true });
    workspace.remove();
  }
}

void main().then((code) => process.exit(code));
