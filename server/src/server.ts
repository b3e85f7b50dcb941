import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { AnalyzeOptions, ArticleAnalysis } from './analysis/types';
import { CORRECTIONS_FILE } from './corpus/corrections';
import { exportCorpus } from './corpus/exportCorpus';
import type { ArticleSource } from './host/articleSource';
import { DocumentLookup } from './lsp/documents';
import { provideCodeActions } from './lsp/codeActions';
import { provideEntities, provideLedger, provideTimeline } from './lsp/corpusRequests';
import { provideEntitiesPage } from './lsp/entitiesPage';
import { provideHover } from './lsp/hover';
import { provideInlayHints } from './lsp/inlayHints';
import { SEMANTIC_LEGEND, provideSemanticTokens } from './lsp/semanticTokens';
import { provideDefinition, provideHighlights, provideReferences } from './lsp/navigation';
import { provideDocumentSymbols, provideWorkspaceSymbols } from './lsp/symbols';
import { DEFAULT_SETTINGS, mergeSettings, type Settings } from './settings';
import {
  APPLY_CORRECTION_COMMAND,
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
  type ApplyCorrectionArgs,
  type ApplyCorrectionResult,
  type EntitiesPageParams,
  type EntitiesParams,
  type ExportParams,
  type ExportResult,
  type IndexState,
  type InitializationOptions,
  type LedgerParams,
  type MeasureCount,
  type ServerInfo,
  type TimelineParams,
} from './protocol';
import { Workspace, type ArticleCache, type Folder } from './workspace';

/** What the server needs from its host; tests pass fakes. */
export interface ServerDependencies {
  source: ArticleSource;
  /** Opens the persistent cache in the client's storage folder (initializationOptions.storagePath). */
  openCache?(storagePath: string): ArticleCache;
  /** Analyses an article off the main thread (worker threads in main.ts). */
  analyze?(text: string, options: AnalyzeOptions): Promise<ArticleAnalysis>;
  /** Writes an export file (host/writeLines.ts). */
  writeLines?(file: string, lines: Iterable<string>): Promise<number>;
  /** Called on shutdown to release workers. */
  dispose?(): Promise<void>;
}

/** While indexing, answers are partial: the hover says how far the index has got. */
function partialNote(state: IndexState): string | undefined {
  if (state.state !== 'indexing') return undefined;
  return `Partial: indexing, ${state.indexed.toLocaleString('en-US')} of ${state.total.toLocaleString('en-US')} articles read so far.`;
}

function isToken(value: unknown): value is CancellationToken {
  return !!value && typeof value === 'object' && 'isCancellationRequested' in value && 'onCancellationRequested' in value;
}

/** Shows a message; the client may never answer (it closed), which is not an error. */
function tell(show: () => unknown): void {
  Promise.resolve(show()).catch(() => undefined);
}

/** What the client said it can do, read in one place. */
interface Capabilities {
  configuration: boolean;
  workDoneProgress: boolean;
  watchedFilesDynamic: boolean;
  configurationDynamic: boolean;
  workspaceFolders: boolean;
  semanticTokensRefresh: boolean;
  inlayHintRefresh: boolean;
}

function readCapabilities(caps: ClientCapabilities): Capabilities {
  return {
    configuration: caps.workspace?.configuration === true,
    workDoneProgress: caps.window?.workDoneProgress === true,
    watchedFilesDynamic: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    configurationDynamic: caps.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    workspaceFolders: caps.workspace?.workspaceFolders === true,
    semanticTokensRefresh: caps.workspace?.semanticTokens?.refreshSupport === true,
    inlayHintRefresh: caps.workspace?.inlayHint?.refreshSupport === true,
  };
}

/**
 * Starts Corpus Lens on a connection. It does not know its transport: main.ts passes a
 * stdio or IPC connection, the tests an in-process pair.
 */
