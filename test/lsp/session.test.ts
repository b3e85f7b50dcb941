import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createProtocolConnection, DocumentSymbolRequest, ExecuteCommandRequest, type Hover, HoverRequest, InitializeRequest, type Location, ReferencesRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { APPLY_CORRECTION_COMMAND, ExportRequest, StatusNotification } from '../../server/src/protocol';

// The real bundled server (dist/server.js, built by npm test's build step) through a whole
// session on a copy of the sample corpus: it must leave every article byte-for-byte as it was
// and never touch the network.
const root = path.resolve(__dirname, '../../..');
const serverJs = path.join(root, 'dist', 'server.js');

function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.txt')) out.set(path.relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

describe('a full session with the bundled server', () => {
  let work: string;
  let corpus: string;
  before(() => {
    assert.ok(existsSync(serverJs), 'dist/server.js is missing: run npm run build');
    work = mkdtempSync(path.join(tmpdir(), 'corpus-lens-session-'));
    corpus = path.join(work, 'corpus');
    cpSync(path.join(root, 'sample'), corpus, { recursive: true });
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('never writes to an article and opens no network connection', async () => {
    const before = hashes(corpus);
    assert.ok(before.size >= 8);
    const netLog = path.join(work, 'net.log');
    const child = spawn(process.execPath, ['--require', path.join(root, 'test', 'support', 'noNetwork.cjs'), serverJs, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, CORPUS_LENS_NET_LOG: netLog, NODE_OPTIONS: `--require ${path.join(root, 'test', 'support', 'noNetwork.cjs')}` },
    });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((item) => (item.section === 'corpusLens' ? { enable: true } : null)));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('window/showMessageRequest', () => null);
    connection.onNotification('window/logMessage', () => undefined);
    connection.onNotification('$/progress', () => undefined);
    const ready = new Promise<void>((resolve) => connection.onNotification(StatusNotification, (s) => s.state === 'ready' && resolve()));
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: null,
      workspaceFolders: [{ uri: URI.file(corpus).toString(), name: 'corpus' }],
      initializationOptions: { storagePath: path.join(work, 'storage') },
      capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: true } },
    });
    await connection.sendNotification('initialized', {});
    await ready;

    // Read, navigate, edit without saving, correct and export: everything a reader does.
    const file = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort()[0];
    const uri = URI.file(path.join(corpus, file)).toString();
    const text = readFileSync(path.join(corpus, file), 'utf8');
    const word = /\b[A-Z][a-z]{3,}\b/g;
    let answered = 0;
    for (let m = word.exec(text); m && answered < 40; m = word.exec(text)) {
      const lines = text.slice(0, m.index).split('\n');
      const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
      const hover = (await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position })) as Hover | null;
      if (!hover) continue;
      answered++;
      const refs = (await connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration: true } })) as Location[];
      assert.ok(Array.isArray(refs));
      await connection.sendRequest(ExecuteCommandRequest.type, { command: APPLY_CORRECTION_COMMAND, arguments: [uri, { kind: 'notEntity', value: 'Zzyzx' }] });
    }
    assert.ok(answered > 5, `only ${answered} hovers answered`);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'article', version: 1, text } });
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${text}\nAn unsaved edit by Ms Test Reader.\n` }] });
    await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await connection.sendRequest(ExportRequest, { format: 'csv', path: path.join(work, 'export.csv') });
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification('exit');
    await new Promise((resolve) => child.once('exit', resolve));
    connection.dispose();

    assert.deepEqual(hashes(corpus), before, 'article files changed');
    assert.ok(existsSync(path.join(corpus, '.corpuslens.json')), 'the correction was recorded');
    assert.ok(existsSync(path.join(work, 'storage', 'corpus-cache.bin')), 'the cache went to the storage folder');
    assert.ok(!readdirSync(corpus).some((f) => f.includes('cache') || f.endsWith('.tmp')), 'nothing else was written into the workspace');
    assert.equal(existsSync(netLog) ? readFileSync(netLog, 'utf8') : '', '', `network use:\n${stderr}`);
  });
});
