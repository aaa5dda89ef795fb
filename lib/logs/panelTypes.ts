/**
 * What crosses between the explorer's panels (browser) and the query routes (server): a panel is one
 * Logs Insights query per account and region; the browser starts it, polls it and stops it. Plain,
 * serialisable types. Pure.
 */
import type { ErrorInfo } from '../domain/errors';

/** Query states as GetQueryResults reports them. */
export type QueryStatus = 'Scheduled' | 'Running' | 'Complete' | 'Failed' | 'Cancelled' | 'Timeout' | 'Unknown';

/** GetQueryResults statistics. */
export interface ScanStats {
  recordsMatched: number;
  recordsScanned: number;
  bytesScanned: number;
  /** Bytes a field index let the query skip (AWS `estimatedBytesSkipped`), when any. */
  bytesSkipped?: number;
}

/** A result row: column name → value (strings, as on the wire). */
export type ResultRow = Record<string, string>;

/** Identifies one running query. */
export interface RunRef {
  accountId: string;
  region: string;
  queryId: string;
}

/** A query started for a panel in one account and region. */
export interface PanelRun extends RunRef {
  logGroupNames: string[];
}

/** An account/region whose query could not start (or failed later), with the AWS error. */
export interface ScopeFailure {
  accountId: string;
  region: string;
  logGroupNames: string[];
  error: ErrorInfo;
}

/** The answer to starting a panel. */
export interface PanelStarted {
  runs: PanelRun[];
  failures: ScopeFailure[];
  /** The Logs Insights query text (the same for every account). */
  queryText: string;
  /** Log group ARNs queried. */
  sources: string[];
  /** Why these log groups. */
  reason: string;
  /** The field a `filterIndex` narrowed the scan by (every queried group indexes it). */
  indexedBy?: string;
}

/** Progress of one run. */
export interface RunProgress extends RunRef {
  status: QueryStatus;
  statistics: ScanStats;
  /** Rows so far (left out while running when the caller asked for rows only at the end). */
  rows?: ResultRow[];
  /** Why polling this run failed. */
  error?: ErrorInfo;
}

/** The state of a panel in the browser, updated on each poll. */
export interface PanelState {
  phase: 'starting' | 'running' | 'done' | 'cancelled' | 'failed';
  queryText?: string;
  sources: string[];
  reason?: string;
  indexedBy?: string;
  /** `slice`: the part of the window a run covers, when a pass runs over slices of it. */
  runs: Array<
    PanelRun & {
      status: QueryStatus;
      statistics: ScanStats;
      rows?: ResultRow[];
      slice?: { startMs: number; endMs: number };
    }
  >;
  /** Accounts that failed; the others still count. */
  failures: ScopeFailure[];
  /** The whole panel failed (e.g. the start request was refused). */
  error?: ErrorInfo;
  /** A result reached Insights' row cap even over one bin: some combinations of values were left out. */
  truncated?: boolean;
  /** Sum over runs. */
  stats: ScanStats;
}

/** True once a query will not change any more. */
export function isFinished(status: QueryStatus): boolean {
  return status === 'Complete' || status === 'Failed' || status === 'Cancelled' || status === 'Timeout';
}

/** Sums statistics. */
export function sumStats(list: ReadonlyArray<{ statistics: ScanStats }>): ScanStats {
  const out: ScanStats = { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 };
  for (const { statistics: s } of list) {
    out.recordsMatched += s.recordsMatched;
    out.recordsScanned += s.recordsScanned;
    out.bytesScanned += s.bytesScanned;
    if (s.bytesSkipped) out.bytesSkipped = (out.bytesSkipped ?? 0) + s.bytesSkipped;
  }
  return out;
}

/** The rows of every run of a panel. */
export function rowsOf(state: PanelState | undefined): ResultRow[][] {
  return (state?.runs ?? []).map((r) => r.rows ?? []);
}

/** `1.2 MB`, `340 kB`, `12 B`. */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = -1;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}
