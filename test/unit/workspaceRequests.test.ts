import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationTokenSource, type Connection, type WorkspaceEdit } from 'vscode-languageserver';
import { NO_CAPABILITIES } from '../../server/src/lsp/capabilities';
import { tell } from '../../server/src/lsp/tell';
import { executeCorrection, provideCorrectionEdit, provideExport } from '../../server/src/lsp/workspaceRequests';
import { APPLY_CORRECTION_COMMAND } from '../../server/src/protocol';
import type { Workspace } from '../../server/src/workspace/workspace';
import { article, corpusOf, MARROW } from '../support/handArticles';

// The server command that records a correction, the correction-edit request and the export,
// over a workspace and an editor that write down what they are asked.

const FILE = 'file:///w/.corpuslens.json';
const EDIT = { kind: 'notEntity', value: 'Quay' };
const PLAN = { fileUri: FILE, oldText: '{}', newText: '{"x":1}' };
const APPLIED_EDIT: WorkspaceEdit = { changes: { [FILE]: [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, newText: '"x":1' }] } };

function world(plan: object = PLAN, recorded?: string, applied: { applied: boolean; failureReason?: string } = { applied: true }) {
  const calls: unknown[][] = [];
  const workspace = {
    planCorrections: async (uri: unknown, edits: unknown[]) => (calls.push(['plan', uri, edits]), [plan]),
    adoptCorrections: async (uri: string, text: string) => void calls.push(['adopt', uri, text]),
    applyCorrection: async (uri: unknown, edit: unknown) => (calls.push(['record', uri, edit]), recorded),
  } as unknown as Workspace;
  const connection = {
    workspace: { applyEdit: async (params: unknown) => (calls.push(['applyEdit', params]), applied) },
    window: { showErrorMessage: async (m: string) => void calls.push(['error', m]) },
  } as unknown as Connection;
  return { workspace, connection, calls };
}

const run = (w: ReturnType<typeof world>, caps = NO_CAPABILITIES, command = APPLY_CORRECTION_COMMAND, args: unknown[] | undefined = ['file:///w/a.txt', EDIT]) => executeCorrection({ command, arguments: args }, w.workspace, w.connection, caps);

describe('the correction command', () => {
  it('send a client that applies edits the edit, and follow the edited text at once', async () => {
    const w = world();
    assert.deepEqual(await run(w, { ...NO_CAPABILITIES, applyEdit: true }), { ok: true });
    assert.deepEqual(w.calls, [
      ['plan', 'file:///w/a.txt', [EDIT]],
      ['applyEdit', { label: 'Corpus Lens correction', edit: APPLIED_EDIT }],
      ['adopt', FILE, '{"x":1}'],
    ]);
  });

  it('say why when the editor does not apply it, and follow nothing', async () => {
    const w = world(PLAN, undefined, { applied: false, failureReason: 'the file changed' });
    assert.deepEqual(await run(w, { ...NO_CAPABILITIES, applyEdit: true }), { problem: 'the editor did not apply the change (the file changed)' });
    assert.deepEqual(w.calls.slice(2), [['error', 'Corpus Lens: the editor did not apply the change (the file changed)']]);
    const bare = world(PLAN, undefined, { applied: false });
    assert.deepEqual(await run(bare, { ...NO_CAPABILITIES, applyEdit: true }), { problem: 'the editor did not apply the change' });
  });

  it('refuse with the planner’s problem, shown to the reader', async () => {
    const w = world({ problem: 'no folder' });
    assert.deepEqual(await run(w, { ...NO_CAPABILITIES, applyEdit: true }), { problem: 'no folder' });
    assert.deepEqual(w.calls.slice(1), [['error', 'Corpus Lens: no folder']]);
  });

  it('write the file itself for a client that cannot apply edits, or cannot create the missing file', async () => {
    const w = world();
    assert.deepEqual(await run(w), { ok: true });
    assert.deepEqual(w.calls, [['record', 'file:///w/a.txt', EDIT]]);
    const missing = world({ fileUri: FILE, newText: '{}' });
    assert.deepEqual(await run(missing, { ...NO_CAPABILITIES, applyEdit: true }), { ok: true });
    assert.deepEqual(missing.calls.map((c) => c[0]), ['plan', 'record']);
    const refused = world(PLAN, 'the file is invalid');
    assert.deepEqual(await run(refused), { problem: 'the file is invalid' });
    assert.deepEqual(refused.calls.at(-1), ['error', 'Corpus Lens: the file is invalid']);
  });

  it('answer only its own command, and read missing arguments as none', async () => {
    const w = world();
    assert.equal(await run(w, NO_CAPABILITIES, 'corpusLens.other'), null);
    assert.deepEqual(w.calls, []);
    await executeCorrection({ command: APPLY_CORRECTION_COMMAND }, w.workspace, w.connection, NO_CAPABILITIES);
    assert.deepEqual(w.calls, [['record', undefined, undefined]]);
  });
});

