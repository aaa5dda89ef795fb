import { describe, expect, it } from 'vitest';
import { toHealthCheckView } from './healthCheckMappers';

const ARN = 'arn:aws:vpc-lattice:us-east-1:222222222222:targetgroup/tg-0123456789abcdefg';

describe('health-check mapper', () => {
  it('reads the settings of an HTTP group', () => {
    const v = toHealthCheckView({
      arn: ARN,
      type: 'IP',
      config: {
        protocol: 'HTTP',
        protocolVersion: 'HTTP1',
        healthCheck: {
          enabled: true,
          path: '/',
          healthCheckIntervalSeconds: 30,
          healthCheckTimeoutSeconds: 5,
          healthyThresholdCount: 5,
          unhealthyThresholdCount: 2,
          matcher: { httpCode: '200' },
        },
      },
    });
    expect(v).toEqual({
      arn: ARN,
      type: 'IP',
      protocol: 'HTTP',
      protocolVersion: 'HTTP1',
      healthCheck: {
        enabled: true,
        path: '/',
        intervalSeconds: 30,
        timeoutSeconds: 5,
        healthyThreshold: 5,
        unhealthyThreshold: 2,
        matcher: '200',
      },
    });
  });

  it('reads a LAMBDA group as having no settings, and nothing without an ARN', () => {
    expect(toHealthCheckView({ arn: ARN, type: 'LAMBDA', config: {} })).toEqual({ arn: ARN, type: 'LAMBDA' });
    expect(toHealthCheckView({ type: 'IP' })).toBeUndefined();
  });
});
