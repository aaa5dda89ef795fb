/**
 * What one explorer view costs in Logs Insights: the queries it ran (panels sharing a query count once)
 * and the bytes they scanned and, with field indexes, skipped. Logs Insights bills by bytes scanned.
 * Pure (the browser draws it in the status line).
 */
import type { PanelState } from './panelTypes';

/** The cost of a view so far. */
export interface ViewCost {
  /** Insights queries started (one per panel query and account; shared ones once). */
  queries: number;
  /** Of them, still running. */
  running: number;
  /** Accounts they ran in (a view queries each account's log groups with a query of its own). */
  accounts: number;
  bytesScanned: number;
  bytesSkipped: number;
  recordsScanned: number;
  /** Fields a filterIndex narrowed some query by. */
  indexedBy: string[];
}

/** Sums the runs of the panels' states, counting each query id once. */
export function viewCost(states: ReadonlyArray<PanelState | undefined>): ViewCost {
  const seen = new Set<string>();
  const accounts = new Set<string>();
  const out: ViewCost = {
    queries: 0,
    running: 0,
    accounts: 0,
    bytesScanned: 0,
    bytesSkipped: 0,
    recordsScanned: 0,
    indexedBy: [],
  };
  for (const s of states) {
    if (!s) continue;
    if (s.indexedBy && !out.indexedBy.includes(s.indexedBy)) out.indexedBy.push(s.indexedBy);
    for (const r of s.runs) {
      const key = `${r.accountId}|${r.region}|${r.queryId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      accounts.add(`${r.accountId}|${r.region}`);
      out.queries++;
      if (r.status === 'Scheduled' || r.status === 'Running') out.running++;
      out.bytesScanned += r.statistics.bytesScanned;
      out.bytesSkipped += r.statistics.bytesSkipped ?? 0;
      out.recordsScanned += r.statistics.recordsScanned;
    }
  }
  out.accounts = accounts.size;
  return out;
}
