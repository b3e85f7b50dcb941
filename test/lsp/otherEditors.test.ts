import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { type ClientCapabilities, type CodeAction, CodeActionRequest, type Diagnostic, DocumentDiagnosticRequest, type Hover, HoverRequest, type Location, ReferencesRequest, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { APPLY_CORRECTION_COMMAND, ClientCommands } from '../../server/src/protocol';
import { REPO, SERVER_JS, startStdioServer, type StdioServer } from '../support/stdioServer';

// The README's Neovim, Helix and Emacs (eglot) setups, as the bundled server sees them: no
// initializationOptions, no Corpus Lens client commands, no settings (the folder opts in with
// its .corpuslens.json), and each editor's own capabilities as it declares them.
const WORKSPACE_EDITS = { documentChanges: true, resourceOperations: ['create' as const, 'rename' as const, 'delete' as const] };
const PROFILES: Record<string, { capabilities: ClientCapabilities; pulls: boolean; watches: boolean }> = {
  neovim: {
    // Neovim 0.11: pull diagnostics; on Linux no dynamic file watching (it is off there by default).
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, applyEdit: true, workspaceEdit: WORKSPACE_EDITS, didChangeWatchedFiles: { dynamicRegistration: false }, diagnostics: { refreshSupport: true } },
      textDocument: { diagnostic: { dynamicRegistration: false }, publishDiagnostics: { relatedInformation: true }, codeAction: { isPreferredSupport: true, dataSupport: true } },
      window: { workDoneProgress: true },
    },
    pulls: true,
    watches: false,
  },
  helix: {
    // Helix: published diagnostics, no file watching for the server.
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, applyEdit: true, workspaceEdit: WORKSPACE_EDITS, didChangeWatchedFiles: { dynamicRegistration: false } },
      textDocument: { publishDiagnostics: { relatedInformation: false }, codeAction: { isPreferredSupport: true } },
      window: { workDoneProgress: true },
    },
    pulls: false,
    watches: false,
  },
  emacs: {
    // eglot: published diagnostics, file watching registered by the server.
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, applyEdit: true, workspaceEdit: { documentChanges: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { relatedInformation: false }, codeAction: { isPreferredSupport: true } },
      window: { workDoneProgress: true },
    },
    pulls: false,
    watches: true,
  },
};

// Invented sample articles: four of one week count dock workers, one of them differently.
function article(day: number, workers: string): string {
  return `Dock Strike Day ${day}\ndate 2024-03-0${day}\n\nMs Odile Farrance, the port director, said ${workers} workers stayed home. Farrance asked for calm.\n`;
}
const FILES: Record<string, string> = {
  '.corpuslens.json': '{}\n',
  'a.txt': article(4, '4,000'),
  'b.txt': article(5, '4,000'),
  'c.txt': article(6, '4,000'),
  'd.txt': article(7, '5,200'),
  'skip.txt': 'binary\u0000data',
};

function at(file: string, needle: string, delta = 1) {
  const doc = TextDocument.create('x', 'article', 0, FILES[file]);
  return doc.positionAt(FILES[file].indexOf(needle) + delta);
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Applies a WorkspaceEdit to the disk, as an editor does when it saves the edited buffer. */
function saveEdit(edit: WorkspaceEdit): string[] {
  const touched: string[] = [];
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) continue;
    const file = URI.parse(change.textDocument.uri).fsPath;
    const doc = TextDocument.create(change.textDocument.uri, 'json', 0, existsSync(file) ? readFileSync(file, 'utf8') : '');
    writeFileSync(file, TextDocument.applyEdits(doc, change.edits as TextEdit[]));
    touched.push(change.textDocument.uri);
  }
  return touched;
}

async function session(name: string, folder: string, cacheHome: string): Promise<StdioServer> {
  const profile = PROFILES[name];
  const server = await startStdioServer(folder, undefined, SERVER_JS, null, { capabilities: profile.capabilities, env: { XDG_CACHE_HOME: cacheHome } });
  await server.ready;
  return server;
}

