// The mocha entry point that a real VS Code extension host loads (extensionTestsPath). It runs
// every compiled *.e2e.js file next to it. The same file serves code-server (this machine) and
// @vscode/test-electron's desktop VS Code (machines with internet).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha = require('mocha');

/** What the suite writes to $CORPUS_LENS_E2E_RESULTS so the harness can print and check it. */
export interface SuiteResults {
  passes: { title: string; durationMs: number }[];
  failures: { title: string; message: string; stack?: string }[];
  pending: string[];
  durationMs: number;
}

export function run(): Promise<void> {
  return runSuite(__dirname);
}

/** Runs every *.e2e.js file of a folder (other suites, for other workspaces, reuse this). */
export function runSuite(dir: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const grep = process.env.CORPUS_LENS_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const file of fs.readdirSync(dir).sort()) {
    if (file.endsWith('.e2e.js')) mocha.addFile(path.join(dir, file));
  }
  const results: SuiteResults = { passes: [], failures: [], pending: [], durationMs: 0 };
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      results.durationMs = Date.now() - started;
      const resultsFile = process.env.CORPUS_LENS_E2E_RESULTS;
      if (resultsFile) {
        try {
          fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
        } catch (error) {
          console.error(`could not write ${resultsFile}: ${String(error)}`);
        }
      }
      if (failures > 0) reject(new Error(`${failures} end-to-end test(s) failed`));
      else if (results.passes.length === 0) reject(new Error('no end-to-end test ran'));
      else resolve();
    });
    runner.on('pass', (test) => results.passes.push({ title: test.fullTitle(), durationMs: test.duration ?? 0 }));
    runner.on('fail', (test, error: Error) => results.failures.push({ title: test.fullTitle(), message: error.message, stack: error.stack }));
    runner.on('pending', (test) => results.pending.push(test.fullTitle()));
  });
}
