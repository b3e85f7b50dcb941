/**
 * Runs the learned tagger over an article: tokens, candidate runs, features, Viterbi, names.
 */
import { ArticleEvidence, MAX_FEATURES, SegmentFeatures, type WordEntry } from './features';
import { TAG_COUNT, TYPES, addEmissions, continues, sequenceScore, tagOf, typeOf, viterbi, type NameType, type ViterbiScratch } from './model';
import { GUESS, ruleCodes, type RuleName } from './ruleCodes';
import { MAX_RUN, findSegments, titleBreaks } from './segments';
import type { Tagger } from './tagger';
import { Bit, tokenize, type Tokens } from './tokenize';

/** A name the tagger found: token range and character offsets. */
export interface TaggedName {
  start: number;
  end: number;
  /** First token and one past the last. */
  first: number;
  last: number;
  type: NameType;
}

export interface TaggerResult {
  tokens: Tokens;
  names: TaggedName[];
  /** What the article says about its words, and what the rules said about each token. */
  evidence: ArticleEvidence;
  /** The capitalised function words of title-case lines, which end names there (segments.ts titleBreaks). */
  titleBreaks?: Uint8Array;
}

/**
 * Tags one article. `rules` are the rule engine's names: features for the tagger, and the names
 * the rules read from the context or a list stand as they are (the tagger reads the rest of the
 * run around them). Where the rules only guessed, their reading stands when the tagger scores it
 * within `trustGuesses` of its own best reading (0: never).
 */
export function tagArticle(article: string | Tokens, tagger: Tagger, rules?: readonly RuleName[], trustGuesses = 0): TaggerResult {
  const { model, words } = tagger;
  const tokens = typeof article === 'string' ? tokenize(article) : article;
  const evidence = new ArticleEvidence(tokens);
  if (rules) evidence.ruleCodes = ruleCodes(tokens, rules);
  const breaks = titleBreaks(tokens);
  const segments = findSegments(tokens, breaks);
  const names: TaggedName[] = [];
  const { features, emissions, tags, prior, scratch } = runBuffers();
  const seg = new SegmentFeatures(evidence, words);
  for (let s = 0; s < segments.length; s += 2) {
    const start = segments[s];
    const end = segments[s + 1];
    const n = end - start;
    const reading = evidence.ruleCodes ? rulesTags(evidence.ruleCodes, start, n, prior) : NONE;
    if (reading === NONE) prior.fill(0, 0, n);
    // A run that the rules' firm names cover whole can only be read their way (forceFirmNames):
    // no need to score it. Most gazetteer places and titled people are such runs.
    if (reading === FIRM && coveredByFirmNames(evidence.ruleCodes!, start, n)) {
      collectRuleNames(tokens, evidence.ruleCodes!, start, n, names);
      continue;
    }
    if (seg.moveTo(start, end).isNeverName()) continue;
    for (let i = start; i < end; i++) {
      const offset = (i - start) * TAG_COUNT;
      addEmissions(model, features, seg.features(i, features), emissions, offset);
      const word = wordScores(tagger, seg.words[i - start]);
      for (let t = 0; t < TAG_COUNT; t++) emissions[offset + t] += word[t];
    }
    if (reading !== NONE) forceFirmNames(evidence.ruleCodes!, start, n, prior, emissions);
    const best = viterbi(emissions, n, model.transitions, tags, scratch);
    // The rules' guesses, and their finding no name at all, stand when the model finds them nearly
    // as good as its own reading.
    if (reading !== FIRM && best - sequenceScore(emissions, n, model.transitions, prior) <= trustGuesses) for (let i = 0; i < n; i++) tags[i] = prior[i];
    collectNames(tokens, start, n, tags, names);
  }
  return { tokens, names, evidence, titleBreaks: breaks };
}

/**
 * The buffers one article's runs share, in one allocation. A run has at most MAX_RUN tokens plus
 * the few a connector or an "al-" adds after the limit is reached (segments.ts): twice MAX_RUN holds any.
 */
function runBuffers(): { features: Int32Array; emissions: Float64Array; tags: Uint8Array; prior: Uint8Array; scratch: ViterbiScratch } {
  const tokens = MAX_RUN * 2;
  const cells = tokens * TAG_COUNT;
  // Eight-byte values first, then four-byte, then bytes, so every view is aligned.
  const buffer = new ArrayBuffer(cells * 16 + MAX_FEATURES * 4 + cells + tokens * 2);
  const emissions = new Float64Array(buffer, 0, cells);
  const score = new Float64Array(buffer, cells * 8, cells);
  const features = new Int32Array(buffer, cells * 16, MAX_FEATURES);
  const bytes = cells * 16 + MAX_FEATURES * 4;
  const back = new Uint8Array(buffer, bytes, cells);
  const tags = new Uint8Array(buffer, bytes + cells, tokens);
  const prior = new Uint8Array(buffer, bytes + cells + tokens, tokens);
  return { features, emissions, tags, prior, scratch: { score, back } };
}

