/**
 * `change`: applied routing changes and canary steps of the audit log (last CHANGE_LOOKBACK_MS), and
 * their correlation with findings: a change on the finding's path between onset − CHANGE_BEFORE_MS and
 * onset + CHANGE_AFTER_MS, scored scope × exp(−|Δt| / CHANGE_DECAY_MS) (target group or rule 3, service 2,
 * network 1), is attached to the finding ("started 40 s after weights 90/10 → 50/50 by alice"). Pure.
 */
import type { AuditEvent, AuditRuleChange } from '../../audit/event';
import { CHANGE_AFTER_MS, CHANGE_BEFORE_MS, CHANGE_DECAY_MS, CHANGE_LOOKBACK_MS } from '../constants';
import { graphHref } from '../links';
import type { ChangeLink, Finding } from '../types';
import type { Places } from '../where';

const weightsOf = (c: AuditRuleChange['before']) => (c?.action?.type === 'forward' ? c.action.targetGroups : undefined);

/** Plain words of an event: "weights 90/10 → 50/50 on rule v2-canary". */
export function summarize(e: AuditEvent, places: Places): string {
  const c = e.changes[0];
  const ruleName = c ? (c.isDefault ? 'the default action' : `rule ${c.ruleName ?? places.name(c.ruleArn ?? '')}`) : '';
  const before = weightsOf(c?.before ?? null);
  const after = weightsOf(c?.after ?? null);
  if (e.action.startsWith('canary.')) {
    const verb = e.action.slice('canary.'.length);
    const pc = e.canary?.percent !== undefined ? ` to ${e.canary.percent} %` : '';
    return `canary ${verb}${pc} on ${ruleName || places.name(e.serviceArn)}`;
  }
  if (before && after) {
    const arns = [...new Set([...before, ...after].map((t) => t.targetGroupArn))];
    const w = (xs: typeof before) => arns.map((a) => xs.find((t) => t.targetGroupArn === a)?.weight ?? 0).join('/');
    return `weights ${w(before)} → ${w(after)} (${arns.map((a) => places.name(a)).join('/')}) on ${ruleName}`;
  }
  const what = { 'rule.create': 'created', 'rule.delete': 'deleted' }[e.action as string] ?? 'changed';
  return `${ruleName || e.action} ${what}`;
}

const applied = (events: readonly AuditEvent[]) => events.filter((e) => e.result === 'applied');

/** Target groups an event's changes forward to, before or after. */
export function touchedGroups(e: AuditEvent): Set<string> {
  const out = new Set<string>();
  for (const c of e.changes)
    for (const s of [c.before, c.after]) for (const t of weightsOf(s) ?? []) out.add(t.targetGroupArn);
  return out;
}

/** Info findings of the recent changes. */
export function changeFindings(events: readonly AuditEvent[], places: Places, nowMs: number): Finding[] {
  return applied(events)
    .filter((e) => nowMs - Date.parse(e.time) <= CHANGE_LOOKBACK_MS)
    .map((e) => {
      const where = places.service(e.serviceArn);
      const c = e.changes[0];
      return {
        id: `change|${e.id}`,
        kind: 'change' as const,
        severity: 'info' as const,
        title: `${where.serviceName}: ${summarize(e, places)} by ${e.user.name}`,
        detail: `${e.action} at ${e.time.slice(11, 19)} UTC`,
        where: {
          ...where,
          ...(e.listenerArn ? { listenerArn: e.listenerArn } : {}),
          ...(c?.ruleArn ? { ruleArn: c.ruleArn, ruleName: c.ruleName ?? places.name(c.ruleArn) } : {}),
        },
        onset: e.time,
        asOf: new Date(nowMs).toISOString(),
        score: Date.parse(e.time) / 1e12,
        graphHref: graphHref(e.serviceArn),
      };
    });
}

/** How closely a change's scope matches a finding's place: 3 group/rule, 2 service, 1 network, 0 none. */
export function scopeOf(e: AuditEvent, f: Finding, places: Places): number {
  const w = f.where;
  if (w.targetGroupArn && touchedGroups(e).has(w.targetGroupArn)) return 3;
  if (w.ruleArn && e.changes.some((c) => c.ruleArn === w.ruleArn)) return 3;
  if (w.serviceArn && e.serviceArn === w.serviceArn) return 2;
  if (
    w.networkArn &&
    places.snapshot.serviceAssociations.some(
      (a) => a.serviceArn === e.serviceArn && a.serviceNetworkArn === w.networkArn,
    )
  )
    return 1;
  return 0;
}

/** The best change candidate for a finding, if any. */
export function bestChange(f: Finding, events: readonly AuditEvent[], places: Places): ChangeLink | undefined {
  const onset = Date.parse(f.onset);
  let best: { e: AuditEvent; score: number } | undefined;
  for (const e of applied(events)) {
    const t = Date.parse(e.time);
    if (t < onset - CHANGE_BEFORE_MS || t > onset + CHANGE_AFTER_MS) continue;
    const scope = scopeOf(e, f, places);
    if (scope === 0) continue;
    const score = scope * Math.exp(-Math.abs(onset - t) / CHANGE_DECAY_MS);
    if (!best || score > best.score) best = { e, score };
  }
  if (!best) return undefined;
  return {
    eventId: best.e.id,
    time: best.e.time,
    actor: best.e.user.name,
    summary: summarize(best.e, places),
    secondsBeforeOnset: Math.round((onset - Date.parse(best.e.time)) / 1000),
  };
}

/** "started 40 s after …" / "started 2 min after …" / "started 30 s before …". */
export function changeWords(c: ChangeLink): string {
  const s = Math.abs(c.secondsBeforeOnset);
  const span = s < 120 ? `${s} s` : `${Math.round(s / 60)} min`;
  return `started ${span} ${c.secondsBeforeOnset >= 0 ? 'after' : 'before'} ${c.summary} by ${c.actor}`;
}

/** Findings (not changes themselves) with their best change attached and said in the detail. */
export function correlate(findings: readonly Finding[], events: readonly AuditEvent[], places: Places): Finding[] {
  return findings.map((f) => {
    if (f.kind === 'change' || f.kind === 'canary' || f.kind === 'unhealthy-targets') return f;
    const change = bestChange(f, events, places);
    return change ? { ...f, change, detail: `${f.detail}; ${changeWords(change)}` } : f;
  });
}
