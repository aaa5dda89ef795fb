import { describe, expect, it } from 'vitest';
import { arnContextOf, fromRuleAction, fromRuleMatch, toRuleAction, toRuleMatch } from './latticeMappers';

const ctx = arnContextOf('arn:aws:vpc-lattice:us-east-1:222222222222:service/svc-0123456789abcdefg');

describe('lattice mappers', () => {
  it('turns target group ids into ARNs and keeps ARNs', () => {
    const a = toRuleAction(
      {
        forward: {
          targetGroups: [
            { targetGroupIdentifier: 'tg-0123456789abcdefg', weight: 90 },
            {
              targetGroupIdentifier: 'arn:aws:vpc-lattice:us-east-1:222222222222:targetgroup/tg-aaaaaaaaaaaaaaaaa',
              weight: 10,
            },
          ],
        },
      },
      ctx,
    );
    expect(a).toEqual({
      type: 'forward',
      targetGroups: [
        { targetGroupArn: 'arn:aws:vpc-lattice:us-east-1:222222222222:targetgroup/tg-0123456789abcdefg', weight: 90 },
        { targetGroupArn: 'arn:aws:vpc-lattice:us-east-1:222222222222:targetgroup/tg-aaaaaaaaaaaaaaaaa', weight: 10 },
      ],
    });
    expect(toRuleAction({ fixedResponse: { statusCode: 404 } }, ctx)).toEqual({
      type: 'fixedResponse',
      statusCode: 404,
    });
    expect(toRuleAction(undefined, ctx)).toBeUndefined();
  });

  it('round-trips matches and actions', () => {
    const match = {
      method: 'POST',
      path: { type: 'prefix' as const, value: '/v2/', caseSensitive: true },
      headers: [{ name: 'x-debug', type: 'contains' as const, value: 'tr', caseSensitive: false }],
    };
    expect(toRuleMatch(fromRuleMatch(match))).toEqual(match);
    const action = {
      type: 'forward' as const,
      targetGroups: [
        { targetGroupArn: 'arn:aws:vpc-lattice:us-east-1:222222222222:targetgroup/tg-0123456789abcdefg', weight: 5 },
      ],
    };
    expect(toRuleAction(fromRuleAction(action), ctx)).toEqual(action);
    expect(toRuleMatch(undefined)).toBeUndefined();
  });
});
