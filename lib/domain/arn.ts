/**
 * VPC Lattice ARNs. ARNs are the graph's node ids: the same resource seen from two accounts (a
 * network shared through AWS RAM) is one node, and its owner is the account in its ARN. Pure.
 */

/** Resource kinds that appear in Lattice ARNs. */
export type LatticeKind =
  | 'servicenetwork'
  | 'service'
  | 'listener'
  | 'rule'
  | 'targetgroup'
  | 'servicenetworkserviceassociation'
  | 'servicenetworkvpcassociation'
  | 'accesslogsubscription'
  | 'resourcegateway'
  | 'resourceconfiguration'
  | 'servicenetworkresourceassociation'
  | 'resourceendpointassociation'
  | 'domainverification';

/** The parts of a Lattice ARN. */
export interface LatticeArn {
  partition: string;
  region: string;
  accountId: string;
  kind: LatticeKind;
  /** The resource's own id (`svc-…`, `rule-…`, …). */
  id: string;
  /** For listeners and rules: the service id; for rules also the listener id. */
  serviceId?: string;
  listenerId?: string;
}

const ID = '[a-z]+-[0-9a-z]{17}';
const KINDS = [
  'servicenetwork',
  'service',
  'targetgroup',
  'servicenetworkserviceassociation',
  'servicenetworkvpcassociation',
  'accesslogsubscription',
  'resourcegateway',
  'resourceconfiguration',
  'servicenetworkresourceassociation',
  'resourceendpointassociation',
  'domainverification',
].join('|');
const SIMPLE = new RegExp(`^arn:(aws[a-z-]*):vpc-lattice:([a-z0-9-]+):(\\d{12}):(${KINDS})/(${ID})$`);
const LISTENER = new RegExp(`^arn:(aws[a-z-]*):vpc-lattice:([a-z0-9-]+):(\\d{12}):service/(${ID})/listener/(${ID})$`);
const RULE = new RegExp(
  `^arn:(aws[a-z-]*):vpc-lattice:([a-z0-9-]+):(\\d{12}):service/(${ID})/listener/(${ID})/rule/(${ID})$`,
);

/** Parses a Lattice ARN; undefined when `arn` is not one. */
export function parseLatticeArn(arn: string): LatticeArn | undefined {
  let m = RULE.exec(arn);
  if (m)
    return {
      partition: m[1]!,
      region: m[2]!,
      accountId: m[3]!,
      kind: 'rule',
      id: m[6]!,
      serviceId: m[4]!,
      listenerId: m[5]!,
    };
  m = LISTENER.exec(arn);
  if (m) return { partition: m[1]!, region: m[2]!, accountId: m[3]!, kind: 'listener', id: m[5]!, serviceId: m[4]! };
  m = SIMPLE.exec(arn);
  if (m) return { partition: m[1]!, region: m[2]!, accountId: m[3]!, kind: m[4] as LatticeKind, id: m[5]! };
  return undefined;
}

/** The owner account of a Lattice ARN (undefined when it is not one). */
export function ownerOf(arn: string): string | undefined {
  return parseLatticeArn(arn)?.accountId;
}

/** The ARN of a target group of `accountId` in `region` from its id (`tg-…`). */
export function targetGroupArn(partition: string, region: string, accountId: string, targetGroupId: string): string {
  return `arn:${partition}:vpc-lattice:${region}:${accountId}:targetgroup/${targetGroupId}`;
}

/** A short display id of an ARN: the last path segment (`svc-…`), or the ARN itself. */
export function shortId(arn: string): string {
  return parseLatticeArn(arn)?.id ?? arn;
}
