/**
 * Which log groups the explorer queries: the CloudWatch Logs destinations of the inventory's
 * access-log subscriptions (network- and service-level), chosen from the selected service, target
 * group or network, or picked by hand. Queries run per account and region (Logs Insights takes log
 * group names of one account). Pure: a function of a `Snapshot`.
 */
import type { DimValues } from './filters';
import { parseLogGroupArn } from './logGroup';
import type { AccessLogSubscription, Snapshot } from '../domain/snapshot';

/** A log group that receives access logs. */
export interface LogSource {
  /** `arn:aws:logs:<region>:<account>:log-group:<name>` (no `:*`). */
  arn: string;
  accountId: string;
  region: string;
  name: string;
  /** The networks and services whose subscriptions write to it. */
  logs: Array<{ arn: string; kind: 'network' | 'service'; name: string }>;
}

/** The sources of a view and why they were chosen. */
export interface SourceSelection {
  sources: LogSource[];
  /** False when the user picked the groups. */
  automatic: boolean;
  /** One sentence: why these groups. */
  reason: string;
  /** Picked or selected ARNs the inventory does not know (ignored). */
  unknown: string[];
}

/** Log groups of one account and region: one Logs Insights query. */
export interface QueryScopeGroups {
  accountId: string;
  region: string;
  logGroupNames: string[];
  /** Their ARNs, in the same order. */
  arns: string[];
}

/** Logs Insights accepts at most this many log groups per query. */
export const MAX_GROUPS_PER_QUERY = 50;

/**
 * True for a subscription that writes service access logs (VpcLatticeAccessLogs): not a network's RESOURCE
 * subscription, nor one of a resource configuration (VpcLatticeResourceAccessLogs have other fields).
 */
export function isServiceAccessLog(sub: Pick<AccessLogSubscription, 'resourceArn' | 'logType'>): boolean {
  return sub.logType !== 'RESOURCE' && !sub.resourceArn.includes(':resourceconfiguration/');
}

/** Every log group of the inventory's service access-log subscriptions, by ARN. */
export function logSources(s: Snapshot): LogSource[] {
  const names = nameIndex(s);
  const byArn = new Map<string, LogSource>();
  for (const sub of s.accessLogSubscriptions) {
    if (!isServiceAccessLog(sub)) continue;
    const ref = parseLogGroupArn(sub.destinationArn);
    if (!ref) continue; // S3 or Firehose destinations cannot be queried with Logs Insights
    let src = byArn.get(ref.arn);
    if (!src) {
      src = { arn: ref.arn, accountId: ref.accountId, region: ref.region, name: ref.name, logs: [] };
      byArn.set(ref.arn, src);
    }
    const kind = sub.resourceArn.includes(':servicenetwork/') ? 'network' : 'service';
    if (!src.logs.some((l) => l.arn === sub.resourceArn))
      src.logs.push({ arn: sub.resourceArn, kind, name: names[sub.resourceArn] ?? sub.resourceArn });
  }
  return [...byArn.values()].sort((a, b) => a.arn.localeCompare(b.arn));
}

/** Display names of networks, services and target groups by ARN. */
export function nameIndex(s: Snapshot): Record<string, string> {
  const out: Record<string, string> = {};
  for (const x of [...s.serviceNetworks, ...s.services, ...s.targetGroups]) out[x.arn] = x.name;
  return out;
}

function groupsOf(all: LogSource[], resourceArn: string): LogSource[] {
  return all.filter((g) => g.logs.some((l) => l.arn === resourceArn));
}

/** A service's own groups, else those of the networks it is associated with. */
function serviceGroups(s: Snapshot, all: LogSource[], serviceArn: string): LogSource[] {
  const own = groupsOf(all, serviceArn);
  if (own.length > 0) return own;
  const nets = s.serviceAssociations.filter((a) => a.serviceArn === serviceArn).map((a) => a.serviceNetworkArn);
  return nets.flatMap((n) => groupsOf(all, n));
}

/** A network's own groups, else those of its services. */
function networkGroups(s: Snapshot, all: LogSource[], networkArn: string): LogSource[] {
  const own = groupsOf(all, networkArn);
  if (own.length > 0) return own;
  return s.serviceAssociations
    .filter((a) => a.serviceNetworkArn === networkArn)
    .flatMap((a) => groupsOf(all, a.serviceArn));
}

