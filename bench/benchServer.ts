/**
 * Starts the real language server (dist/server.js over stdio, as an editor would) on a
 * generated corpus and prints: cold index time, warm restart time (from the on-disk cache),
 * p50/p95 latency of hover, definition, references and workspace symbol at random positions,
 * the time from an edit to a fresh answer, requests answered while indexing, and peak RSS.
 *
 *   npm run bench                          10,000 articles
 *   npm run bench -- --articles 100000     100,000 articles
 *   npm run bench -- --json                one JSON object
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { EntitiesRequest, StatusNotification } from '../server/src/protocol';
import { generateCorpus, option, random } from './generateCorpus';

const root = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const ARTICLES = Number(option('--articles', '10000'));
const SAMPLES = Number(option('--samples', '300'));
const SEED = Number(option('--seed', '1'));
const JSON_OUT = args.includes('--json');

interface Started {
  child: ChildProcess;
  connection: ProtocolConnection;
  ready: Promise<number>;
  whileIndexing: number[];
}

function log(message: string) {
  if (!JSON_OUT) console.log(message);
}

/** Starts dist/server.js --stdio and initializes it on the folder; `ready` resolves with the ms to a full index. */
async function startServer(folder: string, storagePath: string, probeWhileIndexing: { uri: string; line: number; character: number } | undefined): Promise<Started> {
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server itself.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((item) => (item.section === 'corpusLens' ? { enable: true } : null)));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  const whileIndexing: number[] = [];
  let resolveReady!: (ms: number) => void;
  const ready = new Promise<number>((resolve) => (resolveReady = resolve));
  const started = performance.now();
  let probing = false;
  connection.onNotification(StatusNotification, (s) => {
    if (s.state === 'ready') resolveReady(performance.now() - started);
    // Ask something while indexing goes on: it must be answered, even if partially.
    if (s.state === 'indexing' && probeWhileIndexing && !probing && whileIndexing.length < 20) {
      probing = true;
      const t = performance.now();
      void connection
        .sendRequest('textDocument/hover', { textDocument: { uri: probeWhileIndexing.uri }, position: probeWhileIndexing })
        .then(() => whileIndexing.push(performance.now() - t))
        .finally(() => (probing = false));
    }
  });
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: URI.file(folder).toString(),
    workspaceFolders: [{ uri: URI.file(folder).toString(), name: 'bench' }],
    initializationOptions: { storagePath },
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: true } },
  });
  await connection.sendNotification('initialized', {});
  return { child, connection, ready, whileIndexing };
}

async function stopServer(s: Started): Promise<void> {
  await s.connection.sendRequest('shutdown');
  await s.connection.sendNotification('exit');
  await new Promise((resolve) => s.child.once('exit', resolve));
  s.connection.dispose();
}

/** Peak resident memory of a process, from the kernel (VmHWM). */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function time<T>(run: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const result = await run();
  return [performance.now() - t, result];
}

/** One references request with a partialResultToken: ms to the first batch and to the answer, and the locations. */
async function streamedReferences(s: ProtocolConnection, params: object, token: string): Promise<{ firstMs: number; wholeMs: number; locations: number; batches: number }> {
  let firstMs = 0;
  let locations = 0;
  let batches = 0;
  const t = performance.now();
  const listener = s.onProgress({ method: 'textDocument/references' } as never, token, (batch: unknown[]) => {
    if (batches++ === 0) firstMs = performance.now() - t;
    locations += batch.length;
  });
  const rest = (await s.sendRequest('textDocument/references', { ...params, partialResultToken: token })) as unknown[];
  const wholeMs = performance.now() - t;
  listener.dispose();
  locations += rest.length;
  // An answer in one batch (or none) arrives with the response.
  if (batches === 0) firstMs = wholeMs;
  return { firstMs, wholeMs, locations, batches };
}

/**
 * Find All References on the name with about 10,000 mentions, as a client that streams: with a
 * partialResultToken, timing the first partial batch and the whole answer (p50 of 5 runs),
 * and once without streaming. Every mention must come back.
 */
