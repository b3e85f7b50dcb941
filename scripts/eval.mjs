#!/usr/bin/env node
// npm run eval: runs `corpus-lens extract` on every gold file in ../shared/eval/dev, scores the
// predictions with ../shared/eval/score.mjs (the project never judges itself) and prints one
// table. Predictions go to .cache/eval (git-ignored). `--json` prints the raw numbers.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = process.env.CORPUS_LENS_EVAL ?? resolve(root, '..', 'shared', 'eval');
const devDir = join(evalDir, 'dev');
const scorer = join(evalDir, 'score.mjs');
const json = process.argv.includes('--json');
const only = process.argv.filter((a) => !a.startsWith('--')).slice(2);

if (!existsSync(devDir) || !existsSync(scorer)) {
  console.log(`npm run eval: no gold data at ${evalDir} (expected dev/*.jsonl and score.mjs beside the repo); nothing to measure.`);
  process.exit(0);
}
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('npm run eval: dist/cli.js is missing; run `npm run build` first.');
  process.exit(1);
}
const outDir = join(root, '.cache', 'eval');
mkdirSync(outDir, { recursive: true });

const files = readdirSync(devDir).filter((f) => f.endsWith('.jsonl') && (only.length === 0 || only.some((o) => f.includes(o)))).sort();
const rows = [];
for (const file of files) {
  const gold = join(devDir, file);
  const pred = join(outDir, file.replace(/\.jsonl$/, '.pred.jsonl'));
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [cli, 'extract', '--from-jsonl', gold], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) {
    console.error(`extract failed on ${file}:\n${run.stderr}`);
    process.exit(1);
  }
  writeFileSync(pred, run.stdout);
  const scored = spawnSync(process.execPath, [scorer, '--gold', gold, '--pred', pred, '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (scored.status !== 0) {
    console.error(`scoring failed on ${file}:\n${scored.stderr}`);
    process.exit(1);
  }
  rows.push({ file, seconds, megabytes: statSync(gold).size / 1e6, score: JSON.parse(scored.stdout) });
}

// The targets are set on pairs of files scored together: score each pair whose
// files are both present as one gold file and one prediction file.
const PAIRS = [
  { name: 'meantime (apple+gm)', files: ['meantime-apple.jsonl', 'meantime-gm.jsonl'] },
  { name: 'tempeval3 (both)', files: ['tempeval3-aquaint.jsonl', 'tempeval3-timebank.jsonl'] },
];
for (const pair of PAIRS) {
  if (!pair.files.every((f) => rows.some((r) => r.file === f))) continue;
  const stem = join(outDir, pair.files.map((f) => f.replace(/\.jsonl$/, '')).join('+'));
  const join2 = (paths) => paths.map((p) => readFileSync(p, 'utf8').replace(/\n*$/, '\n')).join('');
  writeFileSync(`${stem}.gold.jsonl`, join2(pair.files.map((f) => join(devDir, f))));
  writeFileSync(`${stem}.pred.jsonl`, join2(pair.files.map((f) => join(outDir, f.replace(/\.jsonl$/, '.pred.jsonl')))));
  const scored = spawnSync(process.execPath, [scorer, '--gold', `${stem}.gold.jsonl`, '--pred', `${stem}.pred.jsonl`, '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (scored.status !== 0) {
    console.error(`scoring failed on ${pair.name}:\n${scored.stderr}`);
    process.exit(1);
  }
  rows.push({ file: pair.name, seconds: 0, megabytes: 0, score: JSON.parse(scored.stdout) });
}

if (json) {
  console.log(JSON.stringify(rows.map((r) => ({ file: r.file, seconds: r.seconds, score: r.score })), null, 2));
  process.exit(0);
}

// The shipped tagger learned from these dev files (tools/tagger/data.ts): their names scores are a
// fit, not a measure; `npm run cross-validate` scores each with its own documents left out.
const TRAINED_ON = ['meantime-apple', 'meantime-gm', 'gum-news-train', 're3d-dev', 'meantime (apple+gm)'];
const f = (x) => (x === null || x === undefined ? '    —' : x.toFixed(3).padStart(5));
const header = ['file', 'names exact F1', 'names relaxed F1', 'dates extent F1', 'dates value F1', 'figures F1', 'coref B3 F1'];
console.log(`Scored with ${scorer} (gold from ${devDir})\n`);
console.log(`${header[0].padEnd(26)}${header.slice(1).map((h) => h.padStart(18)).join('')}`);
for (const r of rows) {
  const s = r.score;
  const hasNer = s.ner && s.ner.gold > 0;
  const hasDates = s.dates && s.dates.gold > 0;
  const hasFig = s.figures && s.figures.gold > 0;
  const hasCoref = s.coref && s.coref.mentions > 0;
  const cells = [
    hasNer ? f(s.ner.exact.F1) + (TRAINED_ON.includes(r.file.replace(/\.jsonl$/, '')) ? '*' : ' ') : '    —',
    hasNer ? f(s.ner.relaxed.F1) : '    —',
    hasDates ? f(s.dates.relaxed.F1) : '    —',
    hasDates && s.dates.value ? f(s.dates.value.F1) : '    —',
    hasFig ? f(s.figures.relaxed.F1) : '    —',
    hasCoref ? f(s.coref.b3.F1) : '    —',
  ];
  console.log(`${r.file.replace(/\.jsonl$/, '').padEnd(26)}${cells.map((c) => c.padStart(18)).join('')}`);
}
console.log('\nThe last rows score pairs of files together, as the targets are set. — means the file has no gold of that kind. Full tables: node ../shared/eval/score.mjs --gold G --pred .cache/eval/X.pred.jsonl');
console.log('* the shipped name tagger learned from this file: its names score is a fit; `npm run cross-validate` gives the score with the file left out of training.');
