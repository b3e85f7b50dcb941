#!/usr/bin/env node
// Installs code-server (VS Code served to a browser) into .vscode-test/code-server so the
// end-to-end tests can run the real extension host without downloading anything outside the
// npm registry and Debian apt. code-server 4.100.3 is VS Code 1.100.3, the newest release whose
// install still accepts Node 20.
//
// Usage: node scripts/install-code-server.mjs [--check] [--force]
//   --check  only report whether the install is complete (exit 0 when it is, 1 otherwise)
//   --force  reinstall even when a complete install is present
//
// The script is idempotent: when everything is already in place it prints so and exits 0
// within a second. Every failure exits non-zero with a message that says what to do.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'ripgrep'];

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const installDir = path.join(repoRoot, '.vscode-test', 'code-server');
export const codeServerPackageDir = path.join(installDir, 'node_modules', 'code-server');
/** The script that starts code-server; run it with the current node binary. */
export const codeServerEntry = path.join(codeServerPackageDir, 'out', 'node', 'entry.js');
const vscodeDir = path.join(codeServerPackageDir, 'lib', 'vscode');
const bundledRipgrep = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
const completeMarker = path.join(installDir, 'install-complete.json');
const lockDir = path.join(installDir + '.lock');
// npm lifecycle scripts and ripgrep's download cache use the temporary folder; keeping it inside
// the install folder means nothing leaks into /tmp and the seeded cache is found.
const scratchDir = path.join(installDir, 'tmp');

class InstallError extends Error {}

function log(message) {
  console.log(`[install-code-server] ${message}`);
}

