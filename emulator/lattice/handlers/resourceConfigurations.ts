/**
 * Resource configurations (the API reference of CreateResourceConfiguration):
 * - SINGLE, GROUP and ARN need a resource gateway; a CHILD names its GROUP instead and uses the
 *   group's gateway and protocol.
 * - SINGLE and CHILD take a `dnsResource` or `ipResource` (CIDR: `cidrResource`), ARN an
 *   `arnResource`, GROUP none (its children carry the resources; `groupDomain` is GROUP-only).
 * - SINGLE, GROUP and CIDR need `portRanges` ("443" or "8000-8100", 1–65535) and `protocol` TCP.
 * - names are unique per account; quotas per Region and children per group.
 * Creation and updates are `*_IN_PROGRESS` until `provisionMs` has passed. A configuration that is
 * associated with a service network, or a group with children, cannot be deleted.
 */
import { conflict, fieldError, quotaExceeded, validationError } from '../errors';
import type { ResourceConfigurationRecord, ResourceDefinition } from '../types';
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
  type Output,
} from './common';
import { resolveGateway } from './resourceGateways';

/** Quota code of "Resource configurations per AWS Region" (not confirmed against Service Quotas). */
export const RESOURCE_CONFIGURATIONS_PER_REGION_QUOTA = 'L-RCFGPERREGION';
/** Quota code of "Child Resource Configurations per Group Resource Configuration" (Service Quotas). */
export const CHILDREN_PER_GROUP_QUOTA = 'L-9BC96FEF';

type RcfgType = ResourceConfigurationRecord['type'];

/** A resource configuration by id or ARN (own or shared), with its provisioning settled to `now`. */
export function resolveConfiguration(env: Env, identifier: string): ResourceConfigurationRecord {
  const rc = resolve(env, 'resourceconfiguration', identifier);
  env.store.settle(rc, env.now);
  return rc;
}

