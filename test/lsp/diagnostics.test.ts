import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type CodeAction, CodeActionRequest, type Diagnostic, DocumentDiagnosticRequest, ExecuteCommandRequest, type Hover, HoverRequest, type TextDocumentEdit, type TextEdit, type WorkspaceDiagnosticReport, WorkspaceDiagnosticRequest, type WorkspaceEdit } from 'vscode-languageserver/node';
import { APPLY_CORRECTION_COMMAND, CorrectionEditRequest } from '../../server/src/protocol';
import { startTestServer, uriOf, type TestServer } from './harness';

// Invented sample articles: four of the week of 4 March 2024 count dock workers; one disagrees.
function article(day: number, workers: string, extra = ''): string {
  return `Dock Strike Day ${day}\ndate 2024-03-0${day}\n\nMs Odile Farrance said ${workers} workers stayed home.${extra}\n`;
}
const WEEK = { 'a.txt': article(4, '4,000'), 'b.txt': article(5, 'about 4,000'), 'c.txt': article(6, '4,000'), 'd.txt': article(7, '5,200') };
const UNDATED = 'Ferry Strike\n\nCrews walked out on Monday, the union said. Talks began on March 1, 2024.\n';
const CORRECTIONS = uriOf('.corpuslens.json');

function rangeOf(text: string, needle: string, from = 0) {
  const doc = TextDocument.create('x', 'x', 0, text);
  const start = text.indexOf(needle, from);
  return { start: doc.positionAt(start), end: doc.positionAt(start + needle.length) };
}

async function pull(server: TestServer, file: string): Promise<Diagnostic[]> {
  const report = (await server.client.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: uriOf(file) } })) as { kind: string; items: Diagnostic[] };
  assert.equal(report.kind, 'full');
  return report.items;
}

