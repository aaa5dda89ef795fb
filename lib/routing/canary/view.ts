/**
 * What the canary panel shows: each step with its verdict (from the plan's audit events), the live
 * figures of the current step, and the next action with its time. Pure.
 */
import type { AuditEvent } from '../../audit/event';
import { bakeEndsAt, type CanaryPlan, type CanaryState } from './plan';
import type { GateFigures, Judgement } from './gates';
import type { ErrorInfo } from '../../domain/errors';

/** One step of a plan as shown. */
export interface StepRow {
  index: number;
  percent: number;
  status: 'passed' | 'current' | 'pending' | 'failed' | 'skipped';
  /** Figures that ended the step (passed or failed), from the audit log. */
  figures?: { canary: GateFigures; stable: GateFigures };
}

/** The live window of the current step. */
export interface LiveWindow {
  startMs: number;
  endMs: number;
  canary: GateFigures;
  stable: GateFigures;
  judgement: Judgement;
}

/** Everything the panel needs. */
export interface CanaryStatusView {
  plan?: CanaryPlan;
  state?: CanaryState;
  /** Target group ARNs of the plan. */
  stableArn?: string;
  canaryArn?: string;
  steps: StepRow[];
  live?: LiveWindow;
  liveError?: ErrorInfo;
  next?: { text: string; at?: number };
  /** This plan's audit events, oldest first. */
  events: AuditEvent[];
  now: number;
}

/** Step rows from the plan, its state and its events. */
export function stepRows(plan: CanaryPlan, state: CanaryState, events: readonly AuditEvent[]): StepRow[] {
  const ending = (i: number) =>
    events.find(
      (e) =>
        e.canary?.fromStep === i &&
        e.canary.figures &&
        (e.action === 'canary.step' || e.action === 'canary.complete' || e.action === 'canary.abort'),
    );
  return plan.steps.map((percent, index) => {
    const end = ending(index);
    const figures = end?.canary?.figures ? { figures: end.canary.figures } : {};
    if (index < state.step) return { index, percent, status: 'passed', ...figures };
    if (index > state.step)
      return {
        index,
        percent,
        status: state.status === 'promoted' || state.status === 'aborted' ? 'skipped' : 'pending',
      };
    if (state.status === 'aborted')
      return { index, percent, status: end?.action === 'canary.abort' ? 'failed' : 'skipped', ...figures };
    if (state.status === 'promoted') return { index, percent, status: 'passed', ...figures };
    return { index, percent, status: 'current' };
  });
}

/** The next action in words, and when (for a baking plan). */
export function describeNext(
  plan: CanaryPlan,
  state: CanaryState,
  judgement: Judgement | undefined,
): { text: string; at?: number } {
  const pct = plan.steps[state.step] ?? 100;
  switch (state.status) {
    case 'promoted':
      return { text: 'Done: all traffic goes to the canary.' };
    case 'aborted':
      return { text: 'Aborted: all traffic is back on the stable target group.' };
    case 'paused':
      return { text: `Paused at ${pct} %. Resume to bake this step again, promote, or abort.` };
    case 'baking': {
      const at = bakeEndsAt(plan, state);
      const last = state.step >= plan.steps.length - 1;
      const then = last ? 'complete the plan' : `shift to ${plan.steps[state.step + 1]} %`;
      const hint = judgement?.overall === 'insufficient' ? ' (too little traffic so far: it will pause instead)' : '';
      return {
        text:
          `Baking ${pct} %; at the end of the bake, if the gates pass, ${then}${hint}. ` +
          `A failing gate aborts at once.`,
        at,
      };
    }
  }
}
