/**
 * BatchUpdateRule: up to 10 rule updates of one listener, judged together so that priorities can be
 * swapped in one call. Each update succeeds or fails on its own (`successful` / `unsuccessful` with
 * failureCode and failureMessage); the call itself fails only for the listener or the caller.
 */
import { AwsError } from '../../core/awsError';
import type { RuleAction, RuleMatch, RuleRecord } from '../types';
import { checkMatch, checkTargetGroupQuota, normaliseAction } from './actions';
import { requireOwner, touch, type Handler, type Output } from './common';
import { resolveListener } from './listeners';
import { defaultRuleError, resolveRule, ruleView } from './rules';

interface RuleUpdateInput {
  ruleIdentifier: string;
  match?: RuleMatch;
  priority?: number;
  action?: RuleAction;
}

interface Candidate {
  identifier: string;
  rule: RuleRecord;
  match?: RuleMatch;
  priority?: number;
  action?: RuleAction;
}

function failure(identifier: string, e: unknown): Output {
  if (!(e instanceof AwsError)) throw e;
  return { ruleIdentifier: identifier, failureCode: e.code, failureMessage: e.message };
}

/** Drops candidates whose final priority collides with another rule's final priority, until none does. */
function settlePriorities(rules: RuleRecord[], candidates: Candidate[], failed: Output[]): Candidate[] {
  let current = candidates;
  for (;;) {
    const byRule = new Map(current.map((c) => [c.rule.id, c]));
    const finalPriority = (r: RuleRecord) => byRule.get(r.id)?.priority ?? r.priority;
    const holders = new Map<number, RuleRecord[]>();
    for (const r of rules) {
      const p = finalPriority(r);
      if (p !== undefined) holders.set(p, [...(holders.get(p) ?? []), r]);
    }
    // A rule that keeps its priority wins against updates; among updates, the earlier one in the batch wins.
    const losers = current.filter((c) => {
      const same = c.priority === undefined ? [] : (holders.get(c.priority) ?? []);
      if (same.length < 2) return false;
      if (same.some((r) => byRule.get(r.id)?.priority === undefined)) return true;
      return current.find((x) => x.priority === c.priority) !== c;
    });
    if (losers.length === 0) return current;
    for (const c of losers) {
      const other = holders.get(c.priority!)!.find((r) => r.id !== c.rule.id);
      failed.push({
        ruleIdentifier: c.identifier,
        failureCode: 'ConflictException',
        failureMessage: `Priority ${c.priority} would also be used by rule ${other?.id} of the listener`,
      });
    }
    current = current.filter((c) => !losers.includes(c));
  }
}

/** The BatchUpdateRule handler. */
export const batchUpdateRule: Handler = (env, input) => {
  const { service, listener } = resolveListener(
    env,
    input.serviceIdentifier as string,
    input.listenerIdentifier as string,
  );
  requireOwner(env, service);
  const failed: Output[] = [];
  const seen = new Set<string>();
  const prepared: Candidate[] = [];
  const actions = new Map<string, RuleAction>();
  for (const [i, u] of (input.rules as RuleUpdateInput[]).entries()) {
    try {
      const rule = resolveRule(env, listener.id, u.ruleIdentifier);
      if (rule.isDefault) throw defaultRuleError(rule);
      if (seen.has(rule.id)) {
        failed.push({
          ruleIdentifier: u.ruleIdentifier,
          failureCode: 'ValidationException',
          failureMessage: `Rule ${rule.id} appears more than once in the batch`,
        });
        continue;
      }
      seen.add(rule.id);
      const match = u.match !== undefined ? checkMatch(u.match, `rules[${i}].match`) : undefined;
      const action =
        u.action !== undefined ? normaliseAction(env, listener, u.action, `rules[${i}].action`) : undefined;
      if (action) {
        checkTargetGroupQuota(env, service.id, { ruleId: rule.id, action }, actions);
        actions.set(rule.id, action);
      }
      prepared.push({
        identifier: u.ruleIdentifier,
        rule,
        ...(match ? { match } : {}),
        ...(u.priority !== undefined ? { priority: u.priority } : {}),
        ...(action ? { action } : {}),
      });
    } catch (e) {
      failed.push(failure(u.ruleIdentifier, e));
    }
  }
  const accepted = settlePriorities(
    env.store.rulesOf(listener.id).filter((r) => !r.isDefault),
    prepared,
    failed,
  );
  for (const c of accepted) {
    if (c.match) c.rule.match = c.match;
    if (c.action) c.rule.action = c.action;
    if (c.priority !== undefined) c.rule.priority = c.priority;
    touch(env, c.rule);
  }
  return { successful: accepted.map((c) => ruleView(c.rule)), unsuccessful: failed };
};
