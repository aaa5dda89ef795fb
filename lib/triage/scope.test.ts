/**
 * Integration (emulator demo): the light read a cold refresh uses instead of waiting for the inventory
 * names the same log groups, services and target groups as the inventory, and a report computed on it
 * is marked partial and still has the log findings' inputs; once the inventory is cached the report is
 * complete.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsClientFactory } from '../aws/clientFactory';
import type { Snapshot } from '../domain/snapshot';
import { getSnapshot } from '../inventory';
import { startAppHarness, type AppHarness } from '../../testing/appHarness';
import { resetTriageState, triageReport } from './gather';
import { lightSnapshot, triageScope } from './scope';

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
    expect(destinations(light)).toEqual(destinations(full));
    expect(arns(light.services)).toEqual(arns(full.services));
    expect(arns(light.targetGroups)).toEqual(arns(full.targetGroups));
    expect(light.serviceAssociations.length).toBe(full.serviceAssociations.length);
    expect(light.rules).toEqual([]);
    expect(light.targets).toEqual({});
    expect(light.accounts.every((a) => a.reachable)).toBe(true);
  });

  it('a cold refresh does not wait for the crawl: partial, then complete once the inventory answers', async () => {
    const cold = app.factory();
    resetTriageState();
    // An inventory that has not answered yet (a crawl of a large fleet): the light read is used.
    const crawling = () => new Promise<Snapshot>(() => undefined);
    const first = await triageReport({
      factory: cold,
      reuseMs: 0,
      pollMs: 20,
      scope: (f, u) => triageScope(f, u, crawling),
    });
    expect(first.partial).toBe(true);
    expect(first.queries).toBeGreaterThan(0);
    expect(first.errors).toEqual([]);
    const full = await getSnapshot({}, cold);
    expect((await triageScope(cold, undefined, async () => full)).partial).toBe(false);
    const next = await triageReport({ factory: cold, reuseMs: 0, pollMs: 20 });
    expect(next.partial).toBeUndefined();
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
