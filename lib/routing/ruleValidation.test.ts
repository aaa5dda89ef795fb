import { describe, expect, it } from 'vitest';
import type { RuleAction } from '../domain/routing';
import {
  describeIssuesLine,
  routingWarnings,
  validateAction,
  validateMatch,
  validatePriority,
  validateRule,
  validateRuleName,
} from './ruleValidation';
import { healthSummary } from '../domain/snapshot';

const tg = (n: number) => `arn:aws:vpc-lattice:us-east-1:222222222222:targetgroup/tg-${String(n).padStart(17, '0')}`;
const forward = (...weights: number[]): RuleAction => ({
  type: 'forward',
  targetGroups: weights.map((weight, i) => ({ targetGroupArn: tg(i + 1), weight })),
});

describe('validateAction', () => {
  it('accepts weights 0 to 999 and 1 to 10 target groups', () => {
    expect(validateAction(forward(0, 999))).toEqual([]);
    expect(validateAction(forward(...Array.from({ length: 10 }, () => 1)))).toEqual([]);
  });

  it('names the weight limit and its shape', () => {
    const [issue] = validateAction(forward(1000, 0), () => 'payments-api-v1');
    expect(issue).toEqual({
      field: 'action.targetGroups[0].weight',
      message: 'Weight of payments-api-v1 is 1000; the API allows whole numbers 0 to 999 (TargetGroupWeight).',
    });
    expect(validateAction(forward(-1))[0]?.message).toContain('0 to 999');
    expect(validateAction(forward(2.5))[0]?.message).toContain('whole numbers');
  });

  it('names the target-group count limit', () => {
    expect(validateAction(forward(...Array.from({ length: 11 }, () => 1)))[0]?.message).toBe(
      'A forward action has 11 target groups; the API allows 1 to 10 (WeightedTargetGroupList).',
    );
    expect(validateAction({ type: 'forward', targetGroups: [] })[0]?.field).toBe('action.targetGroups');
  });

  it('refuses a target group twice and a non-ARN identifier', () => {
    const dup: RuleAction = {
      type: 'forward',
      targetGroups: [
        { targetGroupArn: tg(1), weight: 1 },
        { targetGroupArn: tg(1), weight: 1 },
      ],
    };
    expect(validateAction(dup)[0]?.message).toContain('more than once');
    expect(
      validateAction({ type: 'forward', targetGroups: [{ targetGroupArn: 'tg-x', weight: 1 }] })[0]?.message,
    ).toContain('not a target group ARN');
  });

  it('allows fixed responses 404 and 500 only', () => {
    expect(validateAction({ type: 'fixedResponse', statusCode: 404 })).toEqual([]);
    expect(validateAction({ type: 'fixedResponse', statusCode: 503 })[0]?.message).toContain('404 or 500');
    expect(validateAction(undefined)[0]?.message).toContain('required');
  });
});

describe('validateMatch', () => {
  it('needs a condition', () => {
    expect(validateMatch({ headers: [] })[0]?.message).toContain('at least one of method, path or headers');
    expect(validateMatch({ method: 'GET', headers: [] })).toEqual([]);
  });

  it('checks the path pattern and lengths from the model', () => {
    expect(validateMatch({ path: { type: 'prefix', value: '/v2/', caseSensitive: false }, headers: [] })).toEqual([]);
    expect(
      validateMatch({ path: { type: 'prefix', value: 'v2', caseSensitive: false }, headers: [] })[0]?.message,
    ).toContain('PathMatchExact/Prefix pattern');
    expect(validateMatch({ path: { type: 'exact', value: '/a b', caseSensitive: false }, headers: [] })[0]?.field).toBe(
      'match.path.value',
    );
    expect(
      validateMatch({ path: { type: 'exact', value: `/${'a'.repeat(200)}`, caseSensitive: false }, headers: [] })[0]
        ?.message,
    ).toContain('201 characters');
  });

  it('checks header names, values and count', () => {
    const h = (name: string, value: string) => ({ name, type: 'exact' as const, value, caseSensitive: false });
    expect(validateMatch({ headers: [h('', 'x')] })[0]?.message).toContain('HeaderMatchName');
    expect(validateMatch({ headers: [h('x-a', 'v'.repeat(201))] })[0]?.message).toContain('1 to 200');
    expect(validateMatch({ headers: Array.from({ length: 6 }, (_, i) => h(`x-${i}`, 'v')) })[0]?.message).toContain(
      'at most 5 (HeaderMatchList)',
    );
    expect(validateMatch({ method: 'A'.repeat(17), headers: [] })[0]?.message).toContain('HttpMethod');
  });
});

describe('validatePriority', () => {
  const siblings = [
    { arn: 'r1', name: 'debug-header', priority: 10 },
    { arn: 'r2', name: 'refund-post', priority: 20 },
  ];
  it('is 1 to 2000 and unique per listener', () => {
    expect(validatePriority(30, siblings, 'r3')).toEqual([]);
    expect(validatePriority(20, siblings, 'r2')).toEqual([]);
    expect(validatePriority(10, siblings, 'r3')[0]?.message).toBe(
      'Priority 10 is already used by rule debug-header; priorities must be unique per listener (RulePriority).',
    );
    expect(validatePriority(0, siblings, 'r3')[0]?.message).toContain('1 to 2000');
    expect(validatePriority(2001, siblings, 'r3')[0]?.message).toContain('1 to 2000');
    expect(validatePriority(undefined, siblings, 'r3')[0]?.message).toContain('required');
  });
});

describe('validateRuleName', () => {
  it('follows the RuleName pattern', () => {
    expect(validateRuleName('v2-canary')).toEqual([]);
    expect(validateRuleName('ab')[0]?.message).toContain('3 to 63');
    for (const bad of ['Bad', '-a-b', 'a-b-', 'a--b', 'rule-x']) expect(validateRuleName(bad)).toHaveLength(1);
  });
});

describe('validateRule', () => {
  it('checks only the action of a default rule', () => {
    expect(validateRule({ action: forward(1) }, { isDefault: true })).toEqual([]);
    expect(validateRule({ action: forward(1) }, { isDefault: false })).toHaveLength(2);
  });

  it('joins issues into one line', () => {
    const issues = validateRule({ priority: 0, match: { headers: [] }, action: forward(1000) }, { isDefault: false });
    expect(describeIssuesLine(issues)).toMatch(/RulePriority.*HttpMatch.*TargetGroupWeight/);
  });
});

describe('routingWarnings', () => {
  const healthy = healthSummary([{ id: 'a', status: 'HEALTHY' }]);
  const sick = healthSummary([{ id: 'b', status: 'UNHEALTHY' }]);
  it('warns when nothing is forwarded', () => {
    expect(routingWarnings(forward(0, 0), {})[0]?.kind).toBe('no-traffic');
  });

  it('warns about traffic to a target group without a healthy target', () => {
    const w = routingWarnings(forward(50, 50), { [tg(1)]: healthy, [tg(2)]: sick });
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ kind: 'unhealthy-target-group', targetGroupArn: tg(2) });
    expect(routingWarnings(forward(100, 0), { [tg(2)]: sick })).toEqual([]);
    expect(routingWarnings(forward(1, 1), {})).toEqual([]);
  });
});
