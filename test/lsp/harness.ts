import { PassThrough } from 'node:stream';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createConnection as createServerConnection } from 'vscode-languageserver/lib/common/server';
import {
  createProtocolConnection,
  InitializeRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type TextEdit,
  type WorkspaceEdit,
  type InitializeResult,
  type Position,
  type ProtocolConnection,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { MemoryArticleSource } from '../../server/src/host/memoryArticleSource';
import { CLIENT_CAPABILITY, ClientCommands, StatusNotification, WaitForIndexRequest, type IndexState } from '../../server/src/protocol';
import { startServer, type ServerDependencies } from '../../server/src/server';
import type { Workspace } from '../../server/src/workspace/workspace';

/**
 * What our VS Code client declares (the parts the server reads): configuration pull, watched
 * files, progress, workspace edits that create files, pull diagnostics with refresh, and the
 * client commands it runs.
 */
export const VSCODE_LIKE: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceFolders: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
    diagnostics: { refreshSupport: true },
  },
  window: { workDoneProgress: true },
  textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true }, diagnostic: { relatedDocumentSupport: false }, codeAction: { disabledSupport: true } },
  experimental: { [CLIENT_CAPABILITY]: { commands: Object.values(ClientCommands) } },
};

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
  /** Every capability the server registered dynamically. */
  registrations: { id: string; method: string; registerOptions?: unknown }[];
  /** The refresh requests the server sent (semanticTokens, inlayHint). */
  refreshes: string[];
  /** Position of an offset in an article as the server knows it. */
  position(relative: string, text: string, offset: number): Position;
  open(relative: string, text: string, version?: number): Promise<void>;
  change(relative: string, text: string, version: number): Promise<void>;
  close(relative: string): Promise<void>;
  waitForIndex(): Promise<void>;
  /**
   * Applies a WorkspaceEdit as an editor that saves it would: to the in-memory disk, then a
   * watched-file event. The server's workspace/applyEdit requests come here too.
   */
  applyEdit(edit: WorkspaceEdit): Promise<void>;
  /** Every edit the server asked the client to apply (workspace/applyEdit). */
  appliedEdits: WorkspaceEdit[];
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
  /** What the client declares it can do (our VS Code client's, by default: VSCODE_LIKE). */
  capabilities: ClientCapabilities | Record<string, unknown> = VSCODE_LIKE,
  /** Initialize params over the test's own (rootUri, workspaceFolders...). */
  initialize: Record<string, unknown> = {},
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
  const registrations: TestServer['registrations'] = [];
  client.onRequest('client/registerCapability', (p: { registrations: TestServer['registrations'] }) => {
    registrations.push(...p.registrations);
    return null;
  });
  const refreshes: string[] = [];
  client.onRequest('workspace/semanticTokens/refresh', () => void refreshes.push('semanticTokens'));
  client.onRequest('workspace/inlayHint/refresh', () => void refreshes.push('inlayHint'));
  const progress: TestServer['progress'] = [];
  const progressTokens: TestServer['progressTokens'] = [];
  client.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
    progressTokens.push(p.token);
    return null;
  });
  client.onRequest('workspace/diagnostic/refresh', () => null);
  client.onNotification('window/logMessage', (p: { message: string }) => logs.push(p.message));
  client.onNotification('window/showMessage', (p: { message: string }) => messages.push(p.message));
  client.onRequest('window/showMessageRequest', (p: { message: string }) => {
    messages.push(p.message);
    return null;
  });
  client.onNotification(StatusNotification, (s) => statuses.push(s));
  const appliedEdits: WorkspaceEdit[] = [];
  client.onRequest('workspace/applyEdit', async (p: { edit: WorkspaceEdit }) => {
    appliedEdits.push(p.edit);
    writeEdit(source, p.edit);
    // The editor tells the server about the saved file after answering.
    setImmediate(() => void notifyChanged(client, p.edit));
    return { applied: true };
  });
  client.onNotification('$/progress', (p: TestServer['progress'][number]) => progress.push(p));
  client.listen();
  const initializeResult = (await client.sendRequest(InitializeRequest.type, {
    processId: null,
    rootUri: null,
    initializationOptions,
    workspaceFolders: [{ uri: URI.file(ROOT).toString(), name: 'corpus' }],
    capabilities,
    ...initialize,
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
    registrations,
    refreshes,
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
    appliedEdits,
    async applyEdit(edit) {
      writeEdit(source, edit);
      await notifyChanged(client, edit);
      await settle(client);
    },
    async dispose() {
      // The streams stay open: a request the server had begun to send when the test ended would
      // otherwise fail to write, and vscode-jsonrpc reports that failure from inside an async
      // promise executor, where nobody can catch it (an unhandled rejection that fails the file).
      // Writes to a connection disposed first are refused at once, where the server catches them.
      serverConnection.dispose();
      client.dispose();
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

/** The files a WorkspaceEdit touches, with their text edits (CreateFile makes an empty file). */
function writeEdit(source: MemoryArticleSource, edit: WorkspaceEdit): void {
  const apply = (uri: string, edits: TextEdit[]) => {
    const file = URI.parse(uri).fsPath;
    const current = source.files.get(file);
    const doc = TextDocument.create(uri, 'json', 0, typeof current === 'string' ? current : '');
    source.files.set(file, TextDocument.applyEdits(doc, edits));
  };
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind === 'create' && !source.files.has(URI.parse(change.uri).fsPath)) source.files.set(URI.parse(change.uri).fsPath, '');
    } else apply(change.textDocument.uri, change.edits as TextEdit[]);
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) apply(uri, edits);
}

async function notifyChanged(client: ProtocolConnection, edit: WorkspaceEdit): Promise<void> {
  const uris = new Set([...(edit.documentChanges ?? []).map((c) => ('kind' in c ? ('uri' in c ? c.uri : '') : c.textDocument.uri)), ...Object.keys(edit.changes ?? {})]);
  await client.sendNotification('workspace/didChangeWatchedFiles', { changes: [...uris].filter(Boolean).map((uri) => ({ uri, type: 2 })) });
}
