import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../audit/event';
import type { RuleAction } from '../domain/routing';
import { canaryRollbackAction, canaryRollbackChange, lastShiftTo } from './canaryRollback';
import type { ListenerView } from './view';

const V1 = 'arn:aws:vpc-lattice:us-east-1:222222222222:targetgroup/tg-v1';
const V2 = 'arn:aws:vpc-lattice:us-east-1:222222222222:targetgroup/tg-v2';
const V3 = 'arn:aws:vpc-lattice:us-east-1:222222222222:targetgroup/tg-v3';
const SVC = 'arn:aws:vpc-lattice:us-east-1:222222222222:service/svc-1';
const L = `${SVC}/listener/listener-1`;
const R = `${L}/rule/rule-1`;

const fwd = (...w: Array<[string, number]>): Extract<RuleAction, { type: 'forward' }> => ({
  type: 'forward',
  targetGroups: w.map(([targetGroupArn, weight]) => ({ targetGroupArn, weight })),
});
const match = { path: { type: 'prefix' as const, value: '/v2/', caseSensitive: false }, headers: [] };

function shift(id: string, time: string, before: RuleAction, after: RuleAction, over: Partial<AuditEvent> = {}) {
  const e: AuditEvent = {
    v: 1,
    id,
    time,
    user: { id: 'alice', name: 'alice' },
    action: 'rule.update',
    result: 'applied',
    accountId: '222222222222',
    serviceArn: SVC,
    listenerArn: L,
    ruleArn: R,
    resources: `${SVC} ${L} ${R}`,
    changes: [
      {
        listenerArn: L,
        ruleArn: R,
        ruleName: 'v2-canary',
        isDefault: false,
        before: { priority: 30, match, action: before },
        after: { priority: 30, match, action: after },
      },
    ],
    ...over,
  };
  return e;
}

const target = { listenerArn: L, ruleArn: R, targetGroupArn: V2 };

describe('canaryRollbackAction', () => {
  it('sets the canary to 0 and the stable back to its weight before the newest shift', () => {
    const history = [
      shift('e1', '2026-12-03T07:00:00Z', fwd([V1, 100], [V2, 0]), fwd([V1, 90], [V2, 10])),
      shift('e2', '2026-12-03T07:10:00Z', fwd([V1, 90], [V2, 10]), fwd([V1, 50], [V2, 50])),
    ];
    const plan = canaryRollbackAction(fwd([V1, 50], [V2, 50]), target, history, false);
    expect(plan.action).toEqual(fwd([V1, 90], [V2, 0]));
    expect(plan).toMatchObject({ basis: 'audit', shiftEventId: 'e2' });
  });

  it('keeps the others as they are when the audit log has no shift of this rule', () => {
    const other = shift('e9', '2026-12-03T07:10:00Z', fwd([V1, 90], [V2, 10]), fwd([V1, 50], [V2, 50]), {
      changes: [],
    });
    const plan = canaryRollbackAction(fwd([V1, 60], [V3, 30], [V2, 10]), target, [other], false);
    expect(plan.action).toEqual(fwd([V1, 60], [V3, 30], [V2, 0]));
    expect(plan.basis).toBe('current');
    expect(plan.shiftEventId).toBeUndefined();
  });

  it('ignores entries that did not apply, that lowered the canary, or are about another rule', () => {
    const history = [
      shift('refused', '2026-12-03T07:20:00Z', fwd([V1, 10], [V2, 90]), fwd([V1, 0], [V2, 100]), {
        result: 'conflict',
      }),
      shift('lowered', '2026-12-03T07:15:00Z', fwd([V1, 20], [V2, 80]), fwd([V1, 50], [V2, 50])),
      shift('good', '2026-12-03T07:05:00Z', fwd([V1, 95], [V2, 5]), fwd([V1, 20], [V2, 80])),
    ];
    expect(lastShiftTo(history, target, false)?.event.id).toBe('good');
    expect(lastShiftTo(history, { ...target, ruleArn: `${L}/rule/other` }, false)).toBeUndefined();
  });

  it('after a full promotion (stable at 0) restores the stable weight from the audit log', () => {
    const history = [shift('p', '2026-12-03T07:00:00Z', fwd([V1, 50], [V2, 50]), fwd([V1, 0], [V2, 100]))];
    expect(canaryRollbackAction(fwd([V1, 0], [V2, 100]), target, history, false).action).toEqual(
      fwd([V1, 50], [V2, 0]),
    );
  });

  it('refuses when nothing could take the traffic, or there is nothing to roll back', () => {
    expect(() => canaryRollbackAction(fwd([V1, 0], [V2, 100]), target, [], false)).toThrow(/No other target group/);
    expect(() => canaryRollbackAction(fwd([V2, 100]), target, [], false)).toThrow(/only target group/);
    expect(() => canaryRollbackAction(fwd([V1, 100], [V2, 0]), target, [], false)).toThrow(/already has weight 0/);
    expect(() => canaryRollbackAction(fwd([V1, 100]), target, [], false)).toThrow(/no longer forwards to tg-v2/);
    expect(() => canaryRollbackAction({ type: 'fixedResponse', statusCode: 503 }, target, [], false)).toThrow(
      /no longer forwards/,
    );
    expect(() => canaryRollbackAction(undefined, target, [], false)).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });
});

describe('canaryRollbackChange', () => {
  const listener: ListenerView = {
    arn: L,
    id: 'listener-1',
    name: 'https',
    protocol: 'HTTPS',
    defaultAction: fwd([V1, 70], [V2, 30]),
    defaultVersion: 'dv1',
    rules: [
      { arn: R, id: 'rule-1', name: 'v2-canary', priority: 30, match, action: fwd([V1, 90], [V2, 10]), version: 'rv7' },
    ],
  };

  it('builds a version-checked rule update keeping priority and match', () => {
    const { change } = canaryRollbackChange(listener, { serviceArn: SVC, ...target }, []);
    expect(change).toEqual({
      kind: 'updateRule',
      serviceArn: SVC,
      listenerArn: L,
      ruleArn: R,
      expectedVersion: 'rv7',
      after: { priority: 30, match, action: fwd([V1, 90], [V2, 0]) },
    });
  });

  it('builds a default-action update when the finding names the listener', () => {
    const { change } = canaryRollbackChange(
      listener,
      { serviceArn: SVC, listenerArn: L, ruleArn: L, targetGroupArn: V2 },
      [],
    );
    expect(change).toEqual({
      kind: 'updateDefault',
      serviceArn: SVC,
      listenerArn: L,
      expectedVersion: 'dv1',
      after: { action: fwd([V1, 70], [V2, 0]) },
    });
  });

  it('does not guess a default action from a rule ARN the listener does not have', () => {
    const t = { serviceArn: SVC, listenerArn: L, ruleArn: `${L}/rule/rule-default`, targetGroupArn: V2 };
    expect(() => canaryRollbackChange(listener, t, [])).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('refuses a target whose listener is not the one read', () => {
    const t = { serviceArn: SVC, listenerArn: `${L}-other`, ruleArn: R, targetGroupArn: V2 };
    expect(() => canaryRollbackChange(listener, t, [])).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('answers NOT_FOUND for a rule that is gone', () => {
    expect(() =>
      canaryRollbackChange(
        listener,
        { serviceArn: SVC, listenerArn: L, ruleArn: `${L}/rule/gone`, targetGroupArn: V3 },
        [],
      ),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
