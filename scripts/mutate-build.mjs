// The build StrykerJS runs once in its sandbox (npm run mutate), after it has written every
// mutant into the sources: those files carry `// @ts-nocheck`, so tsc emits them as they are;
// the bundles are built too, for the tests that start dist/server.js. Stryker links the
// project's node_modules into the sandbox only after this build, so the build borrows the link
// for its own run and removes it again.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';

const bin = (process.env.PATH ?? '').split(path.delimiter).find((dir) => dir.endsWith(`node_modules${path.sep}.bin`) && existsSync(path.join(dir, 'tsc')));
if (!bin) throw new Error('mutate-build: no node_modules/.bin with tsc on the PATH (run it through npm run mutate)');
const borrowed = !existsSync('node_modules');
if (borrowed) symlinkSync(path.dirname(bin), 'node_modules', 'junction');
try {
  const run = (args) => execFileSync(process.execPath, args, { stdio: 'inherit' });
  run([path.join('node_modules', 'typescript', 'bin', 'tsc'), '-b']);
  run(['esbuild.js']);
} finally {
  if (borrowed) rmSync('node_modules');
}
