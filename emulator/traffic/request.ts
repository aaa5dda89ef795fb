/**
 * Serves one simulated request against the world as it is at the request's time: the caller's VPC
 * reaches the service through a network; the network's and then the service's auth policy (when
 * their auth type is AWS_IAM) may refuse it; otherwise the listener's CURRENT rules pick an action
 * (`state.lattice.evaluate`), a forward action picks a target group by weight and the group a
 * target by health. The record goes to every access-log subscription of the network and the service.
 */
import { hashString, Rng } from '../core/rng';
import { ruleMatches } from '../lattice/ruleMatch';
import type { RuleAction, TargetGroupRecord, WeightedTargetGroup } from '../lattice/types';
import { evaluatePolicy, type AuthPrincipal, type AuthRequest } from './authPolicy';
import type { HealthTracker } from './health';
import { activeAt } from './incidents';
import type { Intent } from './intents';
import { callerPrincipal, principalMatches, principalOf } from './principals';
import { buildRecord, isoSecond } from './record';
import { deniedOutcome, emptyGroupOutcome, fixedOutcome, targetOutcome, type Outcome } from './respond';
import type { RecordSink } from './sink';
import type {
  CallerSpec,
  Incident,
  LatencySpec,
  RequestTemplate,
  TrafficProfile,
  TrafficSettings,
  TrafficStats,
} from './types';
import { ANONYMOUS, MISSING, TLS, type AccessLogRecord, type AuthDeniedReason } from './vocabulary';
import type { ServiceInfo, WorldView } from './world';

/** Everything serving a request needs. */
export interface ServeContext {
  view: WorldView;
  health: HealthTracker;
  settings: TrafficSettings;
  callers: readonly CallerSpec[];
  profiles: readonly TrafficProfile[];
  /** Incidents overlapping the second being served. */
  incidents: readonly Incident[];
  sink: RecordSink;
  stats: TrafficStats;
}

const DEFAULT_LATENCY: Record<TargetGroupRecord['type'], LatencySpec> = {
  IP: { medianMs: 25, sigma: 0.6 },
  INSTANCE: { medianMs: 35, sigma: 0.7 },
  LAMBDA: { medianMs: 45, sigma: 0.9 },
  ALB: { medianMs: 30, sigma: 0.6 },
};
const NO_HEADERS: Record<string, string> = {};
const GET_ROOT: RequestTemplate = { weight: 1, method: 'GET', path: '/' };

function injectedCaller(inc: Incident, view: WorldView, service: ServiceInfo): CallerSpec | undefined {
  const p = principalOf(inc.principal ?? ANONYMOUS);
  const vpcId = view.anyVpcFor(service.record, p?.accountId);
  if (!vpcId) return undefined;
  const roleArn = p?.roleArn;
  return {
    id: `incident-${inc.id}`,
    vpcId,
    ...(roleArn ? { roleArn, sessions: [p.arn.split('/').pop() as string] } : {}),
    subnet: '10.250.0',
    hosts: 4,
    userAgents: ['aws-sdk-java/2.25.16'],
  };
}

function targetAddress(tg: TargetGroupRecord, id: string, port: number | undefined): string {
  if (tg.type === 'LAMBDA') return MISSING;
  const p = port ?? tg.config.port ?? 80;
  if (tg.type === 'IP') return `${id}:${p}`;
  // Instances and ALBs are named, not addressed: give each a stable private address.
  const h = hashString(id);
  return `10.${(h >>> 16) & 255}.${(h >>> 8) & 255}.${(h & 127) + 10}:${p}`;
}

/** A target group of a forward action, chosen with probability weight / sum of weights. */
function pickTargetGroup(rng: Rng, groups: readonly WeightedTargetGroup[]): string | undefined {
  let sum = 0;
  for (const g of groups) sum += g.weight;
  if (sum <= 0) return undefined;
  let x = rng.next() * sum;
  for (const g of groups) {
    if (g.weight <= 0) continue;
    x -= g.weight;
    if (x < 0) return g.targetGroupIdentifier;
  }
  return [...groups].reverse().find((g) => g.weight > 0)?.targetGroupIdentifier;
}

