import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticRequest,
  WorkspaceDiagnosticRequest,
  FileChangeType,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type DocumentDiagnosticParams,
  type InitializeResult,
  type Location,
  type WorkspaceDiagnosticParams,
  type ResultProgressReporter,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { ArticleSource } from './host/articleSource';
import { NO_CAPABILITIES, readCapabilities, serverCapabilities, type Capabilities } from './lsp/capabilities';
import { DashboardQueries } from './dashboard';
import { provideCodeActions } from './lsp/codeActions';
import { documentReport, workspaceReport, type DiagnosticsSource } from './lsp/diagnostics';
import { DiagnosticsPush } from './lsp/diagnosticsPush';
import { OwnWatchers } from './lsp/ownWatchers';
import { provideEntities, provideLedger, provideTimeline } from './lsp/corpusRequests';
import { provideEntitiesPage } from './lsp/entitiesPage';
import { registerDashboard } from './lsp/dashboard';
import { DocumentLookup } from './lsp/documents';
import { guardWith } from './lsp/guard';
import { partialNote, provideHover } from './lsp/hover';
import { IndexRuns } from './lsp/indexing';
import { provideInlayHints } from './lsp/inlayHints';
import { provideDefinition, provideHighlights } from './lsp/navigation';
import { provideReferences } from './lsp/references';
import { provideSemanticTokens } from './lsp/semanticTokens';
import { provideDocumentSymbols, provideWorkspaceSymbols } from './lsp/symbols';
import { tell } from './lsp/tell';
import { executeCorrection, provideCorrectionEdit, provideExport } from './lsp/workspaceRequests';
import {
  CorrectionEditRequest,
  EntitiesPageRequest,
  EntitiesRequest,
  ExportRequest,
  LedgerRequest,
  MeasuresRequest,
  ReindexRequest,
  ServerInfoRequest,
  StatusNotification,
  TimelineRequest,
  WaitForIndexRequest,
  type CorrectionEdit,
  type CorrectionEditParams,
  type EntitiesPageParams,
  type EntitiesParams,
  type ExportParams,
  type IndexState,
  type InitializationOptions,
  type LedgerParams,
  type MeasureCount,
  type ServerInfo,
  type TimelineParams,
} from './protocol';
import type { AnalyzeElsewhere } from './workspace/analyzer';
import type { ArticleCache } from './workspace/diskCache';
import { Workspace } from './workspace/workspace';

/** The package's version, put in by the bundler (esbuild's define from package.json). */
declare const CORPUS_LENS_VERSION: string | undefined;
const SERVER_VERSION: string = typeof CORPUS_LENS_VERSION === 'string' ? CORPUS_LENS_VERSION : '0.0.0-dev';

/** What the server needs from its host; tests pass fakes. */
export interface ServerDependencies {
  source: ArticleSource;
  /** Opens the persistent cache in the client's storage folder (initializationOptions.storagePath). */
  openCache?(storagePath: string): ArticleCache;
  /** The cache folder for a workspace (its folder paths) when the client names none. */
  defaultCacheFolder?(folders: string[]): string;
  /** Analyses an article off the main thread (worker threads in main.ts), cancellably. */
  analyze?: AnalyzeElsewhere;
  /** Writes an export file (host/writeLines.ts). */
  writeLines?(file: string, lines: Iterable<string>): Promise<number>;
  /** Called on shutdown to release workers. */
  dispose?(): Promise<void>;
}

/**
 * Starts Corpus Lens on a connection. It does not know its transport: main.ts passes a
 * stdio or IPC connection, the tests an in-process pair. It only wires: the workspace keeps
 * the corpus current, lsp/ answers.
 */
