// Diagnostics and undoable corrections in the real extension host. Runs after reader.e2e
// (files load in name order) and before zz-restart. It writes four invented sample articles
// of one week into the workspace copy the harness made (never the repository's fixture): three
// count 4,000 dock workers, one 5,200.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, fixtureUri, hoverText, openArticle, positionIn, waitFor, withTimeout, type CorpusLensApi } from './util';

const WEEK: Record<string, string> = {
  'dock-1.txt': 'Dock strike begins\ndate 2024-04-01\n\nHarbour manager Odile Farrance said 4,000 workers stayed home.\n',
  'dock-2.txt': 'Dock strike, day two\ndate 2024-04-02\n\nThe union said 4,000 workers stayed home again.\n',
  'dock-3.txt': 'Dock strike, day three\ndate 2024-04-03\n\nAbout 4,000 workers stayed home, the port said.\n',
  'dock-4.txt': 'Dock strike widens\ndate 2024-04-04\n\nThe port said 5,200 workers stayed home.\n',
};

async function hoverAt(doc: vscode.TextDocument, position: vscode.Position): Promise<string> {
  return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position));
}

describe('Corpus Lens diagnostics and undoable corrections', function () {
  this.timeout(90_000);

  before(async function () {
    const api = (await vscode.extensions.getExtension<CorpusLensApi>(EXTENSION_ID)!.activate()) as CorpusLensApi;
    await withTimeout(api.ready!, 60_000, 'the server to be ready');
    for (const [name, text] of Object.entries(WEEK)) fs.writeFileSync(path.join(fixtureUri('.').fsPath, name), text);
  });

  it('the Problems panel lists a figure that disagrees with its week, pointing at the others', async function () {
    // The file is not open: the diagnostic comes from the workspace pull, as the Problems panel shows it.
    const uri = fixtureUri('dock-4.txt');
    const diagnostic = await waitFor(() => vscode.languages.getDiagnostics(uri).find((d) => d.source === 'Corpus Lens' && String(d.code) === 'figure-disagrees'), 'the figure diagnostic in the Problems panel', 60_000);
    const line = WEEK['dock-4.txt'].split('\n')[3];
    assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.character], [3, line.indexOf('5,200'), line.indexOf('5,200') + 5]);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Information);
    assert.deepEqual(diagnostic.relatedInformation?.map((r) => path.basename(r.location.uri.fsPath)), ['dock-1.txt', 'dock-2.txt', 'dock-3.txt']);
    // Every other file of the week agrees: nothing listed for it.
    assert.deepEqual(vscode.languages.getDiagnostics(fixtureUri('dock-1.txt')).filter((d) => d.source === 'Corpus Lens'), []);
    // Its quick fix opens the figure ledger.
    const doc = await openArticle('dock-4.txt');
    const actions = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range);
      return found?.some((a) => a.title.startsWith('Corpus Lens: Open the ledger')) ? found : undefined;
    }, 'the ledger quick fix');
    assert.ok(actions?.some((a) => a.title === 'Corpus Lens: Open the ledger of workers'), JSON.stringify(actions?.map((a) => a.title)));
  });

  it('a quick fix edits .corpuslens.json, and Ctrl+Z (undo) takes it back', async function () {
    const doc = await openArticle('dock-1.txt');
    await vscode.window.showTextDocument(doc);
    const position = positionIn(doc, 'manager ', 'Odile');
    await waitFor(async () => ((await hoverAt(doc, position)).includes('**Odile Farrance**') ? true : undefined), 'the card of Odile Farrance');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(position, position));
    const fix = actions?.find((a) => a.title === 'Corpus Lens: “Odile Farrance” is not an entity (everywhere)');
    assert.ok(fix?.edit, 'the quick fix is a workspace edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const corrections = await vscode.workspace.openTextDocument(fixtureUri('.corpuslens.json'));
    assert.ok(corrections.getText().includes('"Odile Farrance"'), corrections.getText());
    // The server follows the edited (unsaved) buffer: the name is no longer an entity.
    await waitFor(async () => ((await hoverAt(doc, position)).includes('Odile Farrance**') ? undefined : true), 'the card to go away');
    // Ctrl+Z in the corrections file.
    await vscode.window.showTextDocument(corrections);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => (corrections.getText().includes('Odile Farrance') ? undefined : true), 'the undo to remove the correction');
    await waitFor(async () => ((await hoverAt(doc, position)).includes('**Odile Farrance**') ? true : undefined), 'the card to come back');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
