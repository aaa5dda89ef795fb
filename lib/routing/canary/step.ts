/**
 * One runner tick of one plan. Double-stepping by two replicas is prevented in three layers:
 *  1. a lease tag (`owner until`) that a replica takes (write, then read back) before acting;
 *  2. right before writing, the state tag is re-read and must still have the `seq` the decision was
 *     made on (a replica that finds it advanced backs off);
 *  3. the weight write is a read-compare-write of the rule: if the weights already are the next
 *     step's, another replica did it (back off, repair the state tag if it lags); if they are neither
 *     the current step's nor the next's, someone edited the rule: the plan pauses (an abort still
 *     returns traffic to stable).
 * Decisions come from the pure `decide` (lib/routing/canary/gates); time is `ctx.now()`.
 */
import 'server-only';
import type { AuditAction, AuditCanary } from '../../audit/event';
import { currentPercent, type CanaryPlan, type CanaryState, type CanaryTarget } from './plan';
import { decide, judgeGates, type GateFigures, type Judgement } from './gates';
import type { LogGroupRef } from '../../logs/logGroup';
import { applyChange } from '../applyChange';
import type { RoutingContext } from '../context';
import { auditCanary } from './events';
import { accessLogSource, gateFigures } from './figures';
import { readCanaryTags, writeCanaryTags } from './tags';
import { atPercent, percentChange, planArns, readTargetAction } from './targetAction';

/** What a tick did with a plan. */
export type StepOutcome =
  | 'inactive'
  | 'leased-elsewhere'
  | 'lost-lease'
  | 'waiting'
  | 'advanced'
  | 'completed'
  | 'aborted'
  | 'paused'
  | 'backed-off'
  | 'no-figures';

/** Runner settings. */
export interface StepOptions {
  replica: string;
  leaseMs: number;
  /** Where the figures come from; injectable for tests. Defaults to the service's access logs. */
  figures?: (
    ctx: RoutingContext,
    t: CanaryTarget,
    plan: CanaryPlan,
    state: CanaryState,
  ) => Promise<{ canary: GateFigures; stable: GateFigures }>;
}

const sources = new Map<string, LogGroupRef>();

/** Figures of the current step's window from the access logs. */
export async function windowFigures(
  ctx: RoutingContext,
  t: CanaryTarget,
  plan: CanaryPlan,
  state: CanaryState,
): Promise<{ canary: GateFigures; stable: GateFigures }> {
  let source = sources.get(t.serviceArn);
  if (!source) {
    source = await accessLogSource(ctx, t.serviceArn);
    sources.set(t.serviceArn, source);
  }
  const arns = planArns(t, plan);
  return gateFigures(ctx, source, arns.canary, arns.stable, state.since, ctx.now());
}

async function takeLease(
  ctx: RoutingContext,
  t: CanaryTarget,
  o: StepOptions,
): Promise<'ok' | 'leased-elsewhere' | 'lost-lease'> {
  const { lease } = await readCanaryTags(ctx, t);
  const now = ctx.now();
  if (lease && lease.owner !== o.replica && lease.until > now) return 'leased-elsewhere';
  await writeCanaryTags(ctx, t, { lease: { owner: o.replica, until: now + o.leaseMs } });
  const again = await readCanaryTags(ctx, t);
  return again.lease?.owner === o.replica ? 'ok' : 'lost-lease';
}

/** Runs one tick of the plan on `t`. Never throws for an inactive plan; AWS errors propagate. */
export async function stepPlan(ctx: RoutingContext, t: CanaryTarget, o: StepOptions): Promise<StepOutcome> {
  const first = await readCanaryTags(ctx, t);
  if (!first.plan || first.state?.status !== 'baking') return 'inactive';
  const lease = await takeLease(ctx, t, o);
  if (lease !== 'ok') return lease;
  const { plan, state } = await readCanaryTags(ctx, t);
  if (!plan || !state || state.status !== 'baking') return 'inactive';

  let figures: { canary: GateFigures; stable: GateFigures };
  try {
    figures = await (o.figures ?? windowFigures)(ctx, t, plan, state);
  } catch (e) {
    console.error(`canary ${plan.id}: gate figures could not be read`, e);
    return 'no-figures';
  }
  const judgement: Judgement = judgeGates(plan.gates, figures.canary);
  const transition = decide(plan, state, ctx.now(), judgement);
  if (transition.kind === 'none') return 'waiting';

  // Layer 2: the state must not have moved while the figures were computed.
  const fresh = await readCanaryTags(ctx, t);
  if (fresh.state?.seq !== state.seq || fresh.state.planId !== plan.id) return 'backed-off';

  const arns = planArns(t, plan);
  const from = currentPercent(plan, state);
  const canaryInfo = (step: number, percent: number, reason?: string): AuditCanary => ({
    planId: plan.id,
    step,
    fromStep: state.step,
    percent,
    figures,
    ...(reason ? { reason } : {}),
  });
  const next = (s: Partial<CanaryState>): CanaryState => ({ ...state, since: ctx.now(), seq: state.seq + 1, ...s });

  if (transition.kind === 'pause' || transition.kind === 'complete') {
    const updated =
      transition.kind === 'pause'
        ? next({ status: 'paused', reason: transition.reason })
        : next({ status: 'promoted', reason: `All ${plan.steps.length} steps passed` });
    await writeCanaryTags(ctx, t, { state: updated });
    await auditCanary(
      ctx,
      t,
      transition.kind === 'pause' ? 'canary.pause' : 'canary.complete',
      canaryInfo(state.step, from, updated.reason),
      o.replica,
    );
    return transition.kind === 'pause' ? 'paused' : 'completed';
  }

  const toPercent = transition.kind === 'abort' ? 0 : (plan.steps[transition.step] ?? 100);
  const current = await readTargetAction(ctx, t);
  // Layer 3: compare the rule with what this step expects.
  if (atPercent(current.action, arns, toPercent)) {
    // Another replica (or an operator) already moved the weights: only the state tag may lag.
    await writeCanaryTags(ctx, t, {
      state:
        transition.kind === 'advance'
          ? next({ step: transition.step })
          : next({ status: 'aborted', reason: transition.reason }),
    });
    return 'backed-off';
  }
  if (transition.kind === 'advance' && !atPercent(current.action, arns, from)) {
    const reason =
      `The weights were changed outside the plan (expected ${100 - from}/${from}); ` +
      `review them and resume or abort.`;
    await writeCanaryTags(ctx, t, { state: next({ status: 'paused', reason }) });
    await auditCanary(ctx, t, 'canary.pause', canaryInfo(state.step, from, reason), o.replica);
    return 'paused';
  }
  const action: AuditAction = transition.kind === 'abort' ? 'canary.abort' : 'canary.step';
  const step = transition.kind === 'abort' ? state.step : transition.step;
  const reason = transition.kind === 'abort' ? transition.reason : undefined;
  // The plan's start was refused for a managed rule unless overridden: its steps write under that override.
  await applyChange(ctx, percentChange(t, current, arns, toPercent), {
    action,
    override: 'canaryPlan',
    canary: canaryInfo(step, toPercent, reason),
    replica: o.replica,
  });
  await writeCanaryTags(ctx, t, {
    state:
      transition.kind === 'abort'
        ? next({ status: 'aborted', reason: transition.reason })
        : next({ step: transition.step }),
  });
  return transition.kind === 'abort' ? 'aborted' : 'advanced';
}
