import type { ArticleAnalysis, DateMention, EntityKind, EntityMention, FigureMention } from '../analysis/types';
import { TRUE_CELL, UNDEFINED, type ValueTable } from './valueTable';

/**
 * Mentions kept as integer columns instead of objects. An article carries about 130 mentions;
 * as objects they cost some 24 KB of heap per article (2.4 GB at 100,000 articles), as
 * columns about 5 KB. Objects are made on demand for the mentions a request looks at;
 * corpus-wide scans (references, definitions, ledgers) read the columns directly.
 *
 * Each cell is a small integer or an index into the corpus's value table (valueTable.ts).
 * The same form is what the cache file stores, so loading the cache is a copy with the
 * indices remapped.
 */

/** Field order of each list; `text` is never stored (it is the article text between start and end). */
export const ENTITY_FIELDS = ['start', 'end', 'kind', 'key', 'canonical', 'surname', 'fullName', 'role', 'rule', 'demonym'] as const;
export const DATE_FIELDS = ['start', 'end', 'type', 'value', 'relative', 'unresolved', 'reading'] as const;
export const FIGURE_FIELDS = ['start', 'end', 'type', 'value', 'high', 'unit', 'counted', 'approx', 'measure'] as const;
export const LIST_FIELDS = [ENTITY_FIELDS, DATE_FIELDS, FIGURE_FIELDS] as const;

/** The three mention lists, by their place in `cells`. */
export const ENTITIES = 0;
export const DATES = 1;
export const FIGURES = 2;
export type List = typeof ENTITIES | typeof DATES | typeof FIGURES;

/** Column numbers the corpus scans read directly, from the field lists above. */
export const START = 0;
export const END = 1;
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

/** Packs an analysis whose mentions are sorted by start. */
export function pack(table: ValueTable, analysis: ArticleAnalysis): PackedAnalysis {
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
      for (let i = 0; i < n; i++) cells[at + f * n + i] = table.cellOf(list[i][name]);
    }
    at += fields.length * n;
  }
  return { meta, counts: [entities.length, dates.length, figures.length], cells };
}

/** Where each list starts in `cells`. */
function bases(packed: PackedAnalysis): [number, number, number] {
  const [e, d] = packed.counts;
  return [0, e * ENTITY_FIELDS.length, e * ENTITY_FIELDS.length + d * DATE_FIELDS.length];
}

/** The cells of one field of one list, for scans: cell i of the field is cells[at + i]. */
export function column(packed: PackedAnalysis, list: List, field: number): { cells: Int32Array; at: number; n: number } {
  const n = packed.counts[list];
  return { cells: packed.cells, at: bases(packed)[list] + field * n, n };
}

const KIND_OF_LIST = [undefined, 'date', 'figure'] as const;

/** Mention i of a list as an object, as the engine made it. */
export function unpackOne<T>(table: ValueTable, packed: PackedAnalysis, list: List, i: number, text: string): T {
  const n = packed.counts[list];
  const base = bases(packed)[list];
  const fields = LIST_FIELDS[list];
  const kind = KIND_OF_LIST[list];
  const item: Record<string, unknown> = kind ? { kind } : {};
  for (let f = 0; f < fields.length; f++) {
    const v = table.valueOf(packed.cells[base + f * n + i]);
    if (v !== undefined) item[fields[f]] = v;
  }
  item.text = text.slice(item.start as number, item.end as number);
  return item as T;
}

/** One list of mentions as objects. */
export function unpackList<T>(table: ValueTable, packed: PackedAnalysis, list: List, text: string): T[] {
  const out: T[] = new Array(packed.counts[list]);
  for (let i = 0; i < out.length; i++) out[i] = unpackOne<T>(table, packed, list, i, text);
  return out;
}

/** The whole analysis as objects, as the engine made it. */
export function unpack(table: ValueTable, packed: PackedAnalysis, text: string): ArticleAnalysis {
  return {
    ...packed.meta,
    entities: unpackList<EntityMention>(table, packed, ENTITIES, text),
    dates: unpackList<DateMention>(table, packed, DATES, text),
    figures: unpackList<FigureMention>(table, packed, FIGURES, text),
  };
}

/**
 * The mention of a list containing an offset (end inclusive), by binary search over the start
 * and end columns (mentions are in text order); -1 when none.
 */
export function indexAt(packed: PackedAnalysis, list: List, offset: number): number {
  const { cells, at, n } = column(packed, list, START);
  const ends = at + n;
  let lo = 0;
  let hi = n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset * 2 < cells[at + mid]) hi = mid - 1;
    else if (offset * 2 > cells[ends + mid]) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Reads the fields of entity mentions straight from their columns, without an object per mention. */
export class EntityColumns {
  readonly n: number;
  private readonly cells: Int32Array;

  constructor(
    private readonly table: ValueTable,
    packed: PackedAnalysis,
    readonly source: string,
  ) {
    this.n = packed.counts[ENTITIES];
    this.cells = packed.cells;
  }

  cell(field: number, i: number): number {
    return this.cells[field * this.n + i];
  }

  private value(field: number, i: number): unknown {
    return this.table.valueOf(this.cells[field * this.n + i]);
  }

  start(i: number): number {
    return this.cell(START, i) / 2;
  }

  end(i: number): number {
    return this.cell(END, i) / 2;
  }

  key(i: number): string {
    return this.value(E_KEY, i) as string;
  }

  kind(i: number): EntityKind {
    return this.value(E_KIND, i) as EntityKind;
  }

  text(i: number): string {
    return this.source.slice(this.start(i), this.end(i));
  }

  /** The text of a mention, as the shared copy of its canonical name when it is spelt so. */
  spelling(i: number): string {
    const start = this.start(i);
    const end = this.end(i);
    const canonical = this.canonical(i);
    return canonical.length === end - start && this.source.startsWith(canonical, start) ? canonical : this.source.slice(start, end);
  }

  canonical(i: number): string {
    return this.value(E_CANONICAL, i) as string;
  }

  surname(i: number): string | undefined {
    return this.value(E_SURNAME, i) as string | undefined;
  }

  role(i: number): string | undefined {
    return this.value(E_ROLE, i) as string | undefined;
  }

  rule(i: number): string {
    return this.value(E_RULE, i) as string;
  }

  /** The demonym field as stored: true, or absent. */
  demonymField(i: number): boolean | undefined {
    return this.value(E_DEMONYM, i) as boolean | undefined;
  }

  demonym(i: number): boolean {
    return this.cell(E_DEMONYM, i) === TRUE_CELL;
  }

  fullName(i: number): boolean {
    return this.cell(E_FULL_NAME, i) === TRUE_CELL;
  }
}

export { UNDEFINED };
