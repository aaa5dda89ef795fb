/**
 * The change that reverts an audit event: every rule goes back to its `before`, and the expected
 * version is the event's `after`, so a rollback goes through the same preview and conflict check as
 * any edit (if the rule changed again since, the rollback is refused and shows the current state).
 * Pure.
 */
import { isRevertible, type AuditEvent, type AuditRuleChange } from './event';
import { TrellisError } from '../domain/errors';
import type { RoutingChange } from '../routing/change';
import type { RuleContent } from '../routing/ruleValidation';
import { versionOf } from '../routing/ruleVersion';

type FullRule = {
  priority: number;
  match: NonNullable<RuleContent['match']>;
  action: NonNullable<RuleContent['action']>;
};

function full(c: RuleContent | null, what: string): FullRule {
  if (!c || c.priority === undefined || !c.match || !c.action)
    throw new TrellisError(
      'VALIDATION',
      `The audit entry lacks the ${what} priority, match or action; it cannot be rolled back.`,
    );
  return { priority: c.priority, match: c.match, action: c.action };
}

function expected(c: AuditRuleChange): string {
  if (c.afterVersion) return c.afterVersion;
  if (!c.after) throw new TrellisError('VALIDATION', 'The audit entry has no after-state to compare with.');
  return versionOf(c.after);
}

/** The change reverting `event`. Throws VALIDATION for events that cannot be reverted. */
export function rollbackChange(event: AuditEvent): RoutingChange {
  if (!isRevertible(event))
    throw new TrellisError('VALIDATION', `Only applied changes can be rolled back; this entry is '${event.result}'.`);
  const serviceArn = event.serviceArn;
  const first = event.changes[0]!;
  const listenerArn = first.listenerArn;
  if (event.changes.length > 1) {
    if (event.changes.some((c) => c.isDefault || !c.ruleArn || c.before === null || c.after === null))
      throw new TrellisError('VALIDATION', 'This multi-rule entry cannot be rolled back in one step.');
    return {
      kind: 'batchUpdate',
      serviceArn,
      listenerArn,
      updates: event.changes.map((c) => ({
        ruleArn: c.ruleArn!,
        expectedVersion: expected(c),
        after: full(c.before, 'previous'),
      })),
    };
  }
  if (first.isDefault) {
    if (!first.before?.action)
      throw new TrellisError('VALIDATION', 'The audit entry lacks the previous default action.');
    return {
      kind: 'updateDefault',
      serviceArn,
      listenerArn,
      expectedVersion: expected(first),
      after: { action: first.before.action },
    };
  }
  if (first.before === null) {
    if (!first.ruleArn) throw new TrellisError('VALIDATION', 'The audit entry does not name the created rule.');
    return { kind: 'deleteRule', serviceArn, listenerArn, ruleArn: first.ruleArn, expectedVersion: expected(first) };
  }
  if (first.after === null) {
    if (!first.ruleName) throw new TrellisError('VALIDATION', 'The audit entry does not name the deleted rule.');
    return { kind: 'createRule', serviceArn, listenerArn, name: first.ruleName, after: full(first.before, 'previous') };
  }
  if (!first.ruleArn) throw new TrellisError('VALIDATION', 'The audit entry does not name the rule.');
  return {
    kind: 'updateRule',
    serviceArn,
    listenerArn,
    ruleArn: first.ruleArn,
    expectedVersion: expected(first),
    after: full(first.before, 'previous'),
  };
}
