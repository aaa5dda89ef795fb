/** Types and defaults of the Lattice store: serialized form, quotas, and the read-API views. */
import type { TargetHealth } from './targetHealth';
import type {
  AccessLogSubscriptionRecord,
  AnyRecord,
  AuthType,
  DomainVerificationRecord,
  IdempotencyRecord,
  LatticeQuotas,
  ListenerRecord,
  PolicyRecord,
  ResourceAssociationRecord,
  ResourceConfigurationRecord,
  ResourceEndpointAssociationRecord,
  ResourceGatewayRecord,
  ResourceKind,
  RuleAction,
  RuleRecord,
  ServiceAssociationRecord,
  ServiceNetworkEndpointAssociationRecord,
  ServiceNetworkRecord,
  ServiceRecord,
  TargetGroupRecord,
  VpcAssociationRecord,
} from './types';

/** Default quotas (ARCHITECTURE §3). */
export const DEFAULT_QUOTAS: LatticeQuotas = {
  listenersPerService: 2,
  rulesPerListener: 10,
  targetGroupsPerService: 10,
  targetsPerTargetGroup: 1000,
  servicesPerServiceNetwork: 500,
  servicesPerRegion: 2000,
  // Quotas for Amazon VPC Lattice (user guide): resource configurations 2,000 per Region and 500 per
  // service network, 60 children per group, 500 resource gateways per VPC, 5 domain verifications per Region.
  resourceConfigurationsPerRegion: 2000,
  resourceConfigurationsPerServiceNetwork: 500,
  childResourceConfigurationsPerGroup: 60,
  resourceGatewaysPerVpc: 500,
  domainVerificationsPerRegion: 5,
};

/** How long a create or update stays `*_IN_PROGRESS` before it reads ACTIVE (0: the next read). */
export const DEFAULT_PROVISION_MS = 0;

/** How long a domain verification stays PENDING before it reads VERIFICATION_TIMED_OUT (72 h). */
export const DEFAULT_VERIFICATION_TIMEOUT_MS = 72 * 3_600_000;

/** How long a deregistered target stays DRAINING (the API's default draining time is 1 minute). */
export const DEFAULT_DRAIN_MS = 60_000;

/** The record type of each resource kind. */
export interface RecordOf {
  servicenetwork: ServiceNetworkRecord;
  service: ServiceRecord;
  listener: ListenerRecord;
  rule: RuleRecord;
  targetgroup: TargetGroupRecord;
  servicenetworkserviceassociation: ServiceAssociationRecord;
  servicenetworkvpcassociation: VpcAssociationRecord;
  accesslogsubscription: AccessLogSubscriptionRecord;
  resourcegateway: ResourceGatewayRecord;
  resourceconfiguration: ResourceConfigurationRecord;
  servicenetworkresourceassociation: ResourceAssociationRecord;
  resourceendpointassociation: ResourceEndpointAssociationRecord;
  servicenetworkendpointassociation: ServiceNetworkEndpointAssociationRecord;
  domainverification: DomainVerificationRecord;
}

/** Serialized form of the Lattice state. */
export interface LatticeJson {
  version?: 1;
  resources?: Partial<Record<ResourceKind, AnyRecord[]>>;
  authPolicies?: Record<string, PolicyRecord>;
  resourcePolicies?: Record<string, PolicyRecord>;
  shares?: Record<string, string[]>;
  idempotency?: Record<string, IdempotencyRecord>;
  quotas?: LatticeQuotas;
  drainMs?: number;
  provisionMs?: number;
  verificationTimeoutMs?: number;
}

/** An auth policy with its state (Active only when the resource's authType is AWS_IAM). */
export interface AuthPolicyView extends PolicyRecord {
  state: 'Active' | 'Inactive';
}

/** A service as the traffic simulator needs it. */
export interface ServiceView {
  service: ServiceRecord;
  ownerAccountId: string;
  authType: AuthType;
  authPolicy?: AuthPolicyView;
  networks: ServiceNetworkRecord[];
  associations: ServiceAssociationRecord[];
}

/** A service network as the traffic simulator needs it. */
export interface NetworkView {
  network: ServiceNetworkRecord;
  authType: AuthType;
  authPolicy?: AuthPolicyView;
  vpcAssociations: VpcAssociationRecord[];
  serviceAssociations: ServiceAssociationRecord[];
}

/** A listener with its rules in evaluation order (non-default by priority, then the default rule). */
export interface ListenerView {
  listener: ListenerRecord;
  rules: RuleRecord[];
  defaultAction: RuleAction;
}

/** A target with its current status. */
export interface TargetView extends TargetHealth {
  id: string;
  port?: number;
}
