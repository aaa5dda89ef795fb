import { describe, expect, it } from 'vitest';
import { initialWindowMs, isGone, targetHealth } from './targetHealth';
import type { TargetGroupRecord } from './types';

const ipGroup: Pick<TargetGroupRecord, 'type' | 'config'> = {
  type: 'IP',
  config: {
    port: 80,
    protocol: 'HTTP',
    healthCheck: { enabled: true, healthCheckIntervalSeconds: 10, healthyThresholdCount: 3 },
  },
};

describe('targetHealth', () => {
  it('is INITIAL for healthyThresholdCount × interval after registration, then HEALTHY', () => {
    expect(initialWindowMs(ipGroup)).toBe(30_000);
    const t = { id: '10.0.0.1', port: 80, registeredAt: 1_000 };
    expect(targetHealth(t, ipGroup, true, 1_000).status).toBe('INITIAL');
    expect(targetHealth(t, ipGroup, true, 30_999).status).toBe('INITIAL');
    expect(targetHealth(t, ipGroup, true, 31_000)).toEqual({ status: 'HEALTHY' });
  });

  it('is UNUSED when no service uses the group, UNAVAILABLE without health checks (disabled, LAMBDA, ALB)', () => {
    const t = { id: '10.0.0.1', port: 80, registeredAt: 0 };
    expect(targetHealth(t, ipGroup, false, 99_999).status).toBe('UNUSED');
    const disabled = { type: 'IP' as const, config: { healthCheck: { enabled: false } } };
    expect(targetHealth(t, disabled, true, 99_999)).toEqual({
      status: 'UNAVAILABLE',
      reasonCode: 'Target.HealthCheckDisabled',
    });
    expect(targetHealth({ id: 'arn:fn', registeredAt: 0 }, { type: 'LAMBDA', config: {} }, true, 1).status).toBe(
      'UNAVAILABLE',
    );
    expect(targetHealth(t, { type: 'ALB', config: { port: 80 } }, true, 1).status).toBe('UNAVAILABLE');
  });

  it('reports DRAINING after deregistration until the drain time passes, and forced statuses win otherwise', () => {
    const t = { id: '10.0.0.1', port: 80, registeredAt: 0, deregisteredAt: 100_000 };
    expect(targetHealth(t, ipGroup, true, 100_001).status).toBe('DRAINING');
    expect(isGone(t, 159_999, 60_000)).toBe(false);
    expect(isGone(t, 160_000, 60_000)).toBe(true);
    const forced = {
      id: '10.0.0.2',
      port: 80,
      registeredAt: 0,
      forcedStatus: 'UNHEALTHY' as const,
      forcedReasonCode: 'HealthCheckFailed',
    };
    expect(targetHealth(forced, ipGroup, false, 1)).toEqual({ status: 'UNHEALTHY', reasonCode: 'HealthCheckFailed' });
  });
});
