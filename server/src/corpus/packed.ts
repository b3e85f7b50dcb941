import type { ArticleAnalysis, DateMention, EntityMention, FigureMention } from '../analysis/types';

/**
 * Mentions kept as integer columns instead of objects. An article carries about 130 mentions;
 * as objects they cost some 24 KB of heap per article (2.4 GB at 100,000 articles), as
 * columns about 5 KB. Objects are made again on demand, one article at a time, for the few
 * articles a request looks at; corpus-wide scans (references, definitions, ledgers) read
 * the columns directly.
 *
 * A cell is an integer: an even number is a small integer (an offset) times two, an odd one
 * is an index into one value table shared by the whole process (strings, flags, decimals,
 * null) times two plus one, and UNDEFINED marks an absent optional field. The same form is
 * what the cache file stores, so loading the cache is a copy with the indices remapped.
 */

export const UNDEFINED = -2147483648;
const SMALL = 2 ** 29;

/** Field order of each list; `text` is never stored (it is the article text between start and end). */
export const ENTITY_FIELDS = ['start', 'end', 'kind', 'key', 'canonical', 'surname', 'fullName', 'role', 'rule', 'demonym'] as const;
export const DATE_FIELDS = ['start', 'end', 'type', 'value', 'relative', 'unresolved', 'reading'] as const;
export const FIGURE_FIELDS = ['start', 'end', 'type', 'value', 'high', 'unit', 'counted', 'approx', 'measure'] as const;
export const LIST_FIELDS = [ENTITY_FIELDS, DATE_FIELDS, FIGURE_FIELDS] as const;

/** Column numbers the corpus scans read directly, from the field lists above. */
export const E_START = ENTITY_FIELDS.indexOf('start');
export const E_END = ENTITY_FIELDS.indexOf('end');
export const E_KIND = ENTITY_FIELDS.indexOf('kind');
export const E_KEY = ENTITY_FIELDS.indexOf('key');
export const E_CANONICAL = ENTITY_FIELDS.indexOf('canonical');
export const E_SURNAME = ENTITY_FIELDS.indexOf('surname');
export const E_FULL_NAME = ENTITY_FIELDS.indexOf('fullName');
export const E_ROLE = ENTITY_FIELDS.indexOf('role');
export const E_RULE = ENTITY_FIELDS.indexOf('rule');
export const E_DEMONYM = ENTITY_FIELDS.indexOf('demonym');
export const F_MEASURE = FIGURE_FIELDS.indexOf('measure');

/** Everything about an article but its mention lists. */
export type AnalysisMeta = Omit<ArticleAnalysis, 'entities' | 'dates' | 'figures'>;

/**
 * One article's analysis in columns. `cells` holds the three lists one after the other, each
 * field by field (field f of mention i of a list with n mentions at base + f * n + i).
 */
export interface PackedAnalysis {
  meta: AnalysisMeta;
  /** Number of entities, dates and figures. */
  counts: [number, number, number];
  cells: Int32Array;
}

type Primitive = string | number | boolean | null;

/** The process-wide table of values cells point to: one copy of each repeated string. */
class ValueTable {
  private readonly values: Primitive[] = [];
  /** Value → its index. A Map tells 1 from "1", so strings and numbers share it. */
  private readonly index = new Map<Primitive, number>();

  ref(value: unknown): number {
    if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw new Error(`cannot store a ${typeof value} in a mention column`);
    let index = this.index.get(value);
    if (index === undefined) {
      index = this.values.push(value) - 1;
      this.index.set(value, index);
    }
    return index;
  }

  /** The index of a string already in the table, or -1 (a key nobody has seen matches no cell). */
  find(value: string): number {
    return this.index.get(value) ?? -1;
  }

  value(index: number): unknown {
    if (index < 0 || index >= this.values.length) throw new Error('value out of range');
    return this.values[index];
  }
}

export const values = new ValueTable();

