/**
 * What the routing editor says before a write to a resource another system manages, and what the
 * server answers when the write comes without an override. The owners themselves are read fresh on
 * the server (lib/routing/ownership); this module only words them. Pure and client-safe.
 */
import { k8sName, ownerDescription, type Owner } from '../domain/owner';

/** What a change writes, as far as ownership is concerned. */
export type SubjectKind = 'rule' | 'defaultAction' | 'newRule';

/** One thing a change writes that has an owner. */
export interface OwnedSubject {
  kind: SubjectKind;
  /** The rule (rule), the listener (default action, new rule). */
  resourceArn: string;
  owner: Owner;
  /** True when the owner comes from the service (the EKS controller owns the whole route), not the resource's tags. */
  inherited: boolean;
}

/** The owners of what a change writes, read at `readAt` (ms since the epoch). Empty: nobody manages it. */
export interface OwnershipCheck {
  subjects: OwnedSubject[];
  readAt: number;
}

const WHAT: Record<SubjectKind, string> = {
  rule: 'rule',
  defaultAction: "listener's default action",
  newRule: 'listener',
};

function eksWarning(owner: Extract<Owner, { kind: 'eks' }>, kind: SubjectKind): string {
  const who = `the EKS Gateway API controller${owner.cluster ? ` of cluster ${owner.cluster}` : ''}`;
  const route = owner.route
    ? `the ${owner.route.kind ?? 'route'} \`${k8sName(owner.route)}\``
    : 'the Kubernetes route that made it';
  const effect = kind === 'newRule' ? 'deletes rules its route does not have' : 'reverts out-of-band changes';
  return (
    `This ${WHAT[kind]} is managed by ${who}: it ${effect} at its next resync (and whenever the route ` +
    `changes), so this change would be undone minutes from now. Change ${route} instead.`
  );
}

function stackWarning(owner: Extract<Owner, { kind: 'cloudformation' }>, kind: SubjectKind): string {
  const logical = owner.logicalId ? ` (logical id ${owner.logicalId})` : '';
  return (
    `This ${WHAT[kind]} was created by CloudFormation stack ${owner.stackName}${logical}: the change is drift ` +
    `from stack ${owner.stackName}; the next stack update overwrites it. Change the stack's template instead.`
  );
}

/** Who manages it, what happens to an out-of-band change, and what to change instead. */
export function ownerWarning(subject: Pick<OwnedSubject, 'owner' | 'kind'>): string {
  return subject.owner.kind === 'eks'
    ? eksWarning(subject.owner, subject.kind)
    : stackWarning(subject.owner, subject.kind);
}

/** The message of the OWNED refusal (the write came without an override). */
export function ownedRefusal(subjects: readonly OwnedSubject[]): string {
  return `Not written: ${subjects.map(ownerWarning).join(' ')} To change it here anyway, confirm the override.`;
}

/** What the routing page says above a managed service's rules, before anything is edited. */
export function serviceOwnerNote(owner: Owner): string {
  const what =
    owner.kind === 'eks'
      ? `it reverts routing changes made here at its next resync — change ${
          owner.route ? `the ${owner.route.kind ?? 'route'} ${k8sName(owner.route)}` : 'the Kubernetes route'
        } instead`
      : `changes made here are drift from stack ${owner.stackName}; its next update overwrites them`;
  return `Managed by ${ownerDescription(owner)}: ${what}. A change here asks for a confirmed override.`;
}
