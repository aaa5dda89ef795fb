/**
 * Canary plans: shift a rule (or a listener's default action) from a stable target group to a canary
 * one in steps (e.g. 5 → 25 → 50 → 100 %), each baked for a while and judged by gates on the
 * canary's access logs. The plan and its state live in AWS as tags on the rule or listener (see
 * canaryTags), never in the console's memory, so any replica can carry on after a restart. Pure.
 */
import type { Issue } from '../ruleValidation';

/** Gates judged on the canary's access logs over the bake window. */
export interface CanaryGates {
  /** Highest acceptable share of 5xx responses, 0–1. */
  max5xxRate: number;
  /** Highest acceptable share of 403 responses, 0–1. */
  max403Rate: number;
  /** Highest acceptable p99 of `duration`, ms. */
  maxP99Ms: number;
  /** Fewer canary requests than this in a window cannot pass: the plan pauses instead. */
  minRequests: number;
}

/** A plan (what was asked for; immutable once started). */
export interface CanaryPlan {
  /** 10 characters [a-z0-9]. */
  id: string;
  /** Target group ids (`tg-…`) in the account and region of the rule. */
  stableTargetGroupId: string;
  canaryTargetGroupId: string;
  /** Canary percent per step, strictly increasing, ending at 100. */
  steps: number[];
  /** Bake time of every step, seconds. */
  bakeSeconds: number;
  gates: CanaryGates;
}

/** Where a plan runs. */
export type CanaryStatus = 'baking' | 'paused' | 'promoted' | 'aborted';

/** The plan's progress; every transition bumps `seq`. */
export interface CanaryState {
  planId: string;
  /** Index into `plan.steps`. */
  step: number;
  status: CanaryStatus;
  /** When the current step (or status) began, ms since the epoch. */
  since: number;
  seq: number;
  /** Why it paused, aborted or was promoted. */
  reason?: string;
}

/** What operators do with a running plan. */
export type CanaryCommand = 'pause' | 'resume' | 'promote' | 'abort';

/** Which replica runs a plan's next transition, until when. */
export interface CanaryLease {
  owner: string;
  until: number;
}

/** Limits of plans. */
export const CANARY_LIMITS = {
  maxSteps: 10,
  minBakeSeconds: 1,
  maxBakeSeconds: 86_400,
  maxP99Ms: 600_000,
  maxMinRequests: 1_000_000_000,
} as const;

/** Sensible defaults for the form. */
export const DEFAULT_CANARY: Omit<CanaryPlan, 'id' | 'stableTargetGroupId' | 'canaryTargetGroupId'> = {
  steps: [5, 25, 50, 100],
  bakeSeconds: 300,
  gates: { max5xxRate: 0.01, max403Rate: 0.05, maxP99Ms: 1000, minRequests: 50 },
};

const TG_ID = /^tg-[0-9a-z]{17}$/;

/** Issues of a plan (before it is started). */
export function validatePlan(p: Omit<CanaryPlan, 'id'>): Issue[] {
  const issues: Issue[] = [];
  if (!TG_ID.test(p.stableTargetGroupId))
    issues.push({ field: 'stableTargetGroupId', message: 'Pick the stable target group.' });
  if (!TG_ID.test(p.canaryTargetGroupId))
    issues.push({ field: 'canaryTargetGroupId', message: 'Pick the canary target group.' });
  if (p.stableTargetGroupId === p.canaryTargetGroupId)
    issues.push({
      field: 'canaryTargetGroupId',
      message: 'The canary must be another target group than the stable one.',
    });
  const s = p.steps;
  if (s.length < 1 || s.length > CANARY_LIMITS.maxSteps)
    issues.push({ field: 'steps', message: `A plan has 1 to ${CANARY_LIMITS.maxSteps} steps.` });
  if (s.some((x) => !Number.isInteger(x) || x < 1 || x > 100))
    issues.push({ field: 'steps', message: 'Steps are whole percents from 1 to 100.' });
  else if (s.some((x, i) => i > 0 && x <= (s[i - 1] ?? 0)))
    issues.push({ field: 'steps', message: 'Steps must increase.' });
  else if (s[s.length - 1] !== 100) issues.push({ field: 'steps', message: 'The last step must be 100 %.' });
  if (
    !Number.isInteger(p.bakeSeconds) ||
    p.bakeSeconds < CANARY_LIMITS.minBakeSeconds ||
    p.bakeSeconds > CANARY_LIMITS.maxBakeSeconds
  ) {
    issues.push({
      field: 'bakeSeconds',
      message: `Bake time is ${CANARY_LIMITS.minBakeSeconds} to ${CANARY_LIMITS.maxBakeSeconds} seconds.`,
    });
  }
  const g = p.gates;
  for (const [field, v] of [
    ['max5xxRate', g.max5xxRate],
    ['max403Rate', g.max403Rate],
  ] as const) {
    if (!(v >= 0 && v <= 1)) issues.push({ field: `gates.${field}`, message: 'Rates are from 0 to 100 %.' });
  }
  if (!(g.maxP99Ms > 0 && g.maxP99Ms <= CANARY_LIMITS.maxP99Ms))
    issues.push({ field: 'gates.maxP99Ms', message: `The p99 limit is 1 to ${CANARY_LIMITS.maxP99Ms} ms.` });
  if (!Number.isInteger(g.minRequests) || g.minRequests < 0 || g.minRequests > CANARY_LIMITS.maxMinRequests)
    issues.push({ field: 'gates.minRequests', message: 'The minimum request count is a whole number ≥ 0.' });
  return issues;
}

/** True while the plan still moves traffic by itself or may be resumed. */
export function isActive(state: CanaryState): boolean {
  return state.status === 'baking' || state.status === 'paused';
}

/** When the current step's bake ends. */
export function bakeEndsAt(plan: CanaryPlan, state: CanaryState): number {
  return state.since + plan.bakeSeconds * 1000;
}

/** Canary percent of the current step (0 after an abort, 100 once promoted). */
export function currentPercent(plan: CanaryPlan, state: CanaryState): number {
  if (state.status === 'aborted') return 0;
  if (state.status === 'promoted') return 100;
  return plan.steps[state.step] ?? 0;
}

/** Where a plan runs: a rule, or a listener's default action when `ruleArn` is absent. */
export interface CanaryTarget {
  serviceArn: string;
  listenerArn: string;
  ruleArn?: string;
}

/** The ARN whose tags hold the plan: the rule's, or the listener's for a default action. */
export function canaryResourceArn(t: CanaryTarget): string {
  return t.ruleArn ?? t.listenerArn;
}
