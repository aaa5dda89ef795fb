/**
 * Seeded synthetic VPC Lattice access-log records (ARCHITECTURE §3) for the engine's tests and
 * benchmark: realistic field values, `"-"` for absent values, numbers as JSON numbers, and a few
 * records with fields left out entirely.
 */
import { Rng } from '../../../core/rng';

/** One access-log record as written to CloudWatch (before JSON encoding). */
export type AccessLogRecord = Record<string, string | number>;

const REGION = 'us-east-1';
const HUB = '111111111111';
const APP_ACCOUNTS = ['222222222222', '333333333333'];
const id17 = (rng: Rng): string => rng.chars(17);

/** Stable catalog of the resources records refer to (derived from the seed). */
export interface Catalog {
  serviceNetworkArn: string;
  services: { arn: string; host: string; listenerId: string; targetGroups: string[] }[];
  vpcs: { id: string; arn: string }[];
  principals: string[];
}

/** Builds the resource catalog for a seed: 8 services with 1–3 target groups each, 5 client VPCs. */
export function buildCatalog(seed: number): Catalog {
  const rng = new Rng(seed).fork('catalog');
  const names = ['payments', 'orders', 'checkout', 'inventory', 'search', 'profile', 'ledger', 'shipping'];
  const services = names.map((name) => {
    const account = rng.pick(APP_ACCOUNTS);
    const svc = `svc-${id17(rng)}`;
    const tgCount = rng.int(1, 3);
    return {
      arn: `arn:aws:vpc-lattice:${REGION}:${account}:service/${svc}`,
      host: `${name}.example.internal`,
      listenerId: `listener-${id17(rng)}`,
      targetGroups: Array.from(
        { length: tgCount },
        () => `arn:aws:vpc-lattice:${REGION}:${account}:targetgroup/tg-${id17(rng)}`,
      ),
    };
  });
  const vpcs = Array.from({ length: 5 }, () => {
    const account = rng.pick(APP_ACCOUNTS);
    const id = `vpc-${rng.chars(17, '0123456789abcdef')}`;
    return { id, arn: `arn:aws:ec2:${REGION}:${account}:vpc/${id}` };
  });
  const principals = ['checkout-api', 'batch-worker', 'reporting', 'admin'].map(
    (r) => `arn:aws:iam::${rng.pick(APP_ACCOUNTS)}:role/${r}`,
  );
  return {
    serviceNetworkArn: `arn:aws:vpc-lattice:${REGION}:${HUB}:servicenetwork/sn-${id17(rng)}`,
    services,
    vpcs,
    principals,
  };
}

const PATHS = [
  '/api/v1/orders',
  '/api/v1/orders/{id}',
  '/api/v1/payments',
  '/health',
  '/api/v2/search',
  '/login',
  '/api/v1/items/{id}/stock',
];
const AGENTS = ['curl/8.4.0', 'Go-http-client/1.1', 'aws-sdk-js/3.600.0', 'okhttp/4.12.0', 'python-requests/2.32.3'];
const METHODS = ['GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE'];
const OK_CODES = [200, 200, 200, 200, 201, 204, 301, 304, 400, 404];
const ERROR_CODES = [500, 502, 503, 504];

