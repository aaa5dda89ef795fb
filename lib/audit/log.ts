/**
 * The audit trail in CloudWatch Logs: one JSON event per attempted change, in the log group
 * `auditLogGroup` of the console's own (hub) account, always with the console's own credentials. The
 * group and the day's stream are created on first use. Routing changes go to `changes/<day>`, canary
 * transitions to `canary/<day>` (the canary runner finds active plans by that prefix). Listing uses Logs
 * Insights, so filtering happens in AWS.
 */
import 'server-only';
import { hubAccountId } from '../aws/accounts';
import type { AwsClientFactory } from '../aws/clientFactory';
import type { LogsGateway } from '../aws/logsGateway';
import { parseAuditEvent, type AuditEvent } from './event';
import { auditQuery, type AuditFilter } from './filter';
import { isTrellisError } from '../domain/errors';
import { runQuery } from '../logs/runner';

/** Where the audit log lives. */
export interface AuditScope {
  accountId: string;
  region: string;
  logGroupName: string;
}

/**
 * The hub account (the console's own) and the configured group name. Every audit call uses the console's own
 * credentials there (`access: 'hub'`), never a member or write role: the task role may always write and read
 * the audit group, whatever roles the accounts have.
 */
export async function auditScope(factory: AwsClientFactory): Promise<AuditScope> {
  const accountId = await hubAccountId(factory);
  return { accountId, region: factory.config.region, logGroupName: factory.config.auditLogGroup };
}

/** Stream of an event: `changes/2025-01-31` or `canary/2025-01-31` (UTC day of the event). */
export function streamFor(event: Pick<AuditEvent, 'action' | 'time'>): string {
  const day = event.time.slice(0, 10);
  return `${event.action.startsWith('canary.') ? 'canary' : 'changes'}/${day}`;
}

/** The groups and streams this process created (or found), per factory. */
function createdOf(factory: AwsClientFactory): Set<string> {
  return factory.state('audit.created', () => new Set<string>());
}

function logsOf(factory: AwsClientFactory, scope: AuditScope): LogsGateway {
  return factory.gateways.logs({ accountId: scope.accountId, region: scope.region, access: 'hub' });
}

function alreadyExists(e: unknown): boolean {
  return isTrellisError(e) && e.awsCode === 'ResourceAlreadyExistsException';
}

/**
 * Creates the group and stream unless this process already did (an existing one is fine; a group deleted
 * meanwhile is created again).
 */
export async function ensureAuditStream(factory: AwsClientFactory, scope: AuditScope, stream: string): Promise<void> {
  const seen = createdOf(factory);
  const logs = logsOf(factory, scope);
  const groupKey = `${scope.accountId}|${scope.logGroupName}`;
  const streamKey = `${groupKey}|${stream}`;
  if (seen.has(streamKey)) return;
  const exists = (e: unknown) => {
    if (!alreadyExists(e)) throw e;
  };
  const createGroup = () => logs.createLogGroup(scope.logGroupName).catch(exists);
  const createStream = () => logs.createLogStream(scope.logGroupName, stream).catch(exists);
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
  const put = async () => {
    await ensureAuditStream(factory, scope, stream);
    await logsOf(factory, scope).putLogEvents(scope.logGroupName, stream, [
      { timestamp: Date.parse(event.time), message: JSON.stringify(event) },
    ]);
  };
  try {
    await put();
  } catch (e) {
    if (!(isTrellisError(e) && e.code === 'NOT_FOUND')) throw e;
    createdOf(factory).clear();
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
        access: 'hub',
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
  try {
    const messages = await logsOf(factory, scope).filterLogEvents(scope.logGroupName, 'canary/', startMs);
    return messages.map(parseAuditEvent).filter((e): e is AuditEvent => e !== undefined);
  } catch (e) {
    if (isMissingGroup(e)) return [];
    throw e;
  }
}
