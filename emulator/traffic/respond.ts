/**
 * How a request ends: refused by auth, answered by a fixed-response rule, or sent to a target that
 * answers with a status from its mix (mostly 2xx, some 4xx, rare 5xx), fails (unhealthy targets,
 * injected errors), and takes a log-normal time with a long tail.
 */
import type { Rng } from '../core/rng';
import { logNormal } from './random';
import type { LatencySpec } from './types';
import { FAILURE, failureReasonOf, MISSING, TARGET_TIMEOUT_MS } from './vocabulary';

/** The response half of an access-log record. */
export interface Outcome {
  responseCode: number;
  targetGroupArn: string;
  targetIpPort: string;
  destinationVpcId: string;
  requestToTargetDuration: number | string;
  responseFromTargetDuration: number | string;
  duration: number;
  failureReason: string;
  bytesSent: number;
}

/** What a target's answer depends on. */
export interface TargetCall {
  targetGroupArn: string;
  targetIpPort: string;
  destinationVpcId: string;
  method: string;
  latency: LatencySpec;
  /** The target turned unhealthy (or Lattice failed open to it): the request fails. */
  failing: boolean;
  clientErrorRate: number;
  serverErrorRate: number;
  /** Active `target-errors` incidents on the group. */
  injected: Array<{ errorRate: number; statusCode: number }>;
  /** Extra latency of active `latency` incidents, ms. */
  extraMs: number;
}

const CLIENT_ERRORS = [400, 404, 404, 404, 409, 429];
const SERVER_ERRORS = [500, 500, 503];
const FAILING = [502, 502, 503, 504];

/** 403 from an auth policy: no target, nearly no time. */
export function deniedOutcome(rng: Rng): Outcome {
  return noTarget(rng, 403, FAILURE.accessDenied, MISSING, MISSING);
}

/** The status of a fixed-response rule. */
export function fixedOutcome(rng: Rng, status: number): Outcome {
  return noTarget(rng, status, MISSING, MISSING, MISSING);
}

/** 503 for a target group with no targets (or no weight). */
export function emptyGroupOutcome(rng: Rng, targetGroupArn: string, destinationVpcId: string): Outcome {
  return noTarget(rng, 503, FAILURE.unavailable, targetGroupArn, destinationVpcId);
}

function noTarget(
  rng: Rng,
  status: number,
  failureReason: string,
  targetGroupArn: string,
  destinationVpcId: string,
): Outcome {
  return {
    responseCode: status,
    targetGroupArn,
    targetIpPort: MISSING,
    destinationVpcId,
    requestToTargetDuration: MISSING,
    responseFromTargetDuration: MISSING,
    duration: rng.int(0, 2),
    failureReason,
    bytesSent: rng.int(110, 170),
  };
}

function okStatus(method: string, rng: Rng): number {
  if (method === 'POST') return rng.chance(0.6) ? 201 : 200;
  if (method === 'DELETE') return 204;
  return 200;
}

function chooseStatus(rng: Rng, c: TargetCall): number {
  const u = rng.next();
  if (c.failing) return rng.pick(FAILING);
  for (const inj of c.injected) if (rng.chance(inj.errorRate)) return inj.statusCode;
  if (u < c.serverErrorRate) return rng.pick(SERVER_ERRORS);
  if (u < c.serverErrorRate + c.clientErrorRate) return rng.pick(CLIENT_ERRORS);
  return okStatus(c.method, rng);
}

function outcome(
  c: TargetCall,
  status: number,
  toTarget: number,
  fromTarget: number | string,
  duration: number,
  failureReason: string,
  bytesSent: number,
): Outcome {
  // One literal per outcome: object spread costs microseconds per request here.
  return {
    responseCode: status,
    targetGroupArn: c.targetGroupArn,
    targetIpPort: c.targetIpPort,
    destinationVpcId: c.destinationVpcId,
    requestToTargetDuration: toTarget,
    responseFromTargetDuration: fromTarget,
    duration,
    failureReason,
    bytesSent,
  };
}

/** A target's answer. */
export function targetOutcome(rng: Rng, c: TargetCall): Outcome {
  const status = chooseStatus(rng, c);
  const toTarget = rng.int(0, 2);
  const overhead = rng.int(0, 2);
  // 502: connection refused or reset, no response from the target. 504: no answer in time.
  if (status === 502)
    return outcome(c, status, toTarget, MISSING, toTarget + rng.int(1, 5), FAILURE.connection, rng.int(90, 160));
  if (status === 504)
    return outcome(c, status, toTarget, MISSING, TARGET_TIMEOUT_MS + toTarget, FAILURE.timeout, rng.int(90, 160));
  const fast = status >= 500 && status !== 500;
  const latency = Math.max(
    1,
    Math.round(fast ? logNormal(rng, 4, 0.5) : logNormal(rng, c.latency.medianMs, c.latency.sigma)) + c.extraMs,
  );
  const bytesSent =
    status < 300
      ? status === 204
        ? rng.int(120, 200)
        : Math.round(200 + logNormal(rng, 1500, 0.9))
      : rng.int(90, 320);
  return outcome(c, status, toTarget, latency, toTarget + latency + overhead, failureReasonOf(status), bytesSent);
}
