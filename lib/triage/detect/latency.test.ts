import { describe, expect, it } from 'vitest';
import { DEMO, demoLike } from '../../graph/testing/fixtures';
import { addTg, emptyFolded, flat, N } from '../testing';
import { places } from '../where';
import { detectLatency, slowerAtLeast } from './latency';

const p = places(demoLike());

function withTg(perMin: number, quantiles: number[][], baseP95 = 100, baseRequests = 6000) {
  const f = emptyFolded();
  addTg(f, DEMO.v1, DEMO.paymentsApi, { requests: flat(perMin), quantiles, p95: quantiles.map((q) => q[3]) });
  f.baseline.tg[DEMO.v1] = { requests: baseRequests, errors5xx: 0, okRequests: baseRequests, p95: baseP95 };
  return f;
}
const normal = [40, 60, 85, 100];
const slow = [900, 950, 990, 1000];

describe('latency', () => {
  it('slowerAtLeast counts from the lowest quantile at or above q', () => {
    expect(slowerAtLeast(100, [40, 60, 85, 100], 100)).toBe(6); // p95 = q: ranks 95..100
    expect(slowerAtLeast(100, [120, 130, 140, 150], 100)).toBe(51);
    expect(slowerAtLeast(100, [40, 60, 85, 99], 100)).toBe(0);
  });

  it('every request slower for 2 minutes fires, naming the group and both p95s', () => {
    const qs = Array.from({ length: N }, (_, i) => (i >= N - 2 ? slow : normal));
    const [c] = detectLatency({ folded: withTg(60, qs), places: p });
    expect(c?.finding.title).toBe('payments-api-v1: p95 1 s vs 100 ms baseline');
    expect(c?.confirmed).toBe(true); // 10× the baseline: extreme
    expect(Date.parse(c!.finding.onset)).toBe(Date.UTC(2026, 0, 5, 9, N - 2));
  });

  it('steady minutes at the baseline, and a single slow minute of a quiet group, stay silent', () => {
    expect(
      detectLatency({
        folded: withTg(
          60,
          flat(0).map(() => normal),
        ),
        places: p,
      }),
    ).toEqual([]);
    const one = Array.from({ length: N }, (_, i) => (i === N - 1 ? [60, 90, 140, 400] : normal));
    expect(detectLatency({ folded: withTg(12, one), places: p })).toEqual([]);
  });

  it('a quarter of requests slower (p75 above q) fires at volume; the size gate keeps p95 < 1.5× q silent', () => {
    // p90 ≥ q alone means ≥ 10 % slow, exactly the 2 × 5 % tested against: never significant (README).
    const p90only = Array.from({ length: N }, (_, i) => (i >= N - 5 ? [45, 70, 130, 160] : normal));
    expect(detectLatency({ folded: withTg(2000, p90only), places: p })).toEqual([]);
    const tail = [45, 110, 130, 160]; // p95 160 = 1.6× q
    const qs = Array.from({ length: N }, (_, i) => (i >= N - 5 ? tail : normal));
    expect(detectLatency({ folded: withTg(2000, qs), places: p })).toHaveLength(1);
    const small = [45, 110, 120, 140]; // p95 140 < 1.5× q
    const qs2 = Array.from({ length: N }, (_, i) => (i >= N - 5 ? small : normal));
    expect(detectLatency({ folded: withTg(2000, qs2), places: p })).toEqual([]);
  });

  it('no finding without a trusted baseline', () => {
    const qs = Array.from({ length: N }, () => slow);
    expect(detectLatency({ folded: withTg(60, qs, 100, 200), places: p })).toEqual([]);
  });
});
