/**
 * One panel's life: start its queries, poll them until every account finished, and stop them on
 * the server the moment the panel is cancelled (the abort signal: a cancel button, or TanStack Query
 * dropping the query because the filters changed). Reports each state through `emit`.
 */
import type { PanelState, RunProgress, RunRef } from '@/lib/logs/panelTypes';
import { isFinished, sumStats } from '@/lib/logs/panelTypes';
import type { LogsPoster, StartRequest } from './api';
import type { Release } from './panelSlots';

/** Options of `runPanel`. */
export interface RunPanelOptions {
  post: LogsPoster;
  signal: AbortSignal;
  emit: (state: PanelState) => void;
  /** Where the panel waits for its turn (the console caps running queries per user and account). */
  slots?: { acquire(signal: AbortSignal): Promise<Release | undefined> };
  /** Waits between attempts to start when the console refused for too many running queries. */
  throttledRetryMs?: number;
  /** Ask for rows while running (aggregates draw progressively; the record table waits for the end). */
  rowsWhileRunning: boolean;
  /**
   * Poll delay for the first `fastForMs` (most queries finish within it), growing to `maxPollMs`
   * after. Not shorter: every GetQueryResults of a running stats query makes Insights (and the
   * emulator) compute its partial results.
   */
  pollMs?: number;
  fastForMs?: number;
  maxPollMs?: number;
}

const ZERO = { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 };

/** Queries of this tab that are running, so that closing the tab can stop them (`stopOpenRuns`). */
const openRuns = new Map<string, RunRef>();
const refOf = ({ accountId, region, queryId }: RunRef): RunRef => ({ accountId, region, queryId });

