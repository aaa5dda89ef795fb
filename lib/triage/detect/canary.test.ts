import { describe, expect, it } from 'vitest';
import { DEMO, demoLike } from '../../graph/testing/fixtures';
import { DEFAULT_CANARY } from '../../routing/canary/plan';
import { addTg, emptyFolded, flat, shift, T0 } from '../testing';
import { places } from '../where';
import type { Finding } from '../types';
import { type CanaryInput, canaryFindings, canaryRole, withCanaryRoles } from './canary';

const snap = demoLike();
const p = places(snap);
const rule = snap.rules[0]!; // v1 90 / v2 10

/** The same rule with other weights of v1 and v2. */
function withWeights(v1: number, v2: number): typeof rule {
  const targetGroups = [
    { targetGroupArn: DEMO.v1, weight: v1 },
    { targetGroupArn: DEMO.v2, weight: v2 },
  ];
  return { ...rule, action: { type: 'forward' as const, targetGroups } };
}

function plan(canaryArn = DEMO.v2): CanaryInput {
  return {
    target: { serviceArn: DEMO.paymentsApi, listenerArn: rule.listenerArn, ruleArn: rule.arn },
    plan: { ...DEFAULT_CANARY, id: 'abcdefghij', stableTargetGroupId: 'tg-1', canaryTargetGroupId: 'tg-2' },
    state: { planId: 'abcdefghij', step: 1, status: 'baking', since: T0, seq: 2 },
    stableArn: canaryArn === DEMO.v2 ? DEMO.v1 : DEMO.v2,
    canaryArn,
  };
}

describe('canary role', () => {
  it('the smaller weight is the canary when nothing else is known', () => {
    expect(canaryRole(DEMO.v2, rule, [], [])).toBe('canary');
    expect(canaryRole(DEMO.v1, rule, [], [])).toBe('stable');
  });

  it('the group that got weight most recently per the audit log wins over weights', () => {
    const events = [shift(1000, [100, 0], [90, 10]), shift(2000, [90, 10], [95, 5])];
    const now9505 = withWeights(95, 5);
    // The latest change gave weight to v1: v1 is the canary of that step, whatever the weights.
    expect(canaryRole(DEMO.v1, now9505, events, [])).toBe('canary');
    expect(canaryRole(DEMO.v2, now9505, events, [])).toBe('stable');
  });

  it('an audit trail the rule no longer matches (changed outside Trellis since) falls back to the weights', () => {
    // A canary was aborted to 100/0 through Trellis, then the rule was set back to 90/10 elsewhere.
    const events = [shift(1000, [90, 10], [100, 0])];
    expect(canaryRole(DEMO.v2, rule, events, [])).toBe('canary');
    expect(canaryRole(DEMO.v1, rule, events, [])).toBe('stable');
  });

  it('the canary of a running plan wins over everything', () => {
    expect(canaryRole(DEMO.v1, rule, [shift(1000, [100, 0], [90, 10])], [plan(DEMO.v1)])).toBe('canary');
  });

  it('a single-group rule has no canary', () => {
    const single = {
      ...rule,
      action: { type: 'forward' as const, targetGroups: [{ targetGroupArn: DEMO.v1, weight: 100 }] },
    };
    expect(canaryRole(DEMO.v1, single, [], [])).toBeUndefined();
  });
});

describe('canary findings', () => {
  it('a running plan with a failing 5xx gate is high, with an abort action', () => {
    const f = emptyFolded();
    addTg(f, DEMO.v2, DEMO.paymentsApi, { requests: flat(30), errors: flat(3) });
    const [x] = canaryFindings([plan()], p, f, f.deliveredUntil);
    expect(x?.kind).toBe('canary');
    expect(x?.severity).toBe('high');
    expect(x?.title).toBe('payments-api: canary payments-api-v2 at 25 % (step 2/4, baking)');
    expect(x?.detail).toMatch(/^gates failing: .*5xx 10 % > 1 %/);
    expect(x?.actions?.abort).toEqual({
      planId: 'abcdefghij',
      serviceArn: DEMO.paymentsApi,
      listenerArn: rule.listenerArn,
      ruleArn: rule.arn,
    });
  });

  it('a healthy plan is info; without logs its gates are not judged', () => {
    const f = emptyFolded();
    addTg(f, DEMO.v2, DEMO.paymentsApi, { requests: flat(30) });
    expect(canaryFindings([plan()], p, f, f.deliveredUntil)[0]?.severity).toBe('info');
    expect(canaryFindings([plan()], p, undefined, f.deliveredUntil)[0]?.detail).toMatch(/^gates not judged/);
  });
});

describe('rollback and abort actions', () => {
  const failing = (tg: string): Finding => ({
    id: `error-rate|${tg}`,
    kind: 'error-rate',
    severity: 'high',
    title: 'x',
    detail: 'x',
    where: { accountId: '', region: '', serviceArn: DEMO.paymentsApi, targetGroupArn: tg },
    onset: new Date(T0).toISOString(),
    asOf: new Date(T0).toISOString(),
    score: 1,
  });

  it('a canary on a rule names the rule and its listener', () => {
    const [f] = withCanaryRoles([failing(DEMO.v2)], p, [], [plan()]);
    expect(f?.actions?.rollback).toEqual({
      serviceArn: DEMO.paymentsApi,
      listenerArn: rule.listenerArn,
      ruleArn: rule.arn,
      targetGroupArn: DEMO.v2,
    });
    expect(f?.actions?.abort).toMatchObject({ listenerArn: rule.listenerArn, ruleArn: rule.arn });
  });

  it("a canary on a listener's default action names the listener, not the inventory's default-rule ARN", () => {
    const asDefault = { ...snap, rules: snap.rules.map((r) => (r.arn === rule.arn ? { ...r, isDefault: true } : r)) };
    const onDefault: CanaryInput = {
      ...plan(),
      target: { serviceArn: DEMO.paymentsApi, listenerArn: rule.listenerArn },
    };
    const [f] = withCanaryRoles([failing(DEMO.v2)], places(asDefault), [], [onDefault]);
    expect(f?.actions?.rollback).toEqual({
      serviceArn: DEMO.paymentsApi,
      listenerArn: rule.listenerArn,
      ruleArn: rule.listenerArn,
      targetGroupArn: DEMO.v2,
    });
    expect(f?.actions?.abort).toEqual({
      planId: 'abcdefghij',
      serviceArn: DEMO.paymentsApi,
      listenerArn: rule.listenerArn,
      ruleArn: rule.listenerArn,
    });
  });

  it('a failing stable group gets only a link to its rule', () => {
    const [f] = withCanaryRoles([failing(DEMO.v1)], p, [], []);
    expect(f?.canary).toBeUndefined();
    expect(f?.actions).toEqual({ ruleLink: { serviceArn: DEMO.paymentsApi, ruleArn: rule.arn } });
  });
});
