/**
 * Trains the name tagger: an averaged structured perceptron (Collins 2002) over the candidate runs
 * of every training document, with the same tokens, runs and features as the runtime
 * (server/src/analysis/tagger). Deterministic: documents are visited in an order drawn from a
 * seeded generator, sums are taken in a fixed order, so the same data gives the same bytes.
 */
import { ArticleEvidence, MAX_FEATURES, SegmentFeatures, WordTable } from '../../server/src/analysis/tagger/features';
import { TAG_COUNT, TYPES, tagOf, viterbi, type TaggerModel } from '../../server/src/analysis/tagger/model';
import type { PhraseIndex } from '../../server/src/analysis/tagger/phrases';
import { findSegments } from '../../server/src/analysis/tagger/segments';
import { ruleCodes } from '../../server/src/analysis/tagger/ruleCodes';
import { findRuleDrafts } from '../../server/src/analysis/names';
import { tokenize } from '../../server/src/analysis/tagger/tokenize';
import type { TrainDoc } from './data';

export interface TrainOptions {
  epochs: number;
  bucketBits: number;
  seed: number;
  /** Give the tagger the rule engine's names as features. */
  useRules?: boolean;
  /** Per-dataset update weight (default 1). */
  weights?: Record<string, number>;
  log?: (line: string) => void;
}

/** One candidate run with its gold tags and precomputed features. */
interface Instance {
  n: number;
  gold: Uint8Array;
  /** Feature ids, token-major; `offsets[i]..offsets[i+1]` are token i's. */
  features: Int32Array;
  offsets: Int32Array;
  weight: number;
}

export interface AlignmentStats {
  spans: number;
  unaligned: number;
  outsideRuns: number;
  tokens: number;
  runTokens: number;
}

/** Builds the training instances of a set of documents. */
export function buildInstances(docs: TrainDoc[], index: PhraseIndex, options: Pick<TrainOptions, 'weights' | 'useRules'> = {}): { instances: Instance[]; stats: AlignmentStats } {
  const stats: AlignmentStats = { spans: 0, unaligned: 0, outsideRuns: 0, tokens: 0, runTokens: 0 };
  const instances: Instance[] = [];
  const buffer = new Int32Array(MAX_FEATURES);
  const table = new WordTable(index);
  for (const doc of docs) {
    const tokens = tokenize(doc.text);
    stats.tokens += tokens.count;
    const tags = new Uint8Array(tokens.count);
    const segmentOf = new Int32Array(tokens.count).fill(-1);
    const segments = findSegments(tokens);
    for (let s = 0; s < segments.length; s += 2) for (let i = segments[s]; i < segments[s + 1]; i++) segmentOf[i] = s;
    for (const span of doc.spans) {
      stats.spans++;
      const [first, last] = tokenRange(tokens.start, tokens.end, tokens.count, span.start, span.end);
      if (first < 0) {
        stats.unaligned++;
        continue;
      }
      if (segmentOf[first] < 0 || segmentOf[first] !== segmentOf[last]) {
        stats.outsideRuns++;
        continue;
      }
      const type = TYPES.indexOf(span.type);
      tags[first] = tagOf(type, true);
      for (let i = first + 1; i <= last; i++) tags[i] = tagOf(type, false);
    }
    const evidence = new ArticleEvidence(tokens);
    if (options.useRules) evidence.ruleCodes = ruleCodes(tokens, findRuleDrafts(doc.text));
    const weight = options.weights?.[doc.dataset] ?? 1;
    for (let s = 0; s < segments.length; s += 2) {
      const start = segments[s];
      const end = segments[s + 1];
      const seg = new SegmentFeatures(evidence, table).moveTo(start, end);
      if (seg.isNeverName()) continue;
      const all: number[] = [];
      const offsets = new Int32Array(end - start + 1);
      for (let i = start; i < end; i++) {
        offsets[i - start] = all.length;
        const count = seg.features(i, buffer);
        for (let f = 0; f < count; f++) all.push(buffer[f]);
        for (const id of seg.words[i - start].ids) all.push(id);
      }
      offsets[end - start] = all.length;
      stats.runTokens += end - start;
      instances.push({ n: end - start, gold: tags.slice(start, end), features: Int32Array.from(all), offsets, weight });
    }
  }
  return { instances, stats };
}

