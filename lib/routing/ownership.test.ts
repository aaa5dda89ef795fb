/**
 * Integration: the server refuses writes to managed rules and listeners without an override, writes
 * nothing then, and records the override when there is one — against the demo's EKS-managed
 * `inventory-shop` (storefront) and CloudFormation-created `statements` (payments). What is expected
 * of each owner comes from the tags the emulator holds, not from hard-coded names.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAppHarness, type AppHarness } from '../../testing/appHarness';
import { ruleWeights, serviceArnByName, tagsOf } from '../../testing/rawAws';
import { queryAuditEvents } from '../audit/log';
import type { AwsClientFactory } from '../aws/clientFactory';
import { ownerFromTags } from '../domain/owner';
import type { RuleAction } from '../domain/routing';
import { applyChange as applyUngranted } from './applyChange';
import { startCanary as startUngranted } from './canary/commands';
import type { RoutingChange } from './change';
import { changeSubjects, readOwnership } from './ownership';
import { readServiceRouting } from './readService';
import { granted, testContext } from './testing';

const applyChange = granted(applyUngranted);
const startCanary = granted(startUngranted);

const STOREFRONT = 2;
const PAYMENTS = 1;
let app: AppHarness;
let factory: AwsClientFactory;

beforeAll(async () => {
  app = await startAppHarness({ scenario: 'demo', params: { backfillMinutes: 0 } });
  factory = app.factory();
});
afterAll(() => app.close());
beforeEach(async () => {
  await app.h.control('POST', '/reset', { scenario: 'demo', seed: 1, params: { backfillMinutes: 0 } });
  factory.clear();
});

const reweigh = (a: RuleAction | undefined, ws: number[]): RuleAction => {
  if (a?.type !== 'forward') throw new Error('not a forward action');
  return { type: 'forward', targetGroups: a.targetGroups.map((t, i) => ({ ...t, weight: ws[i] ?? 0 })) };
};

/** The weighted rule of a demo service, and a change of its weights to `ws`. */
async function weightedRule(name: string, account: number) {
  const ctx = testContext(factory);
  const serviceArn = await serviceArnByName(app.h, name, account);
  const routing = await readServiceRouting(ctx, serviceArn);
  const listener = routing.listeners[0]!;
  const rule = listener.rules.find((r) => r.action?.type === 'forward' && r.action.targetGroups.length === 2)!;
  const ids = { serviceArn, listenerArn: listener.arn, ruleArn: rule.arn };
  const change = (ws: number[]): RoutingChange => ({
    kind: 'updateRule',
    ...ids,
    expectedVersion: rule.version,
    after: { priority: rule.priority, match: rule.match, action: reweigh(rule.action, ws) },
  });
  const weights = () => ruleWeights(app.h, ids, account);
  return { ctx, ids, listener, rule, change, weights };
}

const auditOf = (resource: string) =>
  queryAuditEvents(factory, { resource }, { startMs: Date.now() - 60_000, endMs: Date.now() + 1000 });

