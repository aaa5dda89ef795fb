/**
 * Builds a Lattice world from a declarative description, through the same validated operations the
 * API runs (as the owning account's admin), so a scenario cannot hold a state the API would refuse.
 * Sharing (AWS RAM, not a Lattice operation) and forced target statuses use the store functions the
 * control API uses.
 */
import type { EmulatorState } from '../state';
import { asAccount } from './invoke';
import type { AuthType, RuleMatch, TargetGroupType, TargetStatus } from './types';

/** A rule action by target-group name: `forward: [[name, weight], ...]` or a fixed status code. */
export type ActionSpec = { forward: Array<[string, number]> } | { fixedResponse: number };

/** A target; `force` pins its status (e.g. UNHEALTHY), otherwise it has passed its health checks. */
export interface TargetSpec {
  id: string;
  port?: number;
  force?: { status: TargetStatus; reasonCode?: string };
}

/** A target group of the account. */
export interface TargetGroupSpec {
  name: string;
  type: TargetGroupType;
  config?: Record<string, unknown>;
  targets: TargetSpec[];
  tags?: Record<string, string>;
  /** Tags only AWS can write (`aws:cloudformation:*`), set on the record as CloudFormation would. */
  systemTags?: Record<string, string>;
}

/** A non-default listener rule. */
export interface RuleSpec {
  name: string;
  priority: number;
  match: RuleMatch;
  action: ActionSpec;
  /** Tags only AWS can write (`aws:cloudformation:*`), set on the record as CloudFormation would. */
  systemTags?: Record<string, string>;
}

/** A listener with its default action and rules. */
export interface ListenerSpec {
  name: string;
  protocol: 'HTTP' | 'HTTPS' | 'TLS_PASSTHROUGH';
  port?: number;
  defaultAction: ActionSpec;
  rules?: RuleSpec[];
  /** Tags only AWS can write (`aws:cloudformation:*`), set on the record as CloudFormation would. */
  systemTags?: Record<string, string>;
}

/** A service; `networks` are network names (from any account, shared with this one). */
export interface ServiceSpec {
  name: string;
  authType?: AuthType;
  authPolicy?: unknown;
  tags?: Record<string, string>;
  /** Tags only AWS can write (`aws:cloudformation:*`), set on the record as CloudFormation would. */
  systemTags?: Record<string, string>;
  /** The custom domain name (the SNI match of TLS passthrough listeners). */
  customDomainName?: string;
  listeners: ListenerSpec[];
  networks: string[];
  accessLogDestination?: string;
}

/** A service network of the account. */
export interface NetworkSpec {
  name: string;
  authType?: AuthType;
  authPolicy?: unknown;
  tags?: Record<string, string>;
  shareWith?: string[];
  accessLogDestination?: string;
}

/** Everything one account owns. */
export interface AccountBuild {
  accountId: string;
  networks?: NetworkSpec[];
  targetGroups?: TargetGroupSpec[];
  services?: ServiceSpec[];
  vpcAssociations?: Array<{ network: string; vpcId: string }>;
}

/** ARNs of what was built, by name. */
export interface BuildResult {
  networks: Map<string, string>;
  services: Map<string, string>;
  targetGroups: Map<string, string>;
}

type Call = ReturnType<typeof asAccount>;

/** Adds AWS-reserved tags to a record (the API refuses `aws:` keys from callers; AWS services write them). */
function addSystemTags(state: EmulatorState, arn: string, tags: Record<string, string> | undefined): void {
  const rec = tags ? state.lattice.byArn(arn)?.record : undefined;
  if (rec) rec.tags = { ...rec.tags, ...tags };
}

function action(spec: ActionSpec, tgIds: Map<string, string>): Record<string, unknown> {
  if ('fixedResponse' in spec) return { fixedResponse: { statusCode: spec.fixedResponse } };
  return {
    forward: {
      targetGroups: spec.forward.map(([name, weight]) => {
        const id = tgIds.get(name);
        if (!id) throw new Error(`scenario: no target group '${name}'`);
        return { targetGroupIdentifier: id, weight };
      }),
    },
  };
}

