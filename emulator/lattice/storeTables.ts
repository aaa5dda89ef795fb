/**
 * The tables of the Lattice store and their relations (parents, associations, sharing, policies);
 * `LatticeStore` (store.ts) adds the read API for traffic and incidents, targets and persistence.
 */
import { parseArn } from './arns';
import { evaluationOrder } from './ruleMatch';

import {
  DEFAULT_DRAIN_MS,
  DEFAULT_PROVISION_MS,
  DEFAULT_QUOTAS,
  DEFAULT_VERIFICATION_TIMEOUT_MS,
  type AuthPolicyView,
  type RecordOf,
} from './storeTypes';
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
  ResourceKind,
  RuleAction,
  RuleRecord,
  ServiceAssociationRecord,
  ServiceNetworkEndpointAssociationRecord,
  ServiceRecord,
  VpcAssociationRecord,
} from './types';

export const KINDS: ResourceKind[] = [
  'servicenetwork',
  'service',
  'listener',
  'rule',
  'targetgroup',
  'servicenetworkserviceassociation',
  'servicenetworkvpcassociation',
  'accesslogsubscription',
  'resourcegateway',
  'resourceconfiguration',
  'servicenetworkresourceassociation',
  'resourceendpointassociation',
  'servicenetworkendpointassociation',
  'domainverification',
];

function parentKey(kind: ResourceKind, rec: AnyRecord): string | undefined {
  if (kind === 'listener') return `listener:${(rec as ListenerRecord).serviceId}`;
  if (kind === 'rule') return `rule:${(rec as RuleRecord).listenerId}`;
  return undefined;
}

/** All Lattice resources. */ /** Resources by kind and id, with their relations. */
export class StoreTables {
  private readonly tables = new Map<ResourceKind, Map<string, AnyRecord>>(KINDS.map((k) => [k, new Map()]));
  /** Ids of listeners by `listener:<serviceId>` and of rules by `rule:<listenerId>` (parents never change). */
  private readonly children = new Map<string, Set<string>>();
  /** Auth policies by resource ARN. */
  readonly authPolicies = new Map<string, PolicyRecord>();
  /** Resource policies by resource ARN. */
  readonly resourcePolicies = new Map<string, PolicyRecord>();
  /** Accounts each network or service is shared with (AWS RAM), by resource ARN. */
  readonly shares = new Map<string, string[]>();
  /** Create results by `account|region|operation|clientToken`. */
  readonly idempotency = new Map<string, IdempotencyRecord>();
  quotas: LatticeQuotas = { ...DEFAULT_QUOTAS };
  drainMs = DEFAULT_DRAIN_MS;
  /** How long creates and updates of resource gateways, configurations and associations stay in progress. */
  provisionMs = DEFAULT_PROVISION_MS;
  /** How long a domain verification may stay PENDING before it times out. */
  verificationTimeoutMs = DEFAULT_VERIFICATION_TIMEOUT_MS;

  /** The table of one kind, by id. */
  table<K extends ResourceKind>(kind: K): Map<string, RecordOf[K]> {
    return this.tables.get(kind) as Map<string, RecordOf[K]>;
  }

  /** One resource by kind and id. */
  get<K extends ResourceKind>(kind: K, id: string): RecordOf[K] | undefined {
    return this.table(kind).get(id);
  }

  /** All resources of a kind, optionally in one region. */
  all<K extends ResourceKind>(kind: K, region?: string): RecordOf[K][] {
    const rows = [...this.table(kind).values()];
    return region === undefined ? rows : rows.filter((r) => r.region === region);
  }

  /** Adds or replaces a resource. */
  put<K extends ResourceKind>(kind: K, rec: RecordOf[K]): RecordOf[K] {
    this.table(kind).set(rec.id, rec);
    const parent = parentKey(kind, rec);
    if (parent) this.children.set(parent, (this.children.get(parent) ?? new Set()).add(rec.id));
    return rec;
  }

  /** Removes a resource and its leftovers (policies, shares). */
  remove(kind: ResourceKind, id: string): void {
    const rec = this.table(kind).get(id);
    if (!rec) return;
    this.table(kind).delete(id);
    const parent = parentKey(kind, rec);
    if (parent) this.children.get(parent)?.delete(id);
    this.authPolicies.delete(rec.arn);
    this.resourcePolicies.delete(rec.arn);
    this.shares.delete(rec.arn);
  }

