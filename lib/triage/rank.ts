/**
 * Ranking (triage-methods "Ranking"): critical first, then high, then info; within one, score, then onset (newest
 * first). Pure.
 */
import type { Finding, Severity } from './types';

const ORDER: Record<Severity, number> = { critical: 0, high: 1, info: 2 };

/** Findings sorted for the page. */
export function rank(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      ORDER[a.severity] - ORDER[b.severity] ||
      b.score - a.score ||
      Date.parse(b.onset) - Date.parse(a.onset) ||
      a.id.localeCompare(b.id),
  );
}
