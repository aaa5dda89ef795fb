/**
 * Owners in the crawl (lib/domain/owner): ListTagsForResource is one call per resource, so it is
 * spent where it tells something.
 * - Every service and target group its owner account reads: one call each, started with phase two.
 * - Listeners and rules of an EKS-managed service: no call — they inherit the controller (it owns
 *   the whole route; see `childOwner`).
 * - Listeners and rules of a service a CloudFormation stack created: one call each, after phase two
 *   (a stack's listeners and rules carry its tags when the stack created them). A default rule is
 *   not read: it is the listener's default action, and the listener's owner stands for it.
 * - Listeners and rules of other services: not read here (that would double the crawl's calls for
 *   what is rarely there); they show no owner on the graph. The routing editor reads the tags of the
 *   service, listener and rule fresh before every write (lib/routing/ownership), so no write relies
 *   on this.
 * A tag read that fails is a problem of the segment and leaves that resource without an owner.
 * In an incremental refresh (`prior`), resources read before keep their owner without a call, except
 * services whose `lastUpdatedAt` moved; the periodic full crawl reads every tag again.
 */
import 'server-only';
import type { LatticeGateway } from '../aws/latticeGateway';
import { childOwner, ownerFromTags, type Owner } from '../domain/owner';
import type { Rule } from '../domain/snapshot';
import type { PriorIndex } from './prior';
import type { SegmentRun } from './segmentRun';

/** Owners by ARN (resources whose tags name none are absent). */
export type OwnerMap = Map<string, Owner>;

async function tagOwner(lattice: LatticeGateway, run: SegmentRun, arn: string, into: OwnerMap): Promise<void> {
  try {
    const owner = ownerFromTags(await lattice.listTags(arn));
    if (owner) into.set(arn, owner);
  } catch (e) {
    run.fail('ListTagsForResource', e, arn);
  }
}

/** Reads the owners of the segment's own services and target groups (never rejects). */
export async function readOwnerTags(
  lattice: LatticeGateway,
  run: SegmentRun,
  ownServices: readonly string[],
  prior?: PriorIndex,
): Promise<OwnerMap> {
  const owners: OwnerMap = new Map();
  const groups = run.targetGroups.filter((tg) => tg.accountId === run.accountId).map((tg) => tg.arn);
  const known = (arn: string) => {
    if (!prior?.tagged.has(arn)) return false;
    const before = prior.services.get(arn);
    return !before || before.lastUpdatedAt === run.services.get(arn)?.lastUpdatedAt;
  };
  const reads: Array<Promise<void>> = [];
  for (const arn of [...ownServices, ...groups]) {
    const kept = known(arn) ? prior?.owners.get(arn) : undefined;
    if (kept) owners.set(arn, kept);
    else if (!known(arn)) reads.push(tagOwner(lattice, run, arn, owners));
  }
  await Promise.all(reads);
  return owners;
}

/** Reads what listeners and rules need (see the module comment) and sets `owner` on the segment's resources. */
export async function applyOwners(
  lattice: LatticeGateway,
  run: SegmentRun,
  owners: OwnerMap,
  prior?: PriorIndex,
): Promise<void> {
  const byStack = (serviceArn: string) => owners.get(serviceArn)?.kind === 'cloudformation';
  // A default rule is the listener's default action: the listener's owner stands for it.
  const children = [...run.listeners, ...run.rules.filter((r) => !r.isDefault)].filter((r) => byStack(r.serviceArn));
  const reads: Array<Promise<void>> = [];
  for (const c of children) {
    const kept = prior?.tagged.has(c.arn) ? prior.owners.get(c.arn) : undefined;
    if (kept) owners.set(c.arn, kept);
    else if (!prior?.tagged.has(c.arn)) reads.push(tagOwner(lattice, run, c.arn, owners));
  }
  await Promise.all(reads);
  for (const s of run.services.values()) {
    const o = owners.get(s.arn);
    if (o) s.owner = o;
  }
  for (const tg of run.targetGroups) {
    const o = owners.get(tg.arn);
    if (o) tg.owner = o;
  }
  for (const l of run.listeners) {
    const o = childOwner(owners.get(l.arn), owners.get(l.serviceArn));
    if (o) l.owner = o;
  }
  const listenerOwner = new Map(run.listeners.map((l) => [l.arn, l.owner]));
  for (const r of run.rules) {
    const o = ruleOwner(r, owners, (arn) => listenerOwner.get(arn));
    if (o) r.owner = o;
  }
}

/** A rule's owner: its own tags', a default rule its listener's, else an EKS service's (`childOwner`). */
function ruleOwner(
  r: Pick<Rule, 'arn' | 'isDefault' | 'listenerArn' | 'serviceArn'>,
  owners: ReadonlyMap<string, Owner>,
  listenerOwner: (listenerArn: string) => Owner | undefined,
): Owner | undefined {
  return childOwner(
    owners.get(r.arn) ?? (r.isDefault ? listenerOwner(r.listenerArn) : undefined),
    owners.get(r.serviceArn),
  );
}

/**
 * Owners for rules read again outside a crawl (the patch after Trellis's own write): a rule keeps the
 * owner its tags gave it before, a default rule takes its listener's, and an EKS service's rules inherit
 * the controller. No tag read; a rule new since the last crawl under a stack's service gets its owner at
 * the next full crawl.
 */
export function carryRuleOwners(
  rules: readonly Rule[],
  prior: PriorIndex,
  listenerOwner: (listenerArn: string) => Owner | undefined,
): Rule[] {
  return rules.map((r) => {
    if (r.owner) return r;
    const owner = ruleOwner(r, prior.owners, listenerOwner);
    return owner ? { ...r, owner } : r;
  });
}
