#!/usr/bin/env node
// Stands in for a desktop VS Code executable where none can be downloaded: accepts the command
// line @vscode/test-electron's runTests() passes to VS Code and runs the same extension tests in
// code-server's real extension host instead (see harness/extensionTests.ts). Exits 0 when the
// suite passed, 1 when it failed, like VS Code does.
//
//   runTests({ vscodeExecutablePath: '<repo>/test/e2e/code-server-as-vscode.mjs', ... })
//
// Flags that only make sense for Electron (--no-sandbox, --disable-gpu-sandbox, ...) are ignored,
// and so are --user-data-dir and --extensions-dir: every run gets fresh ones.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

function parseArguments(argv) {
  const options = { folders: [], ignored: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inlineValue] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inlineValue ?? argv[++i];
    if (flag === '--extensionDevelopmentPath') {
      if (options.extensionDevelopmentPath) throw new Error('code-server accepts only one --extensionDevelopmentPath');
      options.extensionDevelopmentPath = path.resolve(value());
    } else if (flag === '--extensionTestsPath') options.extensionTestsPath = path.resolve(value());
    else if (flag === '--user-data-dir' || flag === '--extensions-dir' || flag === '--locale') options.ignored.push(`${flag}=${value()}`);
    else if (flag.startsWith('-')) options.ignored.push(arg);
    else options.folders.push(path.resolve(arg));
  }
  return options;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (!options.extensionDevelopmentPath || !options.extensionTestsPath) {
    throw new Error('expected --extensionDevelopmentPath and --extensionTestsPath (this script only runs extension tests)');
  }
  if (options.folders.length !== 1) throw new Error(`expected exactly one workspace folder, got ${JSON.stringify(options.folders)}`);
  let harness;
  try {
    harness = require(path.join(here, '..', '..', 'out', 'test', 'e2e', 'harness', 'extensionTests.js'));
  } catch (error) {
    throw new Error(`the compiled harness is missing; run npm run build first (${error.message})`);
  }
  const run = await harness.runExtensionTestsInCodeServer({
    name: 'e2e-test-electron',
    workspace: options.folders[0],
    extensionDevelopmentPath: options.extensionDevelopmentPath,
    extensionTestsPath: options.extensionTestsPath,
  });
  console.log(harness.formatRun(run));
  return run.exitCode === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`code-server-as-vscode: ${error.message ?? error}`);
    process.exit(1);
  },
);
