// npm run mutate:sample -- [--size 600] [--seed 1] [--skip-measured report.json ...] [--skip server/src/x.ts ...]
// npm run mutate:sample -- --recheck report.json ...   (only the mutants those reports left alive)
// The whole `npm run mutate` is many hours on two cores. This draws a seeded uniform random sample
// of its mutants (leaving out the files that the given full reports measured already), runs
// StrykerJS on exactly those (the ranges select them, scripts/stryker-sample-ignorer.mjs drops what
// lies nested inside a drawn block) and prints the estimated score with its 95% interval.
// The report, with the draw in it, is reports/mutation/sample-<seed>-<size>.json.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Instrumenter } from '@stryker-mutator/instrumenter';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '600' },
    seed: { type: 'string', default: '1' },
    'skip-measured': { type: 'string', multiple: true, default: [] },
    skip: { type: 'string', multiple: true, default: [] },
    recheck: { type: 'string', multiple: true, default: [] },
  },
});
const size = Number(values.size);
const seed = Number(values.seed);
if (!Number.isInteger(size) || size < 1 || !Number.isInteger(seed)) throw new Error('mutate:sample: --size and --seed take whole numbers');

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

// The same files `npm run mutate` mutates: server/src outside analysis/.
function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) return p === 'server/src/analysis' ? [] : sources(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}
const quiet = { isDebugEnabled: () => false, isTraceEnabled: () => false, debug() {}, trace() {}, info() {}, warn() {}, error() {} };
const options = { plugins: null, excludedMutations: [], ignorers: [], noHeader: true };

/** The mutants to run, as the instrumenter places them (0-based lines, 0-based columns). */
let sample;
const population = {};
if (values.recheck.length) {
  // Incremental mode reuses nothing with the tap runner, so after writing tests this re-runs just
  // the survivors of earlier full reports (report positions are 1-based in both).
  sample = values.recheck.flatMap((f) =>
    Object.entries(JSON.parse(readFileSync(f, 'utf8')).files).flatMap(([fileName, { mutants }]) =>
      mutants
        .filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')
        .map((m) => ({ fileName, mutatorName: m.mutatorName, replacement: m.replacement, location: { start: { line: m.location.start.line - 1, column: m.location.start.column - 1 }, end: { line: m.location.end.line - 1, column: m.location.end.column - 1 } } })),
    ),
  );
  if (!sample.length) throw new Error('mutate:sample: the reports to recheck have no surviving mutants');
} else {
  const measured = new Set([...values.skip, ...values['skip-measured'].flatMap((f) => Object.keys(JSON.parse(readFileSync(f, 'utf8')).files ?? {}))]);
  const files = sources('server/src').filter((f) => !measured.has(f)).sort();
  const { mutants } = await new Instrumenter(quiet).instrument(files.map((name) => ({ name, content: readFileSync(name, 'utf8'), mutate: true })), options);
  // Seeded Fisher–Yates, so a draw can be repeated after the tests change.
  let state = seed >>> 0 || 1;
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const order = mutants.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  sample = order.slice(0, Math.min(size, order.length)).map((i) => mutants[i]);
  for (const m of mutants) population[m.fileName] = (population[m.fileName] ?? 0) + 1;
  console.log(`mutate:sample: ${sample.length} of ${mutants.length} mutants in ${files.length} files (seed ${seed}${measured.size ? `; ${measured.size} files measured in full left out` : ''})`);
}

mkdirSync('reports/mutation', { recursive: true });
const planFile = path.resolve('reports/mutation/sample-plan.json');
const recheck = values.recheck.length > 0;
const plan = {
  recheck,
  seed,
  size: sample.length,
  population,
  sample: sample.map((m) => ({ file: m.fileName, mutatorName: m.mutatorName, replacement: m.replacement, location: m.location })),
};
writeFileSync(planFile, JSON.stringify(plan));

// Stryker's mutate ranges: 1-based lines, 0-based columns.
const range = ({ file, location: { start, end } }) => `${file}:${start.line + 1}:${start.column}-${end.line + 1}:${end.column}`;
const config = JSON.parse(readFileSync('stryker.config.json', 'utf8'));
delete config.$schema;
Object.assign(config, {
  mutate: [...new Set(plan.sample.map(range))],
  plugins: ['@stryker-mutator/*', path.resolve('scripts/stryker-sample-ignorer.mjs')],
  ignorers: ['corpus-lens-sample'],
  incremental: false,
  reporters: ['progress', 'json'],
});
const configFile = path.resolve('reports/mutation/stryker-sample.config.json');
writeFileSync(configFile, JSON.stringify(config, null, 1));

if (recheck) console.log(`mutate:sample: rechecking the ${sample.length} surviving mutants of ${values.recheck.join(', ')}`);
const run = spawnSync('npx', ['stryker', 'run', configFile], { stdio: 'inherit', env: { ...process.env, CORPUS_LENS_MUTATION_PLAN: planFile } });
if (run.status !== 0) process.exit(run.status ?? 1);

const out = recheck ? `reports/mutation/recheck-${sample.length}.json` : `reports/mutation/sample-${seed}-${sample.length}.json`;
const report = JSON.parse(readFileSync(config.jsonReporter.fileName, 'utf8'));
writeFileSync(out, JSON.stringify({ ...report, [recheck ? 'corpusLensRecheck' : 'corpusLensSample']: plan }));
copyFileSync(planFile, `${out}.plan.json`);
console.log(`mutate:sample: report ${out}`);
spawnSync(process.execPath, ['scripts/mutation-score.mjs', ...values.recheck, out], { stdio: 'inherit' });
