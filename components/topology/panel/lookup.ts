/** What the side panel looks things up in: the snapshot and the graph, indexed once per snapshot. */
import type { Snapshot } from '@/lib/domain/snapshot';
import { rulesByService, type RuleRow } from '@/lib/graph/routes';
import type { GraphNode, TopologyGraph } from '@/lib/graph/types';

/** Indexes of a snapshot and its graph. */
export interface Lookup {
  snapshot: Snapshot;
  graph: TopologyGraph;
  node(id: string): GraphNode | undefined;
  rules(serviceArn: string): RuleRow[];
  accountName(accountId: string): string;
}

/** Builds the indexes. */
export function makeLookup(snapshot: Snapshot, graph: TopologyGraph): Lookup {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  let rules: Map<string, RuleRow[]> | undefined;
  const names = new Map(graph.groups.map((g) => [g.accountId, g.name]));
  return {
    snapshot,
    graph,
    node: (id) => nodes.get(id),
    rules: (arn) => {
      rules ??= rulesByService(snapshot);
      return rules.get(arn) ?? [];
    },
    accountName: (id) => names.get(id) ?? id,
  };
}
