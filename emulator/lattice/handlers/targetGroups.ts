/** Target groups: create (config per type), get/list (with the services that use them), update health check, delete. */
import { conflict, fieldError } from '../errors';
import type { HealthCheckConfig, TargetGroupConfig, TargetGroupRecord, TargetGroupType } from '../types';
import { buildConfig, mergeHealthCheck, tcpHealthCheck } from './targetGroupConfig';
import {
  byName,
  idempotent,
  newRecord,
  paginate,
  requireOwner,
  resolve,
  touch,
  type Env,
  type Handler,
  type Output,
} from './common';

function serviceArns(env: Env, tg: TargetGroupRecord): string[] {
  return env.store
    .servicesUsing(tg.id)
    .map((s) => s.arn)
    .sort();
}

function view(env: Env, tg: TargetGroupRecord): Output {
  return { ...tg, serviceArns: serviceArns(env, tg) };
}

function summary(env: Env, tg: TargetGroupRecord): Output {
  const { port, protocol, ipAddressType, vpcIdentifier, lambdaEventStructureVersion } = tg.config;
  return {
    ...tg,
    port,
    protocol,
    ipAddressType,
    vpcIdentifier,
    lambdaEventStructureVersion,
    serviceArns: serviceArns(env, tg),
  };
}

const create: Handler = (env, input) =>
  idempotent(env, input, 'TARGET_GROUP', () => {
    const name = input.name as string;
    const taken = env.store.all('targetgroup', env.region).find((t) => t.accountId === env.account && t.name === name);
    if (taken)
      throw conflict(
        'TARGET_GROUP',
        taken.id,
        `A target group named '${name}' already exists in account ${env.account} (${taken.id})`,
      );
    const type = input.type as TargetGroupType;
    const tg: TargetGroupRecord = {
      ...newRecord(env, 'targetgroup', input.tags),
      name,
      type,
      config: buildConfig(type, input.config as TargetGroupConfig | undefined),
      status: 'ACTIVE',
      targets: [],
    };
    env.store.put('targetgroup', tg);
    return { id: tg.id, arn: tg.arn, name: tg.name, type: tg.type, config: tg.config, status: tg.status };
  });

const get: Handler = (env, input) => view(env, resolve(env, 'targetgroup', input.targetGroupIdentifier as string));

const list: Handler = (env, input) => {
  const vpc = input.vpcIdentifier as string | undefined;
  const type = input.targetGroupType as string | undefined;
  const rows = env.store
    .all('targetgroup', env.region)
    .filter((t) => env.store.canSee(env.account, 'targetgroup', t))
    .filter((t) => (vpc === undefined || t.config.vpcIdentifier === vpc) && (type === undefined || t.type === type));
  const page = paginate(env, input, [vpc, type], rows, byName);
  return { items: page.items.map((t) => summary(env, t)), ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};

const update: Handler = (env, input) => {
  const tg = resolve(env, 'targetgroup', input.targetGroupIdentifier as string);
  requireOwner(env, tg);
  if (tg.type === 'LAMBDA' || tg.type === 'ALB')
    throw fieldError(
      'healthCheck',
      'healthCheck',
      `Health checks are not supported for target groups of type ${tg.type}`,
    );
  const change = input.healthCheck as HealthCheckConfig;
  const base = tg.config.healthCheck ?? {};
  tg.config.healthCheck =
    tg.config.protocol === 'TCP'
      ? tcpHealthCheck({ ...(base.enabled ? base : {}), ...change }, 'healthCheck')
      : mergeHealthCheck(base, change, 'healthCheck');
  touch(env, tg);
  return { id: tg.id, arn: tg.arn, name: tg.name, type: tg.type, config: tg.config, status: tg.status };
};

const remove: Handler = (env, input) => {
  const tg = resolve(env, 'targetgroup', input.targetGroupIdentifier as string);
  requireOwner(env, tg);
  const users = env.store.servicesUsing(tg.id);
  if (users.length > 0) {
    throw conflict(
      'TARGET_GROUP',
      tg.id,
      `Target group ${tg.id} is used by a listener or rule of ${users.map((s) => s.id).join(', ')}; ` +
        'remove it from their actions first',
    );
  }
  env.store.remove('targetgroup', tg.id);
  return { id: tg.id, arn: tg.arn, status: 'DELETE_IN_PROGRESS' };
};

/** Handlers by operation name. */
export const targetGroupHandlers: Record<string, Handler> = {
  CreateTargetGroup: create,
  GetTargetGroup: get,
  ListTargetGroups: list,
  UpdateTargetGroup: update,
  DeleteTargetGroup: remove,
};
