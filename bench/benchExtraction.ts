/**
 * Extraction speed: the whole of analyzeArticle on one core, in MB/s, over the gold texts
 * of ../shared/eval/dev, the seed articles of ../shared/corpus/seeds, and a generated corpus.
 * Prints CPU time (process.cpuUsage), so a busy machine skews it less than wall time.
 *
 * V8 needs several megabytes of varied text before the extraction code is fully optimized
 * (under 2 MB/s on a first pass over the gold texts here, about four times that once warm;
 * the CPU time includes V8's compiler threads), so the first pass over every set is timed on
 * its own as the cold-start speed, and the per-set numbers are taken after it: without that,
 * the first sets measured (CoNLL) came out several times slower than the same code on later
 * sets.
 *
 *   node out/bench/benchExtraction.js [--rounds 3] [--json]
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../server/src/analysis';
import { findNames } from '../server/src/analysis/names';
import { article, random } from './generateCorpus';

const root = path.resolve(__dirname, '..', '..');
const shared = path.resolve(root, '..', 'shared');
const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1]) || 3;

function goldTexts(): { name: string; texts: { text: string; docDate?: string }[] }[] {
  const dir = path.join(shared, 'eval', 'dev');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.jsonl$/, ''),
      texts: readFileSync(path.join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as { text: string; docDate?: string | null })
        .map((d) => ({ text: d.text, docDate: d.docDate ?? undefined })),
    }));
}

function seeds(): { text: string }[] {
  const dir = path.join(shared, 'corpus', 'seeds');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => ({ text: readFileSync(path.join(dir, f), 'utf8') }));
}

function generated(): { text: string }[] {
  const rnd = random(3);
  const people = Array.from({ length: 50 }, (_, i) => ({ first: `Ana${i}`, last: `Vel${i}x`, title: 'Minister' }));
  const orgs = Array.from({ length: 10 }, (_, i) => ({ name: `National Agency ${i}`, acronym: `NA${i}` }));
  return Array.from({ length: 300 }, (_, i) => article(rnd, i, people, orgs));
}

/** Best of `rounds` CPU-time measurements, in MB/s (UTF-16 length / 1e6 as MB). */
function speed(texts: { text: string; docDate?: string }[]): number {
  const megabytes = texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0) / 1e6;
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const before = process.cpuUsage();
    for (const t of texts) analyzeArticle(t.text, { articleDate: t.docDate });
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1e6);
  }
  return megabytes / best;
}

const sets = [...goldTexts(), { name: 'seeds', texts: seeds() }, { name: 'generated (bench corpus style)', texts: generated() }].filter((s) => s.texts.length > 0);
if (!existsSync(shared)) console.log(`../shared is absent (${shared}): measuring the generated articles only.`);

/** One pass over every text of every set, timed as a whole in a fresh process: the cold-start speed, in MB/s. */
function firstPass(): number {
  const texts: { text: string; docDate?: string }[] = sets.flatMap((set) => set.texts);
  const megabytes = texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0) / 1e6;
  const before = process.cpuUsage();
  for (const t of texts) analyzeArticle(t.text, { articleDate: t.docDate });
  const used = process.cpuUsage(before);
  return megabytes / ((used.user + used.system) / 1e6);
}
const cold = firstPass();

/**
 * The names stage alone over the gold texts, with the tagger and with the rules alone, rounds
 * interleaved so a busy machine skews both alike: ms of CPU per MB.
 */
function namesCost(): { tagger: number; rules: number } | undefined {
  const texts = sets.filter((s) => s.name !== 'seeds' && !s.name.startsWith('generated')).flatMap((s) => s.texts);
  if (!texts.length) return undefined;
  const megabytes = texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0) / 1e6;
  const best = { tagger: Number.POSITIVE_INFINITY, rules: Number.POSITIVE_INFINITY };
  for (let r = 0; r < rounds; r++) {
    for (const which of ['tagger', 'rules'] as const) {
      const before = process.cpuUsage();
      for (const t of texts) findNames(t.text, which === 'rules' ? { tagger: null } : {});
      const used = process.cpuUsage(before);
      best[which] = Math.min(best[which], (used.user + used.system) / 1e3 / megabytes);
    }
  }
  return best;
}
const names = namesCost();
const rows = sets.map((s) => ({ name: s.name, megabytes: s.texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0) / 1e6, mbPerSecond: speed(s.texts) }));
const gold = rows.filter((r) => r.name !== 'seeds' && !r.name.startsWith('generated'));
const overall = gold.length ? gold.reduce((n, r) => n + r.megabytes, 0) / gold.reduce((n, r) => n + r.megabytes / r.mbPerSecond, 0) : NaN;
if (args.includes('--json')) console.log(JSON.stringify({ rows, goldOverallMbPerSecond: overall, coldFirstPassMbPerSecond: cold, namesMsPerMb: names }));
else {
  console.log(`analyzeArticle speed, one core, CPU time, best of ${rounds} after one pass over every set`);
  for (const r of rows) console.log(`  ${r.name.padEnd(32)} ${r.megabytes.toFixed(2).padStart(7)} MB  ${r.mbPerSecond.toFixed(1).padStart(6)} MB/s`);
  if (gold.length) console.log(`  ${'all gold texts'.padEnd(32)} ${gold.reduce((n, r) => n + r.megabytes, 0).toFixed(2).padStart(7)} MB  ${overall.toFixed(1).padStart(6)} MB/s`);
  const all = rows.reduce((n, r) => n + r.megabytes, 0);
  console.log(`  ${'first pass over all sets (cold)'.padEnd(32)} ${all.toFixed(2).padStart(7)} MB  ${cold.toFixed(1).padStart(6)} MB/s`);
  if (names) console.log(`names stage on the gold texts: ${names.tagger.toFixed(1)} ms/MB with the tagger, ${names.rules.toFixed(1)} ms/MB with the rules alone`);
}
