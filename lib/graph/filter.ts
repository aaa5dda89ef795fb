/**
 * Step 2 of the pipeline: which nodes match the find-and-filter bar. Criteria combine with AND:
 * text (every word in name/ARN/id/DNS), owner account, network (the network and everything reached
 * through it), health (an active triage finding counts as failing), auth type, "has errors" (red, a problem,
 * an active finding, or 4xx/5xx in the traffic overlay), managed by (EKS controller, CloudFormation, nobody:
 * services and target groups, whose tags the inventory reads).
 * The view then highlights matches and dims or hides the rest. Pure.
 */
import { ownerKind, type OwnerKind } from '../domain/owner';
import type { AuthType } from '../domain/snapshot';
import { effectiveHealth, isActiveProblem } from './findings';
import { foldedTargets } from './targets';
import type { TrafficOverlay } from './traffic';
import type { GraphEdge, GraphNode, Health, TopologyGraph } from './types';

/** The filter bar's state. */
export interface GraphFilter {
  q: string;
  accounts: string[];
  /** Network ARNs. */
  networks: string[];
  health: Health[];
  auth: AuthType[];
  errors: boolean;
  /** Who manages it (services and target groups only); absent or empty: any. */
  owners?: OwnerKind[];
  /** Non-matching nodes are dimmed (default) or hidden. */
  mode: 'dim' | 'hide';
}

/** No filter. */
export const EMPTY_FILTER: GraphFilter = {
  q: '',
  accounts: [],
  networks: [],
  health: [],
  auth: [],
  errors: false,
  mode: 'dim',
};

/** True when any criterion is set. */
export function isFilterActive(f: GraphFilter): boolean {
  return (
    f.q.trim() !== '' ||
    f.accounts.length > 0 ||
    f.networks.length > 0 ||
    f.health.length > 0 ||
    f.auth.length > 0 ||
    f.errors ||
    (f.owners?.length ?? 0) > 0
  );
}

/** Every node reachable from the given networks: their VPCs, services, target groups and targets. */
export function networkReach(graph: Pick<TopologyGraph, 'edges'>, networkArns: readonly string[]): Set<string> {
  const out = new Set(networkArns);
  const forward = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (e.kind === 'vpcAssociation' || e.kind === 'endpointAssociation') {
      if (out.has(e.target)) out.add(e.source);
      continue;
    }
    forward.set(e.source, [...(forward.get(e.source) ?? []), e.target]);
  }
  const queue = [...networkArns];
  while (queue.length > 0) {
    for (const next of forward.get(queue.pop()!) ?? []) {
      if (!out.has(next)) {
        out.add(next);
        queue.push(next);
      }
    }
  }
  return out;
}

function trafficOf(node: GraphNode, traffic: TrafficOverlay | undefined) {
  if (!traffic) return undefined;
  return node.kind === 'service'
    ? traffic.services[node.id]
    : node.kind === 'targetGroup'
      ? traffic.targetGroups[node.id]
      : undefined;
}

/** True when a node is red, has a problem badge or an active finding, or had 4xx/5xx answers in the window. */
export function hasErrors(node: GraphNode, traffic?: TrafficOverlay): boolean {
  if (node.health === 'error' || node.badges.some((b) => b.kind === 'problem')) return true;
  if (node.findings?.some(isActiveProblem)) return true;
  const t = trafficOf(node, traffic);
  return t !== undefined && t.c4xx + t.c5xx > 0;
}

/**
 * The ids of matching nodes (every node when no criterion is set). A target group matches when one of its
 * targets does.
 */
export function matchNodes(graph: TopologyGraph, f: GraphFilter, traffic?: TrafficOverlay): Set<string> {
  if (!isFilterActive(f)) return new Set(graph.nodes.map((n) => n.id));
  const words = f.q.toLowerCase().split(/\s+/).filter(Boolean);
  const accounts = new Set(f.accounts);
  const health = new Set(f.health);
  const auth = new Set<string>(f.auth);
  const reach = f.networks.length > 0 ? networkReach(graph, f.networks) : undefined;
  const owners = new Set(f.owners ?? []);
  const out = new Set<string>();
  // Targets that are not nodes (lib/graph/targets) are searched too: reached through their group.
  for (const n of chain(graph.nodes, foldedTargets(graph))) {
    if (words.length > 0 && !words.every((w) => n.searchText.includes(w))) continue;
    if (accounts.size > 0 && !accounts.has(n.accountId)) continue;
    if (reach && !reach.has(n.id) && !(n.kind === 'target' && reach.has(n.targetGroupArn))) continue;
    if (health.size > 0 && !health.has(effectiveHealth(n))) continue;
    if (
      auth.size > 0 &&
      !((n.kind === 'service' || n.kind === 'network') && n.authType !== undefined && auth.has(n.authType))
    )
      continue;
    if (f.errors && !hasErrors(n, traffic)) continue;
    if (owners.size > 0 && !((n.kind === 'service' || n.kind === 'targetGroup') && owners.has(ownerKind(n.owner))))
      continue;
    out.add(n.id);
    if (n.kind === 'target') out.add(n.targetGroupArn);
  }
  return out;
}

function* chain<T>(...lists: Iterable<T>[]): Generator<T> {
  for (const list of lists) yield* list;
}

/** Edges whose two ends are both in `ids`. */
export function edgesWithin(edges: readonly GraphEdge[], ids: ReadonlySet<string>): GraphEdge[] {
  return edges.filter((e) => ids.has(e.source) && ids.has(e.target));
}
