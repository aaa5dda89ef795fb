/**
 * Step 1 of the pipeline: Snapshot → graph model. Nodes for VPCs, networks, services, target groups
 * and targets (ARNs as ids, owner = account in the ARN), edges for associations, routes and targets,
 * and one group per account. Resources referenced but not in the snapshot (owned by an account that
 * is not configured, or unreadable) become placeholder nodes so no edge dangles. Pure.
 */
import { ownerOf, shortId } from '../domain/arn';
import { ownerSearchTerms } from '../domain/owner';
import { healthSummary, type Problem, type Snapshot } from '../domain/snapshot';
import { addVpcResources } from './buildResources';
import { healthRank, targetGroupHealth, worstHealth } from './health';
import { routeLabel, rulesByService, type RuleRow } from './routes';
import { targetEdge, targetNode } from './targets';
import {
  NODE_KINDS,
  groupId,
  searchText,
  type AccountGroup,
  type Badge,
  type GraphEdge,
  type GraphNode,
  type Health,
  type NetworkNode,
  type RouteRef,
  type ServiceNode,
  type TargetGroupNode,
  type TopologyGraph,
  type VpcNode,
} from './types';

function problemBadges(problems: readonly Problem[] | undefined): Badge[] {
  return (problems ?? []).map((p) => ({
    kind: 'problem',
    text: `${p.operation} failed`,
    title: `${p.operation}: ${p.error.message}`,
  }));
}

function sharedBadge(ownerId: string, visibleTo: readonly string[]): Badge[] {
  const others = visibleTo.filter((a) => a !== ownerId);
  return others.length > 0
    ? [{ kind: 'shared', text: `shared ×${others.length}`, title: `Visible to ${others.join(', ')}` }]
    : [];
}

function placeholder(kind: 'network' | 'service' | 'targetGroup', arn: string): GraphNode {
  const base = {
    id: arn,
    label: shortId(arn),
    accountId: ownerOf(arn) ?? 'unknown',
    health: 'unknown' as Health,
    badges: [
      {
        kind: 'info',
        text: 'not in inventory',
        title: 'Referenced by another resource, but its owner account was not read',
      } as Badge,
    ],
    searchText: searchText(arn),
  };
  if (kind === 'network') return { ...base, kind, serviceHealth: { error: 0, warn: 0, ok: 0, unknown: 0 } };
  if (kind === 'service') return { ...base, kind, networkArns: [] };
  return { ...base, kind, tgType: '?', summary: healthSummary([]), targetCount: 0, serviceArns: [] };
}

function routeEdges(rules: Map<string, RuleRow[]>): Map<string, GraphEdge> {
  const edges = new Map<string, GraphEdge>();
  for (const [serviceArn, rows] of rules) {
    for (const row of rows) {
      for (const f of row.forward) {
        const id = `${serviceArn}->${f.targetGroupArn}`;
        const route: RouteRef = {
          listenerName: row.listenerName,
          ruleName: row.ruleName,
          isDefault: row.isDefault,
          match: row.match,
          weight: f.weight,
          share: f.share,
          ...(row.priority !== undefined ? { priority: row.priority } : {}),
        };
        const e = edges.get(id) ?? {
          id,
          kind: 'route',
          source: serviceArn,
          target: f.targetGroupArn,
          routes: [],
          share: 0,
        };
        e.routes!.push(route);
        e.share = Math.max(e.share ?? 0, f.share);
        edges.set(id, e);
      }
    }
  }
  for (const e of edges.values()) e.label = e.routes!.map((r) => routeLabel(r.match, r.share)).join(' · ');
  return edges;
}

/** Options of `buildGraph`. */
export interface BuildOptions {
  /**
   * The target groups whose targets become nodes; absent: every group's. When set, the graph keeps all the
   * targets in `targets` (lib/graph/targets: `withTargets` adds more groups' nodes later).
   */
  targetsOf?: ReadonlySet<string>;
}