async function referencesOfMostMentioned(s: ProtocolConnection) {
  // The name whose mention count is nearest 10,000 (the "10,020 mentions in 2,505 articles").
  // The generator's closing line names "Corpus Lens" in every article: a name, but not news.
  const list = (await s.sendRequest(EntitiesRequest, { limit: 200 })).filter((e) => e.articles < ARTICLES * 0.9);
  const top = list.reduce((best, e) => (Math.abs(e.mentions - 10_000) < Math.abs(best.mentions - 10_000) ? e : best));
  const params = { textDocument: { uri: top.definition!.uri }, position: top.definition!.range.start, context: { includeDeclaration: true } };
  const firsts: number[] = [];
  const wholes: number[] = [];
  let locations = 0;
  let batches = 0;
  const runs = 5;
  for (let run = 0; run < runs; run++) {
    const r = await streamedReferences(s, params, `bench-refs-${run}`);
    firsts.push(r.firstMs);
    wholes.push(r.wholeMs);
    locations = r.locations;
    batches = r.batches;
  }
  const [unstreamedMs, all] = await time(() => s.sendRequest('textDocument/references', params) as Promise<unknown[]>);
  if (locations !== top.mentions || all.length !== top.mentions) throw new Error(`references to ${top.name}: ${locations} streamed, ${all.length} unstreamed, ${top.mentions} mentions`);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { name: top.name, mentions: top.mentions, articles: top.articles, locations, batches, runs, firstBatchMs: round(percentile(firsts, 50)), wholeMs: round(percentile(wholes, 50)), unstreamedMs: round(unstreamedMs) };
}

/** Random positions on capitalised words (or on what `pattern` matches) of random articles. */
function samplePositions(files: string[], count: number, rnd: () => number, pattern = /\b[A-Z][a-z]{3,}\b/g) {
  const out: { uri: string; line: number; character: number; word: string }[] = [];
  while (out.length < count) {
    const file = files[Math.floor(rnd() * files.length)];
    const text = readFileSync(file, 'utf8');
    const words = [...text.matchAll(pattern)];
    if (words.length === 0) continue;
    const w = words[Math.floor(rnd() * words.length)];
    const doc = TextDocument.create(URI.file(file).toString(), 'article', 0, text);
    out.push({ uri: doc.uri, ...doc.positionAt(w.index! + 1), word: w[0] });
  }
  return out;
}

