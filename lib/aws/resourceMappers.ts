/**
 * VPC Lattice SDK shapes → domain (snapshot) types: networks, services, associations, target groups,
 * targets, access-log subscriptions, auth policies. SDK types stop here. Every converter takes the
 * region it was read in and returns undefined for an item without an ARN or id (the API always sends
 * both; a malformed item is skipped rather than crashing a read). Owner = the account in the ARN.
 */
import 'server-only';
import type {
  AccessLogSubscriptionSummary,
  GetAuthPolicyResponse,
  GetServiceNetworkResponse,
  GetServiceResponse,
  GetTargetGroupResponse,
  ServiceNetworkServiceAssociationSummary,
  ServiceNetworkSummary,
  ServiceNetworkVpcAssociationSummary,
  ServiceSummary,
  TargetGroupSummary,
  TargetSummary,
} from '@aws-sdk/client-vpc-lattice';
import { ownerOf } from '../domain/arn';
import {
  TARGET_STATUSES,
  type AccessLogSubscription,
  type AuthType,
  type ResourceBase,
  type Service,
  type ServiceAssociation,
  type ServiceNetwork,
  type Target,
  type TargetGroup,
  type TargetGroupType,
  type TargetStatus,
  type VpcAssociation,
} from '../domain/snapshot';

const TG_TYPES: readonly string[] = ['IP', 'INSTANCE', 'LAMBDA', 'ALB'];

/** The fields every resource has; undefined without an ARN or id. */
export function base(arn: string | undefined, id: string | undefined, region: string): ResourceBase | undefined {
  if (!arn || !id) return undefined;
  // ARNs of another partition or shape still belong to someone: fall back to the id-less owner ''.
  return { arn, id, accountId: ownerOf(arn) ?? '', region };
}

function authType(v: string | undefined): AuthType | undefined {
  return v === 'NONE' || v === 'AWS_IAM' ? v : undefined;
}

/** A network as ListServiceNetworks lists it, with the association counts that let a reader skip empty lists. */
export interface NetworkSummary {
  network: ServiceNetwork;
  services?: number;
  vpcs?: number;
}

/** An auth policy as GetAuthPolicy returns it (no `policy` when the resource has none). */
export interface AuthPolicy {
  policy?: string;
  /** `Active` when the resource's auth type is AWS_IAM, else `Inactive`. */
  state?: string;
  lastUpdatedAt?: string;
}

/** A network from ListServiceNetworks (no authType) or GetServiceNetwork, seen by `viewer`. */
export function toServiceNetwork(
  s: ServiceNetworkSummary | GetServiceNetworkResponse,
  region: string,
  viewer: string,
): ServiceNetwork | undefined {
  const b = base(s.arn, s.id, region);
  if (!b) return undefined;
  const auth = 'authType' in s ? authType(s.authType) : undefined;
  return {
    ...b,
    name: s.name ?? b.id,
    ...(auth ? { authType: auth } : {}),
    visibleTo: [viewer],
    ...(s.lastUpdatedAt ? { lastUpdatedAt: s.lastUpdatedAt.toISOString() } : {}),
  };
}

/** A listed network with its counts. */
export function toNetworkSummary(n: ServiceNetworkSummary, region: string, viewer: string): NetworkSummary | undefined {
  const network = toServiceNetwork(n, region, viewer);
  if (!network) return undefined;
  return {
    network,
    ...(n.numberOfAssociatedServices !== undefined ? { services: n.numberOfAssociatedServices } : {}),
    ...(n.numberOfAssociatedVPCs !== undefined ? { vpcs: n.numberOfAssociatedVPCs } : {}),
  };
}

/** A service from ListServices (no authType) or GetService, seen by `viewer`. */
export function toService(s: ServiceSummary | GetServiceResponse, region: string, viewer: string): Service | undefined {
  const b = base(s.arn, s.id, region);
  if (!b) return undefined;
  const auth = 'authType' in s ? authType(s.authType) : undefined;
  return {
    ...b,
    name: s.name ?? b.id,
    ...(auth ? { authType: auth } : {}),
    ...(s.status ? { status: s.status } : {}),
    ...(s.dnsEntry?.domainName ? { dnsName: s.dnsEntry.domainName } : {}),
    ...(s.customDomainName ? { customDomainName: s.customDomainName } : {}),
    ...('certificateArn' in s && s.certificateArn ? { certificateArn: s.certificateArn } : {}),
    visibleTo: [viewer],
    ...(s.lastUpdatedAt ? { lastUpdatedAt: s.lastUpdatedAt.toISOString() } : {}),
  };
}

