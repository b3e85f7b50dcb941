import { splitKey } from '../analysis/entityKeys';
import type { EntityMention } from '../analysis/types';
import { ENTITIES, pack, unpackList, type PackedAnalysis } from './packed';
import type { ValueTable } from './valueTable';

/** Corrections as the corpus applies them: ids and keys, with files already turned into uris. */
export interface AppliedCorrections {
  /** Groups of ids that are one entity, with an optional display name. */
  merges: { ids: string[]; name?: string }[];
  /** Keys that never join automatically (surname to full name). */
  noJoin: Set<string>;
  /** uri → keys whose mentions in that article are an entity of their own. */
  splitIn: Map<string, Set<string>>;
  /** Lower-cased spellings and keys that are not entities. */
  notEntity: Set<string>;
}

export const NO_CORRECTIONS: AppliedCorrections = Object.freeze({ merges: [], noJoin: new Set<string>(), splitIn: new Map<string, Set<string>>(), notEntity: new Set<string>() });

/**
 * The entity columns of an article after the reader's corrections: not-an-entity spellings
 * and keys dropped, split keys keyed apart. The engine's own columns when nothing applies, so
 * an uncorrected article costs nothing more.
 */
export function correctEntities(table: ValueTable, corrections: AppliedCorrections, uri: string, packed: PackedAnalysis, text: string): PackedAnalysis {
  const { notEntity, splitIn } = corrections;
  const split = splitIn.get(uri);
  if (notEntity.size === 0 && !split) return packed;
  const out: EntityMention[] = [];
  let changed = false;
  for (const m of unpackList<EntityMention>(table, packed, ENTITIES, text)) {
    if (notEntity.has(m.text.toLowerCase()) || notEntity.has(m.canonical.toLowerCase()) || notEntity.has(m.key)) {
      changed = true;
      continue;
    }
    if (split?.has(m.key)) {
      changed = true;
      out.push({ ...m, key: splitKey(m.key, uri), rule: `${m.rule}, split by correction` });
    } else out.push(m);
  }
  return changed ? pack(table, { ...packed.meta, entities: out, dates: [], figures: [] }) : packed;
}
