/**
 * What the previous read of a segment holds, indexed for an incremental refresh: by ARN, listeners
 * by service, rules by listener, access-log subscriptions by resource. Pure.
 */
import type { Owner } from '../domain/owner';
import type { AccessLogSubscription, Listener, Rule, Service, ServiceNetwork, Target } from '../domain/snapshot';
import type { ResourceConfiguration, ResourceEndpointAssociation } from '../domain/vpcResources';
import type { SegmentData } from './types';

/** The previous segment, indexed. */
export interface PriorIndex {
  networks: Map<string, ServiceNetwork>;
  services: Map<string, Service>;
  listenersByService: Map<string, Listener[]>;
  rulesByListener: Map<string, Rule[]>;
  rules: Map<string, Rule>;
  accessLogsByResource: Map<string, AccessLogSubscription[]>;
  targets: Record<string, Target[]>;
  /** Resource configurations as last read in full (GetResourceConfiguration). */
  configurations: Map<string, ResourceConfiguration>;
  endpointsByConfiguration: Map<string, ResourceEndpointAssociation[]>;
  /** Owners of services, target groups, listeners and rules, by ARN. */
  owners: Map<string, Owner>;
  /** ARNs of the services, target groups, listeners and rules read before (their tags were read then). */
  tagged: Set<string>;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const g = out.get(k);
    if (g) g.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Indexes a segment read before. */
export function indexPrior(s: SegmentData): PriorIndex {
  const r = s.resources;
  const tagged: ReadonlyArray<{ arn: string; owner?: Owner }> = [
    ...r.services,
    ...r.targetGroups,
    ...r.listeners,
    ...r.rules,
  ];
  return {
    networks: new Map(r.serviceNetworks.map((n) => [n.arn, n])),
    services: new Map(r.services.map((x) => [x.arn, x])),
    listenersByService: groupBy(r.listeners, (l) => l.serviceArn),
    rulesByListener: groupBy(r.rules, (x) => x.listenerArn),
    rules: new Map(r.rules.map((x) => [x.arn, x])),
    accessLogsByResource: groupBy(r.accessLogSubscriptions, (a) => a.resourceArn),
    targets: r.targets,
    configurations: new Map(r.resourceConfigurations.map((c) => [c.arn, c])),
    endpointsByConfiguration: groupBy(r.resourceEndpointAssociations, (e) => e.resourceConfigurationArn),
    owners: new Map(tagged.flatMap((x) => (x.owner ? [[x.arn, x.owner] as const] : []))),
    tagged: new Set(tagged.map((x) => x.arn)),
  };
}

/**
 * Whether a listed resource is unchanged since the prior read: both carry the same `lastUpdatedAt`.
 * Without a time on either side it counts as changed (read again).
 */
export function unchanged(listed: { lastUpdatedAt?: string }, prior: { lastUpdatedAt?: string } | undefined): boolean {
  return listed.lastUpdatedAt !== undefined && prior?.lastUpdatedAt === listed.lastUpdatedAt;
}

/** A stable number of a string (FNV-1a), to spread resources over the refreshes of a rotation. */
export function slotOf(key: string, slots: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % Math.max(1, slots);
}
