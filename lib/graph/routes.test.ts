import { describe, expect, it } from 'vitest';
import { routeLabel, rulesByService } from './routes';
import { DEMO, demoLike } from './testing/fixtures';

describe('rulesByService', () => {
  it('lists prioritised rules in priority order, then the default from the listener', () => {
    const rows = rulesByService(demoLike()).get(DEMO.paymentsApi)!;
    expect(rows.map((r) => [r.ruleName, r.priority, r.match, r.listenerLabel])).toEqual([
      ['v2-canary', 30, '/v2/*', 'HTTPS:443'],
      ['default', undefined, 'default', 'HTTPS:443'],
    ]);
    expect(rows[0]!.forward).toEqual([
      { targetGroupArn: DEMO.v1, weight: 90, share: 0.9 },
      { targetGroupArn: DEMO.v2, weight: 10, share: 0.1 },
    ]);
  });

  it('takes the default action from a default rule when the snapshot has one', () => {
    const s = demoLike();
    const listener = s.listeners.find((l) => l.serviceArn === DEMO.paymentsApi)!;
    s.rules.push({
      arn: `${listener.arn}/rule/rule-00000000000000def`,
      id: 'rule-00000000000000def',
      accountId: listener.accountId,
      region: 'us-east-1',
      serviceArn: DEMO.paymentsApi,
      listenerArn: listener.arn,
      name: 'default',
      isDefault: true,
      action: { type: 'fixedResponse', statusCode: 503 },
    });
    const rows = rulesByService(s).get(DEMO.paymentsApi)!;
    expect(rows.at(-1)).toMatchObject({ isDefault: true, fixedStatus: 503, forward: [] });
    expect(rows).toHaveLength(2);
  });

  it('orders equal priorities stably and keeps weight-0 targets with share 0', () => {
    const s = demoLike();
    const rule = s.rules[0]!;
    rule.action = {
      type: 'forward',
      targetGroups: [
        { targetGroupArn: DEMO.v1, weight: 0 },
        { targetGroupArn: DEMO.v2, weight: 0 },
      ],
    };
    expect(
      rulesByService(s)
        .get(DEMO.paymentsApi)![0]!
        .forward.map((f) => f.share),
    ).toEqual([0, 0]);
  });
});

describe('routeLabel', () => {
  it('shows the share only when it is not all the traffic', () => {
    expect(routeLabel('/v2/*', 0.1)).toBe('/v2/* 10%');
    expect(routeLabel('default', 1)).toBe('default');
  });
});
