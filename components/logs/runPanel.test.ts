/** A panel's life with a fake route: polling to the end, failures per account, and stopping on cancel. */
import { describe, expect, it } from 'vitest';
import type { PanelState, RunProgress } from '@/lib/logs/panelTypes';
import type { LogsPoster, LogsRequest, StartRequest } from './api';
import { nextPollDelay, runPanel, stopOpenRuns } from './runPanel';
import { runWithPolicy } from './runPolicy';

const REQ: StartRequest = { panel: 'top-user', params: '', window: { startMs: 0, endMs: 60_000 }, bin: '1m' };
const RUN_A = { accountId: '111111111111', region: 'us-east-1', queryId: 'qa', logGroupNames: ['/a'] };
const RUN_B = { accountId: '222222222222', region: 'us-east-1', queryId: 'qb', logGroupNames: ['/b'] };
const stats = (n: number) => ({ recordsMatched: n, recordsScanned: n * 10, bytesScanned: n * 100 });

/** A fake route: answers polls from a script of progress lists; records every request. */
function fakeRoute(script: RunProgress[][], startFailures = 0) {
  const calls: Array<{ req: LogsRequest; keepalive?: boolean }> = [];
  let turn = 0;
  const post = (async (req: LogsRequest, opts?: { keepalive?: boolean }) => {
    calls.push({ req, ...(opts?.keepalive ? { keepalive: true } : {}) });
    if (req.op === 'start') {
      if (startFailures) return { ok: false, error: { code: 'VALIDATION', message: 'no', retryable: false } };
      return {
        ok: true,
        value: { runs: [RUN_A, RUN_B], failures: [], queryText: 'stats count(*)', sources: ['arn'], reason: 'r' },
      };
    }
    if (req.op === 'poll')
      return {
        ok: true,
        value: script[Math.min(turn++, script.length - 1)]!.filter((p) =>
          req.runs.some((r) => r.queryId === p.queryId),
        ),
      };
    return { ok: true, value: { stopped: req.runs.length } };
  }) as LogsPoster;
  return { post, calls };
}

const progress = (
  run: typeof RUN_A,
  status: RunProgress['status'],
  n: number,
  extra: Partial<RunProgress> = {},
): RunProgress => ({
  accountId: run.accountId,
  region: run.region,
  queryId: run.queryId,
  status,
  statistics: stats(n),
  rows: [{ n: String(n) }],
  ...extra,
});

