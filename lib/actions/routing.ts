'use server';
/**
 * Server actions of the routing page. Each is one `runAction` call: authenticate → (mutations:
 * operator and not read-only) → zod → lib/routing.
 */
import { z } from 'zod';
import type { AuditEvent } from '../audit/event';
import type { CanaryCommand, CanaryPlan, CanaryState, CanaryTarget } from '../routing/canary/plan';
import type { CanaryStatusView } from '../routing/canary/view';
import type { Result } from '../domain/result';
import type { ApplyResult } from '../routing/change';
import type { ServiceList, ServiceRouting } from '../routing/view';
import { applyChange } from '../routing/applyChange';
import { routingContext } from '../routing/context';
import { resourceHistory } from '../audit/history';
import { readServiceRouting } from '../routing/readService';
import { commandCanary, startCanary } from '../routing/canary/commands';
import { canaryStatus } from '../routing/canary/status';
import {
  applyInputSchema,
  canaryCommandSchema,
  canaryTargetSchema,
  historyInputSchema,
  ownershipInputSchema,
  serviceInputSchema,
  startCanarySchema,
} from '../routing/schemas';
import { listOwnedServices } from '../routing/services';
import { canarySubjects, changeSubjects, readOwnership } from '../routing/ownership';
import type { OwnershipCheck } from '../routing/ownerWarning';
import { runAction } from './run';

/** Services the routing page can open. */
export async function listRoutingServices(): Promise<Result<ServiceList>> {
  return runAction({ name: 'routing.listServices', input: z.object({}), mutates: false }, {}, (_i, { user }) =>
    listOwnedServices(routingContext(user)),
  );
}

/** One service's listeners, rules and target groups, read fresh from the Lattice API. */
export async function getServiceRouting(input: { serviceArn: string }): Promise<Result<ServiceRouting>> {
  return runAction({ name: 'routing.getService', input: serviceInputSchema, mutates: false }, input, (i, { user }) =>
    readServiceRouting(routingContext(user), i.serviceArn),
  );
}

/**
 * Applies a change if every rule it touches still has the version the sender saw; audits the attempt. A change
 * to what another system manages is refused (OWNED) unless `overrideOwner` is set.
 */
export async function applyRoutingChange(input: unknown): Promise<Result<ApplyResult>> {
  return runAction({ name: 'routing.apply', input: applyInputSchema, mutates: true }, input, (i, { user }) =>
    applyChange(routingContext(user), i.change, i.overrideOwner ? { override: 'confirmed' } : {}),
  );
}

/** Who manages what a change (or a canary plan on a target) would write, read fresh from the tags now. */
export async function getWriteOwnership(input: unknown): Promise<Result<OwnershipCheck>> {
  return runAction({ name: 'routing.ownership', input: ownershipInputSchema, mutates: false }, input, (i, { user }) =>
    readOwnership(
      routingContext(user),
      'change' in i ? changeSubjects(i.change) : canarySubjects(stripTarget(i.target)),
    ),
  );
}

/** The audit history of a rule or listener (last 30 days). */
export async function getResourceHistory(input: { resourceArn: string }): Promise<Result<AuditEvent[]>> {
  return runAction({ name: 'routing.history', input: historyInputSchema, mutates: false }, input, (i, { user }) =>
    resourceHistory(routingContext(user), i.resourceArn),
  );
}

/** The canary plan of a rule or default action: plan, state, step verdicts, live figures, next action. */
export async function getCanaryStatus(input: { target: CanaryTarget }): Promise<Result<CanaryStatusView>> {
  return runAction(
    { name: 'canary.status', input: z.object({ target: canaryTargetSchema }), mutates: false },
    input,
    (i, { user }) => canaryStatus(routingContext(user), stripTarget(i.target)),
  );
}

/** Starts a canary plan (step 0's weights are written if the action still has `expectedVersion`). */
export async function startCanaryPlan(input: unknown): Promise<Result<{ plan: CanaryPlan; state: CanaryState }>> {
  return runAction({ name: 'canary.start', input: startCanarySchema, mutates: true }, input, (i, { user }) =>
    startCanary(
      routingContext(user),
      stripTarget(i.target),
      i.expectedVersion,
      i.plan,
      i.overrideOwner ? 'confirmed' : undefined,
    ),
  );
}

/** Pauses, resumes, promotes or aborts a plan. */
export async function commandCanaryPlan(input: {
  target: CanaryTarget;
  planId: string;
  command: CanaryCommand;
}): Promise<Result<CanaryState>> {
  return runAction({ name: 'canary.command', input: canaryCommandSchema, mutates: true }, input, (i, { user }) =>
    commandCanary(routingContext(user), stripTarget(i.target), i.planId, i.command),
  );
}

function stripTarget(t: { serviceArn: string; listenerArn: string; ruleArn?: string | undefined }): CanaryTarget {
  return { serviceArn: t.serviceArn, listenerArn: t.listenerArn, ...(t.ruleArn ? { ruleArn: t.ruleArn } : {}) };
}
