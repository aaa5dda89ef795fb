/**
 * The living history of the `demo` scenario: the log groups of every access-log subscription,
 * the traffic of demoProfiles.ts, and a backfill of the last hours that includes past incidents
 * (a 30-minute 5xx spell on checkout-tg about 100 minutes ago, a burst of auth denials on refunds,
 * a catalog target that was unhealthy for a while). Then the traffic runs live.
 *
 * Scenario params: `backfillMinutes` (default 180, 0–1440), `lagMs` (default 5000; AWS ≈ 120000),
 * `traffic: false` for a world without traffic.
 */
import type { Rng } from '../core/rng';
import { parseLogGroupArn } from '../logs/store';
import type { EmulatorState } from '../state';
import { createTraffic } from './attach';
import { DEMO_LATENCY, DEMO_PROFILES, demoCallers, type DemoVpcs } from './demoProfiles';
import { resolveService, resolveTargetGroup } from './resolve';
import type { TrafficSimulator } from './simulator';
import type { Incident } from './types';

const MIN = 60_000;
/** Retention of the demo's access-log groups (days): bounds a long-running demo to ≈0.5 GB of events. */
export const DEMO_RETENTION_DAYS = 1;

function numberParam(
  params: Record<string, unknown>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const v = params[name];
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
    throw new Error(`scenario param ${name} must be a number from ${min} to ${max}`);
  return v;
}

/** Creates the log group of every CloudWatch Logs access-log destination (in its own account and region). */
export function createAccessLogGroups(state: EmulatorState, createdAt: number): number {
  let n = 0;
  for (const sub of state.lattice.all('accesslogsubscription')) {
    const p = parseLogGroupArn(sub.destinationArn);
    if (!p || state.logs.group(p.accountId, p.region, p.name)) continue;
    state.logs.createGroup(p.accountId, p.region, p.name, createdAt, { retentionInDays: DEMO_RETENTION_DAYS });
    n++;
  }
  return n;
}

function pastIncidents(state: EmulatorState, now: number): Array<Omit<Incident, 'id' | 'phase'>> {
  const tg = (name: string) => {
    const r = resolveTargetGroup(state.lattice, name);
    if (typeof r === 'string') throw new Error(`demo traffic: ${r}`);
    return { targetGroupId: r.id, targetGroupArn: r.arn };
  };
  const refunds = resolveService(state.lattice, 'refunds');
  if (typeof refunds === 'string') throw new Error(`demo traffic: ${refunds}`);
  return [
    { kind: 'unhealthy-targets', startedAt: now - 150 * MIN, endsAt: now - 138 * MIN, ...tg('catalog-tg'), count: 1 },
    {
      kind: 'target-errors',
      startedAt: now - 100 * MIN,
      endsAt: now - 70 * MIN,
      ...tg('checkout-tg'),
      errorRate: 0.35,
      statusCode: 503,
    },
    { kind: 'latency', startedAt: now - 95 * MIN, endsAt: now - 75 * MIN, ...tg('checkout-tg'), ms: 900 },
    {
      kind: 'auth-denials',
      startedAt: now - 45 * MIN,
      endsAt: now - 37 * MIN,
      serviceId: refunds.id,
      serviceArn: refunds.arn,
      principal: 'arn:aws:iam::222222222222:role/payouts-batch',
      reason: 'Service',
      rps: 3,
    },
  ];
}

/** Adds the demo's traffic to a freshly built demo world and backfills its history. */
export function addDemoTraffic(
  state: EmulatorState,
  vpcs: DemoVpcs,
  rng: Rng,
  params: Record<string, unknown>,
): TrafficSimulator | undefined {
  if (params.traffic === false) return undefined;
  const backfillMs = numberParam(params, 'backfillMinutes', 180, 0, 1440) * MIN;
  const lagMs = numberParam(params, 'lagMs', 5000, 0, 3_600_000);
  const now = state.clock.now();
  createAccessLogGroups(state, now - backfillMs - 60 * MIN);
  const sim = createTraffic(state, {
    callers: demoCallers(vpcs, rng),
    profiles: structuredClone(DEMO_PROFILES),
    settings: { lagMs, latency: structuredClone(DEMO_LATENCY), maxCatchUpMs: Math.max(backfillMs, 3 * 60 * MIN) },
    generatedUntil: now - backfillMs,
    healthEpoch: now,
  });
  for (const i of pastIncidents(state, now)) if (i.startedAt >= now - backfillMs) sim.addIncident(i);
  sim.syncTo(now);
  return sim;
}
