/** Shared helpers of the CloudWatch Logs contract tests. */
import {
  CloudWatchLogsServiceException,
  PutLogEventsCommand,
  type CloudWatchLogsClient,
  type InputLogEvent,
} from '@aws-sdk/client-cloudwatch-logs';
import { ManualClock } from '../../core/clock';

/** A fixed start time for deterministic tests: 2026-01-10T00:00:00Z. */
export const T0 = Date.UTC(2026, 0, 10);

/** A manual clock at T0. */
export function manualClock(): ManualClock {
  return new ManualClock(T0);
}

/** The SDK exception a call fails with (fails the test if it succeeds or fails otherwise). */
export async function caught(p: Promise<unknown>): Promise<CloudWatchLogsServiceException> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CloudWatchLogsServiceException) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

/** PutLogEvents in batches of ≤ 10,000 (events must be in time order). */
export async function put(
  client: CloudWatchLogsClient,
  group: string,
  stream: string,
  events: InputLogEvent[],
): Promise<void> {
  for (let k = 0; k < events.length; k += 10_000) {
    await client.send(
      new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents: events.slice(k, k + 10_000) }),
    );
  }
}

/** A signed-looking raw request to the Logs API (the emulator reads only the SigV4 scope). */
export async function rawLogs(
  url: string,
  target: string | undefined,
  body: string,
  account = 'AKIATRELLISHUB000001',
): Promise<{ status: number; body: Record<string, unknown>; text: string }> {
  const headers: Record<string, string> = {
    authorization:
      `AWS4-HMAC-SHA256 Credential=${account}/20260101/us-east-1/logs/aws4_request, ` +
      'SignedHeaders=host, Signature=00',
    'content-type': 'application/x-amz-json-1.1',
  };
  if (target !== undefined) headers['x-amz-target'] = target;
  const res = await fetch(`${url}/`, { method: 'POST', headers, body });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    parsed = { unparsable: text };
  }
  return { status: res.status, body: parsed, text };
}
