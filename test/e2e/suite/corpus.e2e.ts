// Runs inside the real extension host against test/fixtures/e2e-workspace and checks the
// language features through the same commands the editor uses. The fixture facts the
// expectations rest on:
//   Tobias Lindqvist: 7 mentions in 3 articles (bridge-repairs 3, ferry-fares 2, budget-vote 2),
//     spelt "Finance Minister Tobias Lindqvist", "Mr Lindqvist", "Lindqvist",
//     "Finance Minister Lindqvist"; river-festival.txt never names him and notes.md (not an
//     article) names him twice.
//   Jonas Weber: 1 mention in 1 article (river-festival).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { baseName, hoverText, openArticle, positionIn, fixtureUri, withTimeout, ARTICLE_LANGUAGE, EXTENSION_ID, type CorpusLensApi } from './util';

const GROUP_ORDER = ['People', 'Organizations', 'Places', 'Dates', 'Figures'];

async function textAt(location: vscode.Location): Promise<string> {
  const doc = await vscode.workspace.openTextDocument(location.uri);
  return doc.getText(location.range);
}

function asLocation(item: vscode.Location | vscode.LocationLink): vscode.Location {
  return 'targetUri' in item ? new vscode.Location(item.targetUri, item.targetSelectionRange ?? item.targetRange) : item;
}

