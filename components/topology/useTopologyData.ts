'use client';

/**
 * The topology's server data through TanStack Query: the snapshot (JSON from /api/topology/snapshot),
 * manual refresh (a new crawl), the traffic overlay on an interval the user can pause, and
 * auth policies on demand. Server actions answer with `Result`s: failures are data, shown in place.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { loadSnapshot } from '@/lib/actions/inventory';
import { loadAuthPolicy, loadHealthCheck, loadTraffic, watchHealth } from '@/lib/actions/topology';
import type { Result } from '@/lib/domain/result';
import type { Snapshot } from '@/lib/domain/snapshot';
import type { TrafficWindow } from '@/lib/graph/traffic';
import { topologyKeys } from './queryKeys';

/** How often the overlay and the snapshot refresh while not paused. */
export const TRAFFIC_REFRESH_MS = 30_000;
export const SNAPSHOT_REFRESH_MS = 60_000;

/**
 * The snapshot as JSON from the route (lib/actions/run answers with a `Result`, whatever the status). A plain
 * GET, so the first one takes over the page's preload of the same URL (the route answers `no-store`).
 */
async function fetchSnapshot(): Promise<Result<Snapshot>> {
  const res = await fetch('/api/topology/snapshot');
  const body = (await res.json().catch(() => undefined)) as Result<Snapshot> | { error?: unknown } | undefined;
  if (body && 'ok' in body) return body;
  throw new Error(`GET /api/topology/snapshot answered ${res.status} ${res.statusText}`);
}

/** The snapshot, fetched by the browser once the page's shell is on screen. */
export function useSnapshot(paused: boolean) {
  return useQuery({
    queryKey: topologyKeys.snapshot(),
    queryFn: fetchSnapshot,
    refetchInterval: paused ? false : SNAPSHOT_REFRESH_MS,
  });
}

/** Re-crawls every account now (the Refresh button). */
export function useRefreshSnapshot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => loadSnapshot({ refresh: true }),
    onSuccess: (r) => {
      client.setQueryData(topologyKeys.snapshot(), r);
      void client.invalidateQueries({ queryKey: ['topology', 'traffic'] });
    },
  });
}

/** The traffic overlay of a window; keeps the last counts on screen while the next arrive. */
export function useTraffic(window: TrafficWindow, enabled: boolean, paused: boolean) {
  return useQuery({
    queryKey: topologyKeys.traffic(window),
    queryFn: () => loadTraffic({ window }),
    enabled,
    placeholderData: keepPreviousData,
    refetchInterval: paused ? false : TRAFFIC_REFRESH_MS,
    staleTime: 10_000,
  });
}

/** The auth policy of a service or network, fetched when its panel opens. */
export function useAuthPolicy(arn: string | undefined) {
  return useQuery({
    queryKey: topologyKeys.authPolicy(arn ?? ''),
    queryFn: () => loadAuthPolicy({ arn: arn! }),
    enabled: arn !== undefined,
    staleTime: 60_000,
  });
}

/** The health-check settings and notes of a target group, read when its panel opens. */
export function useHealthCheck(arn: string) {
  return useQuery({
    queryKey: topologyKeys.healthCheck(arn),
    queryFn: () => loadHealthCheck({ arn }),
    staleTime: 60_000,
  });
}

/** Re-marks the target groups in the side panel as watched while it stays open (the watch lasts minutes). */
export function useWatchHealth(arns: readonly string[]) {
  const key = [...arns].sort();
  return useQuery({
    queryKey: topologyKeys.watch(key),
    queryFn: () => watchHealth({ arns: key.slice(0, 50) }),
    enabled: key.length > 0,
    refetchInterval: 60_000,
    staleTime: 60_000,
  });
}
