/**
 * Integration: panels against the emulator (demo scenario, real SDK): sources from the inventory,
 * one query per account, progress and rows, a failing account reported while the others answer,
 * stopping, and refusing a wide query that was not confirmed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFinished, type PanelStarted, type RunProgress } from './panelTypes';
import { foldBreakdown } from './panelResults';
import { filtersToParams, defaultFilters, withValue } from './filters';
import type { Snapshot } from '../domain/snapshot';
import { startAppHarness, type AppHarness } from '../../testing/appHarness';
import { pollRuns, startPanel, stopRuns, type PanelDeps } from './panels';
import { getSnapshot } from '../inventory';
import { forgetIndexPolicies } from './indexes';
import { setLogSink } from '../observability/log';

let app: AppHarness;
let deps: PanelDeps;
let snap: Snapshot;
const now = Date.now();
const window = { startMs: Math.floor(now / 1000) * 1000 - 600_000, endMs: Math.ceil(now / 1000) * 1000 };

const svc = (name: string) => snap.services.find((s) => s.name === name)!.arn;

beforeAll(async () => {
  app = await startAppHarness({ scenario: 'demo', params: { traffic: false } });
  const factory = app.factory();
  deps = { factory, snapshot: (user) => getSnapshot({ user }, factory), user: 'tester' };
  snap = await deps.snapshot('tester');
  const state = app.h.emu.state;
  // payments-api logs at service level (payments account); prod-mesh at network level (hub).
  const pay = state.logs.ensureGroup('222222222222', 'us-east-1', '/aws/vpc-lattice/payments-api', now - 3_600_000);
  const mesh = state.logs.ensureGroup('111111111111', 'us-east-1', '/aws/vpc-lattice/prod-mesh', now - 3_600_000);
  const rec = (i: number, serviceArn: string) => ({
    timestamp: now - 300_000 + i * 1000,
    record: {
      serviceArn,
      responseCode: i % 4 === 0 ? 403 : 200,
      resolvedUser: i % 4 === 0 ? 'Anonymous' : 'arn:aws:iam::333333333333:role/checkout',
      authDeniedReason: i % 4 === 0 ? 'Service' : '-',
      duration: i,
    },
  });
  state.logs.appendRecords(
    pay,
    'access',
    Array.from({ length: 40 }, (_, i) => rec(i, svc('payments-api'))),
  );
  state.logs.appendRecords(
    mesh,
    'access',
    Array.from({ length: 40 }, (_, i) => rec(i, svc(i % 2 ? 'ledger' : 'cart'))),
  );
});
afterAll(() => app?.close());

async function finish(started: PanelStarted): Promise<RunProgress[]> {
  for (;;) {
    const p = await pollRuns({ runs: started.runs }, deps);
    if (p.every((r) => isFinished(r.status))) return p;
    await new Promise((r) => setTimeout(r, 20));
  }
}
const params = (f = defaultFilters()) => filtersToParams(f).toString();

describe('startPanel / pollRuns', () => {
  it("runs a service's breakdown on its own log group and counts what was written", async () => {
    const started = await startPanel(
      {
        panel: 'top-user',
        params: params(withValue(defaultFilters(), 'service', svc('payments-api'))),
        window,
        bin: '10s',
      },
      deps,
    );
    expect(started.reason).toBe('Access logs of payments-api.');
    expect(started.runs.map((r) => [r.accountId, r.logGroupNames])).toEqual([
      ['222222222222', ['/aws/vpc-lattice/payments-api']],
    ]);
    const [filter, stats] = started.queryText.split('\n');
    expect(filter).toMatch(
      /^filter serviceArn = "arn:aws:vpc-lattice:us-east-1:222222222222:service\/svc-[0-9a-z]{17}"$/,
    );
    expect(stats).toMatch(
      /^\| stats count\(\*\) as n, .* by bin\(10s\) as t, responseCode, .*targetGroupArn, sourceVpcId, resolvedUser$/,
    );
    const runs = await finish(started);
    expect(runs[0]!.status).toBe('Complete');
    expect(runs[0]!.statistics.recordsScanned).toBe(40);
    expect(
      foldBreakdown(
        runs.map((r) => r.rows ?? []),
        'resolvedUser',
      ),
    ).toEqual([
      { value: 'arn:aws:iam::333333333333:role/checkout', n: 30 },
      { value: 'Anonymous', n: 10 },
    ]);
  });

  it("uses a service's networks without its own subscription, filtering on the service", async () => {
    const started = await startPanel(
      { panel: 'latency', params: params(withValue(defaultFilters(), 'service', svc('ledger'))), window, bin: '10s' },
      deps,
    );
    expect(started.runs.map((r) => r.logGroupNames)).toEqual([['/aws/vpc-lattice/prod-mesh']]);
    const runs = await finish(started);
    expect(runs[0]!.rows).toEqual([expect.objectContaining({ requests: '20' })]);
  });

  it('reports a missing log group per account while the other accounts answer', async () => {
    // No filter: every group of the inventory; only two of them have events (the others do not exist yet).
    const started = await startPanel({ panel: 'top-code', params: params(), window, bin: '10s' }, deps);
    // shared-services, refunds and checkout have subscriptions but no log group: each is reported, the rest still runs.
    const failed = started.failures.map((f) => [f.accountId, f.logGroupNames, f.error.code]).sort();
    expect(failed).toEqual([
      ['111111111111', ['/aws/vpc-lattice/shared-services'], 'NOT_FOUND'],
      ['222222222222', ['/aws/vpc-lattice/refunds'], 'NOT_FOUND'],
      ['333333333333', ['/aws/vpc-lattice/checkout'], 'NOT_FOUND'],
    ]);
    expect(started.failures.find((f) => f.accountId === '333333333333')!.error.message).toContain(
      "'/aws/vpc-lattice/checkout'",
    );
    const runs = await finish(started);
    expect(runs.map((r) => r.accountId).sort()).toEqual(['111111111111', '222222222222']);
    expect(
      foldBreakdown(
        runs.map((r) => r.rows ?? []),
        'responseCode',
      ),
    ).toEqual([
      { value: '200', n: 60 },
      { value: '403', n: 20 },
    ]);
  });

  it('reports the AWS error of a failing account', async () => {
    await app.h.control('POST', '/faults', {
      account: '222222222222',
      service: 'logs',
      operation: 'StartQuery',
      errorRate: 1,
      errorCode: 'AccessDeniedException',
    });
    try {
      const started = await startPanel(
        {
          panel: 'histogram',
          params: params(withValue(defaultFilters(), 'service', svc('payments-api'))),
          window,
          bin: '10s',
        },
        deps,
      );
      expect(started.runs).toEqual([]);
      expect(started.failures[0]).toMatchObject({
        accountId: '222222222222',
        error: { code: 'ACCESS_DENIED', account: '222222222222' },
      });
    } finally {
      await app.clearFaults();
    }
  });

  it('reports a throttled poll as still running, with the error, so that the browser asks again', async () => {
    const started = await startPanel(
      {
        panel: 'top-code',
        params: params(withValue(defaultFilters(), 'service', svc('payments-api'))),
        window,
        bin: '10s',
      },
      deps,
    );
    await app.h.control('POST', '/faults', {
      account: '222222222222',
      service: 'logs',
      operation: 'GetQueryResults',
      errorRate: 1,
      errorCode: 'ThrottlingException',
    });
    try {
      const [p] = await pollRuns({ runs: started.runs }, deps);
      expect(p).toMatchObject({ status: 'Running', error: { code: 'THROTTLED', retryable: true } });
    } finally {
      await app.clearFaults();
    }
    expect((await finish(started))[0]!.status).toBe('Complete');
  });

  it('stops running queries and leaves rows out while running when asked', async () => {
    app.h.emu.state.logs.queries.hold();
    const started = await startPanel({ panel: 'records', params: params(), window, bin: '10s' }, deps);
    try {
      expect(started.runs).toHaveLength(2);
      const polled = await pollRuns({ runs: started.runs, rows: false }, deps);
      expect(polled.every((r) => r.rows === undefined)).toBe(true);
      expect(await stopRuns(started.runs, deps)).toEqual({ stopped: started.runs.length });
    } finally {
      app.h.emu.state.logs.queries.release();
    }
    const after = await pollRuns({ runs: started.runs }, deps);
    expect(after.every((r) => r.status === 'Cancelled')).toBe(true);
  });

  it('refuses a wide query until it is confirmed', async () => {
    const wide = { startMs: window.endMs - 7 * 86_400_000, endMs: window.endMs };
    await expect(
      startPanel({ panel: 'top-code', params: params(), window: wide, bin: '1h' }, deps),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('confirm') });
    const ok = await startPanel(
      { panel: 'top-code', params: params(), window: wide, bin: '1h', confirmed: true },
      deps,
    );
    await stopRuns(ok.runs, deps);
    expect(ok.runs.length).toBeGreaterThan(0);
  });

  it('uses filterIndex once the group indexes serviceArn: scans the service, skips the rest', async () => {
    const cart = svc('cart');
    const req = {
      panel: 'latency' as const,
      params: params(withValue(defaultFilters(), 'service', cart)),
      window,
      bin: '10s' as const,
    };
    forgetIndexPolicies(deps.factory);
    const plain = await startPanel(req, deps);
    expect(plain.queryText).not.toContain('filterIndex');
    expect(plain.indexedBy).toBeUndefined();
    const before = (await finish(plain))[0]!.statistics;
    expect(before.bytesSkipped).toBeUndefined();

    const mesh = app.h.emu.state.logs.group('111111111111', 'us-east-1', '/aws/vpc-lattice/prod-mesh')!;
    mesh.indexPolicy = { document: '{"Fields": ["serviceArn"]}', since: { serviceArn: 0 }, updatedAt: 0 };
    try {
      // Cached for a while: a policy created meanwhile is seen after the cache is dropped.
      expect((await startPanel(req, deps)).queryText).not.toContain('filterIndex');
      forgetIndexPolicies(deps.factory);
      const indexed = await startPanel(req, deps);
      expect(indexed.indexedBy).toBe('serviceArn');
      expect(indexed.queryText.split('\n')[0]).toBe(`filterIndex serviceArn = "${cart}"`);
      const lines: string[] = [];
      setLogSink((l) => lines.push(l));
      const [run] = await finish(indexed).finally(() => setLogSink());
      // The JSON log line of the finished query exports what it scanned and skipped.
      const line = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'logs.query.cost');
      expect(line).toMatchObject({ user: 'tester', queryId: run!.queryId, bytesScanned: run!.statistics.bytesScanned });
      expect(line.bytesSkipped).toBeGreaterThan(0);
      expect(run!.rows?.[0]?.requests).toBe('20');
      // Half of prod-mesh's records are cart's: half the bytes scanned, the other half skipped.
      expect(run!.statistics.bytesScanned + (run!.statistics.bytesSkipped ?? 0)).toBe(before.bytesScanned);
      expect(run!.statistics.bytesScanned).toBeLessThan(before.bytesScanned * 0.6);
    } finally {
      mesh.indexPolicy = undefined;
      forgetIndexPolicies(deps.factory);
    }
  });
});
