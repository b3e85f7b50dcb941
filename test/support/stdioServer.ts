import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { StatusNotification } from '../../server/src/protocol';

/** The repository root, from out/test/support. */
export const REPO = path.resolve(__dirname, '../../..');
export const SERVER_JS = path.join(REPO, 'dist', 'server.js');

export interface StdioServer {
  connection: ProtocolConnection;
  child: ChildProcess;
  logs: string[];
  stderr(): string;
  /** Resolves when the server reports the index ready. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * The bundled server (dist/server.js) over stdio, as an editor without Corpus Lens's client
 * runs it: configuration answered with nulls, registrations accepted. The benchmarks may pass
 * another build's server.js to compare with.
 */
export async function startStdioServer(folder: string, initializationOptions?: Record<string, unknown>, serverJs = SERVER_JS, settings: Record<string, unknown> = { enable: true }): Promise<StdioServer> {
  const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
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
  const ready = new Promise<void>((resolve) => connection.onNotification(StatusNotification, (s) => s.state === 'ready' && resolve()));
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: null,
    rootUri: null,
    workspaceFolders: [{ uri: URI.file(folder).toString(), name: path.basename(folder) }],
    initializationOptions,
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: true } },
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    child,
    logs,
    stderr: () => stderr,
    ready,
    async stop() {
      if (child.exitCode === null) {
        await connection.sendRequest('shutdown').catch(() => undefined);
        await connection.sendNotification('exit').catch(() => undefined);
        await new Promise((resolve) => child.once('exit', resolve));
      }
      connection.dispose();
    },
  };
}
