/**
 * `latency`: a target group whose successful requests got slow against its baseline p95 `q`.
 * Significance from order statistics (Logs Insights cannot count "requests slower than q" without
 * knowing q at query time): in a minute of n requests whose p50 (p75, p90, p95) is ≥ q, at least n/2
 * (n/4, n/10, n/20) requests were slower than q. Those lower bounds, summed over the judged minutes of a
 * lane (the last LATENCY_FAST_MINUTES or RECENT_MINUTES), are tested against LATENCY_R0 × the 5 % that
 * exceed a p95 by definition (binomial tail, α / 2m for the two lanes). Size gates: the p95 of the latest
 * judged minutes is ≥ LATENCY_RATIO × q and ≥ q + LATENCY_MIN_DELTA_MS; ≥ LATENCY_MIN_RECENT requests;
 * a baseline of ≥ LATENCY_MIN_BASELINE requests. Pure.
 */
import {
  ALPHA,
  EXTREME_RATIO,
  LATENCY_FAST_MINUTES,
  LATENCY_MIN_BASELINE,
  LATENCY_MIN_DELTA_MS,
  LATENCY_MIN_PER_MINUTE,
  LATENCY_MIN_RECENT,
  LATENCY_R0,
  LATENCY_RATIO,
  RECENT_MINUTES,
} from '../constants';
import { ms } from '../format';
import type { TgSeries } from '../fold';
import { graphHref, logsHref } from '../links';
import { LATENCY_PERCENTILES } from '../query';
import { binomialUpperTail } from '../stats';
import { type Candidate, type DetectInput, deliveredIndex, endMs, logP, minuteIso } from './common';

/** At least this many of `n` requests were slower than `q`, given the minute's quantiles. */
export function slowerAtLeast(n: number, quantiles: readonly number[], q: number): number {
  for (let k = 0; k < LATENCY_PERCENTILES.length; k++) {
    if ((quantiles[k] ?? 0) >= q) {
      const rank = Math.ceil((LATENCY_PERCENTILES[k]! / 100) * n); // nearest rank of that quantile
      return n - rank + 1;
    }
  }
  return 0;
}

/** Indexes of the judged minutes (enough requests, quantiles known) in [from, to), newest first. */
function judged(s: TgSeries, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = to - 1; i >= Math.max(0, from); i--)
    if ((s.okRequests[i] ?? 0) >= LATENCY_MIN_PER_MINUTE && s.quantiles[i] !== undefined) out.push(i);
  return out;
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The test of one group at the window ending at `end` against baseline p95 `q`, with `m` groups tested. */
export function testLatency(s: TgSeries, q: number, end: number, m: number) {
  const limit = Math.max(q * LATENCY_RATIO, q + LATENCY_MIN_DELTA_MS);
  const lane = (minutes: number) => {
    const idx = judged(s, end - minutes, end);
    let n = 0;
    let slow = 0;
    for (const i of idx) {
      n += s.okRequests[i]!;
      slow += slowerAtLeast(s.okRequests[i]!, s.quantiles[i]!, q);
    }
    return { n, slow, minutes: idx.length, p: binomialUpperTail(slow, n, 0.05 * LATENCY_R0) };
  };
  const fast = lane(LATENCY_FAST_MINUTES);
  const slow = lane(RECENT_MINUTES);
  const used = fast.p < slow.p ? fast : slow;
  // The level shown and gated: the p95 of the latest judged minutes (the fast lane's).
  const latest = judged(s, end - LATENCY_FAST_MINUTES, end).map((i) => s.p95[i]!);
  const level = latest.length > 0 ? median(latest) : 0;
  const fired = used.n >= LATENCY_MIN_RECENT && used.p < ALPHA / (2 * Math.max(1, m)) && level >= limit;
  return { fired, extreme: fired && level >= EXTREME_RATIO * q, level, limit, ...used };
}

/** Latency candidates. */
export function detectLatency({ folded: f, places }: DetectInput): Candidate[] {
  const end = deliveredIndex(f);
  const tested = Object.values(f.tg).filter((s) => {
    const b = f.baseline.tg[s.targetGroupArn];
    return b?.p95 !== undefined && b.okRequests >= LATENCY_MIN_BASELINE;
  });
  const out: Candidate[] = [];
  for (const s of tested) {
    const q = f.baseline.tg[s.targetGroupArn]!.p95!;
    const now = testLatency(s, q, end, tested.length);
    if (!now.fired) continue;
    const before = testLatency(s, q, end - 1, tested.length);
    // Onset: the first minute of the trailing run of minutes at or above the limit (quiet minutes skipped).
    let onsetIdx = end - 1;
    for (const i of judged(s, 0, end)) {
      if (s.p95[i]! < now.limit) break;
      onsetIdx = i;
    }
    const where = places.tg(s.targetGroupArn, [...s.serviceArns].sort()[0]);
    const asOf = endMs(f, end);
    const onset = minuteIso(f, onsetIdx);
    out.push({
      confirmed: now.extreme || before.fired,
      finding: {
        id: `latency|${s.targetGroupArn}`,
        kind: 'latency',
        severity: 'high',
        title: `${where.targetGroupName}: p95 ${ms(now.level)} vs ${ms(q)} baseline`,
        detail:
          `at least ${now.slow} of ${now.n} successful requests in the last ${now.minutes} min slower than ` +
          `the baseline p95`,
        where,
        onset,
        asOf: new Date(asOf).toISOString(),
        score: (now.slow / Math.max(1, now.minutes)) * logP(now.p) * 0.1,
        spark: f.minutes.slice(0, end).map((t, i) => ({ t, value: s.p95[i] ?? 0 })),
        logsHref: logsHref({ targetGroup: [s.targetGroupArn] }, Date.parse(onset), asOf),
        graphHref: graphHref(s.targetGroupArn),
      },
    });
  }
  return out;
}
