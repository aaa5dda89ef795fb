/**
 * What operators do with a plan: start it (step 0's weights are written through the common,
 * version-checked write path, then the plan is tagged), pause, resume, promote (all traffic to the
 * canary now) and abort (all traffic back to stable). Every command is audited.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import type { AuditAction, OverrideBasis } from '../../audit/event';
import {
  currentPercent,
  isActive,
  validatePlan,
  type CanaryCommand,
  type CanaryPlan,
  type CanaryState,
  type CanaryTarget,
} from './plan';
import { TrellisError } from '../../domain/errors';
import { describeIssuesLine } from '../ruleValidation';
import { applyChange } from '../applyChange';
import type { RoutingContext } from '../context';
import { auditCanary } from './events';
import { readCanaryTags, writeCanaryTags } from './tags';
import { atPercent, checkPlannable, percentChange, planArns, readTargetAction } from './targetAction';

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

function newPlanId(): string {
  return [...randomBytes(10)].map((b) => ID_CHARS[b % ID_CHARS.length]).join('');
}

/**
 * Starts a plan on a target whose action has version `expectedVersion` (the one the operator saw). A target
 * another system manages needs `override` (else OWNED, nothing written); the plan's later steps and
 * commands then write under it (`canaryPlan` in their audit events).
 */
export async function startCanary(
  ctx: RoutingContext,
  t: CanaryTarget,
  expectedVersion: string,
  input: Omit<CanaryPlan, 'id'>,
  override?: OverrideBasis,
): Promise<{ plan: CanaryPlan; state: CanaryState }> {
  const issues = validatePlan(input);
  if (issues.length > 0) throw new TrellisError('VALIDATION', `The plan cannot start: ${describeIssuesLine(issues)}`);
  const tags = await readCanaryTags(ctx, t);
  if (tags.state && isActive(tags.state))
    throw new TrellisError(
      'CONFLICT',
      `Canary plan ${tags.state.planId} is already ${tags.state.status} on this ` +
        `${t.ruleArn ? 'rule' : 'default action'}; abort or promote it first.`,
    );
  const plan: CanaryPlan = { ...input, id: newPlanId() };
  const arns = planArns(t, plan);
  const current = await readTargetAction(ctx, t);
  checkPlannable(current.action, arns);
  const first = plan.steps[0] ?? 100;
  await applyChange(
    ctx,
    { ...percentChange(t, current, arns, first), expectedVersion },
    {
      action: 'canary.start',
      canary: { planId: plan.id, step: 0, percent: first },
      ...(override ? { override } : {}),
    },
  );
  const state: CanaryState = { planId: plan.id, step: 0, status: 'baking', since: ctx.now(), seq: 1 };
  await writeCanaryTags(ctx, t, { plan, state });
  return { plan, state };
}

/** Runs an operator command on plan `planId`. */
export async function commandCanary(
  ctx: RoutingContext,
  t: CanaryTarget,
  planId: string,
  command: CanaryCommand,
): Promise<CanaryState> {
  const { plan, state } = await readCanaryTags(ctx, t);
  if (!plan || !state || plan.id !== planId)
    throw new TrellisError('NOT_FOUND', `Canary plan ${planId} is not the plan on this target any more; refresh.`);
  if (!isActive(state)) throw new TrellisError('CONFLICT', `Canary plan ${planId} is already ${state.status}.`);
  const by = `by ${ctx.user.name}`;
  const next = (s: Partial<CanaryState>): CanaryState => ({ ...state, since: ctx.now(), seq: state.seq + 1, ...s });
  const arns = planArns(t, plan);
  const setPercent = async (percent: number, action: AuditAction, reason: string) => {
    const current = await readTargetAction(ctx, t);
    if (atPercent(current.action, arns, percent))
      await auditCanary(ctx, t, action, { planId, step: state.step, percent, reason });
    else
      await applyChange(ctx, percentChange(t, current, arns, percent), {
        action,
        override: 'canaryPlan',
        canary: { planId, step: state.step, fromStep: state.step, percent, reason },
      });
  };
  let updated: CanaryState;
  switch (command) {
    case 'pause':
      if (state.status !== 'baking')
        throw new TrellisError('CONFLICT', `Canary plan ${planId} is not baking (it is ${state.status}).`);
      updated = next({ status: 'paused', reason: `Paused ${by}` });
      await auditCanary(ctx, t, 'canary.pause', {
        planId,
        step: state.step,
        percent: currentPercent(plan, state),
        reason: updated.reason!,
      });
      break;
    case 'resume': {
      if (state.status !== 'paused')
        throw new TrellisError('CONFLICT', `Canary plan ${planId} is not paused (it is ${state.status}).`);
      const percent = currentPercent(plan, state);
      // The step is baked again from now, with its own weights (they may have been edited meanwhile).
      await setPercent(percent, 'canary.resume', `Resumed ${by}`);
      updated = next({ status: 'baking', reason: `Resumed ${by}` });
      break;
    }
    case 'promote':
      await setPercent(100, 'canary.promote', `Promoted ${by}`);
      updated = next({ status: 'promoted', reason: `Promoted ${by}` });
      break;
    case 'abort':
      await setPercent(0, 'canary.abort', `Aborted ${by}`);
      updated = next({ status: 'aborted', reason: `Aborted ${by}` });
      break;
  }
  await writeCanaryTags(ctx, t, { state: updated });
  return updated;
}
