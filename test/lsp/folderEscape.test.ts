import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FileChangeType, WorkspaceSymbolRequest } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { ExportRequest, WaitForIndexRequest } from '../../server/src/protocol';
import { startStdioServer } from '../support/stdioServer';

// A workspace folder whose symbolic links lead out of it: to a sibling folder, to a file, to
// /etc and to /. Only what lies inside the folder may be read, indexed, exported or cached.
const INSIDE = 'Harbour Vote\ndate 2024-03-05\n\nMs Ilse Marrow said the vote would be held.\n';
const SECRET = 'Private Notes\ndate 2024-03-05\n\nQuentin Zabrowski said the secret plan would go ahead.\n';

describe('links that leave the workspace folder', () => {
  let work: string;
  let corpus: string;
  before(() => {
    work = mkdtempSync(path.join(tmpdir(), 'corpus-lens-escape-'));
    corpus = path.join(work, 'corpus');
    const outside = path.join(work, 'outside');
    mkdirSync(path.join(corpus, 'sub'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(path.join(corpus, 'vote.txt'), INSIDE);
    writeFileSync(path.join(outside, 'secret.txt'), SECRET);
    writeFileSync(path.join(corpus, '.corpuslens.json'), '{}');
    symlinkSync(outside, path.join(corpus, 'to-sibling'));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(corpus, 'secret-link.txt'));
    symlinkSync('/etc', path.join(corpus, 'etc'));
    symlinkSync('/', path.join(corpus, 'root'));
    symlinkSync('../../outside/secret.txt', path.join(corpus, 'sub', 'relative.txt'));
    // Links that stay inside are followed as before.
    symlinkSync(path.join(corpus, 'vote.txt'), path.join(corpus, 'sub', 'vote-again.txt'));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('reads, indexes, exports and caches nothing outside, says so, and a link to / costs nothing', async () => {
    const storage = path.join(work, 'storage');
    const started = Date.now();
    const server = await startStdioServer(corpus, { storagePath: storage });
    try {
      await server.ready;
      const indexMs = Date.now() - started;
      assert.ok(indexMs < 10_000, `indexing took ${indexMs} ms`);
      const state = await server.connection.sendRequest(WaitForIndexRequest);
      assert.equal(state.articles, 2, 'vote.txt and its inside link');
      for (const link of ['to-sibling', 'secret-link.txt', 'etc', 'root', path.join('sub', 'relative.txt')]) {
        assert.ok(server.logs.some((l) => l.includes(path.join(corpus, link)) && l.includes('outside the workspace folder')), `no word about ${link}:\n${server.logs.join('\n')}`);
      }
      // Each link leading out is listed once in the editor's problems, on the link itself.
      for (const link of ['secret-link.txt', path.join('sub', 'relative.txt'), 'etc', 'root']) {
        const uri = URI.file(path.join(corpus, link)).toString();
        const published = await waitUntil(() => server.published.get(uri), `the skipped-file diagnostic of ${link}`);
        assert.deepEqual(published.map((d) => d.code), ['file-skipped']);
        assert.match(published[0].message, /outside the workspace folder: not read/);
      }
      // A link made after indexing, announced by a file event, is not read either.
      symlinkSync(path.join(work, 'outside', 'secret.txt'), path.join(corpus, 'late.txt'));
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(path.join(corpus, 'late.txt')).toString(), type: FileChangeType.Created }] });
      assert.equal((await server.connection.sendRequest(WaitForIndexRequest)).articles, 2);
      const found = (await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'Zabrowski' })) as unknown[];
      assert.deepEqual(found, []);
      const out = path.join(work, 'export.csv');
      await server.connection.sendRequest(ExportRequest, { format: 'csv', path: out });
      const exported = readFileSync(out, 'utf8');
      assert.match(exported, /Marrow/);
      assert.doesNotMatch(exported, /Zabrowski|secret/i);
    } finally {
      await server.stop();
    }
    for (const file of readdirSync(storage)) assert.ok(!readFileSync(path.join(storage, file)).includes('Zabrowski'), `${file} holds text from outside`);
  });

  it('does not read a corrections file that is a link out of the folder', async () => {
    const folder = path.join(work, 'corrections-link');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'vote.txt'), INSIDE);
    writeFileSync(path.join(work, 'outside', 'rules.json'), JSON.stringify({ notEntity: ['Ilse Marrow'] }));
    symlinkSync(path.join(work, 'outside', 'rules.json'), path.join(folder, '.corpuslens.json'));
    const server = await startStdioServer(folder);
    try {
      await server.ready;
      const found = (await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'Marrow' })) as unknown[];
      assert.equal(found.length, 1, 'the outside file did not switch Ilse Marrow off');
      assert.ok(server.logs.some((l) => l.includes('.corpuslens.json') && l.includes('outside the workspace folder')), server.logs.join('\n'));
    } finally {
      await server.stop();
    }
  });
});

async function waitUntil<T>(probe: () => T | undefined, what: string, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