/** Runs a command with inherited output; throws InstallError when it fails. */
function run(command, args, options = {}) {
  log(`$ ${command} ${args.join(' ')}${options.cwd ? `   (in ${path.relative(repoRoot, options.cwd) || '.'})` : ''}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) {
    throw new InstallError(`could not run ${command}: ${result.error.message}`);
  }
  if (result.status !== 0) {
    throw new InstallError(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
}

function isAptPackageInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() === 'install ok installed';
}

function missingAptPackages() {
  const hasDpkg = spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!hasDpkg) {
    // Not a Debian-like system: fall back to looking for the programs themselves.
    const missing = [];
    if (!findExecutable(['chromium', 'chromium-browser'])) missing.push('chromium');
    if (!findExecutable(['rg'])) missing.push('ripgrep');
    return missing;
  }
  return APT_PACKAGES.filter((name) => !isAptPackageInstalled(name));
}

function findExecutable(names) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        return candidate;
      } catch {
        // Keep looking.
      }
    }
  }
  return undefined;
}

function ensureAptPackages() {
  const missing = missingAptPackages();
  if (missing.length === 0) {
    log(`apt packages present: ${APT_PACKAGES.join(', ')}`);
    return;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new InstallError(
      `missing system packages: ${missing.join(', ')}. Install them first, e.g.\n` +
        `  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}\n` +
        `then run this script again.`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`installing missing apt packages: ${missing.join(', ')}`);
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
  const stillMissing = missingAptPackages();
  if (stillMissing.length > 0) {
    throw new InstallError(`apt-get finished but these packages are still missing: ${stillMissing.join(', ')}`);
  }
}

/** What is wrong with the current install, or an empty list when it is complete. */
export function installProblems() {
  const problems = [];
  let version;
  try {
    version = JSON.parse(fs.readFileSync(path.join(codeServerPackageDir, 'package.json'), 'utf8')).version;
  } catch {
    problems.push('code-server is not installed');
    return problems;
  }
  if (version !== CODE_SERVER_VERSION) problems.push(`code-server ${version} is installed, ${CODE_SERVER_VERSION} is wanted`);
  if (!fs.existsSync(codeServerEntry)) problems.push(`missing ${codeServerEntry}`);
  if (!fs.existsSync(path.join(vscodeDir, 'node_modules'))) problems.push('VS Code dependencies (lib/vscode/node_modules) are missing');
  if (!fs.existsSync(bundledRipgrep)) problems.push('the bundled ripgrep binary is missing');
  if (!fs.existsSync(completeMarker)) problems.push('the previous install did not finish');
  return problems;
}

/** Reads a package's exact version from the shrinkwrap that ships inside lib/vscode. */
function pinnedVersion(packageName) {
  const shrinkwrap = JSON.parse(fs.readFileSync(path.join(vscodeDir, 'npm-shrinkwrap.json'), 'utf8'));
  const entry = shrinkwrap.packages?.[`node_modules/${packageName}`];
  if (!entry?.version) throw new InstallError(`lib/vscode/npm-shrinkwrap.json does not pin ${packageName}`);
  return entry.version;
}

/**
 * @vscode/ripgrep's postinstall downloads a prebuilt rg from GitHub unless its cache folder in
 * the temporary directory already holds the archive. Seed that cache with Debian's rg, packed
 * under the exact file name the postinstall asks for (read from the package itself).
 */
function seedRipgrepCache(env) {
  const version = pinnedVersion('@vscode/ripgrep');
  const packDir = fs.mkdtempSync(path.join(scratchDir, 'ripgrep-pack-'));
  run('npm', ['pack', `@vscode/ripgrep@${version}`, '--pack-destination', packDir, '--silent'], { cwd: packDir, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = fs.readdirSync(packDir).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new InstallError(`npm pack @vscode/ripgrep@${version} produced no tarball`);
  run('tar', ['-xzf', tarball], { cwd: packDir });
  const postinstall = fs.readFileSync(path.join(packDir, 'package', 'lib', 'postinstall.js'), 'utf8');
  const assetVersion = /const VERSION = '([^']+)'/.exec(postinstall)?.[1];
  if (!assetVersion) throw new InstallError(`could not find the ripgrep release version in @vscode/ripgrep@${version}`);
  const target = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' }[os.arch()];
  if (process.platform !== 'linux' || !target) {
    throw new InstallError(`seeding the ripgrep cache is only implemented for Linux x64/arm64, not ${process.platform}/${os.arch()}`);
  }
  const systemRg = findExecutable(['rg']);
  if (!systemRg) throw new InstallError('rg is not on PATH although the ripgrep package is installed');

  const cacheDir = path.join(scratchDir, `vscode-ripgrep-cache-${version}`);
  const archive = path.join(cacheDir, `ripgrep-${assetVersion}-${target}.tar.gz`);
  fs.mkdirSync(cacheDir, { recursive: true });
  const stage = fs.mkdtempSync(path.join(scratchDir, 'rg-stage-'));
  fs.copyFileSync(systemRg, path.join(stage, 'rg'));
  fs.chmodSync(path.join(stage, 'rg'), 0o755);
  run('tar', ['-czf', archive, '-C', stage, 'rg']);
  fs.rmSync(stage, { recursive: true, force: true });
  fs.rmSync(packDir, { recursive: true, force: true });
  log(`seeded ${path.relative(repoRoot, archive)} with ${systemRg}`);
}

function installCodeServer() {
  fs.rmSync(installDir, { recursive: true, force: true });
  fs.mkdirSync(scratchDir, { recursive: true });
  fs.writeFileSync(
    path.join(installDir, 'package.json'),
    JSON.stringify({ name: 'corpus-lens-code-server', private: true, description: 'code-server for the Corpus Lens end-to-end tests' }, null, 2) + '\n',
  );
  const env = {
    ...process.env,
    TMPDIR: scratchDir,
    // code-server's postinstall refuses to run as root without this, and an inner npx needs the
    // second. Both are harmless for a non-root user.
    npm_config_unsafe_perm: 'true',
    npm_config_yes: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  // Phase 1: fetch code-server without running any install script, so that the ripgrep version
  // it pins can be read before its postinstall would try to download rg from GitHub.
  log(`fetching code-server@${CODE_SERVER_VERSION} from the npm registry (scripts deferred)`);
  run('npm', ['install', '--ignore-scripts', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], { cwd: installDir, env });
  seedRipgrepCache(env);
  // Phase 2: run the install scripts (code-server's postinstall installs VS Code's own
  // dependencies, building native modules against the local Node headers).
  log('running install scripts (VS Code dependencies and native modules; takes about a minute)');
  run('npm', ['rebuild', '--foreground-scripts'], { cwd: installDir, env });

  const problems = installProblems().filter((problem) => problem !== 'the previous install did not finish');
  if (problems.length > 0) throw new InstallError(`install finished but is incomplete: ${problems.join('; ')}`);
  fs.rmSync(scratchDir, { recursive: true, force: true });
  fs.writeFileSync(completeMarker, JSON.stringify({ version: CODE_SERVER_VERSION, installedAt: new Date().toISOString() }, null, 2) + '\n');
}

function processIsAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Keeps two test files that start at once from installing into the same folder together. */
async function withInstallLock(action) {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let holder = NaN;
      try {
        holder = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
      } catch {
        // The holder has created the folder but not written its pid yet.
      }
      if (Number.isInteger(holder) && holder > 0 && !processIsAlive(holder)) {
        log(`removing a stale lock left by process ${holder}`);
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new InstallError(`timed out waiting for the install lock ${lockDir}`);
      if (!announced) {
        log(`another install (process ${holder}) is running; waiting for it to finish`);
        announced = true;
      }
      // Wait for the lock folder to disappear; the short poll interval only bounds latency.
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await action();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

async function main() {
  const args = new Set(process.argv.slice(2));
  if (args.has('--check')) {
    const problems = [...installProblems(), ...missingAptPackages().map((name) => `apt package ${name} is missing`)];
    if (problems.length === 0) {
      log(`code-server ${CODE_SERVER_VERSION} is installed in ${path.relative(repoRoot, installDir)}`);
      return 0;
    }
    for (const problem of problems) log(problem);
    return 1;
  }
  const force = args.has('--force');
  if (process.platform !== 'linux') {
    throw new InstallError('this installer supports Linux only (it relies on apt and a Linux rg binary)');
  }
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  if (nodeMajor !== 20) {
    throw new InstallError(`code-server ${CODE_SERVER_VERSION} installs only with Node 20; this is Node ${process.versions.node}`);
  }
  // apt and npm both dislike two installs at once (dpkg lock, half-written folders), so test
  // files that start together take turns here.
  await withInstallLock(async () => {
    ensureAptPackages();
    const problems = installProblems();
    if (!force && problems.length === 0) {
      log(`code-server ${CODE_SERVER_VERSION} already installed in ${path.relative(repoRoot, installDir)}; nothing to do`);
      return;
    }
    log(force ? 'reinstalling (--force)' : `installing because ${problems[0]}`);
    const started = Date.now();
    installCodeServer();
    log(`code-server ${CODE_SERVER_VERSION} installed in ${path.relative(repoRoot, installDir)} (${Math.round((Date.now() - started) / 1000)} s)`);
  });
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      const message = error instanceof InstallError ? error.message : error?.stack ?? String(error);
      console.error(`[install-code-server] FAILED: ${message}`);
      process.exit(1);
    },
  );
}
