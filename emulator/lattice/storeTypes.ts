/** Types and defaults of the Lattice store: serialized form, quotas, and the read-API views. */
import type { TargetHealth } from './targetHealth';
import type {
  AccessLogSubscriptionRecord,
  AnyRecord,
  AuthType,
  IdempotencyRecord,
  LatticeQuotas,
  ListenerRecord,
  PolicyRecord,
  ResourceKind,
  RuleAction,
  RuleRecord,
  ServiceAssociationRecord,
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
};

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
