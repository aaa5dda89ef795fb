/**
 * The health-check settings of a target group and the lint's notes on them, read on demand for the
 * target-group panel (server-only), in the owner account (the account in the ARN).
 */
import 'server-only';
import { awsClients, type AwsClientFactory } from '../aws/clientFactory';
import { parseLatticeArn } from '../domain/arn';
import { TrellisError } from '../domain/errors';
import { lintHealthCheck, type HealthCheckNote, type HealthCheckView } from './healthCheckLint';

/** What the panel shows. */
export interface HealthCheckReport {
  settings: HealthCheckView;
  notes: HealthCheckNote[];
}

/** Reads and lints the health check of a target group ARN. */
export async function readHealthCheck(
  arn: string,
  o: { user?: string } = {},
  factory: AwsClientFactory = awsClients(),
): Promise<HealthCheckReport> {
  const parsed = parseLatticeArn(arn);
  if (parsed?.kind !== 'targetgroup')
    throw new TrellisError('VALIDATION', `Health checks belong to target groups; '${arn}' is not one.`);
  const scope = { accountId: parsed.accountId, region: parsed.region, ...(o.user ? { user: o.user } : {}) };
  const settings = await factory.gateways.lattice(scope).getHealthCheck(arn);
  return { settings, notes: lintHealthCheck(settings) };
}
