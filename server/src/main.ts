#!/usr/bin/env node
// The Corpus Lens language server process. VS Code starts it over IPC; other editors start
// `node dist/server.js --stdio`. Only this file makes the real connection.
// Reading thousands of small articles is system-call bound: more threads for file I/O than
// libuv's default four. Set before any file is touched.
process.env.UV_THREADPOOL_SIZE ??= '16';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { ProposedFeatures, StreamMessageReader, StreamMessageWriter, createConnection, type Connection } from 'vscode-languageserver/node';
import { AnalysisCache, engineFingerprint } from './host/analysisCache';
import { AnalysisWorkers } from './host/analysisWorkers';
import { userCacheFolder } from './host/cacheFolder';
import { NodeArticleSource } from './host/nodeArticleSource';
import { writeLines } from './host/writeLines';
import { startServer } from './server';

/**
 * Over stdio the message framing is ours to watch: after a malformed header the stream cannot
 * be resynchronised, and a server that keeps running without answering leaves the editor
 * hanging. It exits instead, with the reason on stderr, so the editor restarts it. A message
 * whose body is not JSON leaves the framing intact: it is reported and the server goes on.
 */
function stdioConnection(): Connection {
  const reader = new StreamMessageReader(process.stdin);
  reader.onError((error) => {
    const reason = error.message.split('\n').map((line) => line.trim()).join(': ');
    if (error instanceof SyntaxError) {
      process.stderr.write(`Corpus Lens: ignored a message that is not JSON (${reason})\n`);
      return;
    }
    process.stderr.write(`Corpus Lens: the message stream from the editor is broken (${reason}); the server exits so that the editor can start it again.\n`);
    process.exit(1);
  });
  // The editor has gone: nothing is left to answer.
  reader.onClose(() => process.exit(0));
  // stdout carries the protocol; anything a library prints goes to stderr.
  for (const name of ['log', 'info', 'debug', 'warn'] as const) console[name] = (...args: unknown[]) => console.error(...args);
  return createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
}

const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
// The worker script sits beside the bundle; one core stays with the main thread.
const workerScript = path.join(__dirname, 'indexWorker.js');
const workerCount = Math.max(1, Math.min(4, availableParallelism() - 1));
const workers = existsSync(workerScript) ? new AnalysisWorkers(workerScript, workerCount) : undefined;
// Cached analyses come from the engine (analysis.js) run by the worker and read by this bundle.
const engine = engineFingerprint([__filename, workerScript, path.join(__dirname, 'analysis.js')]);
startServer(connection, {
  source: new NodeArticleSource(path.join(__dirname, 'statWorker.js')),
  openCache: (storagePath) => new AnalysisCache(storagePath, engine),
  defaultCacheFolder: (folders) => userCacheFolder(folders),
  analyze: workers && ((text, options, cancel, urgent) => workers.analyze(text, options, cancel, urgent)),
  writeLines,
  dispose: async () => workers?.dispose(),
});
