/**
 * Control route for benchmarks and UI work at volume: `POST /_emulator/bench/access-logs` fills a log
 * group with `count` access-log records (ARCHITECTURE §3) of one service, spread evenly over
 * `spanMs` ending at `endMs` (default: now), written with the store's fast append API. Records
 * name the service's real network, target groups and associated VPCs, so the console resolves them.
 * Deterministic under the world's seed.
 */
import { z } from 'zod';
import type { Rng } from '../core/rng';
import type { RecordValue } from '../logs/store';
import type { EmulatorState } from '../state';
import { ControlError, ok, parseBody, type ControlRoute } from './router';

const body = z.object({
  /** Service name or ARN. */
  service: z.string().min(1),
  count: z.number().int().min(1).max(5_000_000),
  spanMs: z
    .number()
    .int()
    .min(1000)
    .max(31 * 86_400_000)
    .default(3 * 3_600_000),
  endMs: z.number().int().nonnegative().optional(),
  /** Destination log group ARN; default: the service's own subscription, else its first network's. */
  logGroupArn: z.string().optional(),
  /** Share of denied (403) and failing (5xx) requests. */
  denyRate: z.number().min(0).max(1).default(0.03),
  errorRate: z.number().min(0).max(1).default(0.04),
});

const PATHS = [
  '/api/v1/orders',
  '/api/v1/orders/{id}',
  '/api/v1/payments',
  '/health',
  '/v2/search',
  '/login',
  '/api/v1/items/{id}/stock',
];
const AGENTS = ['curl/8.4.0', 'Go-http-client/1.1', 'aws-sdk-js/3.600.0', 'okhttp/4.12.0', 'python-requests/2.32.3'];
const METHODS = ['GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE'];
const OK_CODES = [200, 200, 200, 200, 201, 204, 301, 304, 400, 404];

interface Catalog {
  serviceArn: string;
  networkArn: string;
  host: string;
  targetGroups: string[];
  vpcs: string[];
  principals: string[];
}

function catalogOf(state: EmulatorState, service: string): { catalog: Catalog; destinations: string[] } {
  const view = state.lattice.serviceViews().find((v) => v.service.arn === service || v.service.name === service);
  if (!view) throw new ControlError(404, `no service '${service}'`);
  const tgIds = new Set<string>();
  for (const l of state.lattice.listenerViews(view.service.id)) {
    for (const a of [l.defaultAction, ...l.rules.map((r) => r.action)])
      for (const t of a.forward?.targetGroups ?? []) tgIds.add(t.targetGroupIdentifier);
  }
  const targetGroups = [...tgIds]
    .map((id) => state.lattice.targetGroup(id)?.arn ?? state.lattice.byArn(id)?.record.arn)
    .filter((a): a is string => a !== undefined);
  const nets = state.lattice.networkViews().filter((n) => view.networks.some((x) => x.id === n.network.id));
  const vpcs = nets.flatMap((n) => n.vpcAssociations.map((v) => v.vpcId));
  const destinations = [view.service.arn, ...view.networks.map((n) => n.arn)]
    .flatMap((arn) => state.lattice.accessLogSubscriptionsOf(arn).map((s) => s.destinationArn))
    .filter((d) => d.includes(':logs:'));
  const accounts = ['111111111111', '222222222222', '333333333333'];
  return {
    catalog: {
      serviceArn: view.service.arn,
      networkArn: view.networks[0]?.arn ?? '-',
      host: view.service.dnsEntry.domainName,
      targetGroups: targetGroups.length > 0 ? targetGroups : ['-'],
      vpcs: vpcs.length > 0 ? vpcs : ['vpc-00000000000000000'],
      principals: ['checkout', 'batch-worker', 'reporting'].map((r, i) => `arn:aws:iam::${accounts[i]}:role/${r}`),
    },
    destinations,
  };
}

