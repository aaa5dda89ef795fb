/**
 * The auth policy of a service or service network, read on demand for the topology's side panel
 * (server-only). Read in the owner account (the account in the ARN): only the owner can read it.
 */
import 'server-only';
import { awsClients, type AwsClientFactory } from '../aws/clientFactory';
import { parseLatticeArn } from '../domain/arn';
import { TrellisError } from '../domain/errors';

/** What the side panel shows. */
export interface AuthPolicyView {
  arn: string;
  /** The policy document, pretty-printed; undefined when the resource has none. */
  policy?: string;
  /** `Active` when the resource's auth type is AWS_IAM, else `Inactive`. */
  state?: string;
  lastUpdatedAt?: string;
}

function pretty(policy: string): string {
  try {
    return JSON.stringify(JSON.parse(policy), null, 2);
  } catch {
    return policy;
  }
}

/** Reads the auth policy of a service or network ARN. */
export async function readAuthPolicy(
  arn: string,
  o: { user?: string } = {},
  factory: AwsClientFactory = awsClients(),
): Promise<AuthPolicyView> {
  const parsed = parseLatticeArn(arn);
  if (!parsed || (parsed.kind !== 'service' && parsed.kind !== 'servicenetwork'))
    throw new TrellisError('VALIDATION', `Auth policies belong to services and service networks; '${arn}' is neither.`);
  const scope = { accountId: parsed.accountId, region: parsed.region, ...(o.user ? { user: o.user } : {}) };
  // A resource without a policy answers 200 with no `policy`.
  const out = await factory.gateways.lattice(scope).getAuthPolicy(arn);
  return {
    arn,
    ...(out.policy ? { policy: pretty(out.policy) } : {}),
    ...(out.state ? { state: out.state } : {}),
    ...(out.lastUpdatedAt ? { lastUpdatedAt: out.lastUpdatedAt } : {}),
  };
}
