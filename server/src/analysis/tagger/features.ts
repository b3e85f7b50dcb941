/**
 * The tagger's features, hashed to integers without building strings: the word, its shape and
 * ending, the words around it, where it stands (sentence start, headline, title-case or shouted
 * line), which word lists hold it and its neighbours (given names, titles, company suffixes,
 * places...), which known names cover it, and what the rest of the article says about the word
 * (written in lower case elsewhere, capitalised mid-sentence elsewhere).
 *
 * Features come in two parts. Word features depend only on the word as written (its case
 * included) and are computed once per distinct word (`WordTable`); the runtime also sums their
 * weights once per word. Token features depend on the token's place and neighbours.
 */
import { F, wordFlags } from '../names/lexicon';
import type { PhraseIndex } from './phrases';
import { Bit, Kind, type Tokens } from './tokenize';

/** Feature templates: the first half of every feature's hash. */
const enum T {
  Bias = 1, Word, Shape, Suffix3, Prev1, Next1, Prev2, Next2, PrevWord, WordNext, Context, PrevKind, NextKind, Lex, LexCtx, PrevLex,
  NextLex, DocLower, DocCapMid, Phrase, SegPos, Possessive, Prefix3, LexPair, Rule, RuleKind,
}

/** Combines a template and a value into one feature id (a 32-bit integer). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The most token features one token has (the output buffer's size). */
export const MAX_FEATURES = 96;

const LEX_BITS = 19;
const LEX_MASK = (1 << LEX_BITS) - 1;

/** The index of the lowest bit set in f (f not 0). */
function lowestBit(f: number): number {
  return 31 - Math.clz32(f & -f);
}
const AMBIGUITY_MASK = Bit.SentenceStart | Bit.Headline | Bit.TitleLine | Bit.ShoutLine;

/** What the tagger knows about one word as written, whatever its place. */
export interface WordEntry {
  /** Word-list bits of the lower-cased word (names/lexicon.ts). */
  flags: number;
  /** Word feature ids. */
  ids: Int32Array;
  /** Does a known name of several tokens start with this word (phrases.ts)? Most words skip the lookup. */
  startsPhrase: boolean;
  /** The summed weights of `ids` per tag, filled in by the runtime for its model. */
  scores?: Float64Array;
}

/** Word entries by the exact-case hash of the word; bounded, so memory stays flat over a corpus. */
export class WordTable {
  private readonly entries = new Map<number, WordEntry>();

  constructor(
    readonly index: PhraseIndex,
    private readonly limit = 200_000,
  ) {}

  /** The entry of token `i`. */
  get(tokens: Tokens, i: number): WordEntry {
    const key = tokens.exact[i];
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = makeEntry(tokens, i, this.index);
      if (this.entries.size >= this.limit) this.entries.clear();
      this.entries.set(key, entry);
    }
    return entry;
  }
}

function makeEntry(tokens: Tokens, i: number, index: PhraseIndex): WordEntry {
  const { text, start, end } = tokens;
  const lower = text.slice(start[i], end[i]).toLowerCase();
  const punct = tokens.kind[i] === Kind.Punct;
  const flags = punct ? 0 : wordFlags(lower);
  const ids: number[] = [mix(T.Bias, 0), mix(T.Word, tokens.hash[i]), mix(T.Shape, shapeHash(text, start[i], end[i])), mix(T.Suffix3, hashString(lower.length > 3 ? lower.slice(-3) : lower))];
  if (lower.length > 3) ids.push(mix(T.Prefix3, hashString(lower.slice(0, 3))));
  for (let bit = 0; bit < LEX_BITS; bit++) if (flags & (1 << bit)) ids.push(mix(T.Lex, bit));
  if (flags === 0 && !punct) ids.push(mix(T.Lex, 99));
  const single = index.single.get(tokens.hash[i]) ?? 0;
  for (let c = 0; c < 31; c++) if (single & (1 << c)) ids.push(mix(T.Phrase, (c << 2) | 3));
  return { flags, ids: Int32Array.from(ids), startsPhrase: index.multi.has(tokens.hash[i]) };
}

