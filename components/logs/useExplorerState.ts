'use client';
/**
 * The explorer's state lives in the URL: filters are parsed from it (bad parameters reported, never
 * thrown) and every change navigates to a new URL, so a pasted link shows the same view. The
 * concrete window ("last hour" → from/to) is resolved in the browser when the filters change or on
 * refresh, so every panel queries exactly the same seconds.
 */
import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { filtersToParams, parseLogFilters, type LogFilters } from '@/lib/logs/filters';
import { binFor, previousWindow, resolveWindow, type TimeWindow } from '@/lib/logs/time';
import type { BinPeriod } from '@/lib/logs/query';

/** What the explorer's components read and do. */
export interface ExplorerState {
  filters: LogFilters;
  /** Messages about ignored URL parameters. */
  problems: string[];
  /** The window queried; undefined until resolved in the browser. */
  window: TimeWindow | undefined;
  previous: TimeWindow | undefined;
  bin: BinPeriod;
  /** Filter parameters sent with every panel query (no time, no compare). */
  queryParams: string;
  /** The selection parameters the sources depend on. */
  selectionParams: string;
  /** When the window was resolved (for "logs may still be arriving"). */
  resolvedAt: number;
  navigate: (f: LogFilters) => void;
  refresh: () => void;
}

/** Reads and writes the explorer's URL. */
export function useExplorerState(): ExplorerState {
  const search = useSearchParams();
  const pathname = usePathname();
  const query = search.toString();
  const { filters, problems } = useMemo(() => parseLogFilters(new URLSearchParams(query)), [query]);
  const [tick, setTick] = useState(0);
  const [resolved, setResolved] = useState<{ window: TimeWindow; at: number; query: string; tick: number } | undefined>(
    undefined,
  );
  useEffect(() => {
    const at = Date.now();
    setResolved({
      window: resolveWindow(parseLogFilters(new URLSearchParams(query)).filters.time, at),
      at,
      query,
      tick,
    });
  }, [query, tick]);
  // A window resolved for other filters is not used: no panel starts a query it would stop at once.
  const current = resolved && resolved.query === query && resolved.tick === tick ? resolved : undefined;
  // The native History API (which Next.js syncs with useSearchParams): no server round trip, so a
  // filter change is not queued behind the panels' polls on the browser's few connections.
  const navigate = useCallback(
    (f: LogFilters) => {
      const qs = filtersToParams(f).toString();
      globalThis.history.pushState(null, '', qs ? `${pathname}?${qs}` : pathname);
    },
    [pathname],
  );
  const refresh = useCallback(() => setTick((t) => t + 1), []);
  const queryParams = useMemo(
    () => filtersToParams({ ...filters, time: { kind: 'relative', range: '1h' }, compare: false }).toString(),
    [filters],
  );
  const selectionParams = useMemo(() => {
    const p = new URLSearchParams();
    for (const k of ['network', 'service', 'targetGroup', 'source'])
      for (const v of new URLSearchParams(query).getAll(k)) p.append(k, v);
    return p.toString();
  }, [query]);
  const window = current?.window;
  return {
    filters,
    problems,
    window,
    previous: window ? previousWindow(window) : undefined,
    bin: window ? binFor(window) : '1m',
    queryParams,
    selectionParams,
    resolvedAt: current?.at ?? 0,
    navigate,
    refresh,
  };
}
