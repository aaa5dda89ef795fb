/**
 * Who and where a routing operation acts: the service's owner account (only the owner may read and
 * change listeners and rules), the signed-in user (SourceIdentity of assumed roles, name in the
 * audit log) and the client factory. One small helper runs a Lattice command through
 * `factory.call`, so every call is limited, timed and mapped to a TrellisError.
 */
import 'server-only';
import type { VPCLatticeClient } from '@aws-sdk/client-vpc-lattice';
import { awsClients, type AwsClientFactory } from '../aws/clientFactory';
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

/** A Lattice command's `send` as the client factory needs it. */
type Send<T> = (client: VPCLatticeClient, abortSignal: AbortSignal) => Promise<T>;

/** Runs one Lattice call in the owner account of `arn` for the context's user. */
export function latticeCall<T>(
  ctx: RoutingContext,
  arn: string,
  operation: string,
  send: Send<T>,
  resource: string = arn,
): Promise<T> {
  const { accountId, region } = ownerScope(arn);
  const scope = { accountId, region, user: ctx.user.id };
  // The client is looked up inside the call so that a retry after a rejected session gets a new one.
  return ctx.factory.call({ ...scope, operation, resource }, (abortSignal) =>
    send(ctx.factory.lattice(scope), abortSignal),
  );
}

/** Follows `nextToken` to the end (Lattice pages at most 100 items). */
export async function allPages<T>(
  page: (nextToken: string | undefined) => Promise<{ items?: T[]; nextToken?: string }>,
): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const r = await page(token);
    out.push(...(r.items ?? []));
    token = r.nextToken;
    if (!token) return out;
  }
  throw new TrellisError('AWS_INTERNAL', 'A Lattice list did not end after 1000 pages.');
}
