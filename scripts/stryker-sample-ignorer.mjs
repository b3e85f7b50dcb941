// A StrykerJS ignorer for `npm run mutate:sample`: of the nodes inside the sampled ranges, keep only
// the sampled nodes themselves (and the nodes on the way down to one), so the run tests the drawn
// mutants rather than everything nested inside a drawn block. The plan file is named by
// CORPUS_LENS_MUTATION_PLAN (written by scripts/mutation-sample.mjs).
import { readFileSync } from 'node:fs';
import { PluginKind, declareValuePlugin } from '@stryker-mutator/api/plugin';

const planFile = process.env.CORPUS_LENS_MUTATION_PLAN;
/** file (relative, forward slashes) -> sampled node locations, Babel lines (1-based) */
const sampled = new Map();
if (planFile) {
  for (const { file, location } of JSON.parse(readFileSync(planFile, 'utf8')).sample) {
    const list = sampled.get(file) ?? [];
    list.push({ start: { line: location.start.line + 1, column: location.start.column }, end: { line: location.end.line + 1, column: location.end.column } });
    sampled.set(file, list);
  }
}

const before = (a, b) => a.line < b.line || (a.line === b.line && a.column <= b.column);
const same = (a, b) => a.start.line === b.start.line && a.start.column === b.start.column && a.end.line === b.end.line && a.end.column === b.end.column;
const contains = (outer, inner) => before(outer.start, inner.start) && before(inner.end, outer.end);

function locationsOf(path) {
  const name = String(path.hub?.file?.opts?.filename ?? '').replace(/\\/g, '/');
  for (const [file, list] of sampled) if (name.endsWith(`/${file}`) || name === file) return list;
  return undefined;
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'corpus-lens-sample', {
    shouldIgnore(path) {
      const loc = path.node.loc;
      const list = locationsOf(path);
      if (!loc || !list) return undefined;
      if (list.some((s) => same(s, loc) || contains(loc, s))) return undefined;
      return 'not in the drawn sample (npm run mutate:sample)';
    },
  }),
];
