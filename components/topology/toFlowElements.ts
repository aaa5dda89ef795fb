/**
 * The drawn graph + its layout → React Flow nodes and edges. Sizes and handle positions are given up
 * front (React Flow need not measure 2,000 nodes before drawing), and an element whose inputs did
 * not change keeps its previous object, so memoised nodes skip re-rendering on traffic refreshes
 * and selection changes.
 */
import { Position, type NodeHandle } from '@xyflow/react';
import type { VisibleGraph } from '@/lib/graph/collapse';
import type { LayoutResult } from '@/lib/graph/elkLayout';
import { NODE_SIZE } from '@/lib/graph/layoutInput';
import type { TrafficCounts, TrafficOverlay } from '@/lib/graph/traffic';
import { KIND_NAME, type GraphNode } from '@/lib/graph/types';
import type { TopoEdge, TopoNode } from './flowTypes';

/** What decides how elements look. */
export interface FlowInputs {
  visible: VisibleGraph;
  layout: LayoutResult;
  /** Matching node ids when a filter is active; undefined when none is. */
  matches: ReadonlySet<string> | undefined;
  traffic: TrafficOverlay | undefined;
  selected: string | undefined;
  expanded: ReadonlySet<string>;
}

/** Previous elements by id, reused when equal. */
export interface FlowCache {
  nodes: Map<string, TopoNode>;
  edges: Map<string, TopoEdge>;
}

/** An empty cache. */
export function newFlowCache(): FlowCache {
  return { nodes: new Map(), edges: new Map() };
}

function handles(n: GraphNode): NodeHandle[] {
  const { w, h } = NODE_SIZE[n.kind];
  return [
    { type: 'target', position: Position.Left, x: 0, y: h / 2 },
    { type: 'source', position: Position.Right, x: w - 1, y: h / 2 },
  ];
}

function trafficOf(n: GraphNode, t: TrafficOverlay | undefined): TrafficCounts | undefined {
  if (!t) return undefined;
  return n.kind === 'service' ? t.services[n.id] : n.kind === 'targetGroup' ? t.targetGroups[n.id] : undefined;
}

/** Builds (or reuses) the canvas elements; updates `cache` for the next call. */
export function toFlowElements(i: FlowInputs, cache: FlowCache): { nodes: TopoNode[]; edges: TopoEdge[] } {
  const nodes: TopoNode[] = [];
  const nextNodes = new Map<string, TopoNode>();
  for (const g of i.visible.groups) {
    const box = i.layout.groups[g.id];
    if (!box) continue;
    const prev = cache.nodes.get(g.id);
    const node: TopoNode =
      prev &&
      prev.type === 'account' &&
      prev.data.group === g &&
      prev.position.x === box.x &&
      prev.position.y === box.y &&
      prev.data.height === box.h &&
      prev.data.width === box.w
        ? prev
        : {
            id: g.id,
            type: 'account',
            position: { x: box.x, y: box.y },
            width: box.w,
            height: box.h,
            measured: { width: box.w, height: box.h },
            data: { group: g, width: box.w, height: box.h },
            selectable: false,
            focusable: false,
            draggable: false,
            zIndex: -1,
            ariaLabel: `Account ${g.name} ${g.accountId}`,
          };
    nodes.push(node);
    nextNodes.set(g.id, node);
  }
  for (const n of i.visible.nodes) {
    const pos = i.layout.positions[n.id];
    if (!pos) continue; // laid out with a previous shape; drawn once the new layout arrives
    const traffic = trafficOf(n, i.traffic);
    const dimmed = i.matches !== undefined && !i.matches.has(n.id);
    const matched = i.matches !== undefined && !dimmed;
    const selected = i.selected === n.id;
    const expanded = n.kind === 'targetGroup' ? i.expanded.has(n.id) : undefined;
    const truncated = i.visible.truncated[n.id];
    const prev = cache.nodes.get(n.id);
    if (
      prev &&
      prev.type !== 'account' &&
      prev.data.node === n &&
      prev.data.traffic === traffic &&
      prev.data.dimmed === dimmed &&
      prev.data.matched === matched &&
      prev.data.expanded === expanded &&
      prev.data.truncated === truncated &&
      prev.selected === selected &&
      prev.position.x === pos.x &&
      prev.position.y === pos.y
    ) {
      nodes.push(prev);
      nextNodes.set(n.id, prev);
      continue;
    }
    const { w, h } = NODE_SIZE[n.kind];
    const node: TopoNode = {
      id: n.id,
      type: n.kind,
      position: pos,
      width: w,
      height: h,
      measured: { width: w, height: h },
      handles: handles(n),
      selected,
      draggable: false,
      connectable: false,
      ariaLabel:
        `${KIND_NAME[n.kind]} ${n.label}, ` +
        (n.health === 'unknown' ? 'health unknown' : n.health) +
        (n.findings?.length ? `, ${n.findings.length} finding(s): ${n.findings[0]!.title}` : ''),
      data: {
        node: n,
        dimmed,
        matched,
        ...(traffic ? { traffic } : {}),
        ...(expanded !== undefined ? { expanded } : {}),
        ...(truncated ? { truncated } : {}),
      },
    };
    nodes.push(node);
    nextNodes.set(n.id, node);
  }
  const edges: TopoEdge[] = [];
  const nextEdges = new Map<string, TopoEdge>();
  const haveTraffic = i.traffic !== undefined;
  for (const e of i.visible.edges) {
    if (!nextNodes.has(e.source) || !nextNodes.has(e.target)) continue;
    const traffic = e.kind === 'route' ? i.traffic?.routes[e.id] : undefined;
    const dimmed = i.matches !== undefined && !(i.matches.has(e.source) && i.matches.has(e.target));
    const prev = cache.edges.get(e.id);
    const edge: TopoEdge =
      prev &&
      prev.data?.edge === e &&
      prev.data.traffic === traffic &&
      prev.data.dimmed === dimmed &&
      prev.data.haveTraffic === haveTraffic
        ? prev
        : {
            id: e.id,
            type: 'topo',
            source: e.source,
            target: e.target,
            selectable: false,
            focusable: false,
            data: { edge: e, dimmed, haveTraffic, ...(traffic ? { traffic } : {}) },
          };
    edges.push(edge);
    nextEdges.set(e.id, edge);
  }
  cache.nodes = nextNodes;
  cache.edges = nextEdges;
  return { nodes, edges };
}
