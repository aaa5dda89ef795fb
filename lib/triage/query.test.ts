import { describe, expect, it } from 'vitest';
import { printQuery } from '../logs/query';
import { BASELINE_GAP_MINUTES, BASELINE_MINUTES, SERIES_MINUTES } from './constants';
import { DENIAL_SERIES_QUERY, LATENCY_QUERY, SERIES_QUERY, windowsAt } from './query';

describe('queries', () => {
  it('print as Logs Insights stats queries (constants only)', () => {
    expect(printQuery(SERIES_QUERY)).toBe(
      'stats count(*) as n by bin(1m) as t, @log, serviceArn, targetGroupArn, responseCode, failureReason\n| limit 10000',
    );
    expect(printQuery(LATENCY_QUERY)).toBe(
      'filter (responseCode >= 200) and (responseCode < 300)\n' +
        '| stats count(*) as n, pct(duration, 50) as p50, pct(duration, 75) as p75, pct(duration, 90) as p90, ' +
        'pct(duration, 95) as p95 by bin(1m) as t, targetGroupArn\n| limit 10000',
    );
    expect(printQuery(DENIAL_SERIES_QUERY)).toBe(
      'filter (ispresent(authDeniedReason)) and (authDeniedReason != "-")\n' +
        '| stats count(*) as n by bin(1m) as t, @log, serviceArn, resolvedUser, authDeniedReason\n| limit 10000',
    );
  });

  it('windows: the series to the second, the baseline an hour ending ≥ 10 min before the recent window', () => {
    const now = Date.UTC(2026, 0, 5, 9, 7, 42, 500);
    const w = windowsAt(now);
    expect(w.series.endMs).toBe(Date.UTC(2026, 0, 5, 9, 7, 42));
    expect(w.series.startMs).toBe(Date.UTC(2026, 0, 5, 9, 7 - SERIES_MINUTES));
    expect(w.baseline.endMs - w.baseline.startMs).toBe(BASELINE_MINUTES * 60_000);
    expect(w.baseline.endMs % (5 * 60_000)).toBe(0); // moves in steps: cacheable
    expect(w.series.endMs - 5 * 60_000 - w.baseline.endMs).toBeGreaterThanOrEqual(
      BASELINE_GAP_MINUTES * 60_000 - 60_000,
    );
    expect(windowsAt(now + 30_000).baseline).toEqual(w.baseline);
  });
});
