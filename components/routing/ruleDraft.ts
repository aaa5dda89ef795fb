/**
 * The rule editor's logic without React (useRuleDraft holds the state): the base a rule, default
 * action or new rule was opened on, the first draft, and everything derived from a draft with the pure
 * domain functions (issues with the API's limits, warnings, the change to send, the preview diffs).
 */
import type { RuleAction, RuleMatch } from '@/lib/domain/routing';
import type { RoutingChange } from '@/lib/routing/change';
import {
  healthByArn,
  targetGroupName,
  type ListenerView,
  type RuleView,
  type TargetGroupView,
} from '@/lib/routing/view';
import { diffRule, type RuleDiff } from '@/lib/routing/ruleDiff';
import {
  routingWarnings,
  validateRule,
  validateRuleName,
  type Issue,
  type RuleContent,
  type Warning,
} from '@/lib/routing/ruleValidation';

/** What the editor edits. */
export type EditTarget = { kind: 'rule'; rule: RuleView } | { kind: 'default' } | { kind: 'new' };

/** The draft's fields. */
export interface Draft {
  name: string;
  priority: number | undefined;
  match: RuleMatch;
  action: RuleAction;
}

/** The base the editor was opened on. */
export interface Base {
  content: RuleContent | undefined;
  version: string | undefined;
}

export function baseOf(listener: ListenerView, target: EditTarget): Base {
  if (target.kind === 'rule')
    return {
      content: {
        priority: target.rule.priority,
        match: target.rule.match,
        ...(target.rule.action ? { action: target.rule.action } : {}),
      },
      version: target.rule.version,
    };
  if (target.kind === 'default')
    return {
      content: listener.defaultAction ? { action: listener.defaultAction } : {},
      version: listener.defaultVersion,
    };
  return { content: undefined, version: undefined };
}

export function draftOf(listener: ListenerView, target: EditTarget, groups: TargetGroupView[]): Draft {
  const fallback: RuleAction =
    listener.defaultAction ??
    (groups[0]
      ? { type: 'forward', targetGroups: [{ targetGroupArn: groups[0].arn, weight: 100 }] }
      : { type: 'fixedResponse', statusCode: 404 });
  if (target.kind === 'rule')
    return {
      name: target.rule.name,
      priority: target.rule.priority,
      match: target.rule.match,
      action: target.rule.action ?? fallback,
    };
  if (target.kind === 'default')
    return { name: 'default', priority: undefined, match: { headers: [] }, action: fallback };
  const next = Math.min(2000, Math.max(0, ...listener.rules.map((r) => r.priority)) + 10);
  return {
    name: '',
    priority: next,
    match: { path: { type: 'prefix', value: '/', caseSensitive: false }, headers: [] },
    action: fallback,
  };
}

/** The current (freshly read) state of the target, to detect that it changed under the editor. */
export function currentVersion(listener: ListenerView, target: EditTarget): string | undefined {
  if (target.kind === 'default') return listener.defaultVersion;
  if (target.kind === 'rule') return listener.rules.find((r) => r.arn === target.rule.arn)?.version;
  return undefined;
}

/** What the editor shows for a draft: issues, warnings, the preview diffs and the change to send. */
export interface DraftInput {
  listener: ListenerView;
  target: EditTarget;
  groups: TargetGroupView[];
  serviceArn: string;
  base: Base;
  draft: Draft;
  /** Swap priorities with the rule holding the draft's priority. */
  swap: boolean;
}

/** Everything derived from a draft (pure). */
export function deriveDraft({ listener, target, groups, serviceArn, base, draft, swap }: DraftInput) {
  const isDefault = target.kind === 'default';
  const selfArn = target.kind === 'rule' ? target.rule.arn : undefined;
  const nameOf = (arn: string) => targetGroupName(groups, arn);
  const content: RuleContent = isDefault
    ? { action: draft.action }
    : {
        ...(draft.priority !== undefined ? { priority: draft.priority } : {}),
        match: draft.match,
        action: draft.action,
      };
  const holder =
    !isDefault && draft.priority !== undefined
      ? listener.rules.find((r) => r.arn !== selfArn && r.priority === draft.priority)
      : undefined;
  const swapping = Boolean(swap && holder && target.kind === 'rule');
  const siblings = listener.rules
    .filter((r) => !(swapping && r.arn === holder?.arn))
    .map((r) => ({ arn: r.arn, name: r.name, priority: r.priority }));
  const issues: Issue[] = [
    ...(target.kind === 'new' ? validateRuleName(draft.name) : []),
    ...validateRule(content, { isDefault, siblings, ...(selfArn ? { selfArn } : {}), nameOf }),
  ];
  const warnings: Warning[] = routingWarnings(draft.action, healthByArn(groups), nameOf);
  const diffs: Array<{ label: string; diff: RuleDiff }> = [
    { label: draft.name || 'new rule', diff: diffRule(base.content, content, nameOf, isDefault) },
  ];
  let change: RoutingChange | undefined;
  if (issues.length === 0) {
    const after = { priority: draft.priority ?? 0, match: draft.match, action: draft.action };
    const t = { serviceArn, listenerArn: listener.arn };
    if (target.kind === 'default')
      change = { kind: 'updateDefault', ...t, expectedVersion: base.version ?? '', after: { action: draft.action } };
    else if (target.kind === 'new') change = { kind: 'createRule', ...t, name: draft.name, after };
    else if (swapping && holder && target.kind === 'rule' && holder.action) {
      const basePriority = base.content?.priority ?? target.rule.priority;
      change = {
        kind: 'batchUpdate',
        ...t,
        updates: [
          { ruleArn: target.rule.arn, expectedVersion: base.version ?? '', after },
          {
            ruleArn: holder.arn,
            expectedVersion: holder.version,
            after: { priority: basePriority, match: holder.match, action: holder.action },
          },
        ],
      };
      diffs.push({
        label: holder.name,
        diff: diffRule(
          { priority: holder.priority, match: holder.match, action: holder.action },
          { priority: basePriority, match: holder.match, action: holder.action },
          nameOf,
        ),
      });
    } else if (target.kind === 'rule')
      change = { kind: 'updateRule', ...t, ruleArn: target.rule.arn, expectedVersion: base.version ?? '', after };
  }
  return {
    issues,
    warnings,
    diffs,
    change,
    holder,
    changed: diffs.some((d) => d.diff.changed) || target.kind === 'new',
    dirty: diffs[0]?.diff.changed ?? false,
  };
}
