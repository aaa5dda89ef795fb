/**
 * `auth-denials`: a (principal, service, reason) whose denials per minute are new or sharply up against
 * the baseline. Exposure is minutes; the rate-ratio test against DENIAL_R0 × the baseline per-minute rate
 * at α / m and at least DENIAL_MIN_COUNT recent denials. Steady background denials stay below R0. Pure.
 */
import { ALPHA, CUSUM_H, DENIAL_MIN_COUNT, DENIAL_R0, EXTREME_RATIO, RECENT_MINUTES } from '../constants';
import { shortPrincipal } from '../format';
import { denialKey, type DenialSeries } from '../fold';
import { graphHref, logsHref } from '../links';
import { cusumOnset, poissonLlr, rateRatioP } from '../stats';
import { type Candidate, type DetectInput, deliveredIndex, logP, minuteIso, recent, sum } from './common';

/** The test of one key at the window ending at `end`. */
export function testDenials(s: DenialSeries, c0: number, e0: number, end: number, m: number) {
  const { from, to } = recent(end);
  const c1 = sum(s.denials, from, to);
  const e1 = to - from;
  const p = rateRatioP(c1, e1, c0, e0, DENIAL_R0);
  const fired = e1 > 0 && c1 >= DENIAL_MIN_COUNT && p < ALPHA / Math.max(1, m);
  // A key never seen in the baseline counts as half a denial there, so "new" has a finite ratio.
  const ratio = e0 > 0 ? c1 / e1 / (Math.max(c0, 0.5) / e0) : Number.POSITIVE_INFINITY;
  return { fired, extreme: fired && ratio >= EXTREME_RATIO, p, c1, e1, rate0: e0 > 0 ? c0 / e0 : 0 };
}

/** Denial candidates. */
export function detectAuthDenials({ folded: f, places }: DetectInput): Candidate[] {
  const end = deliveredIndex(f);
  const e0 = f.baseline.minutes;
  const keys = new Set([...Object.keys(f.denials), ...Object.keys(f.baseline.denials)]);
  const m = keys.size;
  const out: Candidate[] = [];
  for (const s of Object.values(f.denials)) {
    const c0 = f.baseline.denials[denialKey(s.serviceArn, s.principal, s.reason)] ?? 0;
    const now = testDenials(s, c0, e0, end, m);
    if (!now.fired) continue;
    const before = testDenials(s, c0, e0, end - 1, m);
    const { from } = recent(end);
    const lambda0 = Math.max(now.rate0, 0.05);
    const lambda1 = Math.max(now.c1 / now.e1, 2 * lambda0);
    const onsetIdx = cusumOnset(poissonLlr(s.denials.slice(0, end), lambda0, lambda1), CUSUM_H) ?? from;
    const where = places.service(s.serviceArn);
    const asOf = f.window.startMs + end * 60_000;
    const onset = minuteIso(f, onsetIdx);
    const who = shortPrincipal(s.principal);
    const isNew = c0 === 0;
    out.push({
      confirmed: now.extreme || before.fired,
      finding: {
        id: `auth-denials|${s.serviceArn}|${s.principal}|${s.reason}`,
        kind: 'auth-denials',
        severity: 'high',
        title:
          `${where.serviceName}: ${who} denied ${now.c1} times in ${RECENT_MINUTES} min ` +
          `(authDeniedReason ${s.reason})${isNew ? ', new' : ` vs ${Math.round(now.rate0 * 10) / 10}/min baseline`}`,
        detail:
          `${Math.round((now.c1 / now.e1) * 10) / 10} denials/min now; ` +
          (isNew ? 'none in the baseline hour' : `${c0} in the baseline hour`),
        where,
        onset,
        asOf: new Date(asOf).toISOString(),
        score: Math.max(0, now.c1 / now.e1 - now.rate0) * logP(now.p),
        spark: f.minutes.slice(0, end).map((t, i) => ({ t, value: s.denials[i] ?? 0 })),
        principal: s.principal,
        reason: s.reason,
        responseCode: 403,
        logsHref: logsHref(
          { service: [s.serviceArn], user: [s.principal], authDenied: [s.reason] },
          Date.parse(onset),
          asOf,
        ),
        graphHref: graphHref(s.serviceArn),
      },
    });
  }
  return out;
}
