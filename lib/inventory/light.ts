/**
 * The light read (server-only): what a caller that cannot wait for the crawl reads itself, at its own
 * (interactive) priority, with the crawl's own readers. `lightRead`: per configured (account, region) the
 * three List calls of the crawl's phase one (names, target groups and the services they serve), the
 * access-log subscriptions and service associations of the networks the account owns, and the subscriptions
 * of its services that no network's logs cover (lightLogs.ts) — no listeners, rules or targets — merged like
 * the inventory's segments. `lightRoutes`: the listeners and rules of a few named services (one ListListeners
 * per service, one ListRules per listener, one GetRule per rule), read by each service's owner and kept
 * LIGHT_ROUTES_REUSE_MS (Trellis's own write of a listener forgets its service's); services of accounts not
 * configured are skipped.
 * Failures become problems or unreachable accounts, never a throw. Nothing here touches the cache.
 */
import 'server-only';
import { listAccounts } from '../aws/accounts';
import type { AwsClientFactory } from '../aws/clientFactory';
import type { AccountConfig } from '../config';
import { mapLimited } from '../aws/concurrency';
import { parseLatticeArn } from '../domain/arn';
import type { Listener, Problem, Rule, Snapshot } from '../domain/snapshot';
import { coveredServices, type NetworkReads } from './lightLogs';
import { mergeSegments } from './merge';
import { readLists } from './readLists';
import { listAccessLogs, readNetwork } from './readNetworks';
import { readListeners } from './readServices';
import { SegmentRun } from './segmentRun';

/** Services whose routes are read at once per (account, region). */
const ROUTES_PARALLEL = 16;
/** Subscription reads in flight per (account, region) in the light read. */
const LIGHT_PARALLEL = 16;

const owned = (arn: string, accountId: string) => parseLatticeArn(arn)?.accountId === accountId;

/** The Lattice gateway of one (account, region), as `user` when there is one. */
const latticeFor = (factory: AwsClientFactory, accountId: string, region: string, user: string | undefined) =>
  factory.gateways.lattice({ accountId, region, ...(user ? { user } : {}) });

/** The light read of every configured (account, region) as `user`, merged into one snapshot. */
export async function lightRead(factory: AwsClientFactory, opts: { user?: string } = {}): Promise<Snapshot> {
  const accounts = await listAccounts(factory);
  const startedAt = Date.now();
  const runs = accounts.flatMap((a) => a.regions.map((r) => new SegmentRun(a, r, () => undefined)));
  const latticeOf = (run: SegmentRun) => latticeFor(factory, run.accountId, run.region, opts.user);
  // First the lists and the own networks (associations, subscriptions) of every segment …
  const reads = await Promise.all(
    runs.map(async (run): Promise<NetworkReads> => {
      const lattice = latticeOf(run);
      await readLists(lattice, run);
      const own = new Set(run.reachable ? [...run.networks.keys()].filter((arn) => owned(arn, run.accountId)) : []);
      await mapLimited([...own], LIGHT_PARALLEL, (arn) =>
        readNetwork(lattice, run, arn, { get: false, associations: true, accessLogs: true }),
      );
      return {
        accountId: run.accountId,
        networks: [...run.networks.keys()],
        read: own,
        serviceAssociations: run.serviceAssociations,
        accessLogSubscriptions: run.accessLogSubscriptions,
        problems: run.problems,
      };
    }),
  );
  // … then the own subscriptions only of services some network's logs do not already cover (lightLogs.ts).
  const covered = coveredServices(reads);
  await Promise.all(
    runs.map(async (run) => {
      if (!run.reachable) return;
      const lattice = latticeOf(run);
      const services = [...run.services.keys()].filter((arn) => owned(arn, run.accountId) && !covered.has(arn));
      await mapLimited(services, LIGHT_PARALLEL, (arn) => listAccessLogs(lattice, run, arn));
    }),
  );
  return mergeSegments(
    accounts,
    runs.map((r) => r.toData(startedAt, opts.user)),
  );
}

/** The routes read, and what failed. */
export interface LightRoutes {
  listeners: Listener[];
  rules: Rule[];
  problems: Problem[];
}

/** A service's routes read by `lightRoutes` are reused this long (ms), unless Trellis wrote its listener. */
export const LIGHT_ROUTES_REUSE_MS = 30_000;

type RouteCache = Map<string, { at: number; routes: Promise<LightRoutes> }>;
const routeCache = (factory: AwsClientFactory): RouteCache =>
  factory.state('inventory.lightRoutes', (): RouteCache => new Map());

/** Forgets the kept routes of the service of a listener Trellis just wrote (lib/inventory `listenerWritten`). */
export function forgetLightRoutes(factory: AwsClientFactory, listenerArn: string): void {
  const i = listenerArn.indexOf('/listener/');
  if (i > 0) routeCache(factory).delete(listenerArn.slice(0, i));
}

/** Reads the listeners and rules of `serviceArns` (deduplicated) in their owner accounts. */
export async function lightRoutes(
  factory: AwsClientFactory,
  serviceArns: Iterable<string>,
  opts: { user?: string } = {},
): Promise<LightRoutes> {
  const accounts = new Map((await listAccounts(factory)).map((a) => [a.accountId, a]));
  const cache = routeCache(factory);
  const now = Date.now();
  const kept: Array<Promise<LightRoutes>> = [];
  const toRead = new Map<string, { account: AccountConfig; region: string; services: string[] }>();
  for (const arn of new Set(serviceArns)) {
    const p = parseLatticeArn(arn);
    const account = p?.kind === 'service' ? accounts.get(p.accountId) : undefined;
    if (!p || !account?.regions.includes(p.region)) continue;
    const hit = cache.get(arn);
    if (hit && now - hit.at < LIGHT_ROUTES_REUSE_MS) {
      kept.push(hit.routes);
      continue;
    }
    const key = `${p.accountId}|${p.region}`;
    const seg = toRead.get(key) ?? { account, region: p.region, services: [] };
    seg.services.push(arn);
    toRead.set(key, seg);
  }
  const read = [...toRead.values()].map(({ account, region, services }) => {
    const lattice = latticeFor(factory, account.accountId, region, opts.user);
    return mapLimited(services, ROUTES_PARALLEL, (arn) => {
      const run = new SegmentRun(account, region, () => undefined);
      const routes = readListeners(lattice, run, arn).then(() => ({
        listeners: run.listeners,
        rules: run.rules,
        problems: run.problems,
      }));
      cache.set(arn, { at: now, routes });
      // A failed read is not kept: the next refresh tries again.
      routes.then(
        (r) => r.problems.length > 0 && cache.get(arn)?.routes === routes && cache.delete(arn),
        () => cache.get(arn)?.routes === routes && cache.delete(arn),
      );
      return routes;
    });
  });
  const all = [...(await Promise.all(kept)), ...(await Promise.all(read)).flat()];
  return {
    listeners: all.flatMap((r) => r.listeners),
    rules: all.flatMap((r) => r.rules),
    problems: all.flatMap((r) => r.problems),
  };
}
