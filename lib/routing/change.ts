/**
 * A change to a listener's routing as the editor, the rollback and the canary runner send it: the
 * whole new content of each rule touched plus the version the sender saw (the server refuses with
 * CONFLICT if the rule has a different version when it re-reads it). Pure.
 */
import type { AuditRuleChange } from '../audit/event';
import type { ErrorInfo } from '../domain/errors';
import type { RuleContent } from './ruleValidation';

/** Where a change applies. */
export interface ChangeTarget {
  serviceArn: string;
  listenerArn: string;
}

/** A change of one non-default rule (UpdateRule). */
export interface UpdateRuleChange extends ChangeTarget {
  kind: 'updateRule';
  ruleArn: string;
  expectedVersion: string;
  after: Required<Pick<RuleContent, 'priority' | 'match' | 'action'>>;
}

/** A change of a listener's default action (UpdateListener). */
export interface UpdateDefaultChange extends ChangeTarget {
  kind: 'updateDefault';
  expectedVersion: string;
  after: Required<Pick<RuleContent, 'action'>>;
}

/** A new rule (CreateRule). */
export interface CreateRuleChange extends ChangeTarget {
  kind: 'createRule';
  name: string;
  after: Required<Pick<RuleContent, 'priority' | 'match' | 'action'>>;
}

/** Removal of a rule (DeleteRule). */
export interface DeleteRuleChange extends ChangeTarget {
  kind: 'deleteRule';
  ruleArn: string;
  expectedVersion: string;
}

/** Several rules of one listener at once (BatchUpdateRule), e.g. swapping priorities. */
export interface BatchUpdateChange extends ChangeTarget {
  kind: 'batchUpdate';
  updates: Array<{
    ruleArn: string;
    expectedVersion: string;
    after: Required<Pick<RuleContent, 'priority' | 'match' | 'action'>>;
  }>;
}

/** Any routing change. */
export type RoutingChange =
  | UpdateRuleChange
  | UpdateDefaultChange
  | CreateRuleChange
  | DeleteRuleChange
  | BatchUpdateChange;

/** Extra context recorded with a change in the audit log. */
export interface ChangeContext {
  /** The audit event this change reverts. */
  rollbackOf?: string;
  /** The canary plan that made it. */
  canary?: { planId: string; step?: number; reason?: string };
}

/** BatchUpdateRule takes at most this many rules. */
export const MAX_BATCH_RULES = 10;

/** The ARNs a change touches (service, listener, rules), for the audit `resources` field. */
export function changeResources(c: RoutingChange): string[] {
  const rules =
    c.kind === 'updateRule' || c.kind === 'deleteRule'
      ? [c.ruleArn]
      : c.kind === 'batchUpdate'
        ? c.updates.map((u) => u.ruleArn)
        : [];
  return [c.serviceArn, c.listenerArn, ...rules];
}

/** A change that was applied. */
export interface ApplyResult {
  /** Id of its audit entry. */
  eventId: string;
  requestId?: string;
  changes: AuditRuleChange[];
  /** Set when the change was made but its audit entry could not be written. */
  auditError?: ErrorInfo;
}