async function pullUri(server: TestServer, uri: string): Promise<Diagnostic[]> {
  return ((await server.client.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as { items: Diagnostic[] }).items;
}

async function actionsAt(server: TestServer, file: string, text: string, needle: string, diagnostics: Diagnostic[] = []): Promise<CodeAction[]> {
  const range = rangeOf(text, needle);
  return (await server.client.sendRequest(CodeActionRequest.type, { textDocument: { uri: uriOf(file) }, range, context: { diagnostics } })) as CodeAction[];
}

function textEdits(edit: WorkspaceEdit): TextDocumentEdit[] {
  return (edit.documentChanges ?? []).filter((c): c is TextDocumentEdit => 'textDocument' in c);
}

describe('diagnostics', () => {
  let server: TestServer;
  afterEach(async () => server?.dispose());

  it('marks a figure that disagrees with its week, with the agreeing figures as related information', async () => {
    server = await startTestServer(WEEK);
    await server.waitForIndex();
    const items = await pull(server, 'd.txt');
    assert.equal(items.length, 1);
    const [d] = items;
    assert.equal(d.severity, 3, 'information');
    assert.equal(d.code, 'figure-disagrees');
    assert.deepEqual(d.range, rangeOf(WEEK['d.txt'], '5,200'));
    assert.deepEqual(d.data, { measure: 'workers' });
    assert.deepEqual(
      d.relatedInformation?.map((r) => [r.location.uri, r.location.range]),
      (['a.txt', 'b.txt', 'c.txt'] as const).map((f) => [uriOf(f), rangeOf(WEEK[f], '4,000')]),
    );
    assert.match(d.message, /“5,200” disagrees with 3 of the 3 other articles reporting workers the same week: 4,000 \(a\.txt, 2024-03-04\)/);
    for (const f of ['a.txt', 'b.txt', 'c.txt']) assert.deepEqual(await pull(server, f), [], `${f} agrees`);
    // The quick fix opens the ledger (a client command this client declares).
    const fixes = await actionsAt(server, 'd.txt', WEEK['d.txt'], '5,200', [d]);
    const ledger = fixes.find((a) => a.title === 'Corpus Lens: Open the ledger of workers');
    assert.deepEqual(ledger?.command?.arguments, ['workers']);
    assert.deepEqual(ledger?.diagnostics, [d]);
  });

  it('lists the corpus’s discrepancies in workspace diagnostics, and only what changed on the next pull', async () => {
    server = await startTestServer({ ...WEEK, 'skip.txt': new Uint8Array([104, 105, 0, 1]) });
    await server.waitForIndex();
    const first = (await server.client.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] })) as WorkspaceDiagnosticReport;
    assert.deepEqual(first.items.map((i) => [i.uri, i.kind, i.kind === 'full' ? i.items.map((d) => d.code) : []]), [
      [uriOf('d.txt'), 'full', ['figure-disagrees']],
      [uriOf('skip.txt'), 'full', ['file-skipped']],
    ]);
    const again = (await server.client.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: first.items.map((i) => ({ uri: i.uri, value: i.resultId! })) })) as WorkspaceDiagnosticReport;
    assert.deepEqual(again.items.map((i) => [i.uri, i.kind]), [[uriOf('d.txt'), 'unchanged'], [uriOf('skip.txt'), 'unchanged']]);
    // The article now agrees: its diagnostics are cleared in the next pull.
    await server.open('d.txt', article(7, '4,100'));
    const cleared = (await server.client.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: first.items.map((i) => ({ uri: i.uri, value: i.resultId! })) })) as WorkspaceDiagnosticReport;
    const d = cleared.items.find((i) => i.uri === uriOf('d.txt'));
    assert.equal(d?.kind, 'full');
    assert.deepEqual(d?.kind === 'full' ? d.items : undefined, []);
    assert.equal(d?.version, 1, 'the open buffer’s version');
  });

  it('turns each kind off with its setting', async () => {
    server = await startTestServer({ ...WEEK, 'u.txt': UNDATED, '.corpuslens.json': '{"version": 2}' }, { diagnostics: { figures: false, unresolvedDates: false, corrections: false } });
    await server.waitForIndex();
    assert.deepEqual(await pull(server, 'd.txt'), []);
    assert.deepEqual(await pull(server, 'u.txt'), []);
    assert.deepEqual(await pullUri(server, CORRECTIONS), []);
    const report = (await server.client.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] })) as WorkspaceDiagnosticReport;
    assert.deepEqual(report.items, []);
  });

  it('hints at a relative date that cannot be resolved, and its quick fix sets the article date as an edit', async () => {
    server = await startTestServer({ 'u.txt': UNDATED });
    await server.waitForIndex();
    const [hint] = await pull(server, 'u.txt');
    assert.equal(hint.severity, 4, 'hint');
    assert.equal(hint.code, 'date-unresolved');
    assert.deepEqual(hint.range, rangeOf(UNDATED, 'Monday'));
    const fix = (await actionsAt(server, 'u.txt', UNDATED, 'Monday', [hint])).find((a) => a.title === 'Corpus Lens: Set this article’s date to 2024-03-01 (a date in its text)');
    assert.ok(fix?.edit, 'a WorkspaceEdit');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [hint]);
    // No .corpuslens.json yet: the edit creates it, then fills it.
    const [create, fill] = fix.edit.documentChanges ?? [];
    assert.deepEqual(create, { kind: 'create', uri: CORRECTIONS, options: { ignoreIfExists: true } });
    assert.deepEqual(JSON.parse((fill as TextDocumentEdit).edits[0].newText).articleDates, { 'u.txt': '2024-03-01' });
    await server.applyEdit(fix.edit);
    const hover = (await server.client.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf('u.txt') }, position: rangeOf(UNDATED, 'Monday').start })) as Hover;
    assert.match((hover.contents as { value: string }).value, /Value: `2024-02-26`/);
    assert.deepEqual(await pull(server, 'u.txt'), []);
  });

  it('places the problem of an invalid .corpuslens.json in the file: the failing field, or the syntax error', async () => {
    const badField = '{\n  "merge": [\n    { "entities": ["person:x"] }\n  ]\n}\n';
    server = await startTestServer({ ...WEEK, '.corpuslens.json': badField });
    await server.waitForIndex();
    const [error] = await pullUri(server, CORRECTIONS);
    assert.equal(error.severity, 1);
    assert.equal(error.code, 'corrections-invalid');
    assert.deepEqual(error.range, rangeOf(badField, '["person:x"]'));
    assert.match(error.message, /merge\[0\] needs "entities"/);
    // A syntax error typed into the open buffer: the buffer wins over the file.
    const badSyntax = '{\n  "notEntity": ["Odile Farrance",]\n}\n';
    await server.open('.corpuslens.json', badSyntax);
    const [syntax] = await pullUri(server, CORRECTIONS);
    assert.deepEqual(syntax.range.start, rangeOf(badSyntax, ']').start);
    // Fixed in the buffer, unsaved: no error, and the corpus follows the buffer.
    await server.change('.corpuslens.json', '{\n  "notEntity": ["Odile Farrance"]\n}\n', 2);
    assert.deepEqual(await pullUri(server, CORRECTIONS), []);
    const hover = await server.client.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf('a.txt') }, position: rangeOf(WEEK['a.txt'], 'Farrance').start });
    assert.equal(hover, null);
  });

  it('reports a skipped file once, on the file', async () => {
    server = await startTestServer({ ...WEEK, 'big.txt': 'x'.repeat(3 * 1024) }, { maxFileSizeKB: 2 });
    await server.waitForIndex();
    const [skipped] = await pullUri(server, uriOf('big.txt'));
    assert.equal(skipped.code, 'file-skipped');
    assert.match(skipped.message, /^Corpus Lens skipped this file: larger than the size limit/);
  });
});