function unique(list: LogSource[]): LogSource[] {
  const seen = new Set<string>();
  return list.filter((g) => !seen.has(g.arn) && seen.add(g.arn)).sort((a, b) => a.arn.localeCompare(b.arn));
}

const listNames = (arns: string[], names: Record<string, string>) => arns.map((a) => names[a] ?? a).join(', ');

/**
 * The log groups for a view. Picked groups win; otherwise the most specific selection decides:
 * services (their own subscription, else their networks'), then target groups (their services'),
 * then networks (their own, else their services'); with no selection, every group.
 */
export function selectSources(s: Snapshot, f: { include: DimValues; sources: readonly string[] }): SourceSelection {
  const all = logSources(s);
  const names = nameIndex(s);
  if (f.sources.length > 0) {
    const picked = all.filter((g) => f.sources.includes(g.arn));
    const unknown = f.sources.filter((a) => !all.some((g) => g.arn === a));
    if (picked.length > 0)
      return {
        sources: picked,
        automatic: false,
        reason: `${picked.length} log group${picked.length > 1 ? 's' : ''} chosen by hand.`,
        unknown,
      };
    const auto = selectSources(s, { include: f.include, sources: [] });
    return { ...auto, unknown: [...unknown, ...auto.unknown] };
  }
  const known = (arns: string[] | undefined, list: Array<{ arn: string }>) =>
    (arns ?? []).filter((a) => list.some((x) => x.arn === a));
  const unknownOf = (arns: string[] | undefined, list: Array<{ arn: string }>) =>
    (arns ?? []).filter((a) => a !== '-' && !list.some((x) => x.arn === a));
  const unknown = [
    ...unknownOf(f.include.service, s.services),
    ...unknownOf(f.include.targetGroup, s.targetGroups),
    ...unknownOf(f.include.network, s.serviceNetworks),
  ];

  const services = known(f.include.service, s.services);
  if (services.length > 0) {
    const sources = unique(services.flatMap((a) => serviceGroups(s, all, a)));
    const own = services.every((a) => groupsOf(all, a).length > 0);
    const reason =
      sources.length === 0
        ? `No access-log subscription covers ${listNames(services, names)} or its networks.`
        : own
          ? `Access logs of ${listNames(services, names)}.`
          : `Access logs of the networks of ${listNames(services, names)}.`;
    return { sources, automatic: true, reason, unknown };
  }
  const tgs = known(f.include.targetGroup, s.targetGroups);
  if (tgs.length > 0) {
    const svcs = [...new Set(s.targetGroups.filter((t) => tgs.includes(t.arn)).flatMap((t) => t.serviceArns))];
    const sources = unique(svcs.flatMap((a) => serviceGroups(s, all, a)));
    const reason =
      sources.length === 0
        ? `No access-log subscription covers the services of ${listNames(tgs, names)}.`
        : `Access logs of the services of ${listNames(tgs, names)}.`;
    return { sources, automatic: true, reason, unknown };
  }
  const nets = known(f.include.network, s.serviceNetworks);
  if (nets.length > 0) {
    const sources = unique(nets.flatMap((a) => networkGroups(s, all, a)));
    const reason =
      sources.length === 0
        ? `No access-log subscription covers ${listNames(nets, names)} or its services.`
        : `Access logs of ${listNames(nets, names)}.`;
    return { sources, automatic: true, reason, unknown };
  }
  return {
    sources: all,
    automatic: true,
    reason:
      all.length === 0
        ? 'The inventory has no access-log subscription to CloudWatch Logs.'
        : `Every access-log group of the inventory (${all.length}).`,
    unknown,
  };
}

/** Groups sources by account and region (one query each; split past MAX_GROUPS_PER_QUERY). */
export function scopesOf(sources: readonly LogSource[]): QueryScopeGroups[] {
  const by = new Map<string, QueryScopeGroups[]>();
  for (const g of sources) {
    const key = `${g.accountId}|${g.region}`;
    const list = by.get(key) ?? [];
    let last = list[list.length - 1];
    if (!last || last.logGroupNames.length >= MAX_GROUPS_PER_QUERY) {
      last = { accountId: g.accountId, region: g.region, logGroupNames: [], arns: [] };
      list.push(last);
    }
    last.logGroupNames.push(g.name);
    last.arns.push(g.arn);
    by.set(key, list);
  }
  return [...by.values()].flat();
}
