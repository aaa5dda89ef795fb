import { describe, expect, it } from 'vitest';
import type { AuditAction, AuditEvent } from '../audit/event';
import { DEMO, demoLike, PAY } from '../graph/testing/fixtures';
import { RECENT_CHANGES, routingOverview } from './overview';

const snapshot = demoLike();
const rule = snapshot.rules.find((r) => r.name === 'v2-canary')!;

function event(id: string, time: string, action: AuditAction, over: Partial<AuditEvent> = {}): AuditEvent {
  return {
    v: 1,
    id,
    time,
    user: { id: 'alice', name: 'alice' },
    action,
    result: 'applied',
    accountId: PAY,
    serviceArn: DEMO.paymentsApi,
    listenerArn: rule.listenerArn,
    ruleArn: rule.arn,
    resources: `${DEMO.paymentsApi} ${rule.arn}`,
    changes: [
      {
        listenerArn: rule.listenerArn,
        ruleArn: rule.arn,
        ruleName: 'v2-canary',
        isDefault: false,
        before: null,
        after: null,
      },
    ],
    ...(action.startsWith('canary.') ? { canary: { planId: 'plan1', percent: 25 } } : {}),
    ...over,
  };
}

describe('routingOverview', () => {
  it('lists every service of the configured accounts with its rules’ current splits', () => {
    const rows = routingOverview(snapshot, []);
    expect(rows.map((r) => r.name)).toContain('payments-api');
    const api = rows.find((r) => r.arn === DEMO.paymentsApi)!;
    expect(api.accountName).toBe('payments');
    expect(api.rules.map((r) => [r.ruleName, r.forward.map((f) => f.weight)])).toEqual([
      ['v2-canary', [90, 10]],
      ['default', [100]],
    ]);
    expect(api.canaries).toEqual([]);
    expect(api.recent).toEqual([]);
    // A fixed response is a rule too.
    const hooks = rows.find((r) => r.arn === DEMO.webhooks);
    expect(hooks?.rules[0]?.fixedStatus).toBe(404);
  });

  it('orders rows by account name, then service name', () => {
    const rows = routingOverview(snapshot, []);
    const keys = rows.map((r) => `${r.accountName}/${r.name}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('shows a plan as running until it is promoted, aborted or completed, paused when paused', () => {
    const started = [event('a', '2026-12-03T07:00:00Z', 'canary.start')];
    expect(routingOverview(snapshot, started).find((r) => r.arn === DEMO.paymentsApi)!.canaries).toEqual([
      { planId: 'plan1', ruleName: 'v2-canary', status: 'baking', percent: 25, since: '2026-12-03T07:00:00Z' },
    ]);
    const paused = [...started, event('b', '2026-12-03T07:05:00Z', 'canary.pause')];
    expect(routingOverview(snapshot, paused).find((r) => r.arn === DEMO.paymentsApi)!.canaries[0]?.status).toBe(
      'paused',
    );
    for (const end of ['canary.abort', 'canary.promote', 'canary.complete'] as const) {
      const ended = [...paused, event('c', '2026-12-03T07:10:00Z', end)];
      expect(routingOverview(snapshot, ended).find((r) => r.arn === DEMO.paymentsApi)!.canaries).toEqual([]);
    }
    // A refused command does not end the plan.
    const refused = [...started, event('d', '2026-12-03T07:10:00Z', 'canary.abort', { result: 'conflict' })];
    expect(routingOverview(snapshot, refused).find((r) => r.arn === DEMO.paymentsApi)!.canaries).toHaveLength(1);
  });

  it('keeps the last few changes of each service, newest first', () => {
    const events = [
      event('e1', '2026-12-03T07:01:00Z', 'rule.update'),
      event('e4', '2026-12-03T07:04:00Z', 'rule.update', { result: 'conflict' }),
      event('e2', '2026-12-03T07:02:00Z', 'rule.update'),
      event('e3', '2026-12-03T07:03:00Z', 'rule.update'),
      event('x', '2026-12-03T07:05:00Z', 'rule.update', { serviceArn: DEMO.ledger }),
    ];
    const api = routingOverview(snapshot, events).find((r) => r.arn === DEMO.paymentsApi)!;
    expect(api.recent.map((e) => e.id)).toEqual(['e4', 'e3', 'e2'].slice(0, RECENT_CHANGES));
    expect(api.recent[0]).toMatchObject({ user: 'alice', result: 'conflict', rules: ['v2-canary'] });
    expect(
      routingOverview(snapshot, events)
        .find((r) => r.arn === DEMO.ledger)!
        .recent.map((e) => e.id),
    ).toEqual(['x']);
  });
});