async function main() {
  const folder = path.join(root, 'bench', 'corpora', String(ARTICLES));
  const gen = generateCorpus(ARTICLES, SEED, folder);
  log(`Corpus: ${ARTICLES.toLocaleString('en-US')} articles, ${(gen.bytes / 1e6).toFixed(1)} MB (${gen.reused ? 'reused' : 'generated'}) in ${path.relative(root, folder)}`);
  const storage = path.join(root, '.cache', `bench-storage-${ARTICLES}`);
  rmSync(storage, { recursive: true, force: true });
  mkdirSync(storage, { recursive: true });
  const files = Array.from({ length: Math.min(ARTICLES, 2000) }, (_, i) => {
    const n = Math.floor((i * ARTICLES) / Math.min(ARTICLES, 2000));
    return path.join(folder, `batch-${String(Math.floor(n / 1000)).padStart(3, '0')}`, `${String(n).padStart(6, '0')}.txt`);
  });
  const rnd = random(SEED + 7);
  const positions = samplePositions(files, SAMPLES, rnd);
  // Numbers too: a figure's hover carries its ledger across the corpus.
  const numberPositions = samplePositions(files, Math.ceil(SAMPLES / 3), rnd, /\b\d[\d,.]*\d\b/g);

  // Cold: no cache.
  const cold = await startServer(folder, storage, positions[0]);
  const coldMs = await cold.ready;
  // The peak while indexing, before any request: what the index itself costs.
  const indexRss = peakRssMb(cold.child.pid!);
  log(`cold index: ${(coldMs / 1000).toFixed(2)} s, peak RSS ${Math.round(indexRss)} MB`);
  const s = cold.connection;

  const hover: number[] = [];
  const definition: number[] = [];
  const references: number[] = [];
  const symbols: number[] = [];
  const referencesFirstBatch: number[] = [];
  const referencesStreamed: number[] = [];
  let entityHits = 0;
  let maxReferences = 0;
  for (const p of positions) {
    const params = { textDocument: { uri: p.uri }, position: { line: p.line, character: p.character } };
    const [h, result] = await time(() => s.sendRequest('textDocument/hover', params));
    hover.push(h);
    const isEntity = !!result && /mentions? in/.test(JSON.stringify(result));
    if (!isEntity) continue;
    entityHits++;
    definition.push((await time(() => s.sendRequest('textDocument/definition', params)))[0]);
    const [r, refs] = await time(() => s.sendRequest('textDocument/references', { ...params, context: { includeDeclaration: true } }));
    references.push(r);
    maxReferences = Math.max(maxReferences, (refs as unknown[]).length);
    const streamed = await streamedReferences(s, { ...params, context: { includeDeclaration: true } }, `sample-${entityHits}`);
    referencesFirstBatch.push(streamed.firstMs);
    referencesStreamed.push(streamed.wholeMs);
  }
  const heavy = await referencesOfMostMentioned(s);
  const hoverOnNumbers: number[] = [];
  for (const p of numberPositions) hoverOnNumbers.push((await time(() => s.sendRequest('textDocument/hover', { textDocument: { uri: p.uri }, position: { line: p.line, character: p.character } })))[0]);
  for (const p of positions.slice(0, 100)) symbols.push((await time(() => s.sendRequest('workspace/symbol', { query: p.word.slice(0, 3) })))[0]);

  // Edit: open an article, change it, and time until a request reflects the change.
  const editFile = files[Math.floor(files.length / 2)];
  const uri = URI.file(editFile).toString();
  let text = readFileSync(editFile, 'utf8');
  await s.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'article', version: 1, text } });
  const edits: number[] = [];
  for (let v = 2; v < 52; v++) {
    text = text.replace(/\n\n/, `\n\nMs Edith Quarrel${v} said ${v} ships arrived on Tuesday.\n\n`);
    const [ms] = await time(async () => {
      await s.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
      return s.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    });
    edits.push(ms);
  }
  const coldRss = peakRssMb(cold.child.pid!);
  await stopServer(cold);

  // Warm: the cache written by the cold run.
  const warm = await startServer(folder, storage, undefined);
  const warmMs = await warm.ready;
  const warmRss = peakRssMb(warm.child.pid!);
  await stopServer(warm);

  const round = (n: number) => Math.round(n * 100) / 100;
  const result = {
    articles: ARTICLES,
    megabytes: round(gen.bytes / 1e6),
    coldIndexSeconds: round(coldMs / 1000),
    warmRestartSeconds: round(warmMs / 1000),
    hoverMs: { p50: round(percentile(hover, 50)), p95: round(percentile(hover, 95)), n: hover.length },
    hoverOnNumbersMs: { p50: round(percentile(hoverOnNumbers, 50)), p95: round(percentile(hoverOnNumbers, 95)), n: hoverOnNumbers.length },
    definitionMs: { p50: round(percentile(definition, 50)), p95: round(percentile(definition, 95)), n: definition.length },
    referencesMs: { p50: round(percentile(references, 50)), p95: round(percentile(references, 95)), n: references.length, maxLocations: maxReferences },
    referencesFirstBatchMs: { p50: round(percentile(referencesFirstBatch, 50)), p95: round(percentile(referencesFirstBatch, 95)), n: referencesFirstBatch.length },
    referencesStreamedMs: { p50: round(percentile(referencesStreamed, 50)), p95: round(percentile(referencesStreamed, 95)), n: referencesStreamed.length },
    workspaceSymbolMs: { p50: round(percentile(symbols, 50)), p95: round(percentile(symbols, 95)), n: symbols.length },
    editToFreshOutlineMs: { p50: round(percentile(edits, 50)), p95: round(percentile(edits, 95)), n: edits.length },
    answeredWhileIndexing: { count: cold.whileIndexing.length, p95Ms: round(percentile(cold.whileIndexing, 95)) },
    peakRssMb: { index: Math.round(indexRss), cold: Math.round(coldRss), warm: Math.round(warmRss) },
    entityHitsOfSamples: `${entityHits}/${positions.length}`,
    mostMentioned: heavy,
  };
  if (JSON_OUT) console.log(JSON.stringify(result));
  else {
    console.log(`warm restart: ${result.warmRestartSeconds} s`);
    for (const key of ['hoverMs', 'hoverOnNumbersMs', 'definitionMs', 'referencesMs', 'referencesFirstBatchMs', 'referencesStreamedMs', 'workspaceSymbolMs', 'editToFreshOutlineMs'] as const) {
      const v = result[key];
      console.log(`${key.replace(/Ms$/, '').padEnd(24)} p50 ${String(v.p50).padStart(7)} ms   p95 ${String(v.p95).padStart(7)} ms   (n=${v.n})`);
    }
    const h = result.mostMentioned;
    console.log(`references to the most mentioned entity (${h.name}: ${h.mentions.toLocaleString('en-US')} mentions in ${h.articles.toLocaleString('en-US')} articles), streamed: ${h.locations.toLocaleString('en-US')} locations in ${h.batches} batches, first batch ${h.firstBatchMs} ms, whole answer ${h.wholeMs} ms (p50 of ${h.runs}); without streaming ${h.unstreamedMs} ms`);
    console.log(`answered while indexing: ${result.answeredWhileIndexing.count} requests, p95 ${result.answeredWhileIndexing.p95Ms} ms`);
    console.log(`peak RSS: ${result.peakRssMb.index} MB at the end of the cold index, ${result.peakRssMb.cold} MB after every request, ${result.peakRssMb.warm} MB warm; references returned at most ${maxReferences} locations`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
