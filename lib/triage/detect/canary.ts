/**
 * `canary`: running canary plans with their gate status (judged on the engine's own series, no extra
 * query), and the canary role of failing groups. A group is the canary of its weighted rule when it is
 * the canary of a running plan on it; else when it got weight most recently per the audit log; else when
 * its weight is the smallest. A failing canary gets `canary` and `actions.rollback` (and `abort` with a
 * running plan); a failing stable group gets only `actions.ruleLink` (moving its traffic onto a small
 * canary may overload it). Pure.
 */
import type { AuditEvent } from '../../audit/event';
import type { Rule } from '../../domain/snapshot';
import { judgeGates } from '../../routing/canary/gates';
import { currentPercent, type CanaryPlan, type CanaryState, type CanaryTarget } from '../../routing/canary/plan';
import { BIN_MS } from '../constants';
import type { Folded } from '../fold';
import { pct } from '../format';
import { graphHref, logsHref } from '../links';
import type { Finding } from '../types';
import type { Places } from '../where';
import { deliveredIndex, sum } from './common';

/** A running (baking or paused) plan and the ARNs of its groups. */
export interface CanaryInput {
  target: CanaryTarget;
  plan: CanaryPlan;
  state: CanaryState;
  stableArn: string;
  canaryArn: string;
}

const forwardOf = (r: Rule) => (r.action?.type === 'forward' ? r.action.targetGroups : []);

/** The role of `tgArn` on `rule`: 'canary', 'stable', or undefined when the rule is not a weighted split. */
export function canaryRole(
  tgArn: string,
  rule: Rule,
  events: readonly AuditEvent[],
  canaries: readonly CanaryInput[],
): 'canary' | 'stable' | undefined {
  const live = forwardOf(rule).filter((t) => t.weight > 0);
  if (live.length < 2 || !live.some((t) => t.targetGroupArn === tgArn)) return undefined;
  const plan = canaries.find(
    (c) =>
      (c.target.ruleArn ?? c.target.listenerArn) === (rule.isDefault ? rule.listenerArn : rule.arn) ||
      c.target.ruleArn === rule.arn,
  );
  if (plan) return plan.canaryArn === tgArn ? 'canary' : 'stable';
  // The group that got weight most recently (events newest first after the sort) — only while the newest
  // change still explains the rule: if its weights are not the rule's now, someone changed the rule outside
  // Trellis since, and the audit log no longer says who is the canary.
  const sorted = [...events].filter((e) => e.result === 'applied').sort((a, b) => b.time.localeCompare(a.time));
  for (const e of sorted) {
    for (const c of e.changes) {
      if (c.ruleArn !== rule.arn && !(rule.isDefault && c.isDefault && c.listenerArn === rule.listenerArn)) continue;
      const before = c.before?.action?.type === 'forward' ? c.before.action.targetGroups : [];
      const after = c.after?.action?.type === 'forward' ? c.after.action.targetGroups : [];
      if (!sameWeights(after, forwardOf(rule))) return bySmallerWeight(tgArn, live);
      const gained = after.filter(
        (t) => t.weight > (before.find((b) => b.targetGroupArn === t.targetGroupArn)?.weight ?? 0),
      );
      if (gained.length > 0) return gained.some((t) => t.targetGroupArn === tgArn) ? 'canary' : 'stable';
    }
  }
  return bySmallerWeight(tgArn, live);
}

type Weighted = ReadonlyArray<{ targetGroupArn: string; weight: number }>;

/** Same groups with the same weights (groups at weight 0 count as absent). */
function sameWeights(a: Weighted, b: Weighted): boolean {
  const key = (x: Weighted) =>
    x
      .filter((t) => t.weight > 0)
      .map((t) => `${t.targetGroupArn}=${t.weight}`)
      .sort()
      .join(',');
  return key(a) === key(b);
}