/** The tokens [first, last] that a character span covers exactly (a final period of an abbreviation may be outside it), or [-1, -1]. */
function tokenRange(starts: Int32Array, ends: Int32Array, count: number, start: number, end: number): [number, number] {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid] <= start) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= count || starts[lo] !== start) return [-1, -1];
  let last = lo;
  while (last + 1 < count && starts[last + 1] < end) last++;
  if (ends[last] !== end && ends[last] !== end + 1) return [-1, -1];
  return [lo, last];
}

/** A small seeded generator (mulberry32), so training order is reproducible. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Trains on instances; returns float weights (averaged) before quantisation. */
export function trainPerceptron(instances: Instance[], options: TrainOptions): { weights: Float32Array; transitions: Float32Array } {
  const T = TAG_COUNT;
  const S = T + 1;
  const mask = (1 << options.bucketBits) - 1;
  const w = new Float32Array((mask + 1) * T);
  const acc = new Float64Array((mask + 1) * T);
  const tw = new Float64Array(S * S);
  const tacc = new Float64Array(S * S);
  let c = 1;
  const order = instances.map((_, i) => i);
  const next = random(options.seed);
  const emissions = new Float64Array(64 * T);
  const predicted = new Uint8Array(64);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let mistakes = 0;
    for (const k of order) {
      const inst = instances[k];
      if (inst.n > 64) continue;
      for (let i = 0; i < inst.n; i++) {
        for (let t = 0; t < T; t++) emissions[i * T + t] = 0;
        for (let f = inst.offsets[i]; f < inst.offsets[i + 1]; f++) {
          const base = (inst.features[f] & mask) * T;
          for (let t = 0; t < T; t++) emissions[i * T + t] += w[base + t];
        }
      }
      viterbi(emissions, inst.n, tw, predicted);
      let wrong = false;
      for (let i = 0; i < inst.n; i++) if (predicted[i] !== inst.gold[i]) wrong = true;
      if (wrong) {
        mistakes++;
        const d = inst.weight;
        for (let i = 0; i < inst.n; i++) {
          const g = inst.gold[i];
          const p = predicted[i];
          const gPrev = i === 0 ? T : inst.gold[i - 1];
          const pPrev = i === 0 ? T : predicted[i - 1];
          if (g !== p) {
            for (let f = inst.offsets[i]; f < inst.offsets[i + 1]; f++) {
              const base = (inst.features[f] & mask) * T;
              w[base + g] += d;
              acc[base + g] += c * d;
              w[base + p] -= d;
              acc[base + p] -= c * d;
            }
          }
          if (g !== p || gPrev !== pPrev) {
            tw[gPrev * S + g] += d;
            tacc[gPrev * S + g] += c * d;
            tw[pPrev * S + p] -= d;
            tacc[pPrev * S + p] -= c * d;
          }
        }
        const gLast = inst.gold[inst.n - 1];
        const pLast = predicted[inst.n - 1];
        if (gLast !== pLast) {
          tw[gLast * S + T] += d;
          tacc[gLast * S + T] += c * d;
          tw[pLast * S + T] -= d;
          tacc[pLast * S + T] -= c * d;
        }
      }
      c++;
    }
    options.log?.(`epoch ${epoch + 1}: ${mistakes} runs of ${order.length} mistagged`);
  }
  const weights = new Float32Array(w.length);
  for (let i = 0; i < w.length; i++) weights[i] = w[i] - acc[i] / c;
  const transitions = new Float32Array(S * S);
  for (let i = 0; i < S * S; i++) transitions[i] = tw[i] - tacc[i] / c;
  return { weights, transitions };
}

/**
 * Quantises float weights to 8 bits: one step is the largest magnitude / 127, and weights
 * smaller than half a step become 0 (most of the hashed table).
 */
export function quantise(weights: Float32Array, transitions: Float32Array, bucketBits: number): TaggerModel {
  let max = 0;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]));
  const scale = max > 0 ? max / 127 : 1;
  const q = new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(weights[i] / scale)));
  // Transitions stay floats, in the units of the dequantised emissions.
  return { bucketBits, weights: q, scale, transitions: Float32Array.from(transitions) };
}

/** Trains a model from documents. */
export function trainModel(docs: TrainDoc[], index: PhraseIndex, options: TrainOptions): { model: TaggerModel; stats: AlignmentStats } {
  const { instances, stats } = buildInstances(docs, index, options);
  options.log?.(`${docs.length} documents, ${stats.tokens} tokens, ${stats.runTokens} in candidate runs, ${stats.spans} names (${stats.unaligned} not on token boundaries, ${stats.outsideRuns} outside runs)`);
  const { weights, transitions } = trainPerceptron(instances, options);
  return { model: quantise(weights, transitions, options.bucketBits), stats };
}
