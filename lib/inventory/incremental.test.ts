/**
 * Integration: incremental refresh against the emulator's demo world. After one rule changed, a
 * refresh makes O(changed) detail calls (one GetRule, no GetService); a change made through Trellis
 * is patched into the next snapshot with two calls; deleted resources drop out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rule, Snapshot } from '../domain/snapshot';
import { traced } from '../observability/trace';
import { startAppHarness, type AppHarness } from '../../testing/appHarness';
import { setRuleWeights } from '../../testing/rawAws';
import type { CrawlResult } from './crawl';
import { Inventory } from './inventory';
import type { RefreshTuning } from './refreshPolicy';

let app: AppHarness;

beforeAll(async () => {
  app = await startAppHarness({ scenario: 'demo' });
});
afterAll(async () => {
  await app.close();
});

const EVERY_REFRESH: RefreshTuning = { fullEveryMs: 3_600_000, sweepRefreshes: 1, healthRefreshes: 1 };

/** An inventory whose every read waits for a refresh (maxStale 0) on a manual clock, recording its crawls. */
function setup(tuning: RefreshTuning = EVERY_REFRESH, maxStaleMs = 0, ttlMs = 0) {
  let now = 1_000_000;
  const crawls: Array<{ result: CrawlResult; full: readonly string[] }> = [];
  const inv = new Inventory(app.factory(), {
    ttlMs,
    maxStaleMs,
    tuning,
    now: () => now,
    onCrawl: (result, full) => void crawls.push({ result, full }),
  });
  const advance = (ms: number) => {
    now += ms;
  };
  return { inv, crawls, advance };
}

/** Calls of one operation in a crawl, over every account. */
function callsOf(r: CrawlResult, op: string): number {
  return Object.values(r.calls.byAccount).reduce((n, a) => n + (a.byOperation[op]?.calls ?? 0), 0);
}

function weightedRule(snap: Snapshot): Rule & { action: { type: 'forward' } } {
  const rule = snap.rules.find(
    (r) => !r.isDefault && r.action?.type === 'forward' && r.action.targetGroups.length === 2,
  );
  if (rule?.action?.type !== 'forward') throw new Error('the demo has no weighted rule');
  return rule as Rule & { action: { type: 'forward' } };
}

function weightsOf(snap: Snapshot, ruleArn: string): number[] {
  const a = snap.rules.find((r) => r.arn === ruleArn)?.action;
  return a?.type === 'forward' ? a.targetGroups.map((t) => t.weight) : [];
}

async function changeOutside(rule: Rule & { action: { type: 'forward' } }, weights: number[]): Promise<void> {
  const ids = { serviceArn: rule.serviceArn, listenerArn: rule.listenerArn, ruleArn: rule.arn };
  await setRuleWeights(
    app.h,
    ids,
    rule.action.targetGroups.map((t) => t.targetGroupArn),
    weights,
  );
}

