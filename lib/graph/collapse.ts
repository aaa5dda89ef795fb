/**
 * Step 3 of the pipeline: what is drawn. Targets stay folded into their target group's health
 * summary unless the group is expanded (then at most `MAX_EXPANDED_TARGETS`, worst first); with the
 * filter in "hide" mode only matching nodes remain (and the targets of a matching expanded group).
 * Unreachable accounts always keep their box: it carries the AWS error. Pure.
 */
import { healthRank } from './health';
import type { AccountGroup, GraphEdge, GraphNode, TargetNode, TopologyGraph } from './types';

/** Past this, an expanded target group shows its worst targets and says how many are left out. */
export const MAX_EXPANDED_TARGETS = 60;

/** The drawn graph. */
export interface VisibleGraph {
  groups: AccountGroup[];
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Expanded target groups that show only part of their targets: ARN → targets left out. */
  truncated: Record<string, number>;
}

/** Options of `collapseGraph`. */
export interface CollapseOptions {
  /** Target group ARNs whose targets are drawn one by one. */
  expanded: ReadonlySet<string>;
  /** When set, only these nodes are drawn (filter in hide mode). */
  only?: ReadonlySet<string>;
}

/** Chooses the nodes, edges and groups to draw. */
export function collapseGraph(graph: TopologyGraph, o: CollapseOptions): VisibleGraph {
  const targetsByTg = new Map<string, TargetNode[]>();
  const nodes: GraphNode[] = [];
  for (const n of graph.nodes) {
    // Targets of an expanded group that is drawn stay with it: expanding was an explicit request.
    if (o.only && !o.only.has(n.id) && !(n.kind === 'target' && o.only.has(n.targetGroupArn))) continue;
    if (n.kind !== 'target') {
      nodes.push(n);
      continue;
    }
    if (!o.expanded.has(n.targetGroupArn)) continue;
    const list = targetsByTg.get(n.targetGroupArn);
    if (list) list.push(n);
    else targetsByTg.set(n.targetGroupArn, [n]);
  }
  const truncated: Record<string, number> = {};
  const present = new Set(nodes.map((n) => n.id));
  for (const [tg, list] of targetsByTg) {
    if (!present.has(tg)) continue;
    const shown =
      list.length > MAX_EXPANDED_TARGETS
        ? [...list]
            .sort((a, b) => healthRank(b.health) - healthRank(a.health) || a.id.localeCompare(b.id))
            .slice(0, MAX_EXPANDED_TARGETS)
        : list;
    if (list.length > shown.length) truncated[tg] = list.length - shown.length;
    for (const t of shown) {
      nodes.push(t);
      present.add(t.id);
    }
  }
  const edges = graph.edges.filter((e) => present.has(e.source) && present.has(e.target));
  const owners = new Set(nodes.map((n) => n.accountId));
  const groups = graph.groups.filter((g) => !o.only || !g.reachable || owners.has(g.accountId));
  return { groups, nodes, edges, truncated };
}
