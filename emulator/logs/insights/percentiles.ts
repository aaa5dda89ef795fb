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
export class ValueLists {
  private groupOf = new Int32Array(1024);
  private vals = new Float64Array(1024);
  private size = 0;
  /** Present values per group (`count(field)`: numeric or not); numeric values, their sum, least and greatest. */
  readonly present: number[] = [];
  readonly counts: number[] = [];
  readonly sums: number[] = [];
  readonly mins: number[] = [];
  readonly maxs: number[] = [];
  /** Percentiles reading these lists (one alone over one group takes the quickselect path). */
  readers = 0;
  /** Each group's values sorted, at offsets[g] (built for `builtAt` values). */
  private sorted = new Float64Array(0);
  private offsets = new Int32Array(0);
  private builtAt = -1;
  constructor(readonly read: (env: Env) => FieldReader) {}
  addGroup(): void {
    this.present.push(0);
    this.counts.push(0);
    this.sums.push(0);
    this.mins.push(Number.POSITIVE_INFINITY);
    this.maxs.push(Number.NEGATIVE_INFINITY);
  }
  bind(env: Env): Update {
    const r = this.read(env);
    const { present, counts, sums, mins, maxs } = this;
    return (g, i) => {
      const v = r(i);
      if (v === undefined || v === null) return;
      present[g] = (present[g] as number) + 1;
      const n = typeof v === 'number' ? v : toNumber(v);
      if (Number.isNaN(n)) return;
      if (this.size === this.vals.length) this.grow();
      this.groupOf[this.size] = g;
      this.vals[this.size++] = n;
      counts[g] = (counts[g] as number) + 1;
      sums[g] = (sums[g] as number) + n;
      if (n < (mins[g] as number)) mins[g] = n;
      if (n > (maxs[g] as number)) maxs[g] = n;
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
  private build(): void {
    const groups = this.counts.length;
    const offsets = new Int32Array(groups + 1);
    for (let g = 0; g < groups; g++) offsets[g + 1] = (offsets[g] as number) + (this.counts[g] as number);
    const fill = offsets.slice(0, groups);
    const sorted = new Float64Array(this.size);
    for (let k = 0; k < this.size; k++) sorted[(fill[this.groupOf[k] as number] as number)++] = this.vals[k] as number;
    for (let g = 0; g < groups; g++) {
      const from = offsets[g] as number;
      const to = offsets[g + 1] as number;
      if (to - from > 1) sorted.subarray(from, to).sort();
    }
    this.sorted = sorted;
    this.offsets = offsets;
    this.builtAt = this.size;
  }
  /** The value of 1-based rank `rank` in group g. */
  atRank(g: number, rank: number): number | undefined {
    if ((this.counts[g] ?? 0) === 0) return undefined;
    // One group read by one percentile (`stats pct(d, 99)` without `by`): quickselect, O(n), instead of a sort.
    if (this.counts.length === 1 && this.readers === 1) return kthSmallest(this.vals.slice(0, this.size), rank - 1);
    if (this.builtAt !== this.size) this.build();
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
    const { present, counts, sums, mins, maxs } = this.values;
    if (this.fn === 'count') return present[g] ?? 0;
    const n = counts[g] ?? 0;
    if (n === 0) return undefined;
    if (this.fn === 'min') return mins[g];
    if (this.fn === 'max') return maxs[g];
    const sum = sums[g] as number;
    return this.fn === 'avg' ? sum / n : sum;
  }
}

export class Percentile implements Aggregator {
  /** Last answer per group and the list length it was computed for (unchanged lists are not recomputed). */
  private readonly memo: Array<{ n: number; v: number } | undefined> = [];
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
    const n = this.values.counts[g] ?? 0;
    if (n === 0) return undefined;
    const memo = this.memo[g];
    if (memo && memo.n === n) return memo.v;
    const rank = Math.max(1, Math.ceil((this.p / 100) * n));
    const v = this.values.atRank(g, rank) as number;
    this.memo[g] = { n, v };
    return v;
  }
}
