/**
 * Integration (emulator demo): `lightRoutes` reads a service's listeners and rules like the crawl, keeps
 * them LIGHT_ROUTES_REUSE_MS, and Trellis's own write of a listener (which calls `listenerWritten`) makes
 * the next read see the new rule at once. An unknown or unconfigured service is skipped, not an error.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AwsClientFactory } from '../aws/clientFactory';
import type { RuleAction } from '../domain/routing';
import { applyChange as applyUngranted } from '../routing/applyChange';
import { granted, paymentsCanary, testContext } from '../routing/testing';
import { startAppHarness, type AppHarness } from '../../testing/appHarness';
import { getSnapshot, lightRoutes } from '.';

const applyChange = granted(applyUngranted);
let app: AppHarness;
let factory: AwsClientFactory;

beforeAll(async () => {
  app = await startAppHarness({ scenario: 'demo' });
  factory = app.factory();
}, 60_000);

afterAll(async () => {
  await app?.close();
});

const weightsOf = (rules: Awaited<ReturnType<typeof lightRoutes>>['rules'], name: string) => {
  const r = rules.find((x) => x.name === name);
  return r?.action?.type === 'forward' ? r.action.targetGroups.map((t) => t.weight) : undefined;
};

describe('lightRoutes', () => {
  it('reads what the crawl reads of a service; kept, then read again after Trellis writes its listener', async () => {
    const full = await getSnapshot({}, app.factory());
    const svc = full.services.find((s) => s.name === 'payments-api')!.arn;
    const lists = vi.spyOn(factory.gateways, 'lattice');
    const first = await lightRoutes(factory, [svc, svc]);
    expect(first.problems).toEqual([]);
    const byArn = (xs: ReadonlyArray<{ arn: string }>) => xs.map((x) => x.arn).sort();
    expect(byArn(first.rules)).toEqual(byArn(full.rules.filter((r) => r.serviceArn === svc)));
    expect(byArn(first.listeners)).toEqual(byArn(full.listeners.filter((l) => l.serviceArn === svc)));
    expect(weightsOf(first.rules, 'v2-canary')).toEqual([90, 10]);
    const reads = lists.mock.calls.length;
    expect(reads).toBeGreaterThan(0);
    // Kept: no gateway is even asked for.
    expect(weightsOf((await lightRoutes(factory, [svc])).rules, 'v2-canary')).toEqual([90, 10]);
    expect(lists.mock.calls.length).toBe(reads);
    // Trellis's write path calls listenerWritten: the next read is fresh.
    const ctx = testContext(factory, 'alice');
    const { listener, rule } = await paymentsCanary(ctx, svc);
    const forward = full.rules.find((r) => r.arn === rule.arn)!.action as Extract<RuleAction, { type: 'forward' }>;
    const action: RuleAction = {
      type: 'forward',
      targetGroups: forward.targetGroups.map((t) => ({ targetGroupArn: t.targetGroupArn, weight: 50 })),
    };
    await applyChange(ctx, {
      kind: 'updateRule',
      serviceArn: svc,
      listenerArn: listener.arn,
      ruleArn: rule.arn,
      expectedVersion: rule.version,
      after: { priority: rule.priority, match: rule.match, action },
    });
    expect(weightsOf((await lightRoutes(factory, [svc])).rules, 'v2-canary')).toEqual([50, 50]);
    lists.mockRestore();
  }, 60_000);

  it('skips services of accounts that are not configured and ARNs that are not services', async () => {
    const r = await lightRoutes(factory, [
      'arn:aws:vpc-lattice:us-east-1:999999999999:service/svc-0123456789abcdef0',
      'arn:aws:vpc-lattice:us-east-1:111111111111:targetgroup/tg-0123456789abcdef0',
    ]);
    expect(r).toEqual({ listeners: [], rules: [], problems: [] });
  });

  it('a service that cannot be read is a problem of its account, not a throw', async () => {
    const r = await lightRoutes(factory, ['arn:aws:vpc-lattice:us-east-1:111111111111:service/svc-0000000000000000x']);
    expect(r.problems.map((p) => [p.accountId, p.operation])).toEqual([['111111111111', 'ListListeners']]);
  });
});
