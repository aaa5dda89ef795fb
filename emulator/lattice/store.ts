/**
 * The VPC Lattice resources of the emulated world (all accounts, all regions), as plain JSON data.
 *
 * The API handlers (lattice/handlers/*) are the only writers of resources; scenarios go through them
 * too (lattice/invoke.ts), so the store never holds a state the API would refuse. Other parts of the
 * emulator read it through this class:
 *
 * Read API (traffic simulator, incidents, control routes):
 * - `serviceViews(region?)`        every service with owner, authType, auth policy and the networks it is
 *                                  associated with
 * - `networkViews(region?)`        every network with authType, auth policy, VPC and service associations
 * - `listenerViews(serviceId)`     a service's listeners, each with its rules in evaluation order and default action
 * - `evaluate(listenerId, req)`    the rule that handles a request (method, path, headers): first match by
 *                                  priority, else default
 * - `targetGroup(id)` / `targetGroups(region?)`  target groups with type and config
 * - `targetsOf(tgId, now)`         a target group's targets with status and reasonCode at time `now`
 * - `setTargetStatus(...)` / `clearTargetStatus(...)`  force (or release) a target's status and reasonCode
 * - `settleTargets(tgId, now)`     let registered targets pass their initial health checks now
 * - `accessLogSubscriptionsOf(arn)`  access-log subscriptions (with destinationArn) of a network or service
 * - `authPolicyOf(arn)`            the auth policy of a network or service, with its Active/Inactive state
 * - `share(arn, accounts)` / `sharedWith(arn)` / `canSee(account, rec)`  AWS RAM-style sharing
 * - `byArn(arn)`                   any resource by ARN
 */
import { parseArn } from './arns';
import { evaluateRules, evaluationOrder, type RequestFacts } from './ruleMatch';
import { initialWindowMs, isGone, targetHealth } from './targetHealth';

export * from './storeTypes';
import {
  DEFAULT_DRAIN_MS,
  DEFAULT_PROVISION_MS,
  DEFAULT_QUOTAS,
  DEFAULT_VERIFICATION_TIMEOUT_MS,
  type AuthPolicyView,
  type LatticeJson,
  type ListenerView,
  type NetworkView,
  type RecordOf,
  type ServiceView,
  type TargetView,
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
  ServiceNetworkRecord,
  ServiceRecord,
  TargetGroupRecord,
  TargetStatus,
  VpcAssociationRecord,
} from './types';

