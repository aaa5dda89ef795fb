/**
 * The Logs Insights queries of the explorer's panels, built from typed filters as a query AST
 * (lib/logs/query): values only ever enter as literals the printer escapes. Each panel is one
 * query per account; Logs Insights aggregates, the console only folds a few result rows. Pure.
 */
import { ACCESS_LOG_FIELDS } from '../domain/accessLog';
import { DIM_KEYS, FILTER_DIMS, type DimKey, type FilterDim, type LogFilters } from './filters';
import { DURATION_AGGS } from './latencyEstimate';
import type { BinPeriod, Condition, InsightsQuery } from './query';

/** Breakdown panels: the dimension they group by (a click on a value filters on it). */
export const BREAKDOWN_DIMS = [
  'user',
  'authDenied',
  'code',
  'path',
  'targetGroup',
  'sourceVpc',
  'failure',
] as const satisfies readonly DimKey[];
/** One of `BREAKDOWN_DIMS`. */
export type BreakdownDim = (typeof BREAKDOWN_DIMS)[number];

/** Rows a breakdown asks each account for: enough to rank by rate or change (the top 10 are shown). */
export const TOP_ROWS = 50;
/** Newest records the table shows. */
export const RECORD_ROWS = 1000;
/** Columns of the latency panel, in order. */
export const LATENCY_COLUMNS = ['requests', 'p50', 'p95', 'p99', 'avg', 'max'] as const;

function codeCondition(value: string): Condition {
  const cls = /^([1-5])xx$/.exec(value);
  if (cls) {
    const lo = Number(cls[1]) * 100;
    return {
      op: 'and',
      conditions: [
        { op: '>=', field: 'responseCode', value: lo },
        { op: '<=', field: 'responseCode', value: lo + 99 },
      ],
    };
  }
  const range = /^(\d{3})-(\d{3})$/.exec(value);
  if (range)
    return {
      op: 'and',
      conditions: [
        { op: '>=', field: 'responseCode', value: Number(range[1]) },
        { op: '<=', field: 'responseCode', value: Number(range[2]) },
      ],
    };
  return { op: '=', field: 'responseCode', value: Number(value) };
}

/** The condition "the record matches one of `values`" for a dimension. */
export function dimCondition(dim: DimKey, values: readonly string[]): Condition {
  const d: FilterDim = FILTER_DIMS[dim];
  const one = (v: string): Condition => {
    switch (d.match) {
      case 'code':
        return codeCondition(v);
      case 'prefix':
        return { op: 'prefix', field: d.field, value: v };
      case 'contains':
        return { op: 'contains', field: d.field, value: v };
      default:
        return { op: '=', field: d.field, value: v };
    }
  };
  if (d.match === 'exact' && values.length > 1) return { op: 'in', field: d.field, values: [...values] };
  return values.length === 1 ? one(values[0]!) : { op: 'or', conditions: values.map(one) };
}

/** The filter of every panel: AND of the dimensions' conditions; undefined when nothing is filtered. */
export function filterCondition(f: Pick<LogFilters, 'include' | 'exclude'>): Condition | undefined {
  const parts: Condition[] = [];
  for (const dim of DIM_KEYS) {
    const inc = f.include[dim] ?? [];
    const exc = f.exclude[dim] ?? [];
    if (inc.length > 0) parts.push(dimCondition(dim, inc));
    if (exc.length > 0) parts.push({ op: 'not', condition: dimCondition(dim, exc) });
  }
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : { op: 'and', conditions: parts };
}

type Filters = Pick<LogFilters, 'include' | 'exclude'>;
const filtered = (f: Filters): InsightsQuery => {
  const filter = filterCondition(f);
  return filter ? { filter } : {};
};

/**
 * Breakdowns folded from the histogram's rows: one pass groups by the time bin and every low-cardinality
 * dimension the panels draw (status code, denial and failure reasons, target group, source VPC, user), and
 * each panel sums the rows over the other fields. The product of their values times the bins can pass
 * Insights' row cap on a busy window: the browser then runs the pass over consecutive slices of the window
 * (`ROW_CAP`, components/logs/runSliced) — the slices together still scan the window once. Request paths
 * stay out (thousands of values). Each row also carries its requests' duration figures (`DURATION_AGGS`):
 * the latency panel estimates the view's percentiles from them (lib/logs/latencyEstimate), without a
 * second pass.
 */
export const TRAFFIC_DIMS = [
  'code',
  'authDenied',
  'failure',
  'targetGroup',
  'sourceVpc',
  'user',
] as const satisfies readonly BreakdownDim[];

/** Rows Logs Insights returns at most for one query: a result that reaches it may be cut short. */
export const ROW_CAP = 10_000;

/**
 * Requests per time bin and status code, and per value of the other `TRAFFIC_DIMS` (folded by their panels),
 * with their durations' figures (folded by the latency panel).
 */
export function histogramQuery(f: Filters, bin: BinPeriod): InsightsQuery {
  const extra = TRAFFIC_DIMS.filter((d) => d !== 'code').map((d) => ({ field: FILTER_DIMS[d].field }));
  return {
    ...filtered(f),
    stats: {
      aggregations: [{ agg: { fn: 'count' }, as: 'n' }, ...DURATION_AGGS],
      by: [{ bin, as: 't' }, { field: 'responseCode' }, ...extra],
    },
  };
}

/** Request count and exact duration percentiles (one row per account): a pass of its own, on demand. */
export function latencyQuery(f: Filters): InsightsQuery {
  return {
    ...filtered(f),
    stats: {
      aggregations: [
        { agg: { fn: 'count' }, as: 'requests' },
        { agg: { fn: 'pct', field: 'duration', percentile: 50 }, as: 'p50' },
        { agg: { fn: 'pct', field: 'duration', percentile: 95 }, as: 'p95' },
        { agg: { fn: 'pct', field: 'duration', percentile: 99 }, as: 'p99' },
        { agg: { fn: 'avg', field: 'duration' }, as: 'avg' },
        { agg: { fn: 'max', field: 'duration' }, as: 'max' },
      ],
      by: [],
    },
  };
}

/** The newest records. */
export function recordsQuery(f: Filters): InsightsQuery {
  // The documented fields rather than @message: the same record, without rebuilding and sending every message.
  return {
    fields: ['@timestamp', '@log', ...ACCESS_LOG_FIELDS],
    ...filtered(f),
    sort: [{ field: '@timestamp', order: 'desc' }],
    limit: RECORD_ROWS,
  };
}

/** The top values of one dimension by requests (`rows` per account). */
export function breakdownQuery(dim: BreakdownDim, f: Filters, rows = TOP_ROWS): InsightsQuery {
  return {
    ...filtered(f),
    stats: { aggregations: [{ agg: { fn: 'count' }, as: 'n' }], by: [{ field: FILTER_DIMS[dim].field }] },
    sort: [{ field: 'n', order: 'desc' }],
    limit: rows,
  };
}
