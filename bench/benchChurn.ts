/**
 * File churn while indexing, on a real folder through the bundled server: a cold index of N
 * generated articles while files are renamed, deleted, created and changed on disk (each
 * followed by the watcher's events, some batched, some late), then the index is compared with
 * a fresh server's index of the same folder (the full export, line by line) and with the disk.
 * Prints times and peak memory; exits 1 when the two indexes differ.
 *
 *   npm run bench:churn -- [--articles 5000] [--events 150] [--server dist/server.js]
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FileChangeType } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { ExportRequest, StatusNotification, WaitForIndexRequest } from '../server/src/protocol';
import { startStdioServer, SERVER_JS, type StdioServer } from '../test/support/stdioServer';
import { generateCorpus, option, random } from './generateCorpus';

const ARTICLES = Number(option('--articles', '5000'));
const EVENTS = Number(option('--events', '150'));
const SERVER = path.resolve(option('--server', SERVER_JS));

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function articleFiles(folder: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.txt')) out.push(path.join(entry.parentPath, entry.name));
  }
  return out.sort();
}

/** A new article of our own (invented names), different at each call. */
function sampleArticle(n: number): string {
  return `Churn sample ${n}\ndate 2024-05-${String(1 + (n % 28)).padStart(2, '0')}\n\nHedda Quill met Tomas Brandt${n} in Oslo on Tuesday; 3${n} workers waited.\n`;
}

/** The export's lines with the file column, sorted: equal for equal indexes. */
async function exportOf(server: StdioServer, file: string): Promise<string[]> {
  await server.connection.sendRequest(ExportRequest, { format: 'jsonl', path: file });
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).sort();
}

/**
 * Changes the folder `count` times while the server indexes it: renames (to another batch
 * folder or in place), deletes, creates and rewrites, each announced like a watcher would
 * (a rename as delete + create in one batch, a fifth of the batches a little late).
 */
async function churn(server: StdioServer, folder: string, count: number, progress: () => { indexing: boolean; indexed: number }): Promise<{ whileIndexing: number }> {
  const rnd = random(7);
  const files = articleFiles(folder);
  const late: Promise<void>[] = [];
  let whileIndexing = 0;
  const send = (changes: { uri: string; type: FileChangeType }[]) => {
    const deliver = () => server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
    if (rnd() < 0.2) late.push(new Promise((resolve) => setTimeout(() => void deliver().then(resolve), 30 + rnd() * 200)));
    else void deliver();
  };
  const uri = (p: string) => URI.file(p).toString();
  for (let i = 0; i < count; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5 + rnd() * 20));
    const { indexing, indexed } = progress();
    if (indexing) whileIndexing++;
    const roll = rnd();
    // Mostly the files the index is reading now (it goes through them in path order), where a
    // change meets a read or an analysis under way; else anywhere.
    const near = () => Math.min(files.length - 1, indexed + Math.floor(rnd() * 48));
    const pick = () => files.splice(rnd() < 0.7 ? near() : Math.floor(rnd() * files.length), 1)[0];
    const fresh = path.join(folder, `batch-00${Math.floor(rnd() * 5)}`, `churn-${i}.txt`);
    if (roll < 0.35) {
      const from = pick();
      renameSync(from, fresh);
      files.push(fresh);
      send([{ uri: uri(from), type: FileChangeType.Deleted }, { uri: uri(fresh), type: FileChangeType.Created }]);
    } else if (roll < 0.6) {
      const gone = pick();
      unlinkSync(gone);
      send([{ uri: uri(gone), type: FileChangeType.Deleted }]);
    } else if (roll < 0.8) {
      writeFileSync(fresh, sampleArticle(i));
      files.push(fresh);
      send([{ uri: uri(fresh), type: FileChangeType.Created }]);
    } else {
      const changed = files[near()];
      writeFileSync(changed, sampleArticle(i));
      send([{ uri: uri(changed), type: FileChangeType.Changed }]);
    }
  }
  await Promise.all(late);
  return { whileIndexing };
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'corpus-lens-churn-'));
  try {
    const folder = path.join(work, 'corpus');
    generateCorpus(ARTICLES, 1, folder);
    rmSync(path.join(folder, '.generated.json'));
    writeFileSync(path.join(folder, '.corpuslens.json'), '{}\n');
    console.log(`Server: ${SERVER}\nFolder: ${ARTICLES} generated articles; ${EVENTS} file changes during a cold index`);

    const started = performance.now();
    const server = await startStdioServer(folder, { storagePath: path.join(work, 'storage-churned') }, SERVER);
    let state = 'starting';
    let indexed = 0;
    server.connection.onNotification(StatusNotification, (s) => {
      state = s.state;
      indexed = s.indexed;
    });
    // The changes begin once indexing has begun, so they meet reads and analyses under way.
    while (state !== 'indexing' && state !== 'ready') await new Promise((resolve) => setTimeout(resolve, 5));
    const { whileIndexing } = await churn(server, folder, EVENTS, () => ({ indexing: state === 'indexing', indexed }));
    const final = await server.connection.sendRequest(WaitForIndexRequest);
    const churnedMs = performance.now() - started;
    const churned = await exportOf(server, path.join(work, 'churned.jsonl'));
    const churnedRss = peakRssMb(server.child.pid!);
    await server.stop();

    const freshStarted = performance.now();
    const fresh = await startStdioServer(folder, { storagePath: path.join(work, 'storage-fresh') }, SERVER);
    const freshState = await fresh.connection.sendRequest(WaitForIndexRequest);
    const freshMs = performance.now() - freshStarted;
    const clean = await exportOf(fresh, path.join(work, 'fresh.jsonl'));
    const freshRss = peakRssMb(fresh.child.pid!);
    await fresh.stop();

    const onDisk = articleFiles(folder).length;
    const missing = clean.filter((line, i) => line !== churned[i]);
    const ghosts = new Set(churned.map((l) => (JSON.parse(l) as { file?: string }).file).filter((f) => f && !existsSync(path.join(folder, f))));
    console.log(`Changes: ${EVENTS} (${whileIndexing} while the index was still reading)`);
    console.log(`Churned index: ${final.articles} articles, ${(churnedMs / 1000).toFixed(1)} s from start to ready, peak RSS ${churnedRss.toFixed(0)} MB`);
    console.log(`Fresh index:   ${freshState.articles} articles, ${(freshMs / 1000).toFixed(1)} s, peak RSS ${freshRss.toFixed(0)} MB`);
    console.log(`On disk:       ${onDisk} articles`);
    console.log(`Export lines:  churned ${churned.length}, fresh ${clean.length}, differing ${missing.length}; files exported that no longer exist: ${ghosts.size}`);
    const equal = final.articles === freshState.articles && freshState.articles === onDisk && missing.length === 0 && churned.length === clean.length && ghosts.size === 0;
    console.log(equal ? 'OK: the churned index equals a fresh index of the disk' : 'DIFFERENT: the churned index does not equal a fresh index');
    process.exitCode = equal ? 0 : 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});

