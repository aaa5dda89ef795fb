/**
 * `unhealthy-targets`: target groups with UNHEALTHY or UNAVAILABLE targets, from a fresh health read
 * (not the inventory cache), with their reason codes. Critical when no target is healthy any more.
 * Otherwise news ranks above standing trouble: a group is `high` when a target went down since the
 * reference (this process's previous read of the group, else the inventory's cached health) and for
 * UNHEALTHY_STANDING_MS after that; it is `info` (standing) when it was already down in the reference at
 * this process's first read (at every later read too), or went down longer ago than that. Reads and
 * updates the health memory of `persistence`.
 */
import type { Target } from '../../domain/snapshot';
import { UNHEALTHY_STANDING_MS } from '../constants';
import { graphHref } from '../links';
import type { Persistence } from '../persistence';
import type { Places } from '../where';
import type { Candidate } from './common';

const BAD = new Set(['UNHEALTHY', 'UNAVAILABLE']);
/** UNAVAILABLE for this reason means "health checks are off" (Lambda, ALB targets): traffic still flows. */
const NOT_A_PROBLEM = new Set(['Target.HealthCheckDisabled']);

/** True for a target that is down (not merely unchecked). */
export function isDown(t: Target): boolean {
  return BAD.has(t.status) && !NOT_A_PROBLEM.has(t.reasonCode ?? '');
}

/** Health candidates (always confirmed: health is a fact, not an estimate). */
export function unhealthyFindings(
  health: Record<string, Target[]>,
  places: Places,
  nowMs: number,
  persistence: Pick<Persistence, 'firstSeen' | 'lastDown' | 'setDown' | 'lastNews' | 'setNews'>,
): Candidate[] {
  const out: Candidate[] = [];
  for (const [tgArn, targets] of Object.entries(health)) {
    const bad = targets.filter(isDown);
    const key = (t: Target) => (t.port !== undefined ? `${t.id}:${t.port}` : t.id);
    const previous = persistence.lastDown(tgArn);
    persistence.setDown(tgArn, bad.map(key));
    if (bad.length === 0) continue;
    // No previous read and no inventory health (the light read, or a failed ListTargets): nothing says
    // the targets went down recently, so they count as already down (standing), not as news.
    const known = places.snapshot.targets[tgArn];
    const reference = previous ?? (known ? known.filter(isDown).map(key) : bad.map(key));
    if (bad.some((t) => !reference.includes(key(t)))) persistence.setNews(tgArn, nowMs);
    const news = persistence.lastNews(tgArn);
    const healthy = targets.filter((t) => t.status === 'HEALTHY').length;
    const id = `unhealthy-targets|${tgArn}`;
    const first = persistence.firstSeen(id, nowMs);
    const reasons = [...new Set(bad.map((t) => t.reasonCode ?? t.status))].sort();
    const where = places.tg(tgArn);
    // Standing unless a target went down (against the reference) within UNHEALTHY_STANDING_MS: trouble that
    // was already there at this process's first read stays standing at every later read.
    const standing = news === undefined || nowMs - news >= UNHEALTHY_STANDING_MS;
    const severity = healthy === 0 ? 'critical' : standing ? 'info' : 'high';
    const ids = bad.map(key).sort();
    out.push({
      confirmed: true,
      finding: {
        id,
        kind: 'unhealthy-targets',
        severity,
        title: `${where.targetGroupName}: ${bad.length} of ${targets.length} targets unhealthy (${reasons.join(', ')})`,
        detail:
          `${ids.join(', ')}${healthy === 0 ? '; no healthy target left' : `; ${healthy} healthy`}` +
          (standing ? `; down since at least ${new Date(first).toISOString().slice(11, 16)} UTC` : ''),
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
