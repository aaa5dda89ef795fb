/**
 * Plain-data records of the emulated VPC Lattice resources. Everything here is JSON-serialisable
 * (timestamps are epoch milliseconds), so the store saves and loads by copying, and other parts of
 * the emulator (traffic, incidents) can read it without going through the HTTP API.
 * Wire sub-shapes (actions, matches, target-group config) are stored as the API spells them.
 */

/** `NONE` or `AWS_IAM`. */
export type AuthType = 'NONE' | 'AWS_IAM';

/** One target group of a forward action. Stored with the target group's id, never its ARN. */
export interface WeightedTargetGroup {
  targetGroupIdentifier: string;
  weight: number;
}

/** A rule action: exactly one of `forward` or `fixedResponse`. */
export interface RuleAction {
  forward?: { targetGroups: WeightedTargetGroup[] };
  fixedResponse?: { statusCode: number };
}

/** A header condition of a rule. `caseSensitive` defaults to false. */
export interface HeaderMatch {
  name: string;
  match: { exact?: string; prefix?: string; contains?: string };
  caseSensitive?: boolean;
}

/** The HTTP conditions of a rule; all given conditions must hold. */
export interface HttpMatch {
  method?: string;
  pathMatch?: { match: { exact?: string; prefix?: string }; caseSensitive?: boolean };
  headerMatches?: HeaderMatch[];
}

/** A rule match (a union with one member today). */
export interface RuleMatch {
  httpMatch?: HttpMatch;
}

/** Health check settings of an IP or INSTANCE target group. */
export interface HealthCheckConfig {
  enabled?: boolean;
  protocol?: string;
  protocolVersion?: string;
  port?: number;
  path?: string;
  healthCheckIntervalSeconds?: number;
  healthCheckTimeoutSeconds?: number;
  healthyThresholdCount?: number;
  unhealthyThresholdCount?: number;
  matcher?: { httpCode?: string };
}

/** Target group configuration as the API returns it (defaults filled in). */
export interface TargetGroupConfig {
  port?: number;
  protocol?: string;
  protocolVersion?: string;
  ipAddressType?: string;
  vpcIdentifier?: string;
  healthCheck?: HealthCheckConfig;
  lambdaEventStructureVersion?: string;
}

/** The target statuses of the API. */
export type TargetStatus = 'HEALTHY' | 'UNHEALTHY' | 'INITIAL' | 'DRAINING' | 'UNAVAILABLE' | 'UNUSED';
/** Target group types. */
export type TargetGroupType = 'IP' | 'INSTANCE' | 'LAMBDA' | 'ALB';

/** Fields every owned Lattice resource has. `accountId` is the owner (the account in the ARN). */
export interface OwnedRecord {
  id: string;
  arn: string;
  accountId: string;
  region: string;
  createdAt: number;
  lastUpdatedAt: number;
  tags: Record<string, string>;
}

/** A service network. */
export interface ServiceNetworkRecord extends OwnedRecord {
  name: string;
  authType: AuthType;
  sharingConfig?: { enabled: boolean };
}

/** A service. */
export interface ServiceRecord extends OwnedRecord {
  name: string;
  authType: AuthType;
  status: 'ACTIVE';
  dnsEntry: { domainName: string; hostedZoneId: string };
  customDomainName?: string;
  certificateArn?: string;
  idleTimeoutSeconds?: number;
}

/** A listener of a service. Its default action lives in its default rule (`defaultRuleId`). */
export interface ListenerRecord extends OwnedRecord {
  serviceId: string;
  name: string;
  protocol: 'HTTP' | 'HTTPS' | 'TLS_PASSTHROUGH';
  port: number;
  defaultRuleId: string;
}

/** A listener rule; the default rule has `isDefault`, no priority and no match. */
export interface RuleRecord extends OwnedRecord {
  serviceId: string;
  listenerId: string;
  name: string;
  isDefault: boolean;
  priority?: number;
  match?: RuleMatch;
  action: RuleAction;
}

/** A registered target. Its status is derived from these facts and the clock (see targetHealth.ts). */
export interface TargetRecord {
  id: string;
  port?: number;
  registeredAt: number;
  /** Set by DeregisterTargets: DRAINING until the drain time has passed, then gone. */
  deregisteredAt?: number;
  /** Set by scenarios and incidents; wins over the derived status until cleared. */
  forcedStatus?: TargetStatus;
  forcedReasonCode?: string;
}

/** A target group and its targets. */
export interface TargetGroupRecord extends OwnedRecord {
  name: string;
  type: TargetGroupType;
  config: TargetGroupConfig;
  status: 'ACTIVE';
  targets: TargetRecord[];
}

/** A service network–service association, owned by the account that created it. */
export interface ServiceAssociationRecord extends OwnedRecord {
  serviceNetworkId: string;
  serviceId: string;
  status: 'ACTIVE';
}

/** A service network–VPC association, owned by the account that created it (the VPC owner). */
export interface VpcAssociationRecord extends OwnedRecord {
  serviceNetworkId: string;
  vpcId: string;
  securityGroupIds: string[];
  privateDnsEnabled?: boolean;
  dnsOptions?: Record<string, unknown>;
  status: 'ACTIVE';
}

/** An access-log subscription of a service network or a service. */
export interface AccessLogSubscriptionRecord extends OwnedRecord {
  resourceId: string;
  resourceArn: string;
  destinationArn: string;
  serviceNetworkLogType?: 'SERVICE' | 'RESOURCE';
}

/** An auth policy or resource policy, keyed by the ARN of its resource. */
export interface PolicyRecord {
  policy: string;
  createdAt: number;
  lastUpdatedAt: number;
}

