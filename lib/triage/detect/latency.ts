/**
 * `latency`: a target group whose per-minute p95 (2xx requests) is well above its baseline p95 in most
 * recent minutes: ≥ LATENCY_RATIO × and ≥ LATENCY_MIN_DELTA_MS above, in LATENCY_SLOW_SHARE of the minutes
 * with at least LATENCY_MIN_PER_MINUTE requests, with LATENCY_MIN_RECENT requests in all and a baseline of
 * LATENCY_MIN_BASELINE requests. Pure.
 */
import {
  EXTREME_RATIO,
  LATENCY_MIN_BASELINE,
  LATENCY_MIN_DELTA_MS,
  LATENCY_MIN_PER_MINUTE,
  LATENCY_MIN_RECENT,
  LATENCY_RATIO,
  LATENCY_SLOW_SHARE,
} from '../constants';
import { ms } from '../format';
import type { TgSeries } from '../fold';
import { graphHref, logsHref } from '../links';
import { type Candidate, type DetectInput, deliveredIndex, minuteIso, recent } from './common';

/** The test of one group at the window ending at `end` against baseline p95 `q`. */
export function testLatency(s: TgSeries, q: number, end: number) {
  const { from, to } = recent(end);
  const limit = Math.max(q * LATENCY_RATIO, q + LATENCY_MIN_DELTA_MS);
  const counted: number[] = [];
  let requests = 0;
  let slow = 0;
  for (let i = from; i < to; i++) {
    const n = s.okRequests[i] ?? 0;
    const v = s.p95[i];
    if (n < LATENCY_MIN_PER_MINUTE || v === undefined) continue;
    counted.push(v);
    requests += n;
    if (v >= limit) slow++;
  }
  const sorted = [...counted].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const fired =
    counted.length >= 2 && requests >= LATENCY_MIN_RECENT && slow >= Math.ceil(LATENCY_SLOW_SHARE * counted.length);
  return {
    fired,
    extreme: fired && median >= EXTREME_RATIO * q,
    median,
    requests,
    limit,
    slow,
    minutes: counted.length,
  };
}

/** Latency candidates. */
export function detectLatency({ folded: f, places }: DetectInput): Candidate[] {
  const end = deliveredIndex(f);
  const out: Candidate[] = [];
  for (const s of Object.values(f.tg)) {
    const b = f.baseline.tg[s.targetGroupArn];
    if (!b || b.p95 === undefined || b.okRequests < LATENCY_MIN_BASELINE) continue;
    const q = b.p95;
    const now = testLatency(s, q, end);
    if (!now.fired) continue;
    const before = testLatency(s, q, end - 1);
    // Onset: the first minute of the trailing run of slow (or too quiet to judge) minutes.
    let onsetIdx = end;
    while (onsetIdx > 0) {
      const v = s.p95[onsetIdx - 1];
      const n = s.okRequests[onsetIdx - 1] ?? 0;
      if (n >= LATENCY_MIN_PER_MINUTE && v !== undefined && v < now.limit) break;
      onsetIdx--;
    }
    const where = places.tg(s.targetGroupArn, [...s.serviceArns].sort()[0]);
    const asOf = f.window.startMs + end * 60_000;
    const onset = minuteIso(f, Math.min(onsetIdx, end - 1));
    out.push({
      confirmed: now.extreme || before.fired,
      finding: {
        id: `latency|${s.targetGroupArn}`,
        kind: 'latency',
        severity: 'high',
        title: `${where.targetGroupName}: p95 ${ms(now.median)} vs ${ms(q)} baseline`,
        detail: `${now.slow} of the last ${now.minutes} minutes slower than ${ms(now.limit)}; ${now.requests} requests`,
        where,
        onset,
        asOf: new Date(asOf).toISOString(),
        score: (now.median / q - 1) * (now.requests / Math.max(1, now.minutes)) * 0.05,
        spark: f.minutes.slice(0, end).map((t, i) => ({ t, value: s.p95[i] ?? 0 })),
        logsHref: logsHref({ targetGroup: [s.targetGroupArn] }, Date.parse(onset), asOf),
        graphHref: graphHref(s.targetGroupArn),
      },
    });
  }
  return out;
}