/** Nothing else known: the smaller weight is the canary. */
function bySmallerWeight(tgArn: string, live: Weighted): 'canary' | 'stable' {
  const mine = live.find((t) => t.targetGroupArn === tgArn)!.weight;
  const others = Math.max(...live.filter((t) => t.targetGroupArn !== tgArn).map((t) => t.weight));
  return mine < others ? 'canary' : 'stable';
}

/** Error-rate and latency findings with their canary role and actions. */
export function withCanaryRoles(
  findings: readonly Finding[],
  places: Places,
  events: readonly AuditEvent[],
  canaries: readonly CanaryInput[],
): Finding[] {
  return findings.map((f) => {
    const tg = f.where.targetGroupArn;
    if ((f.kind !== 'error-rate' && f.kind !== 'latency') || !tg) return f;
    const rule = places.rulesTo(tg, f.where.serviceArn)[0];
    if (!rule) return f;
    const role = canaryRole(tg, rule, events, canaries);
    if (role !== 'canary') return { ...f, actions: { ruleLink: { serviceArn: rule.serviceArn, ruleArn: rule.arn } } };
    // A default action is named by its listener (the inventory's default-rule ARN is not a rule of the API).
    const { listenerArn, serviceArn } = rule;
    const ruleArn = rule.isDefault ? listenerArn : rule.arn;
    const plan = canaries.find((c) => c.canaryArn === tg && (c.target.ruleArn ?? c.target.listenerArn) === ruleArn);
    return {
      ...f,
      canary: true,
      actions: {
        rollback: { serviceArn, listenerArn, ruleArn, targetGroupArn: tg },
        ...(plan ? { abort: { planId: plan.plan.id, serviceArn, listenerArn, ruleArn } } : {}),
      },
    };
  });
}

/** One finding per running plan, with its gates judged on the recent series since the step began. */
export function canaryFindings(
  canaries: readonly CanaryInput[],
  places: Places,
  folded: Folded | undefined,
  nowMs: number,
): Finding[] {
  return canaries.map((c) => {
    const where = { ...places.tg(c.canaryArn, c.target.serviceArn) };
    const ruleArn = c.target.ruleArn ?? c.target.listenerArn;
    const percent = currentPercent(c.plan, c.state);
    let gates = 'gates not judged (no logs)';
    let failing = false;
    const s = folded?.tg[c.canaryArn];
    if (folded) {
      const end = deliveredIndex(folded);
      const from = Math.max(0, Math.floor((c.state.since - folded.window.startMs) / BIN_MS));
      const requests = s ? sum(s.requests, from, end) : 0;
      const errors5xx = s ? sum(s.errors5xx, from, end) : 0;
      const j = judgeGates(c.plan.gates, { requests, errors5xx, denied403: 0, p99Ms: null });
      const v = j.verdicts.filter((x) => x.gate === 'requests' || x.gate === '5xx');
      failing = v.some((x) => x.verdict === 'fail');
      const overall = failing ? 'failing' : v.every((x) => x.verdict === 'pass') ? 'passing' : 'not judged yet';
      gates = `gates ${overall}: ${v.map((x) => x.text).join('; ')}`;
    }
    const asOf = folded ? folded.deliveredUntil : nowMs;
    return {
      id: `canary|${c.plan.id}`,
      kind: 'canary' as const,
      severity: failing ? ('high' as const) : ('info' as const),
      title:
        `${where.serviceName}: canary ${where.targetGroupName} at ${percent} % ` +
        `(step ${c.state.step + 1}/${c.plan.steps.length}, ${c.state.status})`,
      detail: `${gates}; 5xx limit ${pct(c.plan.gates.max5xxRate)}`,
      where,
      onset: new Date(c.state.since).toISOString(),
      asOf: new Date(asOf).toISOString(),
      score: failing ? 100 : 1,
      canary: true,
      actions: {
        abort: { planId: c.plan.id, serviceArn: c.target.serviceArn, listenerArn: c.target.listenerArn, ruleArn },
      },
      logsHref: logsHref({ targetGroup: [c.canaryArn] }, c.state.since, asOf),
      graphHref: graphHref(c.canaryArn),
    };
  });
}