describe('incremental refresh', () => {
  it('after one changed rule reads one GetRule and no GetService (O(changed), not O(all))', async () => {
    const t = setup();
    const first = await t.inv.snapshot();
    expect(t.crawls[0]?.full).toHaveLength(3);
    const full = t.crawls[0]?.result as CrawlResult;
    expect(callsOf(full, 'GetRule')).toBeGreaterThan(10);
    expect(callsOf(full, 'GetService')).toBeGreaterThan(5);

    const rule = weightedRule(first);
    await changeOutside(rule, [30, 70]);
    t.advance(60_000);
    const second = await t.inv.snapshot();
    expect(t.crawls).toHaveLength(2);
    const inc = t.crawls[1] as { result: CrawlResult; full: readonly string[] };
    expect(inc.full).toEqual([]);
    expect(callsOf(inc.result, 'GetRule')).toBe(1);
    expect(callsOf(inc.result, 'GetService')).toBe(0);
    expect(callsOf(inc.result, 'GetServiceNetwork')).toBe(0);
    // Owners and VPC resources are carried too: no tag read, no configuration Get when nothing moved.
    expect(callsOf(full, 'ListTagsForResource')).toBeGreaterThan(10);
    expect(callsOf(inc.result, 'ListTagsForResource')).toBe(0);
    expect(callsOf(inc.result, 'GetResourceConfiguration')).toBe(0);
    expect(weightsOf(second, rule.arn)).toEqual([30, 70]);
    // Nothing else moved: the incremental snapshot equals a full read of the same world.
    const fresh = await setup().inv.snapshot();
    expect({ ...second, fetchedAt: 0, accounts: [] }).toEqual({ ...fresh, fetchedAt: 0, accounts: [] });
    expect(inc.result.calls.total.calls).toBeLessThan(full.calls.total.calls);
  });

  it('sweeps each service once within `sweepRefreshes` refreshes and reads unchanged ones not at all', async () => {
    const t = setup({ ...EVERY_REFRESH, sweepRefreshes: 2, healthRefreshes: 1000 });
    const first = await t.inv.snapshot();
    const rule = weightedRule(first);
    await changeOutside(rule, [60, 40]);
    t.advance(60_000);
    const a = await t.inv.snapshot();
    t.advance(60_000);
    const b = await t.inv.snapshot();
    // Visible within two refreshes, read once.
    expect([a, b].some((s) => weightsOf(s, rule.arn).join() === '60,40')).toBe(true);
    expect(weightsOf(b, rule.arn)).toEqual([60, 40]);
    const [r1, r2] = [t.crawls[1]?.result, t.crawls[2]?.result] as CrawlResult[];
    expect(callsOf(r1 as CrawlResult, 'GetRule') + callsOf(r2 as CrawlResult, 'GetRule')).toBe(1);
    const listeners = first.listeners.length;
    expect(callsOf(r1 as CrawlResult, 'ListListeners') + callsOf(r2 as CrawlResult, 'ListListeners')).toBe(
      new Set(first.listeners.map((l) => l.serviceArn)).size,
    );
    expect(callsOf(r1 as CrawlResult, 'ListRules')).toBeLessThan(listeners);
    // Health of 1000 rotating slots: no ListTargets but the groups never read before.
    expect(callsOf(r2 as CrawlResult, 'ListTargets')).toBe(0);
    expect(Object.keys(b.targets).length).toBe(Object.keys(first.targets).length);
  });

  it('patches a listener Trellis wrote into the next snapshot with ListRules and one GetRule', async () => {
    const t = setup({ ...EVERY_REFRESH }, 3_600_000, 3_600_000);
    const first = await t.inv.snapshot();
    const rule = weightedRule(first);
    await changeOutside(rule, [10, 90]);
    t.inv.markListenerWritten(rule.listenerArn);
    t.advance(1000);
    const { result: snap, trace } = await traced(() => t.inv.snapshot());
    expect(weightsOf(snap, rule.arn)).toEqual([10, 90]);
    expect(trace.awsCalls).toBe(2);
    expect(t.crawls).toHaveLength(1);
    // The next refresh reads the written listener again too (a crawl may have overtaken the patch).
    const hints = t.inv.policy.hintsFor(rule.accountId, 0);
    expect(hints.dirtyListeners.has(rule.listenerArn)).toBe(true);
  });

  it('a patched rule keeps its owner (GetRule reads no tags)', async () => {
    const t = setup({ ...EVERY_REFRESH }, 3_600_000, 3_600_000);
    const first = await t.inv.snapshot();
    const rule = first.rules.find(
      (r) => r.owner && !r.isDefault && r.action?.type === 'forward' && r.action.targetGroups.length === 2,
    ) as (Rule & { action: { type: 'forward' } }) | undefined;
    if (!rule) throw new Error('the demo has no owned weighted rule');
    await changeOutside(rule, [30, 70]);
    t.inv.markListenerWritten(rule.listenerArn);
    t.advance(1000);
    const snap = await t.inv.snapshot();
    expect(weightsOf(snap, rule.arn)).toEqual([30, 70]);
    expect(snap.rules.find((r) => r.arn === rule.arn)?.owner).toEqual(rule.owner);
  });

  it('"Refresh all" crawls in full; a full crawl also comes back every `fullEveryMs`', async () => {
    const t = setup({ ...EVERY_REFRESH, fullEveryMs: 120_000 });
    await t.inv.snapshot();
    await t.inv.snapshot({ refresh: true });
    expect(t.crawls[1]?.full).toHaveLength(3);
    t.advance(60_000);
    await t.inv.snapshot();
    expect(t.crawls[2]?.full).toEqual([]);
    t.advance(60_000);
    await t.inv.snapshot();
    expect(t.crawls[3]?.full).toHaveLength(3);
  });
});
