/**
 * Integration: getSnapshot with the real SDK against the emulator's demo world, configured like
 * `npm run demo`. Expected values come from the emulator itself (its summary and store), not from
 * hard-coded names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trafficShares } from '../domain/routing';
import { startAppHarness, type AppHarness } from '../testing/appHarness';
import { getSnapshot } from './index';
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
    const unhealthy = Object.values(snap.targets).flat().find((t) => t.status === 'UNHEALTHY');
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
    expect(weighted).toHaveLength(1);
    const rule = weighted[0]!;
    if (rule.action?.type !== 'forward') throw new Error('not a forward action');
    expect(trafficShares(rule.action.targetGroups).map((s) => s.share)).toEqual([0.9, 0.1]);
    expect(rule.match?.path?.type).toBe('prefix');
    const tgArns = new Set(snap.targetGroups.map((t) => t.arn));
    for (const t of rule.action.targetGroups) expect(tgArns.has(t.targetGroupArn)).toBe(true);
    for (const l of snap.listeners) expect(l.defaultAction).toBeDefined();
    expect(snap.rules.filter((r) => r.isDefault)).toHaveLength(snap.listeners.length);
    expect(snap.accessLogSubscriptions.every((a) => a.destinationArn.startsWith('arn:aws:logs:'))).toBe(true);
  });
});
