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

/** The newest part of `w` holding `limit` of the records the histogram counted (whole bins, whole seconds). */
export function newestWindow(histogram: PanelState, w: TimeWindow, limit: number): TimeWindow {
  // A log group that does not exist fails the records' query the same way; any other failure leaves counts out.
  const missed = histogram.failures.some((f) => f.error.code !== 'NOT_FOUND');
  if (histogram.phase !== 'done' || histogram.truncated || missed) return w;
  const perBin = new Map<number, number>();
  for (const r of histogram.runs)
    for (const row of r.rows ?? []) {
      const t = parseInsightsTime(row.t);
      const n = Number(row.n);
      if (!Number.isNaN(t) && n > 0) perBin.set(t, (perBin.get(t) ?? 0) + n);
    }
  let seen = 0;
  for (const t of [...perBin.keys()].sort((a, b) => b - a)) {
    seen += perBin.get(t)!;
    if (seen >= limit) return t <= w.startMs ? w : { startMs: Math.ceil(t / 1000) * 1000, endMs: w.endMs };
  }
  return w;
}
