/** GetTargetGroup → the health-check settings of the target-group panel. SDK types stop here. */
import 'server-only';
import type { GetTargetGroupResponse } from '@aws-sdk/client-vpc-lattice';
import type { HealthCheckView } from '../domain/healthCheck';

/** The health-check part of a target group (undefined without an ARN). */
export function toHealthCheckView(t: GetTargetGroupResponse): HealthCheckView | undefined {
  if (!t.arn) return undefined;
  const c = t.config ?? {};
  const h = c.healthCheck;
  const matcher = h?.matcher?.httpCode;
  return {
    arn: t.arn,
    type: t.type ?? 'IP',
    ...(c.protocol ? { protocol: c.protocol } : {}),
    ...(c.protocolVersion ? { protocolVersion: c.protocolVersion } : {}),
    ...(h
      ? {
          healthCheck: {
            ...(h.enabled !== undefined ? { enabled: h.enabled } : {}),
            ...(h.protocol ? { protocol: h.protocol } : {}),
            ...(h.path ? { path: h.path } : {}),
            ...(h.port !== undefined ? { port: h.port } : {}),
            ...(h.healthCheckIntervalSeconds !== undefined ? { intervalSeconds: h.healthCheckIntervalSeconds } : {}),
            ...(h.healthCheckTimeoutSeconds !== undefined ? { timeoutSeconds: h.healthCheckTimeoutSeconds } : {}),
            ...(h.healthyThresholdCount !== undefined ? { healthyThreshold: h.healthyThresholdCount } : {}),
            ...(h.unhealthyThresholdCount !== undefined ? { unhealthyThreshold: h.unhealthyThresholdCount } : {}),
            ...(matcher ? { matcher } : {}),
          },
        }
      : {}),
  };
}
