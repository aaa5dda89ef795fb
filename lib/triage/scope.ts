/**
 * What a refresh reads about the resources (server-only). The inventory's snapshot when it is cached
 * (or arrives within INVENTORY_GRACE_MS); otherwise — a cold process, the crawl of a large fleet takes
 * seconds — lib/inventory's light read (`lightRead`), so the findings do not wait for the crawl: per
 * (account, region) the three List calls of the crawl's phase one, its networks' access-log subscriptions
 * and service associations, and the subscriptions of the services no network logs (lib/inventory
 * lightLogs.ts). No listeners, rules or targets: the refresh
 * reads the health of the groups itself (it always does, the cap spread over every account's groups
 * here) and the routes of the services its findings name (gatherLight.ts), so its report is the
 * complete one; the crawl started by the first read goes on and fills the cache for later refreshes.
 * The light snapshot is kept LIGHT_REUSE_MS, so refreshes while a long crawl runs do not read it again.
 */
import 'server-only';
import type { AwsClientFactory } from '../aws/clientFactory';
import type { Snapshot } from '../domain/snapshot';
import { getSnapshot, inventoryCached, lightRead } from '../inventory';

/** How long a refresh waits for the inventory before it reads the light scope itself (ms). */
export const INVENTORY_GRACE_MS = 300;
/** A light snapshot is reused this long (ms) while the inventory has not answered yet. */
export const LIGHT_REUSE_MS = 30_000;

/** The resources a refresh evaluates against; `light` when it is the light read (no rules, no targets). */
export interface TriageScope {
  snapshot: Snapshot;
  light: boolean;
  /** Starts the crawl the light read stood in for (called once the report is done). */
  startInventory?: () => void;
}

/** The light read of every configured (account, region) (lib/inventory `lightRead`). */
export function lightSnapshot(factory: AwsClientFactory, user?: string): Promise<Snapshot> {
  return lightRead(factory, user ? { user } : {});
}

/**
 * The inventory if it answers within the grace period, else the light read (the crawl goes on). With nothing
 * cached at all (a cold process) the crawl is not started before the light report is done
 * (`startInventory`): the crawl's thousands of background calls hold the account's concurrency slots while
 * they wait for the call budget, and would halve the budget the report's own reads get.
 */
export async function triageScope(
  factory: AwsClientFactory,
  user?: string,
  inventory: () => Promise<Snapshot> = () => getSnapshot(user ? { user } : {}, factory),
  cached: () => Promise<boolean> = () => inventoryCached(factory),
): Promise<TriageScope> {
  if (!(await cached())) {
    const startInventory = () => void inventory().catch(() => undefined);
    return { snapshot: await reusedLight(factory, user), light: true, startInventory };
  }
  const full = inventory();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), INVENTORY_GRACE_MS);
  });
  const first = await Promise.race([full, late]).finally(() => clearTimeout(timer));
  if (first) return { snapshot: first, light: false };
  // The crawl keeps filling the cache; its failure is the inventory's to report (next refresh).
  full.catch(() => undefined);
  return { snapshot: await reusedLight(factory, user), light: true };
}

/** The light snapshot of the last LIGHT_REUSE_MS (per user: a read carries its SourceIdentity), else a new one. */
function reusedLight(factory: AwsClientFactory, user: string | undefined): Promise<Snapshot> {
  const kept = factory.state('triage.light', () => new Map<string, { at: number; snapshot: Promise<Snapshot> }>());
  const key = user ?? '';
  const hit = kept.get(key);
  const now = Date.now();
  if (hit && now - hit.at < LIGHT_REUSE_MS) return hit.snapshot;
  const snapshot = lightSnapshot(factory, user);
  kept.set(key, { at: now, snapshot });
  snapshot.catch(() => {
    if (kept.get(key)?.snapshot === snapshot) kept.delete(key);
  });
  return snapshot;
}
