/**
 * `error-rate`: a target group whose 5xx rate in the recent window is significantly above its own
 * baseline. Three gates, all required (triage-methods §5): the rate-ratio test against ERROR_R0 × the
 * baseline rate at α / m; at least ERROR_MIN_COUNT recent 5xx; the 95 % Wilson lower bound of the recent
 * rate at least ERROR_MIN_EXCESS above the baseline rate. Pure.
 */
import {
  ALPHA,
  CUSUM_H,
  ERROR_CRITICAL_RATE,
  ERROR_MIN_COUNT,
  ERROR_MIN_EXCESS,
  ERROR_R0,
  EXTREME_RATE,
  EXTREME_RATIO,
  RECENT_MINUTES,
} from '../constants';
import { pct } from '../format';
import type { TgSeries } from '../fold';
import { graphHref, logsHref } from '../links';
import { binomialLlr, cusumOnset, rateRatioP, wilsonLower } from '../stats';
import type { Finding } from '../types';
import { type Candidate, type DetectInput, deliveredIndex, logP, minuteIso, recent, sum } from './common';

/** The test of one group at the recent window ending at `end`. */
export interface ErrorTest {
  fired: boolean;
  extreme: boolean;
  p: number;
  errors: number;
  requests: number;
  rate: number;
  baseRate: number;
}

/** Tests one group's window ending at `end` against its baseline, with `m` groups tested. */
export function testErrorRate(
  s: TgSeries,
  base: { requests: number; errors5xx: number } | undefined,
  end: number,
  m: number,
): ErrorTest {
  const { from, to } = recent(end);
  const errors = sum(s.errors5xx, from, to);
  const requests = sum(s.requests, from, to);
  const n0 = base?.requests ?? 0;
  const c0 = base?.errors5xx ?? 0;
  const baseRate = n0 > 0 ? c0 / n0 : 0;
  const rate = requests > 0 ? errors / requests : 0;
  const p = rateRatioP(errors, requests, c0, n0, ERROR_R0);
  const fired =
    requests > 0 &&
    errors >= ERROR_MIN_COUNT &&
    p < ALPHA / Math.max(1, m) &&
    wilsonLower(errors, requests) - baseRate >= ERROR_MIN_EXCESS;
  const ratio = baseRate > 0 ? rate / baseRate : Number.POSITIVE_INFINITY;
  return {
    fired,
    extreme: fired && (rate >= EXTREME_RATE || ratio >= EXTREME_RATIO),
    p,
    errors,
    requests,
    rate,
    baseRate,
  };
}

/** The most frequent `"<code> <failureReason>"` of the window and its share of the 5xx. */
export function dominantFailure(s: TgSeries, from: number, to: number): { key: string; share: number } | undefined {
  let best: { key: string; n: number } | undefined;
  let total = 0;
  for (const [key, xs] of Object.entries(s.failures)) {
    const n = sum(xs, from, to);
    total += n;
    if (n > 0 && (!best || n > best.n || (n === best.n && key < best.key))) best = { key, n };
  }
  return best && total > 0 ? { key: best.key, share: best.n / total } : undefined;
}

/** CUSUM onset index of a 5xx rise from `p0` to about `p1`. */
export function errorOnset(s: TgSeries, end: number, p0: number, p1: number): number | undefined {
  const lo = Math.min(Math.max(p0, 1e-4), 0.98);
  const hi = Math.min(Math.max(p1, lo * 1.5, lo + 0.005), 0.999);
  return cusumOnset(binomialLlr(s.errors5xx.slice(0, end), s.requests.slice(0, end), lo, hi), CUSUM_H);
}

/** Error-rate candidates of every group with traffic. */
export function detectErrorRate({ folded: f, places }: DetectInput): Candidate[] {
  const end = deliveredIndex(f);
  const groups = Object.values(f.tg);
  const m = groups.length;
  const out: Candidate[] = [];
  for (const s of groups) {
    const base = f.baseline.tg[s.targetGroupArn];
    const now = testErrorRate(s, base, end, m);
    if (!now.fired) continue;
    const before = testErrorRate(s, base, end - 1, m);
    const { from, to } = recent(end);
    const onsetIdx = errorOnset(s, end, now.baseRate, now.rate) ?? from;
    const dominant = dominantFailure(s, from, to);
    const code = dominant ? Number(dominant.key.split(' ')[0]) : undefined;
    const svc = [...s.serviceArns].sort()[0];
    const where = places.tg(s.targetGroupArn, svc);
    const asOf = f.window.startMs + end * 60_000;
    const onset = minuteIso(f, onsetIdx);
    const critical = now.rate >= ERROR_CRITICAL_RATE;
    const excessPerMin = (now.errors - now.baseRate * now.requests) / RECENT_MINUTES;
    const finding: Finding = {
      id: `error-rate|${s.targetGroupArn}`,
      kind: 'error-rate',
      severity: critical ? 'critical' : 'high',
      title:
        `${where.targetGroupName}: ${pct(now.rate)} 5xx${dominant ? ` (${dominant.key})` : ''} ` +
        `vs ${pct(now.baseRate)} baseline`,
      detail:
        `${now.errors} of ${now.requests} requests failed in the last ${RECENT_MINUTES} min` +
        `${where.serviceName ? ` on ${where.serviceName}` : ''}` +
        `${dominant && dominant.share < 1 ? `; ${pct(dominant.share)} of them ${dominant.key}` : ''}`,
      where,
      onset,
      asOf: new Date(asOf).toISOString(),
      score: Math.max(0, excessPerMin) * logP(now.p),
      spark: f.minutes.slice(0, end).map((t, i) => ({
        t,
        value: (s.requests[i] ?? 0) > 0 ? (s.errors5xx[i] ?? 0) / (s.requests[i] ?? 1) : 0,
      })),
      ...(code !== undefined && Number.isFinite(code) ? { responseCode: code } : {}),
      ...(dominant ? { reason: dominant.key } : {}),
      logsHref: logsHref({ targetGroup: [s.targetGroupArn], code: ['5xx'] }, Date.parse(onset), asOf),
      graphHref: graphHref(s.targetGroupArn),
    };
    out.push({ finding, confirmed: now.extreme || before.fired });
  }
  return out;
}
