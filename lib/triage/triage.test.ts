/**
 * Integration: the findings engine against the emulator's living demo world (real SDK, real Logs
 * Insights engine, background noise of errors and denials), on a manual clock so that 20 minutes are
 * simulated, not waited for. Quiet first (specificity), then each kind of incident on several resources
 * and rates, each of which must show within 90 simulated seconds naming the right resource.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../emulator/core/clock';
import type { AwsClientFactory } from '../aws/clientFactory';
import type { Snapshot } from '../domain/snapshot';
import { getSnapshot } from '../inventory';
import { startAppHarness, type AppHarness } from '../../testing/appHarness';
import { resetTriageState, triageReport } from './gather';
import type { Finding, FindingKind, TriageReport } from './types';

const STATISTICAL: FindingKind[] = ['error-rate', 'auth-denials', 'latency', 'traffic-drop'];
const clock = new ManualClock(Math.floor(Date.now() / 60_000) * 60_000 + 20_000);
let app: AppHarness;
let snap: Snapshot;
let factory: AwsClientFactory;

const tgArn = (name: string) => snap.targetGroups.find((g) => g.name === name)!.arn;
const svcArn = (name: string) => snap.services.find((s) => s.name === name)!.arn;

function refresh(): Promise<TriageReport> {
  return triageReport({ factory, snapshot: async () => snap, now: () => clock.now(), pollMs: 5 });
}

/** Advances in 15 s steps (a page refreshing every 15 s) until `match` finds a finding, at most `maxMs`. */
async function until(
  match: (f: Finding) => boolean,
  maxMs = 90_000,
): Promise<{ finding?: Finding; after: number; report: TriageReport }> {
  let after = 0;
  let report = await refresh();
  while (after < maxMs) {
    clock.advance(15_000);
    after += 15_000;
    report = await refresh();
    const finding = report.findings.find(match);
    if (finding) return { finding, after, report };
  }
  return { after, report };
}

async function incident(body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const r = await app.h.control('POST', '/incidents', body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as Record<string, unknown>;
}

/** Ends every incident and lets 12 minutes pass so that their effects leave the recent window. */
async function calm(): Promise<void> {
  await app.h.control('DELETE', '/incidents');
  for (let i = 0; i < 12; i++) {
    clock.advance(60_000);
    await refresh();
  }
  factory = app.factory(); // a fresh process state: persistence starts empty
}

beforeAll(async () => {
  app = await startAppHarness({ scenario: 'demo', clock });
  factory = app.factory();
  snap = await getSnapshot({}, factory);
  resetTriageState();
}, 120_000);
afterAll(async () => {
  await app.close();
});

describe('triage on the demo', () => {
  it('quiet demo: 20 simulated minutes of background noise give no statistical finding', async () => {
    const seen: string[] = [];
    let last: TriageReport | undefined;
    const queries: number[] = [];
    for (let i = 0; i < 20; i++) {
      clock.advance(60_000);
      last = await refresh();
      queries.push(last.queries);
      for (const f of last.findings) if (STATISTICAL.includes(f.kind)) seen.push(`${i}: ${f.title}`);
      expect(last.errors).toEqual([]);
    }
    expect(seen).toEqual([]);
    // ledger-instances has 2 of its 4 targets UNHEALTHY by design: a real, standing unhealthy state.
    const health = last!.findings.filter((f) => f.kind === 'unhealthy-targets');
    expect(health.map((f) => f.title)).toEqual(['ledger-instances: 2 of 4 targets unhealthy (HealthCheckFailed)']);
    expect(health[0]!.severity).toBe('info'); // seen for more than 10 minutes: standing, ranked below news
    // Cost: per (account, region) three recent queries per refresh, plus the baseline's three when it moves.
    expect(Math.min(...queries)).toBeGreaterThan(0);
    expect(last!.bytesScanned).toBeGreaterThan(0);
    expect(Date.parse(last!.asOf)).toBeLessThanOrEqual(clock.now());
    expect(Date.parse(last!.asOf)).toBeGreaterThan(clock.now() - 60_000);
  }, 300_000);
});
