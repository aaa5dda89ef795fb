/**
 * Who reads what, so that a resource seen from several accounts (shared through AWS RAM) is read
 * once, preferably by its owner. Pure.
 *
 * - A network or service is read in full by its owner's segment when that segment is in the crawl
 *   and reachable (Get, associations of a network, listeners/rules, access-log subscriptions).
 * - When the owner's segment is not in this crawl but is served from the cache (reachable), nobody
 *   reads it again.
 * - Otherwise (owner not configured, or unreachable) the first reachable viewer by account id Gets
 *   it, once. The associations of such a network are listed by every viewer: a consumer only sees
 *   its own associations, so each contributes its part (merging dedupes by ARN).
 */
import { parseLatticeArn } from '../domain/arn';
import { segmentKey } from './types';

/** What a segment listed in phase one. */
export interface PlanInput {
  accountId: string;
  region: string;
  reachable: boolean;
  networkArns: string[];
  serviceArns: string[];
}

/** What a segment reads in phase two. */
export interface ReadPlan {
  /** Networks it owns: Get, associations, access-log subscriptions. */
  ownNetworks: string[];
  /** Services it owns: Get, listeners and rules, access-log subscriptions. */
  ownServices: string[];
  /** Networks of others it Gets (as their only available reader). */
  foreignNetworkGets: string[];
  /** Networks of others whose associations it lists (its own part of them). */
  foreignNetworkAssociations: string[];
  /** Services of others it Gets. */
  foreignServiceGets: string[];
}

/** Whether an owner's (account, region) is served from outside this crawl. */
export type OwnerServed = (accountId: string, region: string) => boolean;

function emptyPlan(): ReadPlan {
  return {
    ownNetworks: [],
    ownServices: [],
    foreignNetworkGets: [],
    foreignNetworkAssociations: [],
    foreignServiceGets: [],
  };
}

function ownerOf(arn: string): { accountId: string; region: string } | undefined {
  const p = parseLatticeArn(arn);
  return p ? { accountId: p.accountId, region: p.region } : undefined;
}

/** Plans phase two for every segment of a crawl (keyed by `segmentKey`). */
export function planReads(segments: readonly PlanInput[], ownerServed: OwnerServed): Map<string, ReadPlan> {
  const plans = new Map<string, ReadPlan>();
  const inCrawl = new Map<string, PlanInput>();
  for (const s of segments) {
    plans.set(segmentKey(s.accountId, s.region), emptyPlan());
    inCrawl.set(segmentKey(s.accountId, s.region), s);
  }
  const ordered = [...segments]
    .filter((s) => s.reachable)
    .sort((a, b) => a.accountId.localeCompare(b.accountId) || a.region.localeCompare(b.region));
  const gotten = new Set<string>();

  /** 'own' for the owner's segment, 'skip' when the owner provides it, else 'foreign'. */
  const role = (arn: string, s: PlanInput): 'own' | 'skip' | 'foreign' => {
    const owner = ownerOf(arn);
    if (!owner) return 'foreign';
    if (owner.accountId === s.accountId) return 'own';
    const ownerSeg = inCrawl.get(segmentKey(owner.accountId, owner.region));
    if (ownerSeg) return ownerSeg.reachable ? 'skip' : 'foreign';
    return ownerServed(owner.accountId, owner.region) ? 'skip' : 'foreign';
  };

  for (const s of ordered) {
    const plan = plans.get(segmentKey(s.accountId, s.region)) ?? emptyPlan();
    for (const arn of s.networkArns) {
      const r = role(arn, s);
      if (r === 'own') plan.ownNetworks.push(arn);
      if (r !== 'foreign') continue;
      plan.foreignNetworkAssociations.push(arn);
      if (!gotten.has(arn)) {
        gotten.add(arn);
        plan.foreignNetworkGets.push(arn);
      }
    }
    for (const arn of s.serviceArns) {
      const r = role(arn, s);
      if (r === 'own') plan.ownServices.push(arn);
      if (r === 'foreign' && !gotten.has(arn)) {
        gotten.add(arn);
        plan.foreignServiceGets.push(arn);
      }
    }
  }
  return plans;
}
