/**
 * The one-click rollback of a failing canary group (the "Now" page's Roll back): the canary's weight
 * goes to 0 and the other group(s) get the weights they had before the shift that gave the canary
 * its traffic (the newest applied audit entry that raised the canary's weight on this rule), or keep
 * their current weights when the audit log has no such entry. The result is an ordinary
 * `RoutingChange` with the version the page read, so it goes through the same preview → confirm →
 * version-checked write → audit path as any edit. Pure.
 */
import type { AuditEvent } from '../audit/event';
import { TrellisError } from '../domain/errors';
import type { RuleAction, WeightedTarget } from '../domain/routing';
import type { UpdateDefaultChange, UpdateRuleChange } from './change';
import type { ListenerView } from './view';

/** What the finding names. `ruleArn` equal to the listener ARN (or absent) means its default action. */
export interface CanaryRollbackTarget {
  serviceArn: string;
  listenerArn: string;
  ruleArn?: string;
  targetGroupArn: string;
}

/** The new action and where the stable weights came from. */
export interface CanaryRollbackPlan {
  action: Extract<RuleAction, { type: 'forward' }>;
  /** `audit`: weights from before the shift (`shiftEventId`); `current`: the others keep theirs. */
  basis: 'audit' | 'current';
  shiftEventId?: string;
  shiftTime?: string;
}

const weightIn = (action: RuleAction | undefined | null, arn: string): number =>
  action?.type === 'forward' ? (action.targetGroups.find((t) => t.targetGroupArn === arn)?.weight ?? 0) : 0;

/** The newest applied entry (of `history`, any order) on this rule that raised the canary's weight. */
export function lastShiftTo(
  history: readonly AuditEvent[],
  target: Pick<CanaryRollbackTarget, 'listenerArn' | 'ruleArn' | 'targetGroupArn'>,
  isDefault: boolean,
): { event: AuditEvent; before: Extract<RuleAction, { type: 'forward' }> } | undefined {
  let best: { event: AuditEvent; before: Extract<RuleAction, { type: 'forward' }>; t: number } | undefined;
  for (const e of history) {
    if (e.result !== 'applied') continue;
    const t = Date.parse(e.time);
    for (const c of e.changes) {
      const same = isDefault
        ? c.isDefault && c.listenerArn === target.listenerArn
        : !c.isDefault && c.ruleArn === target.ruleArn;
      if (!same) continue;
      const before = c.before?.action;
      if (before?.type !== 'forward') continue;
      if (weightIn(c.after?.action, target.targetGroupArn) <= weightIn(before, target.targetGroupArn)) continue;
      if (!best || t > best.t) best = { event: e, before, t };
    }
  }
  return best ? { event: best.event, before: best.before } : undefined;
}

/**
 * The forward action with the canary at 0 and the stable group(s) as before the shift. Throws
 * VALIDATION when there is nothing to roll back or no other group could take the traffic.
 */
export function canaryRollbackAction(
  current: RuleAction | undefined,
  target: Pick<CanaryRollbackTarget, 'listenerArn' | 'ruleArn' | 'targetGroupArn'>,
  history: readonly AuditEvent[],
  isDefault: boolean,
  nameOf: (arn: string) => string = (a) => a.split('/').pop() ?? a,
): CanaryRollbackPlan {
  const canary = nameOf(target.targetGroupArn);
  if (current?.type !== 'forward')
    throw new TrellisError('VALIDATION', 'The rule no longer forwards to target groups: nothing to roll back.');
  if (!current.targetGroups.some((t) => t.targetGroupArn === target.targetGroupArn))
    throw new TrellisError('VALIDATION', `The rule no longer forwards to ${canary}: nothing to roll back.`);
  if (weightIn(current, target.targetGroupArn) === 0)
    throw new TrellisError('VALIDATION', `${canary} already has weight 0 on this rule.`);
  const others = current.targetGroups.filter((t) => t.targetGroupArn !== target.targetGroupArn);
  if (others.length === 0)
    throw new TrellisError(
      'VALIDATION',
      `${canary} is the only target group of this rule: there is no stable group to send its traffic to.`,
    );
  const shift = lastShiftTo(history, target, isDefault);
  const restored = shift
    ? others.map((t) => ({ arn: t.targetGroupArn, weight: weightIn(shift.before, t.targetGroupArn) }))
    : undefined;
  const useAudit = restored?.some((r) => r.weight > 0) === true;
  const weightOf = (t: WeightedTarget): number => {
    if (t.targetGroupArn === target.targetGroupArn) return 0;
    return useAudit ? (restored!.find((r) => r.arn === t.targetGroupArn)?.weight ?? 0) : t.weight;
  };
  const targetGroups = current.targetGroups.map((t) => ({ targetGroupArn: t.targetGroupArn, weight: weightOf(t) }));
  if (targetGroups.every((t) => t.weight === 0))
    throw new TrellisError(
      'VALIDATION',
      `No other target group of this rule has weight to take ${canary}'s traffic; ` +
        'set the weights in the routing editor.',
    );
  return {
    action: { type: 'forward', targetGroups },
    basis: useAudit ? 'audit' : 'current',
    ...(useAudit ? { shiftEventId: shift!.event.id, shiftTime: shift!.event.time } : {}),
  };
}

/**
 * The rule (or default action) a rollback target names in a listener read fresh; undefined if gone. A
 * default action is named by its listener (`ruleArn` absent or equal to `listenerArn`): the findings
 * engine puts the listener there, so nothing is inferred from a rule ARN the API does not know.
 */
export function rollbackSubject(
  listener: ListenerView,
  target: CanaryRollbackTarget,
): { isDefault: true } | { isDefault: false; rule: ListenerView['rules'][number] } | undefined {
  if (target.listenerArn !== listener.arn) return undefined;
  if (!target.ruleArn || target.ruleArn === listener.arn) return { isDefault: true };
  const rule = listener.rules.find((r) => r.arn === target.ruleArn);
  return rule ? { isDefault: false, rule } : undefined;
}

/** The change that rolls the canary back on `listener` (read fresh), with the version it was read at. */
export function canaryRollbackChange(
  listener: ListenerView,
  target: CanaryRollbackTarget,
  history: readonly AuditEvent[],
  nameOf?: (arn: string) => string,
): { change: UpdateRuleChange | UpdateDefaultChange; plan: CanaryRollbackPlan } {
  const subject = rollbackSubject(listener, target);
  if (!subject) throw new TrellisError('NOT_FOUND', 'The rule of this finding no longer exists.');
  if (subject.isDefault) {
    const plan = canaryRollbackAction(listener.defaultAction, target, history, true, nameOf);
    return {
      plan,
      change: {
        kind: 'updateDefault',
        serviceArn: target.serviceArn,
        listenerArn: listener.arn,
        expectedVersion: listener.defaultVersion,
        after: { action: plan.action },
      },
    };
  }
  const { rule } = subject;
  const plan = canaryRollbackAction(rule.action, target, history, false, nameOf);
  return {
    plan,
    change: {
      kind: 'updateRule',
      serviceArn: target.serviceArn,
      listenerArn: listener.arn,
      ruleArn: rule.arn,
      expectedVersion: rule.version,
      after: { priority: rule.priority, match: rule.match, action: plan.action },
    },
  };
}