function record(rng: Rng, c: Catalog, t: number, denyRate: number, errorRate: number): Record<string, RecordValue> {
  const denied = rng.chance(denyRate);
  const failed = !denied && rng.chance(errorRate);
  const code = denied ? 403 : failed ? rng.pick([500, 502, 503, 504]) : rng.pick(OK_CODES);
  const toTarget = denied ? 0 : rng.int(1, 40);
  const fromTarget = denied ? 0 : rng.int(1, failed ? 3000 : 400);
  const duration = denied ? rng.int(0, 3) : toTarget + fromTarget + rng.int(0, 5);
  const user = denied ? 'Anonymous' : rng.pick(c.principals);
  const vpc = rng.pick(c.vpcs);
  return {
    startTime: new Date(t - duration).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    serviceNetworkArn: c.networkArn,
    serviceArn: c.serviceArn,
    targetGroupArn: denied ? '-' : rng.pick(c.targetGroups),
    listenerType: 'HTTPS',
    listenerId: '-',
    sourceVpcArn: `arn:aws:ec2:us-east-1:222222222222:vpc/${vpc}`,
    sourceVpcId: vpc,
    destinationVpcId: '-',
    sourceIpPort: `10.${rng.int(0, 3)}.${rng.int(0, 255)}.${rng.int(1, 254)}:${rng.int(32768, 60999)}`,
    targetIpPort: denied ? '-' : `10.20.${rng.int(0, 15)}.${rng.int(1, 254)}:8080`,
    requestMethod: rng.pick(METHODS),
    requestPath: rng.pick(PATHS).replace('{id}', String(rng.int(1, 5000))),
    protocol: 'HTTP/1.1',
    hostHeader: c.host,
    serverNameIndication: c.host,
    userAgent: rng.pick(AGENTS),
    responseCode: code,
    bytesReceived: rng.int(0, 2048),
    bytesSent: denied ? 0 : rng.int(50, 65536),
    duration,
    requestToTargetDuration: denied ? '-' : toTarget,
    responseFromTargetDuration: denied ? '-' : fromTarget,
    failureReason: denied ? 'ClientAccessDenied' : failed ? rng.pick(['TargetConnectionError', 'RequestTimeout']) : '-',
    resolvedUser: user,
    authDeniedReason: denied ? 'Service' : '-',
    callerPrincipal: denied ? '-' : user,
    callerPrincipalOrgID: '-',
    sslCipher: 'ECDHE-RSA-AES128-GCM-SHA256',
    tlsVersion: 'TLSv1.3',
    callerX509IssuerOU: '-',
    callerX509SubjectCN: '-',
    callerX509SANNameCN: '-',
    callerX509SANDNS: '-',
    callerX509SANURI: '-',
  };
}

export const benchRoutes: ControlRoute[] = [
  {
    method: 'POST',
    path: '/bench/access-logs',
    handle: (host, raw) => {
      const b = parseBody(body, raw);
      const state = host.state;
      const { catalog, destinations } = catalogOf(state, b.service);
      const arn = b.logGroupArn ?? destinations[0];
      if (!arn)
        throw new ControlError(
          400,
          `service '${b.service}' and its networks have no access-log subscription to CloudWatch Logs; ` +
            'pass logGroupArn',
        );
      const ref = /^arn:aws[a-z-]*:logs:([a-z0-9-]+):(\d{12}):log-group:([^:]+)(:\*)?$/.exec(arn);
      if (!ref) throw new ControlError(400, `not a log group ARN: ${arn}`);
      const now = state.clock.now();
      const endMs = b.endMs ?? now;
      const group = state.logs.ensureGroup(ref[2]!, ref[1]!, ref[3]!, Math.min(now, endMs - b.spanMs));
      const rng = state.rng.fork(`bench:${catalog.serviceArn}:${b.count}:${endMs}`);
      const step = b.spanMs / b.count;
      const CHUNK = 10_000;
      for (let k = 0; k < b.count; k += CHUNK) {
        const events = [];
        for (let i = k; i < Math.min(b.count, k + CHUNK); i++) {
          const t = Math.floor(endMs - b.spanMs + i * step);
          events.push({ timestamp: t, ingestionTime: t, record: record(rng, catalog, t, b.denyRate, b.errorRate) });
        }
        state.logs.appendRecords(group, 'bench', events);
      }
      return ok({ logGroupArn: arn, appended: b.count, fromMs: endMs - b.spanMs, toMs: endMs });
    },
  },
];
