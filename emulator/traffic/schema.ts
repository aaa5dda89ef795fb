/** Zod schemas of the traffic and incident control bodies (emulator/README.md documents them). */
import { z } from 'zod';
import { isPrincipalRef } from './principals';

const rps = z.number().min(0).max(100_000);
const vpcId = z.string().regex(/^vpc-[0-9a-f]{8,17}$/, 'a VPC id (vpc- + 8 or 17 hex digits)');

/** A caller (see CallerSpec). */
export const callerSchema = z.object({
  id: z.string().min(1).max(64),
  vpcId,
  roleArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, 'an IAM role ARN')
    .optional(),
  sessions: z
    .array(z.string().regex(/^[\w+=,.@-]{2,64}$/))
    .max(50)
    .optional(),
  orgId: z
    .string()
    .regex(/^o-[a-z0-9]{10,32}$/)
    .optional(),
  subnet: z.string().regex(/^\d{1,3}\.\d{1,3}\.\d{1,3}$/, 'three octets, e.g. 10.3.12'),
  hosts: z.number().int().min(1).max(240).optional(),
  userAgents: z.array(z.string().min(1).max(200)).max(20),
});

const template = z.object({
  weight: z.number().positive(),
  method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']),
  path: z.string().regex(/^\/[^\s?#]*$/, 'a path starting with /'),
  headers: z.record(z.string().min(1).max(64), z.string().max(256)).optional(),
  protocol: z.enum(['HTTP', 'HTTPS']).optional(),
});

/** A traffic profile (see TrafficProfile). */
export const profileSchema = z.object({
  service: z.string().min(1),
  rps,
  callers: z
    .array(z.tuple([z.string().min(1), z.number().positive()]))
    .min(1)
    .max(50),
  requests: z.array(template).min(1).max(50),
  clientErrorRate: z.number().min(0).max(1).optional(),
  serverErrorRate: z.number().min(0).max(1).optional(),
});

/** POST /_emulator/traffic */
export const trafficBody = z
  .object({
    paused: z.boolean().optional(),
    lagMs: z.number().int().min(0).max(3_600_000).optional(),
    rateMultiplier: z.number().min(0).max(1000).optional(),
    rates: z.record(z.string().min(1), rps.nullable()).optional(),
    detectionWindowMs: z.number().int().min(0).max(600_000).optional(),
    latency: z
      .record(
        z.string().min(1),
        z.object({ medianMs: z.number().positive().max(600_000), sigma: z.number().min(0).max(3) }),
      )
      .optional(),
    callers: z.array(callerSchema).max(200).optional(),
    profiles: z.array(profileSchema).max(500).optional(),
  })
  .strict();

const common = {
  durationMs: z
    .number()
    .int()
    .positive()
    .max(30 * 86_400_000)
    .optional(),
};
const tgRef = z.string().min(1);

/** POST /_emulator/incidents */
export const incidentBody = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('target-errors'),
      targetGroup: tgRef,
      errorRate: z.number().min(0).max(1),
      statusCode: z.number().int().min(400).max(599).optional(),
      ...common,
    })
    .strict(),
  z
    .object({
      kind: z.literal('auth-denials'),
      service: z.string().min(1),
      principal: z.string().refine(isPrincipalRef, 'a role, session or user ARN, an account id, or "Anonymous"'),
      reason: z.enum(['Service', 'Network']).default('Service'),
      rps: rps.optional(),
      ...common,
    })
    .strict(),
  z
    .object({
      kind: z.literal('unhealthy-targets'),
      targetGroup: tgRef,
      count: z.number().int().min(1).max(1000),
      ...common,
    })
    .strict(),
  z
    .object({ kind: z.literal('latency'), targetGroup: tgRef, ms: z.number().int().min(1).max(600_000), ...common })
    .strict(),
]);

/** A parsed incident body. */
export type IncidentBody = z.infer<typeof incidentBody>;
