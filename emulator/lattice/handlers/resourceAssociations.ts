/**
 * Service network–resource configuration associations, and the read side of VPC endpoints (which
 * EC2 creates, not Lattice): resource endpoint associations and service network VPC endpoint
 * associations. An association is owned by the account that created it; the network owner and the
 * configuration owner both see it. CHILD configurations are reached through their GROUP; a
 * configuration that does not allow shareable networks cannot join a network shared through RAM.
 */
import { hashString, Rng } from '../../core/rng';
import { conflict, fieldError, quotaExceeded } from '../errors';
import type { ResourceAssociationRecord } from '../types';
import { idempotent, newRecord, paginate, requireOwner, resolve, type Env, type Handler, type Output } from './common';
import { resolveConfiguration } from './resourceConfigurations';

/** Quota code of "Resource configurations per service network" (not confirmed against Service Quotas). */
export const RESOURCE_CONFIGURATIONS_PER_NETWORK_QUOTA = 'L-RCFGPERSN';

function snraView(env: Env, a: ResourceAssociationRecord): Output {
  env.store.settle(a, env.now);
  const rc = env.store.get('resourceconfiguration', a.resourceConfigurationId);
  const sn = env.store.get('servicenetwork', a.serviceNetworkId);
  const dv = rc?.domainVerificationId ? env.store.get('domainverification', rc.domainVerificationId) : undefined;
  if (dv) env.store.settleVerification(dv, env.now);
  const { settlesAt: _s, ...rest } = a;
  return {
    ...rest,
    createdBy: a.accountId,
    resourceConfigurationArn: rc?.arn,
    resourceConfigurationName: rc?.name,
    serviceNetworkArn: sn?.arn,
    serviceNetworkName: sn?.name,
    isManagedAssociation: false,
    ...(dv ? { domainVerificationStatus: dv.status } : {}),
  };
}

