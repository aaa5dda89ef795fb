/**
 * VPC resources in the snapshot (the Lattice of 2024 on): resource gateways, resource configurations,
 * their service-network and VPC-endpoint associations, service-network VPC endpoint associations and
 * domain verifications. Keyed by ARN like everything else; owner = the account in the ARN. Pure.
 */
import type { ResourceBase } from './snapshot';

/** Lifecycle states that mean "AWS tried and failed" (`CREATE_FAILED`, `UPDATE_FAILED`, `DELETE_FAILED`). */
export function isFailedStatus(status: string | undefined): boolean {
  return status?.endsWith('_FAILED') === true;
}

/** Lifecycle states still moving (`CREATE_IN_PROGRESS`, …). */
export function isPendingStatus(status: string | undefined): boolean {
  return status?.endsWith('_IN_PROGRESS') === true;
}

/** A resource gateway: the way into a VPC for resource configurations. */
export interface ResourceGateway extends ResourceBase {
  name: string;
  status?: string;
  vpcId?: string;
  subnetIds: string[];
  securityGroupIds: string[];
  /** IPV4, IPV6 or DUALSTACK. */
  ipAddressType?: string;
}

/** What a resource configuration points at. */
export type ResourceDefinition =
  | { kind: 'dns'; domainName: string; ipAddressType?: string }
  | { kind: 'ip'; ipAddress: string }
  | { kind: 'arn'; arn: string }
  | { kind: 'cidr'; cidrRanges: string[] };

/** A resource configuration (SINGLE, GROUP, CHILD or ARN). */
export interface ResourceConfiguration extends ResourceBase {
  name: string;
  /** SINGLE, GROUP, CHILD or ARN. */
  type?: string;
  status?: string;
  /** Why the last change failed (`*_FAILED`); only GetResourceConfiguration tells. */
  failureReason?: string;
  /** Its gateway's id (the gateway is in the same account and region). */
  resourceGatewayId?: string;
  /** The GROUP it belongs to (CHILD configurations). */
  groupId?: string;
  protocol?: string;
  portRanges?: string[];
  definition?: ResourceDefinition;
  customDomainName?: string;
  domainVerificationId?: string;
  domainVerificationStatus?: string;
  /** ISO time of the last change, as listed (an incremental refresh reads the details only when it moved). */
  lastUpdatedAt?: string;
  /** Accounts that listed it (owner and RAM consumers). */
  visibleTo: string[];
}

/** A service network–resource configuration association. */
export interface ResourceAssociation extends ResourceBase {
  serviceNetworkArn: string;
  resourceConfigurationArn: string;
  status?: string;
  /** Why it failed (`CREATE_FAILED`/`DELETE_FAILED`). */
  failureCode?: string;
  /** The DNS name Lattice gives the resource in the network. */
  dnsName?: string;
  /** The custom domain clients use, when private DNS is on. */
  privateDnsName?: string;
  createdBy?: string;
}

/** A VPC endpoint (type Resource) connected to a resource configuration. */
export interface ResourceEndpointAssociation extends ResourceBase {
  resourceConfigurationArn: string;
  vpcEndpointId: string;
  vpcEndpointOwner?: string;
}

/**
 * A VPC endpoint (type ServiceNetwork) into a network: how a VPC reaches a second network (a VPC has
 * one VPC association). The API gives it no ARN: `arn` is `<networkArn>#endpoint/<vpcEndpointId>`, and
 * `accountId` is the endpoint's owner.
 */
export interface VpcEndpointAssociation extends ResourceBase {
  serviceNetworkArn: string;
  vpcEndpointId: string;
  vpcId?: string;
  /** The endpoint's state as EC2 reports it (`Available`, `Pending`, …). */
  state?: string;
}

/** The key of a VPC endpoint association (it has no ARN of its own). */
export function vpcEndpointAssociationKey(serviceNetworkArn: string, vpcEndpointId: string): string {
  return `${serviceNetworkArn}#endpoint/${vpcEndpointId}`;
}

/** A custom domain being proven (TXT record) for resource configurations and services. */
export interface DomainVerification extends ResourceBase {
  domainName: string;
  /** PENDING, VERIFIED or VERIFICATION_TIMED_OUT. */
  status?: string;
  /** The TXT record to create: its name and value. */
  txtName?: string;
  txtValue?: string;
  lastVerifiedAt?: string;
}

/** The VPC-resource part of a snapshot (every list sorted by ARN). */
export interface VpcResources {
  resourceGateways: ResourceGateway[];
  resourceConfigurations: ResourceConfiguration[];
  resourceAssociations: ResourceAssociation[];
  resourceEndpointAssociations: ResourceEndpointAssociation[];
  vpcEndpointAssociations: VpcEndpointAssociation[];
  domainVerifications: DomainVerification[];
}

/** No VPC resources. */
export function emptyVpcResources(): VpcResources {
  return {
    resourceGateways: [],
    resourceConfigurations: [],
    resourceAssociations: [],
    resourceEndpointAssociations: [],
    vpcEndpointAssociations: [],
    domainVerifications: [],
  };
}

/** Whether `domain` is `verified` or a subdomain of it (a verified domain covers its subdomains). */
export function domainCovers(verified: string, domain: string): boolean {
  const v = verified.toLowerCase().replace(/\.$/, '');
  const d = domain.toLowerCase().replace(/\.$/, '');
  return d === v || d.endsWith(`.${v}`);
}