describe('Corpus Lens in a real extension host', function () {
  before(async function () {
    this.timeout(120_000);
    const extension = vscode.extensions.getExtension<CorpusLensApi>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is loaded from the development path`);
    const api = await withTimeout(extension.activate(), 60_000, 'the extension to activate');
    assert.ok(api && typeof api.ready?.then === 'function', 'activate() returns { client, ready } with a ready promise');
    assert.ok(api.client, 'activate() returns the language client');
    await withTimeout(api.ready, 90_000, 'the server to index the fixture workspace (api.ready)');
  });

  // First, so that it runs the moment api.ready resolves: every article must be in the index by
  // then. Jonas Weber is named only in river-festival.txt, Tobias Lindqvist only in the others.
  it('api.ready resolves only once every article is indexed', async function () {
    for (const name of ['Jonas Weber', 'Tobias Lindqvist']) {
      const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', name);
      assert.ok(symbols?.some((symbol) => symbol.name.includes(name)), `${name} is already indexed when api.ready resolves; got ${JSON.stringify(symbols?.map((s) => s.name))}`);
    }
  });

  it('the corpusLens.waitForIndex command returns once indexing is done', async function () {
    await withTimeout(Promise.resolve(vscode.commands.executeCommand('corpusLens.waitForIndex')), 30_000, 'corpusLens.waitForIndex');
  });

  it('gives the fixture articles the article language and leaves notes.md alone', async function () {
    // Open the non-article first, then wait for the articles: once they have their language the
    // client has handled the opens, so a wrong language on notes.md would be visible by then.
    const notes = await vscode.workspace.openTextDocument(fixtureUri('notes.md'));
    for (const name of ['bridge-repairs.txt', 'ferry-fares.txt', 'budget-vote.txt', 'river-festival.txt']) {
      const doc = await openArticle(name);
      assert.equal(doc.languageId, ARTICLE_LANGUAGE, name);
    }
    const notesNow = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === notes.uri.toString()) ?? notes;
    assert.equal(notesNow.languageId, 'markdown', 'notes.md keeps the Markdown language');
  });

  it('hover on a surname shows the entity card with mention and article counts', async function () {
    const doc = await openArticle('bridge-repairs.txt');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionIn(doc, '\n', 'Lindqvist said extra ferries'));
    const text = hoverText(hovers);
    assert.ok(text.includes('**Tobias Lindqvist**'), `the card names the person in bold; hover was: ${text}`);
    assert.match(text, /\bperson\b/i, `the card says what kind of entity it is; hover was: ${text}`);
    assert.ok(text.includes('7 mentions in 3 articles'), `the card counts 7 mentions in 3 articles (notes.md excluded); hover was: ${text}`);
    const rest = text.replace('**Tobias Lindqvist**', '');
    assert.match(rest, /Lindqvist/, `the card lists the other spellings seen; hover was: ${text}`);
  });

  it('hover uses the singular forms for an entity seen once', async function () {
    const doc = await openArticle('river-festival.txt');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionIn(doc, 'director ', 'Jonas Weber'));
    const text = hoverText(hovers);
    assert.ok(text.includes('**Jonas Weber**'), `hover was: ${text}`);
    assert.ok(text.includes('1 mention in 1 article'), `the card says "1 mention in 1 article"; hover was: ${text}`);
  });

  it('hover gives no entity card in a file that is not an article', async function () {
    const notes = await vscode.workspace.openTextDocument(fixtureUri('notes.md'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', notes.uri, positionIn(notes, 'as Tobias ', 'Lindqvist'));
    const text = hoverText(hovers);
    assert.ok(!/mentions? in \d+ articles?/.test(text), `notes.md must not get a Corpus Lens hover; got: ${text}`);
  });

  it('the outline lists the headline, then the groups with their entities', async function () {
    const doc = await openArticle('bridge-repairs.txt');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.ok(symbols && symbols.length > 1, `documentSymbol answers with several symbols; got ${JSON.stringify(symbols)}`);
    const [headline, ...groups] = symbols;
    assert.ok(headline.name.includes('Harbour bridge repairs'), `the first symbol is the headline; got "${headline.name}"`);
    assert.equal(headline.range.start.line, 0, 'the headline symbol is on the first line');

    const groupNames = groups.map((group) => group.name);
    const where = (symbol: vscode.DocumentSymbol): string => `${symbol.name}@${symbol.range.start.line + 1}:${symbol.range.start.character + 1}-${symbol.range.end.line + 1}:${symbol.range.end.character + 1}`;
    for (const name of groupNames) assert.ok(GROUP_ORDER.includes(name), `"${name}" is one of the groups ${GROUP_ORDER.join(', ')}`);
    for (const name of GROUP_ORDER) assert.ok(groupNames.includes(name), `the outline has a ${name} group; groups are ${groupNames.join(', ')}`);
    const childNames = (name: string): string[] => (groups.find((group) => group.name === name)?.children ?? []).map((child) => child.name);
    for (const group of groups) assert.ok(childNames(group.name).length > 0, `${group.name} is not empty`);
    for (const group of ['People', 'Organizations', 'Places']) {
      const names = childNames(group);
      assert.equal(new Set(names).size, names.length, `each entity appears once under ${group}: ${names.join(' | ')}`);
    }
    const people = groups.find((group) => group.name === 'People')!.children;
    const lindqvist = people.find((child) => child.name.includes('Lindqvist'));
    assert.ok(lindqvist, `People lists Lindqvist: ${childNames('People').join(' | ')}`);
    assert.equal(lindqvist.children.length, 3, `Lindqvist's three mentions in this article are his children: ${lindqvist.children.map((c) => c.name).join(' | ')}`);
    assert.ok(childNames('People').some((name) => name.includes('Helena Marsh')), `People lists Helena Marsh: ${childNames('People').join(' | ')}`);
    assert.ok(childNames('Organizations').some((name) => name.includes('Riverside Transport Agency')), `Organizations: ${childNames('Organizations').join(' | ')}`);
    assert.ok(childNames('Places').some((name) => name.includes('Lisbon')), `Places: ${childNames('Places').join(' | ')}`);
    assert.ok(childNames('Figures').some((name) => name.includes('40')), `Figures lists €40 million: ${childNames('Figures').join(' | ')}`);
    // VS Code orders document symbols by where their ranges start, so the groups keep this order
    // in the Outline view only if the server gives them ranges that sort that way.
    const ordered = GROUP_ORDER.filter((name) => groupNames.includes(name));
    assert.deepEqual(groupNames, ordered, `the groups come in the order ${GROUP_ORDER.join(', ')} after VS Code sorts symbols by range; got ${groups.map(where).join(', ')}`);
  });

  it('references on "Mr Lindqvist" find every spelling across the articles, and only there', async function () {
    const doc = await openArticle('ferry-fares.txt');
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, positionIn(doc, 'Mr ', 'Lindqvist'));
    assert.ok(locations && locations.length > 0, 'references answers');
    const files = new Set(locations.map((location) => baseName(location.uri)));
    const otherFiles = [...files].filter((file) => file !== 'ferry-fares.txt');
    assert.ok(otherFiles.length >= 2, `mentions in at least two other files; got ${[...files].join(', ')}`);
    assert.ok(!files.has('notes.md'), 'notes.md is not an article and is never linked');
    assert.ok(!files.has('river-festival.txt'), 'river-festival.txt never names him');
    const texts = await Promise.all(locations.map(textAt));
    for (const text of texts) assert.match(text, /Lindqvist/, `every reference range covers the name; got "${text}"`);
    assert.ok(texts.some((text) => text.includes('Tobias Lindqvist')), `the full name is among the references: ${texts.join(' | ')}`);
    assert.ok(new Set(texts).size >= 2, `several spellings are linked: ${texts.join(' | ')}`);
    assert.equal(locations.length, 7, `all 7 mentions, declaration included: ${locations.map((l) => `${baseName(l.uri)}:${l.range.start.line + 1} "${texts[locations.indexOf(l)]}"`).join(', ')}`);
  });

  it('definition goes to the first full-name mention in the corpus', async function () {
    const doc = await openArticle('budget-vote.txt');
    const result = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, positionIn(doc, 'Minister ', 'Lindqvist told'));
    assert.ok(result && result.length > 0, 'definition answers');
    const target = asLocation(result[0]);
    assert.equal(baseName(target.uri), 'bridge-repairs.txt', 'the first full-name mention is in the earliest article');
    assert.match(await textAt(target), /Tobias Lindqvist/, 'the target is the full-name mention');
  });

  it('workspace symbols match entity names in articles only', async function () {
    const people = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Lindqvist');
    assert.ok(people && people.some((symbol) => symbol.name.includes('Lindqvist')), `a symbol for Lindqvist: ${JSON.stringify(people?.map((s) => s.name))}`);
    for (const symbol of people) assert.ok(baseName(symbol.location.uri).endsWith('.txt'), `symbols point into articles, not ${symbol.location.uri.toString()}`);
    const orgs = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Riverside');
    assert.ok(orgs && orgs.some((symbol) => symbol.name.includes('Riverside Transport Agency')), `a symbol for the agency: ${JSON.stringify(orgs?.map((s) => s.name))}`);
  });
});