function buildService(
  state: EmulatorState,
  call: Call,
  spec: ServiceSpec,
  tgIds: Map<string, string>,
  networks: Map<string, string>,
): string {
  const svc = call('CreateService', {
    name: spec.name,
    authType: spec.authType ?? 'NONE',
    ...(spec.tags ? { tags: spec.tags } : {}),
    ...(spec.customDomainName ? { customDomainName: spec.customDomainName } : {}),
  });
  const svcId = svc.id as string;
  addSystemTags(state, svc.arn as string, spec.systemTags);
  for (const l of spec.listeners) {
    const listener = call('CreateListener', {
      serviceIdentifier: svcId,
      name: l.name,
      protocol: l.protocol,
      ...(l.port ? { port: l.port } : {}),
      defaultAction: action(l.defaultAction, tgIds),
    });
    addSystemTags(state, listener.arn as string, l.systemTags);
    for (const r of l.rules ?? []) {
      const rule = call('CreateRule', {
        serviceIdentifier: svcId,
        listenerIdentifier: listener.id,
        name: r.name,
        priority: r.priority,
        match: r.match,
        action: action(r.action, tgIds),
      });
      addSystemTags(state, rule.arn as string, r.systemTags);
    }
  }
  if (spec.authPolicy !== undefined)
    call('PutAuthPolicy', { resourceIdentifier: svcId, policy: JSON.stringify(spec.authPolicy) });
  for (const n of spec.networks) {
    const arn = networks.get(n);
    if (!arn) throw new Error(`scenario: no service network '${n}'`);
    call('CreateServiceNetworkServiceAssociation', { serviceIdentifier: svcId, serviceNetworkIdentifier: arn });
  }
  if (spec.accessLogDestination)
    call('CreateAccessLogSubscription', { resourceIdentifier: svcId, destinationArn: spec.accessLogDestination });
  return svc.arn as string;
}

/**
 * Builds every account's networks first (so that others can use them), then target groups, services and VPC
 * associations. `knownNetworks` (name → ARN) are networks built before, that services and VPCs may join.
 */
export function buildLattice(
  state: EmulatorState,
  region: string,
  accounts: readonly AccountBuild[],
  knownNetworks: ReadonlyMap<string, string> = new Map(),
): BuildResult {
  const result: BuildResult = { networks: new Map(knownNetworks), services: new Map(), targetGroups: new Map() };
  const forced: Array<{ tgId: string; target: TargetSpec }> = [];
  const tgIdsAll: string[] = [];
  for (const a of accounts) {
    const call = asAccount(state, a.accountId, region);
    for (const n of a.networks ?? []) {
      const sn = call('CreateServiceNetwork', {
        name: n.name,
        authType: n.authType ?? 'NONE',
        ...(n.tags ? { tags: n.tags } : {}),
      });
      result.networks.set(n.name, sn.arn as string);
      if (n.authPolicy !== undefined)
        call('PutAuthPolicy', { resourceIdentifier: sn.id, policy: JSON.stringify(n.authPolicy) });
      if (n.shareWith?.length) state.lattice.share(sn.arn as string, n.shareWith);
      if (n.accessLogDestination)
        call('CreateAccessLogSubscription', { resourceIdentifier: sn.id, destinationArn: n.accessLogDestination });
    }
  }
  for (const a of accounts) {
    const call = asAccount(state, a.accountId, region);
    const tgIds = new Map<string, string>();
    for (const tg of a.targetGroups ?? []) {
      const created = call('CreateTargetGroup', {
        name: tg.name,
        type: tg.type,
        ...(tg.config ? { config: tg.config } : {}),
        ...(tg.tags ? { tags: tg.tags } : {}),
      });
      const tgId = created.id as string;
      addSystemTags(state, created.arn as string, tg.systemTags);
      tgIds.set(tg.name, tgId);
      tgIdsAll.push(tgId);
      result.targetGroups.set(tg.name, created.arn as string);
      if (tg.targets.length > 0) {
        const out = call('RegisterTargets', {
          targetGroupIdentifier: tgId,
          targets: tg.targets.map((t) => ({ id: t.id, ...(t.port ? { port: t.port } : {}) })),
        });
        const failed = out.unsuccessful as unknown[];
        if (failed.length > 0) throw new Error(`scenario: targets of ${tg.name} refused: ${JSON.stringify(failed)}`);
      }
      for (const t of tg.targets) if (t.force) forced.push({ tgId, target: t });
    }
    for (const s of a.services ?? []) result.services.set(s.name, buildService(state, call, s, tgIds, result.networks));
    for (const v of a.vpcAssociations ?? []) {
      const arn = result.networks.get(v.network);
      if (!arn) throw new Error(`scenario: no service network '${v.network}'`);
      call('CreateServiceNetworkVpcAssociation', { serviceNetworkIdentifier: arn, vpcIdentifier: v.vpcId });
    }
  }
  const now = state.clock.now();
  for (const id of tgIdsAll) state.lattice.settleTargets(id, now);
  for (const { tgId, target } of forced)
    state.lattice.setTargetStatus(tgId, target.id, target.force!.status, target.force!.reasonCode, target.port);
  return result;
}