/** What the article as a whole says about its words, computed once per article. */
export class ArticleEvidence {
  /**
   * An open-addressing table keyed by lower-cased word hash, keys and values interleaved in one
   * array (one allocation per article): per word, bit 0 of the value set when the word is written
   * in lower case somewhere, and (value >> 1) the times it is capitalised where a capital means
   * something (mid-sentence, in a normal line). One table instead of a Set and a Map: this runs
   * over every word of every article.
   */
  private readonly table: Int32Array;
  private readonly mask: number;
  /**
   * What the rule engine said about each token, when it ran: 0 for nothing, else
   * `(ruleHash << 8) | (kind << 2) | position` (kind 1 person, 2 org, 3 place, 4 demonym;
   * position 0 first, 1 inside, 2 last, 3 only word).
   */
  ruleCodes?: Int32Array;

  constructor(readonly tokens: Tokens) {
    const { count, kind, hash, bits } = tokens;
    // Distinct words are well under half the tokens, so a table the size of the token count
    // stays at most half full.
    let size = 64;
    while (size < count) size <<= 1;
    this.table = new Int32Array(size * 2);
    this.mask = size - 1;
    const table = this.table;
    for (let i = 0; i < count; i++) {
      const k = kind[i];
      if (k === Kind.Lower) table[this.slot(hash[i]) + 1] |= 1;
      else if ((k === Kind.Cap || k === Kind.Upper || k === Kind.Mixed) && !(bits[i] & AMBIGUITY_MASK)) table[this.slot(hash[i]) + 1] += 2;
    }
  }

  /** The table index of a word hash's key, claimed on first use (hash 0 is kept apart as the empty key). */
  private slot(h: number): number {
    const key = h === 0 ? 1 : h;
    const table = this.table;
    let i = (key ^ (key >>> 15)) & this.mask;
    for (;;) {
      const k = table[i << 1];
      if (k === key) return i << 1;
      if (k === 0) {
        table[i << 1] = key;
        return i << 1;
      }
      i = (i + 1) & this.mask;
    }
  }

  private value(h: number): number {
    const key = h === 0 ? 1 : h;
    const table = this.table;
    let i = (key ^ (key >>> 15)) & this.mask;
    for (;;) {
      const k = table[i << 1];
      if (k === key) return table[(i << 1) + 1];
      if (k === 0) return 0;
      i = (i + 1) & this.mask;
    }
  }

  /** Is the word written in lower case somewhere in the article? */
  lowerSeen(h: number): boolean {
    return (this.value(h) & 1) !== 0;
  }

  /** How often the word is capitalised where a capital means something. */
  capitalisedMid(h: number): number {
    return this.value(h) >> 1;
  }
}

/** The token features of one candidate run (known names may span several of its tokens). */
export class SegmentFeatures {
  /** Word entries of the run's tokens (the first `end - start`; the array is reused from run to run). */
  readonly words: WordEntry[] = [];
  /** Multi-token known-name features per token of the run (most runs have none). */
  private multi: number[][] | undefined;
  start = 0;
  end = 0;

  constructor(
    private readonly evidence: ArticleEvidence,
    private readonly table: WordTable,
  ) {}

  /**
   * A run of one word that is never a name ("The", "He", "Friday" opening a sentence): a fifth
   * of all runs, left out of tagging and training alike.
   */
  isNeverName(): boolean {
    return this.end - this.start === 1 && (this.words[0].flags & (F.NEVER_NAMES | F.PLACES | F.KNOWN_ACRONYMS | F.DEMONYMS)) === F.NEVER_NAMES;
  }

  /** Moves to the run [start, end) of the article's tokens. */
  moveTo(start: number, end: number): this {
    const { tokens } = this.evidence;
    this.start = start;
    this.end = end;
    this.multi = undefined;
    const words = this.words;
    let phrases = false;
    for (let i = start; i < end; i++) {
      const entry = this.table.get(tokens, i);
      words[i - start] = entry;
      phrases ||= entry.startsPhrase;
    }
    if (phrases && end - start > 1) this.matchPhrases(this.table.index);
    return this;
  }

  private matchPhrases(index: PhraseIndex): void {
    const { hash } = this.evidence.tokens;
    const n = this.end - this.start;
    for (let j = 0; j + 1 < n; j++) {
      if (!this.words[j].startsPhrase) continue;
      const list = index.multi.get(hash[this.start + j]);
      if (!list) continue;
      for (const m of list) {
        if (j + m.rest.length >= n) continue;
        let ok = true;
        for (let r = 0; r < m.rest.length && ok; r++) ok = hash[this.start + j + 1 + r] === m.rest[r];
        if (!ok) continue;
        this.multi ??= Array.from({ length: n }, () => []);
        const last = j + m.rest.length;
        for (let r = j; r <= last; r++) pushClassFeatures(this.multi[r], m.bits, r === j ? 0 : r === last ? 2 : 1);
      }
    }
  }

