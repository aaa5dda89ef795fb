/**
 * Integration (emulator demo): the light read a cold refresh uses instead of waiting for the inventory
 * names the same log groups, services and target groups as the inventory; a report computed on it reads
 * the groups' health and the findings' routes itself and has the same unhealthy-targets findings (rule,
 * links and all) as a report on the inventory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsClientFactory } from '../aws/clientFactory';
import type { Snapshot } from '../domain/snapshot';
import { getSnapshot } from '../inventory';
import { startAppHarness, type AppHarness } from '../../testing/appHarness';
import { resetTriageState, triageReport } from './gather';
import { lightSnapshot, triageScope } from './scope';
import type { TriageReport } from './types';

let app: AppHarness;
let factory: AwsClientFactory;

beforeAll(async () => {
  app = await startAppHarness({ scenario: 'demo' });
  factory = app.factory();
}, 60_000);

afterAll(async () => {
  await app?.close();
});

const arns = (xs: ReadonlyArray<{ arn: string }>) => xs.map((x) => x.arn).sort();
const destinations = (s: Snapshot) => s.accessLogSubscriptions.map((a) => a.destinationArn).sort();

describe('the light scope', () => {
  it('sees the log groups, services and target groups the inventory sees, without rules or targets', async () => {
    const light = await lightSnapshot(factory);
    const full = await getSnapshot({}, app.factory());
    expect(destinations(light).length).toBeGreaterThan(0);
    // Every network's subscription; a service's own only where some network of it has no logs (lightLogs.ts).
    const subs = (x: Snapshot) => x.accessLogSubscriptions.map((a) => `${a.resourceArn}>${a.destinationArn}`).sort();
    const logged = new Set(
      full.accessLogSubscriptions.map((a) => a.resourceArn).filter((r) => r.includes(':servicenetwork/')),
    );
    const covered = (service: string) => {
      const networks = full.serviceAssociations.filter((a) => a.serviceArn === service).map((a) => a.serviceNetworkArn);
      return networks.length > 0 && networks.every((n) => logged.has(n));
    };
    const expected = full.accessLogSubscriptions.filter(
      (a) => !a.resourceArn.includes(':service/') || !covered(a.resourceArn),
    );
    expect(subs(light)).toEqual(subs({ ...full, accessLogSubscriptions: expected }));
    expect(expected.length).toBeLessThan(full.accessLogSubscriptions.length);
    expect(arns(light.services)).toEqual(arns(full.services));
    expect(arns(light.targetGroups)).toEqual(arns(full.targetGroups));
    expect(light.serviceAssociations.length).toBe(full.serviceAssociations.length);
    expect(light.rules).toEqual([]);
    expect(light.targets).toEqual({});
    expect(light.accounts.every((a) => a.reachable)).toBe(true);
  });

  it('a cold refresh does not wait for the crawl and finds what a refresh on the inventory finds', async () => {
    // catalog-tg (serves traffic) loses 2 of 3 targets; ledger-instances (idle) has 2 of 4 down by design.
    const inc = await app.h.control('POST', '/incidents', {
      kind: 'unhealthy-targets',
      targetGroup: 'catalog-tg',
      count: 2,
    });
    expect(inc.status).toBe(200);
    try {
      const nowMs = Date.now();
      resetTriageState();
      // An inventory that has not answered yet (a crawl of a large fleet): the light read is used.
      const crawling = () => new Promise<Snapshot>(() => undefined);
      const light = await triageReport({
        factory: app.factory(),
        now: () => nowMs,
        reuseMs: 0,
        pollMs: 20,
        scope: (f, u) => triageScope(f, u, crawling),
      });
      const inventoryFactory = app.factory();
      const full = await getSnapshot({}, inventoryFactory);
      expect((await triageScope(inventoryFactory, undefined, async () => full)).light).toBe(false);
      const complete = await triageReport({ factory: inventoryFactory, now: () => nowMs, reuseMs: 0, pollMs: 20 });
      const health = (r: TriageReport) =>
        r.findings.filter((f) => f.kind === 'unhealthy-targets').sort((a, b) => a.id.localeCompare(b.id));
      expect(
        health(light)
          .map((f) => f.where.targetGroupName)
          .sort(),
      ).toEqual(['catalog-tg', 'ledger-instances']);
      expect(health(light)).toEqual(health(complete));
      // The routes were read: the findings name their rule, like the inventory's.
      expect(
        health(light)
          .map((f) => f.where.ruleName)
          .sort(),
      ).toEqual(['api-v1', 'default']);
      expect(light.errors).toEqual([]);
      expect(light.queries).toBeGreaterThan(0);
    } finally {
      await app.h.control('DELETE', '/incidents');
    }
  }, 60_000);

  it('with nothing cached, the crawl starts only once the light report is done', async () => {
    let started = 0;
    const inventory = () => {
      started++;
      return new Promise<Snapshot>(() => undefined);
    };
    const scope = await triageScope(app.factory(), undefined, inventory);
    expect([scope.light, started]).toEqual([true, 0]);
    scope.startInventory!();
    expect(started).toBe(1);
    resetTriageState();
    const report = await triageReport({
      factory: app.factory(),
      reuseMs: 0,
      pollMs: 20,
      scope: (f, u) => triageScope(f, u, inventory),
    });
    expect(report.errors).toEqual([]);
    expect(started).toBe(2);
  }, 60_000);

  it('an account that cannot be read is unreachable in the light scope, not a failure of the whole', async () => {
    const broken = app.factory({
      TRELLIS_ACCOUNTS: JSON.stringify([
        { accountId: '111111111111', name: 'hub' },
        {
          accountId: '999999999999',
          name: 'nowhere',
          roleArn: 'arn:aws:iam::999999999999:role/Missing',
          externalId: 'wrong-external-id',
        },
      ]),
    });
    const light = await lightSnapshot(broken);
    expect(light.accounts.find((a) => a.accountId === '999999999999')?.reachable).toBe(false);
    expect(light.accounts.find((a) => a.accountId === '111111111111')?.reachable).toBe(true);
  }, 60_000);
});

describe('the baseline cache', () => {
  it('keeps no empty baseline: history that arrives later (a backfill, late delivery) is read next time', async () => {
    const empty = await startAppHarness({ scenario: 'demo', params: { backfillMinutes: 0, lagMs: 0 } });
    try {
      const f = empty.factory();
      const snapshot = await getSnapshot({}, f);
      resetTriageState();
      const refresh = () => triageReport({ factory: f, snapshot: async () => snapshot, reuseMs: 0, pollMs: 20 });
      const first = await refresh();
      const second = await refresh();
      // Both refreshes ran the baseline's queries again (3 recent + 3 baseline per query plan, + 1 audit).
      expect(second.queries).toBe(first.queries);
      expect((first.queries - 1) % 6).toBe(0);
    } finally {
      await empty.close();
    }
  }, 60_000);
});