/** What a Create call with a clientToken returned, to answer retries the same way. */
export interface IdempotencyRecord {
  fingerprint: string;
  resourceArn: string;
  resourceType: string;
  output: Record<string, unknown>;
}

/** Provisioning states of resource gateways and resource configurations. */
export type ProvisioningStatus =
  | 'ACTIVE'
  | 'CREATE_IN_PROGRESS'
  | 'UPDATE_IN_PROGRESS'
  | 'DELETE_IN_PROGRESS'
  | 'CREATE_FAILED'
  | 'UPDATE_FAILED'
  | 'DELETE_FAILED';

/** Fields of a resource whose provisioning takes time: `*_IN_PROGRESS` settles to ACTIVE at `settlesAt`. */
export interface Provisioned {
  status: string;
  settlesAt?: number;
  failureReason?: string;
}

/** A resource gateway: the ENIs in a VPC through which resource configurations are reached. */
export interface ResourceGatewayRecord extends OwnedRecord, Provisioned {
  name: string;
  status: ProvisioningStatus;
  vpcId: string;
  subnetIds: string[];
  securityGroupIds: string[];
  ipAddressType: 'IPV4' | 'IPV6' | 'DUALSTACK';
  ipv4AddressesPerEni?: number;
  resourceConfigDnsResolution?: 'IN_VPC' | 'PUBLIC';
}

/** The resource of a configuration: exactly one member, as the API spells it. */
export interface ResourceDefinition {
  dnsResource?: { domainName?: string; ipAddressType?: string };
  ipResource?: { ipAddress?: string };
  arnResource?: { arn?: string };
  cidrResource?: { cidrRanges?: string[] };
}

/** A resource configuration (SINGLE, GROUP, CHILD of a group, ARN, CIDR). */
export interface ResourceConfigurationRecord extends OwnedRecord, Provisioned {
  name: string;
  type: 'SINGLE' | 'GROUP' | 'CHILD' | 'ARN' | 'CIDR';
  status: ProvisioningStatus;
  resourceGatewayId?: string;
  resourceConfigurationGroupId?: string;
  portRanges?: string[];
  protocol?: 'TCP' | 'TCP_UDP';
  resourceConfigurationDefinition?: ResourceDefinition;
  allowAssociationToShareableServiceNetwork: boolean;
  customDomainName?: string;
  groupDomain?: string;
  domainVerificationId?: string;
}

/** Status of a service network–resource configuration association. */
export type ResourceAssociationStatus =
  | 'CREATE_IN_PROGRESS'
  | 'ACTIVE'
  | 'PARTIAL'
  | 'DELETE_IN_PROGRESS'
  | 'CREATE_FAILED'
  | 'DELETE_FAILED';

/** A service network–resource configuration association, owned by the account that created it. */
export interface ResourceAssociationRecord extends OwnedRecord, Provisioned {
  serviceNetworkId: string;
  resourceConfigurationId: string;
  status: ResourceAssociationStatus;
  privateDnsEnabled: boolean;
  dnsEntry: { domainName: string; hostedZoneId: string };
  privateDnsEntry?: { domainName: string; hostedZoneId: string };
  failureCode?: string;
}

/** A VPC endpoint (of type Resource) connected to a resource configuration. Created through EC2, not Lattice. */
export interface ResourceEndpointAssociationRecord extends OwnedRecord {
  resourceConfigurationId: string;
  vpcEndpointId: string;
  vpcEndpointOwner: string;
}

/** A VPC endpoint (of type ServiceNetwork) connected to a service network. Created through EC2, not Lattice. */
export interface ServiceNetworkEndpointAssociationRecord extends OwnedRecord {
  serviceNetworkId: string;
  vpcEndpointId: string;
  vpcId: string;
  state: string;
}

/** Verification states of a custom domain. */
export type VerificationStatus = 'VERIFIED' | 'PENDING' | 'VERIFICATION_TIMED_OUT';

/** A domain verification: the TXT record to create, and whether it was found. */
export interface DomainVerificationRecord extends OwnedRecord {
  domainName: string;
  status: VerificationStatus;
  txtMethodConfig: { name: string; value: string };
  lastVerifiedTime?: number;
}

/** The default quotas (ARCHITECTURE §3); adjustable per store for tests. */
export interface LatticeQuotas {
  listenersPerService: number;
  rulesPerListener: number;
  targetGroupsPerService: number;
  targetsPerTargetGroup: number;
  servicesPerServiceNetwork: number;
  servicesPerRegion: number;
  resourceConfigurationsPerRegion: number;
  resourceConfigurationsPerServiceNetwork: number;
  childResourceConfigurationsPerGroup: number;
  resourceGatewaysPerVpc: number;
  domainVerificationsPerRegion: number;
}

/** Every kind of Lattice resource the emulator stores, by the ARN resource-type word. */
export type ResourceKind =
  | 'servicenetwork'
  | 'service'
  | 'listener'
  | 'rule'
  | 'targetgroup'
  | 'servicenetworkserviceassociation'
  | 'servicenetworkvpcassociation'
  | 'accesslogsubscription'
  | 'resourcegateway'
  | 'resourceconfiguration'
  | 'servicenetworkresourceassociation'
  | 'resourceendpointassociation'
  | 'servicenetworkendpointassociation'
  | 'domainverification';

/** Any stored record. */
export type AnyRecord =
  | ServiceNetworkRecord
  | ServiceRecord
  | ListenerRecord
  | RuleRecord
  | TargetGroupRecord
  | ServiceAssociationRecord
  | VpcAssociationRecord
  | AccessLogSubscriptionRecord
  | ResourceGatewayRecord
  | ResourceConfigurationRecord
  | ResourceAssociationRecord
  | ResourceEndpointAssociationRecord
  | ServiceNetworkEndpointAssociationRecord
  | DomainVerificationRecord;
