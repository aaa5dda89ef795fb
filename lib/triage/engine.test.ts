import { describe, expect, it } from 'vitest';
import { DEMO, demoLike } from '../graph/testing/fixtures';
import { evaluate, type EngineInput } from './engine';
import { Persistence } from './persistence';
import { addTg, emptyFolded, flat, step } from './testing';

function input(over: Partial<EngineInput> = {}): EngineInput {
  const f = emptyFolded();
  addTg(f, DEMO.v1, DEMO.paymentsApi, { requests: flat(900), errors: flat(4) });
  addTg(f, DEMO.v2, DEMO.paymentsApi, { requests: flat(100), errors: step(0, 27, 6), failure: '503' });
  f.baseline.tg[DEMO.v1] = { requests: 54_000, errors5xx: 216, okRequests: 53_784 };
  f.baseline.tg[DEMO.v2] = { requests: 6_000, errors5xx: 24, okRequests: 5_976 };
  return {
    nowMs: f.window.endMs + 30_000,
    snapshot: demoLike(),
    folded: f,
    health: {},
    changes: [],
    canaries: [],
    errors: [],
    queries: 2,
    bytesScanned: 1234,
    ...over,
  };
}

describe('evaluate', () => {
  it('turns a failing canary group into one ranked finding with its role and rollback action', () => {
    const r = evaluate(input(), new Persistence());
    expect(r.findings.map((f) => f.title)).toEqual(['payments-api-v2: 27 % 5xx (503) vs 0.4 % baseline']);
    const [f] = r.findings;
    expect(f!.canary).toBe(true);
    expect(f!.actions?.rollback).toEqual({
      serviceArn: DEMO.paymentsApi,
      listenerArn: f!.where.listenerArn,
      ruleArn: f!.where.ruleArn,
      targetGroupArn: DEMO.v2,
    });
    expect(r).toMatchObject({ queries: 2, bytesScanned: 1234, errors: [] });
    expect(r.asOf).toBe(f!.asOf);
  });

  it('a failing stable group gets a link to its rule, no one-click shift', () => {
    const i = input();
    const f = i.folded!;
    f.tg[DEMO.v1]!.errors5xx = step(4, 300, 6);
    f.tg[DEMO.v2]!.errors5xx = flat(0);
    const r = evaluate(i, new Persistence());
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.where.targetGroupArn).toBe(DEMO.v1);
    expect(r.findings[0]!.canary).toBeUndefined();
    expect(r.findings[0]!.actions).toEqual({
      ruleLink: { serviceArn: DEMO.paymentsApi, ruleArn: r.findings[0]!.where.ruleArn },
    });
  });

  it('ranks critical first, then by score', () => {
    const i = input();
    i.health = {
      [DEMO.ledgerTg]: [
        { id: 'i-1', status: 'UNHEALTHY', reasonCode: 'HealthCheckFailed' },
        { id: 'i-2', status: 'UNHEALTHY', reasonCode: 'HealthCheckFailed' },
      ],
    };
    const r = evaluate(i, new Persistence());
    expect(r.findings.map((f) => [f.kind, f.severity])).toEqual([
      ['unhealthy-targets', 'critical'],
      ['error-rate', 'high'],
    ]);
  });

  it('a moderate rise shows on the second evaluation and clears 5 minutes after it stops', () => {
    const i = input();
    const f = i.folded!;
    f.tg[DEMO.v2]!.errors5xx = step(0, 15, 1); // 15 % in the last minute only (3 % of 5 min): not extreme
    const persistence = new Persistence();
    expect(evaluate(i, persistence).findings).toEqual([]);
    const second = evaluate({ ...i, nowMs: i.nowMs + 15_000 }, persistence);
    expect(second.findings.map((x) => x.kind)).toEqual(['error-rate']);
    f.tg[DEMO.v2]!.errors5xx = flat(0);
    const quiet = evaluate({ ...i, nowMs: i.nowMs + 60_000 }, persistence);
    expect(quiet.findings.map((x) => x.detail)).toEqual([expect.stringMatching(/not firing now/)]);
    expect(evaluate({ ...i, nowMs: i.nowMs + 6 * 60_000 }, persistence).findings).toEqual([]);
  });

  it('without logs it still reports health and keeps the errors', () => {
    const r = evaluate(
      input({
        folded: undefined,
        errors: [{ accountId: '222222222222', source: 'logs', code: 'ACCESS_DENIED', message: 'no' }],
      }),
      new Persistence(),
    );
    expect(r.findings).toEqual([]);
    expect(r.errors).toHaveLength(1);
  });
});
