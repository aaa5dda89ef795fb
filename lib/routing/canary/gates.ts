/**
 * Gate judgement and the next transition of a canary plan. `decide` is the whole policy: a failed
 * gate aborts at once (even mid-bake); when the bake is over, passing gates advance (or complete at
 * 100 %), too little traffic pauses (it never passes). Pure and deterministic: time is an argument.
 */
import { bakeEndsAt, type CanaryGates, type CanaryPlan, type CanaryState } from './plan';

/** Figures of one target group over a window, from its access logs. */
export interface GateFigures {
  requests: number;
  errors5xx: number;
  denied403: number;
  /** p99 of `duration` in ms; null without any duration. */
  p99Ms: number | null;
}

/** Verdict of one gate. */
export type Verdict = 'pass' | 'fail' | 'insufficient';

/** One gate's figure, limit and verdict. */
export interface GateVerdict {
  gate: 'requests' | '5xx' | '403' | 'p99';
  /** Rate (0–1), ms or count; null when there is nothing to measure. */
  value: number | null;
  limit: number;
  verdict: Verdict;
  /** e.g. `5xx 2.1 % > 1 %`. */
  text: string;
}

/** All verdicts and the overall one. */
export interface Judgement {
  verdicts: GateVerdict[];
  overall: Verdict;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

/** Judges the canary's figures. Below `minRequests`, no gate can pass or fail. */
export function judgeGates(gates: CanaryGates, f: GateFigures): Judgement {
  const enough = f.requests >= gates.minRequests && f.requests > 0;
  const req: GateVerdict = {
    gate: 'requests',
    value: f.requests,
    limit: gates.minRequests,
    verdict: enough ? 'pass' : 'insufficient',
    text: `${f.requests} requests ${enough ? '≥' : '<'} ${gates.minRequests}`,
  };
  const rate = (gate: '5xx' | '403', n: number, max: number): GateVerdict => {
    if (!enough)
      return {
        gate,
        value: f.requests > 0 ? n / f.requests : null,
        limit: max,
        verdict: 'insufficient',
        text: `${gate} not judged (too few requests)`,
      };
    const r = n / f.requests;
    return {
      gate,
      value: r,
      limit: max,
      verdict: r > max ? 'fail' : 'pass',
      text: `${gate} ${pct(r)} ${r > max ? '>' : '≤'} ${pct(max)}`,
    };
  };
  const p99: GateVerdict =
    !enough || f.p99Ms === null
      ? {
          gate: 'p99',
          value: f.p99Ms,
          limit: gates.maxP99Ms,
          verdict: 'insufficient',
          text: 'p99 not judged (too few requests)',
        }
      : {
          gate: 'p99',
          value: f.p99Ms,
          limit: gates.maxP99Ms,
          verdict: f.p99Ms > gates.maxP99Ms ? 'fail' : 'pass',
          text: `p99 ${Math.round(f.p99Ms)} ms ${f.p99Ms > gates.maxP99Ms ? '>' : '≤'} ${gates.maxP99Ms} ms`,
        };
  const verdicts = [req, rate('5xx', f.errors5xx, gates.max5xxRate), rate('403', f.denied403, gates.max403Rate), p99];
  const overall: Verdict = verdicts.some((v) => v.verdict === 'fail')
    ? 'fail'
    : verdicts.some((v) => v.verdict === 'insufficient')
      ? 'insufficient'
      : 'pass';
  return { verdicts, overall };
}

/** What a plan should do next. */
export type Transition =
  | { kind: 'none'; until?: number }
  | { kind: 'advance'; step: number }
  | { kind: 'complete' }
  | { kind: 'abort'; reason: string }
  | { kind: 'pause'; reason: string };

/** The failing gates as one line, e.g. `5xx 12.5 % > 1 %; p99 900 ms > 500 ms`. */
export function failureText(j: Judgement): string {
  return j.verdicts
    .filter((v) => v.verdict === 'fail')
    .map((v) => v.text)
    .join('; ');
}

/**
 * The next transition of a baking plan at `now`, given the judgement of the window since the step
 * began (undefined when the figures could not be read: then nothing happens, it is retried).
 */
export function decide(
  plan: CanaryPlan,
  state: CanaryState,
  now: number,
  judgement: Judgement | undefined,
): Transition {
  if (state.status !== 'baking' || !judgement) return { kind: 'none' };
  if (judgement.overall === 'fail')
    return { kind: 'abort', reason: `Gate failed at ${plan.steps[state.step] ?? '?'} %: ${failureText(judgement)}` };
  const end = bakeEndsAt(plan, state);
  if (now < end) return { kind: 'none', until: end };
  if (judgement.overall === 'insufficient') {
    const req = judgement.verdicts.find((v) => v.gate === 'requests');
    return {
      kind: 'pause',
      reason:
        `Too little canary traffic to judge step ${state.step + 1} (${req?.text ?? 'no requests'}); ` +
        `resume to bake it again.`,
    };
  }
  return state.step >= plan.steps.length - 1 ? { kind: 'complete' } : { kind: 'advance', step: state.step + 1 };
}
