/**
 * The traffic pass (lib/logs/panelQueries `histogramQuery`) over consecutive slices of the window: its rows
 * are bins × every combination of the breakdowns' values, which can pass Insights' row cap on a busy window.
 * Slices are whole bins, do not overlap and cover the window, so together they still scan it once (Insights
 * bills the bytes of the time range queried). How many: from the rows per bin the same filters gave last
 * time; for filters not seen yet, the most any filters gave in this tab (more filters only remove
 * combinations, and more slices cost no bytes, only queries), or a default. A slice whose result reached the
 * cap is run again as two halves; the cut-short run stays in the state without rows, because its bytes were
 * scanned (and billed) all the same.
 */
import { ROW_CAP } from '@/lib/logs/panelQueries';
import { type PanelState, sumStats } from '@/lib/logs/panelTypes';
import { durationMs, type TimeWindow } from '@/lib/logs/time';
import type { StartRequest } from './api';
import { type RunPanelOptions, runPanel } from './runPanel';

/** Rows a slice aims at: half the cap, so that a slice busier than the estimate still fits. */
const TARGET_ROWS = ROW_CAP / 2;
/** Rows per bin assumed before any pass finished in this tab. */
const DEFAULT_ROWS_PER_BIN = 100;
/** Rows per bin the last finished pass of some filters (the URL's query string) returned. */
const rowsPerBin = new Map<string, number>();

/** The newest slice of a pass over several is this share of the others (at least one bin). */
const HEAD_SHARE = 1 / 8;

/**
 * Consecutive slices of whole bins covering `w` (whole seconds; Insights includes the end second). When there
 * are several, the newest bins run as a small slice of their own: it completes long before the others (the
 * slices run side by side), so the records, which read the newest counts, start while the older ones run.
 */
export function planSlices(w: TimeWindow, binMs: number, perBin: number): TimeWindow[] {
  const first = Math.floor(w.startMs / binMs) * binMs;
  const bins = Math.max(1, Math.ceil((w.endMs + 1 - first) / binMs));
  const k = Math.min(bins, Math.max(1, Math.ceil((bins * perBin) / TARGET_ROWS)));
  const per = Math.ceil(bins / k);
  const head = k > 1 ? Math.max(1, Math.floor(per * HEAD_SHARE)) : 0;
  const cuts: number[] = [];
  for (let b = 0; b < bins - head; b += per) cuts.push(b);
  if (head > 0) cuts.push(bins - head);
  const out: TimeWindow[] = [];
  cuts.forEach((b, i) => {
    const to = cuts[i + 1] ?? bins;
    const startMs = Math.max(w.startMs, first + b * binMs);
    const endMs = to >= bins ? w.endMs : first + to * binMs - 1000;
    if (endMs >= startMs) out.push({ startMs, endMs });
  });
  return out;
}

/** The two halves (at a bin boundary) of a slice, or undefined when it is one bin. */
export function halves(w: TimeWindow, binMs: number): [TimeWindow, TimeWindow] | undefined {
  const first = Math.floor(w.startMs / binMs) * binMs;
  const bins = Math.ceil((w.endMs + 1 - first) / binMs);
  if (bins < 2) return undefined;
  const cut = first + Math.ceil(bins / 2) * binMs;
  return [
    { startMs: w.startMs, endMs: cut - 1000 },
    { startMs: cut, endMs: w.endMs },
  ];
}

const rowsIn = (s: PanelState): number => s.runs.reduce((n, r) => Math.max(n, r.rows?.length ?? 0), 0);

function phaseOf(states: readonly PanelState[]): PanelState['phase'] {
  if (states.some((s) => s.phase === 'failed')) return 'failed';
  if (states.some((s) => s.phase === 'cancelled')) return 'cancelled';
  if (states.every((s) => s.phase === 'done')) return 'done';
  return states.every((s) => s.phase === 'starting') ? 'starting' : 'running';
}

