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
import { evaluateRules, type RequestFacts } from './ruleMatch';
import { initialWindowMs, isGone, targetHealth } from './targetHealth';
import { KINDS, StoreTables } from './storeTables';

export * from './storeTypes';
import {
  DEFAULT_QUOTAS,
  type LatticeJson,
  type ListenerView,
  type NetworkView,
  type ServiceView,
  type TargetView,
} from './storeTypes';
import type {
  AnyRecord,
  ResourceKind,
  RuleRecord,
  ServiceNetworkRecord,
  TargetGroupRecord,
  TargetStatus,
} from './types';

/** All Lattice resources. */
export class LatticeStore extends StoreTables {
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