export function startServer(connection: Connection, deps: ServerDependencies): { workspace: Workspace } {
  const documents = new TextDocuments(TextDocument);
  const log = (message: string) => tell(() => connection.console.log(message));
  let capabilities: Capabilities = NO_CAPABILITIES;
  let cache: ArticleCache | undefined;
  let safeMode = false;
  const events = {
    log,
    warn: (message: string) => tell(() => connection.window.showWarningMessage(message)),
    progress(state: IndexState) {
      tell(() => connection.sendNotification(StatusNotification, state));
      runs.report(state);
    },
    // An edit, a file event, the index: diagnostics across articles may have changed.
    corpusChanged: () => diagnostics.changed(),
    correctionsRead: () => diagnostics.changed(),
  };
  const workspace = new Workspace(deps.source, events, { analyze: deps.analyze, get cache() { return cache; }, get safeMode() { return safeMode; } });
  const runs = new IndexRuns(connection, workspace, deps.source, () => capabilities, log);
  const docs = new DocumentLookup(documents, workspace.corpus, (uri) => workspace.settledVersion(uri));
  const diagnosticsSource: DiagnosticsSource = {
    corpus: workspace.corpus,
    docs,
    settingsOf: (uri) => workspace.classify(uri)?.folder.settings.diagnostics,
    correctionsFiles: () => workspace.correctionsFiles(),
    skippedFiles: () => workspace.skippedFiles().map(([fsPath, reason]) => ({ fsPath, reason })),
  };
  const diagnostics = new DiagnosticsPush(connection, diagnosticsSource, () => (capabilities.pullDiagnostics ? (capabilities.diagnosticsRefresh ? 'pull' : 'pull-no-refresh') : 'push'), () => documents.keys());
  runs.onIndexed = () => diagnostics.flush();

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = readCapabilities(params.capabilities);
    runs.folderUris = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (runs.folderUris.length === 0 && params.rootUri) runs.folderUris = [params.rootUri];
    const options = params.initializationOptions as { [K in keyof InitializationOptions]?: unknown } | undefined;
    safeMode = options?.trusted === false;
    // Other editors name no storage folder: the user's cache folder then, one per workspace.
    const folders = runs.folderUris.map((uri) => URI.parse(uri).fsPath);
    const storage = typeof options?.storagePath === 'string' && options.storagePath ? options.storagePath : deps.defaultCacheFolder?.(folders);
    if (storage && deps.openCache) {
      cache = deps.openCache(storage);
      log(`Analysis cache: ${storage}`);
    }
    return { capabilities: serverCapabilities(capabilities), serverInfo: { name: 'corpus-lens', version: SERVER_VERSION } };
  });

  connection.onInitialized(() => {
    if (capabilities.watchedFilesDynamic) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    if (capabilities.configurationDynamic) void connection.client.register(DidChangeConfigurationNotification.type, { section: ['corpusLens', 'files.exclude'] });
    if (capabilities.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => f.uri));
        runs.folderUris = [...runs.folderUris.filter((u) => !removed.has(u)), ...event.added.map((f) => f.uri)];
        void runs.reindex('folders');
      });
    }
    void runs.reindex('start');
  });
  connection.onDidChangeConfiguration(() => void runs.reindex('settings'));
  const watchers = followChanges(connection, documents, workspace, runs, deps.source, log, () => capabilities);

  const guard = guardWith(log, (uri, token) => workspace.settled(uri, token));
  answerRequests(connection, workspace, docs, guard, runs, deps.writeLines, () => capabilities);
  // Registered by method name, as the custom requests are: the guard's error type is its own.
  connection.onRequest(DocumentDiagnosticRequest.method, guard('diagnostics', { kind: 'full', items: [] }, (params: DocumentDiagnosticParams, token) => documentReport(params.textDocument.uri, params.previousResultId, diagnosticsSource, token)));
  connection.onRequest(WorkspaceDiagnosticRequest.method, guard('workspace diagnostics', { items: [] }, (params: WorkspaceDiagnosticParams, token) => workspaceReport(params.previousResultIds ?? [], diagnosticsSource, token)));
  connection.onShutdown(async () => {
    diagnostics.dispose();
    watchers.dispose();
    await workspace.dispose();
    await deps.dispose?.();
  });

  documents.listen(connection);
  connection.listen();
  return { workspace };
}

