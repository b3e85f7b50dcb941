/**
 * The strings and other values mention columns point to, one copy of each: a corpus owns one
 * table, and every cell of its articles' columns (packed.ts) indexes into it. Two corpora in
 * one process have two tables and never see each other's values.
 *
 * A cell is an integer: an even number is a small integer (an offset) times two, an odd one
 * is a table index times two plus one, and UNDEFINED marks an absent optional field.
 */

export type Primitive = string | number | boolean | null;

/** The cell of an absent optional field. */
export const UNDEFINED = -2147483648;
/** Integers below this (in magnitude) are stored in the cell itself. */
const SMALL = 2 ** 29;

/** The cell of `true`, the same in every table (it is always the table's first value). */
export const TRUE_CELL = 1;

export class ValueTable {
  private readonly values: Primitive[] = [];
  /** Value → its index. A Map tells 1 from "1", so strings and numbers share it. */
  private readonly index = new Map<Primitive, number>();

  constructor() {
    this.indexOf(true);
  }

  /** The index of a value, added when new. Throws for anything but a primitive. */
  indexOf(value: unknown): number {
    if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw new Error(`cannot store a ${typeof value} in a mention column`);
    let index = this.index.get(value);
    if (index === undefined) {
      index = this.values.push(value) - 1;
      this.index.set(value, index);
    }
    return index;
  }

  /** The value at an index; throws when there is none. */
  valueAt(index: number): Primitive {
    if (!(index >= 0 && index < this.values.length)) throw new Error('value out of range');
    return this.values[index];
  }

  /** The number of values held. */
  get size(): number {
    return this.values.length;
  }

  /** The cell for a value. */
  cellOf(value: unknown): number {
    if (value === undefined) return UNDEFINED;
    if (typeof value === 'number' && Number.isInteger(value) && value > -SMALL && value < SMALL) return value * 2;
    return this.indexOf(value) * 2 + 1;
  }

  /** The value of a cell. */
  valueOf(cell: number): unknown {
    if (cell === UNDEFINED) return undefined;
    return (cell & 1) === 0 ? cell / 2 : this.valueAt((cell - 1) / 2);
  }

  /** The cell a string already in the table has, or -1 (a key nobody has seen matches no cell). */
  stringCell(value: string): number {
    const index = this.index.get(value);
    return index === undefined ? -1 : index * 2 + 1;
  }
}