/** Stops every query this tab still runs (on page hide: a closed tab should not leave queries scanning). */
export function stopOpenRuns(post: LogsPoster): void {
  const runs = [...openRuns.values()];
  openRuns.clear();
  if (runs.length > 0) void post({ op: 'stop', runs }, { keepalive: true }).catch(() => undefined);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Runs a panel to its end (done, failed or cancelled) and returns the last state. */
export async function runPanel(req: StartRequest, o: RunPanelOptions): Promise<PanelState> {
  const initial: PanelState = { phase: 'starting', runs: [], failures: [], sources: [], stats: ZERO };
  o.emit(initial);
  const release = o.slots ? await o.slots.acquire(o.signal) : undefined;
  if (o.slots && !release) {
    const cancelled: PanelState = { ...initial, phase: 'cancelled' };
    o.emit(cancelled);
    return cancelled;
  }
  try {
    return await runStarted(req, o);
  } finally {
    release?.();
  }
}

const throttled = (e: { code: string }) => e.code === 'THROTTLED';

async function runStarted(req: StartRequest, o: RunPanelOptions): Promise<PanelState> {
  let state: PanelState = { phase: 'starting', runs: [], failures: [], sources: [], stats: ZERO };
  const emit = (s: PanelState) => {
    state = s;
    o.emit(s);
  };
  // Not aborted by the signal: once the server started queries, their ids are needed to stop them.
  let started = await o.post({ op: 'start', ...req });
  // Refused for too many running queries (e.g. another tab): wait for some to finish, then retry.
  while (
    !o.signal.aborted &&
    (started.ok
      ? started.value.runs.length === 0 &&
        started.value.failures.length > 0 &&
        started.value.failures.every((f) => throttled(f.error))
      : throttled(started.error))
  ) {
    emit({ ...state, ...(started.ok ? { failures: started.value.failures } : { error: started.error }) });
    await sleep(o.throttledRetryMs ?? 1000, o.signal);
    if (o.signal.aborted) break;
    started = await o.post({ op: 'start', ...req });
  }
  if (o.signal.aborted && started.ok) {
    const runs = started.value.runs.map(({ accountId, region, queryId }) => ({ accountId, region, queryId }));
    if (runs.length > 0) void o.post({ op: 'stop', runs }, { keepalive: true }).catch(() => undefined);
    emit({ ...state, phase: 'cancelled' });
    return state;
  }
  if (!started.ok) {
    emit({ ...state, phase: 'failed', error: started.error });
    return state;
  }
  const s = started.value;
  for (const r of s.runs) openRuns.set(r.queryId, refOf(r));
  emit({
    phase: s.runs.length > 0 ? 'running' : s.failures.length > 0 ? 'failed' : 'done',
    queryText: s.queryText,
    sources: s.sources,
    reason: s.reason,
    ...(s.indexedBy ? { indexedBy: s.indexedBy } : {}),
    runs: s.runs.map((r) => ({ ...r, status: 'Scheduled', statistics: ZERO })),
    failures: s.failures,
    stats: ZERO,
  });
  let delay = o.pollMs ?? 400;
  const since = Date.now();
  for (;;) {
    const open = state.runs.filter((r) => !isFinished(r.status));
    if (open.length === 0) break;
    if (!o.signal.aborted) await sleep(delay, o.signal);
    if (o.signal.aborted) {
      for (const r of open) openRuns.delete(r.queryId);
      void o.post({ op: 'stop', runs: open.map(refOf) }, { keepalive: true }).catch(() => undefined);
      emit({ ...state, phase: 'cancelled' });
      return state;
    }
    delay = nextPollDelay(delay, Date.now() - since, o);
    let polled: Awaited<ReturnType<LogsPoster>>;
    try {
      polled = await o.post(
        {
          op: 'poll',
          runs: open.map(({ accountId, region, queryId }) => ({ accountId, region, queryId })),
          rows: o.rowsWhileRunning,
        },
        { signal: o.signal },
      );
    } catch {
      continue; // aborted mid-poll: the next turn stops the queries
    }
    if (!polled.ok) {
      for (const r of open) openRuns.delete(r.queryId);
      void o.post({ op: 'stop', runs: open.map(refOf) }, { keepalive: true }).catch(() => undefined);
      emit({ ...state, phase: 'failed', error: polled.error });
      return state;
    }
    for (const p of polled.value as RunProgress[]) if (isFinished(p.status)) openRuns.delete(p.queryId);
    emit(merge(state, polled.value as RunProgress[]));
  }
  emit({ ...state, phase: state.runs.length === 0 && state.failures.length > 0 ? 'failed' : 'done' });
  return state;
}

/**
 * The delay before the next poll: unchanged for the first `fastForMs` (3 s; most queries finish within
 * it), then growing by half each time up to `maxPollMs` (1 s).
 */
export function nextPollDelay(
  delay: number,
  elapsedMs: number,
  o: Pick<RunPanelOptions, 'fastForMs' | 'maxPollMs'> = {},
): number {
  if (elapsedMs <= (o.fastForMs ?? 3000)) return delay;
  return Math.max(delay, Math.min(o.maxPollMs ?? 1000, Math.round(delay * 1.5)));
}

/** Folds a poll answer into the state: progress per run, failed runs moved to `failures`. */
export function merge(state: PanelState, progress: readonly RunProgress[]): PanelState {
  const failures = [...state.failures];
  const runs = state.runs.flatMap((r) => {
    const p = progress.find((x) => x.queryId === r.queryId && x.accountId === r.accountId);
    if (!p) return [r];
    // A poll that failed for a passing reason (throttled): the query still runs; keep what we had.
    if (p.error && !isFinished(p.status)) return [r];
    if (p.error || p.status === 'Failed' || p.status === 'Timeout') {
      failures.push({
        accountId: r.accountId,
        region: r.region,
        logGroupNames: r.logGroupNames,
        error: p.error ?? {
          code: 'AWS_INTERNAL',
          message: `The Logs Insights query ended as ${p.status}.`,
          retryable: true,
          account: r.accountId,
          resource: r.queryId,
        },
      });
      return [];
    }
    return [
      {
        ...r,
        status: p.status,
        statistics: p.statistics,
        ...(p.rows ? { rows: p.rows } : r.rows ? { rows: r.rows } : {}),
      },
    ];
  });
  return { ...state, runs, failures, stats: sumStats(runs) };
}
