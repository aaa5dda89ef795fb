/**
 * Plain-data types of the traffic simulator: who calls (callers), what they send to which service
 * (profiles), the tunable settings, and the saved form. Everything is JSON, so a world with its
 * traffic saves and loads by copying.
 */

/** A client population: hosts in one VPC, signing as sessions of one IAM role or not signing at all. */
export interface CallerSpec {
  /** Name used by profiles (`checkout`, `legacy-probe`, ...). */
  id: string;
  /** The VPC the requests come from; it must be associated with a network the service is in. */
  vpcId: string;
  /** `arn:aws:iam::<acct>:role/<name>`; omitted for anonymous (unsigned) callers. */
  roleArn?: string;
  /** Session names of the role (ECS task ids, instance ids, ...); one is picked per request. */
  sessions?: string[];
  /** `callerPrincipalOrgID` of signed requests (AWS Organizations id), if the account is in one. */
  orgId?: string;
  /** First three octets of the client addresses, e.g. `10.3.12`. */
  subnet: string;
  /** How many client hosts the caller has (addresses `<subnet>.10` upwards). */
  hosts?: number;
  userAgents: string[];
}

/** One kind of request a profile sends. `{id}` in the path is replaced by a number. */
export interface RequestTemplate {
  weight: number;
  method: string;
  path: string;
  headers?: Record<string, string>;
  /** Listener protocol to use when the service has several listeners. */
  protocol?: 'HTTP' | 'HTTPS';
}

/** The traffic a service receives. */
export interface TrafficProfile {
  /** Service name (unique in the region) or ARN. */
  service: string;
  /** Requests per second before `rateMultiplier`. */
  rps: number;
  /** Caller ids with weights. */
  callers: Array<[string, number]>;
  requests: RequestTemplate[];
  /** Chance that a target answers 4xx / 5xx on its own (defaults 0.03 / 0.002). */
  clientErrorRate?: number;
  serverErrorRate?: number;
}

/** Response-time distribution of a target group: log-normal with this median and shape. */
export interface LatencySpec {
  medianMs: number;
  /** σ of ln(latency): 0.3 is tight, 1 has a long tail. */
  sigma: number;
}

/** Settings a test or the demo may change at run time. */
export interface TrafficSettings {
  /** No requests while paused (time still passes). */
  paused: boolean;
  /** ingestionTime = timestamp + lagMs (CloudWatch delivery lag; ~2 minutes on AWS). */
  lagMs: number;
  /** Scales every profile's rate (not the `rates` overrides). */
  rateMultiplier: number;
  /** Absolute rates by service name, overriding profile rate × multiplier. */
  rates: Record<string, number>;
  /** How long a target that turned unhealthy still gets requests (and fails them). */
  detectionWindowMs: number;
  /** Longest gap the simulator fills when the clock jumps; older seconds are skipped. */
  maxCatchUpMs: number;
  /** Latency by target-group name (others use defaults by target-group type). */
  latency: Record<string, LatencySpec>;
}

/** The simulator's defaults: real-service delivery lag, 1× rates. */
export const DEFAULT_SETTINGS: TrafficSettings = {
  paused: false,
  lagMs: 120_000,
  rateMultiplier: 1,
  rates: {},
  detectionWindowMs: 10_000,
  maxCatchUpMs: 3 * 3_600_000,
  latency: {},
};

/** Incident kinds of the control API. */
export type IncidentKind = 'target-errors' | 'auth-denials' | 'unhealthy-targets' | 'latency';

/** A forced target status that an `unhealthy-targets` incident replaced (restored when it ends). */
export interface ForcedTarget {
  targetId: string;
  port?: number;
  previousStatus?: string;
  previousReasonCode?: string;
}

/** An injected incident; active over [startedAt, endedAt ?? endsAt ?? ∞). */
export interface Incident {
  id: string;
  kind: IncidentKind;
  startedAt: number;
  /** Planned end (from durationMs). */
  endsAt?: number;
  /** Actual end (DELETE, or reached endsAt). */
  endedAt?: number;
  /** Whether the start/end effects have been applied to the world. */
  phase: 'scheduled' | 'active' | 'ended';
  targetGroupId?: string;
  targetGroupArn?: string;
  serviceId?: string;
  serviceArn?: string;
  /** target-errors */
  errorRate?: number;
  statusCode?: number;
  /** auth-denials: a role/session ARN, an account id, or `Anonymous`. */
  principal?: string;
  reason?: 'Service' | 'Network';
  /** auth-denials: extra requests per second from the principal, so the denials show. */
  rps?: number;
  /** unhealthy-targets */
  count?: number;
  forced?: ForcedTarget[];
  /** latency */
  ms?: number;
}

/** Counters of what the simulator did (for GET /_emulator/traffic and tests). */
export interface TrafficStats {
  requests: number;
  records: number;
  /** Requests whose caller VPC shares no network with the service. */
  unreachable: number;
  /** Records not delivered because the destination log group does not exist. */
  undelivered: number;
}

/** Saved form of the simulator. */
export interface TrafficJson {
  version: 1;
  settings: TrafficSettings;
  callers: CallerSpec[];
  profiles: TrafficProfile[];
  incidents: Incident[];
  nextIncident: number;
  generatedUntil: number;
  healthEpoch: number;
  /** When targets turned unhealthy, by `<tg id>|<target id>|<port>` (for the detection window). */
  unhealthySince?: Record<string, number>;
  stats: TrafficStats;
}
