/** Contract tests: the `demo` scenario, observed only through the API, and its survival across save/load. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GetAuthPolicyCommand,
  GetRuleCommand,
  ListAccessLogSubscriptionsCommand,
  ListListenersCommand,
  ListRulesCommand,
  ListServiceNetworkServiceAssociationsCommand,
  ListServiceNetworkVpcAssociationsCommand,
  ListServiceNetworksCommand,
  ListServicesCommand,
  ListTargetGroupsCommand,
  ListTargetsCommand,
  UpdateRuleCommand,
  type GetRuleCommandOutput,
  type VPCLatticeClient,
} from '@aws-sdk/client-vpc-lattice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness';

const ACCOUNTS = ['111111111111', '222222222222', '333333333333'];
let h: Harness;
let clients: VPCLatticeClient[];
beforeAll(async () => {
  // Without the 3-hour traffic backfill: this file is about the Lattice world (see contract/traffic for the logs).
  h = await startHarness({ scenario: 'demo', params: { backfillMinutes: 0 } });
  clients = [0, 1, 2].map((i) => h.lattice(h.creds(i)));
});
afterAll(() => h.close());

const own = <T extends { arn?: string }>(items: T[] | undefined, account: string) =>
  (items ?? []).filter((i) => i.arn?.split(':')[4] === account);

async function rulesOf(c: VPCLatticeClient, serviceId: string): Promise<GetRuleCommandOutput[]> {
  const out: GetRuleCommandOutput[] = [];
  for (const l of (await c.send(new ListListenersCommand({ serviceIdentifier: serviceId }))).items ?? []) {
    for (const r of (await c.send(new ListRulesCommand({ serviceIdentifier: serviceId, listenerIdentifier: l.id! })))
      .items ?? []) {
      out.push(
        await c.send(
          new GetRuleCommand({ serviceIdentifier: serviceId, listenerIdentifier: l.id!, ruleIdentifier: r.id! }),
        ),
      );
    }
  }
  return out;
}

describe('demo scenario', () => {
  it('has three accounts with resources, two shared networks and at least 12 services', async () => {
    const [hub, payments, storefront] = clients as [VPCLatticeClient, VPCLatticeClient, VPCLatticeClient];
    const nets = await hub.send(new ListServiceNetworksCommand({}));
    expect(nets.items?.map((n) => n.name).sort()).toEqual(['prod-mesh', 'shared-services']);
    for (const c of [payments, storefront])
      expect((await c.send(new ListServiceNetworksCommand({}))).items).toHaveLength(2);
    let total = 0;
    for (const [i, c] of clients.entries()) {
      const mine = own((await c.send(new ListServicesCommand({}))).items, ACCOUNTS[i]!);
      expect(mine.length).toBeGreaterThan(0);
      total += mine.length;
    }
    expect(total).toBeGreaterThanOrEqual(12);
  });

  it('has every target-group type, HTTP, HTTPS and TLS passthrough listeners, and targets in every state', async () => {
    const types = new Set<string>();
    const statuses = new Set<string>();
    const protocols = new Set<string>();
    for (const c of clients) {
      for (const tg of (await c.send(new ListTargetGroupsCommand({}))).items ?? []) {
        types.add(tg.type!);
        for (const t of (await c.send(new ListTargetsCommand({ targetGroupIdentifier: tg.id! }))).items ?? [])
          statuses.add(t.status!);
      }
      for (const s of (await c.send(new ListServicesCommand({}))).items ?? []) {
        for (const l of (await c.send(new ListListenersCommand({ serviceIdentifier: s.arn! }))).items ?? [])
          protocols.add(l.protocol!);
      }
    }
    expect([...types].sort()).toEqual(['ALB', 'INSTANCE', 'IP', 'LAMBDA']);
    expect(protocols).toEqual(new Set(['HTTP', 'HTTPS', 'TLS_PASSTHROUGH']));
    for (const s of ['HEALTHY', 'UNHEALTHY', 'DRAINING', 'INITIAL', 'UNAVAILABLE']) expect(statuses).toContain(s);
  });

  it('routes payments-api with header, method+path and a 90/10 canary rule', async () => {
    const payments = clients[1]!;
    const api = (await payments.send(new ListServicesCommand({}))).items!.find((s) => s.name === 'payments-api')!;
    const rules = await rulesOf(payments, api.id!);
    const canary = rules.find((r) => r.action?.forward?.targetGroups?.length === 2);
    expect(canary?.action?.forward?.targetGroups?.map((t) => t.weight)).toEqual([90, 10]);
    expect(canary?.match?.httpMatch?.pathMatch?.match).toEqual({ prefix: '/v2/' });
    expect(rules.some((r) => r.match?.httpMatch?.headerMatches?.[0]?.name === 'x-debug')).toBe(true);
    expect(
      rules.some(
        (r) =>
          r.match?.httpMatch?.method === 'POST' &&
          r.match.httpMatch.pathMatch?.match &&
          'exact' in r.match.httpMatch.pathMatch.match,
      ),
    ).toBe(true);
    expect(rules.filter((r) => r.isDefault)).toHaveLength(1);
  });

  it('associates services of every account, VPCs of every account, and has auth and access logs', async () => {
    const hub = clients[0]!;
    const nets = (await hub.send(new ListServiceNetworksCommand({}))).items!;
    const mesh = nets.find((n) => n.name === 'prod-mesh')!;
    const assoc = (
      await hub.send(new ListServiceNetworkServiceAssociationsCommand({ serviceNetworkIdentifier: mesh.id! }))
    ).items!;
    expect(new Set(assoc.map((a) => a.createdBy))).toEqual(new Set(ACCOUNTS));
    const vpcs = (await hub.send(new ListServiceNetworkVpcAssociationsCommand({ serviceNetworkIdentifier: mesh.id! })))
      .items!;
    expect(new Set(vpcs.map((v) => v.createdBy))).toEqual(new Set(ACCOUNTS));
    expect(vpcs.every((v) => /^vpc-[0-9a-f]{17}$/.test(v.vpcId!))).toBe(true);
    const policy = await hub.send(new GetAuthPolicyCommand({ resourceIdentifier: mesh.id! }));
    expect(policy.state).toBe('Active');
    for (const n of nets) {
      const als = (await hub.send(new ListAccessLogSubscriptionsCommand({ resourceIdentifier: n.id! }))).items!;
      expect(als.map((a) => [a.serviceNetworkLogType, a.destinationArn])).toEqual([
        ['SERVICE', `arn:aws:logs:us-east-1:111111111111:log-group:/aws/vpc-lattice/${n.name}`],
      ]);
    }
    const payments = clients[1]!;
    const api = (await payments.send(new ListServicesCommand({}))).items!.find((s) => s.name === 'payments-api')!;
    const svcAls = (await payments.send(new ListAccessLogSubscriptionsCommand({ resourceIdentifier: api.id! }))).items!;
    expect(svcAls[0]?.destinationArn).toBe(
      'arn:aws:logs:us-east-1:222222222222:log-group:/aws/vpc-lattice/payments-api',
    );
    const refunds = (await payments.send(new ListServicesCommand({}))).items!.find((s) => s.name === 'refunds')!;
    const refundsPolicy = await payments.send(new GetAuthPolicyCommand({ resourceIdentifier: refunds.arn! }));
    expect(refundsPolicy.state).toBe('Active');
    expect(refundsPolicy.policy).toContain('arn:aws:iam::333333333333:role/checkout');
  });

  it('keeps API edits across a save and a load of the state file', async () => {
    const payments = clients[1]!;
    const api = (await payments.send(new ListServicesCommand({}))).items!.find((s) => s.name === 'payments-api')!;
    const listener = (await payments.send(new ListListenersCommand({ serviceIdentifier: api.id! }))).items![0]!;
    const canary = (await rulesOf(payments, api.id!)).find((r) => r.action?.forward?.targetGroups?.length === 2)!;
    const [v1, v2] = canary.action!.forward!.targetGroups!;
    await payments.send(
      new UpdateRuleCommand({
        serviceIdentifier: api.id!,
        listenerIdentifier: listener.id!,
        ruleIdentifier: canary.id!,
        action: {
          forward: {
            targetGroups: [
              { ...v1!, weight: 50 },
              { ...v2!, weight: 50 },
            ],
          },
        },
      }),
    );
    const dir = mkdtempSync(join(tmpdir(), 'trellis-lattice-'));
    try {
      const file = join(dir, 'state.json');
      expect((await h.control('POST', '/save', { file })).status).toBe(200);
      await h.control('POST', '/reset', { scenario: 'demo', seed: 1, params: { backfillMinutes: 0 } });
      const reset = await payments.send(
        new GetRuleCommand({
          serviceIdentifier: api.id!,
          listenerIdentifier: listener.id!,
          ruleIdentifier: canary.id!,
        }),
      );
      expect(reset.action?.forward?.targetGroups?.map((t) => t.weight)).toEqual([90, 10]);
      expect((await h.control('POST', '/load', { file })).status).toBe(200);
      const loaded = await payments.send(
        new GetRuleCommand({
          serviceIdentifier: api.id!,
          listenerIdentifier: listener.id!,
          ruleIdentifier: canary.id!,
        }),
      );
      expect(loaded.action?.forward?.targetGroups?.map((t) => t.weight)).toEqual([50, 50]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
