import { TextDocumentSyncKind, type ClientCapabilities, type ServerCapabilities } from 'vscode-languageserver';
import { APPLY_CORRECTION_COMMAND, CLIENT_CAPABILITY } from '../protocol';
import { SEMANTIC_LEGEND } from './semanticTokens';

/** What the client said it can do, read in one place. */
export interface Capabilities {
  configuration: boolean;
  workDoneProgress: boolean;
  watchedFilesDynamic: boolean;
  configurationDynamic: boolean;
  workspaceFolders: boolean;
  semanticTokensRefresh: boolean;
  inlayHintRefresh: boolean;
  /**
   * Client commands (ClientCommands) the client says it runs, in
   * `capabilities.experimental.corpusLens.commands` (rust-analyzer's `experimental.commands`
   * does the same). Hovers and code actions link only to these: other editors get no dead links.
   */
  commands: ReadonlySet<string>;
  /** The client applies workspace edits the server sends (workspace/applyEdit). */
  applyEdit: boolean;
  /** Workspace edits may carry documentChanges (versioned edits), and create files among them. */
  documentChanges: boolean;
  createFiles: boolean;
  /** Code actions may come disabled, with the reason shown. */
  codeActionDisabled: boolean;
  /** The client pulls diagnostics (textDocument/diagnostic); else the server publishes them. */
  pullDiagnostics: boolean;
  diagnosticsRefresh: boolean;
}

/** A client that said nothing can do nothing optional. */
export const NO_CAPABILITIES: Capabilities = Object.freeze({
  configuration: false,
  workDoneProgress: false,
  watchedFilesDynamic: false,
  configurationDynamic: false,
  workspaceFolders: false,
  semanticTokensRefresh: false,
  inlayHintRefresh: false,
  commands: new Set<string>(),
  applyEdit: false,
  documentChanges: false,
  createFiles: false,
  codeActionDisabled: false,
  pullDiagnostics: false,
  diagnosticsRefresh: false,
});

export function readCapabilities(caps: ClientCapabilities): Capabilities {
  return {
    configuration: caps.workspace?.configuration === true,
    workDoneProgress: caps.window?.workDoneProgress === true,
    watchedFilesDynamic: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    configurationDynamic: caps.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    workspaceFolders: caps.workspace?.workspaceFolders === true,
    semanticTokensRefresh: caps.workspace?.semanticTokens?.refreshSupport === true,
    inlayHintRefresh: caps.workspace?.inlayHint?.refreshSupport === true,
    commands: clientCommands(caps.experimental),
    applyEdit: caps.workspace?.applyEdit === true,
    documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
    createFiles: caps.workspace?.workspaceEdit?.resourceOperations?.includes('create') === true,
    codeActionDisabled: caps.textDocument?.codeAction?.disabledSupport === true,
    pullDiagnostics: caps.textDocument?.diagnostic !== undefined && caps.textDocument.diagnostic !== null,
    diagnosticsRefresh: caps.workspace?.diagnostics?.refreshSupport === true,
  };
}

/** The client commands listed in `experimental.corpusLens.commands` (strings only). */
function clientCommands(experimental: unknown): ReadonlySet<string> {
  const ours = experimental && typeof experimental === 'object' ? (experimental as Record<string, unknown>)[CLIENT_CAPABILITY] : undefined;
  const list = ours && typeof ours === 'object' ? (ours as Record<string, unknown>).commands : undefined;
  return new Set(Array.isArray(list) ? list.filter((c): c is string => typeof c === 'string') : []);
}

/** What the server answers, given what the client can do. */
export function serverCapabilities(client: Capabilities): ServerCapabilities {
  return {
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
    ...(client.pullDiagnostics ? { diagnosticProvider: { identifier: 'corpusLens', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
    workspace: client.workspaceFolders ? { workspaceFolders: { supported: true, changeNotifications: true } } : undefined,
  };
}
