/**
 * zod schemas of what the browser sends to the routing actions. They check shapes and bound sizes
 * only; the API's limits (weights 0–999, 1–10 target groups, priorities, match patterns) are checked
 * by lib/routing/ruleValidation in the service, whose messages name the limit and its model shape.
 */
import { z } from 'zod';
import { AUDIT_RANGES } from '../audit/filter';
import { AUDIT_RESULTS } from '../audit/event';

const arn = z
  .string()
  .min(20)
  .max(2048)
  .regex(/^arn:[a-z0-9-]+:vpc-lattice:/, 'must be a VPC Lattice ARN');
const text = (max: number) => z.string().max(max);
const num = z.number().finite();

const header = z.object({
  name: text(1000),
  type: z.enum(['exact', 'prefix', 'contains']),
  value: text(2000),
  caseSensitive: z.boolean(),
});

/** A rule match. */
export const ruleMatchSchema = z.object({
  method: text(100).optional(),
  path: z.object({ type: z.enum(['exact', 'prefix']), value: text(2000), caseSensitive: z.boolean() }).optional(),
  headers: z.array(header).max(50),
});

/** A rule action. */
export const ruleActionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('forward'),
    targetGroups: z.array(z.object({ targetGroupArn: text(2048), weight: num })).max(50),
  }),
  z.object({ type: z.literal('fixedResponse'), statusCode: num }),
]);

const fullRule = z.object({ priority: num, match: ruleMatchSchema, action: ruleActionSchema });
const target = { serviceArn: arn, listenerArn: arn };
const version = z.string().min(1).max(100);

/** Any routing change (see lib/routing/change). */
export const routingChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('updateRule'), ...target, ruleArn: arn, expectedVersion: version, after: fullRule }),
  z.object({
    kind: z.literal('updateDefault'),
    ...target,
    expectedVersion: version,
    after: z.object({ action: ruleActionSchema }),
  }),
  z.object({ kind: z.literal('createRule'), ...target, name: text(200), after: fullRule }),
  z.object({ kind: z.literal('deleteRule'), ...target, ruleArn: arn, expectedVersion: version }),
  z.object({
    kind: z.literal('batchUpdate'),
    ...target,
    updates: z
      .array(z.object({ ruleArn: arn, expectedVersion: version, after: fullRule }))
      .min(1)
      .max(10),
  }),
]);

/**
 * `overrideOwner`: the operator confirmed the owner warning — write even if another system manages what the
 * change touches (the server reads the owners again and records them in the audit event).
 */
const overrideOwner = z.boolean().optional();

/** Input of `applyRoutingChange`. */
export const applyInputSchema = z.object({ change: routingChangeSchema, overrideOwner });

/** Input naming a service. */
export const serviceInputSchema = z.object({ serviceArn: arn });

/** Input of the history of a rule or listener. */
export const historyInputSchema = z.object({ resourceArn: arn });

/** Input of the audit list (the page's URL filter). */
export const auditListSchema = z.object({
  user: text(512).optional(),
  resource: text(512).optional(),
  result: z.enum(AUDIT_RESULTS).optional(),
  range: z.enum(Object.keys(AUDIT_RANGES) as [keyof typeof AUDIT_RANGES, ...Array<keyof typeof AUDIT_RANGES>]),
  from: num.optional(),
  to: num.optional(),
});

/** Input naming an audit event (for a rollback). */
export const eventInputSchema = z.object({ eventId: z.string().uuid(), time: z.string().max(40) });

/** Input of a rollback (an audit event, and the owner override when the operator confirmed it). */
export const rollbackInputSchema = eventInputSchema.extend({ overrideOwner });

/** A canary target. */
export const canaryTargetSchema = z.object({ serviceArn: arn, listenerArn: arn, ruleArn: arn.optional() });

/** Input of the owner check before a write: the change, or the canary target a plan would write. */
export const ownershipInputSchema = z.union([
  z.object({ change: routingChangeSchema }),
  z.object({ target: canaryTargetSchema }),
]);

/** Input of starting a plan. */
export const startCanarySchema = z.object({
  target: canaryTargetSchema,
  overrideOwner,
  expectedVersion: version,
  plan: z.object({
    stableTargetGroupId: text(40),
    canaryTargetGroupId: text(40),
    steps: z.array(num).min(1).max(20),
    bakeSeconds: num,
    gates: z.object({ max5xxRate: num, max403Rate: num, maxP99Ms: num, minRequests: num }),
  }),
});

/** Input of an operator command. */
export const canaryCommandSchema = z.object({
  target: canaryTargetSchema,
  planId: z.string().regex(/^[a-z0-9]{1,40}$/),
  command: z.enum(['pause', 'resume', 'promote', 'abort']),
});
