/**
 * The tagger's model: a linear-chain model over IO tags (an averaged structured perceptron,
 * trained by tools/tagger/train.ts), with hashed feature weights quantised to 8 bits and tag
 * transitions, and the Viterbi search that finds the best tags of a candidate run.
 *
 * Weights file layout (little-endian), as written by `encodeModel`:
 *   "CLT1" | u8 scheme (0 BIO, 1 IO) | u8 type count | u8 bucket bits | u8 reserved | f32 scale |
 *   f32 × (tags+1)² transitions (row = previous tag, the last row/column = run start/end) |
 *   u32 row count | rows: varint bucket gap, then one i8 per tag.
 */

/** Entity types in tag order. */
export const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NameType = (typeof TYPES)[number];

/**
 * The tag scheme. IO: one tag per type and O; a name is a run of tokens with the same type
 * (two names of one type side by side would merge: rare in news, and the runs are cut at
 * commas and lower-case words). BIO: B-type and I-type. IO is shipped: measured with
 * `npm run cross-validate`, it scores as well or better and has five tags to score, not nine
 * (model card).
 */
export type Scheme = 'IO' | 'BIO';
export const SCHEME = (process.env.CORPUS_LENS_TAG_SCHEME === 'BIO' ? 'BIO' : 'IO') as Scheme;
const SCHEME_CODE = SCHEME === 'IO' ? 1 : 0;

/** Tags: 0 = O; IO: 1 + type; BIO: B = 1 + 2 × type, I = 2 + 2 × type. */
export const TAG_COUNT = SCHEME === 'IO' ? 1 + TYPES.length : 1 + 2 * TYPES.length;

/** The tag of a token of a name of type index `type`; `begins` for its first token. */
export function tagOf(type: number, begins: boolean): number {
  return SCHEME === 'IO' ? 1 + type : 1 + 2 * type + (begins ? 0 : 1);
}

/** The type index of a tag, -1 for O. */
export function typeOf(tag: number): number {
  if (tag === 0) return -1;
  return SCHEME === 'IO' ? tag - 1 : (tag - 1) >> 1;
}

/** Does `tag` continue the name the previous token's `prev` tag is in? */
export function continues(prev: number, tag: number): boolean {
  if (tag === 0 || prev === 0 || prev >= TAG_COUNT) return false;
  return SCHEME === 'IO' ? tag === prev : (tag - 1) % 2 === 1 && (prev - 1) >> 1 === (tag - 1) >> 1;
}

export function tagName(tag: number): string {
  if (tag === 0) return 'O';
  return SCHEME === 'IO' ? TYPES[tag - 1] : `${(tag - 1) % 2 === 0 ? 'B' : 'I'}-${TYPES[(tag - 1) >> 1]}`;
}

/** May `cur` follow `prev` (prev = TAG_COUNT at the start of a run)? BIO: I-X only continues B-X or I-X. */
export function allowed(prev: number, cur: number): boolean {
  if (SCHEME === 'IO' || cur === 0 || (cur - 1) % 2 === 0) return true;
  if (prev === TAG_COUNT || prev === 0) return false;
  return (prev - 1) >> 1 === (cur - 1) >> 1;
}

/** `allowed` as a table, [prev * (TAG_COUNT + 1) + cur]. */
const ALLOWED = (() => {
  const S = TAG_COUNT + 1;
  const table = new Uint8Array(S * S);
  for (let p = 0; p < S; p++) for (let c = 0; c < TAG_COUNT; c++) table[p * S + c] = allowed(p, c) ? 1 : 0;
  return table;
})();

export interface TaggerModel {
  bucketBits: number;
  /** Quantised weights, bucket-major: weights[bucket * TAG_COUNT + tag]. */
  weights: Int8Array;
  /** The value of one quantisation step. */
  scale: number;
  /** (TAG_COUNT + 1)²: [prev * (TAG_COUNT + 1) + cur]; index TAG_COUNT is the run's start (prev) or end (cur). */
  transitions: Float32Array;
}

/** Adds the weights of `features` to `scores` (TAG_COUNT entries at `offset`), in quantisation steps. */
export function addEmissions(model: TaggerModel, features: Int32Array, count: number, scores: Float64Array, offset: number): void {
  if (TAG_COUNT === 5) return addEmissions5(model, features, count, scores, offset);
  const mask = (1 << model.bucketBits) - 1;
  const w = model.weights;
  const sums = new Float64Array(TAG_COUNT);
  for (let f = 0; f < count; f++) {
    const base = (features[f] & mask) * TAG_COUNT;
    for (let t = 0; t < TAG_COUNT; t++) sums[t] += w[base + t];
  }
  for (let t = 0; t < TAG_COUNT; t++) scores[offset + t] = sums[t] * model.scale;
}

/** `addEmissions` unrolled over the five IO tags: this loop is most of the tagger's time. */
function addEmissions5(model: TaggerModel, features: Int32Array, count: number, scores: Float64Array, offset: number): void {
  const mask = (1 << model.bucketBits) - 1;
  const w = model.weights;
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0;
  for (let f = 0; f < count; f++) {
    const base = (features[f] & mask) * 5;
    s0 += w[base];
    s1 += w[base + 1];
    s2 += w[base + 2];
    s3 += w[base + 3];
    s4 += w[base + 4];
  }
  const k = model.scale;
  scores[offset] = s0 * k;
  scores[offset + 1] = s1 * k;
  scores[offset + 2] = s2 * k;
  scores[offset + 3] = s3 * k;
  scores[offset + 4] = s4 * k;
}

