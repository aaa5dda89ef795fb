/**
 * The traffic pass over slices of the window, against the emulator's Insights engine behind a fake route:
 * every panel folded from it equals what the separate queries it replaced gave (histogram by status code
 * and reasons; target groups, source VPCs and users), the slices together scan the window once, and a
 * slice whose result reaches the row cap is run again in halves (its bytes still counted).
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../emulator/core/rng';
import { runQuery } from '../../emulator/logs/insights';
import { memorySource, toBatches } from '../../emulator/logs/insights/testing/memoryBatch';
import { defaultFilters, FILTER_DIMS } from '@/lib/logs/filters';
import { ROW_CAP } from '@/lib/logs/panelQueries';
import { foldBreakdown, foldHistogram } from '@/lib/logs/panelResults';
import { LOG_PANELS, panelQuery } from '@/lib/logs/panelTable';
import type { PanelState, ResultRow, RunProgress } from '@/lib/logs/panelTypes';
import { printQuery } from '@/lib/logs/query';
import type { LogsPoster, LogsRequest, StartRequest } from './api';
import { combineSlices, expectedRowsPerBin, halves, planSlices, runSliced } from './runSliced';

const HOUR = 3_600_000;
const T0 = 1_800_000_000_000;
const W = { startMs: T0, endMs: T0 + HOUR - 1000 };

/** `n` access-log records over the hour; `users` distinct users (many users: many combinations per bin). */
function world(n: number, users: number) {
  const rng = new Rng(`sliced-${n}-${users}`);
  const events = Array.from({ length: n }, (_, k) => {
    const denied = rng.chance(0.05);
    const failed = !denied && rng.chance(0.05);
    const code = denied ? 403 : failed ? rng.pick([500, 503]) : rng.pick([200, 200, 201, 404]);
    return {
      timestamp: T0 + Math.floor((k * HOUR) / n),
      message: JSON.stringify({
        responseCode: code,
        authDeniedReason: denied ? 'Service' : '-',
        failureReason: denied
          ? 'ClientAccessDenied'
          : failed
            ? rng.pick(['RequestTimeout', 'TargetConnectionError'])
            : '-',
        targetGroupArn: denied ? '-' : `tg-${rng.int(1, 3)}`,
        sourceVpcId: `vpc-${rng.int(1, 4)}`,
        resolvedUser: denied ? 'Anonymous' : `user-${rng.int(1, users)}`,
        duration: rng.int(1, 900),
      }),
    };
  });
  return memorySource(toBatches(events, '111111111111:/g', 4096));
}

type Source = ReturnType<typeof world>;
const rowsOf = (results: Array<Array<{ field: string; value: string }>>): ResultRow[] =>
  results.map((r) => Object.fromEntries(r.map((c) => [c.field, c.value])));
/** The engine over a window as Insights takes it: whole seconds, the end second included. */
const run = (src: Source, q: string, w: { startMs: number; endMs: number }) =>
  runQuery(q, src, { startMs: Math.floor(w.startMs / 1000) * 1000, endMs: Math.floor(w.endMs / 1000) * 1000 + 999 });

/** A route that runs each started query on the engine at once; polls answer Complete. */
function engineRoute(src: Source) {
  const done = new Map<string, RunProgress>();
  const windows: Array<{ startMs: number; endMs: number }> = [];
  const post = (async (req: LogsRequest) => {
    if (req.op === 'start') {
      const queryText = printQuery(panelQuery(req.panel, defaultFilters(), req.bin));
      const r = run(src, queryText, req.window);
      const queryId = `q${done.size}`;
      windows.push(req.window);
      done.set(queryId, {
        accountId: '111111111111',
        region: 'us-east-1',
        queryId,
        status: 'Complete',
        statistics: r.statistics,
        rows: rowsOf(r.results),
      });
      const runs = [{ accountId: '111111111111', region: 'us-east-1', queryId, logGroupNames: ['/g'] }];
      return { ok: true, value: { runs, failures: [], queryText, sources: ['arn'], reason: 'r' } };
    }
    if (req.op === 'poll') return { ok: true, value: req.runs.map((x) => done.get(x.queryId)!) };
    return { ok: true, value: { stopped: 0 } };
  }) as LogsPoster;
  return { post, windows };
}

const REQ: StartRequest = { panel: 'histogram', params: '', window: W, bin: '30s' };
const opts = (post: LogsPoster) => ({
  post,
  signal: new AbortController().signal,
  emit: () => undefined,
  rowsWhileRunning: true,
  pollMs: 1,
});

