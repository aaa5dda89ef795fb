/**
 * The traffic overlay: requests, 4xx, 5xx and 403 per service, target group and route edge over a
 * time window, from access logs. One Logs Insights stats query per (account, region) covers every
 * log group there (never one query per node); this module plans those queries and folds their rows.
 *
 * A request through a network whose subscription logs it AND to a service with its own subscription
 * is written to both log groups; counting both would double it. So a service's traffic comes from
 * its own log group when that query succeeded, else from its networks' log groups. Pure.
 */
import type { ErrorInfo } from '../domain/errors';
import { parseLatticeArn } from '../domain/arn';
import { parseLogGroupArn } from '../logs/logGroup';
import type { InsightsQuery } from '../logs/query';
import type { Snapshot } from '../domain/snapshot';

/** Time windows the overlay offers (same tokens as the logs page's `range`). */
export const TRAFFIC_WINDOWS = {
  '5m': 5 * 60_000,
  '15m': 15 * 60_000,
  '1h': 60 * 60_000,
  '3h': 3 * 60 * 60_000,
  '24h': 24 * 60 * 60_000,
} as const;
/** One of the windows. */
export type TrafficWindow = keyof typeof TRAFFIC_WINDOWS;
/** The default window. */
export const DEFAULT_WINDOW: TrafficWindow = '15m';

/** Request counts by class. 403 is also counted in 4xx. */
export interface TrafficCounts {
  requests: number;
  c4xx: number;
  c5xx: number;
  c403: number;
}

/** StartQuery takes at most 50 log groups. */
export const MAX_GROUPS_PER_QUERY = 50;

/** One query of the overlay: the CloudWatch log groups of one account and region (up to 50 of them). */
export interface TrafficQueryPlan {
  accountId: string;
  region: string;
  logGroupNames: string[];
}

/** How a query went; a failing one is shown while the others still render. */
export interface TrafficSource extends TrafficQueryPlan {
  ok: boolean;
  error?: ErrorInfo;
  queryText?: string;
}

/** What the topology draws. Route keys are `<serviceArn>-><targetGroupArn>` (the route edges' ids). */
export interface TrafficOverlay {
  window: TrafficWindow;
  startMs: number;
  endMs: number;
  services: Record<string, TrafficCounts>;
  targetGroups: Record<string, TrafficCounts>;
  routes: Record<string, TrafficCounts>;
  sources: TrafficSource[];
}

/** The one stats query run per (account, region); `@log` tells log groups apart for de-duplication. */
export const TRAFFIC_QUERY: InsightsQuery = {
  stats: {
    aggregations: [{ agg: { fn: 'count' }, as: 'n' }],
    by: [{ field: '@log' }, { field: 'serviceArn' }, { field: 'targetGroupArn' }, { field: 'responseCode' }],
  },
  limit: 10_000,
};

const keyOf = (region: string, accountId: string, name: string) => `${region}|${accountId}:${name}`;

/**
 * The queries to run for a snapshot: CloudWatch destinations of its access-log subscriptions by
 * (account, region), in sets of at most 50 log groups (the StartQuery limit).
 */
export function planTrafficQueries(snapshot: Pick<Snapshot, 'accessLogSubscriptions'>): TrafficQueryPlan[] {
  const plans = new Map<string, TrafficQueryPlan>();
  for (const sub of snapshot.accessLogSubscriptions) {
    const g = parseLogGroupArn(sub.destinationArn);
    if (!g) continue; // S3 and Firehose destinations cannot be queried with Logs Insights
    const k = `${g.accountId}|${g.region}`;
    const plan = plans.get(k) ?? { accountId: g.accountId, region: g.region, logGroupNames: [] };
    if (!plan.logGroupNames.includes(g.name)) plan.logGroupNames.push(g.name);
    plans.set(k, plan);
  }
  const out: TrafficQueryPlan[] = [];
  for (const p of [...plans.values()].sort(
    (a, b) => a.accountId.localeCompare(b.accountId) || a.region.localeCompare(b.region),
  )) {
    const names = p.logGroupNames.sort();
    for (let i = 0; i < names.length; i += MAX_GROUPS_PER_QUERY)
      out.push({ accountId: p.accountId, region: p.region, logGroupNames: names.slice(i, i + MAX_GROUPS_PER_QUERY) });
  }
  return out;
}

/** The result of one planned query. */
export type TrafficQueryResult =
  | { plan: TrafficQueryPlan; ok: true; rows: Array<Record<string, string>>; queryText?: string }
  | { plan: TrafficQueryPlan; ok: false; error: ErrorInfo; queryText?: string };

/** Empty counts. */
export function zeroCounts(): TrafficCounts {
  return { requests: 0, c4xx: 0, c5xx: 0, c403: 0 };
}

function add(map: Record<string, TrafficCounts>, key: string, code: number, n: number): void {
  map[key] ??= zeroCounts();
  const c = map[key];
  c.requests += n;
  if (code >= 400 && code < 500) c.c4xx += n;
  if (code === 403) c.c403 += n;
  if (code >= 500 && code < 600) c.c5xx += n;
}

/** Folds the rows of the planned queries into counts per service, target group and route. */
export function foldTraffic(
  snapshot: Pick<Snapshot, 'accessLogSubscriptions'>,
  results: readonly TrafficQueryResult[],
  window: TrafficWindow,
  startMs: number,
  endMs: number,
): TrafficOverlay {
  const okKeys = new Set<string>();
  for (const r of results)
    if (r.ok) for (const name of r.plan.logGroupNames) okKeys.add(keyOf(r.plan.region, r.plan.accountId, name));
  const ownGroup = new Map<string, string>();
  const networkGroups = new Set<string>();
  for (const sub of [...snapshot.accessLogSubscriptions].sort((a, b) => a.arn.localeCompare(b.arn))) {
    const g = parseLogGroupArn(sub.destinationArn);
    if (!g) continue;
    const k = keyOf(g.region, g.accountId, g.name);
    const kind = parseLatticeArn(sub.resourceArn)?.kind;
    if (kind === 'servicenetwork') networkGroups.add(k);
    else if (kind === 'service' && okKeys.has(k) && !ownGroup.has(sub.resourceArn)) ownGroup.set(sub.resourceArn, k);
  }
  const out: TrafficOverlay = { window, startMs, endMs, services: {}, targetGroups: {}, routes: {}, sources: [] };
  for (const r of results) {
    out.sources.push({
      ...r.plan,
      ok: r.ok,
      ...(r.ok ? {} : { error: r.error }),
      ...(r.queryText ? { queryText: r.queryText } : {}),
    });
    if (!r.ok) continue;
    for (const row of r.rows) {
      const svc = row.serviceArn;
      const n = Number(row.n);
      if (!svc || svc === '-' || !Number.isFinite(n) || n <= 0) continue;
      const k = `${r.plan.region}|${row['@log'] ?? ''}`;
      const own = ownGroup.get(svc);
      if (own ? k !== own : !networkGroups.has(k)) continue;
      const code = Number(row.responseCode);
      add(out.services, svc, code, n);
      const tg = row.targetGroupArn;
      if (tg && tg !== '-') {
        add(out.targetGroups, tg, code, n);
        add(out.routes, `${svc}->${tg}`, code, n);
      }
    }
  }
  return out;
}

/** The share of requests that failed with 5xx (0 when there were none). */
export function errorRate(c: TrafficCounts | undefined): number {
  return c && c.requests > 0 ? c.c5xx / c.requests : 0;
}
