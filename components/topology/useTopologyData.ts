'use client';

/**
 * The topology's server data through TanStack Query: the snapshot (JSON from /api/topology/snapshot),
 * manual refresh (a new crawl), the traffic overlay on an interval the user can pause, and
 * auth policies on demand. Server actions answer with `Result`s: failures are data, shown in place.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { loadAuthPolicy, loadHealthCheck, loadTraffic, watchHealth } from '@/lib/actions/topology';
import type { Result } from '@/lib/domain/result';
import type { Snapshot } from '@/lib/domain/snapshot';
import type { TrafficWindow } from '@/lib/graph/traffic';
import { decodeSnapshot, type SnapshotWire } from '@/lib/graph/wire';
import { topologyKeys } from './queryKeys';

/** How often the overlay and the snapshot refresh while not paused. */
export const TRAFFIC_REFRESH_MS = 30_000;
export const SNAPSHOT_REFRESH_MS = 60_000;

const SNAPSHOT_URL = '/api/topology/snapshot';
/** The ETag of each snapshot the route sent (the poll asks for it again with If-None-Match). */
const etags = new WeakMap<Snapshot, string>();

/**
 * The snapshot from the route, decoded from its wire form (lib/graph/wire); lib/actions/run answers with a
 * `Result` whatever the status. The first call is a plain GET, so it takes over the page's preload of the same
 * URL; later ones send the ETag of `held` and keep it on a 304. `refresh`: re-crawl first (POST).
 */
async function fetchSnapshot(held: Result<Snapshot> | undefined, refresh = false): Promise<Result<Snapshot>> {
  const etag = held?.ok ? etags.get(held.value) : undefined;
  const res = await fetch(
    SNAPSHOT_URL,
    refresh
      ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refresh: true }) }
      : etag
        ? { headers: { 'if-none-match': etag }, cache: 'no-store' }
        : undefined,
  );
  if (res.status === 304 && held) return held;
  const body = (await res.json().catch(() => undefined)) as Result<SnapshotWire> | { error?: unknown } | undefined;
  if (!body || !('ok' in body)) throw new Error(`${SNAPSHOT_URL} answered ${res.status} ${res.statusText}`);
  if (!body.ok) return body;
  const snapshot = decodeSnapshot(body.value);
  const tag = res.headers.get('etag');
  if (tag) etags.set(snapshot, tag);
  return { ok: true, value: snapshot };
}

/** The snapshot, fetched by the browser once the page's shell is on screen. */
export function useSnapshot(paused: boolean) {
  const client = useQueryClient();
  return useQuery({
    queryKey: topologyKeys.snapshot(),
    queryFn: () => fetchSnapshot(client.getQueryData<Result<Snapshot>>(topologyKeys.snapshot())),
    refetchInterval: paused ? false : SNAPSHOT_REFRESH_MS,
    // A new snapshot is a new graph anyway; comparing 4 MB of rows with the last one would only cost time.
    structuralSharing: false,
  });
}

/** Re-crawls every account now (the Refresh button), through the same route. */
export function useRefreshSnapshot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => fetchSnapshot(client.getQueryData<Result<Snapshot>>(topologyKeys.snapshot()), true),
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
