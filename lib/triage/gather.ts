/**
 * The findings engine's IO (server-only): the resources (scope.ts: the inventory, or a light read on a
 * cold start), per configured (account, region) the three recent log queries (and, when its cached copy
 * is older than BASELINE_STEP_MS, the baseline's three), then the reads without log lag (gatherFresh.ts:
 * health of the groups involved, the audit log, running canary plans; on the light scope also the idle
 * groups' health and the routes the findings need, gatherLight.ts); then `evaluate`.
 * Every failure becomes a TriageError of its account and source; the report is never thrown away.
 */
import 'server-only';
import { awsClients, type AwsClientFactory } from '../aws/clientFactory';
import { KeyedLimiter, mapLimited } from '../aws/concurrency';
import { toErrorInfo } from '../domain/errors';
import type { Snapshot } from '../domain/snapshot';
import { planTrafficQueries, type TrafficQueryPlan } from '../graph/traffic';
import { watchTargetGroups } from '../inventory';
import { INGESTION_DELAY_MS } from '../logs/time';
import { runQuery } from '../logs/runner';
import type { InsightsQuery } from '../logs/query';
import { BASELINE_MINUTES } from './constants';
import { evaluate } from './engine';
import { type Folded, fold, type QueryRows } from './fold';
import { type Cost, errorOf, gatherCanaries, gatherChanges, gatherHealth, healthGroups } from './gatherFresh';
import { routeServices, withRoutes } from './gatherLight';
import { Persistence } from './persistence';
import { type TriageScope, triageScope } from './scope';
import {
  BASELINE_QUERY,
  DENIAL_BASELINE_QUERY,
  DENIAL_SERIES_QUERY,
  LATENCY_BASELINE_QUERY,
  LATENCY_QUERY,
  ROW_LIMIT,
  SERIES_QUERY,
  type Window,
  windowsAt,
} from './query';
import type { TriageError, TriageReport } from './types';

const PLAN_PARALLEL = 4;
/** Queries of one refresh in flight at once per (account, region). */
const QUERIES_PER_ACCOUNT = 3;

/** What a refresh needs; replaced in tests. */
export interface GatherDeps {
  factory?: AwsClientFactory;
  /** A fixed snapshot (tests, bench), used as the inventory's. */
  snapshot?: () => Promise<Snapshot>;
  /** How the resources are read when `snapshot` is absent (default: the inventory, else the light read). */
  scope?: (factory: AwsClientFactory, user?: string) => Promise<TriageScope>;
  now?: () => number;
  user?: string;
  pollMs?: number;
  maxWaitMs?: number;
  /** Share a report this recent (ms; default REPORT_REUSE_MS, 0 = always compute). */
  reuseMs?: number;
}

/** Baseline rows by `account|region|groups|window`; one entry per plan, replaced when the window moves. */
const baselineCache = new Map<string, { endMs: number; rows: Promise<[QueryRows, QueryRows, QueryRows]> }>();
const persistences = new WeakMap<AwsClientFactory, Persistence>();

/** Forgets cached baselines and persistence (tests). */
export function resetTriageState(): void {
  baselineCache.clear();
  generation++;
}

/**
 * Every open "Now" page refreshes on its own; a report computed less than this long ago (or still being
 * computed) is shared, so N viewers cost one refresh's queries, not N.
 */
export const REPORT_REUSE_MS = 10_000;
let generation = 0;
const latest = new WeakMap<AwsClientFactory, { at: number; generation: number; report: Promise<TriageReport> }>();

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

