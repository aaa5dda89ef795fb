/**
 * The cross-account VPC Lattice inventory (server-only). `getSnapshot` is what the topology graph,
 * the logs explorer and the routing editor read: every configured account and region, crawled with
 * as few calls as the API allows, cached per (account, region) with stale-while-revalidate.
 */
import 'server-only';
import { awsClients, type AwsClientFactory } from '../aws/clientFactory';
import type { Snapshot } from '../domain/snapshot';
import { Inventory, type SnapshotRequest } from './inventory';

export {
  Inventory,
  INVENTORY_MAX_STALE_MS,
  INVENTORY_TTL_MS,
  type InventoryOptions,
  type SnapshotRequest,
} from './inventory';
export { crawl, CRAWL_DEADLINE_MS, type CrawlOptions, type CrawlResult, type CrawlTarget } from './crawl';
export type { CallCount, CallStats } from './meter';
export { lightRead, lightRoutes, type LightRoutes } from './light';
import { forgetLightRoutes } from './light';

/** The inventory (cache) of a factory; one per process for the shared factory. */
export function inventoryOf(factory: AwsClientFactory = awsClients()): Inventory {
  return factory.state('inventory', () => {
    const c = factory.config;
    return new Inventory(factory, {
      tuning: {
        fullEveryMs: c.inventoryFullEveryMinutes * 60_000,
        sweepRefreshes: c.inventorySweepRefreshes,
        healthRefreshes: c.inventoryHealthRefreshes,
      },
    });
  });
}

/**
 * The invalidation hook of Trellis's own writes (lib/routing calls it after writing a listener's rules
 * or default action): the next snapshot reads that listener's rules again before it is served.
 */
export function listenerWritten(listenerArn: string, factory: AwsClientFactory = awsClients()): void {
  inventoryOf(factory).markListenerWritten(listenerArn);
  forgetLightRoutes(factory, listenerArn);
}

/**
 * Target groups a user is looking at or a triage finding names: every refresh reads their health for
 * the next 5 minutes (the others' health within `TRELLIS_INVENTORY_HEALTH_REFRESHES` refreshes).
 */
export function watchTargetGroups(targetGroupArns: readonly string[], factory: AwsClientFactory = awsClients()): void {
  inventoryOf(factory).watchTargetGroups(targetGroupArns);
}

/** Whether `getSnapshot` would answer from the cache (every account read, none too stale) without a crawl. */
export function inventoryCached(factory: AwsClientFactory = awsClients()): Promise<boolean> {
  return inventoryOf(factory).isCached();
}

/**
 * The snapshot of every configured account and region. Fresh data (younger than the TTL) is served
 * from the cache; older data is served at once while a background crawl refreshes it; `refresh`
 * waits for a new crawl. One failing account or call never fails the whole: see `accounts[].reachable`
 * and `problems`. `user` is the signed-in user: a crawl this call starts carries it as the
 * SourceIdentity of its AssumeRole sessions (cached reads may have been made by another user's crawl).
 */
export async function getSnapshot(
  opts: { user?: string; refresh?: boolean; signal?: AbortSignal } = {},
  factory?: AwsClientFactory,
): Promise<Snapshot> {
  const req: SnapshotRequest = {
    ...(opts.user !== undefined ? { user: opts.user } : {}),
    ...(opts.refresh ? { refresh: true } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  };
  return inventoryOf(factory).snapshot(req);
}
