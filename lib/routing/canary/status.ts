/**
 * The canary panel's data for one target: plan and state from the tags, this plan's audit events,
 * and the live figures and verdicts of the current step's window (computed on request by Logs
 * Insights, so they need no runner and no memory).
 */
import 'server-only';
import type { CanaryTarget } from './plan';
import { judgeGates } from './gates';
import { describeNext, stepRows, type CanaryStatusView } from './view';
import { toErrorInfo } from '../../domain/errors';
import { queryAuditEvents } from '../../audit/log';
import type { RoutingContext } from '../context';
import { windowFigures } from './step';
import { readCanaryTags } from './tags';
import { planArns } from './targetAction';

const DAY = 86_400_000;

/** Status of the plan on a target (an empty view when there never was one). */
export async function canaryStatus(ctx: RoutingContext, t: CanaryTarget): Promise<CanaryStatusView> {
  const now = ctx.now();
  const { plan, state } = await readCanaryTags(ctx, t);
  if (!plan || !state) return { steps: [], events: [], now };
  const arns = planArns(t, plan);
  const all = await queryAuditEvents(
    ctx.factory,
    { resource: t.ruleArn ?? t.listenerArn },
    { startMs: now - 7 * DAY, endMs: now + 60_000 },
    500,
  );
  const events = all.filter((e) => e.canary?.planId === plan.id).reverse();
  const view: CanaryStatusView = {
    plan,
    state,
    stableArn: arns.stable,
    canaryArn: arns.canary,
    steps: stepRows(plan, state, events),
    events,
    now,
  };
  if (state.status === 'baking' || state.status === 'paused') {
    try {
      const f = await windowFigures(ctx, t, plan, state);
      const judgement = judgeGates(plan.gates, f.canary);
      view.live = { startMs: state.since, endMs: now, canary: f.canary, stable: f.stable, judgement };
      view.next = describeNext(plan, state, judgement);
    } catch (e) {
      view.liveError = toErrorInfo(e);
      view.next = describeNext(plan, state, undefined);
    }
  } else {
    view.next = describeNext(plan, state, undefined);
  }
  return view;
}
