/**
 * Target group configuration rules of the API documentation that the model cannot express: what each
 * type supports (LAMBDA has no port/protocol/VPC; ALB has no health check; ipAddressType is IP-only),
 * the defaults AWS fills in, and the documented health-check ranges.
 */
import { fieldError } from '../errors';
import type { HealthCheckConfig, TargetGroupConfig, TargetGroupType } from '../types';

const HEALTH_RANGES: Array<[keyof HealthCheckConfig, number, number]> = [
  ['healthCheckIntervalSeconds', 5, 300],
  ['healthCheckTimeoutSeconds', 1, 120],
  ['healthyThresholdCount', 2, 10],
  ['unhealthyThresholdCount', 2, 10],
];

/** Merges a health-check change into a base config and checks the documented ranges. */
export function mergeHealthCheck(base: HealthCheckConfig, change: HealthCheckConfig, field: string): HealthCheckConfig {
  const merged: HealthCheckConfig = { ...base, ...(JSON.parse(JSON.stringify(change)) as HealthCheckConfig) };
  for (const [key, min, max] of HEALTH_RANGES) {
    const v = change[key];
    if (typeof v !== 'number') continue;
    if (v < min) throw fieldError(`${field}.${key}`, v, `Member must have value greater than or equal to ${min}`);
    if (v > max) throw fieldError(`${field}.${key}`, v, `Member must have value less than or equal to ${max}`);
  }
  if (change.protocol === 'TCP') throw fieldError(`${field}.protocol`, 'TCP', 'Health checks use HTTP or HTTPS');
  return merged;
}

function defaultHealthCheck(protocol: string): HealthCheckConfig {
  return {
    enabled: true,
    protocol: protocol === 'HTTPS' ? 'HTTPS' : 'HTTP',
    protocolVersion: 'HTTP1',
    path: '/',
    healthCheckIntervalSeconds: 30,
    healthCheckTimeoutSeconds: 5,
    healthyThresholdCount: 5,
    unhealthyThresholdCount: 2,
    matcher: { httpCode: '200' },
  };
}

/** The full configuration of a new target group, or a ValidationException naming the bad member. */
export function buildConfig(type: TargetGroupType, given: TargetGroupConfig | undefined): TargetGroupConfig {
  const c = given ?? {};
  if (type === 'LAMBDA') {
    for (const k of ['port', 'protocol', 'protocolVersion', 'ipAddressType', 'vpcIdentifier', 'healthCheck'] as const) {
      if (c[k] !== undefined) throw fieldError(`config.${k}`, c[k], 'Not supported for target groups of type LAMBDA');
    }
    return { lambdaEventStructureVersion: c.lambdaEventStructureVersion ?? 'V1' };
  }
  if (c.lambdaEventStructureVersion !== undefined)
    throw fieldError(
      'config.lambdaEventStructureVersion',
      c.lambdaEventStructureVersion,
      'Supported only for target groups of type LAMBDA',
    );
  if (!given)
    throw fieldError(
      'config',
      null,
      `A target group of type ${type} needs a config with protocol, port and vpcIdentifier`,
    );
  if (!c.protocol) throw fieldError('config.protocol', null, 'Member must not be null');
  if (!c.vpcIdentifier) throw fieldError('config.vpcIdentifier', null, 'Member must not be null');
  if (type === 'ALB' && c.protocol === 'TCP')
    throw fieldError('config.protocol', c.protocol, 'ALB target groups use HTTP or HTTPS');
  if (type === 'ALB' && c.healthCheck)
    throw fieldError(
      'config.healthCheck',
      'healthCheck',
      'Health checks are not supported for target groups of type ALB',
    );
  if (type !== 'IP' && c.ipAddressType !== undefined)
    throw fieldError('config.ipAddressType', c.ipAddressType, 'Supported only for target groups of type IP');
  if (c.protocol === 'TCP' && c.port === undefined)
    throw fieldError('config.port', null, 'A TCP target group needs a port');
  const port = c.port ?? (c.protocol === 'HTTPS' ? 443 : 80);
  const config: TargetGroupConfig = {
    port,
    protocol: c.protocol,
    ...(c.protocol !== 'TCP' ? { protocolVersion: c.protocolVersion ?? 'HTTP1' } : {}),
    vpcIdentifier: c.vpcIdentifier,
    ...(type === 'IP' ? { ipAddressType: c.ipAddressType ?? 'IPV4' } : {}),
  };
  if ((type === 'IP' || type === 'INSTANCE') && c.protocol === 'TCP')
    config.healthCheck = tcpHealthCheck(c.healthCheck);
  else if (type === 'IP' || type === 'INSTANCE')
    config.healthCheck = mergeHealthCheck(defaultHealthCheck(c.protocol), c.healthCheck ?? {}, 'config.healthCheck');
  return config;
}

/**
 * TCP target groups (behind TLS passthrough listeners): "By default, health checks are disabled for TCP
 * target groups. If you enable health checks for a TCP target group, you must specify a protocol and
 * protocol version" (VPC Lattice user guide, TLS listeners).
 */
export function tcpHealthCheck(given: HealthCheckConfig | undefined, field = 'config.healthCheck'): HealthCheckConfig {
  if (given?.enabled !== true) return { enabled: false };
  if (!given.protocol)
    throw fieldError(`${field}.protocol`, null, 'Health checks of a TCP target group need a protocol');
  if (!given.protocolVersion)
    throw fieldError(`${field}.protocolVersion`, null, 'Health checks of a TCP target group need a protocolVersion');
  const { protocol, ...rest } = defaultHealthCheck(given.protocol);
  return mergeHealthCheck({ ...rest, protocol }, given, field);
}