export function startServer(connection: Connection, deps: ServerDependencies): { workspace: Workspace } {
  const documents = new TextDocuments(TextDocument);
  let capabilities: Capabilities = { configuration: false, workDoneProgress: false, watchedFilesDynamic: false, configurationDynamic: false, workspaceFolders: false, semanticTokensRefresh: false, inlayHintRefresh: false };
  let folderUris: string[] = [];
  let progress: WorkDoneProgressServerReporter | undefined;
  let lastPercent = -1;

  const log = (message: string) => connection.console.log(message);
  let cache: ArticleCache | undefined;
  let safeMode = false;
  const workspace = new Workspace(deps.source, {
    log,
    warn: (message) => tell(() => connection.window.showWarningMessage(message)),
    progress(state: IndexState) {
      void connection.sendNotification(StatusNotification, state);
      if (progress && state.state === 'indexing' && state.total > 0) {
        const percent = Math.floor((state.indexed / state.total) * 100);
        if (percent !== lastPercent) {
          lastPercent = percent;
          progress.report(percent, `${state.indexed.toLocaleString('en-US')} / ${state.total.toLocaleString('en-US')} articles`);
        }
      }
    },
  }, {
    analyze: deps.analyze,
    get cache() {
      return cache;
    },
    get safeMode() {
      return safeMode;
    },
  });
  const docs = new DocumentLookup(documents, workspace.corpus);

  /** One guard for every handler: exceptions become a ResponseError and a log line. */
  function guard<P, R>(name: string, empty: R, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
    return async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
      // A request sent without params reaches the handler with the token alone.
      if (token === undefined && isToken(params)) {
        token = params;
        params = undefined as P;
      }
      if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      try {
        const result = await handler(params, token);
        if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
        return result ?? empty;
      } catch (error) {
        if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        log(`[error] ${name}: ${message}`);
        return new ResponseError(LSPErrorCodes.RequestFailed, `Corpus Lens ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
  }

  async function loadSettings(uri: string): Promise<Settings> {
    if (!capabilities.configuration) return DEFAULT_SETTINGS;
    try {
      const [corpusLens, filesExclude] = await connection.workspace.getConfiguration([
        { scopeUri: uri, section: 'corpusLens' },
        { scopeUri: uri, section: 'files.exclude' },
      ]);
      return mergeSettings(corpusLens, filesExclude);
    } catch (error) {
      log(`Could not read settings, using defaults: ${String(error)}`);
      return DEFAULT_SETTINGS;
    }
  }

  let indexing: Promise<void> | undefined;
  let indexAgain = false;
  let indexedSettings = '';
  /** Workspace folders that are not corpora (no marker, corpusLens.enable off). */
  let ignoredFolders: string[] = [];

  /**
   * Re-reads the corpus. Runs one at a time: a request while one runs (the client's first
   * didChangeConfiguration arrives right after start) makes it run once more afterwards.
   * A settings change that changes nothing re-reads nothing.
   */
  function reindex(reason: 'start' | 'settings' | 'folders' | 'command'): Promise<void> {
    if (indexing) {
      indexAgain = true;
      return indexing;
    }
    indexing = (async () => {
      let why = reason;
      do {
        indexAgain = false;
        await reindexOnce(why);
        why = 'settings';
      } while (indexAgain);
    })().finally(() => (indexing = undefined));
    return indexing;
  }

  async function reindexOnce(reason: 'start' | 'settings' | 'folders' | 'command'): Promise<void> {
    const folders: Folder[] = [];
    const ignored: string[] = [];
    for (const uri of folderUris) {
      const fsPath = URI.parse(uri).fsPath;
      const settings = await loadSettings(uri);
      // Opt-in, in every editor: a folder is a corpus when it has a .corpuslens.json or
      // corpusLens.enable is on; any other folder (a code repository with LICENSE.txt) is left alone.
      if (settings.enable || (await deps.source.stat(path.join(fsPath, CORRECTIONS_FILE)))) folders.push({ uri, fsPath, settings });
      else ignored.push(fsPath);
    }
    const fingerprint = JSON.stringify([folders, ignored]);
    if (reason === 'settings' && fingerprint === indexedSettings && workspace.state.state === 'ready') return;
    indexedSettings = fingerprint;
    for (const fsPath of ignored.filter((p) => !ignoredFolders.includes(p))) {
      log(`${fsPath} is not a corpus (no ${CORRECTIONS_FILE} in it, corpusLens.enable off): Corpus Lens leaves it alone.`);
    }
    ignoredFolders = ignored;
    workspace.setFolders(folders);
    if (capabilities.workDoneProgress) {
      try {
        progress = await connection.window.createWorkDoneProgress();
        lastPercent = -1;
        progress.begin('Corpus Lens: indexing', 0, 'listing articles', false);
      } catch {
        progress = undefined;
      }
    }
    const started = Date.now();
    try {
      await workspace.indexAll();
    } finally {
      progress?.done();
      progress = undefined;
    }
    // Open editors asked for colours and hints before the corpus was complete.
    if (capabilities.semanticTokensRefresh) void connection.languages.semanticTokens.refresh();
    if (capabilities.inlayHintRefresh) void connection.languages.inlayHint.refresh();
    const state = workspace.state;
    log(`Indexed ${state.articles} articles in ${Date.now() - started} ms (${state.skipped} skipped).`);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = readCapabilities(params.capabilities);
    folderUris = (params.workspaceFolders ?? []).map((f) => f.uri);
    const options = params.initializationOptions as { [K in keyof InitializationOptions]?: unknown } | undefined;
    const storagePath = options?.storagePath;
    safeMode = options?.trusted === false;
    if (typeof storagePath === 'string' && storagePath && deps.openCache) cache = deps.openCache(storagePath);
    if (folderUris.length === 0 && params.rootUri) folderUris = [params.rootUri];
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        documentSymbolProvider: { label: 'Corpus Lens' },
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        workspaceSymbolProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true },
        inlayHintProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        executeCommandProvider: { commands: [APPLY_CORRECTION_COMMAND] },
        workspace: capabilities.workspaceFolders ? { workspaceFolders: { supported: true, changeNotifications: true } } : undefined,
      },
      serverInfo: { name: 'corpus-lens', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (capabilities.watchedFilesDynamic) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    }
    if (capabilities.configurationDynamic) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: ['corpusLens', 'files.exclude'] });
    }
    if (capabilities.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => f.uri));
        folderUris = [...folderUris.filter((u) => !removed.has(u)), ...event.added.map((f) => f.uri)];
        void reindex('folders');
      });
    }
    void reindex('start');
  });

  connection.onDidChangeConfiguration(() => void reindex('settings'));

  connection.onDidChangeWatchedFiles(async (params) => {
    // A marker created or deleted at a folder's root turns the folder into a corpus or back.
    const isRootMarker = (uri: string) => uri.endsWith(`/${CORRECTIONS_FILE}`) && folderUris.some((f) => `${f.replace(/\/$/, '')}/${CORRECTIONS_FILE}` === uri);
    if (params.changes.some((c) => c.type !== FileChangeType.Changed && isRootMarker(c.uri))) void reindex('settings');
    for (const change of params.changes) {
      const kind = change.type === FileChangeType.Created ? 'created' : change.type === FileChangeType.Deleted ? 'deleted' : 'changed';
      await workspace.fileChanged(change.uri, kind);
    }
  });

  /** Open files in a folder that is not a corpus are left alone too. */
  const ignoredFile = (uri: string) => {
    const fsPath = URI.parse(uri).fsPath;
    return ignoredFolders.some((folder) => fsPath.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep));
  };
  documents.onDidChangeContent((event) => !ignoredFile(event.document.uri) && workspace.openOrChange(event.document.uri, event.document.version, event.document.getText()));
  documents.onDidClose((event) => void workspace.close(event.document.uri));

  connection.onHover(guard('hover', null, (params, token) => provideHover(params, workspace.corpus, docs, token, partialNote(workspace.state))));
  connection.onDocumentSymbol(guard('outline', [], (params, token) => provideDocumentSymbols(params, workspace.corpus, docs, token)));
  connection.onDefinition(guard('definition', null, (params, token) => provideDefinition(params, workspace.corpus, docs, token)));
  connection.onReferences(guard('references', [], (params, token) => provideReferences(params, workspace.corpus, docs, token)));
  connection.onDocumentHighlight(guard('highlights', [], (params, token) => provideHighlights(params, workspace.corpus, docs, token)));
  connection.onWorkspaceSymbol(guard('workspace symbols', [], (params, token) => provideWorkspaceSymbols(params, workspace.corpus, docs, token)));
  connection.languages.semanticTokens.on(guard('colouring', { data: [] }, (params, token) => provideSemanticTokens(params, workspace.corpus, docs, token)));
  connection.languages.inlayHint.on(guard('inlay hints', [], (params, token) => provideInlayHints(params, workspace.corpus, docs, token)));
  // Custom requests are registered by method name, so a request sent without params reaches
  // the guard (which reads it as empty) instead of failing in the JSON-RPC layer.
  connection.onRequest(LedgerRequest.method, guard('ledger', null, (params: LedgerParams, token) => provideLedger(params, workspace.corpus, docs, token)));
  connection.onRequest(EntitiesPageRequest.method, guard('entities', null, (params: EntitiesPageParams | undefined, token) => provideEntitiesPage(params ?? {}, workspace.corpus, docs, token)));
  connection.onRequest(EntitiesRequest.method, guard('entities', [], (params: EntitiesParams | undefined, token) => provideEntities(params ?? {}, workspace.corpus, docs, token)));
  connection.onCodeAction(guard('code actions', [], (params, token) => provideCodeActions(params, workspace.corpus, docs, token)));
  connection.onExecuteCommand(
    guard('correction', null, async (params): Promise<ApplyCorrectionResult | null> => {
      if (params.command !== APPLY_CORRECTION_COMMAND) return null;
      const [uri, edit] = (params.arguments ?? []) as ApplyCorrectionArgs;
      const problem = await workspace.applyCorrection(uri, edit);
      if (problem) tell(() => connection.window.showErrorMessage(`Corpus Lens: ${problem}`));
      return problem ? { problem } : { ok: true };
    }),
  );
  connection.onRequest(
    ExportRequest.method,
    guard('export', null, async (params: ExportParams, token): Promise<ExportResult> => {
      if (!deps.writeLines) throw new Error('this server cannot write files');
      const roots = workspace.folderPaths();
      const fileOf = (uri: string) => {
        const place = workspace.classify(uri);
        return place ? (roots.length > 1 ? `${place.folder.fsPath}/${place.relative}` : place.relative) : uri;
      };
      const only = typeof params.entity === 'string' ? { entity: params.entity } : undefined;
      const lines = await deps.writeLines(params.path, exportCorpus(workspace.corpus, params.format === 'csv' ? 'csv' : 'jsonl', fileOf, token, only));
      return { lines };
    }),
  );
  connection.onRequest(MeasuresRequest.method, guard('measures', [], (_params: undefined, token): MeasureCount[] => workspace.corpus.measures(token)));
  connection.onRequest(TimelineRequest.method, guard('timeline', [], (params: TimelineParams, token) => provideTimeline(params, workspace.corpus, docs, token)));
  // The process id lets tests (and curious users) check that a killed server is restarted.
  connection.onRequest(ServerInfoRequest, (): ServerInfo => ({ pid: process.pid, articles: workspace.corpus.size }));
  connection.onRequest(WaitForIndexRequest, async () => {
    await workspace.whenReady();
    return workspace.state;
  });
  connection.onRequest(ReindexRequest, async () => {
    await reindex('command');
    return workspace.state;
  });

  connection.onShutdown(async () => {
    await workspace.dispose();
    await deps.dispose?.();
  });

  documents.listen(connection);
  connection.listen();
  return { workspace };
}
