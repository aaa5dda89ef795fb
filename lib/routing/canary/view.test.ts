import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../audit/event';
import { DEFAULT_CANARY, type CanaryPlan, type CanaryState } from './plan';
import { judgeGates } from './gates';
import { describeNext, stepRows } from './view';

const plan: CanaryPlan = { id: 'p1', stableTargetGroupId: 'tg-a', canaryTargetGroupId: 'tg-b', ...DEFAULT_CANARY };
const state = (s: Partial<CanaryState>): CanaryState => ({
  planId: 'p1',
  step: 0,
  status: 'baking',
  since: 1000,
  seq: 1,
  ...s,
});
const figures = {
  canary: { requests: 100, errors5xx: 0, denied403: 0, p99Ms: 10 },
  stable: { requests: 900, errors5xx: 1, denied403: 0, p99Ms: 12 },
};
const ev = (action: AuditEvent['action'], fromStep: number, step: number): AuditEvent => ({
  v: 1,
  id: `${action}${fromStep}`,
  time: '',
  user: { id: 'r', name: 'r' },
  action,
  result: 'applied',
  accountId: '1',
  serviceArn: 's',
  resources: '',
  changes: [],
  canary: { planId: 'p1', fromStep, step, figures },
});

describe('stepRows', () => {
  it('marks passed, current and pending steps with the figures that ended them', () => {
    const rows = stepRows(plan, state({ step: 2 }), [ev('canary.step', 0, 1), ev('canary.step', 1, 2)]);
    expect(rows.map((r) => [r.percent, r.status, r.figures?.canary.requests ?? null])).toEqual([
      [5, 'passed', 100],
      [25, 'passed', 100],
      [50, 'current', null],
      [100, 'pending', null],
    ]);
  });

  it('marks the failed step of an aborted plan, and skipped steps after a promotion', () => {
    expect(
      stepRows(plan, state({ step: 1, status: 'aborted' }), [ev('canary.step', 0, 1), ev('canary.abort', 1, 1)]).map(
        (r) => r.status,
      ),
    ).toEqual(['passed', 'failed', 'skipped', 'skipped']);
    expect(stepRows(plan, state({ step: 1, status: 'promoted' }), []).map((r) => r.status)).toEqual([
      'passed',
      'passed',
      'skipped',
      'skipped',
    ]);
  });
});

describe('describeNext', () => {
  it('says what happens at the end of the bake, and when', () => {
    const n = describeNext(plan, state({ step: 1 }), judgeGates(plan.gates, figures.canary));
    expect(n).toEqual({
      text: 'Baking 25 %; at the end of the bake, if the gates pass, shift to 50 %. A failing gate aborts at once.',
      at: 1000 + 300_000,
    });
    expect(describeNext(plan, state({ step: 3 }), undefined).text).toContain('complete the plan');
    expect(
      describeNext(plan, state({ step: 0 }), judgeGates(plan.gates, { ...figures.canary, requests: 1 })).text,
    ).toContain('too little traffic');
    expect(describeNext(plan, state({ status: 'paused' }), undefined).text).toMatch(/^Paused at 5 %/);
    expect(describeNext(plan, state({ status: 'aborted' }), undefined).at).toBeUndefined();
  });
});
