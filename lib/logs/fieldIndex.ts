/**
 * Field indexes for the explorer's queries: which `filterIndex` a view can use, given the fields that
 * every queried access-log group indexes. A node's view (a target group, a service) then scans only its
 * records on AWS instead of the whole window. Values come from the parsed filters and reach the query
 * only through the printer (lib/logs/query). Pure.
 */
import { FILTER_DIMS, type LogFilters } from './filters';
import type { InsightsQuery } from './query';

/** The fields Trellis's recommended index policy indexes (the explorer's node filters and status codes). */
export const INDEX_FIELDS = ['serviceArn', 'targetGroupArn', 'responseCode'] as const;

/** The recommended index policy document (`PutIndexPolicy`). */
export const INDEX_POLICY_DOCUMENT = JSON.stringify({ Fields: INDEX_FIELDS });

/** Dimensions tried in order: the narrowest node first. */
const INDEXABLE = ['targetGroup', 'service', 'code'] as const;

/**
 * The `filterIndex` for filters when every queried group indexes the field (`indexed`), or undefined. Only
 * exact values qualify (a status class such as `5xx` is a range, not an index lookup).
 */
export function indexFilterFor(
  f: Pick<LogFilters, 'include'>,
  indexed: ReadonlySet<string>,
): InsightsQuery['filterIndex'] | undefined {
  for (const dim of INDEXABLE) {
    const field = FILTER_DIMS[dim].field;
    const values = f.include[dim] ?? [];
    if (values.length === 0 || !indexed.has(field)) continue;
    if (dim === 'code') {
      if (!values.every((v) => /^\d{3}$/.test(v))) continue;
      return { field, values: values.map(Number) };
    }
    return { field, values: [...values] };
  }
  return undefined;
}

/** The query with the view's `filterIndex` added (unchanged when none applies). */
export function withFieldIndex(
  q: InsightsQuery,
  f: Pick<LogFilters, 'include'>,
  indexed: ReadonlySet<string>,
): InsightsQuery {
  const filterIndex = indexFilterFor(f, indexed);
  return filterIndex ? { ...q, filterIndex } : q;
}