describe('corrections as workspace edits', () => {
  let server: TestServer;
  afterEach(async () => server?.dispose());

  it('computes the edit against the open, unsaved .corpuslens.json and versions it', async () => {
    const onDisk = '{}\n';
    const unsaved = '{\n  "notEntity": ["Dock Strike"]\n}\n';
    server = await startTestServer({ ...WEEK, '.corpuslens.json': onDisk });
    await server.waitForIndex();
    await server.open('.corpuslens.json', unsaved, 7);
    const fix = (await actionsAt(server, 'a.txt', WEEK['a.txt'], 'Odile')).find((a) => a.title.includes('is not an entity'));
    const [edit] = textEdits(fix!.edit!);
    assert.deepEqual(edit.textDocument, { uri: CORRECTIONS, version: 7 });
    const after = TextDocument.applyEdits(TextDocument.create(CORRECTIONS, 'json', 7, unsaved), edit.edits as TextEdit[]);
    assert.deepEqual(JSON.parse(after).notEntity, ['Dock Strike', 'Odile Farrance']);
    // The smallest change, not the whole file: the unsaved line is kept as it is.
    assert.ok((edit.edits[0] as TextEdit).range.start.line >= 1);
    assert.equal(server.source.files.get('/corpus/.corpuslens.json'), onDisk, 'nothing written behind the editor');
  });

  it('offers a disabled fix, with the reason, when the open copy is invalid', async () => {
    server = await startTestServer({ ...WEEK, '.corpuslens.json': '{}' });
    await server.waitForIndex();
    await server.open('.corpuslens.json', '{ "notEntity": [ }');
    const fix = (await actionsAt(server, 'a.txt', WEEK['a.txt'], 'Odile')).find((a) => a.title.includes('is not an entity'));
    assert.equal(fix?.edit, undefined);
    assert.match(fix?.disabled?.reason ?? '', /not valid JSON.*fix it first/);
  });

  it('answers corpusLens/correctionEdit with the edit or the problem, and never writes', async () => {
    server = await startTestServer({ ...WEEK, '.corpuslens.json': '{}\n' });
    await server.waitForIndex();
    const ok = (await server.client.sendRequest(CorrectionEditRequest, { uri: uriOf('a.txt'), edit: { kind: 'merge', entities: ['person:odile farrance', 'org:x'] } })) as { edit: WorkspaceEdit };
    assert.deepEqual(JSON.parse(TextDocument.applyEdits(TextDocument.create(CORRECTIONS, 'json', 0, '{}\n'), textEdits(ok.edit)[0].edits as TextEdit[])).merge, [{ entities: ['org:x', 'person:odile farrance'] }]);
    const bad = await server.client.sendRequest(CorrectionEditRequest, { uri: uriOf('a.txt'), edit: { kind: 'merge', entities: ['only-one'] } });
    assert.deepEqual(bad, { problem: 'the correction is malformed: "entities" must list at least two entity ids' });
    assert.equal(server.source.files.get('/corpus/.corpuslens.json'), '{}\n');
  });

  it('sends the edit to a client that applies edits when the server command runs, and follows it at once', async () => {
    server = await startTestServer({ ...WEEK, '.corpuslens.json': '{}\n' });
    await server.waitForIndex();
    const result = await server.client.sendRequest(ExecuteCommandRequest.type, { command: APPLY_CORRECTION_COMMAND, arguments: [uriOf('a.txt'), { kind: 'notEntity', value: 'Odile Farrance' }] });
    assert.deepEqual(result, { ok: true });
    assert.equal(server.appliedEdits.length, 1);
    assert.equal(await server.client.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf('a.txt') }, position: rangeOf(WEEK['a.txt'], 'Farrance').start }), null);
  });
});
