/**
 * Gate figures from the canary's access logs, computed by Logs Insights over a window: request count
 * and response codes per target group, and p99 of `duration`. The log group is that of the
 * service's access-log subscription (or, without one, of a network it is associated with) in a
 * configured account: one source only, since a request is logged once per subscription.
 */
import 'server-only';
import { orThrow } from '../../aws/paginate';
import { TrellisError } from '../../domain/errors';
import type { GateFigures } from './gates';
import { parseLogGroupArn, type LogGroupRef } from '../../logs/logGroup';
import type { InsightsQuery } from '../../logs/query';
import { runQuery } from '../../logs/runner';
import { latticeOf, type RoutingContext } from '../context';

async function subscriptionsOf(ctx: RoutingContext, resourceArn: string): Promise<LogGroupRef[]> {
  const items = orThrow(await latticeOf(ctx, resourceArn).listAccessLogSubscriptions(resourceArn));
  return items.map((s) => parseLogGroupArn(s.destinationArn)).filter((g): g is LogGroupRef => g !== undefined);
}

/** The log group to judge a service's canary with. Throws NOT_FOUND when the service has none readable. */
export async function accessLogSource(ctx: RoutingContext, serviceArn: string): Promise<LogGroupRef> {
  const configured = (g: LogGroupRef) =>
    !ctx.factory.config.accounts || ctx.factory.config.accounts.some((a) => a.accountId === g.accountId);
  const own = (await subscriptionsOf(ctx, serviceArn)).find(configured);
  if (own) return own;
  const assocs = orThrow(await latticeOf(ctx, serviceArn).listServiceAssociations({ serviceArn }));
  for (const a of assocs) {
    const groups = await subscriptionsOf(ctx, a.serviceNetworkArn).catch(() => []);
    const g = groups.find(configured);
    if (g) return g;
  }
  throw new TrellisError(
    'NOT_FOUND',
    'The service and its networks have no access-log subscription to CloudWatch Logs in a configured account, ' +
      'so canary gates cannot be judged. Add an access-log subscription first.',
    { resource: serviceArn },
  );
}

/** Counts by target group and response code. */
export function codesQuery(targetGroupArns: string[]): InsightsQuery {
  return {
    filter: { op: 'in', field: 'targetGroupArn', values: targetGroupArns },
    stats: {
      aggregations: [{ agg: { fn: 'count' }, as: 'requests' }],
      by: [{ field: 'targetGroupArn' }, { field: 'responseCode' }],
    },
  };
}

/** p99 of duration by target group. */
export function latencyQuery(targetGroupArns: string[]): InsightsQuery {
  return {
    filter: { op: 'in', field: 'targetGroupArn', values: targetGroupArns },
    stats: {
      aggregations: [{ agg: { fn: 'pct', field: 'duration', percentile: 99 }, as: 'p99' }],
      by: [{ field: 'targetGroupArn' }],
    },
  };
}

/** Folds the two queries' rows into figures per target group. */
export function toFigures(
  arns: string[],
  codeRows: Array<Record<string, string>>,
  latencyRows: Array<Record<string, string>>,
): Record<string, GateFigures> {
  const out: Record<string, GateFigures> = Object.fromEntries(
    arns.map((a) => [a, { requests: 0, errors5xx: 0, denied403: 0, p99Ms: null }]),
  );
  for (const r of codeRows) {
    const f = out[r.targetGroupArn ?? ''];
    if (!f) continue;
    const n = Number(r.requests ?? 0);
    const code = Number(r.responseCode);
    f.requests += n;
    if (code >= 500 && code <= 599) f.errors5xx += n;
    if (code === 403) f.denied403 += n;
  }
  for (const r of latencyRows) {
    const f = out[r.targetGroupArn ?? ''];
    const p = Number(r.p99);
    if (f && r.p99 !== undefined && Number.isFinite(p)) f.p99Ms = p;
  }
  return out;
}

/** Figures of the canary and stable target groups over [startMs, endMs]. */
export async function gateFigures(
  ctx: RoutingContext,
  source: LogGroupRef,
  canaryArn: string,
  stableArn: string,
  startMs: number,
  endMs: number,
): Promise<{ canary: GateFigures; stable: GateFigures }> {
  const arns = [canaryArn, stableArn];
  const base = {
    accountId: source.accountId,
    region: source.region,
    user: ctx.user.id,
    logGroupNames: [source.name],
    startMs,
    endMs: Math.max(endMs, startMs + 1000),
  };
  const opts = { pollMs: 250, maxWaitMs: 60_000 };
  const [codes, latency] = await Promise.all([
    runQuery({ ...base, query: codesQuery(arns) }, opts, ctx.factory),
    runQuery({ ...base, query: latencyQuery(arns) }, opts, ctx.factory),
  ]);
  const figures = toFigures(arns, codes.rows, latency.rows);
  return { canary: figures[canaryArn]!, stable: figures[stableArn]! };
}
