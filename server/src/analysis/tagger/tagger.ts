/**
 * The shipped tagger: the model trained by `npm run train` (weights.ts, embedded in the bundle so
 * the analysis layer reads no file) and the index of known names, decoded once on first use.
 */
import { WordTable } from './features';
import { decodeModel, type TaggerModel } from './model';
import { PhraseIndex, buildListPhrases } from './phrases';
import { TAGGER_WEIGHTS } from './weights';

/** A model with the known names it was trained with and its table of words seen. */
export interface Tagger {
  model: TaggerModel;
  words: WordTable;
}

/** A tagger for `model` over the known names of `index`. */
export function makeTagger(model: TaggerModel, index: PhraseIndex): Tagger {
  return { model, words: new WordTable(index) };
}

let shipped: Tagger | null | undefined;

/**
 * The shipped tagger, decoded on first call (about 0.1 s), or null when the embedded weights are
 * missing or unreadable (the rules then work alone, and `loadProblem` says why).
 */
export function shippedTagger(): Tagger | null {
  if (shipped !== undefined) return shipped;
  try {
    const index = new PhraseIndex();
    buildListPhrases(index);
    shipped = TAGGER_WEIGHTS ? makeTagger(decodeModel(decodeBase64(TAGGER_WEIGHTS)), index) : null;
    loadProblem = shipped ? undefined : 'no tagger weights in this build';
  } catch (error) {
    shipped = null;
    loadProblem = `tagger weights unreadable: ${error instanceof Error ? error.message : String(error)}`;
  }
  return shipped;
}

/** Why the shipped tagger could not be loaded, if it could not. */
export let loadProblem: string | undefined;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 (no line breaks) to bytes, without Buffer or atob, so it runs anywhere. */
export function decodeBase64(s: string): Uint8Array {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  let len = s.length;
  while (len > 0 && s.charCodeAt(len - 1) === 61) len--;
  const out = new Uint8Array((len * 3) >> 2);
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? table[c] : -1;
    if (v < 0) throw new Error(`bad base64 character at ${i}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
    }
  }
  return out;
}
