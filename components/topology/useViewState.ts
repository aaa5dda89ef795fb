'use client';

/**
 * The view state lives in the URL (filters, selection, expanded target groups, window, paused), so a
 * pasted link opens the same view. Updates replace the history entry through the native History API,
 * which Next keeps in sync with useSearchParams without a server round trip (the state passed must be
 * null: Next ignores calls carrying its own history state).
 */
import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { parseViewState, topologyHref, type ViewState } from '@/lib/graph/viewState';

/** The current view and a function to change it. */
export function useViewState(): [ViewState, (update: (v: ViewState) => ViewState) => void] {
  const params = useSearchParams();
  const key = params.toString();
  const view = useMemo(() => parseViewState(new URLSearchParams(key)), [key]);
  const setView = useCallback((update: (v: ViewState) => ViewState) => {
    const current = parseViewState(new URLSearchParams(window.location.search));
    const href = topologyHref(update(current));
    if (href !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, '', href);
  }, []);
  return [view, setView];
}
