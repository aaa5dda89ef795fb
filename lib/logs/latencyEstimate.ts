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

const num = (v: string | undefined): number | undefined => {
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

/** Where x falls among a row's knots: the knot at or below it (lo) and the one above (hi). */
function bracket(xs: readonly number[], x: number): [number, number] {
  let lo = 0;
  let hi = xs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) lo = mid;
    else hi = mid;
  }
  return [lo, hi];
}

/**
 * The share of a row's requests at or below x: `mid` spreads the ranks between two knots evenly, `low`
 * and `high` put them all at the upper knot or all at the lower one (what the row could be at most off).
 */
type Model = 'mid' | 'low' | 'high';
function cdfAt(r: RowCdf, x: number, model: Model): number {
  const { xs, below, at } = r;
  if (x < xs[0]!) return 0;
  if (x >= xs[xs.length - 1]!) return 1;
  const [lo, hi] = bracket(xs, x);
  if (model === 'low') return at[lo]!;
  if (model === 'high') return below[hi]!;
  const f = (x - xs[lo]!) / (xs[hi]! - xs[lo]!);
  return at[lo]! + f * (below[hi]! - at[lo]!);
}

/** The duration (ms) where the weighted rows' CDFs reach `level` (0–1). */
function mixtureQuantile(rows: readonly RowCdf[], total: number, level: number, model: Model): number {
  let lo = Math.min(...rows.map((r) => r.xs[0]!));
  let hi = Math.max(...rows.map((r) => r.xs[r.xs.length - 1]!));
  const reaches = (x: number) => rows.reduce((s, r) => s + r.n * cdfAt(r, x, model), 0) >= level * total - 1e-9;
  if (reaches(lo)) return Math.expm1(lo);
  for (let i = 0; i < 48 && hi - lo > 1e-9; i++) {
    const mid = (lo + hi) / 2;
    if (reaches(mid)) hi = mid;
    else lo = mid;
  }
  return Math.expm1(hi);
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** A percentile of the rows: the estimate and the range the true value lies in. */
function percentile(rows: readonly RowCdf[], total: number, level: number): Estimate {
  const value = round(mixtureQuantile(rows, total, level, 'mid'));
  const from = round(mixtureQuantile(rows, total, level, 'high'));
  const to = round(mixtureQuantile(rows, total, level, 'low'));
  return { value: Math.min(to, Math.max(from, value)), from, to };
}

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
  const ranges = out.ranges;
  for (const c of PCT_COLUMNS) {
    const e = percentile(cdfs, timed, Number(c.slice(1)) / 100);
    out[c] = e.value;
    if (e.from !== e.to) ranges[c] = e;
  }
  return out;
}
