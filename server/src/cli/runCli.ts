import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { URI } from 'vscode-uri';
import { analyzeArticle } from '../analysis';
import { Corpus } from '../corpus/corpus';
import { exportCorpus } from '../corpus/exportCorpus';
import { writeLines } from '../host/writeLines';
import { NodeArticleSource } from '../host/nodeArticleSource';
import { DEFAULT_SETTINGS } from '../settings';
import { Workspace } from '../workspace';
import { formatSummary, summarizeCorpus } from './summary';
import { toPredictionSpans } from './predictions';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = `Usage:
  corpus-lens scan <folder> [--json] [--top N]   summarise the articles (*.txt) under a folder
  corpus-lens export --format csv|jsonl <folder> [--out FILE]
                                                  every entity and mention (file, offsets, values; corrections applied)
  corpus-lens extract --from-jsonl FILE           read {id, text, docDate} lines, write predictions as JSONL
  corpus-lens --help
`;

/** Runs the command line; returns the exit code. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'scan') return scan(rest, io);
  if (command === 'extract') return extract(rest, io);
  if (command === 'export') return exportCommand(rest, io);
  io.err(`corpus-lens: unknown command "${command}"\n${USAGE}`);
  return 2;
}

/** Indexes one folder the way the server does (its .corpuslens.json corrections included). */
async function indexFolder(folder: string, problems: string[]): Promise<Workspace> {
  const workspace = new Workspace(new NodeArticleSource(), { log: (m) => problems.push(m), progress: () => undefined });
  workspace.setFolders([{ uri: URI.file(folder).toString(), fsPath: folder, settings: DEFAULT_SETTINGS }]);
  await workspace.indexAll();
  return workspace;
}

async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const format = value('--format') ?? 'jsonl';
  if (format !== 'csv' && format !== 'jsonl') {
    io.err(`corpus-lens export: --format must be csv or jsonl, not "${format}"\n`);
    return 2;
  }
  const folderArg = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--format' && args[i - 1] !== '--out');
  const folder = folderArg && path.resolve(folderArg);
  if (!folder || !(await fs.stat(folder).catch(() => undefined))?.isDirectory()) {
    io.err(`corpus-lens export: which folder?\n${USAGE}`);
    return 2;
  }
  const problems: string[] = [];
  const workspace = await indexFolder(folder, problems);
  for (const p of problems) io.err(`${p}\n`);
  const lines = exportCorpus(workspace.corpus, format, (uri) => path.relative(folder, URI.parse(uri).fsPath).split(path.sep).join('/'));
  const out = value('--out');
  if (out) {
    const count = await writeLines(path.resolve(out), lines);
    io.err(`Wrote ${count} lines to ${out}\n`);
  } else for (const line of lines) io.out(`${line}\n`);
  return 0;
}

async function scan(args: string[], io: CliIo): Promise<number> {
  const json = args.includes('--json');
  const topIndex = args.indexOf('--top');
  const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 15;
  const folderArg = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--top');
  if (!folderArg) {
    io.err(`corpus-lens scan: which folder?\n${USAGE}`);
    return 2;
  }
  const folder = path.resolve(folderArg);
  const stat = await fs.stat(folder).catch(() => undefined);
  if (!stat?.isDirectory()) {
    io.err(`corpus-lens scan: ${folder} is not a folder\n`);
    return 2;
  }
  const problems: string[] = [];
  const started = process.hrtime.bigint();
  const workspace = await indexFolder(folder, problems);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const summary = summarizeCorpus(workspace.corpus, { top: Number.isFinite(top) && top > 0 ? top : 15, root: folder });
  if (json) io.out(`${JSON.stringify({ ...summary, problems, milliseconds: Math.round(ms) }, null, 2)}\n`);
  else {
    io.out(formatSummary(summary));
    io.out(`\nIndexed in ${Math.round(ms)} ms.\n`);
    for (const p of problems) io.err(`${p}\n`);
  }
  return 0;
}

async function extract(args: string[], io: CliIo): Promise<number> {
  const i = args.indexOf('--from-jsonl');
  const file = i >= 0 ? args[i + 1] : undefined;
  if (!file) {
    io.err(`corpus-lens extract: --from-jsonl FILE is required\n${USAGE}`);
    return 2;
  }
  const corpus = new Corpus();
  const ids: string[] = [];
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNumber = 0;
  let bad = 0;
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    let doc: { id?: unknown; text?: unknown; docDate?: unknown };
    try {
      doc = JSON.parse(line);
    } catch {
      io.err(`${file}:${lineNumber}: not JSON, skipped\n`);
      bad++;
      continue;
    }
    if (typeof doc.id !== 'string' && typeof doc.id !== 'number') {
      io.err(`${file}:${lineNumber}: no id, skipped\n`);
      bad++;
      continue;
    }
    const id = String(doc.id);
    const text = typeof doc.text === 'string' ? doc.text : '';
    const docDate = typeof doc.docDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(doc.docDate) ? doc.docDate : undefined;
    corpus.setArticle(`doc:${id}`, id, text, analyzeArticle(text, { articleDate: docDate }));
    ids.push(id);
  }
  // Entity ids are assigned once every document is in, so "Putin" can join "Vladimir Putin".
  for (const id of ids) {
    const record = corpus.article(`doc:${id}`)!;
    io.out(`${JSON.stringify({ id, spans: toPredictionSpans(corpus, record) })}\n`);
  }
  return bad > 0 && ids.length === 0 ? 1 : 0;
}
