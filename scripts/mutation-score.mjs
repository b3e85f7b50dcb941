// npm run mutate:score -- report.json [report.json ...]
// One score out of several StrykerJS JSON reports, since the whole run is too long for one
// sitting: full reports (npx stryker run --mutate ..., copied aside) count every mutant of their
// files, a later report replacing an earlier one file by file; sample reports (npm run
// mutate:sample) estimate the files no full report covers, from their drawn mutants only, with a
// 95% Wilson interval; recheck reports (npm run mutate:sample -- --recheck) give the new status of
// full reports' survivors. Prints the score per file, the surviving mutants, and the whole.
import { readFileSync } from 'node:fs';

const paths = process.argv.slice(2);
if (!paths.length) {
  console.error('usage: npm run mutate:score -- reports/mutation/a.json [more reports]');
  process.exit(2);
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const full = new Map(); // file -> mutants
const samples = [];
const rechecks = [];
for (const p of paths) {
  const report = JSON.parse(readFileSync(p, 'utf8'));
  if (report.corpusLensSample) samples.push({ path: p, report });
  else if (report.corpusLensRecheck) rechecks.push(report);
  else for (const [file, { mutants }] of Object.entries(report.files)) full.set(file, mutants.map((m) => ({ ...m })));
}
const keyOf = (file, m) => `${file}|${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column}|${m.mutatorName}|${m.replacement}`;
/** A drawn mutant's key: plans hold the instrumenter's positions (0-based), reports 1-based ones. */
const drawnKey = (s) => keyOf(s.file, { ...s, location: { start: { line: s.location.start.line + 1, column: s.location.start.column + 1 }, end: { line: s.location.end.line + 1, column: s.location.end.column + 1 } } });
for (const report of rechecks) {
  const drawn = new Set(report.corpusLensRecheck.sample.map(drawnKey));
  const now = new Map();
  for (const [file, { mutants }] of Object.entries(report.files)) for (const m of mutants) if (drawn.has(keyOf(file, m))) now.set(keyOf(file, m), m.status);
  let changed = 0;
  for (const [file, mutants] of full) {
    for (const m of mutants) {
      const status = now.get(keyOf(file, m));
      if (status && status !== m.status && status !== 'Ignored') (m.status = status, changed++);
    }
  }
  console.log(`recheck: ${now.size} surviving mutants run again, ${changed} now killed or changed`);
}

const short = (file) => file.replace(/^server\/src\//, '');
const describe = (file, m) => `${short(file)}:${m.location.start.line} ${m.mutatorName}${m.status === 'NoCoverage' ? ' (no coverage)' : m.replacement !== undefined ? ` → ${JSON.stringify(m.replacement).slice(0, 50)}` : ''}`;
const pct = (x) => `${(100 * x).toFixed(1)}%`;

let detected = 0;
let valid = 0;
const survivors = [];
const rows = [];
for (const [file, mutants] of [...full].sort(([a], [b]) => a.localeCompare(b))) {
  let d = 0;
  let v = 0;
  for (const m of mutants) {
    if (DETECTED.has(m.status)) (d++, v++);
    else if (UNDETECTED.has(m.status)) (v++, survivors.push(describe(file, m)));
  }
  detected += d;
  valid += v;
  rows.push(`${pct(d / Math.max(1, v)).padStart(6)}  ${String(d).padStart(4)}/${String(v).padEnd(4)} ${short(file)}`);
}
if (full.size) {
  console.log(`Measured in full (${full.size} files):`);
  console.log(rows.join('\n'));
  console.log(`score over them: ${pct(detected / Math.max(1, valid))} (${detected} of ${valid} killed or timed out)`);
}

function wilson(k, n) {
  const z = 1.96;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [centre - half, centre + half];
}

// Several samples of one population are not added up: the whole takes the last one given.
let whole;
for (const { path, report } of samples) {
  const plan = report.corpusLensSample;
  // The drawn mutants of files no full report measured; everything else the run tested is extra.
  const drawn = new Set(plan.sample.filter((s) => !full.has(s.file)).map(drawnKey));
  let k = 0;
  let n = 0;
  let invalid = 0;
  const sampleSurvivors = [];
  for (const [file, { mutants }] of Object.entries(report.files)) {
    for (const m of mutants) {
      if (!drawn.delete(keyOf(file, m))) continue;
      if (DETECTED.has(m.status)) (k++, n++);
      else if (UNDETECTED.has(m.status)) (n++, sampleSurvivors.push(describe(file, m)));
      else invalid++;
    }
  }
  const popN = Object.entries(plan.population).filter(([f]) => !full.has(f)).reduce((s, [, c]) => s + c, 0);
  if (!n) continue;
  const [low, high] = wilson(k, n);
  console.log(`\nSample ${path} (seed ${plan.seed}): ${k} of ${n} drawn mutants killed or timed out = ${pct(k / n)}, 95% interval ${pct(low)}–${pct(high)}, over ${popN} mutants in the files it stands for${invalid ? ` (${invalid} drawn mutants did not compile or were ignored)` : ''}${drawn.size ? `; ${drawn.size} drawn mutants missing from the report` : ''}`);
  console.log(`surviving drawn mutants (${sampleSurvivors.length}):\n${sampleSurvivors.sort().join('\n')}`);
  // Approximation: the population's invalid (compile error) share is taken as the sample's.
  const popValid = popN * (n / (n + invalid));
  whole = { low: detected + low * popValid, mid: detected + (k / n) * popValid, high: detected + high * popValid, n: valid + popValid };
}

if (full.size) console.log(`\nsurviving mutants of the files measured in full (${survivors.length}):\n${survivors.join('\n')}`);
if (whole) {
  console.log(`\nWhole (measured files exact, the rest estimated): ${pct(whole.mid / whole.n)} (95% interval ${pct(whole.low / whole.n)}–${pct(whole.high / whole.n)}) over about ${Math.round(whole.n)} mutants`);
}