/**
 * The best tag sequence for `n` tokens given their emission scores (n × TAG_COUNT) and the
 * transitions, respecting `allowed`. Writes the tags to `out`. Training decodes with it too,
 * over its running float64 transitions.
 */
export function viterbi(emissions: Float64Array, n: number, transitions: Float32Array | Float64Array, out: Uint8Array, scratch?: ViterbiScratch): number {
  const T = TAG_COUNT;
  const S = T + 1;
  if (n === 1) {
    // Most runs are one word: only the tags that may start and end a run.
    let best = -Infinity;
    for (let t = 0; t < T; t++) {
      if (!ALLOWED[T * S + t]) continue;
      const v = transitions[T * S + t] + emissions[t] + transitions[t * S + T];
      if (v > best) {
        best = v;
        out[0] = t;
      }
    }
    return best;
  }
  if (scratch && scratch.score.length < n * T) {
    scratch.score = new Float64Array(n * T * 2);
    scratch.back = new Uint8Array(n * T * 2);
  }
  const score = scratch ? scratch.score : new Float64Array(n * T);
  const back = scratch ? scratch.back : new Uint8Array(n * T);
  for (let t = 0; t < T; t++) score[t] = ALLOWED[T * S + t] ? emissions[t] + transitions[T * S + t] : -Infinity;
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        if (!ALLOWED[p * S + t]) continue;
        const v = score[(i - 1) * T + p] + transitions[p * S + t];
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      score[i * T + t] = best + emissions[i * T + t];
      back[i * T + t] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < T; t++) {
    const v = score[(n - 1) * T + t] + transitions[t * S + T];
    if (v > best) {
      best = v;
      arg = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * T + arg];
  }
  return best;
}

/** Buffers one article's runs share, so Viterbi allocates nothing per run. */
export interface ViterbiScratch {
  score: Float64Array;
  back: Uint8Array;
}

/** The score of a given tag sequence (-Infinity when it breaks `allowed`). */
export function sequenceScore(emissions: Float64Array, n: number, transitions: Float32Array, tags: Uint8Array): number {
  const T = TAG_COUNT;
  const S = T + 1;
  let prev = T;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const t = tags[i];
    if (!allowed(prev, t)) return -Infinity;
    total += transitions[prev * S + t] + emissions[i * T + t];
    prev = t;
  }
  return total + transitions[prev * S + T];
}

const MAGIC = 0x31544c43; // "CLT1"

/** Serialises a model (see the layout above); rows whose weights are all zero are left out. */
export function encodeModel(model: TaggerModel): Uint8Array {
  const S = TAG_COUNT + 1;
  const bytes: number[] = [];
  const u32 = (v: number): void => {
    bytes.push(v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255);
  };
  const f32 = (v: number): void => {
    const b = new Uint8Array(new Float32Array([v]).buffer);
    bytes.push(b[0], b[1], b[2], b[3]);
  };
  u32(MAGIC);
  bytes.push(SCHEME_CODE, TYPES.length, model.bucketBits, 0);
  f32(model.scale);
  for (let i = 0; i < S * S; i++) f32(model.transitions[i]);
  const buckets = 1 << model.bucketBits;
  const rows: number[] = [];
  for (let b = 0; b < buckets; b++) {
    for (let t = 0; t < TAG_COUNT; t++) {
      if (model.weights[b * TAG_COUNT + t] !== 0) {
        rows.push(b);
        break;
      }
    }
  }
  u32(rows.length);
  let prev = -1;
  for (const b of rows) {
    let gap = b - prev - 1;
    prev = b;
    while (gap >= 128) {
      bytes.push((gap & 127) | 128);
      gap >>>= 7;
    }
    bytes.push(gap);
    for (let t = 0; t < TAG_COUNT; t++) bytes.push(model.weights[b * TAG_COUNT + t] & 255);
  }
  return Uint8Array.from(bytes);
}

/** Reads a model written by `encodeModel`; throws on a malformed file. */
export function decodeModel(bytes: Uint8Array): TaggerModel {
  const S = TAG_COUNT + 1;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || view.getUint32(0, true) !== MAGIC) throw new Error('not a Corpus Lens tagger model');
  if (bytes[4] !== SCHEME_CODE || bytes[5] !== TYPES.length) throw new Error('tagger model for another tag set');
  const bucketBits = bytes[6];
  if (bucketBits < 8 || bucketBits > 24) throw new Error('tagger model: bad bucket count');
  const scale = view.getFloat32(8, true);
  let p = 12;
  const transitions = new Float32Array(S * S);
  for (let i = 0; i < S * S; i++, p += 4) transitions[i] = view.getFloat32(p, true);
  const rows = view.getUint32(p, true);
  p += 4;
  const weights = new Int8Array((1 << bucketBits) * TAG_COUNT);
  let bucket = -1;
  for (let r = 0; r < rows; r++) {
    let gap = 0;
    let shift = 0;
    for (;;) {
      const v = bytes[p++];
      gap |= (v & 127) << shift;
      if (v < 128) break;
      shift += 7;
    }
    bucket += gap + 1;
    if (bucket >= 1 << bucketBits || p + TAG_COUNT > bytes.length) throw new Error('tagger model: truncated');
    const base = bucket * TAG_COUNT;
    for (let t = 0; t < TAG_COUNT; t++) weights[base + t] = (bytes[p++] << 24) >> 24;
  }
  return { bucketBits, weights, scale, transitions };
}
