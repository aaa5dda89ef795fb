/**
 * Latency estimated from the traffic pass, against the emulator's Insights engine: the rows of the real
 * traffic query (histogramQuery) folded by estimateLatency, next to the exact figures of the latency
 * query over the same records. Exact when every row is small, within its stated range always, and close
 * on a steady service.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../emulator/core/rng';
import { runQuery } from '../../emulator/logs/insights';
import { memorySource, toBatches } from '../../emulator/logs/insights/testing/memoryBatch';
import { defaultFilters } from './filters';
import { estimateLatency, type LatencyEstimate, PCT_COLUMNS } from './latencyEstimate';
import { histogramQuery, latencyQuery } from './panelQueries';
import { foldLatency } from './panelResults';
import { type BinPeriod, printQuery } from './query';
import type { ResultRow } from './panelTypes';

const HOUR = 3_600_000;
const T0 = 1_800_000_000_000;
const W = { startMs: T0, endMs: T0 + HOUR - 1 };

/** A log-normal duration (ms) around `median`. */
function logNormal(rng: Rng, median: number, sigma: number): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return median * Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
}

interface World {
  n: number;
  users: number;
  /** From minute 50, one target group is 900 ms slower and another fails 30 % of its requests. */
  incident: boolean;
  /** Share of records without a numeric duration. */
  untimed?: number;
}

/** `n` access-log records of one service over the hour, three target groups of different speeds. */
function world(seed: string, w: World) {
  const rng = new Rng(seed);
  const events = Array.from({ length: w.n }, (_, k) => {
    const t = T0 + Math.floor((k * HOUR) / w.n);
    const late = w.incident && t > T0 + 50 * 60_000;
    const denied = rng.chance(0.05);
    const tg = rng.int(1, 3);
    const failed = !denied && rng.chance(late && tg === 2 ? 0.3 : 0.02);
    const code = denied ? 403 : failed ? rng.pick([500, 503]) : rng.pick([200, 200, 201, 404]);
    const median = [0, 20, 60, 8][tg]!;
    const d = denied ? rng.int(0, 3) : failed ? logNormal(rng, 5, 0.5) : logNormal(rng, median, 0.6);
    const timed = !rng.chance(w.untimed ?? 0);
    return {
      timestamp: t,
      message: JSON.stringify({
        responseCode: code,
        authDeniedReason: denied ? 'Service' : '-',
        failureReason: denied ? 'ClientAccessDenied' : failed ? 'RequestTimeout' : '-',
        targetGroupArn: denied ? '-' : `tg-${tg}`,
        sourceVpcId: `vpc-${rng.int(1, 4)}`,
        resolvedUser: denied ? 'Anonymous' : `user-${rng.int(1, w.users)}`,
        duration: timed ? Math.round(d + (late && tg === 3 ? 900 : 0)) : '-',
      }),
    };
  });
  return memorySource(toBatches(events, '111111111111:/g', 4096));
}

const rowsOf = (results: Array<Array<{ field: string; value: string }>>): ResultRow[] =>
  results.map((r) => Object.fromEntries(r.map((c) => [c.field, c.value])));

/** The traffic pass's rows and the exact latency row over the world. */
function both(src: ReturnType<typeof world>, bin: BinPeriod) {
  const traffic = runQuery(printQuery(histogramQuery(defaultFilters(), bin)), src, W);
  expect(traffic.results.length).toBeLessThan(10_000);
  const exact = rowsOf(runQuery(printQuery(latencyQuery(defaultFilters())), src, W).results)[0]!;
  return { rows: rowsOf(traffic.results), exact };
}

const within = (e: LatencyEstimate, exact: ResultRow) => {
  for (const c of PCT_COLUMNS) {
    const truth = Number(exact[c]);
    const r = e.ranges[c];
    if (r) {
      expect(r.from, c).toBeLessThanOrEqual(truth);
      expect(r.to, c).toBeGreaterThanOrEqual(truth);
      expect(e[c], c).toBeGreaterThanOrEqual(r.from);
      expect(e[c], c).toBeLessThanOrEqual(r.to);
    } else expect(e[c], c).toBe(truth);
  }
};

