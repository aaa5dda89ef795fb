/**
 * What the explorer's browser side needs besides query results: the log groups it can query, which
 * of them the current selection uses and why, and display names for ARNs and accounts.
 * Pure.
 */
import { parseLogFilters } from './filters';
import { logSources, nameIndex, selectSources, type LogSource, type SourceSelection } from './sources';
import type { Snapshot } from '../domain/snapshot';

/** The explorer's context for one selection. */
export interface LogsContext {
  /** Every access-log group of the inventory. */
  sources: LogSource[];
  selection: SourceSelection;
  /** Names of networks, services and target groups by ARN. */
  names: Record<string, string>;
  /** Account names by id. */
  accounts: Record<string, string>;
  /** Accounts the inventory could not read, with the AWS error's words. */
  unreachable: Array<{ accountId: string; name: string; message: string }>;
  /** Logs Insights queries one user may run at once per account (the console's cap). */
  maxQueries: number;
}

/** The context for the filters of `params` (an explorer URL's query string). */
export function logsContext(snapshot: Snapshot, params: string, maxQueries: number): LogsContext {
  const { filters } = parseLogFilters(new URLSearchParams(params));
  return {
    sources: logSources(snapshot),
    selection: selectSources(snapshot, filters),
    names: nameIndex(snapshot),
    accounts: Object.fromEntries(snapshot.accounts.map((a) => [a.accountId, a.name])),
    unreachable: snapshot.accounts
      .filter((a) => !a.reachable)
      .map((a) => ({ accountId: a.accountId, name: a.name, message: a.error?.message ?? 'not reachable' })),
    maxQueries,
  };
}
