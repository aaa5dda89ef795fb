/** Shared helpers of the traffic contract tests: a demo world on a manual clock, log reads through the SDK. */
import {
  FilterLogEventsCommand,
  GetQueryResultsCommand,
  StartQueryCommand,
  type CloudWatchLogsClient,
} from '@aws-sdk/client-cloudwatch-logs';
import { createHash } from 'node:crypto';
import { ManualClock } from '../../core/clock';
import { startHarness, type Harness } from '../harness';

/** 2026-01-10T00:00:00Z: a whole second, so clock advances in whole seconds stay aligned. */
export const T0 = Date.UTC(2026, 0, 10);

/** Log groups of the demo's access-log subscriptions (name, owner account index in the harness). */
export const GROUPS = {
  mesh: { name: '/aws/vpc-lattice/prod-mesh', account: 0 },
  shared: { name: '/aws/vpc-lattice/shared-services', account: 0 },
  paymentsApi: { name: '/aws/vpc-lattice/payments-api', account: 1 },
  refunds: { name: '/aws/vpc-lattice/refunds', account: 1 },
  checkout: { name: '/aws/vpc-lattice/checkout', account: 2 },
} as const;

/** A demo world on a manual clock at T0 (no backfill unless asked; lag 0 unless asked). */
export async function demoHarness(
  opts: { seed?: number; backfillMinutes?: number; lagMs?: number } = {},
): Promise<{ h: Harness; clock: ManualClock }> {
  const clock = new ManualClock(T0);
  const h = await startHarness({
    scenario: 'demo',
    seed: opts.seed ?? 1,
    clock,
    params: { backfillMinutes: opts.backfillMinutes ?? 0, lagMs: opts.lagMs ?? 0 },
  });
  return { h, clock };
}

/** Calls the control API and fails the test on a non-2xx answer. */
export async function control<T = Record<string, unknown>>(
  h: Harness,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await h.control(method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** Moves the manual clock through the control API (which syncs the world first). */
export async function advance(h: Harness, ms: number): Promise<void> {
  await control(h, 'POST', '/clock', { advanceMs: ms });
}

/** One event of a log group, with its parsed record. */
export interface LogRecord {
  timestamp: number;
  ingestionTime: number;
  stream: string;
  message: string;
  record: Record<string, string | number>;
}

/** Every event of a group in [startMs, endMs), through FilterLogEvents (all pages). */
export async function readGroup(
  logs: CloudWatchLogsClient,
  group: string,
  startMs = 0,
  endMs = 4_102_444_800_000,
  filterPattern?: string,
): Promise<LogRecord[]> {
  const out: LogRecord[] = [];
  let nextToken: string | undefined;
  do {
    const page = await logs.send(
      new FilterLogEventsCommand({
        logGroupName: group,
        startTime: startMs,
        endTime: endMs - 1,
        nextToken,
        ...(filterPattern ? { filterPattern } : {}),
      }),
    );
    for (const e of page.events ?? []) {
      out.push({
        timestamp: e.timestamp!,
        ingestionTime: e.ingestionTime!,
        stream: e.logStreamName!,
        message: e.message!,
        record: JSON.parse(e.message!) as Record<string, string | number>,
      });
    }
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}

/** SHA-256 of a group's events (timestamp, stream, message), in the order FilterLogEvents gives. */
export function hashOf(events: readonly LogRecord[]): string {
  const h = createHash('sha256');
  for (const e of events) h.update(`${e.timestamp}|${e.ingestionTime}|${e.stream}|${e.message}\n`);
  return h.digest('hex');
}

/** Runs a Logs Insights query to completion (times in ms, whole seconds) and returns rows as objects. */
export async function insights(
  logs: CloudWatchLogsClient,
  groups: string[],
  query: string,
  startMs: number,
  endMs: number,
): Promise<Array<Record<string, string>>> {
  const { queryId } = await logs.send(
    new StartQueryCommand({
      logGroupNames: groups,
      queryString: query,
      startTime: Math.floor(startMs / 1000),
      endTime: Math.floor(endMs / 1000) - 1,
    }),
  );
  for (let i = 0; i < 5000; i++) {
    const out = await logs.send(new GetQueryResultsCommand({ queryId }));
    if (out.status === 'Complete')
      return (out.results ?? []).map((row) => Object.fromEntries(row.map((f) => [f.field!, f.value!])));
    if (out.status !== 'Scheduled' && out.status !== 'Running') throw new Error(`query ended ${out.status}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('query did not finish');
}

/** Counts records by a key. */
export function countBy<T>(items: readonly T[], key: (t: T) => string | number): Map<string | number, number> {
  const m = new Map<string | number, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return m;
}