/** The DNS name AWS gives a resource in a network (format of the service DNS entries; not confirmed). */
function resourceDnsEntry(env: Env, rcfgId: string, snraId: string): { domainName: string; hostedZoneId: string } {
  const zone = new Rng(hashString(`lattice-rsc-zone:${env.region}`)).chars(13, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
  return {
    domainName:
      `${snraId}.${rcfgId}.${env.state.rng.chars(7, '0123456789abcdef')}` + `.vpc-lattice-rsc.${env.region}.on.aws`,
    hostedZoneId: `Z${zone}`,
  };
}

const create: Handler = (env, input) =>
  idempotent(env, input, 'SERVICE_NETWORK_RESOURCE_ASSOCIATION', () => {
    const rc = resolveConfiguration(env, input.resourceConfigurationIdentifier as string);
    const sn = resolve(env, 'servicenetwork', input.serviceNetworkIdentifier as string);
    // The configuration owner (into a network shared with it) or the network owner (of a configuration shared
    // with it); a third account that merely sees both may not join them.
    requireOwner(env, rc, sn.accountId === env.account ? env.account : undefined);
    if (rc.type === 'CHILD')
      throw fieldError(
        'resourceConfigurationIdentifier',
        rc.id,
        `${rc.id} is a CHILD resource configuration; associate its group ${rc.resourceConfigurationGroupId}`,
      );
    if (rc.status !== 'ACTIVE')
      throw conflict('RESOURCE_CONFIGURATION', rc.id, `Resource configuration ${rc.id} is ${rc.status}, not ACTIVE`);
    const shareable = sn.sharingConfig?.enabled === true || env.store.sharedWith(sn.arn).length > 0;
    if (shareable && !rc.allowAssociationToShareableServiceNetwork)
      throw fieldError(
        'serviceNetworkIdentifier',
        sn.id,
        `${rc.id} does not allow association with shareable service networks, and ${sn.id} is shareable`,
      );
    const existing = env.store.resourceAssociations({ serviceNetworkId: sn.id, resourceConfigurationId: rc.id })[0];
    if (existing)
      throw conflict(
        'SERVICE_NETWORK_RESOURCE_ASSOCIATION',
        existing.id,
        `Resource configuration ${rc.id} is already associated with service network ${sn.id} (${existing.id})`,
      );
    const count = env.store.resourceAssociations({ serviceNetworkId: sn.id }).length;
    if (count >= env.store.quotas.resourceConfigurationsPerServiceNetwork)
      throw quotaExceeded(
        'SERVICE_NETWORK_RESOURCE_ASSOCIATION',
        RESOURCE_CONFIGURATIONS_PER_NETWORK_QUOTA,
        `Service network ${sn.id} already has ${count} resource configurations, the quota per service network`,
        sn.id,
      );
    const base = newRecord(env, 'servicenetworkresourceassociation', input.tags);
    const privateDnsEnabled = (input.privateDnsEnabled as boolean | undefined) ?? rc.customDomainName !== undefined;
    const a: ResourceAssociationRecord = {
      ...base,
      serviceNetworkId: sn.id,
      resourceConfigurationId: rc.id,
      status: 'CREATE_IN_PROGRESS',
      settlesAt: env.now + env.store.provisionMs,
      privateDnsEnabled,
      dnsEntry: resourceDnsEntry(env, rc.id, base.id),
      ...(privateDnsEnabled && rc.customDomainName
        ? {
            privateDnsEntry: {
              domainName: rc.customDomainName,
              hostedZoneId: resourceDnsEntry(env, rc.id, base.id).hostedZoneId,
            },
          }
        : {}),
    };
    env.store.put('servicenetworkresourceassociation', a);
    return { ...snraView(env, a), status: 'CREATE_IN_PROGRESS' };
  });

const get: Handler = (env, input) =>
  snraView(
    env,
    resolve(env, 'servicenetworkresourceassociation', input.serviceNetworkResourceAssociationIdentifier as string),
  );

const list: Handler = (env, input) => {
  const sn = input.serviceNetworkIdentifier
    ? resolve(env, 'servicenetwork', input.serviceNetworkIdentifier as string)
    : undefined;
  const rc = input.resourceConfigurationIdentifier
    ? resolveConfiguration(env, input.resourceConfigurationIdentifier as string)
    : undefined;
  // includeChildren asks for the managed associations AWS makes for the children of an associated GROUP;
  // the emulator associates groups only, so there are none to add.
  const configIds = rc ? new Set([rc.id]) : undefined;
  const rows = env.store
    .all('servicenetworkresourceassociation', env.region)
    .filter(
      (a) =>
        (!sn || a.serviceNetworkId === sn.id) &&
        (!configIds || configIds.has(a.resourceConfigurationId)) &&
        env.store.canSee(env.account, 'servicenetworkresourceassociation', a),
    );
  const page = paginate(env, input, [sn?.id, rc?.id, String(input.includeChildren ?? false)], rows, (a) => a.id);
  return { items: page.items.map((a) => snraView(env, a)), ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};

const remove: Handler = (env, input) => {
  const a = resolve(
    env,
    'servicenetworkresourceassociation',
    input.serviceNetworkResourceAssociationIdentifier as string,
  );
  // The creator, the network owner or the configuration owner may delete it.
  requireOwner(
    env,
    a,
    env.store.get('servicenetwork', a.serviceNetworkId)?.accountId,
    env.store.get('resourceconfiguration', a.resourceConfigurationId)?.accountId,
  );
  env.store.remove('servicenetworkresourceassociation', a.id);
  return { id: a.id, arn: a.arn, status: 'DELETE_IN_PROGRESS' };
};

const listEndpointAssociations: Handler = (env, input) => {
  const rc = resolveConfiguration(env, input.resourceConfigurationIdentifier as string);
  const reaIdent = input.resourceEndpointAssociationIdentifier as string | undefined;
  const reaId = reaIdent?.startsWith('arn:') ? reaIdent.split('/').pop() : reaIdent;
  const rows = env.store
    .all('resourceendpointassociation', env.region)
    .filter(
      (a) =>
        a.resourceConfigurationId === rc.id &&
        (reaId === undefined || a.id === reaId) &&
        (input.vpcEndpointId === undefined || a.vpcEndpointId === input.vpcEndpointId) &&
        (input.vpcEndpointOwner === undefined || a.vpcEndpointOwner === input.vpcEndpointOwner) &&
        env.store.canSee(env.account, 'resourceendpointassociation', a),
    );
  const scope = [rc.id, reaId, input.vpcEndpointId as string | undefined, input.vpcEndpointOwner as string | undefined];
  const page = paginate(env, input, scope, rows, (a) => a.id);
  return {
    items: page.items.map((a) => ({
      ...a,
      createdBy: a.accountId,
      resourceConfigurationArn: rc.arn,
      resourceConfigurationName: rc.name,
    })),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
};

const deleteEndpointAssociation: Handler = (env, input) => {
  const a = resolve(env, 'resourceendpointassociation', input.resourceEndpointAssociationIdentifier as string);
  // The endpoint owner disconnects its endpoint; the configuration owner may reject it.
  requireOwner(
    env,
    a,
    a.vpcEndpointOwner,
    env.store.get('resourceconfiguration', a.resourceConfigurationId)?.accountId,
  );
  env.store.remove('resourceendpointassociation', a.id);
  const rc = env.store.get('resourceconfiguration', a.resourceConfigurationId);
  return {
    id: a.id,
    arn: a.arn,
    resourceConfigurationId: a.resourceConfigurationId,
    resourceConfigurationArn: rc?.arn,
    vpcEndpointId: a.vpcEndpointId,
  };
};

const listVpcEndpointAssociations: Handler = (env, input) => {
  const sn = resolve(env, 'servicenetwork', input.serviceNetworkIdentifier as string);
  const rows = env.store
    .all('servicenetworkendpointassociation', env.region)
    .filter(
      (a) => a.serviceNetworkId === sn.id && env.store.canSee(env.account, 'servicenetworkendpointassociation', a),
    );
  const page = paginate(env, input, [sn.id], rows, (a) => a.id);
  return {
    items: page.items.map((a) => ({ ...a, vpcEndpointOwnerId: a.accountId, serviceNetworkArn: sn.arn })),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
};

/** Handlers by operation name. */
export const resourceAssociationHandlers: Record<string, Handler> = {
  CreateServiceNetworkResourceAssociation: create,
  GetServiceNetworkResourceAssociation: get,
  ListServiceNetworkResourceAssociations: list,
  DeleteServiceNetworkResourceAssociation: remove,
  ListResourceEndpointAssociations: listEndpointAssociations,
  DeleteResourceEndpointAssociation: deleteEndpointAssociation,
  ListServiceNetworkVpcEndpointAssociations: listVpcEndpointAssociations,
};
