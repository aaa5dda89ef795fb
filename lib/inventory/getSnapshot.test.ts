/**
 * Integration: getSnapshot with the real SDK against the emulator's demo world, configured like
 * `npm run demo`. Expected values come from the emulator itself (its summary and store), not from
 * hard-coded names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAccounts } from '../aws/accounts';
import type { AwsClientFactory } from '../aws/clientFactory';
import { trafficShares } from '../domain/routing';
import { standardAccountsJson, startAppHarness, type AppHarness } from '../../testing/appHarness';
import { crawl } from './crawl';
import { getSnapshot } from './index';
import { mergeSegments } from './merge';
import { summaryOf, type SummaryCounts } from './testSupport';

let app: AppHarness;

beforeAll(async () => {
  app = await startAppHarness({ scenario: 'demo' });
});
afterAll(async () => {
  await app.close();
});

async function emulatorSummary(): Promise<SummaryCounts> {
  const res = await app.h.control('GET', '/lattice/summary');
  return (res.body as { accounts: SummaryCounts }).accounts;
}

async function vpcResourceSummary(): Promise<SummaryCounts> {
  const res = await app.h.control('GET', '/lattice/summary');
  return (res.body as { vpcResources: SummaryCounts }).vpcResources;
}

async function crawlAll(factory: AwsClientFactory) {
  const accounts = await listAccounts(factory);
  const result = await crawl(
    factory,
    accounts.flatMap((account) => account.regions.map((region) => ({ account, region }))),
    { user: 'alice' },
  );
  return { result, snap: mergeSegments(accounts, result.segments) };
}

function byOpTotal(result: Awaited<ReturnType<typeof crawlAll>>['result'], op: string): number {
  return Object.values(result.calls.byAccount).reduce((n, a) => n + (a.byOperation[op]?.calls ?? 0), 0);
}

function total(summary: SummaryCounts, key: string): number {
  return Object.values(summary).reduce(
    (s, regions) => s + Object.values(regions).reduce((t, c) => t + (c[key] ?? 0), 0),
    0,
  );
}

describe('getSnapshot (demo)', () => {
  it('holds exactly what the emulator holds, per owner account, with target health', async () => {
    const snap = await getSnapshot({ user: 'alice@example.com' }, app.factory());
    expect(snap.problems).toEqual([]);
    expect(snap.accounts.map((a) => [a.accountId, a.reachable])).toEqual([
      ['111111111111', true],
      ['222222222222', true],
      ['333333333333', true],
    ]);
    expect(summaryOf(snap)).toEqual(await emulatorSummary());
    const statuses = new Set(Object.values(snap.targets).flatMap((ts) => ts.map((t) => t.status)));
    for (const s of ['UNHEALTHY', 'DRAINING', 'INITIAL', 'HEALTHY'] as const) expect(statuses).toContain(s);
    const unhealthy = Object.values(snap.targets)
      .flat()
      .find((t) => t.status === 'UNHEALTHY');
    expect(unhealthy?.reasonCode).toBeTruthy();
  });

  it('shows shared networks once, visible to all three accounts, with the owner’s authType', async () => {
    const snap = await getSnapshot({}, app.factory());
    expect(snap.serviceNetworks.length).toBeGreaterThan(0);
    expect(new Set(snap.serviceNetworks.map((n) => n.arn)).size).toBe(snap.serviceNetworks.length);
    for (const n of snap.serviceNetworks) {
      expect(n.visibleTo).toEqual(['111111111111', '222222222222', '333333333333']);
      expect(n.authType).toBeDefined();
    }
    for (const s of snap.services) {
      expect(s.authType).toBeDefined();
      expect(s.visibleTo).toContain(s.accountId);
    }
  });

  it('reads rules with match and action: the 90/10 canary as shares, default actions on listeners', async () => {
    const snap = await getSnapshot({}, app.factory());
    const weighted = snap.rules.filter((r) => r.action?.type === 'forward' && r.action.targetGroups.length === 2);
    // The payments-api canary (90/10 on /v2/), the statements (70/30) and inventory-shop (80/20) rules, and the
    // default action of card-vault's TLS passthrough listener (90/10).
    expect(weighted).toHaveLength(4);
    const shares = (r: (typeof weighted)[number]) =>
      r.action?.type === 'forward' ? trafficShares(r.action.targetGroups).map((s) => s.share) : [];
    expect(weighted.map(shares).sort()).toEqual([
      [0.7, 0.3],
      [0.8, 0.2],
      [0.9, 0.1],
      [0.9, 0.1],
    ]);
    const rule = weighted.find((r) => !r.isDefault && shares(r)[0] === 0.9)!;
    if (rule.action?.type !== 'forward') throw new Error('not a forward action');
    expect(rule.match?.path?.type).toBe('prefix');
    const tgArns = new Set(snap.targetGroups.map((t) => t.arn));
    for (const t of rule.action.targetGroups) expect(tgArns.has(t.targetGroupArn)).toBe(true);
    for (const l of snap.listeners) expect(l.defaultAction).toBeDefined();
    expect(snap.rules.filter((r) => r.isDefault)).toHaveLength(snap.listeners.length);
    expect(snap.accessLogSubscriptions.every((a) => a.destinationArn.startsWith('arn:aws:logs:'))).toBe(true);
  });
});

describe('VPC resources (demo)', () => {
  it('reads gateways, configurations with their failure reasons, associations, endpoints and domains', async () => {
    const snap = await getSnapshot({}, app.factory());
    const vpc = await vpcResourceSummary();
    expect(snap.resourceGateways).toHaveLength(total(vpc, 'resourceGateways'));
    expect(snap.resourceConfigurations).toHaveLength(total(vpc, 'resourceConfigurations'));
    expect(snap.resourceAssociations).toHaveLength(total(vpc, 'serviceNetworkResourceAssociations'));
    expect(snap.resourceEndpointAssociations).toHaveLength(total(vpc, 'resourceEndpointAssociations'));
    expect(snap.vpcEndpointAssociations).toHaveLength(total(vpc, 'serviceNetworkVpcEndpointAssociations'));
    expect(snap.domainVerifications).toHaveLength(total(vpc, 'domainVerifications'));
    // Every configuration was read in full (Get): protocol, ports and definition; a failed one has its reason.
    for (const c of snap.resourceConfigurations) {
      expect(c.protocol).toBe('TCP');
      expect(c.portRanges?.length).toBeGreaterThan(0);
      expect(c.definition).toBeDefined();
      if (c.status?.endsWith('_FAILED')) expect(c.failureReason).toBeTruthy();
    }
    expect(snap.resourceConfigurations.some((c) => c.status?.endsWith('_FAILED'))).toBe(true);
    // A configuration shared with another account is one entry, visible to both.
    expect(snap.resourceConfigurations.some((c) => c.visibleTo.length > 1)).toBe(true);
    for (const d of snap.domainVerifications) expect(d.txtName && d.txtValue).toBeTruthy();
    const gatewayIds = new Set(snap.resourceGateways.map((g) => g.id));
    for (const c of snap.resourceConfigurations) expect(gatewayIds.has(c.resourceGatewayId ?? '')).toBe(true);
    expect(snap.problems).toEqual([]);
  });
});

describe('call budget (demo)', () => {
  it('makes one call per resource at most: no Get of what a List returned, shared networks read once', async () => {
    const factory = app.factory();
    const { result, snap } = await crawlAll(factory);
    const sum = await emulatorSummary();
    const accounts = snap.accounts.length;
    const members = accounts - 1; // the hub is read with the base credentials
    // 3 Lists per account; per network Get + 2 association Lists + ALS; per service Get + ListListeners + ALS;
    // ListRules per listener; GetRule per rule (the default rule carries the listener's default action);
    // ListTargets per target group. ListTargetGroups already has type, port, protocol, VPC and serviceArns.
    // Owners (lib/inventory/readOwners): ListTagsForResource per service and target group, and per listener
    // and non-default rule of a service a CloudFormation stack created.
    const stackOwned = new Set(snap.services.filter((s) => s.owner?.kind === 'cloudformation').map((s) => s.arn));
    const stackChildren = [...snap.listeners, ...snap.rules.filter((r) => !r.isDefault)].filter((c) =>
      stackOwned.has(c.serviceArn),
    ).length;
    expect(stackChildren).toBe(2);
    // VPC resources: 4 account-wide Lists per account (gateways, configurations, their network associations,
    // domain verifications); per own configuration Get + ListResourceEndpointAssociations; per own network
    // ListServiceNetworkVpcEndpointAssociations.
    const vpc = await vpcResourceSummary();
    const budget =
      3 * accounts +
      4 * accounts +
      2 * total(vpc, 'resourceConfigurations') +
      total(sum, 'serviceNetworks') +
      members +
      4 * total(sum, 'serviceNetworks') +
      3 * total(sum, 'services') +
      total(sum, 'listeners') +
      total(sum, 'rules') +
      total(sum, 'targetGroups') +
      total(sum, 'services') +
      total(sum, 'targetGroups') +
      stackChildren;
    expect(result.calls.total.calls).toBe(budget);
    // 116 before the demo gained card-vault, statements and inventory-shop (3 services, 3 listeners, 5 rules,
    // 6 target groups: +23 calls); 139 before the crawl read VPC resources (+12 Lists, +4 for the two
    // configurations, +2 for the two networks) and owners (+43: ListTagsForResource of the 41 services and
    // target groups, the statements stack's listener and rule).
    expect(result.calls.total.calls).toBe(200);
    expect(byOpTotal(result, 'GetResourceConfiguration')).toBe(total(vpc, 'resourceConfigurations'));
    expect(byOpTotal(result, 'GetResourceGateway')).toBe(0);
    const byOp = (op: string) =>
      Object.values(result.calls.byAccount).reduce((n, a) => n + (a.byOperation[op]?.calls ?? 0), 0);
    expect(byOp('GetServiceNetwork')).toBe(total(sum, 'serviceNetworks'));
    expect(byOp('GetService')).toBe(total(sum, 'services'));
    expect(byOp('GetTargetGroup')).toBe(0);
    expect(byOp('ListTagsForResource')).toBe(total(sum, 'services') + total(sum, 'targetGroups') + stackChildren);
    expect(byOp('GetListener')).toBe(0);
    // Only the owner (the hub) reads a shared network's details.
    expect(result.calls.byAccount['222222222222']?.byOperation.GetServiceNetwork).toBeUndefined();
    expect(result.calls.total.requests).toBe(result.calls.total.calls);

    // Credentials are cached by the factory: a second crawl makes no AssumeRole call.
    const again = await crawlAll(factory);
    expect(again.result.calls.total.calls).toBe(budget - members);
    expect(again.snap).toEqual({ ...snap, fetchedAt: again.snap.fetchedAt, accounts: again.snap.accounts });
  });

  it('reads a network whose owner is not configured once, through the first account that sees it', async () => {
    const members = (JSON.parse(standardAccountsJson()) as Array<{ accountId: string }>).filter(
      (a) => a.accountId !== '111111111111',
    );
    const factory = app.factory({ TRELLIS_ACCOUNTS: JSON.stringify(members) });
    const { result, snap } = await crawlAll(factory);
    expect(snap.problems).toEqual([]);
    expect(snap.serviceNetworks).toHaveLength(2);
    for (const n of snap.serviceNetworks) {
      expect(n.accountId).toBe('111111111111');
      expect(n.visibleTo).toEqual(['222222222222', '333333333333']);
      expect(n.authType).toBeDefined();
    }
    expect(result.calls.byAccount['222222222222']?.byOperation.GetServiceNetwork?.calls).toBe(2);
    expect(result.calls.byAccount['333333333333']?.byOperation.GetServiceNetwork).toBeUndefined();
    // Each consumer sees (and lists) its own associations of the shared networks.
    const sum = await emulatorSummary();
    for (const acct of ['222222222222', '333333333333']) {
      expect(snap.serviceAssociations.filter((a) => a.accountId === acct)).toHaveLength(
        sum[acct]?.['us-east-1']?.serviceNetworkServiceAssociations ?? -1,
      );
    }
    expect(snap.accessLogSubscriptions.every((a) => a.accountId !== '111111111111')).toBe(true);
  });
});
