/**
 * The Logs Insights queries of the findings engine, printed by lib/logs/query (no user text ever
 * reaches them: every value below is a constant). Per (account, region) and refresh:
 *  - SERIES: requests per minute over the last ~16 minutes by log group, service, target group, status
 *    code and failure reason, with p95 of `duration` — error-rate, latency, traffic-drop and the
 *    sparklines all fold from it;
 *  - DENIALS: auth denials per minute by log group, service, resolved user and reason.
 * The baseline runs the same two shapes without `bin` over the hour before, cached (lib/triage/gather).
 * Why two and not one: Logs Insights has no conditional aggregation (no arithmetic, no `if`), so the
 * principal of a denial can only be a `by` key, and keying every request by its principal would
 * multiply the series' rows by the callers of each service. Pure.
 */
import type { Condition, InsightsQuery } from '../logs/query';
import {
  BASELINE_GAP_MINUTES,
  BASELINE_MINUTES,
  BASELINE_STEP_MS,
  BIN_MS,
  RECENT_MINUTES,
  SERIES_MINUTES,
} from './constants';

/** StartQuery's row limit; a result that reaches it is reported as truncated. */
export const ROW_LIMIT = 10_000;

const TRAFFIC_KEYS = [
  { field: '@log' },
  { field: 'serviceArn' },
  { field: 'targetGroupArn' },
  { field: 'responseCode' },
  { field: 'failureReason' },
] as const;

const DENIAL_KEYS = [
  { field: '@log' },
  { field: 'serviceArn' },
  { field: 'resolvedUser' },
  { field: 'authDeniedReason' },
] as const;

/** Records refused by an auth policy (`authDeniedReason` is "-" or absent for everything else). */
export const DENIED: Condition = {
  op: 'and',
  conditions: [
    { op: 'present', field: 'authDeniedReason' },
    { op: '!=', field: 'authDeniedReason', value: '-' },
  ],
};

const trafficStats = [
  { agg: { fn: 'count' as const }, as: 'n' },
  { agg: { fn: 'pct' as const, field: 'duration', percentile: 95 }, as: 'p95' },
];

/** Requests per minute per route, code and failure reason, with their p95 duration. */
export const SERIES_QUERY: InsightsQuery = {
  stats: { aggregations: trafficStats, by: [{ bin: '1m', as: 't' }, ...TRAFFIC_KEYS] },
  limit: ROW_LIMIT,
};

/** Auth denials per minute per (service, principal, reason). */
export const DENIAL_SERIES_QUERY: InsightsQuery = {
  filter: DENIED,
  stats: { aggregations: [{ agg: { fn: 'count' }, as: 'n' }], by: [{ bin: '1m', as: 't' }, ...DENIAL_KEYS] },
  limit: ROW_LIMIT,
};

/** The baseline's totals per route, code and failure reason. */
export const BASELINE_QUERY: InsightsQuery = {
  stats: { aggregations: trafficStats, by: [...TRAFFIC_KEYS] },
  limit: ROW_LIMIT,
};

/** The baseline's denials per (service, principal, reason). */
export const DENIAL_BASELINE_QUERY: InsightsQuery = {
  filter: DENIED,
  stats: { aggregations: [{ agg: { fn: 'count' }, as: 'n' }], by: [...DENIAL_KEYS] },
  limit: ROW_LIMIT,
};

/** A time window, ms. */
export interface Window {
  startMs: number;
  endMs: number;
}

/** The windows of one refresh at `nowMs`. */
export interface Windows {
  /** The recent queries: whole minutes, ending at the start of the current (incomplete) minute. */
  series: Window;
  /** The baseline: BASELINE_MINUTES ending BASELINE_GAP_MINUTES before the earliest recent window. */
  baseline: Window;
}

/** The windows at `nowMs`; the baseline moves in BASELINE_STEP_MS steps so that it can be cached. */
export function windowsAt(nowMs: number): Windows {
  const end = Math.floor(nowMs / BIN_MS) * BIN_MS;
  const series = { startMs: end - (SERIES_MINUTES + 1) * BIN_MS, endMs: end };
  const recentStart = end - RECENT_MINUTES * BIN_MS;
  const baseEnd = Math.floor((recentStart - BASELINE_GAP_MINUTES * BIN_MS) / BASELINE_STEP_MS) * BASELINE_STEP_MS;
  return { series, baseline: { startMs: baseEnd - BASELINE_MINUTES * BIN_MS, endMs: baseEnd } };
}