/** The log rows of every plan; failures become errors. */
async function gatherLogs(snapshot: Snapshot, factory: AwsClientFactory, nowMs: number, d: GatherDeps, cost: Cost) {
  const w = windowsAt(nowMs);
  const errors: TriageError[] = [];
  const series: QueryRows[] = [];
  const latency: QueryRows[] = [];
  const denials: QueryRows[] = [];
  const baseline: QueryRows[] = [];
  const latencyBaseline: QueryRows[] = [];
  const denialBaseline: QueryRows[] = [];
  const plans = planTrafficQueries(snapshot);
  // At most QUERIES_PER_ACCOUNT of this refresh's queries run at once per (account, region): the user's
  // running queries are capped (TRELLIS_MAX_QUERIES_PER_USER) and the explorer may be open too.
  const limiter = new KeyedLimiter(QUERIES_PER_ACCOUNT);
  const limited = (plan: TrafficQueryPlan, query: InsightsQuery, win: Window) =>
    limiter.of(`${plan.accountId}|${plan.region}`).run(() => run(factory, plan, query, win, d, cost));
  const processPlan = async (plan: TrafficQueryPlan): Promise<void> => {
    const key = `${plan.accountId}|${plan.region}|${plan.logGroupNames.join(',')}`;
    let base = baselineCache.get(key);
    if (!base || base.endMs !== w.baseline.endMs) {
      const rows = Promise.all([
        limited(plan, BASELINE_QUERY, w.baseline),
        limited(plan, LATENCY_BASELINE_QUERY, w.baseline),
        limited(plan, DENIAL_BASELINE_QUERY, w.baseline),
      ]);
      base = { endMs: w.baseline.endMs, rows };
      baselineCache.set(key, base);
      // A failed baseline is not kept, nor an empty one: history may still be arriving (a subscription just
      // made, logs delivered late or backfilled), and an hour without records costs nothing to ask again.
      const drop = () => {
        if (baselineCache.get(key)?.rows === rows) baselineCache.delete(key);
      };
      rows.then((sets) => {
        if (sets.every((q) => q.rows.length === 0)) drop();
      }, drop);
    }
    try {
      const [s, l, dn, [b, lb, db]] = await Promise.all([
        limited(plan, SERIES_QUERY, w.series),
        limited(plan, LATENCY_QUERY, w.series),
        limited(plan, DENIAL_SERIES_QUERY, w.series),
        base.rows,
      ]);
      series.push(s);
      latency.push(l);
      denials.push(dn);
      baseline.push(b);
      latencyBaseline.push(lb);
      denialBaseline.push(db);
      for (const q of [s, l, dn, b, lb, db]) {
        const t = truncated(q);
        if (t) errors.push(t);
      }
    } catch (e) {
      // One deleted log group fails the whole StartQuery: halve the set until it is isolated.
      if (toErrorInfo(e).code === 'NOT_FOUND' && plan.logGroupNames.length > 1) {
        const mid = Math.ceil(plan.logGroupNames.length / 2);
        await processPlan({ ...plan, logGroupNames: plan.logGroupNames.slice(0, mid) });
        await processPlan({ ...plan, logGroupNames: plan.logGroupNames.slice(mid) });
        return;
      }
      errors.push(errorOf(factory.config.accounts, plan.accountId, plan.region, 'logs', e));
    }
  };
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
    await processPlan(plan);
  });
  const folded =
    series.length > 0
      ? fold({
          subscriptions: snapshot.accessLogSubscriptions,
          window: w.series,
          baselineMinutes: BASELINE_MINUTES,
          series,
          latency,
          denials,
          baseline,
          latencyBaseline,
          denialBaseline,
          surelyDeliveredBefore: nowMs - INGESTION_DELAY_MS,
        })
      : undefined;
  return { folded, errors };
}

/** One refresh: gather everything and evaluate. Never throws for an account's failure. */
export function triageReport(d: GatherDeps = {}): Promise<TriageReport> {
  const factory = d.factory ?? awsClients();
  const nowMs = (d.now ?? Date.now)();
  const reuse = d.reuseMs ?? REPORT_REUSE_MS;
  const hit = latest.get(factory);
  if (hit && hit.generation === generation && nowMs >= hit.at && nowMs - hit.at < reuse) return hit.report;
  const report = computeReport(d, factory, nowMs);
  latest.set(factory, { at: nowMs, generation, report });
  report.catch(() => {
    if (latest.get(factory)?.report === report) latest.delete(factory);
  });
  return report;
}

/** Fresh health: in the light scope idle groups are read while the logs are queried, then the rest. */
async function readHealth(
  scope: TriageScope,
  logs: Promise<{ folded?: Folded }>,
  persistence: Persistence,
  factory: AwsClientFactory,
  user: string | undefined,
) {
  const knownDown = persistence.downGroups();
  const first = scope.light
    ? gatherHealth(healthGroups(scope.snapshot, [], { knownDown, everyGroup: true }), factory, user)
    : undefined;
  const traffic = Object.keys((await logs).folded?.tg ?? {});
  const done = await first;
  const rest = healthGroups(scope.snapshot, traffic, { knownDown }).filter((a) => !done?.health[a]);
  const more = await gatherHealth(rest, factory, user);
  return { health: { ...done?.health, ...more.health }, errors: [...(done?.errors ?? []), ...more.errors] };
}

async function computeReport(d: GatherDeps, factory: AwsClientFactory, nowMs: number): Promise<TriageReport> {
  const scope: TriageScope = d.snapshot
    ? { snapshot: await d.snapshot(), light: false }
    : await (d.scope ?? triageScope)(factory, d.user);
  const persistence = persistenceOf(factory);
  const cost: Cost = { queries: 0, bytesScanned: 0 };
  const logsRead = gatherLogs(scope.snapshot, factory, nowMs, d, cost);
  const [logs, changes, canaries, health] = await Promise.all([
    logsRead,
    gatherChanges(factory, nowMs, cost),
    gatherCanaries(factory, nowMs, d.user),
    readHealth(scope, logsRead, persistence, factory, d.user),
  ]);
  // The light scope has no rules: read those the findings need (their rule, canary role, rollback).
  const { snapshot, errors: routeErrors } = scope.light
    ? await withRoutes(
        scope.snapshot,
        routeServices(scope.snapshot, health.health, logs.folded, canaries.canaries),
        factory,
        d.user,
      )
    : { snapshot: scope.snapshot, errors: [] };
  const report = evaluate(
    {
      nowMs,
      snapshot,
      ...(logs.folded ? { folded: logs.folded } : {}),
      health: health.health,
      changes: changes.events,
      canaries: canaries.canaries,
      errors: [...logs.errors, ...health.errors, ...routeErrors, ...changes.errors, ...canaries.errors],
      queries: cost.queries,
      bytesScanned: cost.bytesScanned,
    },
    persistence,
  );
  scope.startInventory?.();
  // The inventory keeps the health of the groups a finding names fresh on every refresh.
  watchTargetGroups(
    report.findings.flatMap((f) => f.where.targetGroupArn ?? []),
    factory,
  );
  return report;
}
