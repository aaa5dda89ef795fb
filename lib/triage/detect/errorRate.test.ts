import { describe, expect, it } from 'vitest';
import { DEMO, demoLike } from '../../graph/testing/fixtures';
import { parseLogFilters } from '../../logs/filters';
import { addTg, emptyFolded, flat, step } from '../testing';
import { places } from '../where';
import { detectErrorRate, testErrorRate } from './errorRate';

const p = places(demoLike());

function withV2(
  requests: number[],
  errors: number[],
  base: { requests: number; errors5xx: number } = { requests: 6000, errors5xx: 24 },
) {
  const f = emptyFolded();
  addTg(f, DEMO.v2, DEMO.paymentsApi, { requests, errors, failure: '502 TargetConnectionError' });
  f.baseline.tg[DEMO.v2] = { ...base, okRequests: base.requests - base.errors5xx };
  return f;
}

describe('error-rate', () => {
  it('names the group, the rate, the dominant code and the baseline; links logs and graph', () => {
    const f = withV2(flat(100), step(0, 27, 6));
    const [c] = detectErrorRate({ folded: f, places: p });
    expect(c).toBeDefined();
    const x = c!.finding;
    expect(x.title).toBe('payments-api-v2: 27 % 5xx (502 TargetConnectionError) vs 0.4 % baseline');
    expect(x.kind).toBe('error-rate');
    expect(x.severity).toBe('high');
    expect(x.responseCode).toBe(502);
    expect(x.where).toMatchObject({
      serviceName: 'payments-api',
      targetGroupName: 'payments-api-v2',
      ruleName: 'v2-canary',
    });
    expect(c!.confirmed).toBe(true); // 27 % is extreme
    // Onset: the first failing minute (index N − 6).
    expect(Date.parse(x.onset)).toBe(f.minutes[f.minutes.length - 6]);
    expect(x.asOf).toBe(new Date(f.deliveredUntil).toISOString());
    expect(x.spark).toHaveLength(f.minutes.length);
    expect(x.spark!.at(-1)!.value).toBeCloseTo(0.27);
    const url = new URL(x.logsHref!, 'http://x');
    expect(url.pathname).toBe('/logs');
    expect(url.searchParams.get('rank')).toBe('change');
    url.searchParams.delete('rank');
    const parsed = parseLogFilters(url.searchParams);
    expect(parsed.problems).toEqual([]);
    expect(parsed.filters.include).toEqual({ targetGroup: [DEMO.v2], code: ['5xx'] });
    expect(parsed.filters.time.kind).toBe('absolute');
    if (parsed.filters.time.kind === 'absolute') {
      expect(parsed.filters.time.fromMs).toBeLessThan(Date.parse(x.onset));
      expect(parsed.filters.time.toMs).toBeGreaterThan(Date.parse(x.asOf));
    }
    expect(x.graphHref).toBe(`/topology?sel=${encodeURIComponent(DEMO.v2)}`);
  });

  it('no finding from 2 errors of 3 requests, nor from 4 of 20 (minimum count)', () => {
    expect(detectErrorRate({ folded: withV2(flat(1), step(0, 1, 2)), places: p })).toEqual([]);
    const t = testErrorRate(withV2(flat(4), step(0, 1, 4)).tg[DEMO.v2]!, { requests: 6000, errors5xx: 24 }, 17, 1);
    expect(t.errors).toBe(4);
    expect(t.fired).toBe(false);
  });

  it('a small drift (0.5 % → 1 %) stays silent; 0.5 % → 5 % at 1,000 req/min fires', () => {
    const base = { requests: 60_000, errors5xx: 300 };
    expect(detectErrorRate({ folded: withV2(flat(1000), flat(10), base), places: p })).toEqual([]);
    const [c] = detectErrorRate({ folded: withV2(flat(1000), step(5, 50, 5), base), places: p });
    expect(c?.finding.title).toMatch(/^payments-api-v2: 5 % 5xx/);
    expect(c?.confirmed).toBe(true); // fired one minute earlier too (4 of 5 minutes at 5 %)
  });

  it('a rise that started this minute is a candidate but not confirmed (moderate rate, first evaluation)', () => {
    const base = { requests: 60_000, errors5xx: 300 };
    const [c] = detectErrorRate({ folded: withV2(flat(1000), step(5, 90, 1), base), places: p });
    expect(c).toBeDefined();
    expect(c!.confirmed).toBe(false);
  });

  it('the Wilson floor keeps a significant but tiny rise silent (0.01 % → 0.3 %)', () => {
    const base = { requests: 600_000, errors5xx: 60 };
    expect(detectErrorRate({ folded: withV2(flat(10_000), flat(30), base), places: p })).toEqual([]);
  });

  it('≥ 50 % 5xx is critical; a brand-new group with errors is judged against 0', () => {
    const [c] = detectErrorRate({ folded: withV2(flat(40), step(0, 30, 5), { requests: 0, errors5xx: 0 }), places: p });
    expect(c?.finding.severity).toBe('critical');
    expect(c?.finding.title).toBe('payments-api-v2: 75 % 5xx (502 TargetConnectionError) vs 0 % baseline');
  });

  it('undelivered trailing minutes are left out of the recent window', () => {
    const f = withV2(flat(100), step(0, 27, 6));
    f.deliveredUntil = f.minutes[f.minutes.length - 6]!; // the failing minutes are not delivered yet
    expect(detectErrorRate({ folded: f, places: p })).toEqual([]);
  });
});
