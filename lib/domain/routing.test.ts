import { describe, expect, it } from 'vitest';
import { matchSummary, trafficShares } from './routing';

describe('trafficShares', () => {
  it('is weight over the sum, and 0 when every weight is 0', () => {
    expect(
      trafficShares([
        { targetGroupArn: 'a', weight: 90 },
        { targetGroupArn: 'b', weight: 10 },
      ]).map((s) => s.share),
    ).toEqual([0.9, 0.1]);
    expect(
      trafficShares([
        { targetGroupArn: 'a', weight: 0 },
        { targetGroupArn: 'b', weight: 0 },
      ]).map((s) => s.share),
    ).toEqual([0, 0]);
  });
});

describe('matchSummary', () => {
  it('summarises method, path and headers', () => {
    expect(matchSummary(undefined)).toBe('default');
    expect(matchSummary({ headers: [] })).toBe('any');
    expect(
      matchSummary({
        method: 'POST',
        path: { type: 'prefix', value: '/v2/', caseSensitive: false },
        headers: [{ name: 'x-debug', type: 'exact', value: 'true', caseSensitive: false }],
      }),
    ).toBe('POST /v2/* x-debug=true');
  });
});
