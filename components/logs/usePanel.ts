'use client';
/**
 * The panels' data: each panel's queries run by `runPanel` inside a TanStack query whose key holds the
 * filters and window, with the polling policy of its entry in the panel table (lib/logs/panelTable).
 * When a key changes (filters changed) or a panel is cancelled, TanStack aborts the signal and
 * runPanel stops the Insights queries on the server.
 */
import { type QueryClient, useQueries, useQueryClient } from '@tanstack/react-query';
import { type PanelDef, panelDef } from '@/lib/logs/panelTable';
import type { PanelState } from '@/lib/logs/panelTypes';
import { type LogsPoster, postLogs, type StartRequest } from './api';
import { panelSlots } from './panelSlots';
import { logsKeys } from './queryKeys';
import { runWithPolicy } from './runPolicy';

/** What a panel component gets. */
export interface PanelHandle {
  state: PanelState | undefined;
  /** True while queries run. */
  busy: boolean;
  cancel: () => void;
  rerun: () => void;
  /** The window its queries cover (a panel may query part of the explorer's window: the records). */
  window?: { startMs: number; endMs: number } | undefined;
}

/** A panel to run: its table entry and its request (undefined: waits to run). */
export interface PanelRequest {
  def: PanelDef;
  req: StartRequest | undefined;
}

/** The key of a panel waiting to run. */
export function idleKey(id: string): readonly unknown[] {
  return ['logs', 'panel', 'idle', id];
}

function handleOf(client: QueryClient, key: readonly unknown[], state: PanelState | undefined, fetching: boolean) {
  return {
    state,
    busy: fetching && state?.phase !== 'cancelled',
    cancel: () => {
      const last = client.getQueryData<PanelState>(key);
      void client.cancelQueries({ queryKey: key, exact: true }).then(() => {
        if (last) client.setQueryData<PanelState>(key, { ...last, phase: 'cancelled' });
      });
    },
    rerun: () => {
      void client.refetchQueries({ queryKey: key, exact: true });
    },
  };
}

/**
 * The TanStack query function of a panel request: runs its query with the policy of the panel whose query
 * it is (a hosted panel shares its host's run). TanStack aborts the signal when no observer is left (the
 * filters changed, the explorer unmounted) and runPanel then stops the Insights queries on the server.
 */
export function panelQueryFn(client: QueryClient, req: StartRequest | undefined, post: LogsPoster = postLogs) {
  return ({ signal, queryKey }: { signal: AbortSignal; queryKey: readonly unknown[] }): Promise<PanelState> =>
    runWithPolicy(panelDef(req!.panel).polling, req!, {
      post,
      signal,
      slots: panelSlots,
      emit: (s: PanelState) => client.setQueryData(queryKey, s),
    });
}

/** Runs (or waits to run) every panel of the list; one handle per panel, in order. */
export function usePanels(list: readonly PanelRequest[]): PanelHandle[] {
  const client = useQueryClient();
  const keys = list.map(({ def, req }) => (req ? logsKeys.panel(req) : idleKey(def.id)));
  const results = useQueries({
    queries: list.map(({ req }, i) => ({
      queryKey: keys[i]!,
      enabled: req !== undefined,
      staleTime: Infinity,
      gcTime: 5 * 60_000,
      queryFn: panelQueryFn(client, req),
    })),
  });
  return results.map((q, i) => ({ ...handleOf(client, keys[i]!, q.data, q.isFetching), window: list[i]!.req?.window }));
}
