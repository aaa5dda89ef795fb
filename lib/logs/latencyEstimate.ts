/**
 * Latency of a view from the traffic pass, so that a view scans its records once: each row of that pass
 * (a time bin × status code × the other traffic dimensions) carries its requests' duration count, sum,
 * minimum, maximum and percentiles at fixed levels (`DURATION_AGGS`). Requests, average and maximum add
 * up exactly. A percentile of the whole is estimated from the mixture of the rows' distributions: each
 * row's CDF runs through its percentile knots (linear in log(1 + ms) between them), and the estimate is
 * where the rows' CDFs, weighted by their counts, reach the level. It always lies between the smallest
 * and the largest of the rows' own percentiles at that level, and it is exact when one row holds every
 * request. Pure.
 */
import type { Aggregation } from './query';
import type { ResultRow } from './panelTypes';

/** Percentile levels each row of the traffic pass carries (their knots). */
export const KNOT_LEVELS = [10, 25, 50, 75, 90, 95, 99] as const;

const knotAlias = (p: number) => `d${p}`;

/** The duration aggregations added to the traffic pass (alias → aggregation). */
export const DURATION_AGGS: ReadonlyArray<{ agg: Aggregation; as: string }> = [
  { agg: { fn: 'count', field: 'duration' }, as: 'dn' },
  { agg: { fn: 'sum', field: 'duration' }, as: 'dsum' },
  { agg: { fn: 'min', field: 'duration' }, as: 'dmin' },
  { agg: { fn: 'max', field: 'duration' }, as: 'dmax' },
  ...KNOT_LEVELS.map((p) => ({ agg: { fn: 'pct' as const, field: 'duration', percentile: p }, as: knotAlias(p) })),
];

/** The latency of a view: requests, and duration figures in ms (undefined without numeric durations). */
export interface LatencyEstimate {
  requests: number;
  p50: number | undefined;
  p95: number | undefined;
  p99: number | undefined;
  avg: number | undefined;
  max: number | undefined;
  /** Estimated percentiles, with the range the true value lies in (absent: the value is exact). */
  ranges: Partial<Record<PctColumn, Estimate>>;
}

/** The percentiles a view shows. */
export const PCT_COLUMNS = ['p50', 'p95', 'p99'] as const;
/** One of `PCT_COLUMNS`. */
export type PctColumn = (typeof PCT_COLUMNS)[number];

/** An estimated percentile (ms): the estimate, and the least and most it can be given the rows. */
export interface Estimate {
  value: number;
  from: number;
  to: number;
}

/** One row's duration distribution: its weight and CDF knots (x in log(1 + ms), increasing). */
interface RowCdf {
  n: number;
  xs: number[];
  /** F just below xs[i] and at xs[i]. */
  below: number[];
  at: number[];
}

/** A result cell as a number; undefined when empty or not a finite number. */
export const num = (v: string | undefined): number | undefined => {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};
const lg = (ms: number) => Math.log1p(Math.max(0, ms));

/**
 * The knots of a row. A nearest-rank percentile at level p is the value of rank ceil(p × n): each knot is a
 * record of known rank (the minimum rank 1, the maximum rank n), so F jumps by 1/n there, and the records
 * of the ranks between two knots spread evenly (in log(1 + ms)) between their values. Up to 5 records
 * every rank is a knot: the row's distribution is exact.
 */
function rowCdf(row: ResultRow): RowCdf | undefined {
  const n = num(row.dn);
  const min = num(row.dmin);
  const max = num(row.dmax);
  if (!n || n <= 0 || min === undefined || max === undefined) return undefined;
  const knots: Array<[number, number]> = [[min, 1]];
  for (const p of KNOT_LEVELS) {
    const v = num(row[knotAlias(p)]);
    if (v !== undefined) knots.push([Math.min(max, Math.max(min, v)), Math.max(1, Math.ceil((p / 100) * n))]);
  }
  knots.push([max, n]);
  knots.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  // Below each knot's value: its rank less one (the ranks up to it, without itself); at it: its rank.
  const xs: number[] = [];
  const below: number[] = [];
  const at: number[] = [];
  for (const [v, rank] of knots) {
    const x = lg(v);
    const last = xs.length - 1;
    if (last >= 0 && xs[last] === x) at[last] = Math.max(at[last]!, rank);
    else {
      xs.push(x);
      below.push(Math.max(rank - 1, at[last] ?? 0));
      at.push(Math.max(rank, at[last] ?? 0));
    }
  }
  return { n, xs, below: below.map((r) => r / n), at: at.map((r) => r / n) };
}