  /** Writes the token features of token `i` (an index into the article's tokens) to `out`; returns their number. */
  features(i: number, out: Int32Array): number {
    const { tokens } = this.evidence;
    const { hash, kind, bits, count } = tokens;
    const j = i - this.start;
    let n = 0;
    const h = hash[i];
    const b = bits[i];
    const k = kind[i];
    const ambiguity = (b & AMBIGUITY_MASK) | (b & Bit.LineStart ? 16 : 0);
    const hp1 = i > 0 ? hash[i - 1] : 1;
    const hn1 = i + 1 < count ? hash[i + 1] : 2;
    out[n++] = mix(T.Prev1, hp1);
    out[n++] = mix(T.Next1, hn1);
    out[n++] = mix(T.Prev2, i > 1 ? hash[i - 2] : 1);
    out[n++] = mix(T.Next2, i + 2 < count ? hash[i + 2] : 2);
    out[n++] = mix(T.PrevWord, mix(hp1, h));
    out[n++] = mix(T.WordNext, mix(h, hn1));
    out[n++] = mix(T.Context, k | (ambiguity << 3));
    out[n++] = mix(T.PrevKind, i > 0 ? kind[i - 1] | ((bits[i] & Bit.Glued) << 2) | (i - 1 < this.start ? 128 : 0) : 255);
    out[n++] = mix(T.NextKind, i + 1 < count ? kind[i + 1] | ((bits[i + 1] & Bit.Glued) << 2) | (i + 1 >= this.end ? 128 : 0) : 255);
    const flags = this.words[j].flags;
    // Only the bits set (a word is on few lists), lowest first.
    for (let f = flags & LEX_MASK; f !== 0; f &= f - 1) out[n++] = mix(T.LexCtx, lowestBit(f) | (ambiguity << 5) | (k << 10));
    const prevFlags = j > 0 ? this.words[j - 1].flags : 0;
    const nextFlags = j + 1 < this.end - this.start ? this.words[j + 1].flags : 0;
    for (let f = (prevFlags | nextFlags) & LEX_MASK; f !== 0; f &= f - 1) {
      const bit = lowestBit(f);
      if (prevFlags & (1 << bit)) out[n++] = mix(T.PrevLex, bit);
      if (nextFlags & (1 << bit)) out[n++] = mix(T.NextLex, bit);
    }
    out[n++] = mix(T.LexPair, mix(prevFlags & 0x7fff, flags & 0x7fff));
    if (this.evidence.lowerSeen(h)) out[n++] = mix(T.DocLower, ambiguity);
    const mid = this.evidence.capitalisedMid(h) - (b & AMBIGUITY_MASK ? 0 : 1);
    if (mid > 0) out[n++] = mix(T.DocCapMid, ambiguity | (mid > 2 ? 32 : 0));
    const segLength = this.end - this.start;
    out[n++] = mix(T.SegPos, (segLength === 1 ? 0 : j === 0 ? 1 : j === segLength - 1 ? 3 : 2) | (Math.min(segLength, 6) << 2));
    if (i + 1 < count && bits[i + 1] & Bit.Possessive) out[n++] = mix(T.Possessive, 1);
    const codes = this.evidence.ruleCodes;
    if (codes) {
      const rule = codes[i];
      out[n++] = mix(T.RuleKind, rule & 255);
      if (rule) out[n++] = mix(T.Rule, rule);
    }
    const multi = this.multi?.[j];
    if (multi) for (let m = 0; m < multi.length && n < MAX_FEATURES; m++) out[n++] = mix(T.Phrase, multi[m]);
    return n;
  }
}

/** Adds one feature per class bit set, with the token's place in the match (0 B, 1 I, 2 L, 3 U). */
function pushClassFeatures(list: number[], classBits: number, position: number): void {
  for (let c = 0; c < 31; c++) if (classBits & (1 << c)) list.push((c << 2) | position);
}

/** A hash of the word's shape: X for capitals, x for small letters, d for digits, runs collapsed. */
function shapeHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  let last = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    let cls: number;
    if (c >= 65 && c <= 90) cls = 88;
    else if (c >= 97 && c <= 122) cls = 120;
    else if (c >= 48 && c <= 57) cls = 100;
    else if (c >= 0xc0) cls = text[i] !== text[i].toLowerCase() ? 88 : 120;
    else cls = c;
    if (cls === last) continue;
    last = cls;
    h = Math.imul(h ^ cls, 16777619);
  }
  return h;
}

function hashString(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h;
}