describe('the correction edit request', () => {
  it('answer the edit, the problem, or null when the client cannot apply it', async () => {
    assert.deepEqual(await provideCorrectionEdit({ uri: 'file:///w/a.txt', edit: EDIT as never }, world().workspace, NO_CAPABILITIES), { edit: APPLIED_EDIT });
    assert.deepEqual(await provideCorrectionEdit(undefined, world({ problem: 'malformed' }).workspace, NO_CAPABILITIES), { problem: 'malformed' });
    assert.equal(await provideCorrectionEdit({ uri: 'file:///w/a.txt', edit: EDIT as never }, world({ fileUri: FILE, newText: '{}' }).workspace, NO_CAPABILITIES), null);
  });
});

describe('the export', () => {
  const corpus = corpusOf(['file:///w/one/sub/a.txt', article('2024-03-05', MARROW)], ['file:///x/b.txt', article('2024-03-06', MARROW)]);
  const workspaceOf = (roots: string[]) =>
    ({
      corpus,
      folderPaths: () => roots,
      classify: (uri: string) => (uri.startsWith('file:///w/one/') ? { folder: { fsPath: '/w/one' }, relative: uri.slice('file:///w/one/'.length) } : undefined),
    }) as unknown as Workspace;
  const token = new CancellationTokenSource().token;

  async function lines(roots: string[], params: { format?: string; entity?: unknown }): Promise<{ result: unknown; file: string; lines: string[] }> {
    let file = '';
    let written: string[] = [];
    const writeLines = async (f: string, l: Iterable<string>) => ((file = f), (written = [...l]), written.length);
    const result = await provideExport({ path: '/tmp/out', format: 'jsonl', ...params } as never, workspaceOf(roots), writeLines, token);
    return { result, file, lines: written };
  }

  it('write rows with files relative to their folder, absolute with several folders, as uris outside them', async () => {
    const one = await lines(['/w/one'], { format: 'jsonl' });
    assert.equal(one.file, '/tmp/out');
    assert.deepEqual(one.result, { lines: one.lines.length });
    assert.ok(one.lines.length > 0);
    assert.match(one.lines.join('\n'), /"sub\/a\.txt"/);
    const two = await lines(['/w/one', '/w/two'], { format: 'jsonl' });
    assert.match(two.lines.join('\n'), /"\/w\/one\/sub\/a\.txt"/);
    assert.match(one.lines.join('\n'), /"file:\/\/\/x\/b\.txt"/, 'a file outside the folders keeps its uri');
  });

  it('write CSV when asked, JSON lines otherwise, of one entity when named', async () => {
    const csv = await lines(['/w/one'], { format: 'csv' });
    assert.doesNotMatch(csv.lines[0], /^\{/);
    const odd = await lines(['/w/one'], { format: 'xml' });
    assert.match(odd.lines[0], /^\{/);
    const none = await lines(['/w/one'], { format: 'jsonl', entity: 'person:nobody' });
    const all = await lines(['/w/one'], { format: 'jsonl', entity: 42 });
    assert.ok(none.lines.length < all.lines.length, 'an unknown entity has fewer rows than the whole corpus; a non-string entity is ignored');
  });

  it('refuse clearly on a server that cannot write files', async () => {
    await assert.rejects(provideExport({ path: '/tmp/out', format: 'csv' }, workspaceOf([]), undefined, token), /this server cannot write files/);
  });
});

describe('messages to the reader', () => {
  it('never fail when the client does not answer', async () => {
    tell(() => Promise.reject(new Error('closed')));
    tell(() => undefined);
    await new Promise((resolve) => setImmediate(resolve));
  });
});
