/**
 * Which services the light read need not ask for their own access-log subscriptions (one call per service,
 * most of the light read's calls at fleet scale). A network's SERVICE access logs hold every request its
 * VPCs' clients make to its services, and triage counts a service without a subscription of its own over
 * its networks' groups (lib/triage/fold `rowFilter`): a service is covered when every network it is
 * associated with has such a subscription, read without error. Only when every network any segment sees
 * had its service associations read completely — else a service may sit in a network nobody read, and
 * nothing is covered (every service is asked, as the crawl does). A network owned by an account the console
 * is not configured for, that its service's account cannot see, stays unknown: the inventory's report
 * (which reads every service's subscriptions) follows the light one within a refresh. Pure.
 */
import type { AccessLogSubscription, Problem, ServiceAssociation } from '../domain/snapshot';

/** What the coverage needs of one segment after its networks were read. */
export interface NetworkReads {
  accountId: string;
  /** Networks the segment's account sees (own and shared), by ARN. */
  networks: Iterable<string>;
  /** The own networks whose associations and subscriptions were asked for. */
  read: ReadonlySet<string>;
  serviceAssociations: readonly ServiceAssociation[];
  accessLogSubscriptions: readonly AccessLogSubscription[];
  problems: readonly Problem[];
}

const ASSOCIATIONS = 'ListServiceNetworkServiceAssociations';
const SUBSCRIPTIONS = 'ListAccessLogSubscriptions';

/** Services whose traffic every one of their networks logs (see the module comment). */
export function coveredServices(segments: readonly NetworkReads[]): Set<string> {
  const read = new Set<string>();
  const failed = new Set<string>();
  const logged = new Set<string>();
  const networksOf = new Map<string, Set<string>>();
  for (const s of segments) {
    for (const arn of s.read) read.add(arn);
    for (const p of s.problems)
      if ((p.operation === ASSOCIATIONS || p.operation === SUBSCRIPTIONS) && p.resourceArn) failed.add(p.resourceArn);
    for (const sub of s.accessLogSubscriptions)
      if (sub.logType !== 'RESOURCE' && sub.resourceArn.includes(':servicenetwork/')) logged.add(sub.resourceArn);
    for (const a of s.serviceAssociations)
      networksOf.set(a.serviceArn, (networksOf.get(a.serviceArn) ?? new Set()).add(a.serviceNetworkArn));
  }
  const seen = segments.flatMap((s) => [...s.networks]);
  if (seen.some((arn) => !read.has(arn) || failed.has(arn))) return new Set();
  const covered = new Set<string>();
  for (const [service, networks] of networksOf)
    if ([...networks].every((n) => logged.has(n) && !failed.has(n))) covered.add(service);
  return covered;
}
