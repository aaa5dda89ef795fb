/**
 * `npm run bench -- logsStore [events]`: heap growth of the CloudWatch Logs store holding
 * 1,000,000 (or `events`) VPC Lattice access-log records appended through the traffic simulator's
 * API, plus append, full-scan and message-rebuild speed. Target: ≤ 300 MB heap growth.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Rng } from '../emulator/core/rng';
import { LogsStore, type AppendRecord } from '../emulator/logs/store';
import { ChunkEventView, matches, parseFilterPattern } from '../emulator/logs/filterPattern';
import { runQuery } from '../emulator/logs/insights';
import { querySource } from '../emulator/logs/store/batch';
import { scan } from '../emulator/logs/store/scan';

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

/** JS heap plus ArrayBuffer backing stores (typed arrays live outside `heapUsed`). */
function heapMb(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1024 / 1024;
}

/** Access-log records with the cardinalities of a busy service network. */
function* records(n: number, t0: number): Generator<AppendRecord> {
  const rng = new Rng(42);
  const pick = <T>(xs: readonly T[]): T => rng.pick(xs);
  const ids = (p: string, k: number) => Array.from({ length: k }, (_, i) => `${p}${String(i).padStart(17, '0')}`);
  const services = ids('svc-', 12);
  const tgs = ids('tg-', 20);
  const listeners = ids('listener-', 12);
  const vpcs = ids('vpc-', 5);
  const targets = Array.from({ length: 40 }, (_, i) => `10.1.${i >> 4}.${10 + (i & 15)}:8080`);
  const agents = ['curl/8.5.0', 'Go-http-client/2.0', 'okhttp/4.12.0', 'python-requests/2.31.0', 'Java/17.0.9'];
  const codes = [200, 200, 200, 200, 201, 204, 301, 400, 403, 404, 500, 503];
  for (let k = 0; k < n; k++) {
    const ts = t0 + k * 10;
    const svc = pick(services);
    const code = pick(codes);
    const denied = code === 403;
    const record = {
      startTime: `${new Date(ts).toISOString().slice(0, 19)}Z`,
      serviceNetworkArn: 'arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0',
      serviceArn: `arn:aws:vpc-lattice:us-east-1:222222222222:service/${svc}`,
      targetGroupArn: denied ? '-' : `arn:aws:vpc-lattice:us-east-1:222222222222:targetgroup/${pick(tgs)}`,
      listenerType: 'HTTPS',
      listenerId: pick(listeners),
      sourceVpcArn: `arn:aws:ec2:us-east-1:333333333333:vpc/${pick(vpcs)}`,
      sourceVpcId: pick(vpcs),
      destinationVpcId: vpcs[0] as string,
      sourceIpPort: `10.0.${rng.int(0, 255)}.${rng.int(1, 254)}:${rng.int(1024, 65535)}`,
      targetIpPort: denied ? '-' : pick(targets),
      requestMethod: pick(['GET', 'GET', 'POST', 'PUT', 'DELETE']),
      requestPath: `/v2/orders/${rng.int(1, 200_000)}`,
      protocol: pick(['HTTP/1.1', 'HTTP/2']),
      hostHeader: `${svc}.lattice.example.com`,
      serverNameIndication: `${svc}.lattice.example.com`,
      userAgent: pick(agents),
      responseCode: code,
      bytesReceived: rng.int(0, 4000),
      bytesSent: rng.int(0, 60_000),
      duration: rng.int(1, 2500),
      requestToTargetDuration: denied ? '-' : rng.int(0, 50),
      responseFromTargetDuration: denied ? '-' : rng.int(1, 2400),
      failureReason: denied ? 'ClientAccessDenied' : '-',
      resolvedUser: denied ? 'Anonymous' : `arn:aws:iam::333333333333:role/app-${rng.int(0, 7)}`,
      authDeniedReason: denied ? 'Service' : '-',
      callerPrincipal: denied ? '-' : `arn:aws:sts::333333333333:assumed-role/app-${rng.int(0, 7)}/session`,
      callerPrincipalOrgID: 'o-abc123def4',
      sslCipher: 'ECDHE-RSA-AES128-GCM-SHA256',
      tlsVersion: 'TLSv1.3',
      callerX509IssuerOU: '-',
      callerX509SubjectCN: '-',
      callerX509SANNameCN: '-',
      callerX509SANDNS: '-',
      callerX509SANURI: '-',
    };
    yield { timestamp: ts, ingestionTime: ts + 120_000, record };
  }
}

