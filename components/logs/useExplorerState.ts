'use client';
/**
 * The explorer's state lives in the URL: filters are parsed from it (bad parameters reported, never
 * thrown) and every change navigates to a new URL, so a pasted link shows the same view. The
 * concrete window ("last hour" → from/to) is resolved in the browser when the filters change or on
 * refresh, so every panel queries exactly the same seconds. The logic is explorerState (pure).
 */
import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LogFilters } from '@/lib/logs/filters';
import { deriveExplorer, type ExplorerView, explorerUrl, type Resolved, resolveFor } from './explorerState';

/** What the explorer's components read and do. */
export interface ExplorerState extends ExplorerView {
  navigate: (f: LogFilters) => void;
  refresh: () => void;
}

/** Reads and writes the explorer's URL. */
export function useExplorerState(): ExplorerState {
  const search = useSearchParams();
  const pathname = usePathname();
  const query = search.toString();
  const [tick, setTick] = useState(0);
  const [resolved, setResolved] = useState<Resolved | undefined>(undefined);
  useEffect(() => {
    setResolved(resolveFor(query, tick, Date.now()));
  }, [query, tick]);
  const view = useMemo(() => deriveExplorer(query, tick, resolved), [query, tick, resolved]);
  // The native History API (which Next.js syncs with useSearchParams): no server round trip, so a
  // filter change is not queued behind the panels' polls on the browser's few connections.
  const navigate = useCallback(
    (f: LogFilters) => globalThis.history.pushState(null, '', explorerUrl(pathname, f)),
    [pathname],
  );
  const refresh = useCallback(() => setTick((t) => t + 1), []);
  return { ...view, navigate, refresh };
}