function forward(
  rng: Rng,
  ctx: ServeContext,
  action: RuleAction,
  t: number,
  method: string,
  profile: TrafficProfile | undefined,
): Outcome {
  const tgId = pickTargetGroup(rng, action.forward?.targetGroups ?? []);
  const tg = tgId === undefined ? undefined : ctx.view.targetGroup(tgId);
  if (!tg) return emptyGroupOutcome(rng, MISSING, MISSING);
  const vpc = tg.config.vpcIdentifier ?? MISSING;
  const pick = ctx.health.pick(tg.id, t, rng);
  if (!pick) return emptyGroupOutcome(rng, tg.arn, vpc);
  const injected: Array<{ errorRate: number; statusCode: number }> = [];
  let extraMs = 0;
  for (const inc of ctx.incidents) {
    if (inc.targetGroupId !== tg.id || !activeAt(inc, t)) continue;
    if (inc.kind === 'target-errors')
      injected.push({ errorRate: inc.errorRate ?? 1, statusCode: inc.statusCode ?? 503 });
    if (inc.kind === 'latency') extraMs += inc.ms ?? 0;
  }
  return targetOutcome(rng, {
    targetGroupArn: tg.arn,
    targetIpPort: targetAddress(tg, pick.target.id, pick.target.port),
    destinationVpcId: vpc,
    method,
    latency: ctx.settings.latency[tg.name] ?? DEFAULT_LATENCY[tg.type],
    failing: pick.failing,
    clientErrorRate: profile?.clientErrorRate ?? 0.03,
    serverErrorRate: profile?.serverErrorRate ?? 0.002,
    injected,
    extraMs,
  });
}

function forcedDenial(
  ctx: ServeContext,
  service: ServiceInfo,
  t: number,
  p: AuthPrincipal | undefined,
): AuthDeniedReason | undefined {
  for (const inc of ctx.incidents) {
    if (
      inc.kind === 'auth-denials' &&
      inc.serviceId === service.record.id &&
      activeAt(inc, t) &&
      principalMatches(inc.principal ?? ANONYMOUS, p)
    )
      return inc.reason ?? 'Service';
  }
  return undefined;
}

function deliver(ctx: ServeContext, resourceArn: string, t: number, ingestion: number, record: AccessLogRecord): void {
  const d = ctx.view.destinations(resourceArn);
  ctx.stats.undelivered += d.missing;
  for (const dest of d.found) {
    ctx.sink.add(dest, t, ingestion, record);
    ctx.stats.records++;
  }
}

