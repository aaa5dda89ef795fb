/**
 * A canary plan's plan, state and lease as tags of the rule (or listener) it shifts. Tag values
 * allow only letters, digits, white space and `_ . : / = + - @` (≤ 256 characters), so each is a
 * short `key=value` line, readable in the AWS console too: `v1 id=… step=1 status=baking …`.
 * Decoding never trusts a tag: anything malformed reads as absent. Pure.
 */
import type { CanaryLease, CanaryPlan, CanaryState, CanaryStatus } from './plan';

/** Tag keys. */
export const CANARY_TAGS = {
  plan: 'trellis:canary:plan',
  state: 'trellis:canary:state',
  lease: 'trellis:canary:lease',
} as const;

/** Longest tag value AWS accepts. */
export const MAX_TAG_VALUE = 256;

const STATUSES: readonly CanaryStatus[] = ['baking', 'paused', 'promoted', 'aborted'];

/** Replaces characters tag values do not allow, and trims to `max`. */
export function tagSafe(text: string, max = MAX_TAG_VALUE): string {
  return text
    .replace(/%/g, ' pct')
    .replace(/>/g, 'gt')
    .replace(/</g, 'lt')
    .replace(/[^\p{L}\p{N}\s_.:/=+\-@]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

function fields(value: string | undefined, restKey?: string): Map<string, string> | undefined {
  if (!value?.startsWith('v1 ')) return undefined;
  const out = new Map<string, string>();
  let body = value.slice(3);
  if (restKey) {
    const at = body.indexOf(` ${restKey}=`);
    if (at >= 0) {
      out.set(restKey, body.slice(at + restKey.length + 2));
      body = body.slice(0, at);
    }
  }
  for (const part of body.split(' ')) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq), part.slice(eq + 1));
  }
  return out;
}

const num = (s: string | undefined): number | undefined =>
  s !== undefined && /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : undefined;

/** The plan tag's value. */
export function encodePlan(p: CanaryPlan): string {
  const g = p.gates;
  return (
    `v1 id=${p.id} stable=${p.stableTargetGroupId} canary=${p.canaryTargetGroupId} steps=${p.steps.join('/')} ` +
    `bake=${p.bakeSeconds} e5=${g.max5xxRate} e403=${g.max403Rate} p99=${g.maxP99Ms} min=${g.minRequests}`
  );
}

/** A plan from its tag, or undefined. */
export function decodePlan(value: string | undefined): CanaryPlan | undefined {
  const f = fields(value);
  if (!f) return undefined;
  const id = f.get('id');
  const stable = f.get('stable');
  const canary = f.get('canary');
  const steps = (f.get('steps') ?? '').split('/').map((s) => num(s));
  const bake = num(f.get('bake'));
  const e5 = num(f.get('e5'));
  const e403 = num(f.get('e403'));
  const p99 = num(f.get('p99'));
  const min = num(f.get('min'));
  if (!id || !stable || !canary || steps.length === 0 || steps.some((s) => s === undefined)) return undefined;
  if (bake === undefined || e5 === undefined || e403 === undefined || p99 === undefined || min === undefined)
    return undefined;
  return {
    id,
    stableTargetGroupId: stable,
    canaryTargetGroupId: canary,
    steps: steps as number[],
    bakeSeconds: bake,
    gates: { max5xxRate: e5, max403Rate: e403, maxP99Ms: p99, minRequests: min },
  };
}

/** The state tag's value (the reason last, made tag-safe and cut to fit). */
export function encodeState(s: CanaryState): string {
  const head = `v1 id=${s.planId} step=${s.step} status=${s.status} since=${s.since} seq=${s.seq}`;
  return s.reason ? `${head} why=${tagSafe(s.reason, MAX_TAG_VALUE - head.length - 5)}` : head;
}

/** A state from its tag, or undefined. */
export function decodeState(value: string | undefined): CanaryState | undefined {
  const f = fields(value, 'why');
  if (!f) return undefined;
  const planId = f.get('id');
  const step = num(f.get('step'));
  const status = f.get('status') as CanaryStatus | undefined;
  const since = num(f.get('since'));
  const seq = num(f.get('seq'));
  if (
    !planId ||
    step === undefined ||
    !status ||
    !STATUSES.includes(status) ||
    since === undefined ||
    seq === undefined
  )
    return undefined;
  const reason = f.get('why');
  return { planId, step, status, since, seq, ...(reason ? { reason } : {}) };
}

/** The lease tag's value. */
export function encodeLease(l: CanaryLease): string {
  return `v1 owner=${tagSafe(l.owner, 100).replace(/\s/g, '_')} until=${l.until}`;
}

/** A lease from its tag, or undefined. */
export function decodeLease(value: string | undefined): CanaryLease | undefined {
  const f = fields(value);
  const owner = f?.get('owner');
  const until = num(f?.get('until'));
  return owner && until !== undefined ? { owner, until } : undefined;
}