export default async function logsStoreBench(args: string[]): Promise<void> {
  const n = Number(args[0] ?? 1_000_000);
  const t0 = Date.UTC(2026, 0, 1);
  const store = new LogsStore();
  const before = heapMb();
  const group = store.ensureGroup('111111111111', 'us-east-1', '/aws/vpclattice/bench', t0);
  let messageBytes = 0;
  const started = performance.now();
  let batch: AppendRecord[] = [];
  for (const r of records(n, t0)) {
    batch.push(r);
    if (batch.length === 1000) {
      store.appendRecords(group, `stream-${batch.length % 4}`, batch);
      batch = [];
    }
  }
  if (batch.length > 0) store.appendRecords(group, 'stream-0', batch);
  const appendMs = performance.now() - started;
  messageBytes = group.storedBytes;
  const after = heapMb();
  const growth = after - before;
  let scanned = 0;
  let rebuilt = 0;
  const scanStart = performance.now();
  for (const b of querySource([group], Infinity).batches(-Infinity, Infinity)) {
    const code = b.field('responseCode');
    for (let i = 0; i < b.length; i++) if (code?.(i) === 403) scanned++;
  }
  const scanMs = performance.now() - scanStart;
  const rebuildStart = performance.now();
  for (const b of querySource([group], Infinity).batches(-Infinity, Infinity))
    for (let i = 0; i < b.length; i += 10) rebuilt += b.message(i).length > 0 ? 1 : 0;
  const rebuildMs = ((performance.now() - rebuildStart) / rebuilt) * 1e6;
  const queryStart = performance.now();
  const q = runQuery('filter responseCode >= 500 | stats count(*) as n by serviceArn', querySource([group], Infinity), {
    startMs: 0,
    endMs: Infinity,
  });
  const queryMs = performance.now() - queryStart;
  const filterStart = performance.now();
  const pattern = parseFilterPattern('{ $.responseCode = 403 && $.requestPath = "/v2/orders/1*" }');
  const view = new ChunkEventView(group.table);
  let filtered = 0;
  for (const p of scan([...group.streams.values()], {
    dir: 'asc',
    startMs: -Infinity,
    endMs: Infinity,
    now: Infinity,
    cutoff: -Infinity,
  }))
    if (matches(pattern, view.at(p.chunk, p.i))) filtered++;
  const filterMs = performance.now() - filterStart;
  const line = (k: string, v: string) => process.stdout.write(`${k.padEnd(28)} ${v}\n`);
  line('events', n.toLocaleString('en-US'));
  line('message bytes (raw)', `${(messageBytes / 1024 / 1024).toFixed(1)} MB`);
  line('heap + buffers growth', `${growth.toFixed(1)} MB (target ≤ 300 MB) ${growth <= 300 ? 'OK' : 'OVER'}`);
  line('rss', `${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
  line('bytes per event', (((growth * 1024 * 1024) / n) | 0).toString());
  line('append', `${((n / appendMs) * 1000).toFixed(0)} events/s`);
  line('scan one field (403s)', `${scanMs.toFixed(0)} ms, ${scanned} matches`);
  line('rebuild one message', `${(rebuildMs / 1000).toFixed(2)} µs`);
  line(
    'Insights stats query',
    `${queryMs.toFixed(0)} ms, ${q.results.length} rows, ${q.statistics.recordsScanned} scanned`,
  );
  line('filter pattern, all events', `${filterMs.toFixed(0)} ms, ${filtered} matches`);
}