describe('runPanel', () => {
  it('polls until every account is complete, summing statistics', async () => {
    const { post, calls } = fakeRoute([
      [progress(RUN_A, 'Running', 1), progress(RUN_B, 'Running', 1)],
      [progress(RUN_A, 'Complete', 2), progress(RUN_B, 'Running', 2)],
      [progress(RUN_B, 'Complete', 3)],
    ]);
    const seen: PanelState[] = [];
    const end = await runPanel(REQ, {
      post,
      signal: new AbortController().signal,
      emit: (s) => seen.push(s),
      rowsWhileRunning: true,
      pollMs: 1,
    });
    expect(end.phase).toBe('done');
    expect(end.stats).toEqual(stats(5));
    expect(end.runs.map((r) => r.rows)).toEqual([[{ n: '2' }], [{ n: '3' }]]);
    expect(seen.map((s) => s.phase)).toEqual(['starting', 'running', 'running', 'running', 'running', 'done']);
    // The last poll asks only for the run still open.
    const polls = calls
      .filter((c) => c.req.op === 'poll')
      .map((c) => (c.req as { runs: Array<{ queryId: string }> }).runs.map((r) => r.queryId));
    expect(polls).toEqual([['qa', 'qb'], ['qa', 'qb'], ['qb']]);
  });

  it('moves a failing account to failures and finishes the others', async () => {
    const denied = {
      code: 'ACCESS_DENIED' as const,
      message: 'User is not authorized to perform logs:GetQueryResults',
      retryable: false,
      account: RUN_B.accountId,
    };
    const { post } = fakeRoute([[progress(RUN_A, 'Complete', 4), progress(RUN_B, 'Failed', 0, { error: denied })]]);
    const end = await runPanel(REQ, {
      post,
      signal: new AbortController().signal,
      emit: () => undefined,
      rowsWhileRunning: true,
      pollMs: 1,
    });
    expect(end.phase).toBe('done');
    expect(end.runs.map((r) => r.accountId)).toEqual([RUN_A.accountId]);
    expect(end.failures).toEqual([
      { accountId: RUN_B.accountId, region: 'us-east-1', logGroupNames: ['/b'], error: denied },
    ]);
  });

  it('keeps polling a query whose poll was throttled', async () => {
    const throttled = { code: 'THROTTLED' as const, message: 'Rate exceeded', retryable: true };
    const { post } = fakeRoute([
      [progress(RUN_A, 'Running', 1, { error: throttled, rows: undefined }), progress(RUN_B, 'Complete', 2)],
      [progress(RUN_A, 'Complete', 3)],
    ]);
    const end = await runPanel(REQ, {
      post,
      signal: new AbortController().signal,
      emit: () => undefined,
      rowsWhileRunning: true,
      pollMs: 1,
    });
    expect(end.phase).toBe('done');
    expect(end.failures).toEqual([]);
    expect(end.stats).toEqual(stats(5));
  });

  it('stops the open queries on the server when cancelled', async () => {
    const { post, calls } = fakeRoute([[progress(RUN_A, 'Complete', 1), progress(RUN_B, 'Running', 1)]]);
    const ctl = new AbortController();
    const end = await runPanel(REQ, {
      post,
      signal: ctl.signal,
      emit: (s) => {
        if (s.runs.some((r) => r.status === 'Complete')) ctl.abort();
      },
      rowsWhileRunning: false,
      pollMs: 1,
    });
    expect(end.phase).toBe('cancelled');
    const stop = calls.find((c) => c.req.op === 'stop');
    expect(stop).toEqual({
      req: { op: 'stop', runs: [{ accountId: RUN_B.accountId, region: 'us-east-1', queryId: 'qb' }] },
      keepalive: true,
    });
    expect(calls.filter((c) => c.req.op === 'poll').every((c) => (c.req as { rows?: boolean }).rows === false)).toBe(
      true,
    );
  });

  it('stops the queries still running when the tab goes away', async () => {
    const { post, calls } = fakeRoute([[progress(RUN_A, 'Complete', 1), progress(RUN_B, 'Running', 1)]]);
    const ctl = new AbortController();
    let hidden = false;
    const run = runPanel(REQ, {
      post,
      signal: ctl.signal,
      emit: (s) => {
        if (!hidden && s.runs.some((r) => r.status === 'Complete')) {
          hidden = true;
          stopOpenRuns(post);
          ctl.abort();
        }
      },
      rowsWhileRunning: true,
      pollMs: 1,
    });
    await run;
    const stops = calls
      .filter((c) => c.req.op === 'stop')
      .map((c) => (c.req as { runs: Array<{ queryId: string }> }).runs.map((r) => r.queryId));
    // The page-hide stop names only the open query; the panel's own stop follows for the same one.
    expect(stops[0]).toEqual(['qb']);
  });

  it('reports a refused start as a failed panel', async () => {
    const { post } = fakeRoute([], 1);
    const end = await runPanel(REQ, {
      post,
      signal: new AbortController().signal,
      emit: () => undefined,
      rowsWhileRunning: true,
    });
    expect(end).toMatchObject({ phase: 'failed', error: { code: 'VALIDATION' } });
  });
});

