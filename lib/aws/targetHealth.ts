/**
 * A fresh read of one target group's targets and their health (ListTargets, every page), in the group's
 * owner account: the triage engine reads the groups it looks at on every refresh instead of the
 * inventory's cached health.
 */
import 'server-only';
import { ListTargetsCommand, type TargetSummary } from '@aws-sdk/client-vpc-lattice';
import { parseLatticeArn } from '../domain/arn';
import { TrellisError } from '../domain/errors';
import { TARGET_STATUSES, type Target, type TargetStatus } from '../domain/snapshot';
import type { AwsClientFactory } from './clientFactory';

function toTarget(t: TargetSummary): Target {
  const status = (TARGET_STATUSES as readonly string[]).includes(t.status ?? '')
    ? (t.status as TargetStatus)
    : 'UNAVAILABLE';
  return {
    id: t.id ?? '',
    status,
    ...(t.port !== undefined ? { port: t.port } : {}),
    ...(t.reasonCode ? { reasonCode: t.reasonCode } : {}),
  };
}

/** The targets of a group, read now. Throws TrellisError (mapped by the factory). */
export async function readTargetHealth(
  factory: AwsClientFactory,
  targetGroupArn: string,
  user?: string,
): Promise<Target[]> {
  const p = parseLatticeArn(targetGroupArn);
  if (p?.kind !== 'targetgroup') throw new TrellisError('VALIDATION', `Not a target group ARN: ${targetGroupArn}`);
  const scope = { accountId: p.accountId, region: p.region, ...(user ? { user } : {}) };
  const out: Target[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < 100; page++) {
    const r = await factory.call({ ...scope, operation: 'ListTargets', resource: targetGroupArn }, (abortSignal) =>
      factory.lattice(scope).send(
        new ListTargetsCommand({
          targetGroupIdentifier: targetGroupArn,
          maxResults: 100,
          ...(nextToken ? { nextToken } : {}),
        }),
        { abortSignal },
      ),
    );
    out.push(...(r.items ?? []).map(toTarget));
    nextToken = r.nextToken;
    if (!nextToken) break;
  }
  return out;
}
