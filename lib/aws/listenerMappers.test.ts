import { describe, expect, it } from 'vitest';
import { toListenerDetail, toRule, toRuleSummary } from './listenerMappers';

const svc = 'arn:aws:vpc-lattice:us-east-1:222222222222:service/svc-0123456789abcdefg';
const lis = `${svc}/listener/listener-0123456789abcdefg`;
const when = new Date('2025-01-31T10:00:00Z');

describe('listener and rule mappers', () => {
  it('maps GetListener with its default action (target group ids become ARNs) and last change', () => {
    const l = toListenerDetail(
      {
        arn: lis,
        id: 'listener-0123456789abcdefg',
        name: 'http',
        protocol: 'HTTP',
        port: 80,
        defaultAction: { forward: { targetGroups: [{ targetGroupIdentifier: 'tg-0123456789abcdefg', weight: 100 }] } },
        lastUpdatedAt: when,
      },
      svc,
      'us-east-1',
    );
    expect(l).toEqual({
      arn: lis,
      id: 'listener-0123456789abcdefg',
      accountId: '222222222222',
      region: 'us-east-1',
      serviceArn: svc,
      name: 'http',
      protocol: 'HTTP',
      port: 80,
      defaultAction: {
        type: 'forward',
        targetGroups: [
          {
            targetGroupArn: 'arn:aws:vpc-lattice:us-east-1:222222222222:targetgroup/tg-0123456789abcdefg',
            weight: 100,
          },
        ],
      },
      lastUpdatedAt: '2025-01-31T10:00:00.000Z',
    });
    expect(toListenerDetail({ name: 'no arn' }, svc, 'us-east-1')).toBeUndefined();
  });

  it('maps GetRule: a default rule has no priority; a rule keeps match, action and time', () => {
    const base = { arn: `${lis}/rule/rule-1`, id: 'rule-1', name: 'r' };
    const def = toRule({ ...base, isDefault: true, priority: 5 }, svc, lis, 'us-east-1');
    expect(def?.isDefault).toBe(true);
    expect(def?.priority).toBeUndefined();
    const r = toRule(
      {
        ...base,
        priority: 10,
        match: { httpMatch: { pathMatch: { match: { prefix: '/v2/' }, caseSensitive: false } } },
        action: { fixedResponse: { statusCode: 503 } },
        lastUpdatedAt: when,
      },
      svc,
      lis,
      'us-east-1',
    );
    expect(r).toMatchObject({
      priority: 10,
      isDefault: false,
      match: { headers: [], path: { type: 'prefix', value: '/v2/', caseSensitive: false } },
      action: { type: 'fixedResponse', statusCode: 503 },
      lastUpdatedAt: '2025-01-31T10:00:00.000Z',
    });
  });

  it('maps rule summaries, dropping those without ARN or id', () => {
    expect(toRuleSummary({ arn: 'a', id: 'rule-1', isDefault: false, priority: 3 })).toEqual({
      arn: 'a',
      id: 'rule-1',
      name: 'rule-1',
      isDefault: false,
      priority: 3,
    });
    expect(toRuleSummary({ id: 'rule-1' })).toBeUndefined();
  });
});
