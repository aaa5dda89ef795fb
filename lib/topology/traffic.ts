/**
 * The topology's traffic overlay (server-only): one Logs Insights stats query per (account, region)
 * (in sets of up to 50 log groups) over the access-log groups of the snapshot, run in the log groups'
 * account, folded into counts per service, target group and route (lib/graph/traffic). A failing
 * query is reported in `sources` and the others still count.
 */
import 'server-only';
import { awsClients, type AwsClientFactory } from '../aws/clientFactory';
import { mapLimited } from '../aws/concurrency';
import { toErrorInfo, TrellisError, type ErrorInfo } from '../domain/errors';
import type { Snapshot } from '../domain/snapshot';
import { runQuery } from '../logs/runner';
import {
  foldTraffic,
  planTrafficQueries,
  TRAFFIC_QUERY,
  TRAFFIC_WINDOWS,
  type TrafficOverlay,
  type TrafficQueryPlan,
  type TrafficQueryResult,
  type TrafficWindow,
} from '../graph/traffic';

/** Overlay queries in flight at once per account and region (well under TRELLIS_MAX_QUERIES_PER_USER). */
const QUERIES_PER_ACCOUNT = 3;

/** How long a log group found missing is left out of the queries before it is tried again. */
export const MISSING_RETRY_MS = 5 * 60_000;
/** Log groups that did not exist, by `account|region|name`, until when to leave them out. */
const missingUntil = new Map<string, { until: number; error: ErrorInfo }>();
const groupKey = (p: TrafficQueryPlan, name: string) => `${p.accountId}|${p.region}|${name}`;

/** Forgets the log groups remembered as missing (tests). */
export function forgetMissingLogGroups(): void {
  missingUntil.clear();
}

/** Options of `trafficOverlay`. */
export interface TrafficOptions {
  user?: string;
  signal?: AbortSignal;
  /** End of the window (ms); defaults to now. */
  now?: number;
  /** Per-query wait before it is stopped. */
  maxWaitMs?: number;
  pollMs?: number;
}

/** Why a plan cannot run without calling AWS: its account is not configured or could not be reached. */
function cannotRun(snapshot: Snapshot, plan: TrafficQueryPlan): TrellisError | undefined {
  const account = snapshot.accounts.find((a) => a.accountId === plan.accountId);
  if (!account)
    return new TrellisError(
      'CONFIG',
      `The log groups ${plan.logGroupNames.join(', ')} are in account ${plan.accountId}, ` +
        `which the console is not configured to read; add it to TRELLIS_ACCOUNTS to see their traffic.`,
      { account: plan.accountId },
    );
  if (!account.reachable)
    return new TrellisError(
      account.error?.code ?? 'UNREACHABLE',
      `Account ${account.name} (${plan.accountId}) could not be read: ${account.error?.message ?? 'unreachable'}`,
      { account: plan.accountId },
    );
  return undefined;
}

/** Runs the overlay's queries (in parallel, one per account and region) and folds the results. */
export async function trafficOverlay(
  snapshot: Snapshot,
  window: TrafficWindow,
  o: TrafficOptions = {},
  factory: AwsClientFactory = awsClients(),
): Promise<TrafficOverlay> {
  const endMs = o.now ?? Date.now();
  const startMs = endMs - TRAFFIC_WINDOWS[window];
  const plans = planTrafficQueries(snapshot);
  const run = async (plan: TrafficQueryPlan): Promise<TrafficQueryResult[]> => {
    try {
      const out = await runQuery(
        {
          accountId: plan.accountId,
          region: plan.region,
          ...(o.user ? { user: o.user } : {}),
          logGroupNames: plan.logGroupNames,
          query: TRAFFIC_QUERY,
          startMs,
          endMs,
          limit: 10_000,
        },
        { maxWaitMs: o.maxWaitMs ?? 25_000, pollMs: o.pollMs ?? 250, ...(o.signal ? { signal: o.signal } : {}) },
        factory,
      );
      return [{ plan, ok: true, rows: out.rows, queryText: out.queryText }];
    } catch (e) {
      const error = toErrorInfo(e);
      // One missing log group (deleted after the subscription was made) fails the whole StartQuery:
      // halve the set until the missing ones are isolated, so the others still count.
      if (error.code === 'NOT_FOUND' && plan.logGroupNames.length > 1) {
        const mid = Math.ceil(plan.logGroupNames.length / 2);
        // One half after the other: the user's running queries per account are capped (TRELLIS_MAX_QUERIES_PER_USER).
        const first = await run({ ...plan, logGroupNames: plan.logGroupNames.slice(0, mid) });
        return [...first, ...(await run({ ...plan, logGroupNames: plan.logGroupNames.slice(mid) }))];
      }
      if (error.code === 'NOT_FOUND' && plan.logGroupNames.length === 1)
        missingUntil.set(groupKey(plan, plan.logGroupNames[0]!), { until: Date.now() + MISSING_RETRY_MS, error });
      return [{ plan, ok: false, error }];
    }
  };
  // Groups found missing recently are reported again without asking AWS (a fleet can have hundreds).
  const recall = (plan: TrafficQueryPlan): { missing: TrafficQueryResult[]; rest: string[] } => {
    const now = Date.now();
    const missing: TrafficQueryResult[] = [];
    const rest: string[] = [];
    for (const name of plan.logGroupNames) {
      const m = missingUntil.get(groupKey(plan, name));
      if (m && m.until > now) missing.push({ plan: { ...plan, logGroupNames: [name] }, ok: false, error: m.error });
      else rest.push(name);
    }
    return { missing, rest };
  };
  const one = async (plan: TrafficQueryPlan): Promise<TrafficQueryResult[]> => {
    const blocked = cannotRun(snapshot, plan);
    if (blocked) return [{ plan, ok: false, error: blocked.toInfo() }];
    const { missing, rest } = recall(plan);
    return [...missing, ...(rest.length > 0 ? await run({ ...plan, logGroupNames: rest }) : [])];
  };
  // Accounts in parallel; inside one, a few sets at a time (Logs Insights and the console cap running queries).
  const byAccount = new Map<string, TrafficQueryPlan[]>();
  for (const p of plans)
    byAccount.set(`${p.accountId}|${p.region}`, [...(byAccount.get(`${p.accountId}|${p.region}`) ?? []), p]);
  const perAccount = await Promise.all(
    [...byAccount.values()].map((list) => mapLimited(list, QUERIES_PER_ACCOUNT, one)),
  );
  // Plans come sorted by account and region, so this is plan order: sources list the same way every time.
  const results = perAccount.flat(2);
  return foldTraffic(snapshot, results, window, startMs, endMs);
}
