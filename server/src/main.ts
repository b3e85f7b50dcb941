#!/usr/bin/env node
// The Corpus Lens language server process. VS Code starts it over IPC; other editors start
// `node dist/server.js --stdio`. Only this file makes the real connection.
// Reading thousands of small articles is system-call bound: more threads for file I/O than
// libuv's default four. Set before any file is touched.
process.env.UV_THREADPOOL_SIZE ??= '16';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { AnalysisCache, engineFingerprint } from './host/analysisCache';
import { AnalysisWorkers } from './host/analysisWorkers';
import { NodeArticleSource } from './host/nodeArticleSource';
import { writeLines } from './host/writeLines';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
// The worker script sits beside the bundle; one core stays with the main thread.
const workerScript = path.join(__dirname, 'indexWorker.js');
const workerCount = Math.max(1, Math.min(4, availableParallelism() - 1));
const workers = existsSync(workerScript) ? new AnalysisWorkers(workerScript, workerCount) : undefined;
// Cached analyses come from the engine (analysis.js) run by the worker and read by this bundle.
const engine = engineFingerprint([__filename, workerScript, path.join(__dirname, 'analysis.js')]);
startServer(connection, {
  source: new NodeArticleSource(path.join(__dirname, 'statWorker.js')),
  openCache: (storagePath) => new AnalysisCache(storagePath, engine),
  analyze: workers && ((text, options) => workers.analyze(text, options)),
  writeLines,
  dispose: async () => workers?.dispose(),
});
