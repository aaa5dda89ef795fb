/**
 * Canary plans end to end against the emulator's demo traffic (real SDK, real Logs Insights
 * queries), on a manual emulator clock that the runners share: the payments-api `/v2/` rule shifts
 * from payments-api-v1 to payments-api-v2.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AwsClientFactory } from '../../aws/clientFactory';
import type { CanaryPlan, CanaryTarget } from './plan';
import type { RuleAction } from '../../domain/routing';
import { startAppHarness, type AppHarness } from '../../../testing/appHarness';
import { applyChange as applyUngranted } from '../applyChange';
import { queryAuditEvents } from '../../audit/log';
import { serviceArnByName } from '../../../testing/rawAws';
import { granted, paymentsCanary, testContext } from '../testing';
import { commandCanary as commandUngranted, startCanary as startUngranted } from './commands';
import { CanaryRunner } from './runner';
import { stepPlan as stepUngranted } from './step';
import { readCanaryTags, writeCanaryTags as writeTagsUngranted } from './tags';

// What the server actions and the runner do: change routes with write access.
const applyChange = granted(applyUngranted);
const commandCanary = granted(commandUngranted);
const startCanary = granted(startUngranted);
const stepPlan = granted(stepUngranted);
const writeCanaryTags = granted(writeTagsUngranted);

let app: AppHarness;
let factory: AwsClientFactory;
let serviceArn: string;
let now = 0;
const clock = () => now;

async function advance(ms: number): Promise<void> {
  const r = await app.h.control('POST', '/clock', { advanceMs: ms });
  now = (r.body as { now: number }).now;
}

const weights = (a: RuleAction | undefined) => (a?.type === 'forward' ? a.targetGroups.map((t) => t.weight) : []);

beforeAll(async () => {
  app = await startAppHarness({ scenario: 'demo', params: { backfillMinutes: 0 } });
  factory = app.factory();
  serviceArn = await serviceArnByName(app.h, 'payments-api');
});
afterAll(() => app.close());

let target: CanaryTarget;
let plan: Omit<CanaryPlan, 'id'>;

beforeEach(async () => {
  const r = await app.h.control('POST', '/reset', {
    scenario: 'demo',
    seed: 1,
    params: { backfillMinutes: 0, lagMs: 0 },
    clock: { mode: 'manual' },
  });
  now = (r.body as { now: number }).now;
  factory.clear();
  await app.h.control('POST', '/traffic', { rateMultiplier: 0, rates: { 'payments-api': 200 } });
  const { listener, rule, routing } = await paymentsCanary(testContext(factory, 'alice', clock), serviceArn);
  const id = (name: string) => routing.targetGroups.find((g) => g.name === name)!.id;
  target = { serviceArn, listenerArn: listener.arn, ruleArn: rule.arn };
  plan = {
    stableTargetGroupId: id('payments-api-v1'),
    canaryTargetGroupId: id('payments-api-v2'),
    steps: [10, 50, 100],
    bakeSeconds: 10,
    gates: { max5xxRate: 0.05, max403Rate: 0.05, maxP99Ms: 5000, minRequests: 20 },
  };
});

async function ruleWeights(): Promise<number[]> {
  return weights((await paymentsCanary(testContext(factory, 'alice', clock), serviceArn)).rule.action);
}

async function canaryEvents(planId: string) {
  const all = await queryAuditEvents(
    factory,
    { resource: target.ruleArn! },
    { startMs: now - 3_600_000, endMs: now + 60_000 },
    500,
  );
  return all.filter((e) => e.canary?.planId === planId).reverse();
}

describe('canary plans against the emulator', () => {
  it('promotes to 100 % step by step when the canary is healthy', async () => {
    const alice = testContext(factory, 'alice', clock);
    const { rule } = await paymentsCanary(alice, serviceArn);
    const started = await startCanary(alice, target, rule.version, plan);
    expect(await ruleWeights()).toEqual([90, 10]);
    const runner = new CanaryRunner({ factory, now: clock, replica: 'replica-a' });
    const outcomes: string[] = [];
    for (let i = 0; i < 12 && (await readCanaryTags(alice, target)).state?.status === 'baking'; i++) {
      await advance(5_000);
      outcomes.push(Object.values(await runner.tick())[0] ?? 'none');
    }
    expect(outcomes).toEqual(['waiting', 'advanced', 'waiting', 'advanced', 'waiting', 'completed']);
    expect(await ruleWeights()).toEqual([0, 100]);
    const state = (await readCanaryTags(alice, target)).state;
    expect(state).toMatchObject({ planId: started.plan.id, status: 'promoted', step: 2, seq: 4 });
    const events = await canaryEvents(started.plan.id);
    expect(events.map((e) => [e.action, e.canary?.percent])).toEqual([
      ['canary.start', 10],
      ['canary.step', 50],
      ['canary.step', 100],
      ['canary.complete', 100],
    ]);
    expect(events[1]?.canary?.figures?.canary.requests).toBeGreaterThanOrEqual(20);
    expect(events[1]?.user.id).toBe('trellis-canary-runner');
  });

  it('aborts and returns all traffic to stable when the canary fails its 5xx gate', async () => {
    const alice = testContext(factory, 'alice', clock);
    const { rule } = await paymentsCanary(alice, serviceArn);
    const started = await startCanary(alice, target, rule.version, { ...plan, steps: [25, 100] });
    await app.h.control('POST', '/incidents', {
      kind: 'target-errors',
      targetGroup: 'payments-api-v2',
      errorRate: 0.5,
    });
    await advance(5_000);
    const runner = new CanaryRunner({ factory, now: clock });
    expect(Object.values(await runner.tick())).toEqual(['aborted']);
    expect(await ruleWeights()).toEqual([100, 0]);
    const state = (await readCanaryTags(alice, target)).state;
    expect(state?.status).toBe('aborted');
    expect(state?.reason).toMatch(/Gate failed at 25 pct: 5xx/);
    const events = await canaryEvents(started.plan.id);
    expect(events.map((e) => e.action)).toEqual(['canary.start', 'canary.abort']);
    expect(events[1]?.canary?.reason).toMatch(/^Gate failed at 25 %: 5xx \d+(\.\d)? % > 5 %$/);
    await advance(5_000);
    expect(Object.values(await runner.tick())).toEqual(['inactive']);
  });

  it('never double-steps with two replicas ticking at once, and carries on after a restart', async () => {
    const alice = testContext(factory, 'alice', clock);
    const { rule } = await paymentsCanary(alice, serviceArn);
    const started = await startCanary(alice, target, rule.version, plan);
    const a = new CanaryRunner({ factory, now: clock, replica: 'replica-a', leaseMs: 8_000 });
    const b = new CanaryRunner({ factory: app.factory(), now: clock, replica: 'replica-b', leaseMs: 8_000 });
    for (let i = 0; i < 3; i++) {
      await advance(5_000);
      const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
      // Whatever the interleaving, at most one of them acts on a tick.
      expect([ra, rb].filter((r) => Object.values(r)[0] === 'advanced').length).toBeLessThanOrEqual(1);
    }
    // "Restart": a new process (new factory, new replica id) finds the plan from the audit log and its tags.
    const c = new CanaryRunner({ factory: app.factory(), now: clock, replica: 'replica-c', leaseMs: 8_000 });
    for (let i = 0; i < 6 && (await readCanaryTags(alice, target)).state?.status === 'baking'; i++) {
      await advance(5_000);
      await c.tick();
    }
    expect(await ruleWeights()).toEqual([0, 100]);
    const events = await canaryEvents(started.plan.id);
    expect(events.map((e) => e.action)).toEqual(['canary.start', 'canary.step', 'canary.step', 'canary.complete']);
    expect((await readCanaryTags(alice, target)).state?.seq).toBe(4);
  });

  it('backs off when the weights or the state already moved, and pauses after a manual edit', async () => {
    const alice = testContext(factory, 'alice', clock);
    const { rule } = await paymentsCanary(alice, serviceArn);
    const started = await startCanary(alice, target, rule.version, plan);
    await advance(11_000);
    const opts = { replica: 'r1', leaseMs: 1 };
    // Another replica moved the state while this one computed the figures.
    const bumped = await stepPlan(testContext(factory, 'x', clock), target, {
      ...opts,
      figures: async () => {
        const s = (await readCanaryTags(alice, target)).state!;
        await writeCanaryTags(alice, target, { state: { ...s, seq: s.seq + 1 } });
        return {
          canary: { requests: 100, errors5xx: 0, denied403: 0, p99Ms: 10 },
          stable: { requests: 100, errors5xx: 0, denied403: 0, p99Ms: 10 },
        };
      },
    });
    expect(bumped).toBe('backed-off');
    expect(await ruleWeights()).toEqual([90, 10]);
    // Another replica wrote the next step's weights but not the state: back off and repair the state.
    const cur = await paymentsCanary(alice, serviceArn);
    const reweigh = (ws: number[]): RuleAction => ({
      type: 'forward',
      targetGroups: (cur.rule.action as Extract<RuleAction, { type: 'forward' }>).targetGroups.map((t, i) => ({
        ...t,
        weight: ws[i]!,
      })),
    });
    await applyChange(alice, {
      kind: 'updateRule',
      serviceArn,
      listenerArn: target.listenerArn,
      ruleArn: target.ruleArn!,
      expectedVersion: cur.rule.version,
      after: { priority: cur.rule.priority, match: cur.rule.match, action: reweigh([50, 50]) },
    });
    await advance(1);
    expect(await stepPlan(testContext(factory, 'x', clock), target, opts)).toBe('backed-off');
    expect((await readCanaryTags(alice, target)).state).toMatchObject({ step: 1, status: 'baking' });
    // A manual edit to other weights: the plan pauses instead of overwriting it.
    const cur2 = await paymentsCanary(alice, serviceArn);
    await applyChange(alice, {
      kind: 'updateRule',
      serviceArn,
      listenerArn: target.listenerArn,
      ruleArn: target.ruleArn!,
      expectedVersion: cur2.rule.version,
      after: { priority: cur2.rule.priority, match: cur2.rule.match, action: reweigh([70, 30]) },
    });
    await advance(11_000);
    expect(await stepPlan(testContext(factory, 'x', clock), target, opts)).toBe('paused');
    expect(await ruleWeights()).toEqual([70, 30]);
    // The operator aborts: traffic back to stable, whatever the weights were.
    await commandCanary(alice, target, started.plan.id, 'abort');
    expect(await ruleWeights()).toEqual([100, 0]);
    await expect(commandCanary(alice, target, started.plan.id, 'resume')).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses a bad plan and a second plan on the same rule', async () => {
    const alice = testContext(factory, 'alice', clock);
    const { rule } = await paymentsCanary(alice, serviceArn);
    await expect(startCanary(alice, target, rule.version, { ...plan, steps: [50, 10] })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await startCanary(alice, target, rule.version, plan);
    const fresh = await paymentsCanary(alice, serviceArn);
    await expect(startCanary(alice, target, fresh.rule.version, plan)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('already baking'),
    });
  });
});
