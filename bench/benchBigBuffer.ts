/**
 * Huge open buffers through the bundled server: for each size, a buffer of invented names is
 * opened and its outline asked for, while a hover on a small article is asked every 50 ms (its
 * slowest answer is how long the server was blocked). Then five keystrokes on a 2 MB buffer of
 * 100,000 names, with the same probe. Prints times and the server's peak memory.
 *
 *   npm run bench:bigbuffer -- [--sizes 2,5,10,20,50] [--server dist/server.js] [--timeout 300] [--limit-kb 204800]
 *
 * With --limit-kb 2048 (the default setting) buffers over 2 MB are skipped with a message.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { DocumentSymbol } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { WaitForIndexRequest } from '../server/src/protocol';
import { startStdioServer, SERVER_JS, type StdioServer } from '../test/support/stdioServer';
import { option, random } from './generateCorpus';

const SIZES = option('--sizes', '2,5,10,20,50').split(',').map(Number);
const SERVER = path.resolve(option('--server', SERVER_JS));
const TIMEOUT_MS = Number(option('--timeout', '300')) * 1000;
/** corpusLens.maxFileSizeKB for the run: raised by default so the big buffers are analysed, not skipped. */
const LIMIT_KB = Number(option('--limit-kb', String(200 * 1024)));

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'dor', 'va', 'sel', 'tin', 'bra', 'mo', 'ne', 'quis', 'har', 'el', 'ost', 'ru', 'fen', 'al', 'cor', 'da'];

/** About `bytes` of text: a headline, then short sentences each naming an invented person (one name in 20 bytes). */
export function namesBuffer(bytes: number, seed = 1): { text: string; names: number } {
  const rnd = random(seed);
  const word = (n: number) => {
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
    return w[0].toUpperCase() + w.slice(1);
  };
  const parts = ['Names Sample\ndate 2024-05-02\n\n'];
  let size = parts[0].length;
  let names = 0;
  while (size < bytes) {
    const line = `${word(2)} ${word(3)} spoke.\n`;
    parts.push(line);
    size += line.length;
    names++;
  }
  return { text: parts.join(''), names };
}

/** Asks for a hover on the small article every 50 ms while `work` runs; returns the work's result and the slowest hover. */
async function probed<T>(server: StdioServer, smallUri: string, work: () => Promise<T>): Promise<{ result: T; ms: number; slowestHoverMs: number; hovers: number }> {
  let running = true;
  let slowest = 0;
  let hovers = 0;
  const probe = (async () => {
    while (running) {
      const t = performance.now();
      await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: smallUri }, position: { line: 3, character: 2 } });
      slowest = Math.max(slowest, performance.now() - t);
      hovers++;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const t = performance.now();
  const result = await Promise.race([work(), new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), TIMEOUT_MS))]);
  const ms = performance.now() - t;
  running = false;
  await probe;
  return { result: result as T, ms, slowestHoverMs: slowest, hovers };
}

function peakRssMb(pid: number): number {
  const status = require('node:fs').readFileSync(`/proc/${pid}/status`, 'utf8') as string;
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function describeOutline(symbols: DocumentSymbol[] | undefined): string {
  if (!symbols) return 'no answer (timed out)';
  if (symbols.length === 0) return 'empty outline';
  const people = symbols.find((s) => s.name === 'People');
  return people ? `People: ${people.children?.length ?? 0} shown, detail "${people.detail}"` : `${symbols.length} symbols, no People group`;
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'corpus-lens-bigbuffer-'));
  const folder = path.join(work, 'corpus');
  require('node:fs').mkdirSync(folder);
  writeFileSync(path.join(folder, '.corpuslens.json'), '{}\n');
  writeFileSync(path.join(folder, 'small.txt'), 'Small Sample\ndate 2024-05-02\n\nIlse Marrow met Tomas Brandt in Oslo on Tuesday.\n');
  const smallUri = URI.file(path.join(folder, 'small.txt')).toString();
  console.log(`Server: ${SERVER}`);
  try {
    const server = await startStdioServer(folder, undefined, SERVER, { enable: true, maxFileSizeKB: LIMIT_KB });
    await server.connection.sendRequest(WaitForIndexRequest);
    for (const mb of SIZES) {
      const { text, names } = namesBuffer(mb * 1024 * 1024, mb);
      const uri = URI.file(path.join(folder, `big-${mb}.txt`)).toString();
      const outline = await probed(server, smallUri, async () => {
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'article', version: 1, text } });
        return (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
      });
      const skipped = server.logs.find((l) => l.includes(`big-${mb}.txt`) && l.includes('size limit'));
      if (skipped) console.log(`  skipped with the message: ${skipped}`);
      console.log(`${mb} MB (${names} names): open → outline ${(outline.ms / 1000).toFixed(2)} s, slowest hover meanwhile ${(outline.slowestHoverMs / 1000).toFixed(2)} s (${outline.hovers} hovers); ${describeOutline(outline.result)}; peak RSS ${peakRssMb(server.child.pid!).toFixed(0)} MB`);
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      if (outline.result === undefined) break;
    }
    await server.stop();

    // Five keystrokes on an open 2 MB buffer of 100,000 names.
    const typing = await startStdioServer(folder, undefined, SERVER, { enable: true, maxFileSizeKB: LIMIT_KB });
    await typing.connection.sendRequest(WaitForIndexRequest);
    const { text, names } = namesBuffer(2 * 1024 * 1024 * 0.98, 7);
    const uri = URI.file(path.join(folder, 'typed.txt')).toString();
    await typing.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'article', version: 1, text } });
    await typing.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    const lines = text.split('\n').length;
    const keystrokes = await probed(typing, smallUri, async () => {
      for (let v = 2; v <= 6; v++) {
        await typing.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: { line: lines - 1, character: v - 2 }, end: { line: lines - 1, character: v - 2 } }, text: 'x' }] });
        await new Promise((resolve) => setTimeout(resolve, 120));
      }
      return (await typing.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    });
    console.log(`Five keystrokes 120 ms apart on a 2 MB buffer of ${names} names: last keystroke → outline of version 6 in ${((keystrokes.ms - 600) / 1000).toFixed(2)} s, slowest hover on another article meanwhile ${(keystrokes.slowestHoverMs / 1000).toFixed(2)} s (${keystrokes.hovers} hovers); ${describeOutline(keystrokes.result)}; peak RSS ${peakRssMb(typing.child.pid!).toFixed(0)} MB`);
    await typing.stop();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