/** The cell for a value. */
export function cellOf(value: unknown): number {
  if (value === undefined) return UNDEFINED;
  if (typeof value === 'number' && Number.isInteger(value) && value > -SMALL && value < SMALL) return value * 2;
  return values.ref(value) * 2 + 1;
}

/** The value of a cell. */
export function valueOf(cell: number): unknown {
  if (cell === UNDEFINED) return undefined;
  return (cell & 1) === 0 ? cell / 2 : values.value((cell - 1) / 2);
}

/** The cell a string value would have, or -1 when no cell can hold it. */
export function stringCell(value: string): number {
  const index = values.find(value);
  return index < 0 ? -1 : index * 2 + 1;
}

/** Packs an analysis (its mentions sorted by start already). */
export function pack(analysis: ArticleAnalysis): PackedAnalysis {
  const { entities, dates, figures, ...meta } = analysis;
  const lists = [entities, dates, figures] as unknown as Record<string, unknown>[][];
  let size = 0;
  for (let l = 0; l < 3; l++) size += lists[l].length * LIST_FIELDS[l].length;
  const cells = new Int32Array(size);
  let at = 0;
  for (let l = 0; l < 3; l++) {
    const list = lists[l];
    const n = list.length;
    const fields = LIST_FIELDS[l];
    for (let f = 0; f < fields.length; f++) {
      const name = fields[f];
      for (let i = 0; i < n; i++) cells[at + f * n + i] = cellOf(list[i][name]);
    }
    at += fields.length * n;
  }
  return { meta, counts: [entities.length, dates.length, figures.length], cells };
}

/** Where each list starts in `cells`. */
export function bases(packed: PackedAnalysis): [number, number, number] {
  const [e, d] = packed.counts;
  return [0, e * ENTITY_FIELDS.length, e * ENTITY_FIELDS.length + d * DATE_FIELDS.length];
}

function unpackList<T>(packed: PackedAnalysis, list: 0 | 1 | 2, text: string, kind?: string): T[] {
  const n = packed.counts[list];
  const base = bases(packed)[list];
  const out: T[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = objectAt<T>(packed, list, base, i, text, kind);
  return out;
}

/** One mention as an object. */
export function unpackOne<T>(packed: PackedAnalysis, list: 0 | 1 | 2, i: number, text: string, kind?: string): T {
  return objectAt<T>(packed, list, bases(packed)[list], i, text, kind);
}

/** Mention i of the list starting at `base` in `cells`. */
function objectAt<T>(packed: PackedAnalysis, list: 0 | 1 | 2, base: number, i: number, text: string, kind?: string): T {
  const n = packed.counts[list];
  const fields = LIST_FIELDS[list];
  const item: Record<string, unknown> = kind ? { kind } : {};
  for (let f = 0; f < fields.length; f++) {
    const v = valueOf(packed.cells[base + f * n + i]);
    if (v !== undefined) item[fields[f]] = v;
  }
  item.text = text.slice(item.start as number, item.end as number);
  return item as T;
}

/** The entity mentions of a packed analysis as objects. */
export function unpackEntities(packed: PackedAnalysis, text: string): EntityMention[] {
  return unpackList<EntityMention>(packed, 0, text);
}

/** The whole analysis as objects, as the engine made it. */
export function unpack(packed: PackedAnalysis, text: string): ArticleAnalysis {
  return {
    ...packed.meta,
    entities: unpackEntities(packed, text),
    dates: unpackList<DateMention>(packed, 1, text, 'date'),
    figures: unpackList<FigureMention>(packed, 2, text, 'figure'),
  };
}

/** The cells of one field of one list, for scans: [cells, base of the field, count]. */
export function column(packed: PackedAnalysis, list: 0 | 1 | 2, field: number): { cells: Int32Array; at: number; n: number } {
  const n = packed.counts[list];
  return { cells: packed.cells, at: bases(packed)[list] + field * n, n };
}