describe.each([
  { name: 'inventory-shop', account: STOREFRONT, kind: 'eks', tagged: 'service' as const },
  { name: 'statements', account: PAYMENTS, kind: 'cloudformation', tagged: 'rule' as const },
])('a write to the $kind-owned rule of $name', ({ name, account, kind, tagged }) => {
  it('is refused with OWNED without the override, writes nothing, and the refusal is audited', async () => {
    const r = await weightedRule(name, account);
    const before = await r.weights();
    const err = await applyChange(r.ctx, r.change([50, 50])).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'TrellisError', code: 'OWNED', resource: r.ids.ruleArn });
    expect((err as Error).message).toContain(kind === 'eks' ? 'EKS Gateway API controller' : 'CloudFormation stack');
    expect(await r.weights()).toEqual(before);
    const events = await auditOf(r.ids.ruleArn);
    expect(events.map((e) => [e.result, e.error?.code])).toEqual([['refused', 'OWNED']]);
    expect(events[0]?.override).toBeUndefined();
  });

  it('lands with the override, and the audit event records the owner read fresh from the tags', async () => {
    const r = await weightedRule(name, account);
    const res = await applyChange(r.ctx, r.change([50, 50]), { override: 'confirmed' });
    expect(await r.weights()).toEqual([50, 50]);
    const source = tagged === 'service' ? r.ids.serviceArn : r.ids.ruleArn;
    const expected = ownerFromTags(await tagsOf(app.h, source, r.ids.serviceArn.split(':')[4]!));
    expect(expected?.kind).toBe(kind);
    const [ev] = await auditOf(r.ids.ruleArn);
    expect(ev).toMatchObject({ id: res.eventId, result: 'applied' });
    expect(ev?.override).toEqual({ basis: 'confirmed', owner: expected, resourceArn: r.ids.ruleArn });
  });

  it('the routing read names the service’s owner (tags); a refused tag read is a problem, not a blank', async () => {
    const r = await weightedRule(name, account);
    const accountId = r.ids.serviceArn.split(':')[4] as string;
    const routing = await readServiceRouting(r.ctx, r.ids.serviceArn);
    expect(routing.service.owner).toEqual(ownerFromTags(await tagsOf(app.h, r.ids.serviceArn, accountId)));
    if (tagged === 'service') expect(routing.service.owner?.kind).toBe(kind);
    await app.h.control('POST', '/faults', {
      account: accountId,
      service: 'vpc-lattice',
      operation: 'ListTagsForResource',
      errorRate: 1,
      errorCode: 'AccessDeniedException',
    });
    try {
      const denied = await readServiceRouting(r.ctx, r.ids.serviceArn);
      expect(denied.service.owner).toBeUndefined();
      expect(denied.listeners.length).toBe(routing.listeners.length);
      expect(denied.problems).toContainEqual(
        expect.objectContaining({ operation: 'ListTagsForResource', resourceArn: r.ids.serviceArn }),
      );
    } finally {
      await app.h.control('DELETE', '/faults');
    }
  });

  it('refuses a canary plan on it unless overridden at the start', async () => {
    const r = await weightedRule(name, account);
    const action = r.rule.action;
    if (action?.type !== 'forward') throw new Error('not a forward rule');
    const [stable, canary] = action.targetGroups.map((t) => t.targetGroupArn.split('/').pop()!);
    const plan = {
      stableTargetGroupId: stable!,
      canaryTargetGroupId: canary!,
      steps: [10, 50, 100],
      bakeSeconds: 60,
      gates: { max5xxRate: 0.05, max403Rate: 0.05, maxP99Ms: 1000, minRequests: 0 },
    };
    await expect(startCanary(r.ctx, r.ids, r.rule.version, plan)).rejects.toMatchObject({ code: 'OWNED' });
    const before = await r.weights();
    expect(before).not.toEqual([90, 10]);
    const started = await startCanary(r.ctx, r.ids, r.rule.version, plan, 'confirmed');
    expect(started.state.status).toBe('baking');
    expect(await r.weights()).toEqual([90, 10]);
    const events = await auditOf(r.ids.ruleArn);
    expect(events.map((e) => [e.action, e.result, e.override?.basis ?? null])).toEqual([
      ['canary.start', 'applied', 'confirmed'],
      ['canary.start', 'refused', null],
    ]);
  });
});

describe('what counts as owned', () => {
  it('a new rule on an EKS service’s listener is owned (the controller deletes it); beside a stack’s not', async () => {
    const eks = await weightedRule('inventory-shop', STOREFRONT);
    const stack = await weightedRule('statements', PAYMENTS);
    const newRule = (r: typeof eks): RoutingChange => ({
      kind: 'createRule',
      serviceArn: r.ids.serviceArn,
      listenerArn: r.ids.listenerArn,
      name: 'hand-made',
      after: {
        priority: 50,
        match: { headers: [], path: { type: 'prefix', value: '/x/', caseSensitive: true } },
        action: r.rule.action!,
      },
    });
    const onEks = await readOwnership(eks.ctx, changeSubjects(newRule(eks)));
    expect(onEks.subjects).toMatchObject([{ kind: 'newRule', owner: { kind: 'eks' }, inherited: true }]);
    expect((await readOwnership(stack.ctx, changeSubjects(newRule(stack)))).subjects).toEqual([]);
    await expect(applyChange(eks.ctx, newRule(eks))).rejects.toMatchObject({ code: 'OWNED' });
    await applyChange(stack.ctx, newRule(stack));
  });

  it('a stack’s listener owns its default action by its own tags; an untagged service’s rule is free', async () => {
    const stack = await weightedRule('statements', PAYMENTS);
    const change: RoutingChange = {
      kind: 'updateDefault',
      serviceArn: stack.ids.serviceArn,
      listenerArn: stack.ids.listenerArn,
      expectedVersion: stack.listener.defaultVersion,
      after: { action: { type: 'fixedResponse', statusCode: 404 } },
    };
    const check = await readOwnership(stack.ctx, changeSubjects(change));
    expect(check.subjects).toMatchObject([
      {
        kind: 'defaultAction',
        resourceArn: stack.ids.listenerArn,
        owner: { kind: 'cloudformation' },
        inherited: false,
      },
    ]);
    await expect(applyChange(stack.ctx, change)).rejects.toMatchObject({ code: 'OWNED' });

    const plain = await weightedRule('payments-api', PAYMENTS);
    const res = await applyChange(plain.ctx, plain.change([50, 50]));
    const [ev] = await auditOf(plain.ids.ruleArn);
    expect(ev).toMatchObject({ id: res.eventId, result: 'applied' });
    expect(ev?.override).toBeUndefined();
  });
});
