/**
 * Counts of strings (a key's spellings, roles, rules, canonical names, article dates). Most keys
 * have one of each, so the first is kept in two fields and a Map is made only for a second:
 * at 100,000 keys that is 500,000 Maps fewer for the collector. Iterates like the Map it stands
 * for (entries in insertion order, counts above zero only).
 */
export class Tally implements Iterable<[string, number]> {
  private one: string | undefined;
  private n = 0;
  private more: Map<string, number> | undefined;

  /** Adds delta to a count; a count that reaches zero is dropped. */
  bump(key: string, delta: number): void {
    const more = this.more;
    if (more) {
      const n = (more.get(key) ?? 0) + delta;
      if (n > 0) more.set(key, n);
      else more.delete(key);
    } else if (this.one === undefined || this.one === key) {
      const n = (this.one === key ? this.n : 0) + delta;
      if (n > 0) {
        this.one = key;
        this.n = n;
      } else {
        this.one = undefined;
        this.n = 0;
      }
    } else if (delta > 0) {
      this.more = new Map([
        [this.one, this.n],
        [key, delta],
      ]);
      this.one = undefined;
      this.n = 0;
    }
  }

  get size(): number {
    return this.more ? this.more.size : this.one === undefined ? 0 : 1;
  }

  get(key: string): number | undefined {
    return this.more ? this.more.get(key) : this.one === key ? this.n : undefined;
  }

  *keys(): IterableIterator<string> {
    for (const [key] of this) yield key;
  }

  *[Symbol.iterator](): IterableIterator<[string, number]> {
    if (this.more) yield* this.more;
    else if (this.one !== undefined) yield [this.one, this.n];
  }
}
