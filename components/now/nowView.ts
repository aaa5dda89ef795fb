/**
 * What the "Now" page shows of a triage report, as plain values: times in words, where a finding is
 * (as links), its change line, the sparkline's shape, the data age and the errors by account. The
 * components only draw these. Pure.
 */
import type {
  ChangeLink,
  Finding,
  FindingKind,
  FindingWhere,
  Severity,
  SparkPoint,
  TriageError,
} from '@/lib/triage/types';

/** "40 s ago", "3 min ago", "2 h ago", "in 5 s" (clock skew). */
export function relativeTime(iso: string, now: number): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return 'unknown time';
  const s = Math.round((now - t) / 1000);
  if (s < 0) return `in ${-s} s`;
  if (s < 90) return `${s} s ago`;
  const m = Math.round(s / 60);
  if (m < 90) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.round(h / 24)} d ago`;
}

/** "07:14:16 UTC" for today's times, "2026-12-02 23:59:10 UTC" otherwise (same day as `now`, UTC). */
export function absoluteTime(iso: string, now: number): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  const d = new Date(t).toISOString();
  const sameDay = d.slice(0, 10) === new Date(now).toISOString().slice(0, 10);
  return `${sameDay ? '' : `${d.slice(0, 10)} `}${d.slice(11, 19)} UTC`;
}

/** "12 s", "3 min 05 s", "2 h 10 min": the age of the data on screen. */
export function durationWords(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** Severity words and their order (most urgent first). */
export const SEVERITY_LABEL: Record<Severity, string> = { critical: 'Critical', high: 'High', info: 'Info' };

/** What each kind is called on a card. */
export const KIND_LABEL: Record<FindingKind, string> = {
  'error-rate': '5xx rate',
  'auth-denials': 'Auth denials',
  'unhealthy-targets': 'Unhealthy targets',
  latency: 'Latency',
  'traffic-drop': 'Traffic drop',
  change: 'Change',
  canary: 'Canary',
};

/** What the page checked, said by the "All quiet" state. */
export const QUIET_TEXT =
  'No target group with a rising 5xx rate, no new or surging auth denials, no unhealthy targets, ' +
  'no slow target group and no service whose traffic dropped';

/** Principal, reason, code and target ids the title and detail do not already say. */
export function subjectParts(
  f: Pick<Finding, 'title' | 'detail' | 'principal' | 'reason' | 'responseCode' | 'targetIds'>,
): string[] {
  const said = `${f.title} ${f.detail}`;
  const parts: string[] = [];
  if (f.principal && !said.includes(f.principal)) parts.push(`principal ${f.principal}`);
  if (f.reason && !said.includes(f.reason)) parts.push(`reason ${f.reason}`);
  if (f.responseCode && !said.includes(String(f.responseCode))) parts.push(`code ${f.responseCode}`);
  const targets = (f.targetIds ?? []).filter((t) => !said.includes(t));
  if (targets.length > 0) parts.push(`targets ${targets.join(', ')}`);
  return parts;
}

/** One part of "where": a word and, when the console has a page for it, a link. */
export interface WherePart {
  label: 'account' | 'network' | 'service' | 'target group' | 'rule';
  text: string;
  href?: string;
}

const lastPart = (arn: string) => arn.split('/').pop() ?? arn;

function topologyHref(arn: string): string {
  return `/topology?${new URLSearchParams({ sel: arn }).toString()}`;
}

/** The routing editor of a rule (or of its service when the listener is not known). */
export function ruleHref(serviceArn: string, ruleArn: string, listenerArn?: string): string {
  const p = new URLSearchParams({ service: serviceArn });
  if (listenerArn) p.set('listener', listenerArn);
  p.set('rule', ruleArn);
  return `/routing?${p.toString()}`;
}

/** Account, network, service, target group and rule of a finding, most general first; absent parts left out. */
export function whereParts(w: FindingWhere): WherePart[] {
  const parts: WherePart[] = [{ label: 'account', text: w.region ? `${w.accountId} · ${w.region}` : w.accountId }];
  if (w.networkArn || w.networkName)
    parts.push({
      label: 'network',
      text: w.networkName ?? lastPart(w.networkArn!),
      ...(w.networkArn ? { href: topologyHref(w.networkArn) } : {}),
    });
  if (w.serviceArn || w.serviceName)
    parts.push({
      label: 'service',
      text: w.serviceName ?? lastPart(w.serviceArn!),
      ...(w.serviceArn ? { href: topologyHref(w.serviceArn) } : {}),
    });
  if (w.targetGroupArn || w.targetGroupName)
    parts.push({
      label: 'target group',
      text: w.targetGroupName ?? lastPart(w.targetGroupArn!),
      ...(w.targetGroupArn ? { href: topologyHref(w.targetGroupArn) } : {}),
    });
  if (w.ruleArn || w.ruleName)
    parts.push({
      label: 'rule',
      text: w.ruleName ?? lastPart(w.ruleArn!),
      // The inventory names a default action "default" (its default rule's ARN is not one the editor lists).
      ...(w.ruleArn && w.serviceArn
        ? { href: ruleHref(w.serviceArn, w.ruleName === 'default' ? 'default' : w.ruleArn, w.listenerArn) }
        : {}),
    });
  return parts;
}

function secondsWords(s: number): string {
  const a = Math.abs(Math.round(s));
  return a < 120 ? `${a} s` : `${Math.round(a / 60)} min`;
}

/** "started 40 s after weights 90/10 → 50/50 on rule v2-canary by alice" (or "… before …"). */
export function changeLine(c: ChangeLink): string {
  const when = c.secondsBeforeOnset >= 0 ? 'after' : 'before';
  return `started ${secondsWords(c.secondsBeforeOnset)} ${when} ${c.summary} by ${c.actor}`;
}

/** The audit page around a change (±10 minutes), for the change line's link. */
export function auditHref(c: ChangeLink): string {
  const t = Date.parse(c.time);
  if (!Number.isFinite(t)) return '/audit';
  return `/audit?${new URLSearchParams({ from: String(t - 600_000), to: String(t + 600_000) }).toString()}`;
}

/** The sparkline as an SVG polyline: `points` in a `width`×`height` box, the series' peak and its last value. */
export function sparkShape(
  points: readonly SparkPoint[] | undefined,
  width: number,
  height: number,
): { points: string; peak: number; last: number } | undefined {
  const ps = (points ?? []).filter((p) => Number.isFinite(p.t) && Number.isFinite(p.value));
  if (ps.length < 2) return undefined;
  const sorted = [...ps].sort((a, b) => a.t - b.t);
  const t0 = sorted[0]!.t;
  const t1 = sorted[sorted.length - 1]!.t;
  const peak = Math.max(...sorted.map((p) => p.value));
  const span = t1 - t0 || 1;
  const top = peak > 0 ? peak : 1;
  const pad = 1;
  const xy = sorted.map((p) => {
    const x = ((p.t - t0) / span) * (width - 2 * pad) + pad;
    const y = height - pad - (Math.max(0, p.value) / top) * (height - 2 * pad);
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  });
  return { points: xy.join(' '), peak, last: sorted[sorted.length - 1]!.value };
}

/** How a spark value reads for a kind: rates in percent, latency in ms, counts as numbers. */
export function sparkValue(kind: FindingKind, v: number): string {
  if (kind === 'error-rate') return `${(v * 100).toFixed(v < 0.1 ? 1 : 0)} %`;
  if (kind === 'latency') return `${Math.round(v)} ms`;
  return String(Math.round(v));
}

/** The errors of a report by account (in first-seen order), for "could not read" notes where they happen. */
export function errorsByAccount(errors: readonly TriageError[]): Array<{ accountId: string; errors: TriageError[] }> {
  const out = new Map<string, TriageError[]>();
  for (const e of errors) out.set(e.accountId, [...(out.get(e.accountId) ?? []), e]);
  return [...out].map(([accountId, list]) => ({ accountId, errors: list }));
}

/** Counts by severity, for the page's summary line. */
export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { critical: 0, high: 0, info: 0 };
  for (const f of findings) c[f.severity] += 1;
  return c;
}

/** "3 findings: 1 critical, 2 high" / "All quiet". */
export function summaryLine(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'All quiet';
  const c = severityCounts(findings);
  const parts = (['critical', 'high', 'info'] as const).filter((s) => c[s] > 0).map((s) => `${c[s]} ${s}`);
  return `${findings.length} finding${findings.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

/** "1.2 MB" for the Logs Insights cost line. */
export function bytesWords(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

/** Low-severity (info) findings shown as cards when there are at most this many; more are collapsed. */
export const INFO_SHOWN = 3;

const INFO_WORDS: Record<FindingKind, [string, string]> = {
  'error-rate': ['5xx rate', '5xx rates'],
  'auth-denials': ['auth denial', 'auth denials'],
  'unhealthy-targets': ['group with standing unhealthy targets', 'groups with standing unhealthy targets'],
  latency: ['latency', 'latencies'],
  'traffic-drop': ['traffic drop', 'traffic drops'],
  change: ['routing change', 'routing changes'],
  canary: ['canary', 'canaries'],
};

/**
 * The findings as the page lays them out: `lead` drawn as cards (critical and high, running canaries —
 * they can be aborted — and the other info findings when there are at most INFO_SHOWN of them), `rest`
 * collapsed behind one "N more low-severity findings" group with what it holds in words, so that a
 * fleet's hundreds of standing unhealthy groups never push the real problems off the screen. Order kept.
 */
export function layoutFindings(findings: readonly Finding[]): { lead: Finding[]; rest: Finding[]; restWords: string } {
  const leads = (f: Finding) => f.severity !== 'info' || f.kind === 'canary';
  const info = findings.filter((f) => !leads(f));
  if (info.length <= INFO_SHOWN) return { lead: [...findings], rest: [], restWords: '' };
  const counts = new Map<FindingKind, number>();
  for (const f of info) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  const restWords = [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${n} ${INFO_WORDS[k][n === 1 ? 0 : 1]}`)
    .join(', ');
  return { lead: findings.filter(leads), rest: info, restWords };
}
