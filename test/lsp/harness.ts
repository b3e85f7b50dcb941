import { PassThrough } from 'node:stream';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createConnection as createServerConnection } from 'vscode-languageserver/lib/common/server';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type Position,
  type ProtocolConnection,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { MemoryArticleSource } from '../../server/src/host/memoryArticleSource';
import { StatusNotification, WaitForIndexRequest, type IndexState } from '../../server/src/protocol';
import { startServer, type ServerDependencies } from '../../server/src/server';
import type { Workspace } from '../../server/src/workspace/workspace';

/** The root folder of the in-memory workspace. */
export const ROOT = '/corpus';

export function uriOf(relative: string): string {
  return URI.file(`${ROOT}/${relative}`).toString();
}

export interface TestServer {
  client: ProtocolConnection;
  workspace: Workspace;
  source: MemoryArticleSource;
  initializeResult: InitializeResult;
  /** Server log lines (window/logMessage). */
  logs: string[];
  /** Messages the server showed the user (window/showMessage). */
  messages: string[];
  /** Every status notification received. */
  statuses: IndexState[];
  /** Every work-done progress notification received ($/progress values), and the tokens created for them. */
  progress: { token: string | number; value: { kind: string; title?: string; message?: string; percentage?: number } }[];
  progressTokens: (string | number)[];
  /** Position of an offset in an article as the server knows it. */
  position(relative: string, text: string, offset: number): Position;
  open(relative: string, text: string, version?: number): Promise<void>;
  change(relative: string, text: string, version: number): Promise<void>;
  close(relative: string): Promise<void>;
  waitForIndex(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * Starts the real server (startServer) over an in-process JSON-RPC pair, with an in-memory
 * article source. The common createConnection takes our no-op watchdog, so nothing calls
 * process.exit; the client side answers configuration and registration requests.
 */
export async function startTestServer(
  files: Record<string, string | Uint8Array>,
  settings: Record<string, unknown> = {},
  source: MemoryArticleSource = new MemoryArticleSource(),
  initializationOptions: Record<string, unknown> = {},
  /** More of the server's dependencies (an analysis off the main thread, say). */
  deps: Partial<ServerDependencies> = {},
  /** What the client says it can do; by default configuration, watched files, folders and progress. */
  capabilities: Record<string, unknown> = DEFAULT_CLIENT_CAPABILITIES,
): Promise<TestServer> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  for (const [rel, text] of Object.entries(files)) source.files.set(`${ROOT}/${rel}`, text);
  const watchdog = { initialize: () => undefined, get shutdownReceived() { return false; }, set shutdownReceived(_v: boolean) {}, exit: () => undefined };
  const serverConnection = createServerConnection(
    (logger) => createProtocolConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient), logger),
    watchdog as never,
  );
  const { workspace } = startServer(serverConnection as never, { ...deps, source });
  const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const logs: string[] = [];
  const messages: string[] = [];
  const statuses: IndexState[] = [];
  client.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    // Corpus Lens is opt-in; the test folder is a corpus unless a test says otherwise.
    params.items.map((item) => (item.section === 'corpusLens' ? { enable: true, ...settings } : item.section === 'files.exclude' ? {} : null)),
  );
  client.onRequest('client/registerCapability', () => null);
  const progress: TestServer['progress'] = [];
  const progressTokens: TestServer['progressTokens'] = [];
  client.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
    progressTokens.push(p.token);
    return null;
  });
  client.onNotification('window/logMessage', (p: { message: string }) => logs.push(p.message));
  client.onNotification('window/showMessage', (p: { message: string }) => messages.push(p.message));
  client.onRequest('window/showMessageRequest', (p: { message: string }) => {
    messages.push(p.message);
    return null;
  });
  client.onNotification(StatusNotification, (s) => statuses.push(s));
  client.onNotification('$/progress', (p: TestServer['progress'][number]) => progress.push(p));
  client.listen();
  const initializeResult = (await client.sendRequest('initialize', {
    processId: null,
    rootUri: null,
    initializationOptions,
    workspaceFolders: [{ uri: URI.file(ROOT).toString(), name: 'corpus' }],
    capabilities,
  })) as InitializeResult;
  await client.sendNotification('initialized', {});
  const versions = new Map<string, number>();
  return {
    client,
    workspace,
    source,
    initializeResult,
    logs,
    messages,
    statuses,
    progress,
    progressTokens,
    position: (relative, text, offset) => TextDocument.create(uriOf(relative), 'article', 0, text).positionAt(offset),
    async open(relative, text, version = 1) {
      versions.set(relative, version);
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(relative), languageId: 'article', version, text } });
      await settle(client);
    },
    async change(relative, text, version) {
      await client.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(relative), version }, contentChanges: [{ text }] });
      await settle(client);
    },
    async close(relative) {
      await client.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(relative) } });
      await settle(client);
    },
    async waitForIndex() {
      await client.sendRequest(WaitForIndexRequest);
    },
    async dispose() {
      client.dispose();
      serverConnection.dispose();
      toServer.end();
      toClient.end();
    },
  };
}

/** The client capabilities the tests start with. */
export const DEFAULT_CLIENT_CAPABILITIES = {
  workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
  window: { workDoneProgress: true },
  textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
};

/** Notifications have no reply; a request sent after them returns once they were handled. */
async function settle(client: ProtocolConnection): Promise<void> {
  await client.sendRequest(WaitForIndexRequest);
}
