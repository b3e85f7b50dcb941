import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { launchBrowser } from './browser';
import { ensureCodeServer, startCodeServer } from './codeServer';
import { resultsDir } from './paths';
import type { SuiteResults } from '../suite/index';

export interface ExtensionTestRun {
  /** What the workbench passed to codeAutomationExit: 0 when the suite's run() resolved. */
  exitCode: number;
  /** The extension host's console (the mocha spec report among it), one entry per call. */
  hostLog: string[];
  /** The suite's own record of passes and failures, when it got as far as writing it. */
  results?: SuiteResults;
  durationMs: number;
}

export interface ExtensionTestOptions {
  /** Names the run's folders and artefacts. */
  name: string;
  workspace: string;
  extensionDevelopmentPath: string;
  /** The compiled suite index (exports run()). */
  extensionTestsPath: string;
  /** Extra environment for the extension host. */
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** The extension host forwards console calls as printf-style argument lists. */
function describeLogCall(args: unknown): string {
  const parts: unknown[] = Array.isArray(args) ? args : [args];
  return format(...parts);
}

/**
 * Runs an extension test suite inside code-server's real extension host: starts code-server
 * (fresh user-data folder, free port on 127.0.0.1), opens the workbench in headless chromium
 * with the development and test paths in the URL payload, and waits for the workbench to call
 * codeAutomationExit. code-server and chromium are always stopped, whatever happens.
 */
export async function runExtensionTestsInCodeServer(options: ExtensionTestOptions): Promise<ExtensionTestRun> {
  if (!fs.existsSync(options.extensionTestsPath)) throw new Error(`the compiled suite is missing: ${options.extensionTestsPath} (run npm run build)`);
  ensureCodeServer();
  fs.mkdirSync(resultsDir, { recursive: true });
  const resultsFile = path.join(resultsDir, `${options.name}-mocha.json`);
  fs.rmSync(resultsFile, { force: true });

  const started = Date.now();
  const hostLog: string[] = [];
  const server = await startCodeServer({ name: options.name, env: { ...options.env, CORPUS_LENS_E2E_RESULTS: resultsFile } });
  let exitCode = -1;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  try {
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let settle: (code: number) => void = () => undefined;
    let fail: (error: Error) => void = () => undefined;
    const verdict = new Promise<number>((resolve, reject) => {
      settle = resolve;
      fail = reject;
    });
    // Both hooks must exist before the workbench loads: it looks them up on window.
    await page.exposeFunction('codeAutomationExit', (code: number) => settle(code));
    await page.exposeFunction('codeAutomationLog', (_level: string, args: unknown) => {
      hostLog.push(describeLogCall(args));
    });
    page.on('crash', () => fail(new Error('the workbench page crashed')));
    browser.on('disconnected', () => fail(new Error('chromium went away before the suite finished')));
    const timeoutMs = options.timeoutMs ?? 150_000;
    const timer = setTimeout(() => fail(new Error(`the suite gave no verdict within ${timeoutMs / 1000} s`)), timeoutMs);
    try {
      await page.goto(server.workbenchUrl({
        folder: options.workspace,
        extensionDevelopmentPath: options.extensionDevelopmentPath,
        extensionTestsPath: options.extensionTestsPath,
      }));
      exitCode = await verdict;
    } catch (error) {
      await page.screenshot({ path: path.join(resultsDir, `${options.name}-failure.png`) }).catch(() => undefined);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop({ keepLogs: exitCode !== 0 });
    fs.writeFileSync(path.join(resultsDir, `${options.name}-host.log`), hostLog.join('\n') + '\n');
  }
  let results: SuiteResults | undefined;
  if (fs.existsSync(resultsFile)) results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as SuiteResults;
  return { exitCode, hostLog, results, durationMs: Date.now() - started };
}

/** A short report of a run for the test output. */
export function formatRun(run: ExtensionTestRun): string {
  const lines = [`extension host verdict: codeAutomationExit(${run.exitCode}) after ${(run.durationMs / 1000).toFixed(1)} s`];
  if (run.results) {
    for (const pass of run.results.passes) lines.push(`  ok   ${pass.title} (${pass.durationMs} ms)`);
    for (const failure of run.results.failures) lines.push(`  FAIL ${failure.title}\n       ${failure.message.split('\n').join('\n       ')}`);
    for (const pending of run.results.pending) lines.push(`  skip ${pending}`);
    lines.push(`  ${run.results.passes.length} passing, ${run.results.failures.length} failing (mocha ${run.results.durationMs} ms)`);
  } else {
    lines.push('  the suite wrote no results; extension host log:');
    lines.push(...run.hostLog.slice(-60).map((line) => `  | ${line}`));
  }
  return lines.join('\n');
}
