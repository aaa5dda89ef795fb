/**
 * A fresh read of one target group's targets and their health (ListTargets, every page, through the
 * Lattice gateway: its paginator, mapper and call gate), in the group's owner account: the triage engine
 * reads the groups it looks at on every refresh instead of the inventory's cached health.
 */
import 'server-only';
import { parseLatticeArn } from '../domain/arn';
import { TrellisError } from '../domain/errors';
import type { Target } from '../domain/snapshot';
import type { AwsClientFactory } from './clientFactory';

/** The targets of a group, read now. Throws the TrellisError of the failed page. */
export async function readTargetHealth(
  factory: AwsClientFactory,
  targetGroupArn: string,
  user?: string,
): Promise<Target[]> {
  const p = parseLatticeArn(targetGroupArn);
  if (p?.kind !== 'targetgroup') throw new TrellisError('VALIDATION', `Not a target group ARN: ${targetGroupArn}`);
  const scope = { accountId: p.accountId, region: p.region, ...(user ? { user } : {}) };
  const r = await factory.gateways.lattice(scope).listTargets(targetGroupArn);
  if (r.error !== undefined) throw r.error;
  return r.items;
}
