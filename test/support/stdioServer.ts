import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ClientCapabilities, type Diagnostic, type InitializeResult, type ProtocolConnection } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { StatusNotification } from '../../server/src/protocol';

/** The repository root, from out/test/support. */
export const REPO = path.resolve(__dirname, '../../..');
export const SERVER_JS = path.join(REPO, 'dist', 'server.js');

export interface StdioServer {
  connection: ProtocolConnection;
  child: ChildProcess;
  logs: string[];
  initializeResult?: InitializeResult;
  /** The diagnostics last published for each uri (textDocument/publishDiagnostics). */
  published: Map<string, Diagnostic[]>;
  stderr(): string;
  /** Resolves when the server reports the index ready. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/** How the editor in a test behaves. */
export interface EditorProfile {
  /** The client capabilities it declares (default: configuration pull, watched files, progress). */
  capabilities?: ClientCapabilities;
  /** The server's environment; XDG_CACHE_HOME defaults to a fresh temporary folder (never the user's). */
  env?: NodeJS.ProcessEnv;
}

/**
 * The bundled server (dist/server.js) over stdio, as an editor without Corpus Lens's client
 * runs it: configuration answered with nulls, registrations accepted. The benchmarks may pass
 * another build's server.js to compare with.
 */
export async function startStdioServer(
  folder: string,
  initializationOptions?: Record<string, unknown>,
  serverJs = SERVER_JS,
  /** What the editor answers for the `corpusLens` section (null: no settings at all). */
  settings: Record<string, unknown> | null = { enable: true },
  profile: EditorProfile = {},
): Promise<StdioServer> {
  const cacheHome = profile.env?.XDG_CACHE_HOME ? undefined : mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-cache-'));
  const env = { ...process.env, ...(cacheHome ? { XDG_CACHE_HOME: cacheHome } : {}), ...profile.env };
  const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const logs: string[] = [];
  connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((item) => (item.section === 'corpusLens' ? settings : null)));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('window/showMessageRequest', () => null);
  connection.onNotification('window/logMessage', (p: { message: string }) => logs.push(p.message));
  connection.onNotification('window/showMessage', (p: { message: string }) => logs.push(p.message));
  connection.onNotification('$/progress', () => undefined);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  const published = new Map<string, Diagnostic[]>();
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => published.set(p.uri, p.diagnostics));
  const ready = new Promise<void>((resolve) => connection.onNotification(StatusNotification, (s) => s.state === 'ready' && resolve()));
  connection.listen();
  const initializeResult = await connection.sendRequest<InitializeResult>('initialize', {
    processId: null,
    rootUri: null,
    workspaceFolders: [{ uri: URI.file(folder).toString(), name: path.basename(folder) }],
    initializationOptions,
    capabilities: profile.capabilities ?? { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: true } },
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    child,
    logs,
    initializeResult,
    published,
    stderr: () => stderr,
    ready,
    async stop() {
      if (child.exitCode === null) {
        await connection.sendRequest('shutdown').catch(() => undefined);
        await connection.sendNotification('exit').catch(() => undefined);
        await new Promise((resolve) => child.once('exit', resolve));
      }
      connection.dispose();
      if (cacheHome) rmSync(cacheHome, { recursive: true, force: true });
    },
  };
}
