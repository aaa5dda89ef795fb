/**
 * Runs Logs Insights queries: StartQuery → GetQueryResults polling → StopQuery when the caller gives
 * up. Queries are always printed from the typed AST (lib/logs/query), never from user text.
 * The heavy lifting stays in Logs Insights: Node only receives result rows.
 */
import 'server-only';
import { type Access, awsClients, type AwsClientFactory } from '../aws/clientFactory';
import type { QueryResults, QueryState } from '../aws/logsMappers';
import type { LogsGateway } from '../aws/logsGateway';
import { TrellisError } from '../domain/errors';
import { printQuery, type InsightsQuery } from './query';
import { QuerySlots, type QuerySlot } from './querySlots';

/** Which account and region a query runs in, and for whom. */
export interface QueryScope {
  accountId: string;
  region?: string;
  /** The signed-in user (SourceIdentity of assumed roles). */
  user?: string;
  /** The account's read role (default), or the console's own credentials (`hub`: the audit log). */
  access?: Exclude<Access, 'write'>;
}

/** A query to start. Log groups are names in the scope's account. */
export interface QueryRequest extends QueryScope {
  logGroupNames: string[];
  query: InsightsQuery;
  startMs: number;
  endMs: number;
  /** StartQuery `limit` (rows). */
  limit?: number;
}

export type { QueryState, QueryStats } from '../aws/logsMappers';

/** A query's state and its (partial while running) rows. */
export interface QueryProgress extends QueryResults {
  queryId: string;
}

/** True once a query will not change any more. */
export function isFinished(status: QueryState): boolean {
  return status === 'Complete' || status === 'Failed' || status === 'Cancelled' || status === 'Timeout';
}

/** The running-query slots of a factory's configuration (one set per process in the app). */
export function querySlots(factory: AwsClientFactory): QuerySlots {
  return factory.state('logs.querySlots', () => new QuerySlots());
}

function logsOf(scope: QueryScope, factory: AwsClientFactory): LogsGateway {
  return factory.gateways.logs(scope);
}

/**
 * A slot for one more query of `req.user` in the request's account and region. At the cap, the
 * user's queries are re-checked first (one nobody polls any more may have finished); then THROTTLED.
 */
async function takeSlot(req: QueryRequest, factory: AwsClientFactory): Promise<QuerySlot> {
  const slots = querySlots(factory);
  const limit = factory.config.maxQueriesPerUser;
  const region = req.region ?? factory.config.region;
  const key = `${req.user ?? '(no user)'}|${req.accountId}|${region}`;
  const first = slots.tryTake(key, limit);
  if (first) return first;
  await Promise.all(slots.queriesOf(key).map((id) => getQuery(req, id, factory).catch(() => slots.finish(id))));
  const slot = slots.tryTake(key, limit);
  if (slot) return slot;
  const account = factory.config.accounts?.find((a) => a.accountId === req.accountId);
  throw new TrellisError(
    'THROTTLED',
    `You have ${limit} Logs Insights queries running in ` +
      `${account ? `${account.name} (${req.accountId})` : req.accountId}, ${region}; ` +
      `wait for one to finish or cancel it (at most ${limit} per user and account, TRELLIS_MAX_QUERIES_PER_USER).`,
    { retryable: true, account: req.accountId },
  );
}

/**
 * Starts a query; returns its id and the text that was sent (so the UI can offer to copy it).
 * Throws THROTTLED when `req.user` already runs TRELLIS_MAX_QUERIES_PER_USER queries in that account.
 */
export async function startQuery(
  req: QueryRequest,
  factory: AwsClientFactory = awsClients(),
): Promise<{ queryId: string; queryText: string }> {
  if (req.logGroupNames.length === 0) throw new TrellisError('VALIDATION', 'Pick at least one log group to query.');
  if (!(req.endMs > req.startMs))
    throw new TrellisError('VALIDATION', 'The end of the time range must be after its start.');
  const queryText = printQuery(req.query);
  const slot = await takeSlot(req, factory);
  let queryId: string;
  try {
    queryId = await logsOf(req, factory).startQuery({
      logGroupNames: req.logGroupNames,
      queryString: queryText,
      startMs: req.startMs,
      endMs: req.endMs,
      ...(req.limit !== undefined ? { limit: req.limit } : {}),
    });
  } catch (e) {
    slot.release();
    throw e;
  }
  slot.bind(queryId);
  return { queryId, queryText };
}

/** The current state and rows of a query. */
export async function getQuery(
  scope: QueryScope,
  queryId: string,
  factory: AwsClientFactory = awsClients(),
): Promise<QueryProgress> {
  const out = await logsOf(scope, factory).getQueryResults(queryId);
  if (isFinished(out.status)) querySlots(factory).finish(queryId);
  return { queryId, ...out };
}

/** Stops a query; a query that already finished is not an error. */
export async function stopQuery(
  scope: QueryScope,
  queryId: string,
  factory: AwsClientFactory = awsClients(),
): Promise<void> {
  querySlots(factory).finish(queryId);
  try {
    await logsOf(scope, factory).stopQuery(queryId);
  } catch (e) {
    if (e instanceof TrellisError && e.code === 'VALIDATION') return; // already finished
    throw e;
  }
}

/** Options of `runQuery`. */
export interface RunOptions {
  pollMs?: number;
  /** Gives up (and stops the query) after this long. */
  maxWaitMs?: number;
  signal?: AbortSignal;
  onProgress?: (p: QueryProgress) => void;
}

/** Starts a query and polls it to the end; stops it if the caller aborts or the wait runs out. */
export async function runQuery(
  req: QueryRequest,
  opts: RunOptions = {},
  factory: AwsClientFactory = awsClients(),
): Promise<QueryProgress & { queryText: string }> {
  const { queryId, queryText } = await startQuery(req, factory);
  const deadline = Date.now() + (opts.maxWaitMs ?? 60_000);
  const pollMs = opts.pollMs ?? 400;
  try {
    for (;;) {
      if (opts.signal?.aborted) throw new TrellisError('TIMEOUT', 'The query was cancelled.', { retryable: true });
      const p = await getQuery(req, queryId, factory);
      opts.onProgress?.(p);
      if (isFinished(p.status)) {
        if (p.status !== 'Complete')
          throw new TrellisError(
            p.status === 'Cancelled' ? 'TIMEOUT' : 'AWS_INTERNAL',
            `The Logs Insights query ended as ${p.status}.`,
            { resource: queryId, retryable: true },
          );
        return { ...p, queryText };
      }
      if (Date.now() > deadline)
        throw new TrellisError(
          'TIMEOUT',
          `The Logs Insights query did not finish within ${Math.round((opts.maxWaitMs ?? 60_000) / 1000)} s; ` +
            `it was stopped.`,
          { resource: queryId, retryable: true },
        );
      await new Promise((r) => setTimeout(r, pollMs));
    }
  } catch (e) {
    await stopQuery(req, queryId, factory).catch(() => undefined);
    throw e;
  }
}
