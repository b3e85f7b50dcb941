/**
 * The recipe of the shipped tagger, shared by `npm run train` and the cross-validation, so the
 * scores reported are those of the model shipped.
 */
import { KNOWLEDGE_LIST } from '../../server/src/analysis/knowledge/knowledgeList';
import { headlineVariants, knownNameVariants, type TrainDoc } from './data';
import type { TrainOptions } from './train';

export const DEFAULT_OPTIONS: TrainOptions = { epochs: 8, bucketBits: 18, seed: 1, useRules: true };

/** Organization and person names of the knowledge list, in a fixed shuffled order. */
function knownNames(): { org: string[]; person: string[] } {
  const org: string[] = [];
  const person: string[] = [];
  for (const line of KNOWLEDGE_LIST.split('\n')) {
    const [cls, name] = line.split('\t');
    if (!name) continue;
    if (cls === 'company' || cls === 'index' || cls === 'agency' || cls === 'outlet' || cls === 'org' || cls === 'team') org.push(name);
    else if (cls === 'leader') person.push(name);
  }
  const shuffle = (list: string[]): string[] => list.map((n, i) => ({ n, k: Math.imul(i + 1, 2654435761) >>> 0 })).sort((a, b) => a.k - b.k).map((x) => x.n);
  return { org: shuffle(org), person: shuffle(person) };
}

/** The documents a model learns from: the given ones, their headline variants and known-name variants. */
export function trainingSet(docs: TrainDoc[], knownShare = Number(process.env.KNOWN_SHARE ?? 0.3)): TrainDoc[] {
  return [...docs, ...headlineVariants(docs, 0.25), ...(knownShare > 0 ? knownNameVariants(docs, knownNames(), knownShare) : [])];
}