  /** Any resource by its ARN. */
  byArn(arn: string): { kind: ResourceKind; record: AnyRecord } | undefined {
    const parsed = parseArn(arn);
    const record = parsed ? this.table(parsed.kind).get(parsed.id) : undefined;
    return parsed && record && record.arn === arn ? { kind: parsed.kind, record } : undefined;
  }

  // ---- sharing -------------------------------------------------------------------------------

  /** Shares a network or service with accounts (adds to existing shares). */
  share(arn: string, accounts: readonly string[]): string[] {
    const next = [...new Set([...(this.shares.get(arn) ?? []), ...accounts])].sort();
    this.shares.set(arn, next);
    return next;
  }

  /** Stops sharing with some accounts, or with all when `accounts` is omitted. Their associations stay. */
  unshare(arn: string, accounts?: readonly string[]): string[] {
    const next = accounts ? (this.shares.get(arn) ?? []).filter((a) => !accounts.includes(a)) : [];
    if (next.length === 0) this.shares.delete(arn);
    else this.shares.set(arn, next);
    return next;
  }

  /** The accounts a resource is shared with. */
  sharedWith(arn: string): string[] {
    return this.shares.get(arn) ?? [];
  }

  /** Whether `accountId` can read `rec`: owners, share recipients, and the parties of an association. */
  canSee(accountId: string, kind: ResourceKind, rec: AnyRecord): boolean {
    if (rec.accountId === accountId) return true;
    switch (kind) {
      case 'servicenetwork':
      case 'service':
      case 'resourceconfiguration':
        return this.sharedWith(rec.arn).includes(accountId);
      case 'servicenetworkresourceassociation': {
        const a = rec as ResourceAssociationRecord;
        return (
          this.get('servicenetwork', a.serviceNetworkId)?.accountId === accountId ||
          this.get('resourceconfiguration', a.resourceConfigurationId)?.accountId === accountId
        );
      }
      case 'resourceendpointassociation': {
        const a = rec as ResourceEndpointAssociationRecord;
        return (
          a.vpcEndpointOwner === accountId ||
          this.get('resourceconfiguration', a.resourceConfigurationId)?.accountId === accountId
        );
      }
      case 'servicenetworkendpointassociation':
        return (
          this.get('servicenetwork', (rec as ServiceNetworkEndpointAssociationRecord).serviceNetworkId)?.accountId ===
          accountId
        );
      case 'listener':
      case 'rule': {
        const svc = this.get('service', (rec as ListenerRecord).serviceId);
        return svc !== undefined && this.canSee(accountId, 'service', svc);
      }
      case 'servicenetworkserviceassociation': {
        const a = rec as ServiceAssociationRecord;
        return (
          this.get('servicenetwork', a.serviceNetworkId)?.accountId === accountId ||
          this.get('service', a.serviceId)?.accountId === accountId
        );
      }
      case 'servicenetworkvpcassociation':
        return this.get('servicenetwork', (rec as VpcAssociationRecord).serviceNetworkId)?.accountId === accountId;
      default:
        return false;
    }
  }

  // ---- relations -----------------------------------------------------------------------------

  private childrenOf<K extends 'listener' | 'rule'>(kind: K, parentId: string): RecordOf[K][] {
    const ids = this.children.get(`${kind}:${parentId}`) ?? new Set<string>();
    return [...ids].map((id) => this.get(kind, id)).filter((r): r is RecordOf[K] => r !== undefined);
  }

  /** Listeners of a service (indexed, cheap enough for per-request use). */
  listenersOf(serviceId: string): ListenerRecord[] {
    return this.childrenOf('listener', serviceId);
  }

  /** Rules of a listener (default included), in evaluation order (indexed). */
  rulesOf(listenerId: string): RuleRecord[] {
    return evaluationOrder(this.childrenOf('rule', listenerId));
  }

