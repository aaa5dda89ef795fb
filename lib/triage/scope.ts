/**
 * What a refresh reads about the resources (server-only). The inventory's snapshot when it is cached
 * (or arrives within INVENTORY_GRACE_MS); otherwise — a cold process, the crawl of a large fleet takes
 * seconds — a light read of its own, so the first findings do not wait for the crawl: per (account,
 * region) the three List calls of the crawl's phase one (names, target groups and the services they
 * serve) plus the access-log subscriptions of the networks and services the account owns and the
 * service associations of its networks. No listeners, rules or targets: the report is `partial` (log
 * findings, health of the groups with traffic, audit and canaries; no rollback action without the
 * rule), and the crawl started by the first read goes on and fills the cache for the next refresh.
 */
import 'server-only';
import { listAccounts } from '../aws/accounts';
import type { AwsClientFactory } from '../aws/clientFactory';
import { mapLimited } from '../aws/concurrency';
import { parseLatticeArn } from '../domain/arn';
import type { Snapshot } from '../domain/snapshot';
import { getSnapshot } from '../inventory';
import { mergeSegments } from '../inventory/merge';
import { readLists } from '../inventory/readLists';
import { listAccessLogs, readNetwork } from '../inventory/readNetworks';
import { SegmentRun } from '../inventory/segmentRun';

/** How long a refresh waits for the inventory before it reads the light scope itself (ms). */
export const INVENTORY_GRACE_MS = 300;
/** Subscription reads in flight per (account, region) in the light read. */
const LIGHT_PARALLEL = 16;

/** The resources a refresh evaluates against; `partial` when it is the light read. */
export interface TriageScope {
  snapshot: Snapshot;
  partial: boolean;
}

const owned = (arn: string, accountId: string) => parseLatticeArn(arn)?.accountId === accountId;

/** The light read of every configured (account, region), merged like the inventory's segments. */
export async function lightSnapshot(factory: AwsClientFactory, user?: string): Promise<Snapshot> {
  const accounts = await listAccounts(factory);
  const startedAt = Date.now();
  const runs = accounts.flatMap((a) => a.regions.map((r) => new SegmentRun(a, r, () => undefined)));
  await Promise.all(
    runs.map(async (run) => {
      const lattice = factory.gateways.lattice({
        accountId: run.accountId,
        region: run.region,
        ...(user ? { user } : {}),
      });
      await readLists(lattice, run);
      if (!run.reachable) return;
      const networks = new Set([...run.networks.keys()].filter((arn) => owned(arn, run.accountId)));
      const services = [...run.services.keys()].filter((arn) => owned(arn, run.accountId));
      await mapLimited([...networks, ...services], LIGHT_PARALLEL, (arn) =>
        networks.has(arn)
          ? readNetwork(lattice, run, arn, { get: false, associations: true, accessLogs: true })
          : listAccessLogs(lattice, run, arn),
      );
    }),
  );
  return mergeSegments(
    accounts,
    runs.map((r) => r.toData(startedAt, user)),
  );
}

/** The inventory if it answers within the grace period, else the light read (the crawl goes on). */
export async function triageScope(
  factory: AwsClientFactory,
  user?: string,
  inventory: () => Promise<Snapshot> = () => getSnapshot(user ? { user } : {}, factory),
): Promise<TriageScope> {
  const full = inventory();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), INVENTORY_GRACE_MS);
  });
  const first = await Promise.race([full, late]).finally(() => clearTimeout(timer));
  if (first) return { snapshot: first, partial: false };
  // The crawl keeps filling the cache; its failure is the inventory's to report (next refresh).
  full.catch(() => undefined);
  return { snapshot: await lightSnapshot(factory, user), partial: true };
}