const KINDS: ResourceKind[] = [
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

/** All Lattice resources. */
export class LatticeStore {
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

  // ---- read API for traffic and incidents ------------------------------------------------------

  /** Every service with its owner, auth and networks. */
  serviceViews(region?: string): ServiceView[] {
    return this.all('service', region).map((service) => {
      const associations = this.serviceAssociations({ serviceId: service.id });
      const networks = associations
        .map((a) => this.get('servicenetwork', a.serviceNetworkId))
        .filter((n): n is ServiceNetworkRecord => n !== undefined);
      const authPolicy = this.authPolicyOf(service.arn);
      return {
        service,
        ownerAccountId: service.accountId,
        authType: service.authType,
        ...(authPolicy ? { authPolicy } : {}),
        networks,
        associations,
      };
    });
  }

  /** Every network with its auth and associations. */
  networkViews(region?: string): NetworkView[] {
    return this.all('servicenetwork', region).map((network) => {
      const authPolicy = this.authPolicyOf(network.arn);
      return {
        network,
        authType: network.authType,
        ...(authPolicy ? { authPolicy } : {}),
        vpcAssociations: this.vpcAssociations({ serviceNetworkId: network.id }),
        serviceAssociations: this.serviceAssociations({ serviceNetworkId: network.id }),
      };
    });
  }

  /** A service's listeners with their rules in evaluation order and default action. */
  listenerViews(serviceId: string): ListenerView[] {
    return this.listenersOf(serviceId).map((listener) => {
      const rules = this.rulesOf(listener.id);
      const defaultAction = this.get('rule', listener.defaultRuleId)?.action ?? {};
      return { listener, rules, defaultAction };
    });
  }

  /** The rule of a listener that handles a request; undefined only for an unknown listener. */
  evaluate(listenerId: string, req: RequestFacts): RuleRecord | undefined {
    return evaluateRules(this.rulesOf(listenerId), req);
  }

  /** One target group. */
  targetGroup(id: string): TargetGroupRecord | undefined {
    return this.get('targetgroup', id);
  }

  /** All target groups, optionally of one region. */
  targetGroups(region?: string): TargetGroupRecord[] {
    return this.all('targetgroup', region);
  }

  /** Drops targets that finished draining (called before reads and writes of targets). */
  purgeTargets(tg: TargetGroupRecord, now: number): void {
    if (tg.targets.some((t) => isGone(t, now, this.drainMs)))
      tg.targets = tg.targets.filter((t) => !isGone(t, now, this.drainMs));
  }

  /** The targets of a group with their status at `now`. */
  targetsOf(targetGroupId: string, now: number): TargetView[] {
    const tg = this.get('targetgroup', targetGroupId);
    if (!tg) return [];
    this.purgeTargets(tg, now);
    const inUse = this.servicesUsing(tg.id).length > 0;
    return tg.targets.map((t) => ({
      id: t.id,
      ...(t.port !== undefined ? { port: t.port } : {}),
      ...targetHealth(t, tg, inUse, now),
    }));
  }

  /**
   * Forces the status of matching targets (all ports of `targetId` unless `port` is given); returns how many
   * changed.
   */
  setTargetStatus(
    targetGroupId: string,
    targetId: string,
    status: TargetStatus,
    reasonCode?: string,
    port?: number,
  ): number {
    const matches =
      this.get('targetgroup', targetGroupId)?.targets.filter(
        (t) => t.id === targetId && (port === undefined || t.port === port),
      ) ?? [];
    for (const t of matches) {
      t.forcedStatus = status;
      if (reasonCode !== undefined) t.forcedReasonCode = reasonCode;
      else delete t.forcedReasonCode;
    }
    return matches.length;
  }

  /** Releases forced statuses (of one target, or of every target of the group); returns how many changed. */
  clearTargetStatus(targetGroupId: string, targetId?: string, port?: number): number {
    const matches =
      this.get('targetgroup', targetGroupId)?.targets.filter(
        (t) =>
          (targetId === undefined || t.id === targetId) && (port === undefined || t.port === port) && t.forcedStatus,
      ) ?? [];
    for (const t of matches) {
      delete t.forcedStatus;
      delete t.forcedReasonCode;
    }
    return matches.length;
  }

  /** Backdates registrations so that the targets have passed their initial health checks at `now`. */
  settleTargets(targetGroupId: string, now: number): void {
    const tg = this.get('targetgroup', targetGroupId);
    if (!tg) return;
    const windowMs = initialWindowMs(tg);
    for (const t of tg.targets) t.registeredAt = Math.min(t.registeredAt, now - windowMs);
  }

  // ---- persistence ---------------------------------------------------------------------------

  /** Serializes the store (everything, including idempotency records and forced statuses). */
  toJSON(): LatticeJson {
    const resources: Partial<Record<ResourceKind, AnyRecord[]>> = {};
    for (const k of KINDS) resources[k] = [...this.table(k).values()];
    return {
      version: 1,
      resources,
      authPolicies: Object.fromEntries(this.authPolicies),
      resourcePolicies: Object.fromEntries(this.resourcePolicies),
      shares: Object.fromEntries(this.shares),
      idempotency: Object.fromEntries(this.idempotency),
      quotas: { ...this.quotas },
      drainMs: this.drainMs,
      provisionMs: this.provisionMs,
      verificationTimeoutMs: this.verificationTimeoutMs,
    };
  }

  /** Rebuilds a store from `toJSON()` output (deep-copied, so the store never aliases the input). */
  static fromJSON(json: LatticeJson): LatticeStore {
    const data = JSON.parse(JSON.stringify(json ?? {})) as LatticeJson;
    const store = new LatticeStore();
    for (const k of KINDS) for (const rec of data.resources?.[k] ?? []) store.put(k, rec);
    for (const [k, v] of Object.entries(data.authPolicies ?? {})) store.authPolicies.set(k, v);
    for (const [k, v] of Object.entries(data.resourcePolicies ?? {})) store.resourcePolicies.set(k, v);
    for (const [k, v] of Object.entries(data.shares ?? {})) store.shares.set(k, v);
    for (const [k, v] of Object.entries(data.idempotency ?? {})) store.idempotency.set(k, v);
    if (data.quotas) store.quotas = { ...DEFAULT_QUOTAS, ...data.quotas };
    if (data.drainMs !== undefined) store.drainMs = data.drainMs;
    if (data.provisionMs !== undefined) store.provisionMs = data.provisionMs;
    if (data.verificationTimeoutMs !== undefined) store.verificationTimeoutMs = data.verificationTimeoutMs;
    return store;
  }
}
