import { describe, expect, it } from 'vitest';
import { applyInputSchema, auditListSchema, startCanarySchema } from './schemas';

const svc = 'arn:aws:vpc-lattice:us-east-1:222222222222:service/svc-00000000000000001';
const lst = `${svc}/listener/listener-00000000000000001`;
const rule = `${lst}/rule/rule-00000000000000001`;
const tg = (i: number) => `arn:aws:vpc-lattice:us-east-1:222222222222:targetgroup/tg-${String(i).padStart(17, '0')}`;

describe('applyInputSchema', () => {
  it('lets out-of-limit values through to the domain validation, which names the limit', () => {
    const change = {
      kind: 'updateRule',
      serviceArn: svc,
      listenerArn: lst,
      ruleArn: rule,
      expectedVersion: 'a.b',
      after: {
        priority: 5000,
        match: { headers: [] },
        action: {
          type: 'forward',
          targetGroups: Array.from({ length: 11 }, (_, i) => ({ targetGroupArn: tg(i), weight: 1000 })),
        },
      },
    };
    expect(applyInputSchema.safeParse({ change }).success).toBe(true);
  });

  it('refuses wrong shapes, unknown kinds and oversized input', () => {
    expect(applyInputSchema.safeParse({ change: { kind: 'dropTable' } }).success).toBe(false);
    expect(
      applyInputSchema.safeParse({
        change: { kind: 'deleteRule', serviceArn: 'x', listenerArn: lst, ruleArn: rule, expectedVersion: 'v' },
      }).success,
    ).toBe(false);
    const huge = {
      kind: 'updateDefault',
      serviceArn: svc,
      listenerArn: lst,
      expectedVersion: 'v',
      after: {
        action: {
          type: 'forward',
          targetGroups: Array.from({ length: 51 }, (_, i) => ({ targetGroupArn: tg(i), weight: 1 })),
        },
      },
    };
    expect(applyInputSchema.safeParse({ change: huge }).success).toBe(false);
  });
});

describe('other inputs', () => {
  it('parse the audit filter and a canary start', () => {
    expect(auditListSchema.safeParse({ range: '7d', result: 'applied' }).success).toBe(true);
    expect(auditListSchema.safeParse({ range: '5y' }).success).toBe(false);
    const plan = {
      stableTargetGroupId: 'tg-1',
      canaryTargetGroupId: 'tg-2',
      steps: [5, 100],
      bakeSeconds: 60,
      gates: { max5xxRate: 0.01, max403Rate: 0.05, maxP99Ms: 500, minRequests: 10 },
    };
    expect(
      startCanarySchema.safeParse({ target: { serviceArn: svc, listenerArn: lst }, expectedVersion: 'a.b', plan })
        .success,
    ).toBe(true);
  });
});
