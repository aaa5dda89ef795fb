/**
 * Aggregation state per group, kept in flat arrays indexed by group id. `bind` returns the per-row
 * update for one batch. Numeric aggregations skip events whose value is missing or not a number;
 * `pct` is the nearest-rank percentile (the value at rank ceil(p/100 × n) of the sorted values).
 */
import type { Env } from './env';
import type { StatsAgg } from './planTypes';
import type { FieldReader, FieldValue } from './source';
import { isMissing, toNumber, toText } from './values';

/** Per-row update of one aggregation for group g. */
export type Update = (g: number, i: number) => void;

/** The update of an aggregation another one feeds (a shared read): the stats sink leaves it out. */
export const FED: Update = () => {};

/** One aggregation over all groups. */
export interface Aggregator {
  /** Makes room for group `g` (called once per new group, in order). */
  addGroup(): void;
  bind(env: Env): Update;
  /** The result of group g; undefined when no event contributed a usable value. */
  value(g: number): number | undefined;
}

/** Aggregations that can share one read of a field with its percentiles. */
const SHARED = new Set<StatsAgg['fn']>(['pct', 'min', 'max', 'sum', 'avg', 'count']);

/**
 * The aggregators of a stats command. The aggregations of a field that has a percentile share one read of
 * it and one list of its values per group (kept once, sorted once per read): `count(d), sum(d), min(d),
 * max(d), pct(d, 50), pct(d, 99)` read `d` once per event, not six times.
 */
export function createAggregators(aggs: readonly StatsAgg[]): Aggregator[] {
  const withPct = new Set(aggs.filter((a) => a.fn === 'pct').map((a) => a.binding));
  const shared = new Map<unknown, ValueLists>();
  return aggs.map((a) => {
    const binding = a.binding;
    if (!binding || !withPct.has(binding) || !SHARED.has(a.fn)) return createAggregator(a);
    let lists = shared.get(binding);
    const owner = lists === undefined;
    if (!lists) {
      lists = new ValueLists((env) => env.reader(binding));
      shared.set(binding, lists);
    }
    return a.fn === 'pct' ? new Percentile(lists, a.percentile ?? 50, owner) : new FromValues(lists, a.fn, owner);
  });
}

/** The aggregator of an aggregation. */
export function createAggregator(a: StatsAgg): Aggregator {
  if (a.fn === 'count' && !a.binding) return new CountAll();
  const binding = a.binding;
  if (!binding) throw new Error(`internal: ${a.fn} without a field`);
  const read = (env: Env): FieldReader => env.reader(binding);
  switch (a.fn) {
    case 'count':
      return new CountPresent(read);
    case 'count_distinct':
      return new CountDistinct(read);
    case 'sum':
    case 'avg':
      return new SumAvg(read, a.fn === 'avg');
    case 'min':
    case 'max':
      return new MinMax(read, a.fn === 'max');
    case 'pct':
      return new Percentile(new ValueLists(read), a.percentile ?? 50, true);
  }
}

class CountAll implements Aggregator {
  private readonly counts: number[] = [];
  addGroup(): void {
    this.counts.push(0);
  }
  bind(): Update {
    const counts = this.counts;
    return (g) => {
      counts[g] = (counts[g] as number) + 1;
    };
  }
  value(g: number): number {
    return this.counts[g] ?? 0;
  }
}

class CountPresent implements Aggregator {
  private readonly counts: number[] = [];
  constructor(private readonly read: (env: Env) => FieldReader) {}
  addGroup(): void {
    this.counts.push(0);
  }
  bind(env: Env): Update {
    const r = this.read(env);
    const counts = this.counts;
    return (g, i) => {
      const v = r(i);
      if (v !== undefined && v !== null) counts[g] = (counts[g] as number) + 1;
    };
  }
  value(g: number): number {
    return this.counts[g] ?? 0;
  }
}

class CountDistinct implements Aggregator {
  private readonly sets: Set<string | number>[] = [];
  constructor(private readonly read: (env: Env) => FieldReader) {}
  addGroup(): void {
    this.sets.push(new Set());
  }
  bind(env: Env): Update {
    const r = this.read(env);
    const sets = this.sets;
    return (g, i) => {
      const v: FieldValue = r(i);
      if (isMissing(v)) return;
      // 200 and "200" are one value, as the service prints both the same way.
      const n = toNumber(v);
      (sets[g] as Set<string | number>).add(Number.isNaN(n) ? toText(v) : n);
    };
  }
  value(g: number): number {
    return this.sets[g]?.size ?? 0;
  }
}

class SumAvg implements Aggregator {
  private readonly sums: number[] = [];
  private readonly counts: number[] = [];
  constructor(
    private readonly read: (env: Env) => FieldReader,
    private readonly average: boolean,
  ) {}
  addGroup(): void {
    this.sums.push(0);
    this.counts.push(0);
  }
  bind(env: Env): Update {
    const r = this.read(env);
    const { sums, counts } = this;
    return (g, i) => {
      const v = r(i);
      const n = typeof v === 'number' ? v : toNumber(v);
      if (Number.isNaN(n)) return;
      sums[g] = (sums[g] as number) + n;
      counts[g] = (counts[g] as number) + 1;
    };
  }
  value(g: number): number | undefined {
    const n = this.counts[g] ?? 0;
    if (n === 0) return undefined;
    const s = this.sums[g] ?? 0;
    return this.average ? s / n : s;
  }
}

class MinMax implements Aggregator {
  private readonly best: number[] = [];
  constructor(
    private readonly read: (env: Env) => FieldReader,
    private readonly max: boolean,
  ) {}
  addGroup(): void {
    this.best.push(NaN);
  }
  bind(env: Env): Update {
    const r = this.read(env);
    const best = this.best;
    const max = this.max;
    return (g, i) => {
      const v = r(i);
      const n = typeof v === 'number' ? v : toNumber(v);
      if (Number.isNaN(n)) return;
      const b = best[g] as number;
      if (Number.isNaN(b) || (max ? n > b : n < b)) best[g] = n;
    };
  }
  value(g: number): number | undefined {
    const b = this.best[g];
    return b === undefined || Number.isNaN(b) ? undefined : b;
  }
}

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
class ValueLists {
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
class FromValues implements Aggregator {
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

class Percentile implements Aggregator {
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
