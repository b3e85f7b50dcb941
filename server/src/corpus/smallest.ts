/**
 * The `limit` smallest strings in code-unit order, sorted, without sorting them all: a
 * bounded max-heap when that is fewer than all ("United States" is in 100,000 articles, a
 * reference list shows the first 2,000).
 */
export function smallest(items: Iterable<string> & { readonly size: number }, limit: number): string[] {
  if (items.size <= limit) return [...items].sort();
  const heap: string[] = [];
  for (const item of items) {
    if (heap.length < limit) {
      heap.push(item);
      siftUp(heap, heap.length - 1);
    } else if (item < heap[0]) {
      heap[0] = item;
      siftDown(heap, 0);
    }
  }
  return heap.sort();
}

function siftUp(heap: string[], at: number): void {
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (heap[parent] >= heap[at]) return;
    [heap[parent], heap[at]] = [heap[at], heap[parent]];
    at = parent;
  }
}

function siftDown(heap: string[], at: number): void {
  for (;;) {
    const l = 2 * at + 1;
    const r = l + 1;
    let top = at;
    if (l < heap.length && heap[l] > heap[top]) top = l;
    if (r < heap.length && heap[r] > heap[top]) top = r;
    if (top === at) return;
    [heap[at], heap[top]] = [heap[top], heap[at]];
    at = top;
  }
}

/** A map's keys as a sized iterable, without copying them into a set. */
export class KeysView implements Iterable<string> {
  constructor(private readonly map: ReadonlyMap<string, unknown>) {}

  get size(): number {
    return this.map.size;
  }

  [Symbol.iterator](): Iterator<string> {
    return this.map.keys();
  }
}
