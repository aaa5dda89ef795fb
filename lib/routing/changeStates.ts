/**
 * The states around a write: each touched rule's before-state re-read right before writing (and the
 * version check against what the sender saw), the server-side validation with the listener's other
 * rules, and the after-state re-read for the audit log (its version is what a rollback expects).
 */
import 'server-only';
import type { AuditRuleChange } from '../audit/event';
import { TrellisError } from '../domain/errors';
import { matchSummary } from '../domain/routing';
import type { RoutingChange } from './change';
import type { RuleView } from './view';
import { actionSummary } from './ruleDiff';
import {
  describeIssuesLine,
  validateRule,
  validateRuleName,
  type Issue,
  type RuleContent,
  type SiblingRule,
} from './ruleValidation';
import { sameVersion, versionOf } from './ruleVersion';
import { latticeOf, type RoutingContext } from './context';
import { refusalFor } from './listenerLimits';
import { listRuleSummaries, readListener, readRule } from './readRules';
import type { WriteOutcome } from './writeOps';

/** A touched rule before the write. */
export interface BeforeState {
  change: AuditRuleChange;
  /** Version now (undefined for a rule being created). */
  currentVersion?: string;
  /** Version the sender saw. */
  expectedVersion?: string;
}

const contentDigest = (c: RuleContent) => versionOf(c).split('.')[0];
const shortName = (arn: string) => arn.split('/').pop() ?? arn;
const contentOf = (r: RuleView): RuleContent => ({
  priority: r.priority,
  match: r.match,
  ...(r.action ? { action: r.action } : {}),
});

/** Re-reads every rule the change touches. */
export async function beforeStates(ctx: RoutingContext, c: RoutingChange): Promise<BeforeState[]> {
  const rule = async (ruleArn: string, expectedVersion: string, after: RuleContent | null): Promise<BeforeState> => {
    const r = await readRule(ctx, c.serviceArn, c.listenerArn, ruleArn);
    return {
      change: {
        listenerArn: c.listenerArn,
        ruleArn: r.arn,
        ruleName: r.name,
        isDefault: false,
        before: contentOf(r),
        after,
        beforeVersion: r.version,
      },
      currentVersion: r.version,
      expectedVersion,
    };
  };
  switch (c.kind) {
    case 'updateRule':
      return [await rule(c.ruleArn, c.expectedVersion, c.after)];
    case 'deleteRule':
      return [await rule(c.ruleArn, c.expectedVersion, null)];
    case 'batchUpdate':
      return Promise.all(c.updates.map((u) => rule(u.ruleArn, u.expectedVersion, u.after)));
    case 'createRule':
      return [
        { change: { listenerArn: c.listenerArn, ruleName: c.name, isDefault: false, before: null, after: c.after } },
      ];
    case 'updateDefault': {
      const l = await readListener(ctx, c.serviceArn, c.listenerArn);
      const before = l.defaultAction ? { action: l.defaultAction } : {};
      return [
        {
          change: { listenerArn: l.arn, isDefault: true, before, after: c.after, beforeVersion: l.defaultVersion },
          currentVersion: l.defaultVersion,
          expectedVersion: c.expectedVersion,
        },
      ];
    }
  }
}

/** Validates with the API's limits and the listener's other rules; throws VALIDATION naming every limit. */
export async function validateChange(ctx: RoutingContext, c: RoutingChange, before: BeforeState[]): Promise<void> {
  const issues: Issue[] = [];
  if (c.kind !== 'deleteRule') {
    const { protocol } = await readListener(ctx, c.serviceArn, c.listenerArn);
    const refused = refusalFor(protocol, c.kind, c.kind === 'updateDefault' ? c.after.action : undefined);
    if (refused)
      throw new TrellisError('VALIDATION', `Refused, nothing was written: ${refused}`, { resource: c.listenerArn });
  }
  if (c.kind === 'updateDefault') issues.push(...validateRule(c.after, { isDefault: true, nameOf: shortName }));
  if (c.kind === 'createRule') issues.push(...validateRuleName(c.name));
  if (c.kind === 'updateRule' || c.kind === 'createRule' || c.kind === 'batchUpdate') {
    const summaries = await listRuleSummaries(ctx, c.serviceArn, c.listenerArn);
    const updates =
      c.kind === 'batchUpdate'
        ? c.updates
        : c.kind === 'updateRule'
          ? [{ ruleArn: c.ruleArn, after: c.after }]
          : [{ ruleArn: '', after: c.after }];
    const touched = new Set(before.map((b) => b.change.ruleArn).filter(Boolean));
    // Priorities as they will be after the change: untouched rules keep theirs.
    const final: SiblingRule[] = [
      ...summaries
        .filter((s) => !s.isDefault && !touched.has(s.arn))
        .map((s) => ({
          arn: s.arn,
          name: s.name,
          ...(s.priority !== undefined ? { priority: s.priority } : {}),
        })),
      ...updates.map((u, i) => ({
        arn: u.ruleArn || `new-${i}`,
        name: before[i]?.change.ruleName ?? 'the new rule',
        priority: u.after.priority,
      })),
    ];
    for (const [i, u] of updates.entries()) {
      issues.push(
        ...validateRule(u.after, {
          isDefault: false,
          siblings: final,
          selfArn: u.ruleArn || `new-${i}`,
          nameOf: shortName,
        }),
      );
    }
  }
  if (issues.length > 0)
    throw new TrellisError('VALIDATION', `Refused, nothing was written: ${describeIssuesLine(issues)}`, {
      resource: c.listenerArn,
    });
}

