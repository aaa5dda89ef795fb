/**
 * CloudWatch Logs SDK shapes → domain types: Logs Insights results as rows of plain objects, query
 * states and statistics. SDK types stop here.
 */
import type { GetQueryResultsResponse, ResultField } from '@aws-sdk/client-cloudwatch-logs';

/** Query states as GetQueryResults reports them. */
export type QueryState = 'Scheduled' | 'Running' | 'Complete' | 'Failed' | 'Cancelled' | 'Timeout' | 'Unknown';

/** Statistics of a query so far. */
export interface QueryStats {
  recordsMatched: number;
  recordsScanned: number;
  bytesScanned: number;
  /** Bytes a field index let the query skip (GetQueryResults `estimatedBytesSkipped`), when any. */
  bytesSkipped?: number;
}

/** A query's state and its (partial while running) rows. */
export interface QueryResults {
  status: QueryState;
  /** One object per row, column name → value (values are strings on the wire). */
  rows: Array<Record<string, string>>;
  statistics: QueryStats;
}

/** Result fields → rows of plain objects. */
export function toRows(results: ResultField[][] | undefined): Array<Record<string, string>> {
  return (results ?? []).map((row) => {
    const out: Record<string, string> = {};
    for (const f of row) if (f.field !== undefined && f.value !== undefined) out[f.field] = f.value;
    return out;
  });
}

/** A GetQueryResults answer. */
export function toQueryResults(out: GetQueryResultsResponse): QueryResults {
  return {
    status: (out.status ?? 'Unknown') as QueryState,
    rows: toRows(out.results),
    statistics: {
      recordsMatched: out.statistics?.recordsMatched ?? 0,
      recordsScanned: out.statistics?.recordsScanned ?? 0,
      bytesScanned: out.statistics?.bytesScanned ?? 0,
      ...(out.statistics?.estimatedBytesSkipped ? { bytesSkipped: out.statistics.estimatedBytesSkipped } : {}),
    },
  };
}

/** The fields a field index policy document indexes (`Fields` and the keys of `FieldsV2`); [] if unreadable. */
export function indexedFieldsOf(policyDocument: string | undefined): string[] {
  try {
    const doc = JSON.parse(policyDocument ?? '') as { Fields?: unknown; FieldsV2?: unknown };
    const v1 = Array.isArray(doc.Fields) ? doc.Fields.filter((f): f is string => typeof f === 'string') : [];
    const v2 = doc.FieldsV2 && typeof doc.FieldsV2 === 'object' ? Object.keys(doc.FieldsV2) : [];
    return [...v1, ...v2];
  } catch {
    return [];
  }
}
