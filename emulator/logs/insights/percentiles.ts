/**
 * Percentiles, and the aggregations that share their read of a field: the values of a field per group in
 * flat arrays, read by every `pct` of that field and by its count, sum, avg, min and max.
 */
import { type Aggregator, FED, type Update } from './aggTypes';
import type { Env } from './env';
import type { StatsAgg } from './planTypes';
import type { FieldReader } from './source';
import { toNumber } from './values';

/**
 * The k-th smallest (0-based) of `a` (reordered in place): quickselect, O(n) on average, instead of
 * sorting a million durations on every GetQueryResults of a running query.
 */
export function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k] as number;
  }
  return a[k] as number;
}

/**
 * The numeric values of a field per group, in flat arrays (a group of a busy `stats … by` holds a value or
 * two: an array per group would cost more than the values). Reads group them by a counting sort and sort
 * each group's run once, again only after values were added.
 */
/** Sorts a[from..to) in place (the many small groups: no subarray per group). */
function insertionSort(a: Float64Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const v = a[i] as number;
    let j = i - 1;
    while (j >= from && (a[j] as number) > v) {
      a[j + 1] = a[j] as number;
      j--;
    }
    a[j + 1] = v;
  }
}

export class ValueLists {
  private groupOf = new Int32Array(1 << 14);
  private vals = new Float64Array(1 << 14);
  private size = 0;
  private groups = 0;
  /** Present values that are not numbers, per group (`count(field)` counts them; rare). */
  private readonly other = new Map<number, number>();
  /** Percentiles reading these lists (one alone over one group takes the quickselect path). */
  readers = 0;
  /** Each group's values sorted, at offsets[g], and their sums (built for `builtAt` values). */
  private sorted = new Float64Array(0);
  private offsets = new Int32Array(1);
  private sums = new Float64Array(0);
  private builtAt = -1;
  constructor(readonly read: (env: Env) => FieldReader) {}
  addGroup(): void {
    this.groups++;
  }
  /** Per event: the value and its group into two flat arrays (counts, sums, order: at the next read). */
  bind(env: Env): Update {
    const r = this.read(env);
    return (g, i) => {
      const v = r(i);
      if (v === undefined || v === null) return;
      const n = typeof v === 'number' ? v : toNumber(v);
      if (Number.isNaN(n)) {
        this.other.set(g, (this.other.get(g) ?? 0) + 1);
        return;
      }
      const k = this.size;
      if (k === this.vals.length) this.grow();
      this.groupOf[k] = g;
      this.vals[k] = n;
      this.size = k + 1;
    };
  }
  private grow(): void {
    const g = new Int32Array(this.size * 2);
    g.set(this.groupOf);
    this.groupOf = g;
    const v = new Float64Array(this.size * 2);
    v.set(this.vals);
    this.vals = v;
  }
  /** Counting sort by group, then each group's run sorted; sums on the way. */
  private build(): void {
    const { groups, size, groupOf, vals } = this;
    const offsets = new Int32Array(groups + 1);
    for (let k = 0; k < size; k++) {
      const at = (groupOf[k] as number) + 1;
      offsets[at] = (offsets[at] as number) + 1;
    }
    for (let g = 0; g < groups; g++) offsets[g + 1] = (offsets[g + 1] as number) + (offsets[g] as number);
    const fill = offsets.slice(0, groups);
    const sorted = new Float64Array(size);
    const sums = new Float64Array(groups);
    for (let k = 0; k < size; k++) {
      const g = groupOf[k] as number;
      const v = vals[k] as number;
      sorted[(fill[g] as number)++] = v;
      sums[g] = (sums[g] as number) + v;
    }
    for (let g = 0; g < groups; g++) {
      const from = offsets[g] as number;
      const to = offsets[g + 1] as number;
      if (to - from > 16) sorted.subarray(from, to).sort();
      else insertionSort(sorted, from, to);
    }
    this.sorted = sorted;
    this.offsets = offsets;
    this.sums = sums;
    this.builtAt = size;
  }
  private built(): void {
    if (this.builtAt !== this.size || this.offsets.length !== this.groups + 1) this.build();
  }
  /** Numeric values of group g. */
  count(g: number): number {
    if (this.groups === 1 && this.readers === 1) return this.size;
    this.built();
    return (this.offsets[g + 1] ?? 0) - (this.offsets[g] ?? 0);
  }
  /** Present values of group g (numeric or not). */
  present(g: number): number {
    return this.count(g) + (this.other.get(g) ?? 0);
  }
  /** sum, avg, min or max of group g (undefined without numeric values). */
  figure(g: number, fn: 'sum' | 'avg' | 'min' | 'max'): number | undefined {
    const n = this.count(g);
    if (n === 0) return undefined;
    this.built();
    const from = this.offsets[g] as number;
    if (fn === 'min') return this.sorted[from];
    if (fn === 'max') return this.sorted[from + n - 1];
    const sum = this.sums[g] as number;
    return fn === 'avg' ? sum / n : sum;
  }
  /** The value of 1-based rank `rank` in group g. */
  atRank(g: number, rank: number): number | undefined {
    // One group read by one percentile (`stats pct(d, 99)` without `by`): quickselect, O(n), instead of a sort.
    if (this.groups === 1 && this.readers === 1) return kthSmallest(this.vals.slice(0, this.size), rank - 1);
    if (this.count(g) === 0) return undefined;
    return this.sorted[(this.offsets[g] as number) + rank - 1];
  }
}

/** count, sum, avg, min or max of a field read once with its percentiles (`owner`: this one reads it). */
export class FromValues implements Aggregator {
  constructor(
    private readonly values: ValueLists,
    private readonly fn: StatsAgg['fn'],
    private readonly owner: boolean,
  ) {}
  addGroup(): void {
    if (this.owner) this.values.addGroup();
  }
  bind(env: Env): Update {
    return this.owner ? this.values.bind(env) : FED;
  }
  value(g: number): number | undefined {
    const fn = this.fn;
    if (fn === 'count') return this.values.present(g);
    return fn === 'sum' || fn === 'avg' || fn === 'min' || fn === 'max' ? this.values.figure(g, fn) : undefined;
  }
}

export class Percentile implements Aggregator {
  /**
   * `owner`: this aggregator adds the groups and pushes the values; the other percentiles of the field only
   * read them.
   */
  constructor(
    private readonly values: ValueLists,
    private readonly p: number,
    private readonly owner: boolean,
  ) {
    values.readers++;
  }
  addGroup(): void {
    if (this.owner) this.values.addGroup();
  }
  bind(env: Env): Update {
    return this.owner ? this.values.bind(env) : FED;
  }
  value(g: number): number | undefined {
    const n = this.values.count(g);
    if (n === 0) return undefined;
    // The lists sort once per read of the results (not per percentile): each rank is then one lookup.
    return this.values.atRank(g, Math.max(1, Math.ceil((this.p / 100) * n)));
  }
}
