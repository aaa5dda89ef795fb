/**
 * Resource gateways: the point where resource configurations enter a VPC. Owned by their account
 * (never shared), unique by name per account, up to `resourceGatewaysPerVpc` per VPC. Creation and
 * security-group updates are `*_IN_PROGRESS` until `provisionMs` has passed; a gateway that still
 * holds resource configurations cannot be deleted.
 */
import { conflict, fieldError, quotaExceeded } from '../errors';
import type { ResourceGatewayRecord } from '../types';
import {
  byName,
  idempotent,
  nameTaken,
  newRecord,
  paginate,
  requireOwner,
  resolve,
  touch,
  type Env,
  type Handler,
  type Output,
} from './common';

/** Quota code of "Resource gateways per VPC" (not confirmed against Service Quotas). */
export const RESOURCE_GATEWAYS_PER_VPC_QUOTA = 'L-RGWPERVPC';

/** IPv4 addresses per ENI when the caller gives none (VPC user guide: "The default is 16"). */
export const DEFAULT_IPV4_PER_ENI = 16;

/** A gateway by id or ARN, with its provisioning settled to `now`. */
export function resolveGateway(env: Env, identifier: string): ResourceGatewayRecord {
  const rgw = resolve(env, 'resourcegateway', identifier);
  env.store.settle(rgw, env.now);
  return rgw;
}

function view(rgw: ResourceGatewayRecord): Output {
  const { settlesAt: _s, ...rest } = rgw;
  return { ...rest, vpcIdentifier: rgw.vpcId };
}

const create: Handler = (env, input) =>
  idempotent(env, input, 'RESOURCE_GATEWAY', () => {
    const name = input.name as string;
    const mine = env.store.all('resourcegateway', env.region).filter((g) => g.accountId === env.account);
    const taken = nameTaken(mine, name);
    if (taken)
      throw conflict(
        'RESOURCE_GATEWAY',
        taken.id,
        `A resource gateway named '${name}' already exists in account ${env.account} (${taken.id})`,
      );
    const vpcId = input.vpcIdentifier as string | undefined;
    if (!vpcId) throw fieldError('vpcIdentifier', null, 'Member must not be null');
    const subnetIds = (input.subnetIds as string[] | undefined) ?? [];
    if (subnetIds.length === 0) throw fieldError('subnetIds', null, 'A resource gateway needs at least one subnet');
    const bad = subnetIds.find((s) => !/^subnet-([0-9a-f]{8}|[0-9a-f]{17})$/.test(s));
    if (bad) throw fieldError('subnetIds', bad, 'Member must be a subnet id (subnet-…)');
    const ipAddressType = (input.ipAddressType as ResourceGatewayRecord['ipAddressType'] | undefined) ?? 'IPV4';
    const perEni = input.ipv4AddressesPerEni as number | undefined;
    if (ipAddressType === 'IPV6' && perEni !== undefined)
      throw fieldError('ipv4AddressesPerEni', perEni, 'Not supported when ipAddressType is IPV6');
    const inVpc = env.store.all('resourcegateway').filter((g) => g.vpcId === vpcId);
    if (inVpc.length >= env.store.quotas.resourceGatewaysPerVpc)
      throw quotaExceeded(
        'RESOURCE_GATEWAY',
        RESOURCE_GATEWAYS_PER_VPC_QUOTA,
        `VPC ${vpcId} already has ${inVpc.length} resource gateways, the quota of resource gateways per VPC`,
      );
    const rgw: ResourceGatewayRecord = {
      ...newRecord(env, 'resourcegateway', input.tags),
      name,
      status: 'CREATE_IN_PROGRESS',
      settlesAt: env.now + env.store.provisionMs,
      vpcId,
      subnetIds: [...subnetIds],
      securityGroupIds: [...((input.securityGroupIds as string[] | undefined) ?? [])],
      ipAddressType,
      ...(ipAddressType !== 'IPV6' ? { ipv4AddressesPerEni: perEni ?? DEFAULT_IPV4_PER_ENI } : {}),
      ...(input.resourceConfigDnsResolution !== undefined
        ? { resourceConfigDnsResolution: input.resourceConfigDnsResolution as 'IN_VPC' | 'PUBLIC' }
        : {}),
    };
    env.store.put('resourcegateway', rgw);
    return view(rgw);
  });

const get: Handler = (env, input) => view(resolveGateway(env, input.resourceGatewayIdentifier as string));

const list: Handler = (env, input) => {
  const mine = env.store.all('resourcegateway', env.region).filter((g) => g.accountId === env.account);
  for (const g of mine) env.store.settle(g, env.now);
  const page = paginate(env, input, [], mine, byName);
  return { items: page.items.map(view), ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};

const update: Handler = (env, input) => {
  const rgw = resolveGateway(env, input.resourceGatewayIdentifier as string);
  requireOwner(env, rgw);
  if (rgw.status.endsWith('_IN_PROGRESS'))
    throw conflict('RESOURCE_GATEWAY', rgw.id, `Resource gateway ${rgw.id} is ${rgw.status}; retry when it is ACTIVE`);
  if (input.securityGroupIds !== undefined) {
    rgw.securityGroupIds = [...(input.securityGroupIds as string[])];
    rgw.status = 'UPDATE_IN_PROGRESS';
    rgw.settlesAt = env.now + env.store.provisionMs;
    delete rgw.failureReason;
  }
  touch(env, rgw);
  return view(rgw);
};

const remove: Handler = (env, input) => {
  const rgw = resolveGateway(env, input.resourceGatewayIdentifier as string);
  requireOwner(env, rgw);
  const configs = env.store.resourceConfigurationsOf({ resourceGatewayId: rgw.id });
  if (configs.length > 0)
    throw conflict(
      'RESOURCE_GATEWAY',
      rgw.id,
      `Resource gateway ${rgw.id} still has ${configs.length} resource configuration(s); delete them first`,
    );
  env.store.remove('resourcegateway', rgw.id);
  return { id: rgw.id, arn: rgw.arn, name: rgw.name, status: 'DELETE_IN_PROGRESS' };
};

/** Handlers by operation name. */
export const resourceGatewayHandlers: Record<string, Handler> = {
  CreateResourceGateway: create,
  GetResourceGateway: get,
  ListResourceGateways: list,
  UpdateResourceGateway: update,
  DeleteResourceGateway: remove,
};
