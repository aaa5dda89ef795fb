/**
 * Target status as VPC Lattice reports it, derived from stored facts and the emulator clock:
 * - deregistered: DRAINING for the drain time, then gone;
 * - forced (scenario or incident): the forced status and reason;
 * - target group used by no service: UNUSED;
 * - health checks disabled or not supported (LAMBDA, ALB): UNAVAILABLE;
 * - registered less than healthyThresholdCount × healthCheckIntervalSeconds ago: INITIAL;
 * - otherwise HEALTHY.
 */
import type { HealthCheckConfig, TargetGroupRecord, TargetRecord, TargetStatus } from './types';

/** A target's reported status. */
export interface TargetHealth {
  status: TargetStatus;
  reasonCode?: string;
}

/** Health-check defaults of the API (interval 30 s, 5 healthy checks). */
export const DEFAULT_HEALTH_CHECK: Required<
  Pick<HealthCheckConfig, 'healthCheckIntervalSeconds' | 'healthyThresholdCount'>
> = {
  healthCheckIntervalSeconds: 30,
  healthyThresholdCount: 5,
};

/** How long a target registers as INITIAL before it turns HEALTHY (ms); 0 when health checks do not run. */
export function initialWindowMs(tg: Pick<TargetGroupRecord, 'type' | 'config'>): number {
  const hc = tg.config.healthCheck;
  if (!healthChecksRun(tg) || !hc) return 0;
  const interval = hc.healthCheckIntervalSeconds ?? DEFAULT_HEALTH_CHECK.healthCheckIntervalSeconds;
  const count = hc.healthyThresholdCount ?? DEFAULT_HEALTH_CHECK.healthyThresholdCount;
  return interval * count * 1000;
}

/** Whether Lattice health-checks the targets of this group. */
export function healthChecksRun(tg: Pick<TargetGroupRecord, 'type' | 'config'>): boolean {
  if (tg.type === 'LAMBDA' || tg.type === 'ALB') return false;
  return tg.config.healthCheck?.enabled !== false;
}

/** Whether a deregistered target has finished draining and should disappear. */
export function isGone(t: TargetRecord, now: number, drainMs: number): boolean {
  return t.deregisteredAt !== undefined && now >= t.deregisteredAt + drainMs;
}

/** The status of a target that is not gone. */
export function targetHealth(
  t: TargetRecord,
  tg: Pick<TargetGroupRecord, 'type' | 'config'>,
  inUse: boolean,
  now: number,
): TargetHealth {
  if (t.deregisteredAt !== undefined) return { status: 'DRAINING', reasonCode: 'Target.DeregistrationInProgress' };
  if (t.forcedStatus)
    return { status: t.forcedStatus, ...(t.forcedReasonCode ? { reasonCode: t.forcedReasonCode } : {}) };
  if (!inUse) return { status: 'UNUSED', reasonCode: 'Target.NotInUse' };
  if (!healthChecksRun(tg)) return { status: 'UNAVAILABLE', reasonCode: 'Target.HealthCheckDisabled' };
  if (now < t.registeredAt + initialWindowMs(tg))
    return { status: 'INITIAL', reasonCode: 'Elb.RegistrationInProgress' };
  return { status: 'HEALTHY' };
}
