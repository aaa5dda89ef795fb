import { describe, expect, it } from 'vitest';
import { printQuery } from '../../logs/query';
import { codesQuery, latencyQuery, toFigures } from './figures';

const C = 'arn:aws:vpc-lattice:us-east-1:222222222222:targetgroup/tg-00000000000000002';
const S = 'arn:aws:vpc-lattice:us-east-1:222222222222:targetgroup/tg-00000000000000001';

describe('gate queries', () => {
  it('count by target group and response code, and p99 by target group', () => {
    expect(printQuery(codesQuery([C, S]))).toBe(
      `filter targetGroupArn in ["${C}", "${S}"]\n| stats count(*) as requests by targetGroupArn, responseCode`,
    );
    expect(printQuery(latencyQuery([C, S]))).toBe(
      `filter targetGroupArn in ["${C}", "${S}"]\n| stats pct(duration, 99) as p99 by targetGroupArn`,
    );
  });
});

describe('toFigures', () => {
  it('folds response codes into requests, 5xx and 403, and takes p99', () => {
    const f = toFigures(
      [C, S],
      [
        { targetGroupArn: C, responseCode: '200', requests: '90' },
        { targetGroupArn: C, responseCode: '503', requests: '6' },
        { targetGroupArn: C, responseCode: '500', requests: '1' },
        { targetGroupArn: C, responseCode: '403', requests: '3' },
        { targetGroupArn: S, responseCode: '200', requests: '400' },
        { targetGroupArn: 'other', responseCode: '500', requests: '99' },
      ],
      [{ targetGroupArn: C, p99: '812.5' }],
    );
    expect(f[C]).toEqual({ requests: 100, errors5xx: 7, denied403: 3, p99Ms: 812.5 });
    expect(f[S]).toEqual({ requests: 400, errors5xx: 0, denied403: 0, p99Ms: null });
  });
});
