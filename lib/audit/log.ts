/**
 * The audit trail in CloudWatch Logs: one JSON event per attempted change, in the log group
 * `auditLogGroup` of the console's base account (the first configured account without a role, or
 * the console's own account). The group and the day's stream are created on first use. Routing
 * changes go to `changes/<day>`, canary transitions to `canary/<day>` (the canary runner finds
 * active plans by that prefix). Listing uses Logs Insights, so filtering happens in AWS.
 */
import 'server-only';
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  FilterLogEventsCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { listAccounts } from '../aws/accounts';
import type { AwsClientFactory } from '../aws/clientFactory';
import { parseAuditEvent, type AuditEvent } from './event';
import { auditQuery, type AuditFilter } from './filter';
import { isTrellisError, TrellisError } from '../domain/errors';
import { runQuery } from '../logs/runner';

/** Where the audit log lives. */
export interface AuditScope {
  accountId: string;
  region: string;
  logGroupName: string;
}

/** The base account of the console and the configured group name. */
export async function auditScope(factory: AwsClientFactory): Promise<AuditScope> {
  const accounts = await listAccounts(factory);
  const base = accounts.find((a) => !a.roleArn) ?? accounts[0];
  if (!base) throw new TrellisError('CONFIG', 'No account to write the audit log to; set TRELLIS_ACCOUNTS.');
  return { accountId: base.accountId, region: factory.config.region, logGroupName: factory.config.auditLogGroup };
}

/** Stream of an event: `changes/2025-01-31` or `canary/2025-01-31` (UTC day of the event). */
export function streamFor(event: Pick<AuditEvent, 'action' | 'time'>): string {
  const day = event.time.slice(0, 10);
  return `${event.action.startsWith('canary.') ? 'canary' : 'changes'}/${day}`;
}

const created = new WeakMap<AwsClientFactory, Set<string>>();

function alreadyExists(e: unknown): boolean {
  return isTrellisError(e) && e.awsCode === 'ResourceAlreadyExistsException';
}

/**
 * Creates the group and stream unless this process already did (an existing one is fine; a group deleted
 * meanwhile is created again).
 */
export async function ensureAuditStream(factory: AwsClientFactory, scope: AuditScope, stream: string): Promise<void> {
  const seen = created.get(factory) ?? new Set<string>();
  created.set(factory, seen);
  const client = factory.logs(scope);
  const groupKey = `${scope.accountId}|${scope.logGroupName}`;
  const streamKey = `${groupKey}|${stream}`;
  if (seen.has(streamKey)) return;
  const createGroup = () =>
    factory
      .call({ ...scope, operation: 'CreateLogGroup', resource: scope.logGroupName }, (abortSignal) =>
        client.send(new CreateLogGroupCommand({ logGroupName: scope.logGroupName }), { abortSignal }),
      )
      .catch((e: unknown) => {
        if (!alreadyExists(e)) throw e;
      });
  const createStream = () =>
    factory
      .call({ ...scope, operation: 'CreateLogStream', resource: `${scope.logGroupName}:${stream}` }, (abortSignal) =>
        client.send(new CreateLogStreamCommand({ logGroupName: scope.logGroupName, logStreamName: stream }), {
          abortSignal,
        }),
      )
      .catch((e: unknown) => {
        if (!alreadyExists(e)) throw e;
      });
  if (!seen.has(groupKey)) {
    await createGroup();
    seen.add(groupKey);
  }
  try {
    await createStream();
  } catch (e) {
    if (!(isTrellisError(e) && e.code === 'NOT_FOUND')) throw e;
    seen.clear();
    await createGroup();
    seen.add(groupKey);
    await createStream();
  }
  seen.add(streamKey);
}

/** Writes one event (recreating the group or stream once if it was deleted meanwhile). */
export async function writeAuditEvent(factory: AwsClientFactory, event: AuditEvent): Promise<void> {
  const scope = await auditScope(factory);
  const stream = streamFor(event);
  const client = factory.logs(scope);
  const put = async () => {
    await ensureAuditStream(factory, scope, stream);
    await factory.call({ ...scope, operation: 'PutLogEvents', resource: scope.logGroupName }, (abortSignal) =>
      client.send(
        new PutLogEventsCommand({
          logGroupName: scope.logGroupName,
          logStreamName: stream,
          logEvents: [{ timestamp: Date.parse(event.time), message: JSON.stringify(event) }],
        }),
        { abortSignal },
      ),
    );
  };
  try {
    await put();
  } catch (e) {
    if (!(isTrellisError(e) && e.code === 'NOT_FOUND')) throw e;
    created.get(factory)?.clear();
    await put();
  }
}

function isMissingGroup(e: unknown): boolean {
  return isTrellisError(e) && e.code === 'NOT_FOUND';
}

/** Events matching a filter in a window, newest first (none when the group does not exist yet). */
export async function queryAuditEvents(
  factory: AwsClientFactory,
  f: Pick<AuditFilter, 'user' | 'resource' | 'result'> & { id?: string },
  window: { startMs: number; endMs: number },
  limit = 200,
): Promise<AuditEvent[]> {
  const scope = await auditScope(factory);
  try {
    const r = await runQuery(
      {
        accountId: scope.accountId,
        region: scope.region,
        logGroupNames: [scope.logGroupName],
        query: auditQuery(f, limit),
        startMs: window.startMs,
        endMs: window.endMs,
        limit,
      },
      { pollMs: 200, maxWaitMs: 30_000 },
      factory,
    );
    return r.rows.map((row) => parseAuditEvent(row['@message'] ?? '')).filter((e): e is AuditEvent => e !== undefined);
  } catch (e) {
    if (isMissingGroup(e)) return [];
    throw e;
  }
}

/** Canary events since `startMs` (oldest first), read with FilterLogEvents on the `canary/` streams. */
export async function canaryEventsSince(factory: AwsClientFactory, startMs: number): Promise<AuditEvent[]> {
  const scope = await auditScope(factory);
  const client = factory.logs(scope);
  const out: AuditEvent[] = [];
  let nextToken: string | undefined;
  try {
    for (let page = 0; page < 100; page++) {
      const r = await factory.call(
        { ...scope, operation: 'FilterLogEvents', resource: scope.logGroupName },
        (abortSignal) =>
          client.send(
            new FilterLogEventsCommand({
              logGroupName: scope.logGroupName,
              logStreamNamePrefix: 'canary/',
              startTime: startMs,
              ...(nextToken ? { nextToken } : {}),
            }),
            { abortSignal },
          ),
      );
      for (const ev of r.events ?? []) {
        const parsed = parseAuditEvent(ev.message ?? '');
        if (parsed) out.push(parsed);
      }
      nextToken = r.nextToken;
      if (!nextToken) break;
    }
  } catch (e) {
    if (isMissingGroup(e)) return [];
    throw e;
  }
  return out;
}
