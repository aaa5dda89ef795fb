/**
 * `npm run bench -- logs [records]`: the emulator's Logs Insights engine over 1,000,000 seeded
 * access-log records spread over 3 hours, stored in the emulator's own CloudWatch Logs store
 * (LogsStore.appendRecords, columnar) — the same batches StartQuery reads. Times compileQuery + a
 * full execution (median of 5 runs after one warm-up) against the 1 s target, then the same query
 * end to end through the real SDK (StartQuery → GetQueryResults until Complete) on an in-process
 * emulator holding the group.
 */
import { CloudWatchLogsClient, GetQueryResultsCommand, StartQueryCommand } from '@aws-sdk/client-cloudwatch-logs';
import { ManualClock } from '../emulator/core/clock';
import { Rng } from '../emulator/core/rng';
import { compileQuery, startExecution } from '../emulator/logs/insights/index';
import { buildCatalog, generateRecord } from '../emulator/logs/insights/testing/accessLogs';
import type { AppendRecord, LogGroup } from '../emulator/logs/store';
import { querySource } from '../emulator/logs/store/batch';
import { STANDARD_ACCOUNTS } from '../emulator/scenarios/accounts';
import { startEmulator } from '../emulator/server';

const SPAN_MS = 3 * 3600_000;
const START_MS = Date.UTC(2026, 4, 1, 9);
const GROUP = '/aws/vpc-lattice/bench';
const ACCOUNT = '222222222222';
const QUERIES = [
  'stats count(*) by bin(1m), responseCode',
  'filter responseCode >= 500 | stats count(*) by targetGroupArn',
  'stats pct(duration, 99) by serviceArn',
];
/** Informational only (no target): regex filtering and non-aggregate top-N. */
const EXTRAS = [
  'filter requestPath =~ /\\/items\\/\\d+\\/stock$/ | stats count(*) by serviceArn',
  'filter responseCode = 503 | fields @timestamp, requestPath, duration | sort duration desc | limit 100',
  'fields @timestamp, @message | limit 20',
];

function fill(group: LogGroup, append: (g: LogGroup, stream: string, events: AppendRecord[]) => void, n: number): void {
  const catalog = buildCatalog(42);
  const rng = new Rng(42).fork('bench');
  let batch: AppendRecord[] = [];
  for (let i = 0; i < n; i++) {
    const t = START_MS + Math.floor((i * SPAN_MS) / n);
    batch.push({
      timestamp: t,
      ingestionTime: t,
      record: generateRecord(rng, catalog, t) as unknown as AppendRecord['record'],
    });
    if (batch.length === 5000) {
      append(group, `lattice/${((i / 5000) % 3) | 0}`, batch);
      batch = [];
    }
  }
  if (batch.length > 0) append(group, 'lattice/0', batch);
}

function timeQuery(text: string, group: LogGroup): { ms: number; rows: number; matched: number } {
  const t0 = performance.now();
  const run = startExecution(compileQuery(text), { startMs: START_MS, endMs: START_MS + SPAN_MS });
  for (const b of querySource([group], START_MS + SPAN_MS).batches(START_MS, START_MS + SPAN_MS)) run.consume(b);
  const rows = run.results().length;
  return { ms: performance.now() - t0, rows, matched: run.statistics().recordsMatched };
}

async function timeThroughSdk(url: string, text: string): Promise<number> {
  const hub = STANDARD_ACCOUNTS[1]!;
  const client = new CloudWatchLogsClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: hub.accessKeyId, secretAccessKey: hub.secretAccessKey },
  });
  const t0 = performance.now();
  const { queryId } = await client.send(
    new StartQueryCommand({
      logGroupName: GROUP,
      queryString: text,
      startTime: START_MS / 1000,
      endTime: (START_MS + SPAN_MS) / 1000,
    }),
  );
  for (;;) {
    const r = await client.send(new GetQueryResultsCommand({ queryId }));
    if (r.status === 'Complete') break;
    if (r.status !== 'Running' && r.status !== 'Scheduled') throw new Error(`query ended as ${r.status}`);
    await new Promise((res) => setTimeout(res, 10));
  }
  client.destroy();
  return performance.now() - t0;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;

export default async function logsBench(args: string[]): Promise<void> {
  const n = Number(args[0] ?? 1_000_000);
  const emu = await startEmulator({ port: 0, scenario: 'empty', clock: new ManualClock(START_MS + SPAN_MS + 60_000) });
  try {
    const logs = emu.state.logs;
    const group = logs.ensureGroup(ACCOUNT, 'us-east-1', GROUP, START_MS);
    const g0 = performance.now();
    fill(group, (g, s, e) => logs.appendRecords(g, s, e), n);
    process.stdout.write(
      `stored ${n} records over 3 h in the emulator's log store in ${((performance.now() - g0) / 1000).toFixed(1)} s\n`,
    );
    for (const q of [...QUERIES, ...EXTRAS]) {
      timeQuery(q, group);
      const runs = Array.from({ length: 5 }, () => timeQuery(q, group));
      const last = runs[runs.length - 1]!;
      const target = QUERIES.includes(q) ? ' (target < 1000 ms)' : ' (extra, no target)';
      process.stdout.write(
        `engine  ${q}: ${median(runs.map((r) => r.ms)).toFixed(0)} ms${target} ` +
          `[${last.rows} rows, ${last.matched} matched]\n`,
      );
    }
    const sdk: number[] = [];
    for (let i = 0; i < 3; i++) sdk.push(await timeThroughSdk(emu.url, QUERIES[0]!));
    process.stdout.write(
      `SDK end to end (StartQuery → Complete) ${QUERIES[0]}: ${median(sdk).toFixed(0)} ms (extra, no target)\n`,
    );
    const mem = process.memoryUsage();
    process.stdout.write(`heap used ${mb(mem.heapUsed)}, typed arrays ${mb(mem.arrayBuffers)}, rss ${mb(mem.rss)}\n`);
  } finally {
    await emu.close();
  }
}
