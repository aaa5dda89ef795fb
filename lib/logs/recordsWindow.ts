/**
 * The part of the window the records panel queries: the newest bins that hold at least `limit` matching
 * records, read from the histogram's counts (the traffic pass counts exactly the records the filters
 * match). Insights bills the bytes of the time range a query covers — a `sort @timestamp desc | limit N`
 * still scans all of it (only `limit any` stops early, in no order) — so a narrower range is what makes
 * "the newest 1,000" cheap. The whole window when fewer match, or when the counts are not complete. Pure.
 */
import { parseInsightsTime } from '../domain/accessLog';
import type { PanelState } from './panelTypes';
import type { TimeWindow } from './time';

/** Matching records per bin start, from the rows of `runs`. */
function countsOf(runs: PanelState['runs']): Map<number, number> {
  const perBin = new Map<number, number>();
  for (const r of runs)
    for (const row of r.rows ?? []) {
      const t = parseInsightsTime(row.t);
      const n = Number(row.n);
      if (!Number.isNaN(t) && n > 0) perBin.set(t, (perBin.get(t) ?? 0) + n);
    }
  return perBin;
}

/** From the newest bin where `perBin` reaches `limit` (newest first) to the end of `w`; undefined if it does not. */
function newestHolding(perBin: Map<number, number>, w: TimeWindow, limit: number): TimeWindow | undefined {
  let seen = 0;
  for (const t of [...perBin.keys()].sort((a, b) => b - a)) {
    seen += perBin.get(t)!;
    if (seen >= limit) return t <= w.startMs ? w : { startMs: Math.ceil(t / 1000) * 1000, endMs: w.endMs };
  }
  return undefined;
}

/**
 * The newest part of `w` holding `limit` of the records the histogram counted (whole bins, whole seconds);
 * undefined while that cannot be known yet. A pass over slices answers as soon as the newest slices are
 * complete and hold `limit` (the older ones cannot change it), so the records need not wait for all of them.
 */
export function newestWindow(histogram: PanelState, w: TimeWindow, limit: number): TimeWindow | undefined {
  // A log group that does not exist fails the records' query the same way; any other failure leaves counts out.
  const missed = histogram.failures.some((f) => f.error.code !== 'NOT_FOUND');
  if (histogram.phase === 'failed' || histogram.phase === 'cancelled' || histogram.truncated || missed) return w;
  if (histogram.phase === 'done') return newestHolding(countsOf(histogram.runs), w, limit) ?? w;
  // Running: the complete slices that follow one another back from the end of the window.
  const slices = new Map<number, PanelState['runs']>();
  for (const r of histogram.runs) if (r.slice) slices.set(r.slice.startMs, [...(slices.get(r.slice.startMs) ?? []), r]);
  const ready: PanelState['runs'] = [];
  let edge = w.endMs;
  for (const start of [...slices.keys()].sort((a, b) => b - a)) {
    const runs = slices.get(start)!;
    if (runs[0]!.slice!.endMs !== edge || !runs.every((r) => r.status === 'Complete' && r.rows)) return undefined;
    ready.push(...runs);
    const found = newestHolding(countsOf(ready), w, limit);
    if (found) return found;
    edge = start - 1000;
  }
  return undefined;
}