/** The API view of a configuration (Create/Get/Update/List outputs take the members their shapes have). */
export function configurationView(env: Env, rc: ResourceConfigurationRecord): Output {
  const { settlesAt: _s, domainVerificationId, ...rest } = rc;
  const dv = domainVerificationId ? env.store.get('domainverification', domainVerificationId) : undefined;
  if (dv) env.store.settleVerification(dv, env.now);
  return {
    ...rest,
    amazonManaged: false,
    ...(dv ? { domainVerificationId: dv.id, domainVerificationArn: dv.arn, domainVerificationStatus: dv.status } : {}),
  };
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^[0-9a-fA-F:]+$/;

function checkPortRanges(ranges: readonly string[], field: string): void {
  if (ranges.length === 0) throw fieldError(field, [], 'At least one port range is required');
  for (const r of ranges) {
    const [lo, hi = lo] = r.split('-').map(Number) as [number, number?];
    if (!(lo >= 1 && (hi as number) <= 65535 && lo <= (hi as number)))
      throw fieldError(field, r, 'Port ranges are ports or ranges from 1 to 65535, low to high');
  }
}

function checkDefinition(type: RcfgType, def: ResourceDefinition | undefined, field: string): void {
  const kind = def ? Object.keys(def).find((k) => def[k as keyof ResourceDefinition] !== undefined) : undefined;
  const expected: Record<RcfgType, string[]> = {
    SINGLE: ['dnsResource', 'ipResource'],
    CHILD: ['dnsResource', 'ipResource'],
    ARN: ['arnResource'],
    CIDR: ['cidrResource'],
    GROUP: [],
  };
  if (type === 'GROUP') {
    if (kind) throw fieldError(`${field}.${kind}`, kind, 'A GROUP resource configuration has no resource definition');
    return;
  }
  if (!kind) throw fieldError(field, null, `A ${type} resource configuration needs a resource definition`);
  if (!expected[type].includes(kind))
    throw fieldError(`${field}.${kind}`, kind, `A ${type} resource configuration takes ${expected[type].join(' or ')}`);
  const ip = def?.ipResource?.ipAddress;
  if (kind === 'ipResource' && (!ip || !(IPV4.test(ip) || (ip.includes(':') && IPV6.test(ip)))))
    throw fieldError(`${field}.ipResource.ipAddress`, ip ?? null, 'Member must be an IPv4 or IPv6 address');
  if (kind === 'dnsResource' && !def?.dnsResource?.domainName)
    throw fieldError(`${field}.dnsResource.domainName`, null, 'Member must not be null');
  if (kind === 'arnResource' && !def?.arnResource?.arn)
    throw fieldError(`${field}.arnResource.arn`, null, 'Member must not be null');
}

function domainVerification(env: Env, input: Input, customDomainName: string | undefined) {
  const id = input.domainVerificationIdentifier as string | undefined;
  if (id === undefined) return undefined;
  if (!customDomainName)
    throw fieldError('domainVerificationIdentifier', id, 'A domain verification needs a customDomainName');
  const dv = resolve(env, 'domainverification', id);
  if (customDomainName !== dv.domainName && !customDomainName.endsWith(`.${dv.domainName}`))
    throw fieldError(
      'customDomainName',
      customDomainName,
      `The custom domain name is not ${dv.domainName} or one of its subdomains (${dv.id})`,
    );
  return dv;
}

const create: Handler = (env, input) =>
  idempotent(env, input, 'RESOURCE_CONFIGURATION', () => {
    const name = input.name as string;
    const type = input.type as RcfgType;
    const mine = env.store.all('resourceconfiguration', env.region).filter((r) => r.accountId === env.account);
    const taken = nameTaken(mine, name);
    if (taken)
      throw conflict(
        'RESOURCE_CONFIGURATION',
        taken.id,
        `A resource configuration named '${name}' already exists in account ${env.account} (${taken.id})`,
      );
    if (mine.length >= env.store.quotas.resourceConfigurationsPerRegion)
      throw quotaExceeded(
        'RESOURCE_CONFIGURATION',
        RESOURCE_CONFIGURATIONS_PER_REGION_QUOTA,
        `Account ${env.account} already has ${mine.length} resource configurations in ${env.region}`,
      );
    let gatewayId: string | undefined;
    let groupId: string | undefined;
    let protocol = input.protocol as ResourceConfigurationRecord['protocol'];
    if (type === 'CHILD') {
      if (input.resourceGatewayIdentifier !== undefined)
        throw fieldError(
          'resourceGatewayIdentifier',
          input.resourceGatewayIdentifier,
          'A CHILD uses its group gateway',
        );
      const groupIdent = input.resourceConfigurationGroupIdentifier as string | undefined;
      if (!groupIdent) throw fieldError('resourceConfigurationGroupIdentifier', null, 'A CHILD needs its GROUP');
      const group = resolveConfiguration(env, groupIdent);
      requireOwner(env, group);
      if (group.type !== 'GROUP')
        throw fieldError('resourceConfigurationGroupIdentifier', groupIdent, `${group.id} is ${group.type}, not GROUP`);
      const children = env.store.resourceConfigurationsOf({ groupId: group.id }).length;
      if (children >= env.store.quotas.childResourceConfigurationsPerGroup)
        throw quotaExceeded(
          'RESOURCE_CONFIGURATION',
          CHILDREN_PER_GROUP_QUOTA,
          `Group ${group.id} already has ${children} child resource configurations`,
          group.id,
        );
      groupId = group.id;
      gatewayId = group.resourceGatewayId;
      protocol = group.protocol;
    } else {
      if (input.resourceConfigurationGroupIdentifier !== undefined)
        throw fieldError(
          'resourceConfigurationGroupIdentifier',
          input.resourceConfigurationGroupIdentifier,
          'Only CHILD resource configurations belong to a group',
        );
      const gwIdent = input.resourceGatewayIdentifier as string | undefined;
      if (!gwIdent) throw fieldError('resourceGatewayIdentifier', null, `A ${type} resource configuration needs one`);
      const gw = resolveGateway(env, gwIdent);
      requireOwner(env, gw);
      gatewayId = gw.id;
    }
    const portRanges = input.portRanges as string[] | undefined;
    if (type === 'ARN' && portRanges !== undefined)
      throw fieldError('portRanges', portRanges, 'ARN resource configurations take no port ranges');
    if (type !== 'ARN' && type !== 'CHILD') {
      checkPortRanges(portRanges ?? [], 'portRanges');
      if (!protocol) throw fieldError('protocol', null, 'Member must not be null');
    } else if (portRanges) checkPortRanges(portRanges, 'portRanges');
    const def = input.resourceConfigurationDefinition as ResourceDefinition | undefined;
    checkDefinition(type, def, 'resourceConfigurationDefinition');
    if (input.groupDomain !== undefined && type !== 'GROUP')
      throw fieldError('groupDomain', input.groupDomain, 'Only GROUP resource configurations have a groupDomain');
    const customDomainName = input.customDomainName as string | undefined;
    const dv = domainVerification(env, input, customDomainName);
    const rc: ResourceConfigurationRecord = {
      ...newRecord(env, 'resourceconfiguration', input.tags),
      name,
      type,
      status: 'CREATE_IN_PROGRESS',
      settlesAt: env.now + env.store.provisionMs,
      ...(gatewayId ? { resourceGatewayId: gatewayId } : {}),
      ...(groupId ? { resourceConfigurationGroupId: groupId } : {}),
      ...(portRanges ? { portRanges: [...portRanges] } : {}),
      ...(protocol ? { protocol } : {}),
      ...(def ? { resourceConfigurationDefinition: JSON.parse(JSON.stringify(def)) as ResourceDefinition } : {}),
      allowAssociationToShareableServiceNetwork:
        (input.allowAssociationToShareableServiceNetwork as boolean | undefined) ?? true,
      ...(customDomainName ? { customDomainName } : {}),
      ...(input.groupDomain !== undefined ? { groupDomain: input.groupDomain as string } : {}),
      ...(dv ? { domainVerificationId: dv.id } : {}),
    };
    env.store.put('resourceconfiguration', rc);
    return configurationView(env, rc);
  });

const get: Handler = (env, input) =>
  configurationView(env, resolveConfiguration(env, input.resourceConfigurationIdentifier as string));

const list: Handler = (env, input) => {
  const gw = input.resourceGatewayIdentifier
    ? resolveGateway(env, input.resourceGatewayIdentifier as string)
    : undefined;
  const group = input.resourceConfigurationGroupIdentifier
    ? resolveConfiguration(env, input.resourceConfigurationGroupIdentifier as string)
    : undefined;
  const dv = input.domainVerificationIdentifier
    ? resolve(env, 'domainverification', input.domainVerificationIdentifier as string)
    : undefined;
  const rows = env.store
    .all('resourceconfiguration', env.region)
    .filter(
      (r) =>
        env.store.canSee(env.account, 'resourceconfiguration', r) &&
        (!gw || r.resourceGatewayId === gw.id) &&
        (!group || r.resourceConfigurationGroupId === group.id) &&
        (!dv || r.domainVerificationId === dv.id),
    );
  for (const r of rows) env.store.settle(r, env.now);
  const page = paginate(env, input, [gw?.id, group?.id, dv?.id], rows, byName);
  return {
    items: page.items.map((r) => configurationView(env, r)),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
};

const update: Handler = (env, input) => {
  const rc = resolveConfiguration(env, input.resourceConfigurationIdentifier as string);
  requireOwner(env, rc);
  if (rc.status.endsWith('_IN_PROGRESS'))
    throw conflict('RESOURCE_CONFIGURATION', rc.id, `Resource configuration ${rc.id} is ${rc.status}; retry later`);
  const def = input.resourceConfigurationDefinition as ResourceDefinition | undefined;
  if (def !== undefined) {
    checkDefinition(rc.type, def, 'resourceConfigurationDefinition');
    const before = Object.keys(rc.resourceConfigurationDefinition ?? {})[0];
    const after = Object.keys(def)[0];
    if (before !== after)
      throw validationError(`The resource definition of ${rc.id} cannot change from ${before} to ${after}`, [
        { name: 'resourceConfigurationDefinition', message: 'The kind of resource cannot change' },
      ]);
    rc.resourceConfigurationDefinition = JSON.parse(JSON.stringify(def)) as ResourceDefinition;
  }
  if (input.portRanges !== undefined) {
    if (rc.type === 'ARN') throw fieldError('portRanges', input.portRanges, 'ARN resource configurations take none');
    checkPortRanges(input.portRanges as string[], 'portRanges');
    rc.portRanges = [...(input.portRanges as string[])];
  }
  if (input.allowAssociationToShareableServiceNetwork !== undefined)
    rc.allowAssociationToShareableServiceNetwork = input.allowAssociationToShareableServiceNetwork as boolean;
  rc.status = 'UPDATE_IN_PROGRESS';
  rc.settlesAt = env.now + env.store.provisionMs;
  delete rc.failureReason;
  touch(env, rc);
  return configurationView(env, rc);
};

const remove: Handler = (env, input) => {
  const rc = resolveConfiguration(env, input.resourceConfigurationIdentifier as string);
  requireOwner(env, rc);
  const assoc = env.store.resourceAssociations({ resourceConfigurationId: rc.id });
  if (assoc.length > 0)
    throw conflict(
      'RESOURCE_CONFIGURATION',
      rc.id,
      `Resource configuration ${rc.id} is associated with ${assoc.length} service network(s); ` +
        'delete the associations first',
    );
  const children = env.store.resourceConfigurationsOf({ groupId: rc.id });
  if (children.length > 0)
    throw conflict(
      'RESOURCE_CONFIGURATION',
      rc.id,
      `Group ${rc.id} still has ${children.length} child resource configuration(s)`,
    );
  for (const rea of env.store.all('resourceendpointassociation').filter((a) => a.resourceConfigurationId === rc.id))
    env.store.remove('resourceendpointassociation', rea.id);
  env.store.remove('resourceconfiguration', rc.id);
  return {};
};

/** Handlers by operation name. */
export const resourceConfigurationHandlers: Record<string, Handler> = {
  CreateResourceConfiguration: create,
  GetResourceConfiguration: get,
  ListResourceConfigurations: list,
  UpdateResourceConfiguration: update,
  DeleteResourceConfiguration: remove,
};
