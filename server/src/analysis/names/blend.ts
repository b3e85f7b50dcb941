/**
 * The rules and the learned tagger, blended. The tagger decides where names are and what they
 * are (it has seen the rules' answer as one of its features); the rules add what only they know:
 * the role written before a person ("President"), the demonym linked to its place, the
 * gazetteer's canonical name, the dateline. A rule's name that the tagger did not find is kept
 * only when the rule is one the tagger tends to miss and rarely gets wrong (KEEP_ALONE).
 */
import { DEMONYMS, PLACES } from '../gazetteer/places';
import { Bit, type Tokens } from '../tagger/tokenize';
import type { TaggerResult } from '../tagger/tagNames';
import type { EntityKind } from '../types';
import type { Draft } from './assignKeys';
import { CORPORATE_FORMS, KNOWN_ORGS, NEWS_OUTLETS } from './wordLists';

const KIND: Record<string, EntityKind | undefined> = { PER: 'person', ORG: 'org', LOC: 'place' };

/** Rule families whose names stand even when the tagger leaves them out. */
const KEEP_ALONE = new Set<string>(['demonym']);

/** Blends the rule engine's drafts (text order, not nested) with the tagger's names. */
export function blendNames(text: string, rules: readonly Draft[], tagged: TaggerResult): Draft[] {
  const out: Draft[] = [];
  let r = 0;
  // Both lists are in text order: walk them together.
  for (const name of tagged.names) {
    while (r < rules.length && rules[r].end <= name.start) keepAlone(rules[r++], out);
    const overlapping: Draft[] = [];
    while (r < rules.length && rules[r].start < name.end) overlapping.push(rules[r++]);
    const draft = fromTagged(text, tagged.tokens, name, overlapping);
    if (draft) out.push(draft);
  }
  while (r < rules.length) keepAlone(rules[r++], out);
  return out;
}

function keepAlone(rule: Draft, out: Draft[]): void {
  if (KEEP_ALONE.has(rule.demonym ? 'demonym' : rule.rule)) out.push(rule);
}

/** A draft for one tagged name, with what the overlapping rule drafts know about it. */
function fromTagged(text: string, tokens: Tokens, name: TaggerResult['names'][number], overlapping: Draft[]): Draft | undefined {
  const same = overlapping.find((d) => d.start === name.start && d.end === name.end);
  const kind = KIND[name.type];
  // "the European bloc", "Ukrainian officials": a demonym alone is an adjective, not a person or an
  // organization the tagger guessed; it stays a mention of its place, as a MISC reading would.
  const lone = kind && kind !== 'place' && !same && name.last - name.first === 1;
  if (!kind || (lone && DEMONYMS.has(text.slice(name.start, name.end).toLowerCase()))) {
    // A MISC name is left out, but a demonym ("Russian") is still a mention of its place.
    const demonym = same?.demonym ? same : undefined;
    if (demonym) return demonym;
    const canonical = DEMONYMS.get(text.slice(name.start, name.end).toLowerCase());
    return canonical ? draftOf(text, tokens, name, 'place', 'demonym', { canonical, demonym: true }) : undefined;
  }
  if (same && same.kind === kind && !same.demonym) return same;
  const role = overlapping.find((d) => d.role && d.kind === 'person' && d.end === name.end)?.role;
  const surface = text.slice(name.start, name.end).toLowerCase();
  if (kind === 'place') {
    const place = PLACES.get(surface) ?? PLACES.get(surface.replace(/\.$/, ''));
    if (place) return draftOf(text, tokens, name, kind, `tagger+${place.rule}`, { canonical: place.canonical, key: place.key });
  }
  if (kind === 'org') {
    const known = KNOWN_ORGS.get(surface) ?? NEWS_OUTLETS.get(surface);
    if (known) return draftOf(text, tokens, name, kind, 'tagger+list:org', { canonical: known });
  }
  return draftOf(text, tokens, name, kind, same ? `tagger+${same.rule}` : 'tagger', { role: kind === 'person' ? role : undefined });
}

function draftOf(
  text: string,
  tokens: Tokens,
  name: TaggerResult['names'][number],
  kind: EntityKind,
  rule: string,
  extra: Partial<Pick<Draft, 'canonical' | 'key' | 'demonym' | 'role'>>,
): Draft {
  const words: string[] = [];
  // Words as written: tokens joined where the text has no space ("Coca-Cola" is one word).
  let word = '';
  for (let i = name.first; i < name.last; i++) {
    if (i > name.first && !(tokens.bits[i] & Bit.Glued)) {
      words.push(word);
      word = '';
    }
    word += text.slice(tokens.start[i], tokens.end[i]);
  }
  words.push(word);
  const last = words[words.length - 1].toLowerCase();
  return {
    start: name.start,
    end: name.end,
    words,
    kind,
    rule,
    firstLower: words[0].toLowerCase(),
    corporateTail: words.length > 1 && CORPORATE_FORMS.has(last),
    ...extra,
  };
}
