#!/usr/bin/env node
// npm start: installs what is missing, builds, and opens sample/ in VS Code with Corpus Lens
// loaded from this folder. Desktop VS Code when `code` is on PATH; otherwise the local browser
// VS Code (code-server, installed by scripts/install-code-server.mjs), whose URL is printed.
//   npm start                 the sample corpus
//   npm start -- FOLDER       another folder of articles
//   npm start -- --browser    code-server even when `code` is on PATH
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const browser = args.includes('--browser');
const folder = resolve(args.find((a) => !a.startsWith('--')) ?? join(root, 'sample'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function step(title, command, commandArgs) {
  console.log(`\n[start] ${title}: ${command} ${commandArgs.join(' ')}`);
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[start] ${title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

if (!existsSync(folder)) {
  console.error(`[start] ${folder} does not exist.`);
  process.exit(2);
}
if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) step('installing dependencies', npm, ['ci', '--no-audit', '--no-fund']);
step('building', npm, ['run', 'build', '--silent']);

const hasCode = !browser && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
if (hasCode) {
  console.log(`[start] opening ${folder} in VS Code with the extension from ${root}`);
  const child = spawn('code', ['--new-window', `--extensionDevelopmentPath=${root}`, folder], { stdio: 'inherit', detached: true });
  child.unref();
} else {
  step('installing the browser VS Code (code-server, once)', process.execPath, [join(root, 'scripts', 'install-code-server.mjs')]);
  const require = createRequire(import.meta.url);
  const { startCodeServer } = require(join(root, 'out', 'test', 'e2e', 'harness', 'codeServer.js'));
  const server = await startCodeServer({ name: 'start' });
  const url = server.workbenchUrl({ folder, extensionDevelopmentPath: root });
  console.log(`\n[start] Corpus Lens is running in the browser VS Code. Open:\n\n  ${url}\n\n[start] Press Ctrl+C to stop.`);
  const stop = async () => {
    await server.stop().catch((error) => console.error(String(error)));
    process.exit(0);
  };
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await new Promise(() => undefined);
}
