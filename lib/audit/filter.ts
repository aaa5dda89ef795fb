/**
 * Filters of the Audit page: parsed from and printed to the URL (links go into incident channels),
 * and turned into a Logs Insights query over the audit log group. User text enters the query only as
 * literal values of the typed AST. Pure.
 */
import { AUDIT_RESULTS, type AuditResult } from './event';
import type { Condition, InsightsQuery } from '../logs/query';

/** Relative time ranges offered by the page. */
export const AUDIT_RANGES = {
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
} as const;
/** One of the keys of `AUDIT_RANGES`. */
export type AuditRange = keyof typeof AUDIT_RANGES;

/** What the page filters by. */
export interface AuditFilter {
  /** User id or name, exact. */
  user?: string;
  /** An ARN (service, listener, rule) or part of one. */
  resource?: string;
  result?: AuditResult;
  /** Relative range ending now; ignored when `from` is set. */
  range: AuditRange;
  /** Absolute range (ms since the epoch). */
  from?: number;
  to?: number;
}

/** The default: the last 7 days, everything. */
export const DEFAULT_AUDIT_FILTER: AuditFilter = { range: '7d' };

const MAX_TEXT = 512;

function text(v: string | null | undefined): string | undefined {
  const t = v?.trim();
  return t ? t.slice(0, MAX_TEXT) : undefined;
}

function time(v: string | null | undefined): number | undefined {
  if (!v) return undefined;
  const n = /^\d+$/.test(v) ? Number(v) : Date.parse(v);
  return Number.isFinite(n) ? n : undefined;
}

/** Reads a filter from URL search params; unknown or bad values fall back to the defaults. */
export function parseAuditFilter(params: { get(name: string): string | null }): AuditFilter {
  const range = params.get('range');
  const result = params.get('result');
  const from = time(params.get('from'));
  const to = time(params.get('to'));
  const user = text(params.get('user'));
  const resource = text(params.get('resource'));
  return {
    range: range && range in AUDIT_RANGES ? (range as AuditRange) : DEFAULT_AUDIT_FILTER.range,
    ...(user ? { user } : {}),
    ...(resource ? { resource } : {}),
    ...(result && (AUDIT_RESULTS as readonly string[]).includes(result) ? { result: result as AuditResult } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
  };
}

/** Prints a filter as URL search params (defaults left out). */
export function auditFilterParams(f: AuditFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (f.user) p.set('user', f.user);
  if (f.resource) p.set('resource', f.resource);
  if (f.result) p.set('result', f.result);
  if (f.from !== undefined) p.set('from', new Date(f.from).toISOString());
  if (f.to !== undefined) p.set('to', new Date(f.to).toISOString());
  if (f.from === undefined && f.range !== DEFAULT_AUDIT_FILTER.range) p.set('range', f.range);
  return p;
}

/** The time window of a filter at `now`. */
export function auditWindow(f: AuditFilter, now: number): { startMs: number; endMs: number } {
  const endMs = f.to ?? now;
  const startMs = f.from ?? endMs - AUDIT_RANGES[f.range];
  return { startMs, endMs: Math.max(endMs, startMs + 1000) };
}

/** The Logs Insights query of a filter, newest first. */
export function auditQuery(
  f: Pick<AuditFilter, 'user' | 'resource' | 'result'> & { id?: string },
  limit = 200,
): InsightsQuery {
  const conditions: Condition[] = [{ op: '=', field: 'v', value: 1 }];
  if (f.id) conditions.push({ op: '=', field: 'id', value: f.id });
  if (f.user)
    conditions.push({
      op: 'or',
      conditions: [
        { op: '=', field: 'user.id', value: f.user },
        { op: '=', field: 'user.name', value: f.user },
      ],
    });
  if (f.resource) conditions.push({ op: 'contains', field: 'resources', value: f.resource });
  if (f.result) conditions.push({ op: '=', field: 'result', value: f.result });
  return {
    fields: ['@timestamp', '@message'],
    filter: { op: 'and', conditions },
    sort: [{ field: '@timestamp', order: 'desc' }],
    limit,
  };
}