describe('other editors, as the README sets them up (the bundled server over stdio)', () => {
  for (const name of Object.keys(PROFILES)) {
    it(`${name}: hover, references, code actions with edits, diagnostics, a warm restart from the user's cache`, async () => {
      const profile = PROFILES[name];
      const folder = mkdtempSync(path.join(os.tmpdir(), `corpus-lens-${name}-`));
      const cacheHome = mkdtempSync(path.join(os.tmpdir(), `corpus-lens-${name}-cache-`));
      for (const [file, text] of Object.entries(FILES)) writeFileSync(path.join(folder, file), text);
      const uri = (file: string) => URI.file(path.join(folder, file)).toString();
      let server = await session(name, folder, cacheHome);
      try {
        // The cache goes to the user's cache folder, one per workspace, never into the workspace.
        const cacheLine = server.logs.find((l) => l.startsWith('Analysis cache: '));
        assert.ok(cacheLine?.startsWith(`Analysis cache: ${path.join(cacheHome, 'corpus-lens')}${path.sep}`), cacheLine);

        const hover = (await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('d.txt') }, position: at('d.txt', 'Farrance asked') })) as Hover;
        const card = (hover.contents as { value: string }).value;
        assert.match(card, /\*\*Odile Farrance\*\* · person/);
        assert.match(card, /8 mentions in 4 articles/);
        assert.doesNotMatch(card, /command:/, 'no links to commands this editor cannot run');

        const refs = (await server.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: uri('a.txt') }, position: at('a.txt', 'Odile'), context: { includeDeclaration: true } })) as Location[];
        assert.deepEqual(
          refs.map((r) => [path.basename(URI.parse(r.uri).fsPath), r.range.start.line, r.range.start.character, r.range.end.character]),
          ['a.txt', 'b.txt', 'c.txt', 'd.txt'].flatMap((f) => {
            const line = FILES[f].split('\n')[3];
            return [[f, 3, line.indexOf('Odile'), line.indexOf('Odile') + 'Odile Farrance'.length], [f, 3, line.indexOf('Farrance asked'), line.indexOf('Farrance asked') + 'Farrance'.length]];
          }),
        );

        // The figure that disagrees with its week, pulled or published, pointing at the others.
        let figure: Diagnostic | undefined;
        if (profile.pulls) {
          const report = (await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: uri('d.txt') } })) as { items: Diagnostic[] };
          figure = report.items.find((d) => d.code === 'figure-disagrees');
        } else figure = await until('published figure diagnostics', () => server.published.get(uri('d.txt'))?.find((d) => d.code === 'figure-disagrees'));
        assert.ok(figure, 'the figure diagnostic');
        const line = FILES['d.txt'].split('\n')[3];
        assert.deepEqual(figure.range, { start: { line: 3, character: line.indexOf('5,200') }, end: { line: 3, character: line.indexOf('5,200') + '5,200'.length } });
        assert.deepEqual(figure.relatedInformation?.map((r) => path.basename(URI.parse(r.location.uri).fsPath)), ['a.txt', 'b.txt', 'c.txt']);
        if (!profile.pulls) assert.equal(server.published.get(uri('skip.txt'))?.[0]?.code, 'file-skipped');

        // Code actions carry edits; none calls a command only VS Code has.
        const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri('a.txt') }, range: { start: at('a.txt', 'Odile'), end: at('a.txt', 'Odile') }, context: { diagnostics: [] } })) as CodeAction[];
        const clientCommands = new Set<string>(Object.values(ClientCommands));
        assert.ok(actions.length >= 1);
        assert.ok(actions.every((a) => !a.command || (a.command.command === APPLY_CORRECTION_COMMAND && !clientCommands.has(a.command.command))), JSON.stringify(actions.map((a) => a.command)));
        const notEntity = actions.find((a) => a.title.includes('not an entity'));
        assert.ok(notEntity?.edit, 'the not-an-entity fix is a workspace edit');
        assert.deepEqual(saveEdit(notEntity.edit), [uri('.corpuslens.json')]);
        assert.deepEqual(JSON.parse(readFileSync(path.join(folder, '.corpuslens.json'), 'utf8')).notEntity, ['Odile Farrance']);
        // The saved file reaches the server: through the editor's watcher (eglot) or the server's own.
        if (profile.watches) await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.corpuslens.json'), type: 2 }] });
        await until('the correction to apply', async () => {
          const h = (await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('a.txt') }, position: at('a.txt', 'Farrance asked') })) as Hover | null;
          return h === null || !/Odile Farrance/.test((h.contents as { value: string }).value) ? true : undefined;
        });
        await server.stop();
        assert.ok(readdirSync(path.join(cacheHome, 'corpus-lens')).length === 1, 'one cache folder for the workspace');

        // Warm restart: the second start reads the analyses from the cache.
        server = await session(name, folder, cacheHome);
        assert.ok(server.logs.some((l) => /^Read [45] analyses from the cache\.$/.test(l)), server.logs.join('\n'));
        const again = (await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('d.txt') }, position: at('d.txt', '5,200') })) as Hover;
        assert.match((again.contents as { value: string }).value, /\*\*5,200\*\*/);
        assert.doesNotMatch((again.contents as { value: string }).value, /command:/);
      } finally {
        await server.stop();
        rmSync(folder, { recursive: true, force: true });
        rmSync(cacheHome, { recursive: true, force: true });
      }
    });
  }

  it('reports the package version in serverInfo', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-info-'));
    writeFileSync(path.join(folder, '.corpuslens.json'), '{}');
    const server = await startStdioServer(folder);
    try {
      const version = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
      assert.deepEqual(server.initializeResult?.serverInfo, { name: 'corpus-lens', version });
    } finally {
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
