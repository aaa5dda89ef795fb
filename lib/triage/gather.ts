/**
 * The findings engine's IO (server-only): per configured (account, region) the two recent log queries
 * (and, when its cached copy is older than BASELINE_STEP_MS, the baseline's two), a fresh health read
 * of the groups involved, the audit log of the last hour and the running canary plans; then `evaluate`.
 * Every failure becomes a TriageError of its account and source; the report is never thrown away.
 */
import 'server-only';
import type { AuditEvent } from '../audit/event';
import { queryAuditEvents } from '../audit/log';
import { awsClients, type AwsClientFactory } from '../aws/clientFactory';
import { mapLimited } from '../aws/concurrency';
import { readTargetHealth } from '../aws/targetHealth';
import { parseLatticeArn } from '../domain/arn';
import { toErrorInfo } from '../domain/errors';
import type { Snapshot, Target } from '../domain/snapshot';
import { planTrafficQueries, type TrafficQueryPlan } from '../graph/traffic';
import { getSnapshot } from '../inventory';
import { INGESTION_DELAY_MS } from '../logs/time';
import { runQuery } from '../logs/runner';
import type { InsightsQuery } from '../logs/query';
import { isActive } from '../routing/canary/plan';
import { discoverTargets } from '../routing/canary/runner';
import { readCanaryTags } from '../routing/canary/tags';
import { planArns } from '../routing/canary/targetAction';
import { BASELINE_MINUTES, CHANGE_LOOKBACK_MS } from './constants';
import type { CanaryInput } from './detect/canary';
import { evaluate } from './engine';
import { fold, type QueryRows } from './fold';
import { Persistence } from './persistence';
import {
  BASELINE_QUERY,
  DENIAL_BASELINE_QUERY,
  DENIAL_SERIES_QUERY,
  ROW_LIMIT,
  SERIES_QUERY,
  type Window,
  windowsAt,
} from './query';
import type { TriageError, TriageReport } from './types';

/** Health reads per refresh at most (a fleet has thousands of groups; traffic and known trouble go first). */
export const MAX_HEALTH_READS = 200;
const HEALTH_PARALLEL = 8;
const PLAN_PARALLEL = 4;

/** What a refresh needs; replaced in tests. */
export interface GatherDeps {
  factory?: AwsClientFactory;
  snapshot?: () => Promise<Snapshot>;
  now?: () => number;
  user?: string;
  pollMs?: number;
  maxWaitMs?: number;
}

interface Cost {
  queries: number;
  bytesScanned: number;
}

/** Baseline rows by `account|region|groups|window`; one entry per plan, replaced when the window moves. */
const baselineCache = new Map<string, { endMs: number; rows: Promise<[QueryRows, QueryRows]> }>();
const persistences = new WeakMap<AwsClientFactory, Persistence>();

/** Forgets cached baselines and persistence (tests). */
export function resetTriageState(): void {
  baselineCache.clear();
}

function persistenceOf(factory: AwsClientFactory): Persistence {
  let p = persistences.get(factory);
  if (!p) {
    p = new Persistence();
    persistences.set(factory, p);
  }
  return p;
}

async function run(
  factory: AwsClientFactory,
  plan: TrafficQueryPlan,
  query: InsightsQuery,
  w: Window,
  d: GatherDeps,
  cost: Cost,
): Promise<QueryRows> {
  const out = await runQuery(
    {
      accountId: plan.accountId,
      region: plan.region,
      ...(d.user ? { user: d.user } : {}),
      logGroupNames: plan.logGroupNames,
      query,
      startMs: w.startMs,
      endMs: w.endMs,
      limit: ROW_LIMIT,
    },
    { pollMs: d.pollMs ?? 250, maxWaitMs: d.maxWaitMs ?? 25_000 },
    factory,
  );
  cost.queries++;
  cost.bytesScanned += out.statistics.bytesScanned;
  return { accountId: plan.accountId, region: plan.region, logGroupNames: plan.logGroupNames, rows: out.rows };
}

function truncated(q: QueryRows): TriageError | undefined {
  return q.rows.length >= ROW_LIMIT
    ? {
        accountId: q.accountId,
        region: q.region,
        source: 'logs',
        code: 'TRUNCATED',
        message: `A findings query returned ${ROW_LIMIT} rows (the Logs Insights maximum); some groups are missing.`,
      }
    : undefined;
}

function errorOf(
  accountId: string,
  region: string | undefined,
  source: TriageError['source'],
  e: unknown,
): TriageError {
  const info = toErrorInfo(e);
  return { accountId, ...(region ? { region } : {}), source, code: info.code, message: info.message };
}

