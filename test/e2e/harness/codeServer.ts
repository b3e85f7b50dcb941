import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { codeServerEntry, installerScript, resultsDir, runsDir } from './paths';
import { killProcessFamily, killProcessFamilySync } from './processes';

/**
 * Runs the project's installer, which returns at once when code-server is already installed.
 * Throws with the installer's exit status when it fails: the tier must run, never skip.
 */
export function ensureCodeServer(): void {
  const result = spawnSync(process.execPath, [installerScript], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) {
    throw new Error(`scripts/install-code-server.mjs failed (exit ${result.status ?? result.signal}):\n${output}`);
  }
  // Only the installer's own summary lines; npm's progress output is noise once it worked.
  for (const line of output.split('\n')) {
    if (line.startsWith('[install-code-server]') && !line.includes('$ ')) console.log(line);
  }
}

/** User settings that keep dialogs, walkthroughs and network calls out of the tests. */
const QUIET_SETTINGS: Record<string, unknown> = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'editor.hover.delay': 150,
  'editor.minimap.enabled': false,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
  'chat.commandCenter.enabled': false,
};

export interface CodeServerOptions {
  /** Names the run's user-data folder and log file. */
  name: string;
  /** Extra environment for code-server and so for the extension host and our server. */
  env?: Record<string, string>;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
}

export interface CodeServer {
  readonly origin: string;
  readonly port: number;
  /** The run's fresh user-data folder (removed by stop()). */
  readonly userDataDir: string;
  /**
   * The workbench address for a folder, with extension development and test paths in the
   * payload (the only way code-server accepts them; plain paths are silently ignored).
   */
  workbenchUrl(options: { folder: string; extensionDevelopmentPath?: string; extensionTestsPath?: string }): string;
  /** The code-server log so far. */
  log(): string;
  /** Stops code-server and every process it started; keeps logs in test-results on failure. */
  stop(options?: { keepLogs?: boolean }): Promise<void>;
}

function cleanEnvironment(extra: Record<string, string> | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // A VS Code terminal or the node:test runner would otherwise leak its wiring into the
    // editor under test.
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE' || key === 'NODE_TEST_CONTEXT' || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  // An empty gallery: the editor never calls an extension marketplace.
  env.EXTENSIONS_GALLERY = '{}';
  return { ...env, ...extra };
}

function httpStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.setTimeout(5000, () => request.destroy(new Error(`no answer from ${url} within 5 s`)));
  });
}

/**
 * Starts code-server on a free port of 127.0.0.1 (port 0: the kernel picks it and code-server
 * reports it, so two runs never race for a port) with a fresh user-data folder, and resolves
 * once /healthz answers.
 */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  if (!fs.existsSync(codeServerEntry)) throw new Error(`code-server is not installed at ${codeServerEntry}; run scripts/install-code-server.mjs`);
  fs.mkdirSync(runsDir, { recursive: true });
  const userDataDir = fs.mkdtempSync(path.join(runsDir, `${options.name}-`));
  const extensionsDir = path.join(userDataDir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2));
  // Passing a config file keeps code-server from writing one into the home folder.
  const configFile = path.join(userDataDir, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');

  const args = [
    codeServerEntry,
    '--auth', 'none',
    '--bind-addr', '127.0.0.1:0',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--config', configFile,
  ];
  // detached: code-server leads a new process group, so stopping it reaches the extension host
  // and the language server it forks.
  const child = spawn(process.execPath, args, {
    cwd: userDataDir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: cleanEnvironment(options.env),
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('code-server did not start');
  const killOnExit = (): void => killProcessFamilySync(pid);
  process.on('exit', killOnExit);
  const killOnSignal = (signal: NodeJS.Signals): void => {
    killProcessFamilySync(pid);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', killOnSignal);
  process.once('SIGTERM', killOnSignal);

  let logText = '';
  let exited: string | undefined;
  const portPromise = new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      logText += chunk.toString('utf8');
      const match = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(logText);
      if (match) resolve(Number(match[1]));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code, signal) => {
      exited = `code-server exited (${code ?? signal})`;
      reject(new Error(`${exited} before listening:\n${logText}`));
    });
  });
  let startTimer: NodeJS.Timeout | undefined;
  const startTimeout = new Promise<never>((_, reject) => {
    startTimer = setTimeout(() => reject(new Error(`code-server did not listen within 30 s:\n${logText}`)), 30_000);
  });

  let stopped = false;
  const stop = async (stopOptions: { keepLogs?: boolean } = {}): Promise<void> => {
    if (stopped) return;
    stopped = true;
    const survivors = await killProcessFamily(pid);
    process.off('exit', killOnExit);
    process.off('SIGINT', killOnSignal);
    process.off('SIGTERM', killOnSignal);
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.writeFileSync(path.join(resultsDir, `${options.name}-code-server.log`), logText);
    if (stopOptions.keepLogs) {
      // The extension host, the language client's output channel and the workbench logs.
      const logsDir = path.join(userDataDir, 'logs');
      const target = path.join(resultsDir, `${options.name}-logs`);
      fs.rmSync(target, { recursive: true, force: true });
      if (fs.existsSync(logsDir)) fs.cpSync(logsDir, target, { recursive: true });
    }
    fs.rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5 });
    if (survivors.length > 0) throw new Error(`code-server left processes behind even after SIGKILL: ${survivors.join(', ')}`);
  };

  let port: number;
  try {
    port = await Promise.race([portPromise, startTimeout]);
    const origin = `http://127.0.0.1:${port}`;
    const status = await httpStatus(`${origin}/healthz`);
    if (status !== 200) throw new Error(`${origin}/healthz answered ${status}`);
  } catch (error) {
    await stop({ keepLogs: true }).catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(startTimer);
  }
  const origin = `http://127.0.0.1:${port}`;
  const remote = (absolutePath: string): string => `vscode-remote://127.0.0.1:${port}${absolutePath}`;

  return {
    origin,
    port,
    userDataDir,
    workbenchUrl({ folder, extensionDevelopmentPath, extensionTestsPath }) {
      const payload: [string, string][] = [];
      if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
      if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
      const query = new URLSearchParams({ folder });
      if (payload.length > 0) query.set('payload', JSON.stringify(payload));
      return `${origin}/?${query.toString()}`;
    },
    log: () => (exited ? `${logText}\n${exited}` : logText),
    stop,
  };
}
