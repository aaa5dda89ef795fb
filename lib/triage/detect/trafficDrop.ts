/**
 * `traffic-drop`: a service that had steady traffic (≥ DROP_MIN_RATE requests/min in the baseline) and
 * now has (almost) none: over m = clamp(⌈DROP_EXPECTED/λ⌉, 2, 15) delivered minutes, observed ≤ 10 % of
 * expected and Poisson P(X ≤ observed) < DROP_P. Counts only use delivered minutes (a half-delivered
 * minute looks like a drop). When most services drop at once it is a logging gap, not outages. Pure.
 */
import { DROP_EXPECTED, DROP_MAX_SHARE, DROP_MIN_RATE, DROP_P, SERIES_MINUTES } from '../constants';
import { graphHref, logsHref } from '../links';
import { poissonLowerTail } from '../stats';
import type { Finding } from '../types';
import { type Candidate, type DetectInput, deliveredIndex, minuteIso, sum } from './common';

/** Drop candidates. */
export function detectTrafficDrop({ folded: f, places }: DetectInput): Candidate[] {
  const end = deliveredIndex(f);
  const asOf = f.window.startMs + end * 60_000;
  const steady: string[] = [];
  const out: Candidate[] = [];
  for (const [svc, total] of Object.entries(f.baseline.svc)) {
    const lambda = total / Math.max(1, f.baseline.minutes);
    if (lambda < DROP_MIN_RATE) continue;
    steady.push(svc);
    const m = Math.min(SERIES_MINUTES, Math.max(2, Math.ceil(DROP_EXPECTED / lambda)), end);
    if (m < 2) continue;
    const series = f.svc[svc]?.requests ?? [];
    const observed = sum(series, end - m, end);
    const expected = lambda * m;
    const p = poissonLowerTail(observed, expected);
    if (!(observed <= DROP_MAX_SHARE * expected && p < DROP_P)) continue;
    // Onset: the first minute of the trailing run of minutes below 10 % of λ.
    let i = end;
    while (i > 0 && (series[i - 1] ?? 0) <= DROP_MAX_SHARE * lambda) i--;
    const where = places.service(svc);
    const onset = minuteIso(f, Math.min(i, end - 1));
    const finding: Finding = {
      id: `traffic-drop|${svc}`,
      kind: 'traffic-drop',
      severity: 'critical',
      title: `${where.serviceName}: ${observed} requests in ${m} min, expected about ${Math.round(expected)}`,
      detail: `Baseline ${Math.round(lambda * 10) / 10} requests/min; traffic ≈ 0 since ${onset.slice(11, 16)} UTC`,
      where,
      onset,
      asOf: new Date(asOf).toISOString(),
      score: lambda,
      spark: f.minutes.slice(0, end).map((t, k) => ({ t, value: series[k] ?? 0 })),
      logsHref: logsHref({ service: [svc] }, Date.parse(onset), asOf),
      graphHref: graphHref(svc),
    };
    out.push({ finding, confirmed: true });
  }
  // Most steady services silent at once: the logs stopped, not the services.
  if (steady.length >= 3 && out.length >= Math.ceil(steady.length / 2)) {
    const first = out[0]!.finding;
    return [
      {
        confirmed: true,
        finding: {
          ...first,
          id: 'traffic-drop|logging-gap',
          severity: 'high',
          title: `Access logs: ${out.length} of ${steady.length} busy services silent at once (logging gap?)`,
          detail: 'Records stopped arriving for most services together; check log delivery before the services.',
          where: { accountId: first.where.accountId, region: first.where.region },
          score: out.length,
        },
      },
    ];
  }
  return out;
}
