/**
 * The explorer's URL state without React (useExplorerState holds the resolved window): filters and
 * problems from the query string, the window in use, its bin and previous period, the parameters sent
 * with panel queries and those the sources depend on, and the URL of new filters. Pure.
 */
import { filtersToParams, type LogFilters, parseLogFilters } from '@/lib/logs/filters';
import type { BinPeriod } from '@/lib/logs/query';
import { binFor, previousWindow, resolveWindow, type TimeWindow } from '@/lib/logs/time';

/** A window resolved in the browser for one query string and refresh count. */
export interface Resolved {
  window: TimeWindow;
  at: number;
  query: string;
  tick: number;
}

/** What the explorer derives from its URL and resolved window. */
export interface ExplorerView {
  filters: LogFilters;
  /** Messages about ignored URL parameters. */
  problems: string[];
  /** The window queried; undefined until resolved for these filters. */
  window: TimeWindow | undefined;
  previous: TimeWindow | undefined;
  bin: BinPeriod;
  /** Filter parameters sent with every panel query (no time, compare or rank: they do not change queries). */
  queryParams: string;
  /** The selection parameters the sources depend on. */
  selectionParams: string;
  /** When the window was resolved (for "logs may still be arriving"); 0 before. */
  resolvedAt: number;
}

/** Parameters the sources (log groups) depend on. */
export const SELECTION_KEYS = ['network', 'service', 'targetGroup', 'source'] as const;

/** Resolves the window of a query string at `at` (on filter change or refresh). */
export function resolveFor(query: string, tick: number, at: number): Resolved {
  return { window: resolveWindow(parseLogFilters(new URLSearchParams(query)).filters.time, at), at, query, tick };
}

/** Everything derived; a window resolved for other filters or an older refresh is not used. */
export function deriveExplorer(query: string, tick: number, resolved: Resolved | undefined): ExplorerView {
  const { filters, problems } = parseLogFilters(new URLSearchParams(query));
  const current = resolved && resolved.query === query && resolved.tick === tick ? resolved : undefined;
  const queryParams = filtersToParams({
    ...filters,
    time: { kind: 'relative', range: '1h' },
    compare: false,
    rank: 'count',
  });
  const selection = new URLSearchParams();
  const all = new URLSearchParams(query);
  for (const k of SELECTION_KEYS) for (const v of all.getAll(k)) selection.append(k, v);
  const window = current?.window;
  return {
    filters,
    problems,
    window,
    previous: window ? previousWindow(window) : undefined,
    bin: window ? binFor(window) : '1m',
    queryParams: queryParams.toString(),
    selectionParams: selection.toString(),
    resolvedAt: current?.at ?? 0,
  };
}

/** The URL of the explorer for filters. */
export function explorerUrl(pathname: string, f: LogFilters): string {
  const qs = filtersToParams(f).toString();
  return qs ? `${pathname}?${qs}` : pathname;
}
