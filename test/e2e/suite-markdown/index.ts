// The mocha entry point for this folder's *.e2e.ts files, run in their own workspace by lens.test.ts.
import { runSuite } from '../suite/index';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
