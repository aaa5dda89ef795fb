import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAppHarness, type AppHarness } from '../../testing/appHarness';
import type { AwsClientFactory } from '../aws/clientFactory';
import type { RuleAction } from '../domain/routing';
import { rollbackChange } from '../audit/rollback';
import { inventoryOf } from '../inventory';
import { applyChange as applyUngranted } from './applyChange';
import { auditScope, ensureAuditStream, queryAuditEvents } from '../audit/log';
import { serviceArnByName, ruleWeights } from '../../testing/rawAws';
import { granted, paymentsCanary, testContext } from './testing';

const applyChange = granted(applyUngranted);

let app: AppHarness;
let factory: AwsClientFactory;
let serviceArn: string;

const weights = (a: RuleAction | undefined) => (a?.type === 'forward' ? a.targetGroups.map((t) => t.weight) : []);
const reweigh = (a: RuleAction | undefined, ws: number[]): RuleAction => {
  if (a?.type !== 'forward') throw new Error('not a forward action');
  return { type: 'forward', targetGroups: a.targetGroups.map((t, i) => ({ ...t, weight: ws[i] ?? 0 })) };
};

beforeAll(async () => {
  app = await startAppHarness({ scenario: 'demo', params: { backfillMinutes: 0 } });
  factory = app.factory();
  serviceArn = await serviceArnByName(app.h, 'payments-api');
});
afterAll(() => app.close());
beforeEach(async () => {
  await app.h.control('POST', '/reset', { scenario: 'demo', seed: 1, params: { backfillMinutes: 0 } });
  // A reset forgets the assumed-role sessions: start from fresh credentials.
  factory.clear();
});

