/**
 * Health at a glance from target health. A target group is red when some target is unhealthy or
 * none can serve, amber while targets are draining or starting, green when healthy, and grey when
 * health is not checked (LAMBDA/ALB targets are UNAVAILABLE) or the group is not used. Pure.
 */
import type { HealthSummary } from '../domain/snapshot';
import type { Health } from './types';

const RANK: Record<Health, number> = { unknown: 0, ok: 1, warn: 2, error: 3 };

/** The worse of health values (`unknown` when there are none). */
export function worstHealth(values: Iterable<Health>): Health {
  let out: Health = 'unknown';
  for (const h of values) if (RANK[h] > RANK[out]) out = h;
  return out;
}

/** Orders health values worst first (for sorting). */
export function healthRank(h: Health): number {
  return RANK[h];
}

/** A target group's health and, when not green, why (words for a badge). */
export function targetGroupHealth(s: HealthSummary, routed: boolean): { health: Health; reason?: string } {
  const total = s.HEALTHY + s.UNHEALTHY + s.INITIAL + s.DRAINING + s.UNAVAILABLE + s.UNUSED;
  if (total === 0)
    return routed ? { health: 'error', reason: 'no targets registered' } : { health: 'unknown', reason: 'no targets' };
  if (s.UNHEALTHY > 0)
    return { health: 'error', reason: s.HEALTHY === 0 ? 'no healthy target' : `${s.UNHEALTHY} unhealthy` };
  if (s.UNUSED === total) return { health: 'unknown', reason: 'not used by any service' };
  if (s.HEALTHY + s.UNAVAILABLE === 0) return { health: 'error', reason: 'no healthy target' };
  if (s.DRAINING > 0 || s.INITIAL > 0)
    return {
      health: 'warn',
      reason: [s.DRAINING ? `${s.DRAINING} draining` : '', s.INITIAL ? `${s.INITIAL} initial` : '']
        .filter(Boolean)
        .join(', '),
    };
  // Only UNAVAILABLE (LAMBDA, ALB, checks disabled): nothing is checked, so nothing can be claimed.
  if (s.HEALTHY === 0) return { health: 'unknown', reason: 'health checks not run' };
  return { health: 'ok' };
}
