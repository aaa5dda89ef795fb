/**
 * Folds the few result rows Logs Insights returns per account into what the panels draw: histogram
 * bins by status class, top-N breakdowns with shares, latency per account, newest records, and
 * deltas against the previous period. Never aggregates raw logs (Insights did that). Pure.
 */
import {
  parseInsightsTime,
  statusClass,
  STATUS_CLASSES,
  toAccessLogEntry,
  type AccessLogEntry,
  type StatusClass,
} from '../domain/accessLog';
import { LATENCY_COLUMNS } from './panelQueries';
import { estimateLatency, type LatencyEstimate, num } from './latencyEstimate';
import type { ResultRow } from './panelTypes';
import { durationMs, type TimeWindow } from './time';
import type { BinPeriod } from './query';

/** One histogram bar. */
export interface HistogramBin {
  /** Start of the bin, ms. */
  t: number;
  counts: Record<StatusClass, number>;
  total: number;
}

/** The histogram of a window. */
export interface Histogram {
  bins: HistogramBin[];
  binMs: number;
  /** Largest bar. */
  max: number;
  total: number;
  byClass: Record<StatusClass, number>;
}

const zero = (): Record<StatusClass, number> =>
  Object.fromEntries(STATUS_CLASSES.map((c) => [c, 0])) as Record<StatusClass, number>;

/** Bins (every bin of the window, empty ones too) from `stats count(*) as n by bin(…) as t, responseCode` rows. */
export function foldHistogram(rowsList: readonly ResultRow[][], w: TimeWindow, bin: BinPeriod): Histogram {
  const binMs = durationMs(bin);
  const first = Math.floor(w.startMs / binMs) * binMs;
  const bins: HistogramBin[] = [];
  for (let t = first; t < w.endMs; t += binMs) bins.push({ t, counts: zero(), total: 0 });
  const byClass = zero();
  let total = 0;
  for (const rows of rowsList) {
    for (const row of rows) {
      const t = parseInsightsTime(row.t);
      const n = Number(row.n);
      if (Number.isNaN(t) || !(n > 0)) continue;
      const i = Math.floor((t - first) / binMs);
      const b = bins[i];
      if (!b) continue;
      const c = statusClass(row.responseCode);
      b.counts[c] += n;
      b.total += n;
      byClass[c] += n;
      total += n;
    }
  }
  return { bins, binMs, max: bins.reduce((m, b) => Math.max(m, b.total), 0), total, byClass };
}

/** One value of a breakdown. `value` is undefined for records without the field. */
export interface BreakdownItem {
  value: string | undefined;
  n: number;
}

/** The top `top` values over all accounts (counts summed per value), largest first, ties by value. */
export function foldBreakdown(rowsList: readonly ResultRow[][], field: string, top = 10): BreakdownItem[] {
  const counts = new Map<string | undefined, number>();
  for (const rows of rowsList) {
    for (const row of rows) {
      const n = Number(row.n);
      if (!(n > 0)) continue;
      const v = row[field];
      counts.set(v, (counts.get(v) ?? 0) + n);
    }
  }
  return [...counts.entries()]
    .map(([value, n]) => ({ value, n }))
    .sort((a, b) => b.n - a.n || String(a.value ?? '').localeCompare(String(b.value ?? '')))
    .slice(0, top);
}

/**
 * Latency figures of one account (ms). Missing figures (no numeric durations) are undefined; `ranges` holds
 * the percentiles that are estimates (from the traffic pass), with the least and most they can be.
 */
export type LatencyFigures = { accountId: string; ranges: LatencyEstimate['ranges'] } & Record<
  (typeof LATENCY_COLUMNS)[number],
  number | undefined
>;

/**
 * The latency of each account that answered: exact from the latency query's one row (it has `requests`), else
 * estimated from the rows of the traffic pass (its slices' rows together).
 */
export function foldLatency(runs: ReadonlyArray<{ accountId: string; rows?: ResultRow[] }>): LatencyFigures[] {
  const byAccount = new Map<string, ResultRow[]>();
  for (const r of runs) {
    if (!r.rows || r.rows.length === 0) continue;
    const rows = byAccount.get(r.accountId) ?? [];
    byAccount.set(r.accountId, rows);
    for (const row of r.rows) rows.push(row);
  }
  const out: LatencyFigures[] = [];
  for (const [accountId, rows] of byAccount) {
    const first = rows[0]!;
    if ('requests' in first) {
      const fig = { accountId, ranges: {} } as LatencyFigures;
      for (const c of LATENCY_COLUMNS) fig[c] = num(first[c]);
      out.push(fig);
    } else {
      const { requests, ...rest } = estimateLatency(rows);
      if (requests > 0) out.push({ accountId, requests, ...rest });
    }
  }
  return out;
}

/** Newest `limit` records over all accounts. */
export function foldRecords(rowsList: readonly ResultRow[][], limit: number): AccessLogEntry[] {
  const all = rowsList.flat().map(toAccessLogEntry);
  all.sort((a, b) => b.timestamp - a.timestamp);
  return all.slice(0, limit);
}

/** A change against the previous period. */
export interface Delta {
  diff: number;
  /** Percent change; undefined when the previous value was 0 (new). */
  pct: number | undefined;
}

/** `current - previous` and the percent change. */
export function delta(current: number, previous: number): Delta {
  return { diff: current - previous, pct: previous === 0 ? undefined : ((current - previous) / previous) * 100 };
}

/** `+12`, `−3 (−20%)`, `+5 (new)`; empty when unchanged. */
export function formatDelta(d: Delta, unit = ''): string {
  if (d.diff === 0) return '±0';
  const sign = d.diff > 0 ? '+' : '−';
  const abs = `${sign}${Math.abs(Math.round(d.diff)).toLocaleString('en-US')}${unit}`;
  if (d.pct === undefined) return `${abs} (new)`;
  return `${abs} (${sign}${Math.abs(d.pct) >= 10 ? Math.round(Math.abs(d.pct)) : Math.abs(d.pct).toFixed(1)}%)`;
}

/** A short change for tight places: `+12%`, `−3%`, `×65` (above +999%), `new`, `±0`. */
export function formatDeltaShort(d: Delta): string {
  if (d.diff === 0) return '±0';
  if (d.pct === undefined) return 'new';
  if (d.pct > 999) return `×${Math.round(d.pct / 100 + 1)}`;
  const sign = d.diff > 0 ? '+' : '−';
  return `${sign}${Math.abs(d.pct) >= 10 ? Math.round(Math.abs(d.pct)) : Math.abs(d.pct).toFixed(1)}%`;
}

/** Count of a value in a breakdown (0 when absent), for deltas. */
export function countOf(items: readonly BreakdownItem[], value: string | undefined): number {
  return items.find((i) => i.value === value)?.n ?? 0;
}
