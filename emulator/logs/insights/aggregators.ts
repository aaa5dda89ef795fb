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

/** One aggregation over all groups. */
export interface Aggregator {
  /** Makes room for group `g` (called once per new group, in order). */
  addGroup(): void;
  bind(env: Env): Update;
  /** The result of group g; undefined when no event contributed a usable value. */
  value(g: number): number | undefined;
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
      return new Percentile(read, a.percentile ?? 50);
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

class Percentile implements Aggregator {
  private readonly lists: number[][] = [];
  /** Last answer per group and the list length it was computed for (unchanged lists are not recomputed). */
  private readonly memo: Array<{ n: number; v: number } | undefined> = [];
  constructor(
    private readonly read: (env: Env) => FieldReader,
    private readonly p: number,
  ) {}
  addGroup(): void {
    this.lists.push([]);
  }
  bind(env: Env): Update {
    const r = this.read(env);
    const lists = this.lists;
    return (g, i) => {
      const v = r(i);
      const n = typeof v === 'number' ? v : toNumber(v);
      if (!Number.isNaN(n)) (lists[g] as number[]).push(n);
    };
  }
  value(g: number): number | undefined {
    const list = this.lists[g];
    if (!list || list.length === 0) return undefined;
    const memo = this.memo[g];
    if (memo && memo.n === list.length) return memo.v;
    const rank = Math.max(1, Math.ceil((this.p / 100) * list.length));
    const v = kthSmallest(Float64Array.from(list), rank - 1);
    this.memo[g] = { n: list.length, v };
    return v;
  }
}
