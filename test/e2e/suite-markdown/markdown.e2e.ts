// Runs in the real extension host against test/fixtures/markdown-workspace: a plain-text
// article, a Markdown article under wire/ (matched by the workspace's corpusLens.articles) and
// a README.md that is not an article. Agnes Whitlow: 3 mentions in 2 articles; Tomas Brack: 2
// mentions, in the Markdown article only.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { EntitiesPageRequest, type EntityListItem } from '../../../server/src/protocol';
import { EXTENSION_ID, fixtureUri, hoverText, positionIn, waitFor, withTimeout, type CorpusLensApi } from '../suite/util';

async function hoverAt(doc: vscode.TextDocument, position: vscode.Position): Promise<string> {
  return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position));
}

describe('Markdown articles in a real extension host', function () {
  let api: CorpusLensApi & { folders?: readonly vscode.WorkspaceFolder[] };
  let doc: vscode.TextDocument;

  before(async function () {
    this.timeout(120_000);
    const extension = vscode.extensions.getExtension<CorpusLensApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await withTimeout(extension.activate(), 60_000, 'the extension to activate');
    await withTimeout(api.ready!, 90_000, 'the server to index the workspace');
    doc = await vscode.workspace.openTextDocument(fixtureUri('wire/bridge-talks.md'));
  });

  it('keeps the Markdown language and gives the entity card on a name in the Markdown article', async function () {
    // The card comes once the client has attached to the document.
    const card = await waitFor(async () => {
      const text = await hoverAt(doc, positionIn(doc, '[', 'Tomas Brack'));
      return text.includes('**Tomas Brack**') ? text : undefined;
    }, 'the entity card over Tomas Brack in the Markdown article', 30_000);
    assert.equal(doc.languageId, 'markdown', 'the Markdown article keeps its language');
    assert.match(card, /2 mentions in 1 article/, card);
    const whitlow = await hoverAt(doc, positionIn(doc, '**', 'Agnes Whitlow'));
    assert.match(whitlow, /3 mentions in 2 articles/, `linked with the plain-text article: ${whitlow}`);
  });

  it('resolves relative dates against the front matter date, and says so', async function () {
    const text = await hoverAt(doc, positionIn(doc, 'in *Porto* on ', 'Tuesday'));
    assert.match(text, /2024-03-12/, text);
    assert.match(text, /front matter/, text);
  });

  it('leaves the front matter, link destinations and images out', async function () {
    for (const [before, word] of [['author: ', 'Quentin Authorname'], ['example.org/', 'people'], ['Photo of ', 'Hidden Person']]) {
      const text = await hoverAt(doc, positionIn(doc, before, word));
      assert.ok(!/mentions? in \d+ articles?/.test(text), `no entity card over "${word}": ${text}`);
    }
  });

  it('finds references whose ranges cover the name only, in both articles', async function () {
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, positionIn(doc, '**', 'Agnes Whitlow'));
    const texts = await Promise.all(locations.map(async (l) => (await vscode.workspace.openTextDocument(l.uri)).getText(l.range)));
    assert.deepEqual([...texts].sort(), ['Agnes Whitlow', 'Agnes Whitlow', 'Whitlow']);
    assert.ok(locations.some((l) => l.uri.path.endsWith('/wire/bridge-talks.md')));
    assert.ok(locations.some((l) => l.uri.path.endsWith('/ferry-fares.txt')));
  });

  it('adds the Corpus Lens outline to the Markdown one, headed by the front matter title', async function () {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const names = symbols.map((s) => s.name);
    assert.ok(names.includes('Bridge talks resume after a week'), JSON.stringify(names));
    const people = symbols.find((s) => s.name === 'People');
    assert.deepEqual(people?.children.map((c) => c.name).sort(), ['Agnes Whitlow', 'Tomas Brack']);
  });

  it('leaves a README.md that the globs do not match alone', async function () {
    const readme = await vscode.workspace.openTextDocument(fixtureUri('README.md'));
    const text = await hoverAt(readme, positionIn(readme, 'article: ', 'Agnes Whitlow'));
    assert.ok(!text.includes('**Agnes Whitlow**'), text);
    assert.equal(readme.languageId, 'markdown');
  });

  it('the entity context menu copies a name and marks an entity as not one', async function () {
    const client = api.client as { sendRequest<R>(method: string, params: unknown): Promise<R> };
    const page = await client.sendRequest<{ items: EntityListItem[]; total: number }>(EntitiesPageRequest.method, { kind: 'person', offset: 0, limit: 10 });
    const brack = page.items.find((i) => i.name === 'Tomas Brack');
    assert.ok(brack, JSON.stringify(page));
    await vscode.commands.executeCommand('corpusLens.entity.copyName', { type: 'entity', item: brack });
    assert.equal(await vscode.env.clipboard.readText(), 'Tomas Brack');
    await vscode.commands.executeCommand('corpusLens.entity.notEntity', { type: 'entity', item: brack });
    const marker = fixtureUri('.corpuslens.json').fsPath;
    const written = await waitFor(() => {
      const json = JSON.parse(fs.readFileSync(marker, 'utf8')) as { notEntity: string[] };
      return json.notEntity.includes(brack.id) ? json : undefined;
    }, 'the correction in .corpuslens.json');
    assert.ok(written.notEntity.includes('Corpus Lens'), 'the corrections already there are kept');
    await waitFor(async () => !(await hoverAt(doc, positionIn(doc, '[', 'Tomas Brack'))).includes('**Tomas Brack**'), 'the card to go away');
  });
});
