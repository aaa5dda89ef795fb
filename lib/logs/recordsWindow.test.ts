import { describe, expect, it } from 'vitest';
import type { PanelState } from './panelTypes';
import { newestWindow } from './recordsWindow';

const T0 = Date.UTC(2026, 11, 3, 10, 0, 0);
const W = { startMs: T0, endMs: T0 + 3_600_000 - 1000 };
const at = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

/** A finished traffic pass: `counts[k]` matching records in the k-th 1-minute bin, split over two rows each. */
function histogram(counts: number[], extra: Partial<PanelState> = {}): PanelState {
  const rows = counts.flatMap((n, k) => [
    { t: at(T0 + k * 60_000), responseCode: '200', n: String(n - Math.floor(n / 3)) },
    { t: at(T0 + k * 60_000), responseCode: '503', n: String(Math.floor(n / 3)) },
  ]);
  const run = {
    accountId: '111111111111',
    region: 'us-east-1',
    queryId: 'q',
    logGroupNames: ['g'],
    status: 'Complete' as const,
    statistics: { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 },
  };
  return {
    phase: 'done',
    sources: [],
    failures: [],
    stats: run.statistics,
    // A slice cut at the row cap keeps its run without rows: it counts nothing.
    runs: [
      { ...run, rows },
      { ...run, queryId: 'cut' },
    ],
    ...extra,
  };
}

describe('newestWindow', () => {
  it('keeps the newest bins that hold the limit of matching records (summed over rows and runs)', () => {
    const counts = Array.from({ length: 60 }, () => 400);
    expect(newestWindow(histogram(counts), W, 1000)).toEqual({ startMs: T0 + 57 * 60_000, endMs: W.endMs });
    expect(newestWindow(histogram(counts), W, 400)).toEqual({ startMs: T0 + 59 * 60_000, endMs: W.endMs });
  });

  it('skips empty recent bins and takes the whole window when fewer records match', () => {
    const counts = Array.from({ length: 60 }, (_, k) => (k === 10 ? 5000 : 0));
    expect(newestWindow(histogram(counts), W, 1000)).toEqual({ startMs: T0 + 10 * 60_000, endMs: W.endMs });
    expect(newestWindow(histogram(Array.from({ length: 60 }, () => 10)), W, 1000)).toEqual(W);
  });

  it('takes the whole window when the counts are incomplete (cut at the cap, failed in an account, not done)', () => {
    const counts = Array.from({ length: 60 }, () => 400);
    expect(newestWindow(histogram(counts, { truncated: true }), W, 1000)).toEqual(W);
    const error = { code: 'THROTTLED' as const, message: 'm', retryable: true };
    const failure = { accountId: '222222222222', region: 'us-east-1', logGroupNames: ['g'], error };
    expect(newestWindow(histogram(counts, { failures: [failure] }), W, 1000)).toEqual(W);
    expect(newestWindow(histogram(counts, { phase: 'cancelled' }), W, 1000)).toEqual(W);
    // A log group that does not exist fails the records' query the same way: the counts of the others hold.
    const gone = { ...failure, error: { code: 'NOT_FOUND' as const, message: 'm', retryable: false } };
    expect(newestWindow(histogram(counts, { failures: [gone] }), W, 1000)?.startMs).toBe(T0 + 57 * 60_000);
  });

  it('answers while a sliced pass runs once the newest slices are complete and hold the limit', () => {
    const done = histogram(Array.from({ length: 60 }, () => 400));
    const rowsAt = (from: number, to: number) =>
      done.runs[0]!.rows!.filter((r) => {
        const t = Date.parse(`${(r.t ?? '').replace(' ', 'T')}Z`);
        return t >= T0 + from * 60_000 && t < T0 + to * 60_000;
      });
    const slice = (from: number, to: number, complete: boolean) => ({
      ...done.runs[0]!,
      queryId: `s${from}`,
      status: complete ? ('Complete' as const) : ('Running' as const),
      slice: { startMs: T0 + from * 60_000, endMs: to === 60 ? W.endMs : T0 + to * 60_000 - 1000 },
      ...(complete ? { rows: rowsAt(from, to) } : { rows: undefined }),
    });
    const running = (runs: PanelState['runs']): PanelState => ({ ...done, phase: 'running', runs });
    // The newest slice is complete and holds 1,000: no need to wait for the older one.
    expect(newestWindow(running([slice(0, 50, false), slice(50, 60, true)]), W, 1000)).toEqual({
      startMs: T0 + 57 * 60_000,
      endMs: W.endMs,
    });
    // The newest is not complete (or not started): wait.
    expect(newestWindow(running([slice(0, 50, true), slice(50, 60, false)]), W, 1000)).toBeUndefined();
    expect(newestWindow(running([slice(0, 50, true)]), W, 1000)).toBeUndefined();
    // Complete but holding fewer than the limit, the older one still running: wait.
    expect(newestWindow(running([slice(0, 58, false), slice(58, 60, true)]), W, 1000)).toBeUndefined();
    expect(newestWindow(running([slice(0, 58, true), slice(58, 60, true)]), W, 1000)).toEqual({
      startMs: T0 + 57 * 60_000,
      endMs: W.endMs,
    });
  });
});
