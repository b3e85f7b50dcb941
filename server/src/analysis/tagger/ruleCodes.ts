/**
 * The rule engine's names as tagger features: each token covered by a rule mention gets the
 * mention's kind, its place in the mention and the rule that found it, so the tagger learns when
 * each rule is right.
 */
import type { EntityKind } from '../types';
import type { Tokens } from './tokenize';

const KIND_CODE = { person: 1, org: 2, place: 3 } as const;

/** Set in a token's code when the rule only guessed (a capitalised run, a word of the name lists). */
export const GUESS = 128;
/** Rule families that guess from the shape of the words alone; the others read the context or a list. */
const GUESSES = new Set(['capitalised-run', 'gazetteer:person-name', 'gazetteer:given-name', 'context:verb', 'surname-in-article']);

/** What the features need of a rule engine's name. */
export interface RuleName {
  start: number;
  end: number;
  kind: EntityKind;
  rule: string;
  demonym?: boolean;
}

export function ruleCodes(tokens: Tokens, mentions: readonly RuleName[]): Int32Array {
  const codes = new Int32Array(tokens.count);
  let t = 0;
  let lastRule = '';
  let lastHash = 0;
  for (const m of mentions) {
    while (t < tokens.count && tokens.end[t] <= m.start) t++;
    let last = t;
    while (last + 1 < tokens.count && tokens.start[last + 1] < m.end) last++;
    const kind = m.demonym ? 4 : KIND_CODE[m.kind];
    const ruleHash = m.rule === lastRule ? lastHash : ruleHashOf(m.rule);
    lastRule = m.rule;
    lastHash = ruleHash;
    const code = (ruleHash << 8) | (GUESSES.has(m.rule) ? GUESS : 0) | (kind << 2);
    for (let i = t; i <= last && i < tokens.count; i++) codes[i] = code | (t === last ? 3 : i === t ? 0 : i === last ? 2 : 1);
  }
  return codes;
}

/** The rule's family ("title:President" → "title", "gazetteer:city" stays), hashed to 23 bits. */
function ruleHashOf(rule: string): number {
  const family = rule.startsWith('title:') ? 'title' : rule;
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < family.length; i++) h = Math.imul(h ^ family.charCodeAt(i), 16777619);
  return (h >>> 9) | 1;
}
