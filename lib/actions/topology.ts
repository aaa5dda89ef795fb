'use server';
/**
 * Server actions of the topology: the traffic overlay (one Logs Insights query per account and
 * region over the access-log groups) and the auth policy of a selected service or network.
 */
import { z } from 'zod';
import { parseLatticeArn } from '../domain/arn';
import type { Result } from '../domain/result';
import { TRAFFIC_WINDOWS, type TrafficOverlay, type TrafficWindow } from '../graph/traffic';
import { getSnapshot, watchTargetGroups } from '../inventory';
import { readAuthPolicy, type AuthPolicyView } from '../topology/authPolicy';
import { readHealthCheck, type HealthCheckReport } from '../topology/healthCheck';
import { trafficOverlay } from '../topology/traffic';
import { runAction } from './run';

/** A service with more target groups than this is watched by its first ones (a panel shows no more at once). */
const MAX_WATCHED_PER_CALL = 50;

const windows = Object.keys(TRAFFIC_WINDOWS) as [TrafficWindow, ...TrafficWindow[]];
const trafficInput = z.object({ window: z.enum(windows) }).strict();
const policyInput = z
  .object({
    arn: z
      .string()
      .max(2048)
      .refine(
        (a) => ['service', 'servicenetwork'].includes(parseLatticeArn(a)?.kind ?? ''),
        'must be the ARN of a service or service network',
      ),
  })
  .strict();

const targetGroupInput = z
  .object({
    arn: z
      .string()
      .max(2048)
      .refine((a) => parseLatticeArn(a)?.kind === 'targetgroup', 'must be the ARN of a target group'),
  })
  .strict();

const watchInput = z
  .object({
    arns: z
      .array(
        z
          .string()
          .max(2048)
          .refine((a) => parseLatticeArn(a)?.kind === 'targetgroup', 'must be the ARN of a target group'),
      )
      .max(MAX_WATCHED_PER_CALL),
  })
  .strict();

/** Requests, 4xx, 5xx and 403 per service, target group and route over the window. */
export async function loadTraffic(input: { window: TrafficWindow }): Promise<Result<TrafficOverlay>> {
  return runAction({ name: 'topology.loadTraffic', input: trafficInput, mutates: false }, input, async (i, { user }) =>
    trafficOverlay(await getSnapshot({ user: user.id }), i.window, { user: user.id }),
  );
}

/** The auth policy of a service or service network (read in its owner account). */
export async function loadAuthPolicy(input: { arn: string }): Promise<Result<AuthPolicyView>> {
  return runAction({ name: 'topology.loadAuthPolicy', input: policyInput, mutates: false }, input, (i, { user }) =>
    readAuthPolicy(i.arn, { user: user.id }),
  );
}

/** The health-check settings of a target group with the lint's notes (read in its owner account). */
export async function loadHealthCheck(input: { arn: string }): Promise<Result<HealthCheckReport>> {
  return runAction(
    { name: 'topology.loadHealthCheck', input: targetGroupInput, mutates: false },
    input,
    (i, { user }) => readHealthCheck(i.arn, { user: user.id }),
  );
}

/**
 * Marks the target groups a user is looking at (the side panel's node): the inventory reads their health
 * on every refresh for a while instead of on the slower rotation (see lib/inventory/refreshPolicy).
 */
export async function watchHealth(input: { arns: string[] }): Promise<Result<{ watched: number }>> {
  return runAction({ name: 'topology.watchHealth', input: watchInput, mutates: false }, input, async (i) => {
    watchTargetGroups(i.arns);
    return { watched: i.arns.length };
  });
}
