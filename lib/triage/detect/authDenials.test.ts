import { describe, expect, it } from 'vitest';
import { DEMO, demoLike } from '../../graph/testing/fixtures';
import { denialKey } from '../fold';
import { emptyFolded, flat, step } from '../testing';
import { places } from '../where';
import { detectAuthDenials } from './authDenials';

const p = places(demoLike());
const ROLE = 'arn:aws:iam::333333333333:role/batch';

function withKey(denials: number[], baselineHour: number, others = 0) {
  const f = emptyFolded();
  f.denials[denialKey(DEMO.paymentsApi, ROLE, 'Service')] = {
    serviceArn: DEMO.paymentsApi,
    principal: ROLE,
    users: [`arn:aws:sts::333333333333:assumed-role/batch/s1`],
    reason: 'Service',
    denials,
  };
  f.baseline.denials[denialKey(DEMO.paymentsApi, ROLE, 'Service')] = baselineHour;
  for (let k = 0; k < others; k++) f.baseline.denials[denialKey(DEMO.paymentsApi, `other-${k}`, 'Service')] = 30;
  return f;
}

describe('auth-denials', () => {
  it('a new principal denied 2 a minute is a finding naming service, principal and reason', () => {
    const [c] = detectAuthDenials({ folded: withKey(step(0, 2, 5), 0), places: p });
    expect(c?.finding.title).toBe('payments-api: role/batch denied 10 times in 5 min (Service policy), new');
    expect(c?.finding.principal).toBe(ROLE);
    expect(c?.confirmed).toBe(true); // new: the ratio is extreme
    const url = new URL(c!.finding.logsHref!, 'http://x');
    expect(url.searchParams.getAll('user')).toEqual(['arn:aws:sts::333333333333:assumed-role/batch/s1']);
    expect(url.searchParams.getAll('authDenied')).toEqual(['Service']);
    expect(url.searchParams.getAll('service')).toEqual([DEMO.paymentsApi]);
  });

  it('a steady 3,000 an hour stays silent; a 5× surge fires', () => {
    expect(detectAuthDenials({ folded: withKey(flat(50), 3000), places: p })).toEqual([]);
    const [c] = detectAuthDenials({ folded: withKey(step(50, 250, 5), 3000), places: p });
    expect(c?.finding.title).toBe(
      'payments-api: role/batch denied 1250 times in 5 min (Service policy) vs 50/min baseline',
    );
  });

  it('a new key needs more denials when many keys are tested (α / m)', () => {
    // 6 new denials: significant alone, not among 200 keys.
    expect(detectAuthDenials({ folded: withKey(step(0, 2, 3), 0), places: p })).toHaveLength(1);
    expect(detectAuthDenials({ folded: withKey(step(0, 2, 3), 0, 199), places: p })).toEqual([]);
  });

  it('4 denials are never enough (minimum count)', () => {
    expect(detectAuthDenials({ folded: withKey(step(0, 1, 4), 0), places: p })).toEqual([]);
  });
});
