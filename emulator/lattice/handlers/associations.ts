/**
 * Service network–service and service network–VPC associations. An association is owned by the
 * account that created it; the network owner sees (and may delete) every association of its network,
 * and a service owner sees the associations of its service. A VPC belongs to one network at a time.
 */
import { conflict, quotaExceeded, validationError } from '../errors';
import type { ServiceAssociationRecord, VpcAssociationRecord } from '../types';
import {
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

/** Quota code of "Service associations per service network". */
export const SERVICES_PER_NETWORK_QUOTA = 'L-A4C3F2D8';

function snsaView(env: Env, a: ServiceAssociationRecord): Output {
  const svc = env.store.get('service', a.serviceId);
  const sn = env.store.get('servicenetwork', a.serviceNetworkId);
  return {
    ...a,
    createdBy: a.accountId,
    serviceId: a.serviceId,
    serviceName: svc?.name,
    serviceArn: svc?.arn,
    serviceNetworkId: a.serviceNetworkId,
    serviceNetworkName: sn?.name,
    serviceNetworkArn: sn?.arn,
    dnsEntry: svc?.dnsEntry,
    customDomainName: svc?.customDomainName,
  };
}

function snvaView(env: Env, a: VpcAssociationRecord): Output {
  const sn = env.store.get('servicenetwork', a.serviceNetworkId);
  return { ...a, createdBy: a.accountId, serviceNetworkName: sn?.name, serviceNetworkArn: sn?.arn };
}

const createSnsa: Handler = (env, input) =>
  idempotent(env, input, 'SERVICE_NETWORK_SERVICE_ASSOCIATION', () => {
    const svc = resolve(env, 'service', input.serviceIdentifier as string);
    const sn = resolve(env, 'servicenetwork', input.serviceNetworkIdentifier as string);
    const existing = env.store.serviceAssociations({ serviceNetworkId: sn.id, serviceId: svc.id })[0];
    if (existing)
      throw conflict(
        'SERVICE_NETWORK_SERVICE_ASSOCIATION',
        existing.id,
        `Service ${svc.id} is already associated with service network ${sn.id} (${existing.id})`,
      );
    const count = env.store.serviceAssociations({ serviceNetworkId: sn.id }).length;
    if (count >= env.store.quotas.servicesPerServiceNetwork) {
      throw quotaExceeded(
        'SERVICE_NETWORK_SERVICE_ASSOCIATION',
        SERVICES_PER_NETWORK_QUOTA,
        `Service network ${sn.id} already has ${count} service associations, the quota`,
        sn.id,
      );
    }
    const a: ServiceAssociationRecord = {
      ...newRecord(env, 'servicenetworkserviceassociation', input.tags),
      serviceNetworkId: sn.id,
      serviceId: svc.id,
      status: 'ACTIVE',
    };
    env.store.put('servicenetworkserviceassociation', a);
    return snsaView(env, a);
  });

const getSnsa: Handler = (env, input) =>
  snsaView(
    env,
    resolve(env, 'servicenetworkserviceassociation', input.serviceNetworkServiceAssociationIdentifier as string),
  );

const listSnsa: Handler = (env, input) => {
  if (input.serviceNetworkIdentifier === undefined && input.serviceIdentifier === undefined) {
    throw validationError('Either serviceNetworkIdentifier or serviceIdentifier must be specified', [
      {
        name: 'serviceNetworkIdentifier',
        message: 'Either serviceNetworkIdentifier or serviceIdentifier must be specified',
      },
    ]);
  }
  const sn =
    input.serviceNetworkIdentifier !== undefined
      ? resolve(env, 'servicenetwork', input.serviceNetworkIdentifier as string)
      : undefined;
  const svc =
    input.serviceIdentifier !== undefined ? resolve(env, 'service', input.serviceIdentifier as string) : undefined;
  const rows = env.store
    .serviceAssociations({ ...(sn ? { serviceNetworkId: sn.id } : {}), ...(svc ? { serviceId: svc.id } : {}) })
    .filter((a) => a.region === env.region && env.store.canSee(env.account, 'servicenetworkserviceassociation', a));
  const page = paginate(env, input, [sn?.id, svc?.id], rows, (a) => a.id);
  return { items: page.items.map((a) => snsaView(env, a)), ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};

const deleteSnsa: Handler = (env, input) => {
  const a = resolve(
    env,
    'servicenetworkserviceassociation',
    input.serviceNetworkServiceAssociationIdentifier as string,
  );
  requireOwner(env, a, env.store.get('servicenetwork', a.serviceNetworkId)?.accountId);
  env.store.remove('servicenetworkserviceassociation', a.id);
  return { id: a.id, arn: a.arn, status: 'DELETE_IN_PROGRESS' };
};

const createSnva: Handler = (env, input) =>
  idempotent(env, input, 'SERVICE_NETWORK_VPC_ASSOCIATION', () => {
    const sn = resolve(env, 'servicenetwork', input.serviceNetworkIdentifier as string);
    const vpcId = input.vpcIdentifier as string;
    const existing = env.store.vpcAssociations({ vpcId }).find((a) => a.region === env.region);
    if (existing)
      throw conflict(
        'SERVICE_NETWORK_VPC_ASSOCIATION',
        existing.id,
        `VPC ${vpcId} is already associated with service network ${existing.serviceNetworkId} ` +
          `(${existing.id}); a VPC can be associated with one service network`,
      );
    const a: VpcAssociationRecord = {
      ...newRecord(env, 'servicenetworkvpcassociation', input.tags),
      serviceNetworkId: sn.id,
      vpcId,
      securityGroupIds: (input.securityGroupIds as string[] | undefined) ?? [],
      ...(input.privateDnsEnabled !== undefined ? { privateDnsEnabled: input.privateDnsEnabled as boolean } : {}),
      ...(input.dnsOptions !== undefined ? { dnsOptions: input.dnsOptions as Record<string, unknown> } : {}),
      status: 'ACTIVE',
    };
    env.store.put('servicenetworkvpcassociation', a);
    return snvaView(env, a);
  });

const getSnva: Handler = (env, input) =>
  snvaView(env, resolve(env, 'servicenetworkvpcassociation', input.serviceNetworkVpcAssociationIdentifier as string));

const listSnva: Handler = (env, input) => {
  if (input.serviceNetworkIdentifier === undefined && input.vpcIdentifier === undefined) {
    throw validationError('Either serviceNetworkIdentifier or vpcIdentifier must be specified', [
      {
        name: 'serviceNetworkIdentifier',
        message: 'Either serviceNetworkIdentifier or vpcIdentifier must be specified',
      },
    ]);
  }
  const sn =
    input.serviceNetworkIdentifier !== undefined
      ? resolve(env, 'servicenetwork', input.serviceNetworkIdentifier as string)
      : undefined;
  const vpcId = input.vpcIdentifier as string | undefined;
  const rows = env.store
    .vpcAssociations({ ...(sn ? { serviceNetworkId: sn.id } : {}), ...(vpcId ? { vpcId } : {}) })
    .filter((a) => a.region === env.region && env.store.canSee(env.account, 'servicenetworkvpcassociation', a));
  const page = paginate(env, input, [sn?.id, vpcId], rows, (a) => a.id);
  return { items: page.items.map((a) => snvaView(env, a)), ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};

const updateSnva: Handler = (env, input) => {
  const a = resolve(env, 'servicenetworkvpcassociation', input.serviceNetworkVpcAssociationIdentifier as string);
  requireOwner(env, a);
  if (input.securityGroupIds !== undefined) a.securityGroupIds = input.securityGroupIds as string[];
  if (input.privateDnsEnabled !== undefined) a.privateDnsEnabled = input.privateDnsEnabled as boolean;
  if (input.dnsOptions !== undefined) a.dnsOptions = input.dnsOptions as Record<string, unknown>;
  touch(env, a);
  return snvaView(env, a);
};

const deleteSnva: Handler = (env, input) => {
  const a = resolve(env, 'servicenetworkvpcassociation', input.serviceNetworkVpcAssociationIdentifier as string);
  requireOwner(env, a, env.store.get('servicenetwork', a.serviceNetworkId)?.accountId);
  env.store.remove('servicenetworkvpcassociation', a.id);
  return { id: a.id, arn: a.arn, status: 'DELETE_IN_PROGRESS' };
};

/** Handlers by operation name. */
export const associationHandlers: Record<string, Handler> = {
  CreateServiceNetworkServiceAssociation: createSnsa,
  GetServiceNetworkServiceAssociation: getSnsa,
  ListServiceNetworkServiceAssociations: listSnsa,
  DeleteServiceNetworkServiceAssociation: deleteSnsa,
  CreateServiceNetworkVpcAssociation: createSnva,
  GetServiceNetworkVpcAssociation: getSnva,
  ListServiceNetworkVpcAssociations: listSnva,
  UpdateServiceNetworkVpcAssociation: updateSnva,
  DeleteServiceNetworkVpcAssociation: deleteSnva,
};
