import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../audit/event';
import type { RuleAction } from '../domain/routing';
import { defaultFilters, withValue } from './filters';
import { changeMarkers, describeEvent, MARKER_LANES, placeMarkers } from './markers';

const SVC = 'arn:aws:vpc-lattice:us-east-1:222222222222:service/svc-0000000000000000a';
const OTHER = 'arn:aws:vpc-lattice:us-east-1:333333333333:service/svc-0000000000000000b';
const V1 = 'arn:aws:vpc-lattice:us-east-1:222222222222:targetgroup/tg-0000000000000000a';
const V2 = 'arn:aws:vpc-lattice:us-east-1:222222222222:targetgroup/tg-0000000000000000b';
const names: Record<string, string> = { [V1]: 'payments-api-v1', [V2]: 'payments-api-v2', [SVC]: 'payments-api' };
const fwd = (a: number, b: number): RuleAction => ({
  type: 'forward',
  targetGroups: [
    { targetGroupArn: V1, weight: a },
    { targetGroupArn: V2, weight: b },
  ],
});
const T0 = Date.UTC(2026, 0, 2, 12, 0, 0);
const W = { startMs: T0, endMs: T0 + 3_600_000 };

function event(over: Partial<AuditEvent> & { at: number }): AuditEvent {
  const { at, ...rest } = over;
  return {
    v: 1,
    id: `e-${at}`,
    time: new Date(at).toISOString(),
    user: { id: 'olga@example.com', name: 'Olga' },
    action: 'rule.update',
    result: 'applied',
    accountId: '222222222222',
    serviceArn: SVC,
    resources: `${SVC} arn:rule/v2-canary`,
    changes: [
      {
        listenerArn: 'arn:listener',
        ruleArn: 'arn:rule/v2-canary',
        ruleName: 'v2-canary',
        isDefault: false,
        before: { priority: 30, match: { headers: [] }, action: fwd(90, 10) },
        after: { priority: 30, match: { headers: [] }, action: fwd(50, 50) },
      },
    ],
    ...rest,
  };
}

describe('changeMarkers', () => {
  it('says who changed which weights when', () => {
    const [m] = changeMarkers([event({ at: T0 + 60_000 })], names, defaultFilters(), W);
    expect(m).toMatchObject({
      t: T0 + 60_000,
      who: 'Olga',
      what: 'v2-canary weights 90/10 → 50/50 (payments-api-v1, payments-api-v2)',
      action: 'rule.update',
    });
  });

  it('keeps applied changes inside the window, oldest first', () => {
    const ms = changeMarkers(
      [
        event({ at: T0 + 120_000 }),
        event({ at: T0 + 60_000 }),
        event({ at: T0 + 90_000, result: 'conflict' }),
        event({ at: T0 - 1 }),
        event({ at: W.endMs + 1 }),
      ],
      names,
      defaultFilters(),
      W,
    );
    expect(ms.map((m) => m.t)).toEqual([T0 + 60_000, T0 + 120_000]);
  });

  it('keeps only events of the filtered service or that route to the filtered target group', () => {
    const events = [
      event({ at: T0 + 1000 }),
      event({ at: T0 + 2000, serviceArn: OTHER, resources: OTHER, changes: [] }),
    ];
    const bySvc = changeMarkers(events, names, withValue(defaultFilters(), 'service', OTHER), W);
    expect(bySvc.map((m) => m.serviceArn)).toEqual([OTHER]);
    const byTg = changeMarkers(events, names, withValue(defaultFilters(), 'targetGroup', V2), W);
    expect(byTg.map((m) => m.serviceArn)).toEqual([SVC]);
    expect(changeMarkers(events, names, defaultFilters(), W)).toHaveLength(2);
  });

  it('names canary steps with their percent, creations, deletions and rollbacks', () => {
    const step = event({ at: T0, action: 'canary.step', canary: { planId: 'p1', percent: 25 } });
    expect(describeEvent(step, (a) => names[a] ?? a)).toBe(
      'canary step at 25 % (v2-canary weights 90/10 → 50/50 (payments-api-v1, payments-api-v2))',
    );
    const created = event({ at: T0, action: 'rule.create' });
    created.changes[0]!.before = null;
    expect(describeEvent(created, (a) => a)).toBe('created v2-canary');
    const rollback = event({ at: T0, rollbackOf: 'e-1' });
    rollback.changes[0]!.after = null;
    expect(describeEvent(rollback, (a) => a)).toBe('rollback: deleted v2-canary');
  });
});

describe('placeMarkers', () => {
  const axis = { first: T0, span: 600_000, left: 44, width: 600 };
  const at = (t: number) => ({
    id: String(t),
    t,
    who: 'Olga',
    what: 'x',
    action: 'rule.update' as const,
    serviceArn: SVC,
  });

  it('puts a marker at its time on the axis and leaves out those outside it', () => {
    const p = placeMarkers([at(T0), at(T0 + 300_000), at(T0 + 600_000), at(T0 - 1), at(T0 + 600_001)], axis);
    expect(p.map((m) => m.x)).toEqual([44, 344, 644]);
  });

  it('moves a label down a lane when it would overlap the previous one, up to the last lane', () => {
    const p = placeMarkers([at(T0), at(T0 + 10_000), at(T0 + 20_000), at(T0 + 30_000), at(T0 + 400_000)], axis, 120);
    expect(p.map((m) => m.lane)).toEqual([0, 1, 2, MARKER_LANES - 1, 0]);
  });
});
