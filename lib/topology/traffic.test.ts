/**
 * Integration: the traffic overlay and the auth policy with the real SDK against the emulator's demo
 * world (living access logs). Expected counts come from the emulator's own Logs Insights, queried
 * per log group directly, never from hard-coded numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../emulator/core/clock';
import { parseLogGroupArn } from '../logs/logGroup';
import type { Snapshot } from '../domain/snapshot';
import { getSnapshot } from '../inventory';
import { startAppHarness, type AppHarness } from '../../testing/appHarness';
import { countDirectly } from '../../testing/rawAws';
import { readAuthPolicy } from './authPolicy';
import { forgetMissingLogGroups, trafficOverlay } from './traffic';

let app: AppHarness;
let snap: Snapshot;
const clock = new ManualClock(Date.now());
// Logs reach CloudWatch about 2 minutes late: end the window well before "now" so it is complete.
const END = clock.now() - 5 * 60_000;

beforeAll(async () => {
  app = await startAppHarness({ scenario: 'demo', clock });
  snap = await getSnapshot({}, app.factory());
  forgetMissingLogGroups();
});
afterAll(async () => {
  await app.close();
});

/** Requests to a service in one log group, by the emulator's Logs Insights directly. */
function directCount(logGroupArn: string, serviceArn: string, startMs: number, endMs: number): Promise<number> {
  const g = parseLogGroupArn(logGroupArn)!;
  const query = `filter serviceArn = "${serviceArn}" | stats count(*) as n`;
  return countDirectly(app.h, { accountId: g.accountId, group: g.name }, query, startMs, endMs);
}

describe('trafficOverlay (demo)', () => {
  it('runs one query per (account, region), counts each service once, from its own log group if any', async () => {
    const o = await trafficOverlay(snap, '15m', { now: END, pollMs: 20 }, app.factory());
    const accounts = new Set(snap.accessLogSubscriptions.map((s) => parseLogGroupArn(s.destinationArn)!.accountId));
    expect(o.sources.map((s) => s.accountId).sort()).toEqual([...accounts].sort());
    expect(o.sources.every((s) => s.ok)).toBe(true);
    const own = snap.accessLogSubscriptions.find((s) => s.resourceArn.includes(':service/'))!;
    const ownCount = await directCount(own.destinationArn, own.resourceArn, o.startMs, o.endMs);
    expect(ownCount).toBeGreaterThan(0);
    expect(o.services[own.resourceArn]?.requests).toBe(ownCount);
    // A service without its own subscription is counted from its network's log group.
    const ownArns = new Set(snap.accessLogSubscriptions.map((s) => s.resourceArn));
    const netSub = snap.accessLogSubscriptions.find((s) => s.resourceArn.includes(':servicenetwork/'))!;
    const viaNet = snap.serviceAssociations.find(
      (a) =>
        a.serviceNetworkArn === netSub.resourceArn &&
        !ownArns.has(a.serviceArn) &&
        (o.services[a.serviceArn]?.requests ?? 0) > 0,
    )!;
    expect(viaNet).toBeDefined();
    const inNet = snap.serviceAssociations
      .filter((a) => a.serviceArn === viaNet.serviceArn)
      .map((a) => snap.accessLogSubscriptions.find((s) => s.resourceArn === a.serviceNetworkArn))
      .filter((s) => s !== undefined);
    let expected = 0;
    for (const s of inNet) expected += await directCount(s.destinationArn, viaNet.serviceArn, o.startMs, o.endMs);
    expect(o.services[viaNet.serviceArn]?.requests).toBe(expected);
    // Route counts add up to the target-group counts they feed.
    for (const [tg, c] of Object.entries(o.targetGroups)) {
      const sum = Object.entries(o.routes)
        .filter(([k]) => k.endsWith(`->${tg}`))
        .reduce((n, [, r]) => n + r.requests, 0);
      expect(sum, tg).toBe(c.requests);
    }
  });

  it('reports a failing log-group account with the AWS error while the others still count', async () => {
    await app.h.control('POST', '/faults', {
      account: '222222222222',
      service: 'logs',
      operation: 'StartQuery',
      errorRate: 1,
      errorCode: 'AccessDeniedException',
    });
    try {
      const o = await trafficOverlay(snap, '15m', { now: END, pollMs: 20 }, app.factory());
      const failed = o.sources.find((s) => s.accountId === '222222222222')!;
      expect(failed.ok).toBe(false);
      expect(failed.error?.code).toBe('ACCESS_DENIED');
      expect(failed.error?.message).toMatch(/AccessDenied/);
      expect(o.sources.filter((s) => s.ok).length).toBeGreaterThan(0);
      expect(Object.keys(o.services).length).toBeGreaterThan(0);
    } finally {
      await app.clearFaults();
    }
  });

  it('isolates a log group that does not exist (NOT_FOUND for it alone) and still counts the others', async () => {
    const payments = snap.accessLogSubscriptions.find((s) => s.destinationArn.includes(':222222222222:'))!;
    const broken: Snapshot = {
      ...snap,
      accessLogSubscriptions: [
        ...snap.accessLogSubscriptions,
        {
          ...payments,
          arn: `${payments.arn}x`,
          destinationArn: 'arn:aws:logs:us-east-1:222222222222:log-group:/aws/vpc-lattice/deleted-long-ago',
        },
      ],
    };
    const good = await trafficOverlay(snap, '15m', { now: END, pollMs: 20 }, app.factory());
    const o = await trafficOverlay(broken, '15m', { now: END, pollMs: 20 }, app.factory());
    const failed = o.sources.filter((s) => !s.ok);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      accountId: '222222222222',
      logGroupNames: ['/aws/vpc-lattice/deleted-long-ago'],
      error: { code: 'NOT_FOUND' },
    });
    expect(o.services).toEqual(good.services);
    // Remembered: the next overlay reports it without asking Logs again (every StartQuery there now fails otherwise).
    await app.h.control('POST', '/faults', {
      account: '222222222222',
      service: 'logs',
      operation: 'StartQuery',
      errorRate: 1,
      errorCode: 'AccessDeniedException',
    });
    try {
      const again = await trafficOverlay(broken, '15m', { now: END, pollMs: 20 }, app.factory());
      expect(again.sources.find((s) => s.logGroupNames[0] === '/aws/vpc-lattice/deleted-long-ago')).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(
        again.sources
          .filter(
            (s) => s.accountId === '222222222222' && !s.logGroupNames.includes('/aws/vpc-lattice/deleted-long-ago'),
          )
          .every((s) => s.error?.code === 'ACCESS_DENIED'),
      ).toBe(true);
    } finally {
      await app.clearFaults();
    }
  });
});

describe('readAuthPolicy (demo)', () => {
  it('reads the policy of an AWS_IAM service in its owner account, and none for a NONE service', async () => {
    const iam = snap.services.find((s) => s.authType === 'AWS_IAM' && s.accountId !== '111111111111')!;
    const view = await readAuthPolicy(iam.arn, {}, app.factory());
    expect(view.state).toBe('Active');
    expect(JSON.parse(view.policy!)).toHaveProperty('Statement');
    const none = snap.services.find((s) => s.authType === 'NONE')!;
    expect((await readAuthPolicy(none.arn, {}, app.factory())).policy).toBeUndefined();
  });

  it('refuses an ARN that is not a service or network', async () => {
    await expect(readAuthPolicy(snap.targetGroups[0]!.arn, {}, app.factory())).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });
});
