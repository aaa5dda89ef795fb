/**
 * Findings of resources that no longer exist are dropped at once — but only when the snapshot read their
 * account and region completely; a failed or partial read keeps them (they clear as usual).
 */
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../domain/snapshot';
import { DEMO, demoLike } from '../graph/testing/fixtures';
import { evaluate, type EngineInput } from './engine';
import { Persistence } from './persistence';
import { addTg, emptyFolded, flat, step } from './testing';
import { vanishedIn } from './vanished';

const T = Date.UTC(2026, 0, 5, 9, 0);
const down = [
  { id: 'i-1', status: 'UNHEALTHY' as const, reasonCode: 'HealthCheckFailed' },
  { id: 'i-2', status: 'HEALTHY' as const },
];
const PAY = '222222222222';
const R = 'us-east-1';

function input(snapshot: Snapshot, nowMs: number, over: Partial<EngineInput> = {}): EngineInput {
  return {
    nowMs,
    snapshot,
    health: {},
    changes: [],
    canaries: [],
    errors: [],
    queries: 0,
    bytesScanned: 0,
    ...over,
  };
}

/** demoLike() without the ledger service and its target group (deleted). */
function withoutLedger(): Snapshot {
  const s = demoLike();
  s.targetGroups = s.targetGroups.filter((g) => g.arn !== DEMO.ledgerTg);
  s.services = s.services.filter((x) => x.arn !== DEMO.ledger);
  delete s.targets[DEMO.ledgerTg];
  return s;
}

/** A persistence that shows the ledger group's unhealthy-targets finding. */
function remembering(): Persistence {
  const p = new Persistence();
  const first = evaluate(input(demoLike(), T, { health: { [DEMO.ledgerTg]: down } }), p);
  expect(first.findings.map((f) => f.where.targetGroupArn)).toEqual([DEMO.ledgerTg]);
  return p;
}

const ledgerFindings = (r: ReturnType<typeof evaluate>) =>
  r.findings.filter((f) => f.where.targetGroupArn === DEMO.ledgerTg);

describe('findings of vanished resources', () => {
  it('a group the complete snapshot no longer lists loses its finding at once', () => {
    const p = remembering();
    const next = evaluate(input(withoutLedger(), T + 30_000), p);
    expect(ledgerFindings(next)).toEqual([]);
    expect(p.lastDown(DEMO.ledgerTg)).toBeUndefined();
    expect(p.downGroups()).toEqual([]);
  });

  it('a group still listed but not read this time keeps its finding ("not firing now")', () => {
    const p = remembering();
    const next = evaluate(input(demoLike(), T + 30_000), p);
    expect(ledgerFindings(next).map((f) => f.detail)).toEqual([expect.stringMatching(/\(not firing now\)$/)]);
  });

  it('a failed List of its account and region keeps the finding (the listing is not complete)', () => {
    for (const operation of ['ListTargetGroups', 'Crawl']) {
      const p = remembering();
      const s = withoutLedger();
      s.problems = [
        { accountId: PAY, region: R, operation, error: { code: 'THROTTLED', message: 'slow down', retryable: true } },
      ];
      expect(ledgerFindings(evaluate(input(s, T + 30_000), p))).toHaveLength(1);
    }
  });

  it('an unreachable account, or one not read in this snapshot, keeps its findings', () => {
    const p = remembering();
    const s = withoutLedger();
    s.accounts = s.accounts.map((a) =>
      a.accountId === PAY
        ? { ...a, reachable: false, error: { code: 'ACCESS_DENIED', message: 'AssumeRole denied', retryable: false } }
        : a,
    );
    expect(ledgerFindings(evaluate(input(s, T + 30_000), p))).toHaveLength(1);
    const q = remembering();
    const t = withoutLedger();
    t.accounts = t.accounts.filter((a) => a.accountId !== PAY);
    expect(ledgerFindings(evaluate(input(t, T + 30_000), q))).toHaveLength(1);
  });

  it('a log finding of a deleted group goes too; a problem in another account does not hold it', () => {
    const p = new Persistence();
    const f = emptyFolded();
    addTg(f, DEMO.v2, DEMO.paymentsApi, { requests: flat(100), errors: step(0, 40, 6), failure: '503' });
    f.baseline.tg[DEMO.v2] = { requests: 6_000, errors5xx: 24, okRequests: 5_976 };
    const nowMs = f.window.endMs + 30_000;
    const first = evaluate(input(demoLike(), nowMs, { folded: f }), p);
    expect(first.findings.map((x) => x.where.targetGroupArn)).toContain(DEMO.v2);
    const s = demoLike();
    s.targetGroups = s.targetGroups.filter((g) => g.arn !== DEMO.v2);
    s.problems = [
      {
        accountId: '333333333333',
        region: R,
        operation: 'ListTargetGroups',
        error: { code: 'TIMEOUT', message: 'x', retryable: true },
      },
    ];
    const next = evaluate(input(s, nowMs + 15_000), p);
    expect(next.findings.filter((x) => x.where.targetGroupArn === DEMO.v2)).toEqual([]);
  });

  it('vanishedIn: listed resources and ARNs that are not Lattice ARNs never vanish', () => {
    const gone = vanishedIn(withoutLedger());
    expect(gone(DEMO.ledgerTg)).toBe(true);
    expect(gone(DEMO.ledger)).toBe(true);
    expect(gone(DEMO.v1)).toBe(false);
    expect(gone('not-an-arn')).toBe(false);
  });
});
