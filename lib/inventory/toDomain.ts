/**
 * VPC Lattice SDK shapes → snapshot types, for the crawler. Every converter takes the region it was
 * read in and returns undefined for an item without an ARN or id (the API always sends both; a
 * malformed item is skipped rather than crashing the crawl). Owner = the account in the ARN.
 */
import 'server-only';
import type {
  AccessLogSubscriptionSummary,
  GetRuleResponse,
  GetServiceNetworkResponse,
  GetServiceResponse,
  ListenerSummary,
  ServiceNetworkServiceAssociationSummary,
  ServiceNetworkSummary,
  ServiceNetworkVpcAssociationSummary,
  ServiceSummary,
  TargetGroupSummary,
  TargetSummary,
} from '@aws-sdk/client-vpc-lattice';
import { arnContextOf, toRuleAction, toRuleMatch } from '../aws/latticeMappers';
import { ownerOf } from '../domain/arn';
import {
  TARGET_STATUSES,
  type AccessLogSubscription,
  type AuthType,
  type Listener,
  type ResourceBase,
  type Rule,
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

function base(arn: string | undefined, id: string | undefined, region: string): ResourceBase | undefined {
  if (!arn || !id) return undefined;
  // ARNs of another partition or shape still belong to someone: fall back to the id-less owner ''.
  return { arn, id, accountId: ownerOf(arn) ?? '', region };
}

function authType(v: string | undefined): AuthType | undefined {
  return v === 'NONE' || v === 'AWS_IAM' ? v : undefined;
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
  return { ...b, name: s.name ?? b.id, ...(auth ? { authType: auth } : {}), visibleTo: [viewer] };
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
    visibleTo: [viewer],
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

/** A listener of `serviceArn` (ListListeners does not repeat the service). */
export function toListener(l: ListenerSummary, serviceArn: string, region: string): Listener | undefined {
  const b = base(l.arn, l.id, region);
  if (!b) return undefined;
  return {
    ...b,
    serviceArn,
    name: l.name ?? b.id,
    protocol: l.protocol ?? 'HTTP',
    ...(l.port !== undefined ? { port: l.port } : {}),
  };
}

/** A rule from GetRule (match and action included). */
export function toRule(r: GetRuleResponse, serviceArn: string, listenerArn: string, region: string): Rule | undefined {
  const b = base(r.arn, r.id, region);
  if (!b) return undefined;
  const isDefault = r.isDefault ?? false;
  const match = toRuleMatch(r.match);
  const action = toRuleAction(r.action, arnContextOf(listenerArn));
  return {
    ...b,
    serviceArn,
    listenerArn,
    name: r.name ?? b.id,
    isDefault,
    ...(!isDefault && r.priority !== undefined ? { priority: r.priority } : {}),
    ...(match ? { match } : {}),
    ...(action ? { action } : {}),
    ...(r.lastUpdatedAt ? { lastUpdatedAt: r.lastUpdatedAt.toISOString() } : {}),
  };
}

/** A target group from ListTargetGroups (which carries everything the snapshot needs). */
export function toTargetGroup(t: TargetGroupSummary, region: string): TargetGroup | undefined {
  const b = base(t.arn, t.id, region);
  if (!b) return undefined;
  const type = (TG_TYPES.includes(t.type ?? '') ? t.type : 'IP') as TargetGroupType;
  return {
    ...b,
    name: t.name ?? b.id,
    type,
    ...(t.port !== undefined ? { port: t.port } : {}),
    ...(t.protocol ? { protocol: t.protocol } : {}),
    ...(t.vpcIdentifier ? { vpcId: t.vpcIdentifier } : {}),
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
  return { ...b, resourceArn: s.resourceArn, destinationArn: s.destinationArn };
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
