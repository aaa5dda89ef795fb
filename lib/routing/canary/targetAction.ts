/**
 * The action a plan shifts (a rule's or a listener's default), read fresh with its version, and the
 * change that sets the stable/canary weights of a step through the common write path.
 */
import 'server-only';
import { arnContextOf } from '../../aws/latticeMappers';
import { targetGroupArn } from '../../domain/arn';
import type { CanaryPlan, CanaryTarget } from './plan';
import { TrellisError } from '../../domain/errors';
import type { RuleAction } from '../../domain/routing';
import type { UpdateDefaultChange, UpdateRuleChange } from '../change';
import type { RuleView } from '../view';
import { canaryWeights } from '../../domain/weights';
import type { RoutingContext } from '../context';
import { readListener, readRule } from '../readRules';

/** The target's current action and version (and the rule, for a non-default target). */
export interface TargetAction {
  action: RuleAction | undefined;
  version: string;
  rule?: RuleView;
}

/** Reads the target's action fresh from the API. */
export async function readTargetAction(ctx: RoutingContext, t: CanaryTarget): Promise<TargetAction> {
  if (t.ruleArn) {
    const rule = await readRule(ctx, t.serviceArn, t.listenerArn, t.ruleArn);
    return { action: rule.action, version: rule.version, rule };
  }
  const l = await readListener(ctx, t.serviceArn, t.listenerArn);
  return { action: l.defaultAction, version: l.defaultVersion };
}

/** The stable and canary target group ARNs of a plan. */
export function planArns(t: CanaryTarget, plan: CanaryPlan): { stable: string; canary: string } {
  const c = arnContextOf(t.serviceArn);
  return {
    stable: targetGroupArn(c.partition, c.region, c.accountId, plan.stableTargetGroupId),
    canary: targetGroupArn(c.partition, c.region, c.accountId, plan.canaryTargetGroupId),
  };
}

/** The weights of stable and canary in an action (undefined when the action is not just those two). */
export function weightsOf(
  action: RuleAction | undefined,
  arns: { stable: string; canary: string },
): { stable: number; canary: number } | undefined {
  if (action?.type !== 'forward') return undefined;
  if (action.targetGroups.some((g) => g.targetGroupArn !== arns.stable && g.targetGroupArn !== arns.canary))
    return undefined;
  const w = (arn: string) => action.targetGroups.find((g) => g.targetGroupArn === arn)?.weight ?? 0;
  return { stable: w(arns.stable), canary: w(arns.canary) };
}

/** True when the action sends exactly `percent` % to the canary (weights in percent, as steps write them). */
export function atPercent(
  action: RuleAction | undefined,
  arns: { stable: string; canary: string },
  percent: number,
): boolean {
  const w = weightsOf(action, arns);
  const want = canaryWeights(percent);
  return w !== undefined && w.stable === want.stable && w.canary === want.canary;
}

/** Refuses a plan on an action that is not a forward to the stable (and optionally the canary) target group. */
export function checkPlannable(action: RuleAction | undefined, arns: { stable: string; canary: string }): void {
  if (action?.type !== 'forward')
    throw new TrellisError('VALIDATION', 'A canary plan needs a forward action; this one is a fixed response.');
  if (!action.targetGroups.some((g) => g.targetGroupArn === arns.stable))
    throw new TrellisError('VALIDATION', 'The stable target group must be one the action forwards to now.');
  const other = action.targetGroups.find((g) => g.targetGroupArn !== arns.stable && g.targetGroupArn !== arns.canary);
  if (other)
    throw new TrellisError(
      'VALIDATION',
      `The action also forwards to ${other.targetGroupArn.split('/').pop()}; ` +
        `a canary plan shifts between exactly two target groups. Remove the others first.`,
    );
}

/** The change setting `percent` % on the canary, expecting `current.version`. */
export function percentChange(
  t: CanaryTarget,
  current: TargetAction,
  arns: { stable: string; canary: string },
  percent: number,
): UpdateRuleChange | UpdateDefaultChange {
  const w = canaryWeights(percent);
  const existing = current.action?.type === 'forward' ? current.action.targetGroups.map((g) => g.targetGroupArn) : [];
  const order = [
    ...existing.filter((a) => a === arns.stable || a === arns.canary),
    ...[arns.stable, arns.canary].filter((a) => !existing.includes(a)),
  ];
  const action: RuleAction = {
    type: 'forward',
    targetGroups: order.map((a) => ({ targetGroupArn: a, weight: a === arns.canary ? w.canary : w.stable })),
  };
  if (t.ruleArn && current.rule) {
    return {
      kind: 'updateRule',
      serviceArn: t.serviceArn,
      listenerArn: t.listenerArn,
      ruleArn: t.ruleArn,
      expectedVersion: current.version,
      after: { priority: current.rule.priority, match: current.rule.match, action },
    };
  }
  return {
    kind: 'updateDefault',
    serviceArn: t.serviceArn,
    listenerArn: t.listenerArn,
    expectedVersion: current.version,
    after: { action },
  };
}
