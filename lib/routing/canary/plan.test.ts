import { describe, expect, it } from 'vitest';
import { bakeEndsAt, currentPercent, DEFAULT_CANARY, validatePlan, type CanaryPlan, type CanaryState } from './plan';
import { decide, judgeGates, type GateFigures } from './gates';
import {
  CANARY_TAGS,
  decodeLease,
  decodePlan,
  decodeState,
  encodeLease,
  encodePlan,
  encodeState,
  MAX_TAG_VALUE,
  tagSafe,
} from './tagCodec';

const TG1 = 'tg-00000000000000001';
const TG2 = 'tg-00000000000000002';
const plan: CanaryPlan = {
  id: 'abc123xyz0',
  stableTargetGroupId: TG1,
  canaryTargetGroupId: TG2,
  ...DEFAULT_CANARY,
  bakeSeconds: 60,
};
const baking = (step: number, since = 1_000_000): CanaryState => ({
  planId: plan.id,
  step,
  status: 'baking',
  since,
  seq: step + 1,
});
const healthy: GateFigures = { requests: 1000, errors5xx: 2, denied403: 0, p99Ms: 120 };

describe('validatePlan', () => {
  it('accepts the defaults', () => {
    expect(validatePlan({ ...plan })).toEqual([]);
  });

  it('refuses bad steps, bake times, gates and target groups', () => {
    const bad = (over: Partial<CanaryPlan>) => validatePlan({ ...plan, ...over }).map((i) => i.field);
    expect(bad({ steps: [50, 25, 100] })).toEqual(['steps']);
    expect(bad({ steps: [5, 50] })).toEqual(['steps']);
    expect(bad({ steps: [0, 100] })).toEqual(['steps']);
    expect(bad({ steps: [] })).toContain('steps');
    expect(bad({ bakeSeconds: 0 })).toEqual(['bakeSeconds']);
    expect(bad({ canaryTargetGroupId: TG1 })).toEqual(['canaryTargetGroupId']);
    expect(bad({ gates: { ...plan.gates, max5xxRate: 2 } })).toEqual(['gates.max5xxRate']);
    expect(bad({ gates: { ...plan.gates, minRequests: -1 } })).toEqual(['gates.minRequests']);
  });
});

describe('judgeGates', () => {
  it('passes healthy figures', () => {
    const j = judgeGates(plan.gates, healthy);
    expect(j.overall).toBe('pass');
    expect(j.verdicts.map((v) => v.text)).toEqual([
      '1000 requests ≥ 50',
      '5xx 0.2 % ≤ 1 %',
      '403 0 % ≤ 5 %',
      'p99 120 ms ≤ 1000 ms',
    ]);
  });

  it('fails on a 5xx rate, a 403 rate or a slow p99', () => {
    expect(judgeGates(plan.gates, { ...healthy, errors5xx: 200 }).overall).toBe('fail');
    expect(judgeGates(plan.gates, { ...healthy, denied403: 100 }).overall).toBe('fail');
    expect(judgeGates(plan.gates, { ...healthy, p99Ms: 5000 }).overall).toBe('fail');
  });

  it('never passes nor fails below the minimum request count', () => {
    const j = judgeGates(plan.gates, { requests: 10, errors5xx: 10, denied403: 0, p99Ms: 9999 });
    expect(j.overall).toBe('insufficient');
    expect(j.verdicts.every((v) => v.verdict === 'insufficient')).toBe(true);
    expect(
      judgeGates({ ...plan.gates, minRequests: 0 }, { requests: 0, errors5xx: 0, denied403: 0, p99Ms: null }).overall,
    ).toBe('insufficient');
  });
});

describe('decide', () => {
  const pass = judgeGates(plan.gates, healthy);
  const fail = judgeGates(plan.gates, { ...healthy, errors5xx: 500 });
  const few = judgeGates(plan.gates, { ...healthy, requests: 3 });
  const s = baking(1);
  const end = bakeEndsAt(plan, s);

  it('waits while baking with passing gates', () => {
    expect(decide(plan, s, end - 1, pass)).toEqual({ kind: 'none', until: end });
  });

  it('aborts on a failed gate at once, even mid-bake', () => {
    const t = decide(plan, s, end - 30_000, fail);
    expect(t.kind).toBe('abort');
    expect(t.kind === 'abort' && t.reason).toContain('Gate failed at 25 %: 5xx 50 % > 1 %');
  });

  it('advances after the bake, and completes after the last step', () => {
    expect(decide(plan, s, end, pass)).toEqual({ kind: 'advance', step: 2 });
    expect(decide(plan, baking(3), bakeEndsAt(plan, baking(3)), pass)).toEqual({ kind: 'complete' });
  });

  it('pauses with too little traffic after the bake; waits before', () => {
    expect(decide(plan, s, end, few).kind).toBe('pause');
    expect(decide(plan, s, end - 1, few).kind).toBe('none');
  });

  it('does nothing when paused, finished or without figures', () => {
    expect(decide(plan, { ...s, status: 'paused' }, end, fail)).toEqual({ kind: 'none' });
    expect(decide(plan, s, end, undefined)).toEqual({ kind: 'none' });
  });

  it('reports the current percent', () => {
    expect(currentPercent(plan, s)).toBe(25);
    expect(currentPercent(plan, { ...s, status: 'aborted' })).toBe(0);
    expect(currentPercent(plan, { ...s, status: 'promoted' })).toBe(100);
  });
});

describe('canary tags', () => {
  it('round-trip plan, state and lease within the tag limits', () => {
    const p = encodePlan(plan);
    expect(p.length).toBeLessThanOrEqual(MAX_TAG_VALUE);
    expect(p).toMatch(/^[\p{L}\p{N}\s_.:/=+\-@]+$/u);
    expect(decodePlan(p)).toEqual(plan);
    const st: CanaryState = {
      ...baking(2),
      status: 'aborted',
      reason: 'Gate failed at 25 %: 5xx 50 % > 1 %; "quoted" <x>',
    };
    const enc = encodeState(st);
    expect(enc).toMatch(/^[\p{L}\p{N}\s_.:/=+\-@]+$/u);
    expect(decodeState(enc)).toEqual({ ...st, reason: 'Gate failed at 25 pct: 5xx 50 pct gt 1 pct quoted ltxgt' });
    expect(decodeState(encodeState(baking(0)))).toEqual(baking(0));
    expect(decodeLease(encodeLease({ owner: 'replica a', until: 5 }))).toEqual({ owner: 'replica_a', until: 5 });
    expect(encodeState({ ...st, reason: 'x'.repeat(500) }).length).toBeLessThanOrEqual(MAX_TAG_VALUE);
    expect(Object.values(CANARY_TAGS).every((k) => !k.startsWith('aws:'))).toBe(true);
  });

  it('reads malformed tags as absent', () => {
    for (const bad of [undefined, '', 'v2 id=x', 'v1 id=x steps=a/b bake=1 e5=0 e403=0 p99=1 min=1 stable=s canary=c'])
      expect(decodePlan(bad)).toBeUndefined();
    expect(decodeState('v1 id=x step=1 status=flying since=1 seq=1')).toBeUndefined();
    expect(decodeLease('v1 owner=x')).toBeUndefined();
  });

  it('makes text tag-safe', () => {
    expect(tagSafe('a{b}c "d"\n e')).toBe('a b c d e');
  });
});