/** Generates one record at `timeMs` using `rng`; `denyRate`/`errorRate` shape the incident mix. */
export function generateRecord(
  rng: Rng,
  catalog: Catalog,
  timeMs: number,
  errorRate = 0.04,
  denyRate = 0.03,
): AccessLogRecord {
  const svc = rng.pick(catalog.services);
  const vpc = rng.pick(catalog.vpcs);
  const dest = rng.pick(catalog.vpcs);
  const https = rng.chance(0.7);
  const denied = rng.chance(denyRate);
  const failed = !denied && rng.chance(errorRate);
  const responseCode = denied ? 403 : failed ? rng.pick(ERROR_CODES) : rng.pick(OK_CODES);
  const toTarget = denied ? '-' : rng.int(1, 40);
  const fromTarget = denied ? '-' : rng.int(1, failed ? 3000 : 400);
  const duration = denied ? rng.int(0, 3) : (toTarget as number) + (fromTarget as number) + rng.int(0, 5);
  const authenticated = !denied && rng.chance(0.8);
  const path = rng.pick(PATHS).replace('{id}', String(rng.int(1, 5000)));
  const rec: AccessLogRecord = {
    startTime: new Date(timeMs - duration).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    serviceNetworkArn: catalog.serviceNetworkArn,
    serviceArn: svc.arn,
    targetGroupArn: denied ? '-' : rng.pick(svc.targetGroups),
    listenerType: https ? 'HTTPS' : 'HTTP',
    listenerId: svc.listenerId,
    sourceVpcArn: vpc.arn,
    sourceVpcId: vpc.id,
    destinationVpcId: dest.id,
    sourceIpPort: `10.${rng.int(0, 3)}.${rng.int(0, 255)}.${rng.int(1, 254)}:${rng.int(32768, 60999)}`,
    targetIpPort: denied ? '-' : `10.20.${rng.int(0, 15)}.${rng.int(1, 254)}:8080`,
    requestMethod: rng.pick(METHODS),
    requestPath: path,
    protocol: https && rng.chance(0.5) ? 'HTTP/2.0' : 'HTTP/1.1',
    hostHeader: svc.host,
    serverNameIndication: https ? svc.host : '-',
    userAgent: rng.pick(AGENTS),
    responseCode,
    bytesReceived: rng.int(0, 2048),
    bytesSent: denied ? 0 : rng.int(50, 65536),
    duration,
    requestToTargetDuration: toTarget,
    responseFromTargetDuration: fromTarget,
    failureReason: denied
      ? 'ClientAccessDenied'
      : failed && responseCode === 504
        ? 'RequestTimeout'
        : failed && rng.chance(0.5)
          ? 'TargetConnectionError'
          : '-',
    resolvedUser: denied ? 'Anonymous' : authenticated ? rng.pick(catalog.principals) : '-',
    authDeniedReason: denied ? rng.pick(['Service', 'Network', 'Identity']) : '-',
    callerPrincipal: authenticated ? rng.pick(catalog.principals) : '-',
    callerPrincipalOrgID: authenticated ? 'o-a1b2c3d4e5' : '-',
    sslCipher: https ? 'ECDHE-RSA-AES128-GCM-SHA256' : '-',
    tlsVersion: https ? rng.pick(['TLSv1.2', 'TLSv1.3']) : '-',
    callerX509IssuerOU: '-',
    callerX509SubjectCN: '-',
    callerX509SANNameCN: '-',
    callerX509SANDNS: '-',
    callerX509SANURI: '-',
  };
  // A few records without some fields, so that missing values are exercised.
  if (rng.chance(0.02)) delete rec.duration;
  if (rng.chance(0.02)) delete rec.userAgent;
  if (rng.chance(0.005)) rec.responseCode = '-';
  return rec;
}

/** An event of the fixture: the record, its timestamp and stream. */
export interface FixtureEvent {
  timestamp: number;
  logStream: string;
  record: AccessLogRecord;
}

/** `count` events from `startMs`, time-ordered, spread over `spanMs` (some share a timestamp). */
export function generateEvents(seed: number, count: number, startMs: number, spanMs: number): FixtureEvent[] {
  const catalog = buildCatalog(seed);
  const rng = new Rng(seed).fork('events');
  const events: FixtureEvent[] = [];
  const step = spanMs / count;
  let t = startMs;
  for (let k = 0; k < count; k++) {
    if (!rng.chance(0.1)) t = Math.min(startMs + spanMs - 1, t + Math.max(1, Math.round(rng.next() * 2 * step)));
    events.push({ timestamp: t, logStream: `lattice/${rng.int(1, 3)}`, record: generateRecord(rng, catalog, t) });
  }
  return events;
}