/** A rule's current state in words, for the conflict message. */
function stateText(b: BeforeState, nameOf: (arn: string) => string): string {
  const s = b.change.before;
  if (!s) return 'absent';
  const parts = b.change.isDefault ? [] : [`priority ${s.priority ?? '?'}`, `match ${matchSummary(s.match)}`];
  return [...parts, actionSummary(s.action, nameOf)].join(', ');
}

/** Names of the target groups of some states (GetTargetGroup; ids where a name cannot be read). */
async function targetGroupNames(ctx: RoutingContext, states: BeforeState[]): Promise<(arn: string) => string> {
  const arns = new Set<string>();
  for (const b of states)
    if (b.change.before?.action?.type === 'forward')
      for (const t of b.change.before.action.targetGroups) arns.add(t.targetGroupArn);
  const names = new Map<string, string>();
  await Promise.all(
    [...arns].map(async (arn) => {
      const group = await latticeOf(ctx, arn)
        .getTargetGroup(arn)
        .catch(() => undefined);
      if (group) names.set(arn, group.name);
    }),
  );
  return (arn) => names.get(arn) ?? shortName(arn);
}

/** Throws CONFLICT (showing the current state) unless every touched rule still has the expected version. */
export async function checkVersions(ctx: RoutingContext, c: RoutingChange, before: BeforeState[]): Promise<void> {
  const moved = before.filter(
    (b) =>
      b.expectedVersion !== undefined &&
      b.currentVersion !== undefined &&
      !sameVersion(b.expectedVersion, b.currentVersion),
  );
  if (moved.length === 0) return;
  const nameOf = await targetGroupNames(ctx, moved);
  const what = moved
    .map((b) => {
      const what = b.change.isDefault
        ? 'the default action'
        : `rule ${b.change.ruleName ?? shortName(b.change.ruleArn ?? '')}`;
      return `${what} is now ${stateText(b, nameOf)}`;
    })
    .join('; ');
  throw new TrellisError(
    'CONFLICT',
    `Changed by someone else since you read it, nothing was written: ${what}. ` +
      `Review the current state and apply again.`,
    { resource: moved[0]?.change.ruleArn ?? c.listenerArn, retryable: false },
  );
}

/** After-states with their versions (re-read; content-only versions when a re-read fails). */
export async function afterStates(
  ctx: RoutingContext,
  c: RoutingChange,
  before: BeforeState[],
  outcome: WriteOutcome,
): Promise<AuditRuleChange[]> {
  const failed = new Set(outcome.failures.map((f) => f.ruleArn));
  return Promise.all(
    before
      .filter((b) => !b.change.ruleArn || !failed.has(b.change.ruleArn))
      .map(async (b): Promise<AuditRuleChange> => {
        const ch = { ...b.change, ...(outcome.createdArn && !b.change.ruleArn ? { ruleArn: outcome.createdArn } : {}) };
        if (ch.after === null) return ch;
        try {
          if (ch.isDefault) {
            const l = await readListener(ctx, c.serviceArn, c.listenerArn);
            if (contentDigest(l.defaultAction ? { action: l.defaultAction } : {}) !== contentDigest(ch.after))
              return { ...ch, afterVersion: versionOf(ch.after) };
            return { ...ch, after: l.defaultAction ? { action: l.defaultAction } : {}, afterVersion: l.defaultVersion };
          }
          const r = await readRule(ctx, c.serviceArn, c.listenerArn, ch.ruleArn!);
          // Someone else's write between ours and the re-read: record ours, without a time.
          if (contentDigest(contentOf(r)) !== contentDigest(ch.after))
            return { ...ch, afterVersion: versionOf(ch.after) };
          return { ...ch, after: contentOf(r), afterVersion: r.version };
        } catch {
          return { ...ch, afterVersion: versionOf(ch.after) };
        }
      }),
  );
}
