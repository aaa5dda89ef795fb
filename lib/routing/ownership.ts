/**
 * Ownership before a write, read FRESH from the tags (never from the cached snapshot): the
 * service's, the listener's and each rule's, one ListTagsForResource each, in parallel. Who owns
 * what a change writes (lib/domain/owner):
 * - a rule: its own tags, else the EKS controller when it manages the service (it owns the whole route);
 * - a listener's default action: the listener's own tags, else the EKS controller of the service;
 * - a new rule on a listener: the EKS controller of the service (it deletes rules its route lacks); a
 *   stack's listener does not own rules added beside it.
 * `checkOwnership` refuses an owned write with OWNED unless the caller passes an override; the
 * override goes into the audit event. A tag read that fails fails the write (closed), with its error.
 */
import 'server-only';
import { TrellisError } from '../domain/errors';
import { childOwner, ownerFromTags, type Owner } from '../domain/owner';
import type { AuditOverride, OverrideBasis } from '../audit/event';
import type { RoutingChange } from './change';
import { latticeOf, type RoutingContext } from './context';
import type { CanaryTarget } from './canary/plan';
import { ownedRefusal, type OwnedSubject, type OwnershipCheck, type SubjectKind } from './ownerWarning';

/** Something a write touches. */
export interface WriteSubject {
  kind: SubjectKind;
  serviceArn: string;
  listenerArn: string;
  /** For `rule`. */
  ruleArn?: string;
}

/** What a change writes. */
export function changeSubjects(c: RoutingChange): WriteSubject[] {
  const at = { serviceArn: c.serviceArn, listenerArn: c.listenerArn };
  switch (c.kind) {
    case 'updateRule':
    case 'deleteRule':
      return [{ kind: 'rule', ...at, ruleArn: c.ruleArn }];
    case 'batchUpdate':
      return c.updates.map((u) => ({ kind: 'rule', ...at, ruleArn: u.ruleArn }));
    case 'updateDefault':
      return [{ kind: 'defaultAction', ...at }];
    case 'createRule':
      return [{ kind: 'newRule', ...at }];
  }
}

/** What a canary plan on `t` writes (its rule, or the listener's default action). */
export function canarySubjects(t: CanaryTarget): WriteSubject[] {
  const at = { serviceArn: t.serviceArn, listenerArn: t.listenerArn };
  return [t.ruleArn ? { kind: 'rule', ...at, ruleArn: t.ruleArn } : { kind: 'defaultAction', ...at }];
}

/** The owner of one resource, from its tags read now (ListTagsForResource in its owner account). */
export async function readOwner(ctx: RoutingContext, arn: string): Promise<Owner | undefined> {
  return ownerFromTags(await latticeOf(ctx, arn).listTags(arn));
}

/** Reads the tags of every ARN once, in parallel; the owners by ARN. */
async function ownersOf(ctx: RoutingContext, arns: readonly string[]): Promise<Map<string, Owner | undefined>> {
  const unique = [...new Set(arns)];
  const owners = await Promise.all(unique.map((arn) => readOwner(ctx, arn)));
  return new Map(unique.map((arn, i) => [arn, owners[i]]));
}

/** The owners of what `subjects` write, read now (see the module comment). */
export async function readOwnership(ctx: RoutingContext, subjects: readonly WriteSubject[]): Promise<OwnershipCheck> {
  const arns = subjects.flatMap((s) => [
    s.serviceArn,
    ...(s.kind === 'defaultAction' ? [s.listenerArn] : []),
    ...(s.kind === 'rule' && s.ruleArn ? [s.ruleArn] : []),
  ]);
  const owners = await ownersOf(ctx, arns);
  const out: OwnedSubject[] = [];
  for (const s of subjects) {
    const service = owners.get(s.serviceArn);
    const ownArn = s.kind === 'rule' ? s.ruleArn : s.kind === 'defaultAction' ? s.listenerArn : undefined;
    const own = ownArn ? owners.get(ownArn) : undefined;
    const owner = childOwner(own, service);
    if (!owner) continue;
    const resourceArn = s.kind === 'rule' && s.ruleArn ? s.ruleArn : s.listenerArn;
    out.push({ kind: s.kind, resourceArn, owner, inherited: own === undefined });
  }
  return { subjects: out, readAt: ctx.now() };
}

/**
 * Refuses with OWNED when anything `subjects` write has an owner and no override was given; with an override,
 * returns what the audit event records. Undefined when nothing is owned.
 */
export async function checkOwnership(
  ctx: RoutingContext,
  subjects: readonly WriteSubject[],
  override: OverrideBasis | undefined,
): Promise<AuditOverride | undefined> {
  const { subjects: owned } = await readOwnership(ctx, subjects);
  const [first, ...others] = owned;
  if (!first) return undefined;
  if (!override) throw new TrellisError('OWNED', ownedRefusal(owned), { resource: first.resourceArn });
  return {
    basis: override,
    owner: first.owner,
    resourceArn: first.resourceArn,
    ...(others.length > 0 ? { others: others.map((o) => ({ owner: o.owner, resourceArn: o.resourceArn })) } : {}),
  };
}
