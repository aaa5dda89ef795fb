/**
 * `unhealthy-targets`: target groups with UNHEALTHY or UNAVAILABLE targets, from a fresh health read
 * (not the inventory cache), with their reason codes. Newly unhealthy groups rank first: critical when no
 * target is healthy any more, high for the first UNHEALTHY_STANDING_MS this process sees them, then info
 * (a long-standing partial outage is real but not news). Pure apart from reading `firstSeen`.
 */
import type { Target } from '../../domain/snapshot';
import { UNHEALTHY_STANDING_MS } from '../constants';
import { graphHref } from '../links';
import type { Persistence } from '../persistence';
import type { Places } from '../where';
import type { Candidate } from './common';

const BAD = new Set(['UNHEALTHY', 'UNAVAILABLE']);

/** Health candidates (always confirmed: health is a fact, not an estimate). */
export function unhealthyFindings(
  health: Record<string, Target[]>,
  places: Places,
  nowMs: number,
  persistence: Pick<Persistence, 'firstSeen'>,
): Candidate[] {
  const out: Candidate[] = [];
  for (const [tgArn, targets] of Object.entries(health)) {
    const bad = targets.filter((t) => BAD.has(t.status));
    if (bad.length === 0) continue;
    const healthy = targets.filter((t) => t.status === 'HEALTHY').length;
    const id = `unhealthy-targets|${tgArn}`;
    const first = persistence.firstSeen(id, nowMs);
    const reasons = [...new Set(bad.map((t) => t.reasonCode ?? t.status))].sort();
    const where = places.tg(tgArn);
    const standing = nowMs - first >= UNHEALTHY_STANDING_MS;
    const severity = healthy === 0 ? 'critical' : standing ? 'info' : 'high';
    const ids = bad.map((t) => (t.port !== undefined ? `${t.id}:${t.port}` : t.id)).sort();
    out.push({
      confirmed: true,
      finding: {
        id,
        kind: 'unhealthy-targets',
        severity,
        title: `${where.targetGroupName}: ${bad.length} of ${targets.length} targets unhealthy (${reasons.join(', ')})`,
        detail: `${ids.join(', ')}${healthy === 0 ? '; no healthy target left' : `; ${healthy} healthy`}`,
        where,
        onset: new Date(first).toISOString(),
        asOf: new Date(nowMs).toISOString(),
        score: bad.length * (standing ? 1 : 10),
        targetIds: bad.map((t) => t.id).sort(),
        reason: reasons.join(', '),
        graphHref: graphHref(tgArn),
      },
    });
  }
  return out;
}