/** What each panel drew with a query of its own (before panels shared passes): the reference. */
function expectSamePanels(src: Source, state: PanelState): number {
  const h = run(src, 'stats count(*) as n by bin(30s) as t, responseCode', W);
  const hist = LOG_PANELS.find((p) => p.id === 'histogram')!;
  if (hist.view !== 'histogram') throw new Error('histogram view');
  expect(hist.fold(state, W, '30s')).toEqual(foldHistogram([rowsOf(h.results)], W, '30s'));
  let n = 0;
  for (const def of LOG_PANELS) {
    if (def.view !== 'breakdown' || def.host !== 'histogram') continue;
    const field = FILTER_DIMS[def.dim].field;
    const own = run(src, `stats count(*) as n by ${field}`, W);
    expect(own.results.length).toBeLessThan(ROW_CAP);
    expect(def.fold(state, ROW_CAP)).toEqual(foldBreakdown([rowsOf(own.results)], field, ROW_CAP));
    n++;
  }
  expect(n).toBe(6);
  return h.statistics.bytesScanned;
}

describe('planSlices / halves', () => {
  it('covers the window with whole bins, in order, without overlap', () => {
    const slices = planSlices(W, 30_000, 200);
    // 120 bins × 200 rows / 5,000 per slice = 5 slices of 24 bins; the newest 3 bins (an eighth) run on their own.
    expect(slices.length).toBe(6);
    expect(slices.at(-1)).toEqual({ startMs: W.startMs + 117 * 30_000, endMs: W.endMs });
    expect(slices.at(-2)!.startMs).toBe(W.startMs + 96 * 30_000);
    expect(slices[0]!.startMs).toBe(W.startMs);
    expect(slices.at(-1)!.endMs).toBe(W.endMs);
    for (let i = 1; i < slices.length; i++) {
      expect(slices[i]!.startMs).toBe(slices[i - 1]!.endMs + 1000);
      expect(slices[i]!.startMs % 30_000).toBe(0);
    }
    expect(planSlices(W, 30_000, 1)).toEqual([W]);
  });

  it('halves at a bin boundary; a single bin cannot be halved', () => {
    expect(halves(W, 30_000)).toEqual([
      { startMs: W.startMs, endMs: W.startMs + 60 * 30_000 - 1000 },
      { startMs: W.startMs + 60 * 30_000, endMs: W.endMs },
    ]);
    expect(halves({ startMs: T0, endMs: T0 + 29_000 }, 30_000)).toBeUndefined();
  });
});

describe('runSliced', () => {
  it('draws every panel of the pass as their own queries did, scanning the window once', async () => {
    const src = world(4_000, 6);
    const { post, windows } = engineRoute(src);
    expect(expectedRowsPerBin('few')).toBe(100);
    const state = await runSliced({ ...REQ, params: 'few' }, opts(post));
    expect(state.phase).toBe('done');
    expect(windows.length).toBe(4); // 120 bins × 100 rows expected, 5,000 a slice, and the newest 5 bins
    expect(state.runs.every((r) => r.rows !== undefined)).toBe(true);
    const onePass = expectSamePanels(src, state);
    expect(state.stats.bytesScanned).toBe(onePass);
  });

  it('runs a slice that reached the row cap again in halves, and still counts what the cut run scanned', async () => {
    const src = world(40_000, 2000);
    const { post, windows } = engineRoute(src);
    const seen: PanelState[] = [];
    const state = await runSliced({ ...REQ, params: 'many' }, { ...opts(post), emit: (s) => seen.push(s) });
    expect(state.phase).toBe('done');
    expect(state.truncated).toBeUndefined();
    // Never reported done while a cut slice still had to run again (the records read the final counts).
    for (const s of seen.filter((x) => x.phase === 'done')) expect(s).toEqual(state);
    const cut = state.runs.filter((r) => r.rows === undefined);
    expect(cut.length).toBeGreaterThan(0);
    expect(state.runs.every((r) => (r.rows?.length ?? 0) < ROW_CAP)).toBe(true);
    const onePass = expectSamePanels(src, state);
    const wasted = cut.reduce((n, r) => n + r.statistics.bytesScanned, 0);
    expect(state.stats.bytesScanned).toBe(onePass + wasted);
    // The next view of the same filters is sliced from what this one returned: nothing is cut.
    const again = engineRoute(src);
    const next = await runSliced({ ...REQ, params: 'many' }, opts(again.post));
    expect(next.runs.every((r) => r.rows !== undefined)).toBe(true);
    expect(again.windows.length).toBeGreaterThan(windows.length - cut.length - 1);
    expect(next.stats.bytesScanned).toBe(onePass);
    // Filters not seen yet are sliced for the busiest pass seen (fewer combinations never need more slices).
    expect(expectedRowsPerBin('unseen')).toBe(expectedRowsPerBin('many'));
  });

  it('reports a failure every slice shares (a deleted log group) once', () => {
    const error = { code: 'NOT_FOUND' as const, message: 'gone', retryable: false };
    const failure = { accountId: '222222222222', region: 'us-east-1', logGroupNames: ['/gone'], error };
    const slice: PanelState = {
      phase: 'done',
      runs: [],
      failures: [failure],
      sources: [],
      stats: { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 },
    };
    expect(combineSlices([slice, slice, slice], [], false).failures).toEqual([failure]);
  });
});
