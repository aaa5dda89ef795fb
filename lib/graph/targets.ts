/**
 * Targets in the graph model, made as nodes only for the target groups that draw them. At fleet scale
 * (18,000 targets) a node and an edge per target were nine tenths of the model and most of its cost in the
 * browser, while the first view draws none of them: a target group shows its targets' health summary
 * until it is expanded. `buildGraph(snapshot, { targetsOf })` makes nodes for the groups asked, keeps every
 * group's targets in `graph.targets`, and `withTargets` adds the nodes of more groups later (expand, a
 * selected target). Search and filters still see every target (lib/graph/filter). Pure.
 */
import type { Target, TargetStatus } from '../domain/snapshot';
import { type GraphEdge, type GraphNode, type Health, searchText, type TargetNode, type TopologyGraph } from './types';

const TARGET_MARK = '#target/';

/** The node id of a target: `<tgArn>#target/<id>:<port>`. */
export function targetNodeId(targetGroupArn: string, t: Pick<Target, 'id' | 'port'>): string {
  return `${targetGroupArn}${TARGET_MARK}${t.id}:${t.port ?? ''}`;
}

/** The target group ARN of a target's node id; undefined for any other id. */
export function targetGroupOfNodeId(id: string): string | undefined {
  const at = id.indexOf(TARGET_MARK);
  return at > 0 ? id.slice(0, at) : undefined;
}

/** A target's colour from its status. */
export function targetHealth(status: TargetStatus): Health {
  if (status === 'HEALTHY') return 'ok';
  if (status === 'UNHEALTHY') return 'error';
  return status === 'DRAINING' || status === 'INITIAL' ? 'warn' : 'unknown';
}

/** The node of one target of a target group. */
export function targetNode(tg: { arn: string; accountId: string }, t: Target): TargetNode {
  const health = targetHealth(t.status);
  return {
    id: targetNodeId(tg.arn, t),
    kind: 'target',
    label: t.port === undefined ? t.id : `${t.id}:${t.port}`,
    accountId: tg.accountId,
    health,
    badges: t.reasonCode && health !== 'ok' ? [{ kind: 'health', text: t.reasonCode }] : [],
    searchText: searchText(t.id, t.reasonCode),
    targetGroupArn: tg.arn,
    targetId: t.id,
    status: t.status,
    ...(t.port !== undefined ? { port: t.port } : {}),
    ...(t.reasonCode ? { reasonCode: t.reasonCode } : {}),
  };
}

/** The edge from a target group to one of its targets. */
export function targetEdge(node: TargetNode): GraphEdge {
  return { id: `${node.targetGroupArn}->${node.id}`, kind: 'target', source: node.targetGroupArn, target: node.id };
}

/** The owner account of every target group node, by ARN. */
function groupOwners(graph: Pick<TopologyGraph, 'nodes'>): Map<string, string> {
  const owner = new Map<string, string>();
  for (const n of graph.nodes) if (n.kind === 'targetGroup') owner.set(n.id, n.accountId);
  return owner;
}

/** Target groups whose targets are nodes of the graph. */
function drawnGroups(graph: Pick<TopologyGraph, 'nodes'>): Set<string> {
  const out = new Set<string>();
  for (const n of graph.nodes) if (n.kind === 'target') out.add(n.targetGroupArn);
  return out;
}

/**
 * The targets of `graph.targets` that are not nodes, as nodes (made on the fly, not kept): what search and
 * filters look through besides `graph.nodes`.
 */
export function* foldedTargets(graph: Pick<TopologyGraph, 'nodes' | 'targets'>): Generator<TargetNode> {
  if (!graph.targets) return;
  const drawn = drawnGroups(graph);
  const owner = groupOwners(graph);
  for (const [arn, list] of Object.entries(graph.targets)) {
    if (drawn.has(arn)) continue;
    const tg = { arn, accountId: owner.get(arn) ?? 'unknown' };
    for (const t of list) yield targetNode(tg, t);
  }
}

/** The graph with the target nodes (and edges) of `targetGroupArns` as well; the same graph when none is new. */
export function withTargets(graph: TopologyGraph, targetGroupArns: Iterable<string>): TopologyGraph {
  const drawn = drawnGroups(graph);
  const owner = groupOwners(graph);
  const added: TargetNode[] = [];
  for (const arn of targetGroupArns) {
    const accountId = owner.get(arn);
    if (drawn.has(arn) || accountId === undefined) continue;
    drawn.add(arn);
    for (const t of graph.targets?.[arn] ?? []) added.push(targetNode({ arn, accountId }, t));
  }
  if (added.length === 0) return graph;
  // Targets are the last kind of the node order (NODE_KINDS): they sort among themselves, by id.
  const nodes: GraphNode[] = [...graph.nodes, ...added];
  const first = nodes.findIndex((n) => n.kind === 'target');
  const tail = nodes.slice(first).sort((a, b) => a.id.localeCompare(b.id));
  const edges = [...graph.edges, ...added.map(targetEdge)].sort((a, b) => a.id.localeCompare(b.id));
  return { ...graph, nodes: [...nodes.slice(0, first), ...tail], edges };
}

/** Resources in the graph, targets included whether or not they are nodes (what the overview counts). */
export function resourceCount(graph: Pick<TopologyGraph, 'nodes' | 'targets'>): number {
  if (!graph.targets) return graph.nodes.length;
  const drawn = drawnGroups(graph);
  let n = graph.nodes.length;
  for (const x of graph.nodes) if (x.kind === 'targetGroup' && !drawn.has(x.id)) n += graph.targets[x.id]?.length ?? 0;
  return n;
}
