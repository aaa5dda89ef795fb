/**
 * The inventory the explorer needs (networks, services, target groups, associations, access-log
 * subscriptions). INTERIM: reads those few lists itself until lib/inventory's `getSnapshot` lands on
 * main; then this file becomes `getSnapshot({ user })` and nothing else changes.
 */
import 'server-only';
import {
  ListAccessLogSubscriptionsCommand,
  ListServiceNetworksCommand,
  ListServiceNetworkServiceAssociationsCommand,
  ListServicesCommand,
  ListTargetGroupsCommand,
} from '@aws-sdk/client-vpc-lattice';
import { listAccounts } from '../aws/accounts';
import { awsClients, type AwsClientFactory } from '../aws/clientFactory';
import { toErrorInfo } from '../domain/errors';
import { emptySnapshot, type Snapshot } from '../domain/snapshot';

const TTL_MS = 30_000;
const cache = new WeakMap<AwsClientFactory, { at: number; value: Promise<Snapshot> }>();

/** The inventory for the explorer, cached briefly per factory (the console is stateless; this is only a cache). */
export function logsSnapshot(user?: string, factory: AwsClientFactory = awsClients()): Promise<Snapshot> {
  const now = Date.now();
  const hit = cache.get(factory);
  if (hit && now - hit.at <= TTL_MS) return hit.value;
  const value = crawl(user, factory);
  cache.set(factory, { at: now, value });
  value.catch(() => cache.delete(factory));
  return value;
}

async function all<T>(fetch: (token?: string) => Promise<{ items?: T[]; nextToken?: string | undefined }>): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetch(token);
    out.push(...(page.items ?? []));
    token = page.nextToken;
  } while (token);
  return out;
}

async function crawl(user: string | undefined, factory: AwsClientFactory): Promise<Snapshot> {
  const s = emptySnapshot(Date.now());
  const accounts = await listAccounts(factory);
  await Promise.all(
    accounts.map(async (a) => {
      const scope = { accountId: a.accountId, ...(user ? { user } : {}) };
      const client = factory.lattice(scope);
      const call = <T>(operation: string, fn: (signal: AbortSignal) => Promise<T>) => factory.call({ ...scope, operation }, fn);
      try {
        const nets = await all((nextToken) => call('ListServiceNetworks', (abortSignal) => client.send(new ListServiceNetworksCommand({ nextToken }), { abortSignal })));
        const svcs = await all((nextToken) => call('ListServices', (abortSignal) => client.send(new ListServicesCommand({ nextToken }), { abortSignal })));
        const tgs = await all((nextToken) => call('ListTargetGroups', (abortSignal) => client.send(new ListTargetGroupsCommand({ nextToken }), { abortSignal })));
        const region = factory.config.region;
        for (const n of nets) if (n.arn && !s.serviceNetworks.some((x) => x.arn === n.arn)) s.serviceNetworks.push({ arn: n.arn, id: n.id ?? '', accountId: n.arn.split(':')[4] ?? a.accountId, region, name: n.name ?? '', visibleTo: [] });
        for (const v of svcs) if (v.arn && !s.services.some((x) => x.arn === v.arn)) s.services.push({ arn: v.arn, id: v.id ?? '', accountId: a.accountId, region, name: v.name ?? '', visibleTo: [] });
        for (const t of tgs) if (t.arn) s.targetGroups.push({ arn: t.arn, id: t.id ?? '', accountId: a.accountId, region, name: t.name ?? '', type: (t.type ?? 'IP') as 'IP', serviceArns: t.serviceArns ?? [] });
        const owned = [...nets.filter((n) => n.arn?.split(':')[4] === a.accountId), ...svcs].map((r) => r.arn!).filter(Boolean);
        for (const arn of owned) {
          const subs = await all((nextToken) => call('ListAccessLogSubscriptions', (abortSignal) => client.send(new ListAccessLogSubscriptionsCommand({ resourceIdentifier: arn, nextToken }), { abortSignal })));
          for (const x of subs) if (x.arn && x.destinationArn) s.accessLogSubscriptions.push({ arn: x.arn, id: x.id ?? '', accountId: a.accountId, region, resourceArn: x.resourceArn ?? arn, destinationArn: x.destinationArn });
        }
        for (const n of nets.filter((x) => x.arn?.split(':')[4] === a.accountId)) {
          const assoc = await all((nextToken) => call('ListServiceNetworkServiceAssociations', (abortSignal) => client.send(new ListServiceNetworkServiceAssociationsCommand({ serviceNetworkIdentifier: n.arn!, nextToken }), { abortSignal })));
          for (const x of assoc) if (x.arn && x.serviceArn) s.serviceAssociations.push({ arn: x.arn, id: x.id ?? '', accountId: a.accountId, region, serviceNetworkArn: n.arn!, serviceArn: x.serviceArn });
        }
        s.accounts.push({ accountId: a.accountId, name: a.name, regions: [region], reachable: true, fetchedAt: Date.now() });
      } catch (e) {
        s.accounts.push({ accountId: a.accountId, name: a.name, regions: [factory.config.region], reachable: false, error: toErrorInfo(e), fetchedAt: Date.now() });
      }
    }),
  );
  return s;
}
