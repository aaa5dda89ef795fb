/**
 * Who and where a routing operation acts: the service's owner account (only the owner may read and
 * change listeners and rules), the signed-in user (SourceIdentity of assumed roles, name in the
 * audit log) and the client factory, whose Lattice gateway of the owner account makes every call.
 */
import 'server-only';
import { awsClients, type AwsClientFactory } from '../aws/clientFactory';
import type { LatticeGateway } from '../aws/latticeGateway';
import { parseLatticeArn } from '../domain/arn';
import { TrellisError } from '../domain/errors';
import type { User } from '../domain/user';

/** What every routing operation needs. */
export interface RoutingContext {
  factory: AwsClientFactory;
  user: Pick<User, 'id' | 'name'>;
  /** Milliseconds since the epoch (injectable for tests and the canary runner). */
  now: () => number;
}

/** A context for a request's user with the process-wide factory. */
export function routingContext(
  user: Pick<User, 'id' | 'name'>,
  factory: AwsClientFactory = awsClients(),
): RoutingContext {
  return { factory, user, now: Date.now };
}

/**
 * The owner account and region of a Lattice ARN (service, listener, rule, target group…). Throws VALIDATION
 * for anything else.
 */
export function ownerScope(arn: string): { accountId: string; region: string } {
  const p = parseLatticeArn(arn);
  if (!p) throw new TrellisError('VALIDATION', `Not a VPC Lattice ARN: ${arn}`);
  return { accountId: p.accountId, region: p.region };
}

/** The Lattice gateway of the owner account of `arn`, for the context's user. */
export function latticeOf(ctx: RoutingContext, arn: string): LatticeGateway {
  return ctx.factory.gateways.lattice({ ...ownerScope(arn), user: ctx.user.id });
}