describe('runPanel waiting its turn', () => {
  it('waits for a slot, retries a start refused for too many running queries, then runs', async () => {
    const { post: inner, calls } = fakeRoute([[progress(RUN_A, 'Complete', 1), progress(RUN_B, 'Complete', 1)]]);
    let refusals = 2;
    const post = (async (req: LogsRequest, opts?: { keepalive?: boolean }) => {
      if (req.op === 'start' && refusals-- > 0) {
        calls.push({ req });
        const error = {
          code: 'THROTTLED' as const,
          message: 'You have 15 Logs Insights queries running',
          retryable: true,
          account: RUN_A.accountId,
        };
        return {
          ok: true,
          value: {
            runs: [],
            failures: [{ accountId: RUN_A.accountId, region: 'us-east-1', logGroupNames: ['/a'], error }],
            queryText: 'q',
            sources: [],
            reason: '',
          },
        };
      }
      return inner(req, opts);
    }) as LogsPoster;
    const acquired: string[] = [];
    const slots = {
      acquire: async () => {
        acquired.push('slot');
        return () => void acquired.push('released');
      },
    };
    const seen: PanelState[] = [];
    const end = await runPanel(REQ, {
      post,
      signal: new AbortController().signal,
      emit: (s) => seen.push(s),
      rowsWhileRunning: true,
      pollMs: 1,
      throttledRetryMs: 1,
      slots,
    });
    expect(end.phase).toBe('done');
    expect(calls.filter((c) => c.req.op === 'start')).toHaveLength(3);
    expect(seen.some((s) => s.phase === 'starting' && s.failures[0]?.error.code === 'THROTTLED')).toBe(true);
    expect(end.failures).toEqual([]);
    expect(acquired).toEqual(['slot', 'released']);
  });

  it('is cancelled while waiting for a slot without starting anything', async () => {
    const { post, calls } = fakeRoute([]);
    const ctl = new AbortController();
    const slots = {
      acquire: (signal: AbortSignal) =>
        new Promise<undefined>((resolve) => signal.addEventListener('abort', () => resolve(undefined))),
    };
    const run = runPanel(REQ, { post, signal: ctl.signal, emit: () => undefined, rowsWhileRunning: true, slots });
    ctl.abort();
    expect((await run).phase).toBe('cancelled');
    expect(calls).toEqual([]);
  });
});

describe('panel polling policy', () => {
  it('polls at the first delay while fast, then backs off by half up to the maximum', () => {
    expect(nextPollDelay(400, 1000)).toBe(400);
    expect(nextPollDelay(400, 3000)).toBe(400);
    expect(nextPollDelay(400, 3001)).toBe(600);
    expect(nextPollDelay(600, 4000)).toBe(900);
    expect(nextPollDelay(900, 5000)).toBe(1000);
    expect(nextPollDelay(1000, 60_000)).toBe(1000);
    expect(nextPollDelay(100, 600, { fastForMs: 500, maxPollMs: 5000 })).toBe(150);
    // A panel that starts slower than the maximum (a costly query) never polls faster.
    expect(nextPollDelay(2000, 10_000)).toBe(2000);
  });

  it("asks for rows while running only when the entry's policy says so", async () => {
    for (const rowsWhileRunning of [true, false]) {
      const { post, calls } = fakeRoute([
        [progress(RUN_A, 'Running', 1), progress(RUN_B, 'Complete', 1)],
        [progress(RUN_A, 'Complete', 2)],
      ]);
      const opts = { post, signal: new AbortController().signal, emit: () => undefined };
      const end = await runWithPolicy({ rowsWhileRunning, pollMs: 1 }, REQ, opts);
      expect(end.phase).toBe('done');
      const rows = calls.filter((c) => c.req.op === 'poll').map((c) => (c.req as { rows?: boolean }).rows);
      expect(rows).toEqual([rowsWhileRunning, rowsWhileRunning]);
    }
  });

  it('runs the pass over slices of the window when the entry says so', async () => {
    const starts: Array<{ startMs: number; endMs: number }> = [];
    const post = (async (req: LogsRequest) => {
      if (req.op === 'start') {
        starts.push(req.window);
        return { ok: true, value: { runs: [], failures: [], queryText: '', sources: [], reason: '' } };
      }
      return { ok: true, value: [] };
    }) as LogsPoster;
    const opts = { post, signal: new AbortController().signal, emit: () => undefined };
    const day = { ...REQ, panel: 'histogram' as const, params: 'policy', window: { startMs: 0, endMs: 86_399_000 } };
    await runWithPolicy({ rowsWhileRunning: true, pollMs: 1, sliced: true }, { ...day, bin: '10m' }, opts);
    expect(starts.length).toBe(4); // 144 bins × 100 rows expected, 5,000 a slice, and the newest 6 bins
    // Newest first (it takes the first query slot; the records wait for it), then back in time.
    expect(starts[0]).toEqual({ startMs: 138 * 600_000, endMs: day.window.endMs });
    expect(starts.map((w) => w.startMs)).toEqual([...starts.map((w) => w.startMs)].sort((a, b) => b - a));
    starts.length = 0;
    await runWithPolicy({ rowsWhileRunning: true, pollMs: 1 }, { ...day, bin: '10m' }, opts);
    expect(starts).toEqual([day.window]);
  });
});
