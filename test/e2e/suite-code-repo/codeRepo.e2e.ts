// Runs in the real extension host against test/fixtures/code-repo: a code repository with
// LICENSE.txt, requirements.txt and CMakeLists.txt and no .corpuslens.json. Corpus Lens must
// leave it alone until the user asks for it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { ARTICLE_LANGUAGE, EXTENSION_ID, fixtureUri, waitFor, withTimeout } from '../suite/util';

interface Api {
  readonly client: unknown;
  readonly ready: Promise<void>;
  readonly folders: readonly vscode.WorkspaceFolder[];
}

describe('Corpus Lens in a code repository', function () {
  let api: Api;

  before(async function () {
    this.timeout(60_000);
    const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
    assert.ok(extension);
    api = await withTimeout(extension.activate(), 30_000, 'the extension to activate');
  });

  it('starts no server and relabels no file', async function () {
    assert.equal(api.client, undefined, 'no language client, so no server process and no status item');
    assert.deepEqual(api.folders, []);
    const license = await vscode.window.showTextDocument(fixtureUri('LICENSE.txt'));
    assert.equal(license.document.languageId, 'plaintext');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', license.document.uri, new vscode.Position(2, 22));
    assert.deepEqual(hovers, [], 'no hover provider answers for LICENSE.txt');
    assert.ok(!fs.existsSync(fixtureUri('.corpuslens.json').fsPath), 'nothing was written into the repository');
  });

  it('"Use This Folder as a Corpus" writes .corpuslens.json and starts indexing', async function () {
    this.timeout(90_000);
    await vscode.commands.executeCommand('corpusLens.useFolderAsCorpus');
    const marker = fixtureUri('.corpuslens.json').fsPath;
    assert.ok(fs.existsSync(marker));
    assert.equal(JSON.parse(fs.readFileSync(marker, 'utf8')).version, 1);
    await waitFor(() => api.client, 'the language client to start');
    await withTimeout(api.ready, 60_000, 'the index');
    assert.equal(api.folders.length, 1);
    await waitFor(
      () => vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith('/LICENSE.txt') && d.languageId === ARTICLE_LANGUAGE),
      'LICENSE.txt, now in a corpus, to get the article language',
    );
  });
});
