/**
 * Development aid: where the blended names stage and the rules alone disagree on one dev file,
 * with the model trained without that file's dataset. Lists gold names one gets and the other
 * misses, and false positives of each (exact spans, types compared).
 *
 *   node out/tools/tagger/diff.js meantime-gm [--fold meantime]
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findNames } from '../../server/src/analysis/names';
import { PhraseIndex, buildListPhrases } from '../../server/src/analysis/tagger/phrases';
import { makeTagger, type Tagger } from '../../server/src/analysis/tagger/tagger';
import { loadTrainingDocs } from './data';
import { DEV_DATASET } from './crossValidate';
import { DEFAULT_OPTIONS, trainingSet } from './recipe';
import { trainModel } from './train';

const shared = path.resolve(__dirname, '..', '..', '..', '..', 'shared');
const args = process.argv.slice(2);
const file = args[0];
const fold = args.includes('--fold') ? args[args.indexOf('--fold') + 1] : (DEV_DATASET[file] ?? 'none');
const index = new PhraseIndex();
buildListPhrases(index);
const { model } = trainModel(trainingSet(loadTrainingDocs(shared).filter((d) => d.dataset !== fold)), index, DEFAULT_OPTIONS);
const tagger: Tagger = makeTagger(model, index);
const KIND: Record<string, string> = { person: 'PERSON', org: 'ORG', place: 'LOC' };
const out: Record<string, string[]> = { ruleOnly: [], modelOnly: [], fpModel: [], fpRule: [] };
for (const line of readFileSync(path.join(shared, 'eval', 'dev', `${file}.jsonl`), 'utf8').split('\n').filter(Boolean)) {
  const d = JSON.parse(line) as { text: string; spans: Array<{ start: number; end: number; type: string; mentionType?: string }> };
  const gold = d.spans.filter((s) => ['PERSON', 'ORG', 'LOC'].includes(s.type) && (!('mentionType' in s) || s.mentionType === 'NAM' || s.mentionType === 'PRE.NAM'));
  const region = file.startsWith('meantime') ? nthLineEnd(d.text, 6) : d.text.length;
  const asSpans = (t: Tagger | null) => findNames(d.text, { tagger: t }).filter((m) => !m.demonym && m.start < region).map((m) => ({ start: m.start, end: m.end, type: KIND[m.kind] }));
  const rules = asSpans(null);
  const blended = asSpans(tagger);
  const hit = (list: typeof rules, g: { start: number; end: number; type: string }) => list.some((p) => p.start === g.start && p.end === g.end && p.type === g.type);
  const ctx = (s: { start: number; end: number }) => d.text.slice(Math.max(0, s.start - 25), s.end + 25).replace(/\n/g, ' / ');
  for (const g of gold) {
    const r = hit(rules, g);
    const m = hit(blended, g);
    if (r && !m) out.ruleOnly.push(`${g.type} "${d.text.slice(g.start, g.end)}" model: ${describe(blended, g, d.text)} | ${ctx(g)}`);
    if (m && !r) out.modelOnly.push(`${g.type} "${d.text.slice(g.start, g.end)}" rules: ${describe(rules, g, d.text)} | ${ctx(g)}`);
  }
  for (const [list, key] of [[blended, 'fpModel'], [rules, 'fpRule']] as const) {
    for (const p of list) if (!gold.some((g) => g.start < p.end && p.start < g.end)) out[key].push(`${p.type} "${d.text.slice(p.start, p.end)}" | ${ctx(p)}`);
  }
}
for (const [k, v] of Object.entries(out)) console.log(`\n== ${k} (${v.length})\n${v.join('\n')}`);

function describe(list: Array<{ start: number; end: number; type: string }>, g: { start: number; end: number }, text: string): string {
  const o = list.filter((p) => p.start < g.end && g.start < p.end);
  return o.length ? o.map((p) => `${p.type} "${text.slice(p.start, p.end)}"`).join(', ') : 'nothing';
}

function nthLineEnd(text: string, n: number): number {
  let end = -1;
  for (let i = 0; i < n; i++) {
    end = text.indexOf('\n', end + 1);
    if (end < 0) return text.length;
  }
  return end;
}
