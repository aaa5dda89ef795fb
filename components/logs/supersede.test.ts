/**
 * Superseded queries are stopped: when the filters change (the panel's TanStack key changes) or the
 * explorer unmounts (its observers go), TanStack aborts the panel and StopQuery reaches the server for
 * every query still running. Driven through TanStack's own QueryObserver, as the hook uses it.
 */
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogsAnswers, LogsPoster, LogsRequest, StartRequest } from './api';
import { logsKeys } from './queryKeys';
import { panelQueryFn } from './usePanel';

const window = { startMs: 0, endMs: 600_000 };
const req = (params: string): StartRequest => ({ panel: 'latency', params, window, bin: '10s' });

/** A console that starts one query per start request, keeps them running, and records stops. */
function fakeConsole() {
  const stopped: string[] = [];
  let n = 0;
  const started: string[] = [];
  const post = (async (r: LogsRequest) => {
    if (r.op === 'start') {
      const queryId = `q${++n}`;
      started.push(queryId);
      const value: LogsAnswers['start'] = {
        runs: [{ accountId: '111111111111', region: 'us-east-1', queryId, logGroupNames: ['g'] }],
        failures: [],
        queryText: 'stats count(*)',
        sources: [],
        reason: '',
      };
      return { ok: true, value };
    }
    if (r.op === 'stop') {
      stopped.push(...r.runs.map((x) => x.queryId));
      return { ok: true, value: { stopped: r.runs.length } };
    }
    const value: LogsAnswers['poll'] = r.runs.map((x) => ({
      ...x,
      status: 'Running',
      statistics: { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 },
    }));
    return { ok: true, value };
  }) as LogsPoster;
  return { post, stopped, started };
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
};

let client: QueryClient;
afterEach(() => client?.clear());

describe('superseded panel queries', () => {
  it('stops the running query when the filters change, and runs the new one', async () => {
    client = new QueryClient();
    const c = fakeConsole();
    const options = (r: StartRequest) => ({
      queryKey: logsKeys.panel(r),
      queryFn: panelQueryFn(client, r, c.post),
      staleTime: Infinity,
    });
    const observer = new QueryObserver(client, options(req('code=5xx')));
    const unsubscribe = observer.subscribe(() => undefined);
    await until(() => c.started.length === 1);
    observer.setOptions(options(req('code=4xx')));
    await until(() => c.stopped.includes('q1'));
    await until(() => c.started.length === 2);
    expect(c.stopped).not.toContain('q2');
    unsubscribe();
    // Unmounting (no observer left) stops the one still running.
    await until(() => c.stopped.includes('q2'));
  });

  it('does not stop a query another panel still observes (a shared query)', async () => {
    client = new QueryClient();
    const c = fakeConsole();
    const r = req('');
    const opts = { queryKey: logsKeys.panel(r), queryFn: panelQueryFn(client, r, c.post), staleTime: Infinity };
    const a = new QueryObserver(client, opts);
    const b = new QueryObserver(client, opts);
    const ua = a.subscribe(() => undefined);
    const ub = b.subscribe(() => undefined);
    await until(() => c.started.length === 1);
    ua();
    await new Promise((res) => setTimeout(res, 50));
    expect(c.stopped).toEqual([]);
    expect(c.started).toEqual(['q1']);
    ub();
    await until(() => c.stopped.includes('q1'));
  });
});
