/**
 * StartQuery, GetQueryResults and StopQuery over the Logs Insights engine (insights/). StartQuery
 * compiles synchronously (errors become MalformedQueryException with the offending span) and hands
 * the execution to the query book, which runs it in slices; times are epoch SECONDS here, both ends
 * inclusive (the end second is included whole).
 */
import { AwsError } from '../../core/awsError';
import { compileQuery, InsightsQueryError, startExecution, type CompiledQuery } from '../insights';
import { MAX_CONCURRENT_QUERIES, outputOf, type QueryRecord } from '../queries/book';
import type { LogGroup } from '../store';
import { querySource } from '../store/batch';
import { indexedSinceOf } from './indexPolicies';
import {
  cursorOf,
  groupByIdentifier,
  groupByName,
  invalidParameter,
  logsError,
  notFound,
  type Handler,
} from './common';

/** Rows the emulator's Insights engine returns at most (the model allows limits up to 100,000). */
export const MAX_QUERY_ROWS = 10_000;
const MAX_GROUPS = 50;

function compile(text: string): CompiledQuery {
  try {
    return compileQuery(text);
  } catch (e) {
    if (!(e instanceof InsightsQueryError)) throw e;
    const start = Math.max(0, Math.min(e.position, text.length));
    let end = start;
    while (end < text.length && !/[\s|]/.test(text[end] as string)) end++;
    throw logsError('MalformedQueryException', e.message, {
      queryCompileError: {
        location: { startCharOffset: start, endCharOffset: Math.max(start, end - 1) },
        message: e.message,
      },
    });
  }
}

function groupsOf(
  state: Parameters<Handler>[0],
  ctx: Parameters<Handler>[1],
  input: Record<string, unknown>,
): LogGroup[] {
  const given = ['logGroupName', 'logGroupNames', 'logGroupIdentifiers'].filter((k) => input[k] !== undefined);
  if (given.length !== 1)
    throw invalidParameter(
      'Exactly one of logGroupName, logGroupNames or logGroupIdentifiers must be specified ' +
        '(the emulator does not support SOURCE commands).',
    );
  if (input.logGroupName !== undefined) return [groupByName(state, ctx, input.logGroupName as string)];
  const list = (input.logGroupNames ?? input.logGroupIdentifiers) as string[];
  if (list.length === 0 || list.length > MAX_GROUPS)
    throw invalidParameter(`A query needs between 1 and ${MAX_GROUPS} log groups; got ${list.length}.`);
  const groups = new Set<LogGroup>();
  for (const id of list) {
    try {
      groups.add(input.logGroupNames !== undefined ? groupByName(state, ctx, id) : groupByIdentifier(state, ctx, id));
    } catch (e) {
      if (e instanceof AwsError && e.code === 'ResourceNotFoundException')
        throw notFound(`Log group '${id}' does not exist for account ID '${ctx.accountId}'`);
      throw e;
    }
  }
  return [...groups];
}

function queryId(state: Parameters<Handler>[0]): string {
  const hex = '0123456789abcdef';
  const r = state.rng;
  return (
    `${r.chars(8, hex)}-${r.chars(4, hex)}-4${r.chars(3, hex)}-` +
    `${r.pick(['8', '9', 'a', 'b'])}${r.chars(3, hex)}-${r.chars(12, hex)}`
  );
}

const startQuery: Handler = (state, ctx, input) => {
  const language = (input.queryLanguage as string | undefined) ?? 'CWLI';
  if (language !== 'CWLI')
    throw invalidParameter(`The emulator supports only queryLanguage CWLI (Logs Insights QL), not ${language}.`);
  const groups = groupsOf(state, ctx, input);
  const startTime = input.startTime as number;
  const endTime = input.endTime as number;
  if (endTime < startTime) throw invalidParameter('endTime must be greater than or equal to startTime.');
  const limit = input.limit as number | undefined;
  if (limit !== undefined && limit > MAX_QUERY_ROWS)
    throw invalidParameter(
      `The emulator returns at most ${MAX_QUERY_ROWS} rows per query; limit must be between 1 and ${MAX_QUERY_ROWS}.`,
    );
  const compiled = compile(input.queryString as string);
  if (state.logs.queries.active(ctx.accountId, ctx.region) >= MAX_CONCURRENT_QUERIES) {
    throw logsError(
      'LimitExceededException',
      `Account maximum query concurrency limit of [${MAX_CONCURRENT_QUERIES}] reached.`,
    );
  }
  const startMs = startTime * 1000;
  const endMs = endTime * 1000 + 999;
  const execution = startExecution(compiled, {
    startMs,
    endMs,
    ...(limit !== undefined ? { limit } : {}),
    indexedSince: indexedSinceOf(groups),
  });
  const record: QueryRecord = {
    id: queryId(state),
    accountId: ctx.accountId,
    region: ctx.region,
    queryString: input.queryString as string,
    createTime: ctx.now,
    logGroupsScanned: groups.length,
    status: 'Scheduled',
    execution,
  };
  state.logs.queries.start(record, querySource(groups, ctx.now).batches(startMs, endMs));
  return { queryId: record.id };
};

function queryOf(state: Parameters<Handler>[0], ctx: Parameters<Handler>[1], id: string): QueryRecord {
  const q = state.logs.queries.get(ctx.accountId, id);
  if (!q) throw notFound(`Query ${id} does not exist (or has expired).`);
  return q;
}

const getQueryResults: Handler = (state, ctx, input) => {
  const q = queryOf(state, ctx, input.queryId as string);
  const { results: rows, statistics: stats } = outputOf(q);
  const scope = `GetQueryResults:${q.id}`;
  const from = input.nextToken ? Number(cursorOf(state.paginator, scope, input.nextToken as string)) : 0;
  const max = (input.maxItems as number | undefined) || MAX_QUERY_ROWS;
  const slice = rows.slice(from, from + max);
  const more = from + slice.length < rows.length && (q.status === 'Complete' || q.status === 'Cancelled');
  return {
    queryLanguage: 'CWLI',
    results: slice,
    statistics: {
      recordsMatched: stats.recordsMatched,
      recordsScanned: stats.recordsScanned,
      estimatedRecordsSkipped: stats.estimatedRecordsSkipped ?? 0,
      bytesScanned: stats.bytesScanned,
      estimatedBytesSkipped: stats.estimatedBytesSkipped ?? 0,
      logGroupsScanned: q.logGroupsScanned,
    },
    status: q.status,
    ...(more ? { nextToken: state.paginator.token(scope, String(from + slice.length)) } : {}),
  };
};

const stopQuery: Handler = (state, ctx, input) => {
  const q = queryOf(state, ctx, input.queryId as string);
  if (!state.logs.queries.stop(q)) throw invalidParameter(`Query ${q.id} is not running (its status is ${q.status}).`);
  return { success: true };
};

/** Handlers by operation name. */
export const queryHandlers: Record<string, Handler> = {
  StartQuery: startQuery,
  GetQueryResults: getQueryResults,
  StopQuery: stopQuery,
};
