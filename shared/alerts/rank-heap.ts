// A binary heap with lazy invalidation: an update pushes a fresh entry and
// marks older ones stale, so re-ranking one alert costs O(log n) and reading
// the top n costs O(n log n), never a re-sort of every alert.

/** A heap ordered by `before(a, b)` (true when a comes first). */
export class LazyHeap<T> {
  private items: T[] = [];

  constructor(private readonly before: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  /** Adds an entry. */
  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  /** The first entry, or undefined. */
  peek(): T | undefined {
    return this.items[0];
  }

  /** Removes and returns the first entry. */
  pop(): T | undefined {
    const items = this.items;
    if (items.length === 0) return undefined;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  /** Replaces the contents with `entries` in O(n). */
  rebuild(entries: T[]): void {
    this.items = entries;
    for (let i = (entries.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  /** Every entry, in heap (not sorted) order. */
  entries(): readonly T[] {
    return this.items;
  }

  private siftDown(start: number): void {
    const items = this.items;
    const n = items.length;
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) return;
      const right = left + 1;
      const child = right < n && this.before(items[right]!, items[left]!) ? right : left;
      if (!this.before(items[child]!, items[i]!)) return;
      [items[i], items[child]] = [items[child]!, items[i]!];
      i = child;
    }
  }
}
