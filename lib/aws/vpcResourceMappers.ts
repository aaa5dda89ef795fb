/**
 * VPC Lattice SDK shapes → domain VPC resources: resource gateways, resource configurations (list and
 * Get views), service-network resource associations, resource endpoint associations, service-network
 * VPC endpoint associations and domain verifications. Like resourceMappers.ts: region in, undefined for
 * an item without what identifies it.
 */
import 'server-only';
import type {
  DomainVerificationSummary,
  GetResourceConfigurationResponse,
  ResourceConfigurationDefinition,
  ResourceConfigurationSummary,
  ResourceEndpointAssociationSummary,
  ResourceGatewaySummary,
  ServiceNetworkEndpointAssociation,
  ServiceNetworkResourceAssociationSummary,
} from '@aws-sdk/client-vpc-lattice';
import type {
  DomainVerification,
  ResourceAssociation,
  ResourceConfiguration,
  ResourceDefinition,
  ResourceEndpointAssociation,
  ResourceGateway,
  VpcEndpointAssociation,
} from '../domain/vpcResources';
import { vpcEndpointAssociationKey } from '../domain/vpcResources';
import { base } from './resourceMappers';

/** Copies the defined string fields of `pairs` (domain key → value). */
function defined(pairs: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(pairs)) if (v) out[k] = v;
  return out;
}

/** A resource gateway (ListResourceGateways carries every field the snapshot needs). */
export function toResourceGateway(g: ResourceGatewaySummary, region: string): ResourceGateway | undefined {
  const b = base(g.arn, g.id, region);
  if (!b) return undefined;
  return {
    ...b,
    name: g.name ?? b.id,
    ...defined({ status: g.status, vpcId: g.vpcIdentifier, ipAddressType: g.ipAddressType }),
    subnetIds: [...(g.subnetIds ?? [])],
    securityGroupIds: [...(g.securityGroupIds ?? [])],
  };
}

/** The definition of a configuration (the union member that is set). */
export function toDefinition(d: ResourceConfigurationDefinition | undefined): ResourceDefinition | undefined {
  if (!d) return undefined;
  if (d.dnsResource?.domainName)
    return {
      kind: 'dns',
      domainName: d.dnsResource.domainName,
      ...(d.dnsResource.ipAddressType ? { ipAddressType: d.dnsResource.ipAddressType } : {}),
    };
  if (d.ipResource?.ipAddress) return { kind: 'ip', ipAddress: d.ipResource.ipAddress };
  if (d.arnResource?.arn) return { kind: 'arn', arn: d.arnResource.arn };
  if (d.cidrResource?.cidrRanges?.length) return { kind: 'cidr', cidrRanges: [...d.cidrResource.cidrRanges] };
  return undefined;
}

/**
 * A resource configuration from ListResourceConfigurations (no protocol, ports, definition or failure
 * reason) or GetResourceConfiguration, seen by `viewer`.
 */
export function toResourceConfiguration(
  c: ResourceConfigurationSummary | GetResourceConfigurationResponse,
  region: string,
  viewer: string,
): ResourceConfiguration | undefined {
  const b = base(c.arn, c.id, region);
  if (!b) return undefined;
  const full =
    'portRanges' in c || 'resourceConfigurationDefinition' in c ? (c as GetResourceConfigurationResponse) : {};
  const definition = toDefinition(full.resourceConfigurationDefinition);
  return {
    ...b,
    name: c.name ?? b.id,
    ...defined({
      type: c.type,
      status: c.status,
      resourceGatewayId: c.resourceGatewayId,
      groupId: c.resourceConfigurationGroupId,
      customDomainName: c.customDomainName,
      domainVerificationId: c.domainVerificationId,
      failureReason: full.failureReason,
      protocol: full.protocol,
      domainVerificationStatus: full.domainVerificationStatus,
    }),
    ...(full.portRanges ? { portRanges: [...full.portRanges] } : {}),
    ...(definition ? { definition } : {}),
    ...(c.lastUpdatedAt ? { lastUpdatedAt: c.lastUpdatedAt.toISOString() } : {}),
    visibleTo: [viewer],
  };
}

/** A service network–resource configuration association. */
export function toResourceAssociation(
  a: ServiceNetworkResourceAssociationSummary,
  region: string,
): ResourceAssociation | undefined {
  const b = base(a.arn, a.id, region);
  if (!b || !a.serviceNetworkArn || !a.resourceConfigurationArn) return undefined;
  return {
    ...b,
    serviceNetworkArn: a.serviceNetworkArn,
    resourceConfigurationArn: a.resourceConfigurationArn,
    ...defined({
      status: a.status,
      failureCode: a.failureCode,
      dnsName: a.dnsEntry?.domainName,
      privateDnsName: a.privateDnsEntry?.domainName,
      createdBy: a.createdBy,
    }),
  };
}

/** A VPC endpoint connected to a resource configuration. */
export function toResourceEndpointAssociation(
  a: ResourceEndpointAssociationSummary,
  region: string,
): ResourceEndpointAssociation | undefined {
  const b = base(a.arn, a.id, region);
  if (!b || !a.resourceConfigurationArn || !a.vpcEndpointId) return undefined;
  return {
    ...b,
    resourceConfigurationArn: a.resourceConfigurationArn,
    vpcEndpointId: a.vpcEndpointId,
    ...defined({ vpcEndpointOwner: a.vpcEndpointOwner }),
  };
}

/** A VPC endpoint into a network (no ARN from the API: keyed by network and endpoint; owner = the endpoint owner). */
export function toVpcEndpointAssociation(
  a: ServiceNetworkEndpointAssociation,
  region: string,
  networkArn: string,
): VpcEndpointAssociation | undefined {
  if (!a.vpcEndpointId) return undefined;
  const serviceNetworkArn = a.serviceNetworkArn ?? networkArn;
  return {
    arn: vpcEndpointAssociationKey(serviceNetworkArn, a.vpcEndpointId),
    id: a.id ?? a.vpcEndpointId,
    accountId: a.vpcEndpointOwnerId ?? '',
    region,
    serviceNetworkArn,
    vpcEndpointId: a.vpcEndpointId,
    ...defined({ vpcId: a.vpcId, state: a.state }),
  };
}

/** A domain verification with the TXT record to create. */
export function toDomainVerification(d: DomainVerificationSummary, region: string): DomainVerification | undefined {
  const b = base(d.arn, d.id, region);
  if (!b || !d.domainName) return undefined;
  return {
    ...b,
    domainName: d.domainName,
    ...defined({
      status: d.status,
      txtName: d.txtMethodConfig?.name,
      txtValue: d.txtMethodConfig?.value,
      lastVerifiedAt: d.lastVerifiedTime?.toISOString(),
    }),
  };
}
