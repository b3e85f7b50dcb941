/**
 * The hand-written part of the knowledge list (tools/knowledge/facts.ts: companies, indices,
 * agencies and central banks, exchanges, outlets, clubs, parties, political leaders) as the rule
 * engine reads it: a name written so in the middle of a sentence is that organization or person
 * ("the Fed", "Gazzetta dello Sport", "Juventus"). The dictionary brands of the list are left to
 * the tagger: a spelling dictionary lists words of company names too ("Advance", "Global").
 */
import type { EntityKind } from '../types';
import { KNOWLEDGE_LIST } from './knowledgeList';

const KIND_OF_CLASS = new Map<string, EntityKind>([
  ['company', 'org'], ['index', 'org'], ['agency', 'org'], ['org', 'org'], ['outlet', 'org'], ['team', 'org'], ['party', 'org'], ['leader', 'person'],
]);

/** Lower-cased listed names → what they are. */
export const KNOWN_NAMES = new Map<string, EntityKind>();
for (const line of KNOWLEDGE_LIST.split('\n')) {
  const tab = line.indexOf('\t');
  const kind = KIND_OF_CLASS.get(line.slice(0, tab));
  if (tab > 0 && kind) KNOWN_NAMES.set(line.slice(tab + 1).toLowerCase(), kind);
}