/**
 * How the records between two knots are placed: `mid` spreads them evenly (in log(1 + ms)) between the
 * knots' values, `low` puts them all at the upper knot and `high` all at the lower one — the least and the
 * most the row's CDF can be, so the quantiles of those two bound the true one.
 */
type Model = 'mid' | 'low' | 'high';

/** A change of the weighted mixture's CDF at x: a jump, and a change of its slope from x on. */
interface Step {
  x: number;
  jump: number;
  slope: number;
}

/** The steps of every row's CDF under a model. */
function steps(rows: readonly RowCdf[], model: Model): Step[] {
  const out: Step[] = [];
  for (const { n, xs, below, at } of rows) {
    const m = xs.length;
    let prev = 0;
    for (let k = 0; k < m; k++) {
      // The row's CDF right at xs[k] (the knot included), and what it rises to just before the next knot.
      const here = model === 'high' ? (k + 1 < m ? below[k + 1]! : 1) : at[k]!;
      out.push({ x: xs[k]!, jump: n * (here - prev), slope: 0 });
      prev = here;
      if (model === 'mid' && k + 1 < m) {
        const rise = n * (below[k + 1]! - at[k]!);
        if (rise > 0) {
          const slope = rise / (xs[k + 1]! - xs[k]!);
          out.push({ x: xs[k]!, jump: 0, slope }, { x: xs[k + 1]!, jump: 0, slope: -slope });
          prev = below[k + 1]!;
        }
      }
    }
  }
  return out.sort((a, b) => a.x - b.x);
}

/**
 * The durations (ms) where the mixture's CDF reaches each of `levels` (ascending, 0–1), in one sweep over
 * the rows' knots: O(knots × log knots), however many rows.
 */
function quantiles(rows: readonly RowCdf[], total: number, levels: readonly number[], model: Model): number[] {
  const all = steps(rows, model);
  const out: number[] = [];
  let f = 0;
  let slope = 0;
  let li = 0;
  for (let i = 0; i < all.length && li < levels.length; ) {
    const x = all[i]!.x;
    while (i < all.length && all[i]!.x === x) {
      f += all[i]!.jump;
      slope += all[i]!.slope;
      i++;
    }
    const next = i < all.length ? all[i]!.x : x;
    while (li < levels.length) {
      const target = levels[li]! * total - 1e-9;
      if (f >= target) out.push(x);
      else if (slope > 0 && f + slope * (next - x) >= target) out.push(x + (target - f) / slope);
      else break;
      li++;
    }
    f += slope * (next - x);
  }
  const last = all.length > 0 ? all[all.length - 1]!.x : 0;
  while (out.length < levels.length) out.push(last);
  return out.map(Math.expm1);
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** The latency of the rows of one account's traffic pass. */
export function estimateLatency(rows: readonly ResultRow[]): LatencyEstimate {
  let requests = 0;
  let timed = 0;
  let sum = 0;
  let max: number | undefined;
  const cdfs: RowCdf[] = [];
  for (const row of rows) {
    requests += num(row.n) ?? 0;
    const cdf = rowCdf(row);
    if (!cdf) continue;
    cdfs.push(cdf);
    timed += cdf.n;
    sum += num(row.dsum) ?? 0;
    const m = num(row.dmax);
    if (m !== undefined) max = max === undefined ? m : Math.max(max, m);
  }
  const out: LatencyEstimate = {
    requests,
    p50: undefined,
    p95: undefined,
    p99: undefined,
    avg: undefined,
    max,
    ranges: {},
  };
  if (cdfs.length === 0) return out;
  out.avg = round(sum / timed);
  const levels = PCT_COLUMNS.map((c) => Number(c.slice(1)) / 100);
  const [mid, from, to] = (['mid', 'high', 'low'] as const).map((m) => quantiles(cdfs, timed, levels, m).map(round));
  PCT_COLUMNS.forEach((c, i) => {
    const e = { value: Math.min(to![i]!, Math.max(from![i]!, mid![i]!)), from: from![i]!, to: to![i]! };
    out[c] = e.value;
    if (e.from !== e.to) out.ranges[c] = e;
  });
  return out;
}
