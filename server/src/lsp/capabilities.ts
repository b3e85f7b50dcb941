import { TextDocumentSyncKind, type ClientCapabilities, type ServerCapabilities } from 'vscode-languageserver';
import { APPLY_CORRECTION_COMMAND } from '../protocol';
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
  };
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
    workspace: client.workspaceFolders ? { workspaceFolders: { supported: true, changeNotifications: true } } : undefined,
  };
}