/** Serves one request and queues its records; counts what could not be served or delivered. */
export function serve(ctx: ServeContext, intent: Intent): void {
  const rng = new Rng(intent.key);
  const { t } = intent;
  let profile: TrafficProfile | undefined;
  let service: ServiceInfo | undefined;
  let caller: CallerSpec | undefined;
  let template: RequestTemplate | undefined;
  if (intent.incident) {
    const inc = ctx.incidents.find((i) => i.id === intent.incident);
    if (!inc || !activeAt(inc, t) || !inc.serviceArn) return;
    service = ctx.view.service(inc.serviceArn);
    profile = service
      ? ctx.profiles.find((p) => ctx.view.service(p.service)?.record.id === service?.record.id)
      : undefined;
    template = profile ? profile.requests[Math.floor(rng.next() * profile.requests.length)] : GET_ROOT;
    caller = service ? injectedCaller(inc, ctx.view, service) : undefined;
  } else {
    profile = ctx.profiles[intent.profile];
    service = profile ? ctx.view.service(profile.service) : undefined;
    template = profile?.requests[intent.template];
    caller = ctx.callers[intent.caller];
  }
  ctx.stats.requests++;
  const network = service && caller ? ctx.view.route(caller.vpcId, service.record) : undefined;
  const listener =
    service?.listeners.find((l) => !template?.protocol || l.listener.protocol === template.protocol) ??
    service?.listeners[0];
  if (!service || !caller || !template || !network || !listener) {
    ctx.stats.unreachable++;
    return;
  }
  const path = template.path.replace('{id}', String(rng.int(1, 5000)));
  const principal = callerPrincipal(caller, rng);
  const svc = service.record;
  let denied: AuthDeniedReason | undefined;
  if (network.authType === 'AWS_IAM' || svc.authType === 'AWS_IAM') {
    const context = {
      serviceNetworkArn: network.record.arn,
      serviceArn: svc.arn,
      sourceVpc: caller.vpcId,
      sourceVpcOwnerAccount: network.vpcOwner,
      requestMethod: template.method,
      requestPath: path,
    };
    const authReq: AuthRequest = { principal, action: 'vpc-lattice-svcs:Invoke', resource: svc.arn + path, context };
    if (network.authType === 'AWS_IAM' && (!network.policy || evaluatePolicy(network.policy, authReq) !== 'Allow'))
      denied = 'Network';
    else if (svc.authType === 'AWS_IAM' && (!service.policy || evaluatePolicy(service.policy, authReq) !== 'Allow'))
      denied = 'Service';
  }
  if (ctx.incidents.length > 0) denied ??= forcedDenial(ctx, service, t, principal);
  const authOn = network.authType === 'AWS_IAM' || svc.authType === 'AWS_IAM' || denied !== undefined;
  let outcome: Outcome;
  if (denied) outcome = deniedOutcome(rng);
  else {
    // `lattice.evaluate` semantics (first matching rule by priority, else the default rule), with the
    // store's own matcher over the rules this sync read in evaluation order (no sort per request).
    const facts = { method: template.method, path, headers: template.headers ?? NO_HEADERS };
    const rule = listener.rules.find((r) => r.isDefault || ruleMatches(r.match, facts));
    const action = rule?.action ?? listener.defaultAction;
    outcome = action.fixedResponse
      ? fixedOutcome(rng, action.fixedResponse.statusCode)
      : forward(rng, ctx, action, t, template.method, profile);
  }
  const https = listener.listener.protocol === 'HTTPS';
  const record = buildRecord(
    {
      startTime: isoSecond(t),
      serviceNetworkArn: network.record.arn,
      serviceArn: svc.arn,
      listenerType: listener.listener.protocol,
      listenerId: listener.listener.id,
      sourceVpcArn: network.sourceVpcArn,
      sourceVpcId: caller.vpcId,
      sourceIpPort: `${caller.subnet}.${10 + rng.int(0, Math.max(1, caller.hosts ?? 8) - 1)}:${rng.int(32768, 60999)}`,
      requestMethod: template.method,
      requestPath: path,
      protocol: https && rng.chance(0.5) ? 'HTTP/2.0' : 'HTTP/1.1',
      hostHeader: svc.customDomainName ?? svc.dnsEntry.domainName,
      https,
      tlsVersion: rng.pick(TLS.versions),
      sslCipher: TLS.cipher,
      userAgent: caller.userAgents.length ? rng.pick(caller.userAgents) : MISSING,
      bytesReceived: template.method === 'GET' || template.method === 'DELETE' ? rng.int(180, 700) : rng.int(400, 4000),
      resolvedUser: authOn ? (principal?.arn ?? ANONYMOUS) : MISSING,
      authDeniedReason: denied ?? MISSING,
      callerPrincipal: authOn && principal ? principal.arn : MISSING,
      callerPrincipalOrgID: authOn && principal?.orgId ? principal.orgId : MISSING,
    },
    outcome,
  );
  const ingestion = t + ctx.settings.lagMs;
  deliver(ctx, network.record.arn, t, ingestion, record);
  deliver(ctx, svc.arn, t, ingestion, record);
}
