/**
 * Targets: register (ids checked per target-group type, INITIAL until health checks pass),
 * deregister (DRAINING, then gone), list with status and reasonCode.
 */
import { isIP } from 'node:net';
import { quotaExceeded } from '../errors';
import type { TargetGroupRecord } from '../types';
import { paginate, requireOwner, resolve, type Handler, type Output } from './common';

/** Quota code of "Targets per target group". */
export const TARGETS_PER_GROUP_QUOTA = 'L-7C2E5B91';

interface TargetInput {
  id: string;
  port?: number;
}

const INSTANCE_ID = /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(?::[A-Za-z0-9_$-]{1,128})?$/;
const ALB_ARN =
  /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:loadbalancer\/app\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/;

/** Why a target cannot join this group, or undefined when it can. */
function targetProblem(tg: TargetGroupRecord, t: TargetInput): string | undefined {
  switch (tg.type) {
    case 'IP': {
      const family = tg.config.ipAddressType === 'IPV6' ? 6 : 4;
      return isIP(t.id) === family ? undefined : `'${t.id}' is not an IPv${family} address`;
    }
    case 'INSTANCE':
      return INSTANCE_ID.test(t.id) ? undefined : `'${t.id}' is not an EC2 instance id (i-…)`;
    case 'LAMBDA':
      if (t.port !== undefined) return 'LAMBDA targets take no port';
      return LAMBDA_ARN.test(t.id) ? undefined : `'${t.id}' is not a Lambda function ARN`;
    case 'ALB':
      if (t.port !== undefined && t.port !== tg.config.port)
        return `An ALB target must use the target group port ${tg.config.port}`;
      return ALB_ARN.test(t.id) ? undefined : `'${t.id}' is not an Application Load Balancer ARN`;
  }
}

function portOf(tg: TargetGroupRecord, t: TargetInput): number | undefined {
  return tg.type === 'LAMBDA' ? undefined : (t.port ?? tg.config.port);
}

const register: Handler = (env, input) => {
  const tg = resolve(env, 'targetgroup', input.targetGroupIdentifier as string);
  requireOwner(env, tg);
  env.store.purgeTargets(tg, env.now);
  const successful: Output[] = [];
  const unsuccessful: Output[] = [];
  const incoming = input.targets as TargetInput[];
  const fresh = incoming.filter((t) => !tg.targets.some((x) => x.id === t.id && x.port === portOf(tg, t)));
  if (tg.targets.length + fresh.length > env.store.quotas.targetsPerTargetGroup) {
    throw quotaExceeded(
      'TARGET',
      TARGETS_PER_GROUP_QUOTA,
      `Target group ${tg.id} would have ${tg.targets.length + fresh.length} targets; the quota is ` +
        `${env.store.quotas.targetsPerTargetGroup}`,
      tg.id,
    );
  }
  for (const t of incoming) {
    const port = portOf(tg, t);
    const problem = targetProblem(tg, t);
    const single = (tg.type === 'LAMBDA' || tg.type === 'ALB') && tg.targets.some((x) => x.id !== t.id);
    if (problem || single) {
      unsuccessful.push({
        id: t.id,
        port,
        failureCode: 'InvalidTarget',
        failureMessage: problem ?? `A ${tg.type} target group holds a single target`,
      });
      continue;
    }
    const existing = tg.targets.find((x) => x.id === t.id && x.port === port);
    if (existing) {
      // Registering a draining target again brings it back; registering a live one changes nothing.
      if (existing.deregisteredAt !== undefined) {
        delete existing.deregisteredAt;
        existing.registeredAt = env.now;
      }
    } else {
      tg.targets.push({ id: t.id, ...(port !== undefined ? { port } : {}), registeredAt: env.now });
    }
    successful.push({ id: t.id, port });
  }
  return { successful, unsuccessful };
};

const deregister: Handler = (env, input) => {
  const tg = resolve(env, 'targetgroup', input.targetGroupIdentifier as string);
  requireOwner(env, tg);
  env.store.purgeTargets(tg, env.now);
  const successful: Output[] = [];
  const unsuccessful: Output[] = [];
  for (const t of input.targets as TargetInput[]) {
    const port = portOf(tg, t);
    const existing = tg.targets.find((x) => x.id === t.id && x.port === port);
    if (!existing) {
      unsuccessful.push({
        id: t.id,
        port,
        failureCode: 'TargetNotFound',
        failureMessage: `Target ${t.id}${port !== undefined ? `:${port}` : ''} is not registered in ${tg.id}`,
      });
      continue;
    }
    existing.deregisteredAt ??= env.now;
    successful.push({ id: t.id, port });
  }
  return { successful, unsuccessful };
};

const list: Handler = (env, input) => {
  const tg = resolve(env, 'targetgroup', input.targetGroupIdentifier as string);
  const filter = (input.targets as TargetInput[] | undefined) ?? [];
  const rows = env.store
    .targetsOf(tg.id, env.now)
    .filter(
      (t) => filter.length === 0 || filter.some((f) => f.id === t.id && (f.port === undefined || f.port === t.port)),
    );
  const filterKey = filter
    .map((f) => `${f.id}:${f.port ?? ''}`)
    .sort()
    .join(',');
  const page = paginate(env, input, [tg.id, filterKey], rows, (t) => `${t.id}|${String(t.port ?? 0).padStart(5, '0')}`);
  return { items: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};

/** Handlers by operation name. */
export const targetHandlers: Record<string, Handler> = {
  RegisterTargets: register,
  DeregisterTargets: deregister,
  ListTargets: list,
};