/** One state of the slices' states, plus the runs that were cut short (no rows, bytes counted). */
export function combineSlices(
  states: readonly PanelState[],
  spent: PanelState['runs'],
  truncated: boolean,
): PanelState {
  const runs = [...spent, ...states.flatMap((s) => s.runs)];
  const named = states.find((s) => s.queryText !== undefined);
  const error = states.find((s) => s.error)?.error;
  return {
    phase: phaseOf(states),
    ...(named?.queryText !== undefined ? { queryText: named.queryText } : {}),
    sources: named?.sources ?? [],
    ...(named?.reason !== undefined ? { reason: named.reason } : {}),
    ...(named?.indexedBy !== undefined ? { indexedBy: named.indexedBy } : {}),
    runs,
    // Every slice of an account fails alike (a deleted log group): report each failure once.
    failures: [
      ...new Map(
        states
          .flatMap((s) => s.failures)
          .map((f) => [`${f.accountId}|${f.region}|${f.logGroupNames.join(',')}|${f.error.code}`, f]),
      ).values(),
    ],
    ...(error ? { error } : {}),
    ...(truncated ? { truncated } : {}),
    stats: sumStats(runs),
  };
}

const STARTING: PanelState = {
  phase: 'starting',
  runs: [],
  failures: [],
  sources: [],
  stats: { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 },
};

/** Runs the request over slices of its window and reports one combined state. */
export async function runSliced(req: StartRequest, o: RunPanelOptions): Promise<PanelState> {
  const binMs = durationMs(req.bin);
  const slices = planSlices(req.window, binMs, expectedRowsPerBin(req.params));
  const states = new Map<number, PanelState>();
  const spent: PanelState['runs'] = [];
  let truncated = false;
  let next = 0;
  const current = () => combineSlices([...states.values()], spent, truncated);
  const run = async (w: TimeWindow): Promise<void> => {
    const id = next++;
    states.set(id, STARTING);
    const end = await runPanel(
      { ...req, window: w },
      {
        ...o,
        emit: (s) => {
          // A slice cut at the cap is not done: it runs again in halves (its counts must not be read as final).
          const sliced = { ...s, runs: s.runs.map((r) => ({ ...r, slice: w })) };
          const cut = s.phase === 'done' && rowsIn(s) >= ROW_CAP && halves(w, binMs) !== undefined;
          states.set(id, cut ? { ...sliced, phase: 'running' } : sliced);
          o.emit(current());
        },
      },
    );
    states.set(id, { ...end, runs: end.runs.map((r) => ({ ...r, slice: w })) });
    if (end.phase !== 'done' || rowsIn(end) < ROW_CAP || o.signal.aborted) return;
    const parts = halves(w, binMs);
    if (!parts) {
      truncated = true;
      return;
    }
    states.delete(id);
    // No rows and no slice: its bytes count, its rows are never read.
    spent.push(...end.runs.map(({ rows: _cut, slice: _part, ...r }) => r));
    await Promise.all(parts.map(run));
  };
  // Newest first: it takes the first query slot (the tab's and the server's caps queue the rest), so the small
  // newest slice completes first and the records can start.
  await Promise.all([...slices].reverse().map(run));
  const final = current();
  if (final.phase === 'done') remember(req, final, binMs);
  o.emit(final);
  return final;
}

/** Rows per bin expected for filters (the URL's query string). */
export function expectedRowsPerBin(params: string): number {
  return rowsPerBin.get(params) ?? (rowsPerBin.size > 0 ? Math.max(...rowsPerBin.values()) : DEFAULT_ROWS_PER_BIN);
}

function remember(req: StartRequest, s: PanelState, binMs: number): void {
  const bins = Math.max(1, Math.ceil((req.window.endMs - req.window.startMs) / binMs));
  // Each account's query has its own cap: the busiest account decides.
  const perAccount = new Map<string, number>();
  for (const r of s.runs) perAccount.set(r.accountId, (perAccount.get(r.accountId) ?? 0) + (r.rows?.length ?? 0));
  const rows = Math.max(0, ...perAccount.values());
  if (rowsPerBin.size > 100) rowsPerBin.clear();
  rowsPerBin.set(req.params, Math.max(1, rows / bins));
}
