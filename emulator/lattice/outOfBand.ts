/**
 * What happens to Lattice resources outside the Lattice API, for the control API and scenarios:
 * - VPC endpoints (EC2 CreateVpcEndpoint of type ServiceNetwork or Resource) connect a VPC to a
 *   service network or to a resource configuration; Lattice lists them as service network VPC
 *   endpoint associations and resource endpoint associations.
 * - provisioning outcomes: AWS moves a resource gateway, resource configuration or resource
 *   association to `*_FAILED` (with a reason) when provisioning fails, and a domain verification to
 *   VERIFIED when it finds the TXT record; the emulator has no EC2 or DNS, so these are set here.
 */
import type { Rng } from '../core/rng';
import { arnOf, newId } from './arns';
import type { LatticeStore } from './store';
import type { ResourceKind, VerificationStatus } from './types';

const HEX = '0123456789abcdef';

/** A VPC endpoint to connect, owned by `accountId`, to a network or a resource configuration (ids). */
export interface EndpointSpec {
  accountId: string;
  region: string;
  vpcId: string;
  serviceNetworkId?: string;
  resourceConfigurationId?: string;
}

/** Creates a VPC endpoint and its association; returns the endpoint id and the association id. */
export function connectEndpoint(
  store: LatticeStore,
  rng: Rng,
  now: number,
  spec: EndpointSpec,
): { vpcEndpointId: string; associationId: string } | string {
  const vpcEndpointId = `vpce-${rng.chars(17, HEX)}`;
  const common = { accountId: spec.accountId, region: spec.region, createdAt: now, lastUpdatedAt: now, tags: {} };
  if (spec.serviceNetworkId) {
    const sn = store.get('servicenetwork', spec.serviceNetworkId);
    if (!sn || sn.region !== spec.region) return `no service network ${spec.serviceNetworkId} in ${spec.region}`;
    if (sn.accountId !== spec.accountId && !store.sharedWith(sn.arn).includes(spec.accountId))
      return `service network ${sn.id} is neither owned by nor shared with ${spec.accountId}`;
    const id = newId(rng, 'servicenetworkendpointassociation');
    store.put('servicenetworkendpointassociation', {
      ...common,
      id,
      arn: `arn:aws:ec2:${spec.region}:${spec.accountId}:vpc-endpoint/${vpcEndpointId}`,
      serviceNetworkId: sn.id,
      vpcEndpointId,
      vpcId: spec.vpcId,
      state: 'Available',
    });
    return { vpcEndpointId, associationId: id };
  }
  const rc = spec.resourceConfigurationId
    ? store.get('resourceconfiguration', spec.resourceConfigurationId)
    : undefined;
  if (!rc || rc.region !== spec.region) return `no resource configuration ${spec.resourceConfigurationId ?? ''}`;
  if (rc.accountId !== spec.accountId && !store.sharedWith(rc.arn).includes(spec.accountId))
    return `resource configuration ${rc.id} is neither owned by nor shared with ${spec.accountId}`;
  const id = newId(rng, 'resourceendpointassociation');
  store.put('resourceendpointassociation', {
    ...common,
    // The association belongs to the configuration owner's side of Lattice; the endpoint owner is named.
    accountId: rc.accountId,
    id,
    arn: arnOf(spec.region, rc.accountId, 'resourceendpointassociation', id),
    resourceConfigurationId: rc.id,
    vpcEndpointId,
    vpcEndpointOwner: spec.accountId,
  });
  return { vpcEndpointId, associationId: id };
}

const STATUSES: Partial<Record<ResourceKind, readonly string[]>> = {
  resourcegateway: ['ACTIVE', 'CREATE_FAILED', 'UPDATE_FAILED', 'DELETE_FAILED'],
  resourceconfiguration: ['ACTIVE', 'CREATE_FAILED', 'UPDATE_FAILED', 'DELETE_FAILED'],
  servicenetworkresourceassociation: ['ACTIVE', 'PARTIAL', 'CREATE_FAILED', 'DELETE_FAILED'],
  domainverification: ['PENDING', 'VERIFIED', 'VERIFICATION_TIMED_OUT'],
};

/**
 * Sets the status of a resource gateway, resource configuration, resource association or domain
 * verification, with a failure reason (and code, for associations); returns an error text or undefined.
 */
export function setStatus(
  store: LatticeStore,
  now: number,
  arn: string,
  change: { status: string; failureReason?: string; failureCode?: string },
): string | undefined {
  const found = store.byArn(arn);
  if (!found) return `no resource ${arn}`;
  const allowed = STATUSES[found.kind];
  if (!allowed) return `the status of a ${found.kind} cannot be set`;
  if (!allowed.includes(change.status)) return `a ${found.kind} takes status ${allowed.join(', ')}`;
  const rec = found.record as unknown as Record<string, unknown>;
  rec.status = change.status;
  delete rec.settlesAt;
  rec.lastUpdatedAt = now;
  if (found.kind === 'domainverification') {
    if ((change.status as VerificationStatus) === 'VERIFIED') rec.lastVerifiedTime = now;
    return undefined;
  }
  const failed = change.status.endsWith('_FAILED');
  if (failed && change.failureReason) rec.failureReason = change.failureReason;
  else delete rec.failureReason;
  if (found.kind === 'servicenetworkresourceassociation') {
    if (failed && change.failureCode) rec.failureCode = change.failureCode;
    else delete rec.failureCode;
  }
  return undefined;
}
