// Runs last (files load in name order): it kills the language server on purpose.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ServerInfoRequest, WaitForIndexRequest, type ServerInfo } from '../../../server/src/protocol';
import { EXTENSION_ID, hoverText, openArticle, positionIn, waitFor, type CorpusLensApi } from './util';

interface Client {
  sendRequest<R>(method: string, params?: unknown): Promise<R>;
  isRunning(): boolean;
}

describe('Corpus Lens survives its server dying', function () {
  this.timeout(90_000);

  it('restarts a killed server, and hover works again', async function () {
    const api = (await vscode.extensions.getExtension<CorpusLensApi>(EXTENSION_ID)!.activate()) as CorpusLensApi;
    const client = api.client as Client;
    const before = await client.sendRequest<ServerInfo>(ServerInfoRequest.method, {});
    assert.ok(before.pid > 0);
    process.kill(before.pid, 'SIGKILL');
    // The language client restarts a server that dies; the new one re-indexes the corpus.
    const after = await waitFor(async () => {
      if (!client.isRunning()) return undefined;
      const info = await client.sendRequest<ServerInfo>(ServerInfoRequest.method, {});
      return info.pid !== before.pid ? info : undefined;
    }, 'a new server process', 60_000);
    assert.notEqual(after.pid, before.pid);
    await client.sendRequest(WaitForIndexRequest.method, {});
    const doc = await openArticle('ferry-fares.txt');
    const text = await waitFor(async () => {
      const card = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionIn(doc, 'Mr ', 'Lindqvist')));
      return /mentions? in \d+ articles?/.test(card) ? card : undefined;
    }, 'the entity hover from the restarted server', 30_000);
    assert.match(text, /7 mentions in 3 articles/);
  });
});
