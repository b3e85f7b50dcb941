import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { ExecuteCommandRequest, ShutdownRequest } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { MemoryArticleSource } from '../../server/src/host/memoryArticleSource';
import { APPLY_CORRECTION_COMMAND, EntitiesRequest, ReindexRequest, ServerInfoRequest } from '../../server/src/protocol';
import { DEFAULT_CLIENT_CAPABILITIES, ROOT, startTestServer, uriOf, type TestServer } from './harness';

// How startServer wires the client's capabilities, folders and settings to the workspace.

const A = 'Port Talks\ndate 2024-03-05\n\nMs Ilse Marrow met the Kestrel Harbour Company.\n';
const B = 'Port Vote\ndate 2024-03-06\n\nTomas Brack voted.\n';

const indexedCount = (server: TestServer) => server.logs.filter((l) => l.startsWith('Indexed ')).length;

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.ok(check(), `timed out waiting for ${what}`);
}

describe('server wiring', () => {
  let server: TestServer | undefined;
  afterEach(async () => server?.dispose());

  it('declares its features, with folder support and the correction command, and registers watchers and settings', async () => {
    server = await startTestServer({ 'a.txt': A });
    await server.waitForIndex();
    const caps = server.initializeResult.capabilities;
    assert.deepEqual(caps.executeCommandProvider, { commands: [APPLY_CORRECTION_COMMAND] });
    assert.deepEqual(caps.workspace, { workspaceFolders: { supported: true, changeNotifications: true } });
    assert.deepEqual([caps.textDocumentSync, caps.codeActionProvider, caps.inlayHintProvider, caps.documentSymbolProvider], [2, { codeActionKinds: ['quickfix'] }, true, { label: 'Corpus Lens' }]);
    assert.deepEqual(server.initializeResult.serverInfo?.name, 'corpus-lens');
    assert.deepEqual(server.registrations.map((r) => [r.method, r.registerOptions]), [['workspace/didChangeWatchedFiles', { watchers: [{ globPattern: '**/*' }] }]]);
  });

  it('asks for nothing a client cannot give, and uses the root uri without workspace folders', async () => {
    const capabilities = { ...DEFAULT_CLIENT_CAPABILITIES, workspace: { workspaceFolders: false } };
    server = await startTestServer({ 'a.txt': A }, { enable: false }, undefined, {}, {}, capabilities, { workspaceFolders: null, rootUri: URI.file(ROOT).toString() });
    const state = await server.client.sendRequest(ReindexRequest);
    // Without workspace/configuration the defaults apply, so the folder needs its marker to be a corpus.
    assert.deepEqual([state.state, state.articles], ['ready', 0]);
    assert.ok(server.logs.some((l) => l === '/corpus is not a corpus (no .corpuslens.json in it, corpusLens.enable off): Corpus Lens leaves it alone.'), server.logs.join('\n'));
    assert.equal(server.initializeResult.capabilities.workspace, undefined);
    assert.deepEqual(server.registrations, []);
    server.source.files.set(`${ROOT}/.corpuslens.json`, '{}');
    assert.deepEqual((await server.client.sendRequest(ReindexRequest)).articles, 1, 'the marker makes the root a corpus');
  });

  it('registers for settings when it may, and re-reads the corpus only when they change', async () => {
    const settings: Record<string, unknown> = {};
    const capabilities = { ...DEFAULT_CLIENT_CAPABILITIES, workspace: { ...DEFAULT_CLIENT_CAPABILITIES.workspace, didChangeConfiguration: { dynamicRegistration: true } } };
    server = await startTestServer({ 'a.txt': A, 'b.news': B }, settings, undefined, {}, {}, capabilities);
    await server.waitForIndex();
    assert.deepEqual(server.registrations.map((r) => [r.method, r.registerOptions]), [
      ['workspace/didChangeWatchedFiles', { watchers: [{ globPattern: '**/*' }] }],
      ['workspace/didChangeConfiguration', { section: ['corpusLens', 'files.exclude'] }],
    ]);
    const s = server;
    await until(() => indexedCount(s) === 1, 'the first index');
    await server.client.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await server.client.sendRequest(ServerInfoRequest);
    await server.waitForIndex();
    assert.equal(indexedCount(server), 1, 'unchanged settings re-read nothing');
    settings.articles = ['**/*.news'];
    await server.client.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await until(() => indexedCount(s) === 2, 'a second index');
    await server.waitForIndex();
    assert.deepEqual([...server.workspace.corpus.uris()], [uriOf('b.news')]);
  });

  it('follows workspace folders added and removed', async () => {
    const source = new MemoryArticleSource({ '/second/.corpuslens.json': '{}', '/second/c.txt': B });
    server = await startTestServer({ 'a.txt': A }, {}, source);
    await server.waitForIndex();
    const second = URI.file('/second/c.txt').toString();
    await server.client.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: URI.file('/second').toString(), name: 'second' }], removed: [] } });
    const s = server;
    await until(() => s.workspace.corpus.article(second) !== undefined, 'the added folder');
    await server.client.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: URI.file(ROOT).toString(), name: 'corpus' }] } });
    await until(() => s.workspace.corpus.article(uriOf('a.txt')) === undefined, 'the removed folder to go');
    assert.deepEqual([...server.workspace.corpus.uris()], [second]);
  });

  it('asks the client to refresh colours and hints after an index, when it can', async () => {
    const capabilities = { ...DEFAULT_CLIENT_CAPABILITIES, workspace: { ...DEFAULT_CLIENT_CAPABILITIES.workspace, semanticTokens: { refreshSupport: true }, inlayHint: { refreshSupport: true } } };
    server = await startTestServer({ 'a.txt': A }, {}, undefined, {}, {}, capabilities);
    await server.waitForIndex();
    const s = server;
    await until(() => s.refreshes.length === 2, 'the refreshes');
    assert.deepEqual(server.refreshes.sort(), ['inlayHint', 'semanticTokens']);
    const plain = await startTestServer({ 'a.txt': A });
    await plain.waitForIndex();
    await plain.client.sendRequest(ServerInfoRequest);
    assert.deepEqual(plain.refreshes, []);
    await plain.dispose();
  });

  it('ends an index run quietly when the client went away before its refresh requests', async () => {
    // A refresh sent to a closed connection rejects; unhandled, that rejection would end the
    // server's process (and fail this file) instead of the run ending as it should.
    const capabilities = { ...DEFAULT_CLIENT_CAPABILITIES, workspace: { ...DEFAULT_CLIENT_CAPABILITIES.workspace, semanticTokens: { refreshSupport: true }, inlayHint: { refreshSupport: true } } };
    // The client goes away while the run a folder change started reads the new folder's file, so
    // the run ends afterwards. (A notification starts it: a reply to a request still in flight
    // would meet the closed connection inside vscode-jsonrpc, which is not what this checks.)
    let closing: Promise<void> | undefined;
    const source = new (class extends MemoryArticleSource {
      override async read(...args: Parameters<MemoryArticleSource['read']>) {
        if (args[0] === '/second/c.txt' && !closing) closing = gone.dispose();
        return super.read(...args);
      }
    })({ '/second/.corpuslens.json': '{}', '/second/c.txt': B });
    const gone = await startTestServer({ 'a.txt': A }, {}, source, {}, {}, capabilities);
    await gone.waitForIndex();
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => void unhandled.push(reason instanceof Error ? reason.stack : reason);
    process.on('unhandledRejection', record);
    try {
      await gone.client.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: URI.file('/second').toString(), name: 'second' }], removed: [] } });
      await until(() => closing !== undefined, 'the run to read the new folder');
      await closing;
      await until(() => gone.workspace.state.state !== 'indexing', 'the run to end');
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(unhandled, []);
      assert.notEqual(gone.workspace.corpus.article(URI.file('/second/c.txt').toString()), undefined, 'the run indexed the new file all the same');
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('tells its process and article count, opens the cache where the client says, and runs in safe mode when untrusted', async () => {
    const opened: string[] = [];
    server = await startTestServer({ 'a.txt': A, 'b.txt': B }, {}, undefined, { storagePath: '/storage/here', trusted: false }, {
      openCache: (storage) => {
        opened.push(storage);
        return { load: async () => ({ entries: new Map() }), save: async () => undefined };
      },
    });
    await server.waitForIndex();
    assert.deepEqual(await server.client.sendRequest(ServerInfoRequest), { pid: process.pid, articles: 2 });
    assert.deepEqual(opened, ['/storage/here']);
    const answer = await server.client.sendRequest(ExecuteCommandRequest.type, { command: APPLY_CORRECTION_COMMAND, arguments: [uriOf('a.txt'), { kind: 'notEntity', value: 'Ilse Marrow' }] });
    assert.match((answer as { problem: string }).problem, /safe mode/);
    assert.ok(server.messages.some((m) => /^Corpus Lens: this workspace is not trusted/.test(m)), server.messages.join('\n'));
    assert.equal(await server.client.sendRequest(ExecuteCommandRequest.type, { command: 'someone.elses.command', arguments: [] }), null);
  });

  it('answers the entities request sent without params with the whole list', async () => {
    server = await startTestServer({ 'a.txt': A, 'b.txt': B });
    await server.waitForIndex();
    const list = (await server.client.sendRequest(EntitiesRequest.method)) as { name: string }[];
    assert.deepEqual(list.map((e) => e.name).sort(), ['Ilse Marrow', 'Kestrel Harbour Company', 'Tomas Brack']);
  });

  it('releases its dependencies on shutdown', async () => {
    let disposed = 0;
    server = await startTestServer({ 'a.txt': A }, {}, undefined, {}, { dispose: async () => void disposed++ });
    await server.waitForIndex();
    await server.client.sendRequest(ShutdownRequest.type);
    assert.equal(disposed, 1);
  });
});