describe('applyChange against the emulator', () => {
  it('shifts the canary rule, audits it, and rolls it back through the same path', async () => {
    const ctx = testContext(factory);
    const { listener, rule } = await paymentsCanary(ctx, serviceArn);
    expect(weights(rule.action)).toEqual([90, 10]);
    const res = await applyChange(ctx, {
      kind: 'updateRule',
      serviceArn,
      listenerArn: listener.arn,
      ruleArn: rule.arn,
      expectedVersion: rule.version,
      after: { priority: rule.priority, match: rule.match, action: reweigh(rule.action, [50, 50]) },
    });
    expect(res.requestId).toBeTruthy();
    expect(res.auditError).toBeUndefined();
    expect(await ruleWeights(app.h, { serviceArn, listenerArn: listener.arn, ruleArn: rule.arn })).toEqual([50, 50]);
    // The write path's hook told the inventory: the next snapshot reads this listener's rules again first.
    expect([...inventoryOf(factory).policy.takePatches().values()].flat()).toEqual([listener.arn]);

    const events = await queryAuditEvents(
      factory,
      { resource: rule.arn },
      { startMs: Date.now() - 60_000, endMs: Date.now() + 1000 },
    );
    expect(events).toHaveLength(1);
    const ev = events[0]!;
    expect(ev).toMatchObject({
      id: res.eventId,
      action: 'rule.update',
      result: 'applied',
      user: { id: 'alice' },
      accountId: '222222222222',
      requestId: res.requestId,
    });
    expect(weights(ev.changes[0]?.before?.action)).toEqual([90, 10]);
    expect(weights(ev.changes[0]?.after?.action)).toEqual([50, 50]);

    await applyChange(testContext(factory, 'bob'), rollbackChange(ev), { rollbackOf: ev.id });
    const back = await paymentsCanary(ctx, serviceArn);
    expect(weights(back.rule.action)).toEqual([90, 10]);
    const all = await queryAuditEvents(
      factory,
      { resource: rule.arn },
      { startMs: Date.now() - 60_000, endMs: Date.now() + 1000 },
    );
    expect(all.map((e) => [e.user.id, e.result, e.rollbackOf ?? null])).toEqual([
      ['bob', 'applied', ev.id],
      ['alice', 'applied', null],
    ]);
  });

  it('refuses a stale version with CONFLICT showing the current state, and writes nothing', async () => {
    const alice = testContext(factory, 'alice');
    const bob = testContext(factory, 'bob');
    const { listener, rule } = await paymentsCanary(alice, serviceArn);
    const change = (ws: number[]) => ({
      kind: 'updateRule' as const,
      serviceArn,
      listenerArn: listener.arn,
      ruleArn: rule.arn,
      expectedVersion: rule.version,
      after: { priority: rule.priority, match: rule.match, action: reweigh(rule.action, ws) },
    });
    await applyChange(bob, change([70, 30]));
    await expect(applyChange(alice, change([0, 100]))).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(
        'rule v2-canary is now priority 30, match /v2/*, forward payments-api-v1 70 · payments-api-v2 30',
      ),
    });
    const now = await paymentsCanary(alice, serviceArn);
    expect(weights(now.rule.action)).toEqual([70, 30]);
    const events = await queryAuditEvents(
      factory,
      { resource: rule.arn, result: 'conflict' },
      { startMs: Date.now() - 60_000, endMs: Date.now() + 1000 },
    );
    expect(events.map((e) => e.user.id)).toEqual(['alice']);
  });

  it('refuses invalid edits with the limit named and writes nothing', async () => {
    const ctx = testContext(factory);
    const { listener, rule } = await paymentsCanary(ctx, serviceArn);
    const base = {
      kind: 'updateRule' as const,
      serviceArn,
      listenerArn: listener.arn,
      ruleArn: rule.arn,
      expectedVersion: rule.version,
    };
    await expect(
      applyChange(ctx, {
        ...base,
        after: { priority: rule.priority, match: rule.match, action: reweigh(rule.action, [1000, 0]) },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('0 to 999 (TargetGroupWeight)') });
    await expect(
      applyChange(ctx, { ...base, after: { priority: 10, match: rule.match, action: rule.action! } }),
    ).rejects.toMatchObject({ message: expect.stringContaining('Priority 10 is already used by rule debug-header') });
    const now = await paymentsCanary(ctx, serviceArn);
    expect(now.rule.version).toBe(rule.version);
  });

  it('swaps two priorities with BatchUpdateRule and edits the default action', async () => {
    const ctx = testContext(factory);
    const { listener } = await paymentsCanary(ctx, serviceArn);
    const [a, b] = listener.rules;
    if (!a || !b) throw new Error('need two rules');
    const res = await applyChange(ctx, {
      kind: 'batchUpdate',
      serviceArn,
      listenerArn: listener.arn,
      updates: [
        {
          ruleArn: a.arn,
          expectedVersion: a.version,
          after: { priority: b.priority, match: a.match, action: a.action! },
        },
        {
          ruleArn: b.arn,
          expectedVersion: b.version,
          after: { priority: a.priority, match: b.match, action: b.action! },
        },
      ],
    });
    expect(res.changes.map((c) => c.after?.priority)).toEqual([b.priority, a.priority]);
    const after = await paymentsCanary(ctx, serviceArn);
    expect(after.listener.rules.slice(0, 2).map((r) => r.name)).toEqual([b.name, a.name]);

    const def = await applyChange(ctx, {
      kind: 'updateDefault',
      serviceArn,
      listenerArn: listener.arn,
      expectedVersion: listener.defaultVersion,
      after: { action: { type: 'fixedResponse', statusCode: 404 } },
    });
    expect(def.changes[0]).toMatchObject({
      isDefault: true,
      after: { action: { type: 'fixedResponse', statusCode: 404 } },
    });
    await expect(
      applyChange(ctx, {
        kind: 'updateDefault',
        serviceArn,
        listenerArn: listener.arn,
        expectedVersion: listener.defaultVersion,
        after: { action: listener.defaultAction! },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('creates and deletes a rule, and a rollback of the creation deletes it', async () => {
    const ctx = testContext(factory);
    const { listener, rule } = await paymentsCanary(ctx, serviceArn);
    const created = await applyChange(ctx, {
      kind: 'createRule',
      serviceArn,
      listenerArn: listener.arn,
      name: 'health',
      after: {
        priority: 40,
        match: { path: { type: 'exact', value: '/health', caseSensitive: false }, headers: [] },
        action: rule.action!,
      },
    });
    const arn = created.changes[0]?.ruleArn;
    expect(arn).toMatch(/\/rule\/rule-/);
    const events = await queryAuditEvents(
      factory,
      { id: created.eventId },
      { startMs: Date.now() - 60_000, endMs: Date.now() + 1000 },
    );
    await applyChange(ctx, rollbackChange(events[0]!), { rollbackOf: created.eventId });
    const after = await paymentsCanary(ctx, serviceArn);
    expect(after.listener.rules.map((r) => r.name)).not.toContain('health');
  });

  it('gets a new session when the service forgets the assumed-role one (e.g. an emulator reset)', async () => {
    const ctx = testContext(factory);
    await paymentsCanary(ctx, serviceArn);
    await app.h.control('POST', '/reset', { scenario: 'demo', seed: 1, params: { backfillMinutes: 0 } });
    const { rule } = await paymentsCanary(ctx, serviceArn);
    expect(rule.name).toBe('v2-canary');
  });

  it('creates the audit log group again when it was deleted after this process created it', async () => {
    const ctx = testContext(factory);
    const first = await paymentsCanary(ctx, serviceArn);
    await applyChange(ctx, {
      kind: 'updateRule',
      serviceArn,
      listenerArn: first.listener.arn,
      ruleArn: first.rule.arn,
      expectedVersion: first.rule.version,
      after: { priority: 30, match: first.rule.match, action: reweigh(first.rule.action, [80, 20]) },
    });
    await app.h.control('POST', '/reset', { scenario: 'demo', seed: 1, params: { backfillMinutes: 0 } });
    const scope = await auditScope(factory);
    await ensureAuditStream(factory, scope, 'canary/2099-01-01');
    const { listener, rule } = await paymentsCanary(ctx, serviceArn);
    const res = await applyChange(ctx, {
      kind: 'updateRule',
      serviceArn,
      listenerArn: listener.arn,
      ruleArn: rule.arn,
      expectedVersion: rule.version,
      after: { priority: 30, match: rule.match, action: reweigh(rule.action, [70, 30]) },
    });
    expect(res.auditError).toBeUndefined();
    const events = await queryAuditEvents(
      factory,
      { id: res.eventId },
      { startMs: Date.now() - 60_000, endMs: Date.now() + 1000 },
    );
    expect(events).toHaveLength(1);
  });
});
