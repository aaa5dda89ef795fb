/** CreateLogStream and DescribeLogStreams. */
import type { LogGroup } from '../store';
import type { LogStream } from '../store/stream';
import { descendingKey, groupByName, groupOf, invalidParameter, logsError, page, type Handler } from './common';

/** The (ignored) sequence token a stream reports; digits, like the real ones. */
export function sequenceToken(group: LogGroup, salt = 0): string {
  return `4963${String(group.sequence + salt).padStart(52, '0')}`;
}

const createLogStream: Handler = (state, ctx, input) => {
  const g = groupByName(state, ctx, input.logGroupName as string);
  if (!g.createStream(input.logStreamName as string, ctx.now))
    throw logsError('ResourceAlreadyExistsException', 'The specified log stream already exists');
  return undefined;
};

const describeLogStreams: Handler = (state, ctx, input) => {
  const g = groupOf(state, ctx, input);
  const prefix = input.logStreamNamePrefix as string | undefined;
  const byTime = input.orderBy === 'LastEventTime';
  const descending = input.descending === true;
  if (byTime && prefix !== undefined)
    throw invalidParameter('Cannot order by LastEventTime with a logStreamNamePrefix.');
  const cutoff = g.cutoff(ctx.now);
  const rows = [...g.streams.values()]
    .filter((s) => prefix === undefined || s.name.startsWith(prefix))
    .map((s) => ({ s, stats: s.stats(ctx.now, cutoff) }));
  const key = (r: { s: LogStream; stats: { lastEventTimestamp?: number } }): string => {
    const k = byTime ? `${String(r.stats.lastEventTimestamp ?? 0).padStart(16, '0')}\u0000${r.s.name}` : r.s.name;
    return descending ? descendingKey(k) : k;
  };
  const scope = `DescribeLogStreams:${g.logGroupArn}:${prefix ?? ''}:${byTime}:${descending}`;
  const p = page(
    state.paginator,
    scope,
    rows,
    key,
    input.limit as number | undefined,
    input.nextToken as string | undefined,
    50,
  );
  return {
    logStreams: p.items.map(({ s, stats }) => ({
      logStreamName: s.name,
      creationTime: s.creationTime,
      ...stats,
      uploadSequenceToken: sequenceToken(g, s.no),
      arn: `arn:aws:logs:${g.region}:${g.accountId}:log-group:${g.name}:log-stream:${s.name}`,
      // Deprecated by AWS in 2019 and always reported as zero.
      storedBytes: 0,
    })),
    ...(p.nextToken ? { nextToken: p.nextToken } : {}),
  };
};

/** Handlers by operation name. */
export const streamHandlers: Record<string, Handler> = {
  CreateLogStream: createLogStream,
  DescribeLogStreams: describeLogStreams,
};
