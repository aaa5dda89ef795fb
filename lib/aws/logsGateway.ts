/**
 * The CloudWatch Logs API of one (account, region, user), as typed methods: Logs Insights queries
 * (start, results, stop) and the audit log's writes and reads (groups, streams, events). Every call
 * goes through the factory's call gate, like `LatticeGateway`'s.
 */
import 'server-only';
import {
  type CloudWatchLogsClientResolvedConfig,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DescribeIndexPoliciesCommand,
  FilterLogEventsCommand,
  GetQueryResultsCommand,
  PutLogEventsCommand,
  type ServiceInputTypes,
  type ServiceOutputTypes,
  StartQueryCommand,
  StopQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import type { CommandImpl } from '@smithy/core/client';
import { TrellisError } from '../domain/errors';
import type { CallOptions } from './callGate';
import { GatewayBase } from './gatewayBase';
import { indexedFieldsOf, type QueryResults, toQueryResults } from './logsMappers';
import { allPages } from './paginate';

type LogsCommand<I extends ServiceInputTypes, O extends ServiceOutputTypes> = CommandImpl<
  I,
  O,
  CloudWatchLogsClientResolvedConfig,
  ServiceInputTypes,
  ServiceOutputTypes
>;

/** A Logs Insights query to start (the text is printed from a typed query, never user text). */
export interface InsightsStart {
  logGroupNames: string[];
  queryString: string;
  startMs: number;
  endMs: number;
  limit?: number;
}

/** See the module comment. Get it from `factory.gateways.logs(scope)`. */
export class LogsGateway extends GatewayBase {
  /** The same gateway with other call options. */
  with(opts: CallOptions): LogsGateway {
    return new LogsGateway(this.factory, this.scope, { ...this.opts, ...opts });
  }

  /** StartQuery; returns the query id. */
  async startQuery(q: InsightsStart): Promise<string> {
    const cmd = new StartQueryCommand({
      logGroupNames: q.logGroupNames,
      queryString: q.queryString,
      startTime: Math.floor(q.startMs / 1000),
      endTime: Math.ceil(q.endMs / 1000),
      ...(q.limit !== undefined ? { limit: q.limit } : {}),
    });
    const out = await this.send('StartQuery', q.logGroupNames.join(', '), cmd);
    if (!out.queryId) throw new TrellisError('AWS_INTERNAL', 'StartQuery returned no query id.');
    return out.queryId;
  }

  /** GetQueryResults: state, rows so far, statistics. */
  async getQueryResults(queryId: string): Promise<QueryResults> {
    return toQueryResults(await this.send('GetQueryResults', queryId, new GetQueryResultsCommand({ queryId })));
  }

  /** The fields the log group's field index policy indexes ([] without a policy). */
  async indexedFields(logGroupName: string): Promise<string[]> {
    const cmd = new DescribeIndexPoliciesCommand({ logGroupIdentifiers: [logGroupName] });
    const out = await this.send('DescribeIndexPolicies', logGroupName, cmd);
    return (out.indexPolicies ?? []).flatMap((p) => indexedFieldsOf(p.policyDocument));
  }

  /** StopQuery (throws VALIDATION for a query that already finished). */
  async stopQuery(queryId: string): Promise<void> {
    await this.send('StopQuery', queryId, new StopQueryCommand({ queryId }));
  }

  async createLogGroup(logGroupName: string): Promise<void> {
    await this.send('CreateLogGroup', logGroupName, new CreateLogGroupCommand({ logGroupName }), 'critical');
  }

  async createLogStream(logGroupName: string, logStreamName: string): Promise<void> {
    const cmd = new CreateLogStreamCommand({ logGroupName, logStreamName });
    await this.send('CreateLogStream', `${logGroupName}:${logStreamName}`, cmd, 'critical');
  }

  /** PutLogEvents of some events (oldest first) into a stream. */
  async putLogEvents(
    logGroupName: string,
    logStreamName: string,
    events: Array<{ timestamp: number; message: string }>,
  ): Promise<void> {
    const cmd = new PutLogEventsCommand({ logGroupName, logStreamName, logEvents: events });
    await this.send('PutLogEvents', logGroupName, cmd, 'critical');
  }

  /** The messages of the events since `startMs` in the streams starting with `streamPrefix` (at most 100 pages). */
  async filterLogEvents(logGroupName: string, streamPrefix: string, startMs: number): Promise<string[]> {
    const events = await allPages(
      async (nextToken) => {
        const cmd = new FilterLogEventsCommand({
          logGroupName,
          logStreamNamePrefix: streamPrefix,
          startTime: startMs,
          ...(nextToken ? { nextToken } : {}),
        });
        const out = await this.send('FilterLogEvents', logGroupName, cmd);
        return { items: out.events ?? [], ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
      },
      { maxPages: 100, atLimit: 'stop' },
    );
    return events.map((e) => e.message ?? '');
  }

  private send<I extends ServiceInputTypes, O extends ServiceOutputTypes>(
    operation: string,
    resource: string,
    command: LogsCommand<I, O>,
    priority = this.opts.priority,
  ): Promise<O> {
    const send = (abortSignal: AbortSignal) => this.factory.logs(this.scope).send(command, { abortSignal });
    return this.through('logs', operation, resource, command, send, {
      ...this.opts,
      ...(priority ? { priority } : {}),
    });
  }
}
