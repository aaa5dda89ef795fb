/** Display helpers: names for ARNs and principals, shares, UTC times. */
import { describe, expect, it } from 'vitest';
import { count, displayName, share, utcDateTime, utcTime } from './format';

const TG = 'arn:aws:vpc-lattice:us-east-1:222222222222:targetgroup/tg-0123456789abcdefg';

describe('format', () => {
  it('names ARNs from the inventory, else shortens them', () => {
    expect(displayName(TG, { [TG]: 'payments-api-v1' })).toBe('payments-api-v1');
    expect(displayName(TG, {})).toBe('tg-0123456789abcdefg');
    expect(displayName('arn:aws:logs:us-east-1:111111111111:log-group:/aws/vpc-lattice/prod-mesh', {})).toBe(
      '/aws/vpc-lattice/prod-mesh',
    );
    expect(displayName('arn:aws:sts::333333333333:assumed-role/checkout/0123456789abcdef0123', {})).toBe(
      'checkout/01234567… (333333333333)',
    );
    expect(displayName('arn:aws:sts::333333333333:assumed-role/checkout/task', {})).toBe(
      'checkout/task (333333333333)',
    );
    expect(displayName('arn:aws:iam::333333333333:role/checkout', {})).toBe('role/checkout (333333333333)');
    expect(displayName('Anonymous', {})).toBe('Anonymous');
  });
  it('formats counts, shares and UTC times', () => {
    expect(count(1234567)).toBe('1,234,567');
    expect([share(1, 3), share(1, 2000), share(0, 5), share(1, 0), share(3, 4)]).toEqual([
      '33%',
      '<0.1%',
      '0.0%',
      '',
      '75%',
    ]);
    const t = Date.UTC(2024, 4, 1, 9, 5, 7, 123);
    expect(utcDateTime(t)).toBe('2024-05-01 09:05:07');
    expect(utcTime(t)).toBe('09:05:07');
    expect(utcTime(t, true)).toBe('09:05:07.123');
  });
});
