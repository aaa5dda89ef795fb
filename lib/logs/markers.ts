/**
 * Routing changes and canary steps from the audit log, as markers on the explorer's histogram: who
 * did what, when, for the services and target groups being looked at, so that a 5xx band starting
 * right after a weight shift shows it. Only applied changes (a refused or conflicting write changed
 * nothing). Pure.
 */
import type { AuditEvent, AuditRuleChange } from '../audit/event';
import type { RuleAction } from '../domain/routing';
import { actionSummary } from '../routing/ruleDiff';
import type { LogFilters } from './filters';
import type { TimeWindow } from './time';

/** One marker. */
export interface ChangeMarker {
  /** The audit event's id. */
  id: string;
  /** When (ms). */
  t: number;
  /** Who (the user's name). */
  who: string;
  /** What, in a few words: `v2-canary weights 90/10 → 50/50`, `canary step at 25 %`. */
  what: string;
  action: AuditEvent['action'];
  serviceArn: string;
}

const ruleLabel = (c: AuditRuleChange) =>
  c.isDefault ? 'default action' : (c.ruleName ?? c.ruleArn?.split('/').pop() ?? 'rule');

function weights(a: RuleAction | undefined, order: readonly string[]): string | undefined {
  if (a?.type !== 'forward') return undefined;
  const byArn = new Map(a.targetGroups.map((t) => [t.targetGroupArn, t.weight]));
  return order.map((arn) => byArn.get(arn) ?? 0).join('/');
}

/** A change in a few words. */
export function describeChange(c: AuditRuleChange, nameOf: (arn: string) => string): string {
  const label = ruleLabel(c);
  if (c.before === null) return `created ${label}`;
  if (c.after === null) return `deleted ${label}`;
  const b = c.before.action;
  const a = c.after.action;
  if (b?.type === 'forward' && a?.type === 'forward') {
    const order = [...new Set([...a.targetGroups, ...b.targetGroups].map((t) => t.targetGroupArn))];
    const from = weights(b, order);
    const to = weights(a, order);
    if (from !== to) return `${label} weights ${from} → ${to} (${order.map(nameOf).join(', ')})`;
  }
  const from = actionSummary(b, nameOf);
  const to = actionSummary(a, nameOf);
  return from === to ? `${label} changed` : `${label}: ${from} → ${to}`;
}

/** An event in a few words. */
export function describeEvent(e: AuditEvent, nameOf: (arn: string) => string): string {
  const changes = e.changes.map((c) => describeChange(c, nameOf)).join('; ');
  if (e.action.startsWith('canary.')) {
    const step = e.action.slice('canary.'.length);
    const at = e.canary?.percent !== undefined ? ` at ${e.canary.percent} %` : '';
    return `canary ${step}${at}${changes ? ` (${changes})` : ''}`;
  }
  return `${e.rollbackOf ? 'rollback: ' : ''}${changes || e.action}`;
}

function mentions(e: AuditEvent, arn: string): boolean {
  if (e.resources.includes(arn)) return true;
  return e.changes.some((c) =>
    [c.before, c.after].some(
      (s) => s?.action?.type === 'forward' && s.action.targetGroups.some((t) => t.targetGroupArn === arn),
    ),
  );
}

/**
 * The markers of a window for the explorer's filters: events about the filtered services (or that
 * route to the filtered target groups); all of them when neither is filtered. Oldest first.
 */
export function changeMarkers(
  events: readonly AuditEvent[],
  names: Readonly<Record<string, string>>,
  filters: Pick<LogFilters, 'include'>,
  w: TimeWindow,
): ChangeMarker[] {
  const nameOf = (arn: string) => names[arn] ?? arn.split('/').pop() ?? arn;
  const services = filters.include.service ?? [];
  const groups = filters.include.targetGroup ?? [];
  return events
    .filter((e) => e.result === 'applied')
    .filter((e) => services.length === 0 || services.includes(e.serviceArn))
    .filter((e) => groups.length === 0 || groups.some((g) => mentions(e, g)))
    .map((e) => ({
      id: e.id,
      t: Date.parse(e.time),
      who: e.user.name,
      what: describeEvent(e, nameOf),
      action: e.action,
      serviceArn: e.serviceArn,
    }))
    .filter((m) => Number.isFinite(m.t) && m.t >= w.startMs && m.t <= w.endMs)
    .sort((a, b) => a.t - b.t || a.id.localeCompare(b.id));
}

/** A marker placed on the chart: x in px, and the label lane (0 on top) so that close labels do not overlap. */
export interface PlacedMarker extends ChangeMarker {
  x: number;
  lane: number;
}

/** The chart's time axis: x of `first` is `left`, `span` ms later is `left + width`. */
export interface TimeAxis {
  first: number;
  span: number;
  left: number;
  width: number;
}

/** Lanes of labels before they are stacked on the last one. */
export const MARKER_LANES = 3;

/**
 * Places markers on the axis (those outside are left out); a label closer than `minGapPx` to the previous
 * one in its lane moves down a lane.
 */
export function placeMarkers(markers: readonly ChangeMarker[], axis: TimeAxis, minGapPx = 120): PlacedMarker[] {
  const lastX: number[] = [];
  const out: PlacedMarker[] = [];
  for (const m of [...markers].sort((a, b) => a.t - b.t)) {
    if (m.t < axis.first || m.t > axis.first + axis.span) continue;
    const x = axis.left + ((m.t - axis.first) / Math.max(1, axis.span)) * axis.width;
    let lane = lastX.findIndex((px) => x - px >= minGapPx);
    if (lane < 0) lane = lastX.length < MARKER_LANES ? lastX.length : MARKER_LANES - 1;
    lastX[lane] = x;
    out.push({ ...m, x, lane });
  }
  return out;
}
