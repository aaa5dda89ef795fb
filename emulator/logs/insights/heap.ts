/**
 * A bounded binary heap that keeps the `capacity` best rows under a comparator (the worst kept row
 * sits at the root, so a candidate is checked against it in O(1) before it is even materialized).
 */
import type { Row } from './planTypes';

/** Keeps the best `capacity` rows; "best" = smallest under `cmp`. */
export class BoundedHeap {
  private readonly items: Row[] = [];

  constructor(
    private readonly cmp: (a: Row, b: Row) => number,
    private readonly capacity: number,
  ) {}

  /** Whether `candidate` would be kept (it is better than the worst kept row, or there is room). */
  accepts(candidate: Row): boolean {
    const root = this.items[0];
    return this.items.length < this.capacity || (root !== undefined && this.cmp(candidate, root) < 0);
  }

  /** Adds a row that `accepts` approved. */
  push(row: Row): void {
    const items = this.items;
    if (items.length < this.capacity) {
      items.push(row);
      this.siftUp(items.length - 1);
    } else {
      items[0] = row;
      this.siftDown(0);
    }
  }

  /** The kept rows, best first. */
  sorted(): Row[] {
    return [...this.items].sort(this.cmp);
  }

  private siftUp(i: number): void {
    const items = this.items;
    const x = items[i] as Row;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent] as Row;
      if (this.cmp(x, p) <= 0) break;
      items[i] = p;
      i = parent;
    }
    items[i] = x;
  }

  private siftDown(i: number): void {
    const items = this.items;
    const n = items.length;
    const x = items[i] as Row;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && this.cmp(items[right] as Row, items[child] as Row) > 0) child = right;
      if (this.cmp(items[child] as Row, x) <= 0) break;
      items[i] = items[child] as Row;
      i = child;
    }
    items[i] = x;
  }
}