describe('estimateLatency over the traffic pass', () => {
  it('adds up requests, average and maximum exactly', () => {
    const { rows, exact } = both(world('sum', { n: 20_000, users: 3, incident: true }), '1m');
    const e = estimateLatency(rows);
    expect(e.requests).toBe(Number(exact.requests));
    expect(e.avg).toBeCloseTo(Number(exact.avg), 1);
    expect(e.max).toBe(Number(exact.max));
  });

  it('is exact when no row holds more than five records (every rank is a knot)', () => {
    const { rows, exact } = both(world('small', { n: 3_000, users: 40, incident: true }), '30s');
    expect(Math.max(...rows.map((r) => Number(r.dn)))).toBeLessThanOrEqual(5);
    const e = estimateLatency(rows);
    expect(e.ranges).toEqual({});
    for (const c of PCT_COLUMNS) expect(e[c]).toBe(Number(exact[c]));
  });

  it('keeps the true percentile inside its stated range, with an incident and with untimed records', () => {
    const cases: Array<[string, World, BinPeriod]> = [
      ['steady', { n: 50_000, users: 3, incident: false }, '1m'],
      ['incident', { n: 50_000, users: 3, incident: true }, '5m'],
      ['coarse', { n: 40_000, users: 1, incident: true }, '1h'],
      ['untimed', { n: 20_000, users: 2, incident: true, untimed: 0.2 }, '1m'],
    ];
    for (const [seed, w, bin] of cases) {
      const { rows, exact } = both(world(seed, w), bin);
      within(estimateLatency(rows), exact);
    }
  });

  it('is within 5 % of the exact percentiles on a steady service and through an incident at 1-minute bins', () => {
    for (const incident of [false, true]) {
      const { rows, exact } = both(world(`close-${incident}`, { n: 100_000, users: 2, incident }), '1m');
      const e = estimateLatency(rows);
      for (const c of PCT_COLUMNS) expect(Math.abs(e[c]! / Number(exact[c]) - 1), c).toBeLessThan(0.05);
    }
  });

  it('states a wide range where a coarse bin mixes the fast and the slow (the incident inside one row)', () => {
    const { rows, exact } = both(world('wide', { n: 40_000, users: 1, incident: true }), '1h');
    const p95 = estimateLatency(rows).ranges.p95!;
    expect(Number(exact.p95)).toBeGreaterThan(800);
    expect(p95.to / p95.from).toBeGreaterThan(2);
  });

  it('has no percentiles without numeric durations, and counts the requests', () => {
    const e = estimateLatency([{ n: '4', dn: '0', dsum: '0', dmin: '', dmax: '' }]);
    expect(e).toEqual({
      requests: 4,
      p50: undefined,
      p95: undefined,
      p99: undefined,
      avg: undefined,
      max: undefined,
      ranges: {},
    });
  });
});

describe('foldLatency', () => {
  it("estimates per account over all of the traffic pass's slices, and takes the latency query's row as exact", () => {
    const src = world('slices', { n: 10_000, users: 2, incident: true });
    const q = printQuery(histogramQuery(defaultFilters(), '1m'));
    const half = T0 + HOUR / 2;
    const first = rowsOf(runQuery(q, src, { startMs: T0, endMs: half - 1 }).results);
    const second = rowsOf(runQuery(q, src, { startMs: half, endMs: W.endMs }).results);
    const whole = estimateLatency([...first, ...second]);
    const { ranges, ...figures } = whole;
    const folded = foldLatency([
      { accountId: 'a', rows: first },
      { accountId: 'a', rows: second },
      { accountId: 'b', rows: [{ requests: '2', p50: '5', p95: '9', p99: '9', avg: '7', max: '9' }] },
    ]);
    expect(folded).toEqual([
      { accountId: 'a', ...figures, ranges },
      { accountId: 'b', requests: 2, p50: 5, p95: 9, p99: 9, avg: 7, max: 9, ranges: {} },
    ]);
    expect(Object.keys(ranges).length).toBeGreaterThan(0);
  });
});
