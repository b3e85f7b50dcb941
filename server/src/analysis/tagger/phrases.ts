/**
 * Known names as evidence for the tagger: every spelling of the place, demonym, organization,
 * outlet and acronym lists (and, through `addPhrases`, the knowledge list), matched over the
 * tokens of a candidate run. A match is a feature with its class and the token's place in the
 * match ("B-country", "L-company"); the tagger weighs it against the context, so a listed name
 * is never forced on a word ("Jordan" the player, "Apple" the fruit).
 */
import { KNOWN_ACRONYMS, KNOWN_ORGS, NEWS_OUTLETS } from '../names/wordLists';
import { DEMONYMS, PLACES } from '../gazetteer/places';
import { KNOWLEDGE_LIST } from '../knowledge/knowledgeList';
import { hashLower, tokenize } from './tokenize';

/** The classes of known names, one bit each. */
export const PHRASE_CLASSES = [
  'country', 'city', 'us-state', 'region', 'place-alias', 'place-historical', 'demonym', 'org', 'outlet', 'acronym-org', 'acronym-place',
  // The knowledge list (knowledge/): see KNOWLEDGE_CLASSES there.
  'k-company', 'k-index', 'k-agency', 'k-outlet', 'k-leader', 'k-person', 'k-place', 'k-org', 'k-party', 'k-team', 'k-misc',
] as const;
export type PhraseClass = (typeof PHRASE_CLASSES)[number];

const CLASS_BIT = new Map<string, number>(PHRASE_CLASSES.map((c, i) => [c, 1 << i]));

/** A multi-token name: the hashes of its tokens after the first, and its class bits. */
interface Multi {
  rest: Int32Array;
  bits: number;
}

/**
 * The known names, keyed by the hashes of their lower-cased tokens (tokenize.ts), so matching
 * needs no strings. Built once; read-only afterwards.
 */
export class PhraseIndex {
  /** One-token names → class bits. */
  readonly single = new Map<number, number>();
  /** First token → longer names starting with it. */
  readonly multi = new Map<number, Multi[]>();

  add(name: string, cls: PhraseClass): void {
    const bit = CLASS_BIT.get(cls)!;
    // Most names are one plain word: no need to tokenize them.
    if (/^[\p{L}\p{N}]+$/u.test(name) || /^(?:\p{L}\.)+$/u.test(name)) {
      const h = hashLower(name);
      this.single.set(h, (this.single.get(h) ?? 0) | bit);
      return;
    }
    const hashes = tokenHashes(name);
    if (hashes.length === 0) return;
    if (hashes.length === 1) {
      this.single.set(hashes[0], (this.single.get(hashes[0]) ?? 0) | bit);
      return;
    }
    const first = hashes[0];
    const rest = hashes.slice(1);
    const list = this.multi.get(first) ?? [];
    const same = list.find((m) => m.rest.length === rest.length && m.rest.every((w, i) => w === rest[i]));
    if (same) same.bits |= bit;
    else list.push({ rest, bits: bit });
    this.multi.set(first, list);
  }
}

/** Plain words separated by single spaces: each word is one token, no tokenizer needed. */
const PLAIN_WORDS = /^[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)+$/u;

/** The lower-cased token hashes of a name, as tokenize.ts would give them. */
function tokenHashes(name: string): Int32Array {
  // Most names of several words are plain words ("new york"): hashing them directly spares
  // building a token table per name at start-up.
  if (PLAIN_WORDS.test(name)) return Int32Array.from(name.split(' '), hashLower);
  const tokens = tokenize(name);
  return tokens.hash.slice(0, tokens.count);
}

const PLACE_RULE_CLASS: ReadonlyArray<[string, PhraseClass]> = [
  ['gazetteer:country', 'country'], ['gazetteer:city', 'city'], ['gazetteer:us-state', 'us-state'], ['gazetteer:region', 'region'],
  ['gazetteer:historical', 'place-historical'],
];

/** The index of the hand and gazetteer lists the rule engine uses. */
export function buildListPhrases(index: PhraseIndex): void {
  for (const [spelling, entry] of PLACES) {
    const cls = PLACE_RULE_CLASS.find(([rule]) => rule === entry.rule)?.[1] ?? 'place-alias';
    index.add(spelling, cls);
  }
  for (const d of DEMONYMS.keys()) index.add(d, 'demonym');
  for (const o of KNOWN_ORGS.keys()) index.add(o, 'org');
  for (const o of NEWS_OUTLETS.keys()) index.add(o, 'outlet');
  for (const [a, [kind]] of KNOWN_ACRONYMS) index.add(a, kind === 'org' ? 'acronym-org' : 'acronym-place');
  for (const line of KNOWLEDGE_LIST.split('\n')) {
    const tab = line.indexOf('\t');
    const cls = KNOWLEDGE_CLASS.get(line.slice(0, tab));
    if (tab > 0 && cls) index.add(line.slice(tab + 1), cls);
  }
}

/** Classes of the knowledge list (knowledge/knowledgeList.ts) → phrase classes. */
const KNOWLEDGE_CLASS = new Map<string, PhraseClass>([
  ['company', 'k-company'], ['brand', 'k-company'], ['index', 'k-index'], ['agency', 'k-agency'], ['outlet', 'k-outlet'],
  ['leader', 'k-leader'], ['person', 'k-person'], ['party', 'k-party'], ['org', 'k-org'], ['team', 'k-team'],
]);