/** The summed weights of a word's own features, computed once per word and model. */
function wordScores(tagger: Tagger, entry: WordEntry): Float64Array {
  if (entry.scores) return entry.scores;
  const scores = new Float64Array(TAG_COUNT);
  addEmissions(tagger.model, entry.ids, entry.ids.length, scores, 0);
  entry.scores = scores;
  return scores;
}

/** Kind code of ruleCodes (1 person, 2 org, 3 place, 4 demonym) → tag type index. */
const RULE_TYPE = [-1, 0, 1, 2, 3];

const NONE = 0;
const FIRM = 1;
const GUESSED = 2;

/** The rules' names over a run as B/I tags: NONE when they name nothing there, else FIRM or GUESSED. */
function rulesTags(codes: Int32Array, start: number, n: number, out: Uint8Array): number {
  let any = NONE;
  for (let i = 0; i < n; i++) {
    const code = codes[start + i];
    if (!code) {
      out[i] = 0;
      continue;
    }
    if (code & GUESS) any = GUESSED;
    else if (any === NONE) any = FIRM;
    const type = RULE_TYPE[(code >> 2) & 7];
    const position = code & 3;
    out[i] = tagOf(type, position === 0 || position === 3 || i === 0);
  }
  return any;
}

/** Is every token of the run inside a name the rules read from its context or a list? */
function coveredByFirmNames(codes: Int32Array, start: number, n: number): boolean {
  for (let i = start; i < start + n; i++) if (!codes[i] || codes[i] & GUESS) return false;
  return true;
}

/** The rules' names over a run, one by one (two places side by side stay two names). */
function collectRuleNames(tokens: Tokens, codes: Int32Array, start: number, n: number, out: TaggedName[]): void {
  let first = start;
  for (let i = start; i < start + n; i++) {
    const position = codes[i] & 3;
    if (position === 0 || position === 3) first = i;
    if (position !== 2 && position !== 3 && i + 1 < start + n) continue;
    const type = RULE_TYPE[(codes[i] >> 2) & 7];
    if (wordCount(tokens, first, i + 1) <= MAX_NAME_WORDS) out.push({ start: tokens.start[first], end: tokens.end[i], first, last: i + 1, type: TYPES[type] });
  }
}

/** A score no reading can reach: it rules a tag out. */
const IMPOSSIBLE = -1e30;

/**
 * The names the rules read from the context or a list keep their span and type: each of their
 * tokens may take only its tag, and the tokens around one may not run into it.
 */
function forceFirmNames(codes: Int32Array, start: number, n: number, prior: Uint8Array, emissions: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const code = codes[start + i];
    if (!code || code & GUESS) continue;
    for (let t = 0; t < TAG_COUNT; t++) if (t !== prior[i]) emissions[i * TAG_COUNT + t] = IMPOSSIBLE;
    const position = code & 3;
    if ((position === 2 || position === 3) && i + 1 < n) {
      for (let t = 0; t < TAG_COUNT; t++) if (continues(prior[i], t)) emissions[(i + 1) * TAG_COUNT + t] = IMPOSSIBLE;
    }
    if ((position === 0 || position === 3) && i > 0) {
      for (let t = 0; t < TAG_COUNT; t++) if (continues(t, prior[i])) emissions[(i - 1) * TAG_COUNT + t] = IMPOSSIBLE;
    }
  }
}

/** The most words a name may have (the rule engine's limit too). */
const MAX_NAME_WORDS = 8;

/** Words of tokens [first, last): tokens with a space before them, plus the first. */
function wordCount(tokens: Tokens, first: number, last: number): number {
  let words = 1;
  for (let i = first + 1; i < last; i++) if (!(tokens.bits[i] & Bit.Glued)) words++;
  return words;
}

/** Turns B/I tags into names. */
function collectNames(tokens: Tokens, start: number, n: number, tags: Uint8Array, out: TaggedName[]): void {
  let i = 0;
  while (i < n) {
    const tag = tags[i];
    if (tag === 0) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && continues(tags[j - 1], tags[j])) j++;
    // No name has this many words: a run of capitalised words ("Aaron Bexley Aaron Bexley ...") read as one.
    if (wordCount(tokens, start + i, start + j) > MAX_NAME_WORDS) {
      i = j;
      continue;
    }
    out.push({ start: tokens.start[start + i], end: tokens.end[start + j - 1], first: start + i, last: start + j, type: TYPES[typeOf(tag)] });
    i = j;
  }
}
