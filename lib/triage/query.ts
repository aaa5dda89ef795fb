/**
 * The Logs Insights queries of the findings engine, printed by lib/logs/query (no user text ever
 * reaches them: every value below is a constant). Per (account, region) and refresh:
 *  - SERIES: requests per minute over the last ~16 minutes by log group, service, target group, status
 *    code and failure reason — error-rate, traffic-drop and the sparklines fold from it;
 *  - LATENCY: p50/p75/p90/p95 of `duration` of 2xx requests per minute and target group;
 *  - DENIALS: auth denials per minute by log group, service, resolved user and reason.
 * The baseline runs the same three shapes without `bin` over the hour before, cached (lib/triage/gather),
 * so a refresh costs three queries per (account, region), and six every BASELINE_STEP_MS.
 * Why three and not one: Logs Insights has no conditional aggregation (no arithmetic, no `if`), so
 *  - the principal of a denial can only be a `by` key, and keying every request by its principal would
 *    multiply the series' rows by the callers of each service;
 *  - a percentile cannot be combined across rows: keyed like SERIES, a minute's p95 would come from a
 *    slice of ~10 requests (one status code of one log group), i.e. its maximum — pure noise (the demo's
 *    payouts-alb showed 206 ms against a true 80 ms). Duplicate records (a request in its service's and its
 *    network's log group) do not move a quantile, so LATENCY needs no `@log` key. Pure.
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

const count = [{ agg: { fn: 'count' as const }, as: 'n' }];
/** Quantiles of `duration` per latency row: p95 is the figure shown, the others bound how many requests are slow. */
export const LATENCY_PERCENTILES = [50, 75, 90, 95] as const;
const latencyStats = [
  ...count,
  ...LATENCY_PERCENTILES.map((percentile) => ({
    agg: { fn: 'pct' as const, field: 'duration', percentile },
    as: `p${percentile}`,
  })),
];

/** Successful requests (latency is judged on them: fast failures must not hide a slowdown). */
export const SUCCESS: Condition = {
  op: 'and',
  conditions: [
    { op: '>=', field: 'responseCode', value: 200 },
    { op: '<', field: 'responseCode', value: 300 },
  ],
};

/** Requests per minute per route, code and failure reason. */
export const SERIES_QUERY: InsightsQuery = {
  stats: { aggregations: count, by: [{ bin: '1m', as: 't' }, ...TRAFFIC_KEYS] },
  limit: ROW_LIMIT,
};

/** Quantiles of successful requests per minute and target group. */
export const LATENCY_QUERY: InsightsQuery = {
  filter: SUCCESS,
  stats: { aggregations: latencyStats, by: [{ bin: '1m', as: 't' }, { field: 'targetGroupArn' }] },
  limit: ROW_LIMIT,
};

/** The baseline's quantiles of successful requests per target group. */
export const LATENCY_BASELINE_QUERY: InsightsQuery = {
  filter: SUCCESS,
  stats: { aggregations: latencyStats, by: [{ field: 'targetGroupArn' }] },
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
  stats: { aggregations: count, by: [...TRAFFIC_KEYS] },
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
  /** The recent queries: SERIES_MINUTES whole minutes and the current, partial one (to the second). */
  series: Window;
  /** The baseline: BASELINE_MINUTES ending BASELINE_GAP_MINUTES before the earliest recent window. */
  baseline: Window;
}

/** The windows at `nowMs`; the baseline moves in BASELINE_STEP_MS steps so that it can be cached. */
export function windowsAt(nowMs: number): Windows {
  const end = Math.floor(nowMs / BIN_MS) * BIN_MS;
  const series = {
    startMs: end - SERIES_MINUTES * BIN_MS,
    endMs: Math.max(end + 1000, Math.floor(nowMs / 1000) * 1000),
  };
  const recentStart = end - RECENT_MINUTES * BIN_MS;
  const baseEnd = Math.floor((recentStart - BASELINE_GAP_MINUTES * BIN_MS) / BASELINE_STEP_MS) * BASELINE_STEP_MS;
  return { series, baseline: { startMs: baseEnd - BASELINE_MINUTES * BIN_MS, endMs: baseEnd } };
}
