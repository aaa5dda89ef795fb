import { describe, expect, it } from 'vitest';
import type { AuditEvent } from './event';
import type { RuleAction } from '../domain/routing';
import { rollbackChange } from './rollback';
import { versionOf } from '../routing/ruleVersion';

const fwd = (a: number, b: number): RuleAction => ({
  type: 'forward',
  targetGroups: [
    { targetGroupArn: 'tg-a', weight: a },
    { targetGroupArn: 'tg-b', weight: b },
  ],
});
const match = { path: { type: 'prefix' as const, value: '/v2/', caseSensitive: false }, headers: [] };
const before = { priority: 30, match, action: fwd(90, 10) };
const after = { priority: 30, match, action: fwd(50, 50) };

function event(over: Partial<AuditEvent>): AuditEvent {
  return {
    v: 1,
    id: 'e1',
    time: '2025-01-01T00:00:00Z',
    user: { id: 'u', name: 'u' },
    action: 'rule.update',
    result: 'applied',
    accountId: '222222222222',
    serviceArn: 'svc',
    listenerArn: 'l',
    resources: 'svc l r',
    changes: [
      {
        listenerArn: 'l',
        ruleArn: 'r',
        ruleName: 'v2-canary',
        isDefault: false,
        before,
        after,
        afterVersion: 'abc.def',
      },
    ],
    ...over,
  };
}

describe('rollbackChange', () => {
  it('puts a rule back with the after version as the expected one', () => {
    expect(rollbackChange(event({}))).toEqual({
      kind: 'updateRule',
      serviceArn: 'svc',
      listenerArn: 'l',
      ruleArn: 'r',
      expectedVersion: 'abc.def',
      after: before,
    });
  });

  it('computes the expected version from the after-state when none was recorded', () => {
    const e = event({});
    delete e.changes[0]!.afterVersion;
    expect(rollbackChange(e)).toMatchObject({ expectedVersion: versionOf(after) });
  });

  it('reverts default actions, creations, deletions and batches', () => {
    expect(
      rollbackChange(
        event({
          changes: [
            {
              listenerArn: 'l',
              isDefault: true,
              before: { action: fwd(1, 0) },
              after: { action: fwd(0, 1) },
              afterVersion: 'x.y',
            },
          ],
        }),
      ),
    ).toEqual({
      kind: 'updateDefault',
      serviceArn: 'svc',
      listenerArn: 'l',
      expectedVersion: 'x.y',
      after: { action: fwd(1, 0) },
    });
    expect(
      rollbackChange(
        event({
          changes: [{ listenerArn: 'l', ruleArn: 'r', isDefault: false, before: null, after, afterVersion: 'v.w' }],
        }),
      ),
    ).toMatchObject({ kind: 'deleteRule', ruleArn: 'r', expectedVersion: 'v.w' });
    expect(
      rollbackChange(
        event({
          changes: [{ listenerArn: 'l', ruleArn: 'r', ruleName: 'gone', isDefault: false, before, after: null }],
        }),
      ),
    ).toEqual({ kind: 'createRule', serviceArn: 'svc', listenerArn: 'l', name: 'gone', after: before });
    const batch = rollbackChange(
      event({
        changes: [
          {
            listenerArn: 'l',
            ruleArn: 'r1',
            isDefault: false,
            before: { ...before, priority: 1 },
            after: { ...before, priority: 2 },
            afterVersion: 'a.b',
          },
          {
            listenerArn: 'l',
            ruleArn: 'r2',
            isDefault: false,
            before: { ...before, priority: 2 },
            after: { ...before, priority: 1 },
            afterVersion: 'c.d',
          },
        ],
      }),
    );
    expect(batch).toMatchObject({
      kind: 'batchUpdate',
      updates: [
        { ruleArn: 'r1', expectedVersion: 'a.b', after: { priority: 1 } },
        { ruleArn: 'r2', expectedVersion: 'c.d', after: { priority: 2 } },
      ],
    });
  });

  it('refuses entries that did not apply', () => {
    expect(() => rollbackChange(event({ result: 'conflict' }))).toThrow(/Only applied changes/);
    expect(() => rollbackChange(event({ changes: [] }))).toThrow();
  });
});
