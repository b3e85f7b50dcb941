import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocumentSyncKind, type ClientCapabilities } from 'vscode-languageserver';
import { NO_CAPABILITIES, readCapabilities, serverCapabilities, type Capabilities } from '../../server/src/lsp/capabilities';
import { SEMANTIC_LEGEND } from '../../server/src/lsp/semanticTokens';
import { APPLY_CORRECTION_COMMAND } from '../../server/src/protocol';

// What the server reads from a client's capabilities, one field at a time, and what it answers.

/** A client that can do everything the server asks about. */
const FULL: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeWatchedFiles: { dynamicRegistration: true },
    didChangeConfiguration: { dynamicRegistration: true },
    workspaceFolders: true,
    semanticTokens: { refreshSupport: true },
    inlayHint: { refreshSupport: true },
    applyEdit: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename'] },
    diagnostics: { refreshSupport: true },
  },
  window: { workDoneProgress: true },
  textDocument: { codeAction: { disabledSupport: true }, diagnostic: {} },
  experimental: { corpusLens: { commands: ['corpusLens.showReferences', 7, null, 'corpusLens.showLedger'] } },
};

/** FULL with the one setting at `path` replaced. */
function without(path: string[], value: unknown): ClientCapabilities {
  const copy = JSON.parse(JSON.stringify(FULL)) as Record<string, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[path.at(-1)!] = value;
  return copy as ClientCapabilities;
}

describe('client capabilities', () => {
  it('read every capability a full client declares, keeping only string commands', () => {
    const caps = readCapabilities(FULL);
    assert.deepEqual({ ...caps, commands: [...caps.commands] }, {
      configuration: true,
      workDoneProgress: true,
      watchedFilesDynamic: true,
      configurationDynamic: true,
      workspaceFolders: true,
      semanticTokensRefresh: true,
      inlayHintRefresh: true,
      commands: ['corpusLens.showReferences', 'corpusLens.showLedger'],
      applyEdit: true,
      documentChanges: true,
      createFiles: true,
      codeActionDisabled: true,
      pullDiagnostics: true,
      diagnosticsRefresh: true,
    });
  });

  it('read a client that declares nothing as one that can do nothing optional', () => {
    assert.deepEqual(readCapabilities({}), NO_CAPABILITIES);
    assert.deepEqual(readCapabilities({ workspace: {}, window: {}, textDocument: {}, experimental: {} }), NO_CAPABILITIES);
    assert.equal(Object.isFrozen(NO_CAPABILITIES), true);
    assert.ok(Object.values(NO_CAPABILITIES).every((v) => v === false || (v instanceof Set && v.size === 0)));
  });

  it('take each capability from its own field, and only `true` as yes', () => {
    const cases: [string[], keyof Capabilities][] = [
      [['workspace', 'configuration'], 'configuration'],
      [['window', 'workDoneProgress'], 'workDoneProgress'],
      [['workspace', 'didChangeWatchedFiles', 'dynamicRegistration'], 'watchedFilesDynamic'],
      [['workspace', 'didChangeConfiguration', 'dynamicRegistration'], 'configurationDynamic'],
      [['workspace', 'workspaceFolders'], 'workspaceFolders'],
      [['workspace', 'semanticTokens', 'refreshSupport'], 'semanticTokensRefresh'],
      [['workspace', 'inlayHint', 'refreshSupport'], 'inlayHintRefresh'],
      [['workspace', 'applyEdit'], 'applyEdit'],
      [['workspace', 'workspaceEdit', 'documentChanges'], 'documentChanges'],
      [['textDocument', 'codeAction', 'disabledSupport'], 'codeActionDisabled'],
      [['workspace', 'diagnostics', 'refreshSupport'], 'diagnosticsRefresh'],
    ];
    for (const [path, field] of cases) {
      for (const value of [false, 'true', 1, undefined]) {
        const caps = readCapabilities(without(path, value));
        assert.equal(caps[field], false, `${path.join('.')} = ${JSON.stringify(value)}`);
        // Every other capability is still read.
        assert.ok(cases.every(([, other]) => other === field || caps[other] === true), `${path.join('.')} touches only ${field}`);
      }
    }
    for (const parent of [['workspace'], ['window'], ['textDocument'], ['workspace', 'workspaceEdit']]) {
      assert.doesNotThrow(() => readCapabilities(without(parent, undefined)), parent.join('.'));
    }
  });

  it('create files only when the client lists that resource operation', () => {
    assert.equal(readCapabilities(without(['workspace', 'workspaceEdit', 'resourceOperations'], ['rename', 'delete'])).createFiles, false);
    assert.equal(readCapabilities(without(['workspace', 'workspaceEdit', 'resourceOperations'], undefined)).createFiles, false);
    assert.equal(readCapabilities(without(['workspace', 'workspaceEdit', 'resourceOperations'], ['create'])).createFiles, true);
  });

  it('pull diagnostics when the client declares the diagnostic capability at all, even empty', () => {
    assert.equal(readCapabilities(without(['textDocument', 'diagnostic'], { dynamicRegistration: false })).pullDiagnostics, true);
    assert.equal(readCapabilities(without(['textDocument', 'diagnostic'], undefined)).pullDiagnostics, false);
    assert.equal(readCapabilities(without(['textDocument', 'diagnostic'], null)).pullDiagnostics, false);
  });

  it('read client commands only from a list under experimental.corpusLens.commands', () => {
    const commands = (experimental: unknown) => [...readCapabilities({ experimental }).commands];
    assert.deepEqual(commands({ corpusLens: { commands: ['a', 'b'] } }), ['a', 'b']);
    assert.deepEqual(commands({ corpusLens: { commands: 'a' } }), []);
    assert.deepEqual(commands({ corpusLens: { commands: { 0: 'a', length: 1 } } }), []);
    assert.deepEqual(commands({ corpusLens: 'commands' }), []);
    assert.deepEqual(commands({ corpusLens: null }), []);
    assert.deepEqual(commands({ other: { commands: ['a'] } }), []);
    assert.deepEqual(commands({ commands: ['a'] }), []);
    assert.deepEqual(commands('corpusLens'), []);
    assert.deepEqual(commands(null), []);
  });
});

describe('server capabilities', () => {
  it('answer every feature, and pull diagnostics and folder changes only for a client that has them', () => {
    const common = {
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
    };
    assert.deepEqual(serverCapabilities(readCapabilities(FULL)), {
      ...common,
      diagnosticProvider: { identifier: 'corpusLens', interFileDependencies: true, workspaceDiagnostics: true },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    });
    const bare = serverCapabilities(NO_CAPABILITIES);
    assert.deepEqual(bare, { ...common, workspace: undefined });
    assert.equal('diagnosticProvider' in bare, false);
    assert.equal(serverCapabilities({ ...NO_CAPABILITIES, pullDiagnostics: true }).workspace, undefined);
    assert.equal(serverCapabilities({ ...NO_CAPABILITIES, workspaceFolders: true }).diagnosticProvider, undefined);
  });
});