  /** Target group ids that a service's listeners and rules forward to (with some rules' actions replaced). */
  targetGroupIdsOf(serviceId: string, overrides?: ReadonlyMap<string, RuleAction>): Set<string> {
    const ids = new Set<string>();
    for (const r of this.listenersOf(serviceId).flatMap((l) => this.rulesOf(l.id))) {
      const action = overrides?.get(r.id) ?? r.action;
      for (const tg of action.forward?.targetGroups ?? []) ids.add(tg.targetGroupIdentifier);
    }
    return ids;
  }

  /** Services whose listeners or rules forward to a target group. */
  servicesUsing(targetGroupId: string): ServiceRecord[] {
    const ids = new Set(
      this.all('rule')
        .filter((r) => r.action.forward?.targetGroups.some((t) => t.targetGroupIdentifier === targetGroupId))
        .map((r) => r.serviceId),
    );
    return [...ids].map((id) => this.get('service', id)).filter((s): s is ServiceRecord => s !== undefined);
  }

  /** Service associations of a network and/or a service. */
  serviceAssociations(filter: { serviceNetworkId?: string; serviceId?: string }): ServiceAssociationRecord[] {
    return this.all('servicenetworkserviceassociation').filter(
      (a) =>
        (filter.serviceNetworkId === undefined || a.serviceNetworkId === filter.serviceNetworkId) &&
        (filter.serviceId === undefined || a.serviceId === filter.serviceId),
    );
  }

  /** VPC associations of a network and/or a VPC. */
  vpcAssociations(filter: { serviceNetworkId?: string; vpcId?: string }): VpcAssociationRecord[] {
    return this.all('servicenetworkvpcassociation').filter(
      (a) =>
        (filter.serviceNetworkId === undefined || a.serviceNetworkId === filter.serviceNetworkId) &&
        (filter.vpcId === undefined || a.vpcId === filter.vpcId),
    );
  }

  /** Resource configuration associations of a network and/or a resource configuration. */
  resourceAssociations(filter: { serviceNetworkId?: string; resourceConfigurationId?: string }) {
    return this.all('servicenetworkresourceassociation').filter(
      (a) =>
        (filter.serviceNetworkId === undefined || a.serviceNetworkId === filter.serviceNetworkId) &&
        (filter.resourceConfigurationId === undefined || a.resourceConfigurationId === filter.resourceConfigurationId),
    );
  }

  /** Resource configurations of a gateway (SINGLE, GROUP, ARN) or the children of a group. */
  resourceConfigurationsOf(filter: { resourceGatewayId?: string; groupId?: string }): ResourceConfigurationRecord[] {
    return this.all('resourceconfiguration').filter(
      (r) =>
        (filter.resourceGatewayId === undefined || r.resourceGatewayId === filter.resourceGatewayId) &&
        (filter.groupId === undefined || r.resourceConfigurationGroupId === filter.groupId),
    );
  }

  /**
   * Settles provisioning: a `*_IN_PROGRESS` resource whose time has come reads ACTIVE. Failures stay
   * (they are set through the control API, as AWS sets them when provisioning fails).
   */
  settle(rec: { status: string; settlesAt?: number }, now: number): void {
    if (rec.settlesAt === undefined || now < rec.settlesAt) return;
    if (rec.status === 'CREATE_IN_PROGRESS' || rec.status === 'UPDATE_IN_PROGRESS') rec.status = 'ACTIVE';
    delete rec.settlesAt;
  }

  /** A domain verification's status at `now` (PENDING past the timeout reads VERIFICATION_TIMED_OUT). */
  settleVerification(dv: DomainVerificationRecord, now: number): void {
    if (dv.status === 'PENDING' && now - dv.createdAt >= this.verificationTimeoutMs)
      dv.status = 'VERIFICATION_TIMED_OUT';
  }

  /** Access-log subscriptions of a network or service, by the resource's ARN. */
  accessLogSubscriptionsOf(resourceArn: string): AccessLogSubscriptionRecord[] {
    return this.all('accesslogsubscription').filter((s) => s.resourceArn === resourceArn);
  }

  /** The auth policy of a network or service with its state; undefined when none is set. */
  authPolicyOf(arn: string): AuthPolicyView | undefined {
    const p = this.authPolicies.get(arn);
    const owner = this.byArn(arn)?.record as { authType?: AuthType } | undefined;
    return p ? { ...p, state: owner?.authType === 'AWS_IAM' ? 'Active' : 'Inactive' } : undefined;
  }
}
