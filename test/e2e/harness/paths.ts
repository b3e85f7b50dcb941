import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Finds the repository root by walking up from this file until the project's manifest is found,
 * so the harness works both from test/e2e (ts) and from out/test/e2e (compiled js).
 */
function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      const name = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name;
      if (name === 'corpus-lens') return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the corpus-lens package.json above ${start}`);
    dir = parent;
  }
}

export const repoRoot = findRepoRoot(__dirname);
/**
 * The extension under test (package.json "main" is dist/client.js): this repository, or a
 * scratch copy named by CORPUS_LENS_E2E_EXTENSION (used to prove the tests fail on a broken build).
 */
export const extensionRoot = process.env.CORPUS_LENS_E2E_EXTENSION ? path.resolve(process.env.CORPUS_LENS_E2E_EXTENSION) : repoRoot;
export const fixtureWorkspace = path.join(repoRoot, 'test', 'fixtures', 'e2e-workspace');
/** The compiled mocha suite that the extension host loads. */
export const suiteIndex = path.join(repoRoot, 'out', 'test', 'e2e', 'suite', 'index.js');
/** Screenshots and logs of the runs (git-ignored). */
export const resultsDir = path.join(repoRoot, 'test-results');
export const installerScript = path.join(repoRoot, 'scripts', 'install-code-server.mjs');
export const codeServerEntry = path.join(repoRoot, '.vscode-test', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
/** Parent of the per-run user-data folders (git-ignored, each removed after its run). */
export const runsDir = path.join(repoRoot, '.vscode-test', 'runs');
