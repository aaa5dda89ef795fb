/**
 * Listener rule evaluation as VPC Lattice does it: non-default rules in ascending priority, the
 * first whose conditions all hold wins, otherwise the default rule. Path conditions look at the path
 * without its query string; header names are case-insensitive; value comparisons are
 * case-insensitive unless `caseSensitive` is true (the API default is false).
 */
import type { HeaderMatch, HttpMatch, RuleMatch, RuleRecord } from './types';

/** The parts of an HTTP request that rules can match on. */
export interface RequestFacts {
  method: string;
  /** Path, optionally with a query string (ignored for matching). */
  path: string;
  /** Header values by name, any case. */
  headers: Record<string, string | undefined>;
}

function fold(s: string, caseSensitive: boolean | undefined): string {
  return caseSensitive ? s : s.toLowerCase();
}

function headerValue(headers: RequestFacts['headers'], name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower && v !== undefined) return v;
  return undefined;
}

function headerMatches(h: HeaderMatch, headers: RequestFacts['headers']): boolean {
  const raw = headerValue(headers, h.name);
  if (raw === undefined) return false;
  const value = fold(raw, h.caseSensitive);
  const { exact, prefix, contains } = h.match;
  if (exact !== undefined) return value === fold(exact, h.caseSensitive);
  if (prefix !== undefined) return value.startsWith(fold(prefix, h.caseSensitive));
  if (contains !== undefined) return value.includes(fold(contains, h.caseSensitive));
  return false;
}

function httpMatches(m: HttpMatch, req: RequestFacts): boolean {
  if (m.method !== undefined && m.method !== '' && m.method.toUpperCase() !== req.method.toUpperCase()) return false;
  if (m.pathMatch) {
    const path = fold(req.path.split('?')[0] ?? '', m.pathMatch.caseSensitive);
    const { exact, prefix } = m.pathMatch.match;
    if (exact !== undefined && path !== fold(exact, m.pathMatch.caseSensitive)) return false;
    if (prefix !== undefined && !path.startsWith(fold(prefix, m.pathMatch.caseSensitive))) return false;
    if (exact === undefined && prefix === undefined) return false;
  }
  return (m.headerMatches ?? []).every((h) => headerMatches(h, req.headers));
}

/** Whether a rule's match holds for a request. A rule without a match (the default rule) always holds. */
export function ruleMatches(match: RuleMatch | undefined, req: RequestFacts): boolean {
  if (!match) return true;
  return match.httpMatch ? httpMatches(match.httpMatch, req) : false;
}

/** The non-default rules in evaluation order (ascending priority), then the default rule. */
export function evaluationOrder<T extends Pick<RuleRecord, 'isDefault' | 'priority'>>(rules: readonly T[]): T[] {
  const ordered = rules.filter((r) => !r.isDefault).sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));
  return [...ordered, ...rules.filter((r) => r.isDefault)];
}

/** The rule that handles `req`: the first matching non-default rule by priority, else the default rule. */
export function evaluateRules<T extends Pick<RuleRecord, 'isDefault' | 'priority' | 'match'>>(
  rules: readonly T[],
  req: RequestFacts,
): T | undefined {
  for (const r of evaluationOrder(rules)) {
    if (r.isDefault || ruleMatches(r.match, req)) return r;
  }
  return undefined;
}
