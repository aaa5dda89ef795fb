/** The rule editor's logic (useRuleDraft's state → what the editor shows and sends), without React. */
import { describe, expect, it } from 'vitest';
import type { RuleAction } from '@/lib/domain/routing';
import type { ListenerView, RuleView, TargetGroupView } from '@/lib/routing/view';
import { baseOf, currentVersion, type DraftInput, deriveDraft, draftOf, type EditTarget } from './ruleDraft';

const TG = (id: string): TargetGroupView => ({
  arn: `arn:aws:vpc-lattice:us-east-1:111111111111:targetgroup/${id}`,
  id,
  name: id,
});
const STABLE = TG('tg-0000000000000000a');
const CANARY = TG('tg-0000000000000000b');
const forward = (a: number, b: number): RuleAction => ({
  type: 'forward',
  targetGroups: [
    { targetGroupArn: STABLE.arn, weight: a },
    { targetGroupArn: CANARY.arn, weight: b },
  ],
});
const rule = (name: string, priority: number, version = `v-${name}`): RuleView => ({
  arn: `arn:rule/${name}`,
  id: name,
  name,
  priority,
  match: { path: { type: 'prefix', value: `/${name}`, caseSensitive: false }, headers: [] },
  action: forward(90, 10),
  version,
});
const LISTENER: ListenerView = {
  arn: 'arn:listener/l',
  id: 'l',
  name: 'http',
  protocol: 'HTTP',
  defaultAction: forward(100, 0),
  defaultVersion: 'v-default',
  rules: [rule('api', 10), rule('web', 20)],
};
const GROUPS = [STABLE, CANARY];

function input(target: EditTarget, edit: (d: DraftInput['draft']) => DraftInput['draft'] = (d) => d, swap = false) {
  return {
    listener: LISTENER,
    target,
    groups: GROUPS,
    serviceArn: 'arn:service/s',
    base: baseOf(LISTENER, target),
    draft: edit(draftOf(LISTENER, target, GROUPS)),
    swap,
  };
}

describe('rule draft', () => {
  it('opens a rule unchanged: no change to send, not dirty, expecting its version', () => {
    const t: EditTarget = { kind: 'rule', rule: LISTENER.rules[0]! };
    const d = deriveDraft(input(t));
    expect(d.issues.map((i) => i.message)).toEqual([]);
    expect(d.dirty).toBe(false);
    expect(d.changed).toBe(false);
    expect(d.change).toMatchObject({ kind: 'updateRule', ruleArn: 'arn:rule/api', expectedVersion: 'v-api' });
  });

  it('sends a weight change as updateRule with the new weights, and marks it dirty', () => {
    const t: EditTarget = { kind: 'rule', rule: LISTENER.rules[0]! };
    const d = deriveDraft(input(t, (dr) => ({ ...dr, action: forward(50, 50) })));
    expect(d.dirty).toBe(true);
    expect(d.change).toMatchObject({ kind: 'updateRule', after: { action: forward(50, 50), priority: 10 } });
  });

  it('refuses a priority taken by another rule unless swapping, and then swaps both in one batch', () => {
    const t: EditTarget = { kind: 'rule', rule: LISTENER.rules[0]! };
    const taken = deriveDraft(input(t, (dr) => ({ ...dr, priority: 20 })));
    expect(taken.holder?.name).toBe('web');
    expect(taken.issues.length).toBeGreaterThan(0);
    expect(taken.change).toBeUndefined();
    const swapped = deriveDraft(input(t, (dr) => ({ ...dr, priority: 20 }), true));
    expect(swapped.issues).toEqual([]);
    expect(swapped.change).toMatchObject({
      kind: 'batchUpdate',
      updates: [
        { ruleArn: 'arn:rule/api', after: { priority: 20 } },
        { ruleArn: 'arn:rule/web', expectedVersion: 'v-web', after: { priority: 10 } },
      ],
    });
    expect(swapped.diffs.map((x) => x.label)).toEqual(['api', 'web']);
  });

  it('edits the default action: only the action, against the default version', () => {
    const d = deriveDraft(input({ kind: 'default' }, (dr) => ({ ...dr, action: forward(0, 100) })));
    expect(d.change).toEqual({
      kind: 'updateDefault',
      serviceArn: 'arn:service/s',
      listenerArn: 'arn:listener/l',
      expectedVersion: 'v-default',
      after: { action: forward(0, 100) },
    });
  });

  it('starts a new rule after the highest priority, and needs a valid name before it can be created', () => {
    const first = draftOf(LISTENER, { kind: 'new' }, GROUPS);
    expect(first.priority).toBe(30);
    expect(first.action).toEqual(LISTENER.defaultAction);
    const unnamed = deriveDraft(input({ kind: 'new' }));
    expect(unnamed.issues.length).toBeGreaterThan(0);
    expect(unnamed.change).toBeUndefined();
    expect(unnamed.changed).toBe(true);
    const named = deriveDraft(input({ kind: 'new' }, (dr) => ({ ...dr, name: 'checkout' })));
    expect(named.change).toMatchObject({ kind: 'createRule', name: 'checkout', after: { priority: 30 } });
  });

  it('knows the current version of what is edited, to detect a change under the editor', () => {
    expect(currentVersion(LISTENER, { kind: 'default' })).toBe('v-default');
    expect(currentVersion(LISTENER, { kind: 'rule', rule: LISTENER.rules[1]! })).toBe('v-web');
    expect(currentVersion({ ...LISTENER, rules: [] }, { kind: 'rule', rule: LISTENER.rules[1]! })).toBeUndefined();
    expect(currentVersion(LISTENER, { kind: 'new' })).toBeUndefined();
  });
});
