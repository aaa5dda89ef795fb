/**
 * The React Flow node and edge types of the topology: what each drawn element carries. Built by
 * `toFlowElements`; read by the memoised node and edge components.
 */
import type { Edge, Node } from '@xyflow/react';
import type { TrafficCounts } from '@/lib/graph/traffic';
import type { AccountGroup, GraphEdge, GraphNode, NodeKind } from '@/lib/graph/types';

/** Data of a resource node. */
export interface ResourceData extends Record<string, unknown> {
  node: GraphNode;
  traffic?: TrafficCounts;
  /** Filter active and this node does not match. */
  dimmed: boolean;
  /** Filter active and this node matches. */
  matched: boolean;
  /** Target groups: targets drawn one by one. */
  expanded?: boolean;
  /** Target groups: targets left out of an expanded group. */
  truncated?: number;
}

/** Data of an account box. */
export interface AccountData extends Record<string, unknown> {
  group: AccountGroup;
  width: number;
  height: number;
}

/** Data of an edge. */
export interface EdgeData extends Record<string, unknown> {
  edge: GraphEdge;
  traffic?: TrafficCounts;
  /** True once traffic data has arrived (an edge without counts then had no requests). */
  haveTraffic: boolean;
  dimmed: boolean;
}

/** A node of the topology canvas. */
export type TopoNode = Node<ResourceData, NodeKind> | Node<AccountData, 'account'>;
/** An edge of the topology canvas. */
export type TopoEdge = Edge<EdgeData, 'topo'>;
