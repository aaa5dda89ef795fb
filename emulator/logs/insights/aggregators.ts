/**
 * Aggregation state per group, kept in flat arrays indexed by group id. `bind` returns the per-row
 * update for one batch. Numeric aggregations skip events whose value is missing or not a number;
 * `pct` is the nearest-rank percentile (the value at rank ceil(p/100 × n) of the sorted values).
 */
import type { Aggregator, Update } from './aggTypes';
import type { Env } from './env';
import { FromValues, Percentile, ValueLists } from './percentiles';
import type { StatsAgg } from './planTypes';
import type { FieldReader, FieldValue } from './source';
import { isMissing, toNumber, toText } from './values';

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

export { type Aggregator, FED, type Update } from './aggTypes';
export { kthSmallest } from './percentiles';