/** Builds the graph model of a snapshot. */
export function buildGraph(snapshot: Snapshot, opts: BuildOptions = {}): TopologyGraph {
  const problemsByArn = new Map<string, Problem[]>();
  for (const p of snapshot.problems)
    if (p.resourceArn) problemsByArn.set(p.resourceArn, [...(problemsByArn.get(p.resourceArn) ?? []), p]);
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const rules = rulesByService(snapshot);
  const routes = routeEdges(rules);
  const routedTgs = new Set([...routes.values()].map((e) => e.target));
  const routesBySource = new Map<string, GraphEdge[]>();
  for (const e of routes.values()) routesBySource.set(e.source, [...(routesBySource.get(e.source) ?? []), e]);

  for (const tg of snapshot.targetGroups) {
    const targets = snapshot.targets[tg.arn] ?? [];
    const summary = healthSummary(targets);
    const { health, reason } = targetGroupHealth(summary, routedTgs.has(tg.arn) || tg.serviceArns.length > 0);
    const badges = [
      ...(reason && health !== 'unknown' ? [{ kind: 'health', text: reason } as Badge] : []),
      ...problemBadges(problemsByArn.get(tg.arn)),
    ];
    const node: TargetGroupNode = {
      id: tg.arn,
      kind: 'targetGroup',
      label: tg.name,
      accountId: tg.accountId,
      health,
      badges,
      searchText: searchText(tg.name, tg.arn, tg.id, tg.type, ownerSearchTerms(tg.owner)),
      ...(tg.owner ? { owner: tg.owner } : {}),
      tgType: tg.type,
      summary,
      targetCount: targets.length,
      serviceArns: [...tg.serviceArns],
    };
    nodes.set(tg.arn, node);
    if (opts.targetsOf && !opts.targetsOf.has(tg.arn)) continue;
    for (const t of targets) {
      const target = targetNode(tg, t);
      nodes.set(target.id, target);
      edges.push(targetEdge(target));
    }
  }
  for (const e of routes.values()) if (!nodes.has(e.target)) nodes.set(e.target, placeholder('targetGroup', e.target));

  for (const s of snapshot.services) {
    const routed = (routesBySource.get(s.arn) ?? []).filter((e) => (e.share ?? 0) > 0);
    const health = worstHealth(routed.map((e) => nodes.get(e.target)?.health ?? 'unknown'));
    const fixed: Badge[] = (rules.get(s.arn) ?? [])
      .filter((r) => r.fixedStatus !== undefined)
      .map((r) => ({
        kind: 'fixed',
        text: `${r.isDefault ? 'default' : r.ruleName} → ${r.fixedStatus}`,
        title: `Listener ${r.listenerName}, rule ${r.ruleName}: fixed response ${r.fixedStatus}`,
      }));
    const badges: Badge[] = [
      ...(s.authType === 'AWS_IAM'
        ? [
            {
              kind: 'auth',
              text: 'AWS_IAM',
              title: 'Callers must sign requests (SigV4); the auth policy decides',
            } as Badge,
          ]
        : []),
      ...fixed,
      ...sharedBadge(s.accountId, s.visibleTo),
      ...problemBadges(problemsByArn.get(s.arn)),
    ];
    const node: ServiceNode = {
      id: s.arn,
      kind: 'service',
      label: s.name,
      accountId: s.accountId,
      health,
      badges,
      searchText: searchText(s.name, s.arn, s.id, s.dnsName, s.customDomainName, ownerSearchTerms(s.owner)),
      ...(s.owner ? { owner: s.owner } : {}),
      networkArns: [],
      ...(s.authType ? { authType: s.authType } : {}),
      ...(s.status ? { status: s.status } : {}),
      ...(s.dnsName ? { dnsName: s.dnsName } : {}),
    };
    nodes.set(s.arn, node);
  }
  for (const e of routes.values()) {
    if (!nodes.has(e.source)) nodes.set(e.source, placeholder('service', e.source));
    edges.push(e);
  }

  for (const n of snapshot.serviceNetworks) {
    const badges: Badge[] = [
      ...(n.authType === 'AWS_IAM'
        ? [
            {
              kind: 'auth',
              text: 'AWS_IAM',
              title: 'Callers must sign requests (SigV4); the auth policy decides',
            } as Badge,
          ]
        : []),
      ...sharedBadge(n.accountId, n.visibleTo),
      ...problemBadges(problemsByArn.get(n.arn)),
    ];
    const node: NetworkNode = {
      id: n.arn,
      kind: 'network',
      label: n.name,
      accountId: n.accountId,
      health: 'unknown',
      badges,
      searchText: searchText(n.name, n.arn, n.id),
      serviceHealth: { error: 0, warn: 0, ok: 0, unknown: 0 },
      ...(n.authType ? { authType: n.authType } : {}),
    };
    nodes.set(n.arn, node);
  }
  for (const a of snapshot.serviceAssociations) {
    if (!nodes.has(a.serviceNetworkArn)) nodes.set(a.serviceNetworkArn, placeholder('network', a.serviceNetworkArn));
    if (!nodes.has(a.serviceArn)) nodes.set(a.serviceArn, placeholder('service', a.serviceArn));
    const net = nodes.get(a.serviceNetworkArn) as NetworkNode;
    const svc = nodes.get(a.serviceArn) as ServiceNode;
    if (!svc.networkArns.includes(net.id)) {
      svc.networkArns.push(net.id);
      net.serviceHealth[svc.health] += 1;
    }
    edges.push({ id: a.arn, kind: 'serviceAssociation', source: a.serviceNetworkArn, target: a.serviceArn });
  }
  for (const n of nodes.values())
    if (n.kind === 'network')
      n.health =
        n.serviceHealth.error > 0
          ? 'error'
          : n.serviceHealth.warn > 0
            ? 'warn'
            : n.serviceHealth.ok > 0
              ? 'ok'
              : 'unknown';

  for (const a of snapshot.vpcAssociations) {
    if (!nodes.has(a.serviceNetworkArn)) nodes.set(a.serviceNetworkArn, placeholder('network', a.serviceNetworkArn));
    const id = `vpc:${a.vpcId}`;
    const vpc = (nodes.get(id) as VpcNode | undefined) ?? {
      id,
      kind: 'vpc',
      label: a.vpcId,
      accountId: a.createdBy ?? a.accountId,
      health: 'unknown',
      badges: [],
      searchText: searchText(a.vpcId),
      vpcId: a.vpcId,
      networkArns: [],
    };
    vpc.networkArns.push(a.serviceNetworkArn);
    nodes.set(id, vpc);
    edges.push({ id: a.arn, kind: 'vpcAssociation', source: id, target: a.serviceNetworkArn });
  }

  addVpcResources(snapshot, nodes, edges, (arn) => problemBadges(problemsByArn.get(arn)));
  const groups = accountGroups(snapshot, nodes.values());
  const order = (n: GraphNode) => NODE_KINDS.indexOf(n.kind);
  const sorted = [...nodes.values()].sort((a, b) => order(a) - order(b) || a.id.localeCompare(b.id));
  edges.sort((a, b) => a.id.localeCompare(b.id));
  return { groups, nodes: sorted, edges, ...(opts.targetsOf ? { targets: snapshot.targets } : {}) };
}

function accountGroups(snapshot: Snapshot, nodes: Iterable<GraphNode>): AccountGroup[] {
  const groups: AccountGroup[] = snapshot.accounts.map((a) => ({
    id: groupId(a.accountId),
    accountId: a.accountId,
    name: a.name,
    reachable: a.reachable,
    configured: true,
    fetchedAt: a.fetchedAt,
    ...(a.error ? { error: a.error } : {}),
  }));
  const known = new Set(groups.map((g) => g.accountId));
  const extra = new Set<string>();
  for (const n of nodes) if (!known.has(n.accountId)) extra.add(n.accountId);
  for (const accountId of [...extra].sort())
    groups.push({
      id: groupId(accountId),
      accountId,
      name: `account ${accountId}`,
      reachable: true,
      configured: false,
    });
  return groups;
}

/** Sorts nodes worst health first (for lists of matches). */
export function byHealthThenName(a: GraphNode, b: GraphNode): number {
  return healthRank(b.health) - healthRank(a.health) || a.label.localeCompare(b.label);
}