/** The log rows of every plan; failures become errors. */
async function gatherLogs(snapshot: Snapshot, factory: AwsClientFactory, nowMs: number, d: GatherDeps, cost: Cost) {
  const w = windowsAt(nowMs);
  const errors: TriageError[] = [];
  const series: QueryRows[] = [];
  const denials: QueryRows[] = [];
  const baseline: QueryRows[] = [];
  const denialBaseline: QueryRows[] = [];
  const plans = planTrafficQueries(snapshot);
  await mapLimited(plans, PLAN_PARALLEL, async (plan) => {
    const account = snapshot.accounts.find((a) => a.accountId === plan.accountId);
    if (!account?.reachable) {
      errors.push({
        accountId: plan.accountId,
        region: plan.region,
        source: 'inventory',
        code: account?.error?.code ?? 'CONFIG',
        message: account
          ? `Account ${account.name} could not be read: ${account.error?.message ?? 'unreachable'}`
          : `Account ${plan.accountId} holds access logs but is not configured (TRELLIS_ACCOUNTS).`,
      });
      return;
    }
    const key = `${plan.accountId}|${plan.region}|${plan.logGroupNames.join(',')}`;
    let base = baselineCache.get(key);
    if (!base || base.endMs !== w.baseline.endMs) {
      const rows = Promise.all([
        run(factory, plan, BASELINE_QUERY, w.baseline, d, cost),
        run(factory, plan, DENIAL_BASELINE_QUERY, w.baseline, d, cost),
      ]);
      base = { endMs: w.baseline.endMs, rows };
      baselineCache.set(key, base);
      rows.catch(() => {
        if (baselineCache.get(key)?.rows === rows) baselineCache.delete(key);
      });
    }
    try {
      const [s, dn, [b, db]] = await Promise.all([
        run(factory, plan, SERIES_QUERY, w.series, d, cost),
        run(factory, plan, DENIAL_SERIES_QUERY, w.series, d, cost),
        base.rows,
      ]);
      series.push(s);
      denials.push(dn);
      baseline.push(b);
      denialBaseline.push(db);
      for (const q of [s, dn, b, db]) {
        const t = truncated(q);
        if (t) errors.push(t);
      }
    } catch (e) {
      errors.push(errorOf(plan.accountId, plan.region, 'logs', e));
    }
  });
  const folded =
    series.length > 0
      ? fold({
          subscriptions: snapshot.accessLogSubscriptions,
          window: w.series,
          baselineMinutes: BASELINE_MINUTES,
          series,
          denials,
          baseline,
          denialBaseline,
          surelyDeliveredBefore: nowMs - INGESTION_DELAY_MS,
        })
      : undefined;
  return { folded, errors };
}

/** Groups whose health is read now: known trouble first, then groups with traffic, at most MAX_HEALTH_READS. */
export function healthGroups(snapshot: Snapshot, withTraffic: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const [arn, targets] of Object.entries(snapshot.targets))
    if (targets.some((t) => t.status === 'UNHEALTHY' || t.status === 'UNAVAILABLE')) out.add(arn);
  for (const arn of withTraffic) out.add(arn);
  const known = new Set(snapshot.targetGroups.map((g) => g.arn));
  return [...out].filter((a) => known.has(a)).slice(0, MAX_HEALTH_READS);
}

async function gatherHealth(groups: string[], factory: AwsClientFactory, user: string | undefined) {
  const health: Record<string, Target[]> = {};
  const errors = new Map<string, TriageError>();
  await mapLimited(groups, HEALTH_PARALLEL, async (arn) => {
    try {
      health[arn] = await readTargetHealth(factory, arn, user);
    } catch (e) {
      const p = parseLatticeArn(arn);
      const k = `${p?.accountId}|${p?.region}`;
      if (!errors.has(k)) errors.set(k, errorOf(p?.accountId ?? '', p?.region, 'health', e));
    }
  });
  return { health, errors: [...errors.values()] };
}

async function gatherChanges(factory: AwsClientFactory, nowMs: number, cost: Cost) {
  try {
    const events = await queryAuditEvents(
      factory,
      {},
      { startMs: nowMs - CHANGE_LOOKBACK_MS - 15 * 60_000, endMs: nowMs + 60_000 },
    );
    cost.queries++;
    return { events, errors: [] as TriageError[] };
  } catch (e) {
    return {
      events: [] as AuditEvent[],
      errors: [errorOf(factory.config.accounts?.[0]?.accountId ?? '', undefined, 'audit', e)],
    };
  }
}

async function gatherCanaries(factory: AwsClientFactory, nowMs: number, user: string | undefined) {
  const ctx = { factory, user: { id: user ?? 'trellis-triage', name: user ?? 'triage' }, now: () => nowMs };
  try {
    const targets = await discoverTargets(factory, nowMs - 86_400_000);
    const found = await mapLimited(targets, 4, async (t) => {
      const { plan, state } = await readCanaryTags(ctx, t);
      if (!plan || !state || !isActive(state)) return undefined;
      const arns = planArns(t, plan);
      return { target: t, plan, state, stableArn: arns.stable, canaryArn: arns.canary } satisfies CanaryInput;
    });
    return { canaries: found.filter((c): c is CanaryInput => c !== undefined), errors: [] as TriageError[] };
  } catch (e) {
    return {
      canaries: [] as CanaryInput[],
      errors: [errorOf(factory.config.accounts?.[0]?.accountId ?? '', undefined, 'audit', e)],
    };
  }
}

/** One refresh: gather everything and evaluate. Never throws for an account's failure. */
export async function triageReport(d: GatherDeps = {}): Promise<TriageReport> {
  const factory = d.factory ?? awsClients();
  const nowMs = (d.now ?? Date.now)();
  const snapshot = await (d.snapshot ?? (() => getSnapshot(d.user ? { user: d.user } : {}, factory)))();
  const cost: Cost = { queries: 0, bytesScanned: 0 };
  const [logs, changes, canaries] = await Promise.all([
    gatherLogs(snapshot, factory, nowMs, d, cost),
    gatherChanges(factory, nowMs, cost),
    gatherCanaries(factory, nowMs, d.user),
  ]);
  const groups = healthGroups(snapshot, Object.keys(logs.folded?.tg ?? {}));
  const health = await gatherHealth(groups, factory, d.user);
  return evaluate(
    {
      nowMs,
      snapshot,
      ...(logs.folded ? { folded: logs.folded } : {}),
      health: health.health,
      changes: changes.events,
      canaries: canaries.canaries,
      errors: [...logs.errors, ...health.errors, ...changes.errors, ...canaries.errors],
      queries: cost.queries,
      bytesScanned: cost.bytesScanned,
    },
    persistenceOf(factory),
  );
}
