'use client';
/**
 * A panel's data: its queries run by `runPanel` inside a TanStack query whose key holds the filters
 * and window. When the key changes (filters changed) or the panel is cancelled, TanStack aborts the
 * signal and runPanel stops the Insights queries on the server.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { PanelState } from '@/lib/logs/panelTypes';
import { RECORD_ROWS } from '@/lib/logs/panelQueries';
import { postLogs, type StartRequest } from './api';
import { logsKeys } from './queryKeys';
import { panelSlots } from './panelSlots';
import { runNewestFirst, runPanel } from './runPanel';

/** What a panel component gets. */
export interface PanelHandle {
  state: PanelState | undefined;
  /** True while queries run. */
  busy: boolean;
  cancel: () => void;
  rerun: () => void;
}

const IDLE: readonly unknown[] = ['logs', 'panel', 'idle'];

/** Runs (or, with `req` undefined, waits to run) a panel. */
export function usePanel(req: StartRequest | undefined, rowsWhileRunning = true): PanelHandle {
  const client = useQueryClient();
  const key = req ? logsKeys.panel(req) : IDLE;
  const q = useQuery({
    queryKey: key,
    enabled: req !== undefined,
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    queryFn: ({ signal, queryKey }) => {
      // The latency figures are shown only when final, so that panel polls less often (every
      // GetQueryResults of a running percentile query recomputes it over everything read so far).
      const o = {
        post: postLogs,
        signal,
        rowsWhileRunning,
        slots: panelSlots,
        emit: (s: PanelState) => client.setQueryData(queryKey, s),
        ...(req?.panel === 'latency' ? { pollMs: 800 } : {}),
      };
      // The newest records are usually all in the newest part of the window: query that first.
      return req!.panel === 'records' ? runNewestFirst(req!, o, RECORD_ROWS) : runPanel(req!, o);
    },
  });
  const keyText = JSON.stringify(key);
  const cancel = useCallback(() => {
    const k = JSON.parse(keyText) as unknown[];
    const last = client.getQueryData<PanelState>(k);
    void client.cancelQueries({ queryKey: k, exact: true }).then(() => {
      if (last) client.setQueryData<PanelState>(k, { ...last, phase: 'cancelled' });
    });
  }, [client, keyText]);
  const rerun = useCallback(() => {
    void client.refetchQueries({ queryKey: JSON.parse(keyText) as unknown[], exact: true });
  }, [client, keyText]);
  const state = q.data;
  return { state, busy: q.isFetching && state?.phase !== 'cancelled', cancel, rerun };
}