/** Registers the request handlers: each finds its document, asks the corpus and converts. */
function answerRequests(connection: Connection, workspace: Workspace, docs: DocumentLookup, guard: ReturnType<typeof guardWith>, runs: IndexRuns, writeLines: ServerDependencies['writeLines'], caps: () => Capabilities): void {
  const corpus = workspace.corpus;
  connection.onHover(guard('hover', null, (params, token) => provideHover(params, corpus, docs, token, partialNote(workspace.state), caps().commands)));
  connection.onDocumentSymbol(guard('outline', [], (params, token) => provideDocumentSymbols(params, corpus, docs, token)));
  connection.onDefinition(guard('definition', null, (params, token) => provideDefinition(params, corpus, docs, token)));
  connection.onReferences(
    guard('references', [], (params, token, workDone, partial) =>
      provideReferences(params, corpus, docs, token, { workDone, partial: partial as ResultProgressReporter<Location[]> | undefined, tell: (message) => tell(() => connection.window.showInformationMessage(message)) }),
    ),
  );
  connection.onDocumentHighlight(guard('highlights', [], (params, token) => provideHighlights(params, corpus, docs, token)));
  connection.onWorkspaceSymbol(guard('workspace symbols', [], (params, token) => provideWorkspaceSymbols(params, corpus, docs, token)));
  connection.languages.semanticTokens.on(guard('colouring', { data: [] }, (params, token) => provideSemanticTokens(params, corpus, docs, token)));
  connection.languages.inlayHint.on(guard('inlay hints', [], (params, token) => provideInlayHints(params, corpus, docs, token)));
  const planner = { get caps() { return caps(); }, plan: (uri: string, edits: CorrectionEdit[]) => workspace.planCorrections(uri, edits) };
  connection.onCodeAction(guard('code actions', [], (params, token) => provideCodeActions(params, corpus, docs, planner, token)));
  connection.onExecuteCommand(guard('correction', null, (params) => executeCorrection(params, workspace, connection, caps())));
  connection.onRequest(CorrectionEditRequest.method, guard('correction', null, (params: CorrectionEditParams) => provideCorrectionEdit(params, workspace, caps())));
  // Custom requests are registered by method name, so a request sent without params reaches
  // the guard (which reads it as empty) instead of failing in the JSON-RPC layer.
  connection.onRequest(LedgerRequest.method, guard('ledger', null, (params: LedgerParams, token) => provideLedger(params, corpus, docs, token)));
  connection.onRequest(EntitiesPageRequest.method, guard('entities', null, (params: EntitiesPageParams | undefined, token) => provideEntitiesPage(params ?? {}, corpus, docs, token)));
  connection.onRequest(EntitiesRequest.method, guard('entities', [], (params: EntitiesParams | undefined, token) => provideEntities(params ?? {}, corpus, docs, token)));
  connection.onRequest(TimelineRequest.method, guard('timeline', [], (params: TimelineParams, token) => provideTimeline(params, corpus, docs, token)));
  connection.onRequest(MeasuresRequest.method, guard('measures', [], (_params: undefined, token): MeasureCount[] => corpus.measures(token)));
  connection.onRequest(ExportRequest.method, guard('export', null, (params: ExportParams, token) => provideExport(params, workspace, writeLines, token)));
  registerDashboard(connection, guard, new DashboardQueries(corpus, () => workspace.skippedFiles()), docs);
  // The process id lets tests (and curious users) check that a killed server is restarted.
  connection.onRequest(ServerInfoRequest, (): ServerInfo => ({ pid: process.pid, articles: corpus.size }));
  connection.onRequest(WaitForIndexRequest, async () => {
    await workspace.whenReady();
    return workspace.state;
  });
  connection.onRequest(ReindexRequest, async () => {
    await runs.reindex('command');
    return workspace.state;
  });
}

/**
 * Keeps the workspace told of changes: watched-file events (or the server's own watchers for an
 * editor that cannot watch), and open buffers, the corrections file's included. Returns the
 * watchers, to stop on shutdown.
 */
function followChanges(connection: Connection, documents: TextDocuments<TextDocument>, workspace: Workspace, runs: IndexRuns, source: ArticleSource, log: (message: string) => void, caps: () => Capabilities): OwnWatchers {
  const filesChanged = async (changes: { uri: string; type: FileChangeType }[]) => {
    // A marker created or deleted at a folder's root turns the folder into a corpus or back.
    if (changes.some((c) => c.type !== FileChangeType.Changed && runs.isRootMarker(c.uri))) void runs.reindex('settings');
    for (const change of changes) {
      const kind = change.type === FileChangeType.Created ? 'created' : change.type === FileChangeType.Deleted ? 'deleted' : 'changed';
      await workspace.fileChanged(change.uri, kind);
    }
  };
  connection.onDidChangeWatchedFiles((params) => filesChanged(params.changes));
  // An editor that cannot watch files for us: the server watches the corpus folders itself.
  const watchers = new OwnWatchers(source, filesChanged, () => runs.reindex('command'), log);
  const indexed = runs.onIndexed;
  runs.onIndexed = () => {
    indexed?.();
    if (!caps().watchedFilesDynamic) watchers.watch(workspace.folderPaths());
  };
  documents.onDidChangeContent((event) => {
    const { uri, version } = event.document;
    // The open `.corpuslens.json` wins over the file: the corpus follows what the editor shows.
    if (workspace.isCorrectionsFile(uri)) void workspace.correctionsBuffer(uri, { text: event.document.getText(), version });
    else if (!runs.ignores(uri)) workspace.openOrChange(uri, version, event.document.getText());
  });
  documents.onDidClose((event) => {
    if (workspace.isCorrectionsFile(event.document.uri)) void workspace.correctionsBuffer(event.document.uri, undefined);
    else void workspace.close(event.document.uri);
  });
  return watchers;
}
