/** Service networks: create, get, list (own and shared), update authType, delete (only when unassociated). */
import { conflict } from '../errors';
import type { ServiceNetworkRecord, AuthType } from '../types';
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
  type Input,
} from './common';

function counts(
  env: Env,
  sn: ServiceNetworkRecord,
): {
  numberOfAssociatedVPCs: number;
  numberOfAssociatedServices: number;
  numberOfAssociatedResourceConfigurations: number;
} {
  return {
    numberOfAssociatedVPCs: env.store.vpcAssociations({ serviceNetworkId: sn.id }).length,
    numberOfAssociatedServices: env.store.serviceAssociations({ serviceNetworkId: sn.id }).length,
    numberOfAssociatedResourceConfigurations: env.store.resourceAssociations({ serviceNetworkId: sn.id }).length,
  };
}

const create: Handler = (env, input) =>
  idempotent(env, input, 'SERVICE_NETWORK', () => {
    const name = input.name as string;
    const mine = env.store.all('servicenetwork', env.region).filter((n) => n.accountId === env.account);
    const taken = nameTaken(mine, name);
    if (taken)
      throw conflict(
        'SERVICE_NETWORK',
        taken.id,
        `A service network named '${name}' already exists in account ${env.account} (${taken.id})`,
      );
    const sn: ServiceNetworkRecord = {
      ...newRecord(env, 'servicenetwork', input.tags),
      name,
      authType: (input.authType as AuthType | undefined) ?? 'NONE',
      ...(input.sharingConfig
        ? { sharingConfig: { enabled: (input.sharingConfig as { enabled?: boolean }).enabled ?? false } }
        : {}),
    };
    env.store.put('servicenetwork', sn);
    return {
      id: sn.id,
      name: sn.name,
      arn: sn.arn,
      authType: sn.authType,
      ...(sn.sharingConfig ? { sharingConfig: sn.sharingConfig } : {}),
    };
  });

const get: Handler = (env, input) => {
  const sn = resolve(env, 'servicenetwork', input.serviceNetworkIdentifier as string);
  return { ...sn, ...counts(env, sn) };
};

const list: Handler = (env, input) => {
  const visible = env.store
    .all('servicenetwork', env.region)
    .filter((n) => env.store.canSee(env.account, 'servicenetwork', n));
  const page = paginate(env, input, [], visible, byName);
  return {
    items: page.items.map((sn) => ({ ...sn, ...counts(env, sn) })),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
};

const update: Handler = (env, input: Input) => {
  const sn = resolve(env, 'servicenetwork', input.serviceNetworkIdentifier as string);
  requireOwner(env, sn);
  sn.authType = input.authType as AuthType;
  touch(env, sn);
  return { id: sn.id, name: sn.name, arn: sn.arn, authType: sn.authType };
};

const remove: Handler = (env, input) => {
  const sn = resolve(env, 'servicenetwork', input.serviceNetworkIdentifier as string);
  requireOwner(env, sn);
  const { numberOfAssociatedServices, numberOfAssociatedVPCs, numberOfAssociatedResourceConfigurations } = counts(
    env,
    sn,
  );
  const endpoints = env.store.all('servicenetworkendpointassociation').filter((a) => a.serviceNetworkId === sn.id);
  if (
    numberOfAssociatedServices +
    numberOfAssociatedVPCs +
    numberOfAssociatedResourceConfigurations +
    endpoints.length
  ) {
    throw conflict(
      'SERVICE_NETWORK',
      sn.id,
      `Service network ${sn.id} still has ${numberOfAssociatedServices} service, ${numberOfAssociatedVPCs} VPC, ` +
        `${numberOfAssociatedResourceConfigurations} resource configuration and ${endpoints.length} VPC endpoint ` +
        'associations; delete them first',
    );
  }
  for (const als of env.store.accessLogSubscriptionsOf(sn.arn)) env.store.remove('accesslogsubscription', als.id);
  env.store.remove('servicenetwork', sn.id);
  return {};
};

/** Handlers by operation name. */
export const networkHandlers: Record<string, Handler> = {
  CreateServiceNetwork: create,
  GetServiceNetwork: get,
  ListServiceNetworks: list,
  UpdateServiceNetwork: update,
  DeleteServiceNetwork: remove,
};
