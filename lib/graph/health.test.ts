import { describe, expect, it } from 'vitest';
import { healthSummary, type TargetStatus } from '../domain/snapshot';
import { targetGroupHealth, worstHealth } from './health';

const sum = (...statuses: TargetStatus[]) => healthSummary(statuses.map((status, i) => ({ id: `t${i}`, status })));

describe('targetGroupHealth', () => {
  it.each([
    [['HEALTHY', 'HEALTHY'], 'ok'],
    [['HEALTHY', 'UNHEALTHY'], 'error'],
    [['UNHEALTHY'], 'error'],
    [['HEALTHY', 'DRAINING'], 'warn'],
    [['HEALTHY', 'INITIAL'], 'warn'],
    [['INITIAL', 'DRAINING'], 'error'],
    [['UNAVAILABLE'], 'unknown'],
    [['UNUSED', 'UNUSED'], 'unknown'],
  ] as Array<[TargetStatus[], string]>)('%j is %s', (statuses, expected) => {
    expect(targetGroupHealth(sum(...statuses), true).health).toBe(expected);
  });

  it('says why it is not green', () => {
    expect(targetGroupHealth(sum('UNHEALTHY', 'UNHEALTHY'), true).reason).toBe('no healthy target');
    expect(targetGroupHealth(sum('HEALTHY', 'DRAINING', 'INITIAL'), true).reason).toBe('1 draining, 1 initial');
  });

  it('an empty group is red only when traffic is routed to it', () => {
    expect(targetGroupHealth(sum(), true)).toEqual({ health: 'error', reason: 'no targets registered' });
    expect(targetGroupHealth(sum(), false).health).toBe('unknown');
  });
});

describe('worstHealth', () => {
  it('orders error > warn > ok > unknown', () => {
    expect(worstHealth(['ok', 'warn', 'unknown'])).toBe('warn');
    expect(worstHealth(['ok', 'error', 'warn'])).toBe('error');
    expect(worstHealth([])).toBe('unknown');
  });
});
