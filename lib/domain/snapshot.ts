/**
 * The inventory of VPC Lattice across accounts, as one plain, serialisable `Snapshot`
 * (ARCHITECTURE §3). Built by lib/inventory from the Lattice API; read by the topology graph, the
 * logs explorer (which log groups exist) and the routing editor. Every resource is keyed by its ARN;
 * the owner account is the account in the ARN. Pure.
 */
import type { ErrorInfo } from './errors';
import type { Owner } from './owner';
import type { RuleAction, RuleMatch } from './routing';
import { emptyVpcResources, type VpcResources } from './vpcResources';

/** `NONE` or `AWS_IAM`. */
export type AuthType = 'NONE' | 'AWS_IAM';

/** Target group types. */
export type TargetGroupType = 'IP' | 'INSTANCE' | 'LAMBDA' | 'ALB';

/** Target health statuses of the API. */
export const TARGET_STATUSES = ['HEALTHY', 'UNHEALTHY', 'INITIAL', 'DRAINING', 'UNAVAILABLE', 'UNUSED'] as const;
/** One of `TARGET_STATUSES`. */
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/** An account as the inventory saw it. */
export interface AccountStatus {
  accountId: string;
  name: string;
  /** Regions crawled for this account. */
  regions: string[];
  /** False when the account could not be read at all (e.g. AssumeRole denied); see `error`. */
  reachable: boolean;
  error?: ErrorInfo;
  /** When this account's data was read (ms since the epoch). */
  fetchedAt: number;
}

/** Something that could not be read; the rest of the snapshot is still valid. */
export interface Problem {
  accountId: string;
  region?: string;
  /** ARN of the resource concerned, when the problem is about one resource. */
  resourceArn?: string;
  /** The AWS operation that failed, e.g. `ListTargets`. */
  operation: string;
  error: ErrorInfo;
}

/** Fields every Lattice resource of the snapshot has. */
export interface ResourceBase {
  arn: string;
  id: string;
  /** Owner account (the account in the ARN). */
  accountId: string;
  region: string;
}

/** A service network. */
export interface ServiceNetwork extends ResourceBase {
  name: string;
  authType?: AuthType;
  /** Configured accounts that can see it (owner and RAM consumers). */
  visibleTo: string[];
  /** ISO time of the last change, as listed (the inventory's refresh reads only what changed). */
  lastUpdatedAt?: string;
}

/** A service. */
export interface Service extends ResourceBase {
  name: string;
  authType?: AuthType;
  status?: string;
  dnsName?: string;
  customDomainName?: string;
  /** The HTTPS certificate (GetService only). */
  certificateArn?: string;
  visibleTo: string[];
  /** Who manages it, when its tags tell (see lib/domain/owner; lib/inventory/readOwners says what is read). */
  owner?: Owner;
  /** ISO time of the last change, as listed (the inventory's refresh reads only what changed). */
  lastUpdatedAt?: string;
}

/** A service network–service association. */
export interface ServiceAssociation extends ResourceBase {
  serviceNetworkArn: string;
  serviceArn: string;
  status?: string;
  /** Account that created the association. */
  createdBy?: string;
}

/** A service network–VPC association. */
export interface VpcAssociation extends ResourceBase {
  serviceNetworkArn: string;
  vpcId: string;
  status?: string;
  createdBy?: string;
}

/** A listener of a service. */
export interface Listener extends ResourceBase {
  serviceArn: string;
  name: string;
  protocol: string;
  port?: number;
  /** The action of the listener's default rule. */
  defaultAction?: RuleAction;
  /** Who manages it, when its tags tell (see lib/domain/owner; lib/inventory/readOwners says what is read). */
  owner?: Owner;
}

/** A listener rule (the default rule has `isDefault` and no priority or match). */
export interface Rule extends ResourceBase {
  serviceArn: string;
  listenerArn: string;
  name: string;
  isDefault: boolean;
  priority?: number;
  match?: RuleMatch;
  action?: RuleAction;
  /** ISO time of the last change, when the API gave it (used to detect concurrent edits). */
  lastUpdatedAt?: string;
  /** Who manages it, when its tags tell (see lib/domain/owner; lib/inventory/readOwners says what is read). */
  owner?: Owner;
}

/** A target group. */
export interface TargetGroup extends ResourceBase {
  name: string;
  type: TargetGroupType;
  port?: number;
  protocol?: string;
  vpcId?: string;
  status?: string;
  /** Services whose listeners or rules forward to it. */
  serviceArns: string[];
  /** Who manages it, when its tags tell (see lib/domain/owner; lib/inventory/readOwners says what is read). */
  owner?: Owner;
}

/** A registered target and its health. */
export interface Target {
  id: string;
  port?: number;
  status: TargetStatus;
  reasonCode?: string;
}

/** An access-log subscription of a network or service. */
export interface AccessLogSubscription extends ResourceBase {
  /** The network or service it logs. */
  resourceArn: string;
  /** Where the logs go, e.g. `arn:aws:logs:us-east-1:111111111111:log-group:/aws/vpc-lattice/prod-mesh`. */
  destinationArn: string;
  /** A network's subscription: SERVICE (VpcLatticeAccessLogs) or RESOURCE (VpcLatticeResourceAccessLogs). */
  logType?: 'SERVICE' | 'RESOURCE';
}

/**
 * The whole inventory. Arrays are sorted by ARN so that snapshots compare and render stably. The VPC
 * resources (gateways, configurations, …) are in `VpcResources` (lib/domain/vpcResources.ts).
 */
export interface Snapshot extends VpcResources {
  /** When the oldest account data in it was read (ms since the epoch). */
  fetchedAt: number;
  accounts: AccountStatus[];
  serviceNetworks: ServiceNetwork[];
  services: Service[];
  serviceAssociations: ServiceAssociation[];
  vpcAssociations: VpcAssociation[];
  listeners: Listener[];
  rules: Rule[];
  targetGroups: TargetGroup[];
  /** Targets by target group ARN. */
  targets: Record<string, Target[]>;
  accessLogSubscriptions: AccessLogSubscription[];
  problems: Problem[];
}

/** An empty snapshot (no accounts read yet). */
export function emptySnapshot(fetchedAt = 0): Snapshot {
  return {
    fetchedAt,
    accounts: [],
    serviceNetworks: [],
    services: [],
    serviceAssociations: [],
    vpcAssociations: [],
    listeners: [],
    rules: [],
    targetGroups: [],
    targets: {},
    accessLogSubscriptions: [],
    ...emptyVpcResources(),
    problems: [],
  };
}

/** Counts of targets by status. */
export type HealthSummary = Record<TargetStatus, number>;

/** Counts a target group's targets by status. */
export function healthSummary(targets: readonly Target[]): HealthSummary {
  const out = Object.fromEntries(TARGET_STATUSES.map((s) => [s, 0])) as HealthSummary;
  for (const t of targets) out[t.status] += 1;
  return out;
}