/** A network–service association. */
export function toServiceAssociation(
  a: ServiceNetworkServiceAssociationSummary,
  region: string,
): ServiceAssociation | undefined {
  const b = base(a.arn, a.id, region);
  if (!b || !a.serviceNetworkArn || !a.serviceArn) return undefined;
  return {
    ...b,
    serviceNetworkArn: a.serviceNetworkArn,
    serviceArn: a.serviceArn,
    ...(a.status ? { status: a.status } : {}),
    ...(a.createdBy ? { createdBy: a.createdBy } : {}),
  };
}

/** A network–VPC association. */
export function toVpcAssociation(a: ServiceNetworkVpcAssociationSummary, region: string): VpcAssociation | undefined {
  const b = base(a.arn, a.id, region);
  if (!b || !a.serviceNetworkArn || !a.vpcId) return undefined;
  return {
    ...b,
    serviceNetworkArn: a.serviceNetworkArn,
    vpcId: a.vpcId,
    ...(a.status ? { status: a.status } : {}),
    ...(a.createdBy ? { createdBy: a.createdBy } : {}),
  };
}

function isGetTargetGroup(t: TargetGroupSummary | GetTargetGroupResponse): t is GetTargetGroupResponse {
  return 'config' in t;
}

/** A target group from ListTargetGroups (which carries everything the snapshot needs) or GetTargetGroup. */
export function toTargetGroup(t: TargetGroupSummary | GetTargetGroupResponse, region: string): TargetGroup | undefined {
  const b = base(t.arn, t.id, region);
  if (!b) return undefined;
  const type = (TG_TYPES.includes(t.type ?? '') ? t.type : 'IP') as TargetGroupType;
  const c = isGetTargetGroup(t) ? (t.config ?? {}) : t;
  return {
    ...b,
    name: t.name ?? b.id,
    type,
    ...(c.port !== undefined ? { port: c.port } : {}),
    ...(c.protocol ? { protocol: c.protocol } : {}),
    ...(c.vpcIdentifier ? { vpcId: c.vpcIdentifier } : {}),
    ...(t.status ? { status: t.status } : {}),
    serviceArns: [...(t.serviceArns ?? [])].sort(),
  };
}

/** A target with its health; an unknown status reads as UNAVAILABLE. */
export function toTarget(t: TargetSummary): Target | undefined {
  if (!t.id) return undefined;
  const status: TargetStatus = (TARGET_STATUSES as readonly string[]).includes(t.status ?? '')
    ? (t.status as TargetStatus)
    : 'UNAVAILABLE';
  return {
    id: t.id,
    ...(t.port !== undefined ? { port: t.port } : {}),
    status,
    ...(t.reasonCode ? { reasonCode: t.reasonCode } : {}),
  };
}

/** An access-log subscription. */
export function toAccessLogSubscription(
  s: AccessLogSubscriptionSummary,
  region: string,
): AccessLogSubscription | undefined {
  const b = base(s.arn, s.id, region);
  if (!b || !s.resourceArn || !s.destinationArn) return undefined;
  const logType = s.serviceNetworkLogType;
  return {
    ...b,
    resourceArn: s.resourceArn,
    destinationArn: s.destinationArn,
    ...(logType === 'SERVICE' || logType === 'RESOURCE' ? { logType } : {}),
  };
}

/** The auth policy of a resource. */
export function toAuthPolicy(out: GetAuthPolicyResponse): AuthPolicy {
  return {
    ...(out.policy ? { policy: out.policy } : {}),
    ...(out.state ? { state: out.state } : {}),
    ...(out.lastUpdatedAt ? { lastUpdatedAt: out.lastUpdatedAt.toISOString() } : {}),
  };
}

/** Maps and drops the undefined results. */
export function mapDefined<T, U>(items: readonly T[] | undefined, fn: (item: T) => U | undefined): U[] {
  const out: U[] = [];
  for (const item of items ?? []) {
    const u = fn(item);
    if (u !== undefined) out.push(u);
  }
  return out;
}
