/**
 * Step 5: positions from elkjs. Each account is laid out with ELK's layered algorithm (partitions
 * keep each kind in its own column, crossing minimisation orders nodes top to bottom); columns are
 * then snapped to fixed x per kind so the columns line up across accounts, and the accounts are
 * stacked. Runs in the layout Web Worker (lib/graph/layout.worker.ts); also in tests under Node.
 */
import type { ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import { NODE_KINDS, type NodeKind } from './types';
import { columnX, EMPTY_GROUP_HEIGHT, GROUP_GAP, GROUP_PAD, NODE_SIZE, type LayoutGroupIn, type LayoutInput } from './layoutInput';

/** The part of an ELK instance the layout needs (so tests can count calls). */
export interface ElkLike {
  layout(graph: ElkNode): Promise<ElkNode>;
}

/** A box: x, y of the top-left corner, width, height. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where everything goes: node top-left corners and account boxes, in flow coordinates. */
export interface LayoutResult {
  key: string;
  positions: Record<string, { x: number; y: number }>;
  groups: Record<string, Box>;
  width: number;
  height: number;
}

/** Options tuned for speed at fleet scale: one sweep of crossing minimisation, simple placement. */
export const ELK_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.partitioning.activate': 'true',
  'elk.spacing.nodeNode': '14',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
  'elk.layered.thoroughness': '3',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.edgeRouting': 'POLYLINE',
  // Components are split (and their layouts shared by shape) before ELK sees them.
  'elk.separateConnectedComponents': 'false',
};

const NODE_GAP = 14;

/** The ELK graph of one account. */
export function toElkGraph(g: LayoutGroupIn): ElkNode {
  return {
    id: g.id,
    layoutOptions: ELK_OPTIONS,
    children: g.nodes.map((n) => ({ id: n.id, width: NODE_SIZE[n.kind].w, height: NODE_SIZE[n.kind].h, layoutOptions: { 'elk.partitioning.partition': String(NODE_KINDS.indexOf(n.kind)) } })),
    edges: g.edges.map(([s, t], i) => ({ id: `e${i}`, sources: [s], targets: [t] })),
  };
}

/**
 * Snaps ELK's result to fixed columns: each kind gets its column's x; inside a column nodes keep
 * ELK's top-to-bottom order (then left-to-right, for components ELK packed side by side) and are
 * pushed down just enough never to overlap.
 */
export function snapToColumns(g: LayoutGroupIn, laid: ElkNode): { positions: Record<string, { x: number; y: number }>; height: number } {
  const elkPos = new Map((laid.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
  const cols = columnX();
  const positions: Record<string, { x: number; y: number }> = {};
  let height = 0;
  const byKind = new Map<NodeKind, LayoutGroupIn['nodes']>();
  for (const n of g.nodes) byKind.set(n.kind, [...(byKind.get(n.kind) ?? []), n]);
  for (const [kind, nodes] of byKind) {
    const sorted = nodes.map((n) => ({ n, p: elkPos.get(n.id) ?? { x: 0, y: 0 } })).sort((a, b) => a.p.y - b.p.y || a.p.x - b.p.x);
    let next = 0;
    for (const { n, p } of sorted) {
      const y = Math.max(Math.round(p.y), next);
      positions[n.id] = { x: cols[kind], y };
      next = y + NODE_SIZE[kind].h + NODE_GAP;
    }
    height = Math.max(height, next - NODE_GAP);
  }
  return { positions, height };
}

/** The width of an account box's content: up to the last column that has nodes (at least the service column). */
function contentWidth(kinds: Iterable<NodeKind>): number {
  const cols = columnX();
  let w = cols.targetGroup + NODE_SIZE.targetGroup.w;
  for (const k of kinds) w = Math.max(w, cols[k] + NODE_SIZE[k].w);
  return w;
}

/** The connected components of an account's graph, each with nodes in input order. */
export function components(g: LayoutGroupIn): LayoutGroupIn[] {
  const parent = new Map(g.nodes.map((n) => [n.id, n.id]));
  const find = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  for (const [a, b] of g.edges) if (parent.has(a) && parent.has(b)) parent.set(find(a), find(b));
  const out = new Map<string, LayoutGroupIn>();
  for (const n of g.nodes) {
    const root = find(n.id);
    const c = out.get(root) ?? { id: `${g.id}/${n.id}`, nodes: [], edges: [] };
    c.nodes.push(n);
    out.set(root, c);
  }
  for (const e of g.edges) out.get(find(e[0]))?.edges.push(e);
  return [...out.values()];
}

/**
 * The shape of a component without its ids: kinds in order and edges as index pairs. Components of
 * equal shape (every "service → 3 target groups" of a fleet) get one ELK run between them.
 */
export function shapeOf(c: LayoutGroupIn): { signature: string; index: Map<string, number> } {
  const index = new Map(c.nodes.map((n, i) => [n.id, i]));
  const edges = c.edges.map(([a, b]) => `${index.get(a)}>${index.get(b)}`).sort();
  return { signature: `${c.nodes.map((n) => NODE_KINDS.indexOf(n.kind)).join('')}|${edges.join(',')}`, index };
}

/** Lays out one account: each component by ELK (once per shape), components stacked top to bottom. */
async function layoutGroup(g: LayoutGroupIn, elk: ElkLike, shapes: Map<string, Array<{ x: number; y: number }>>): Promise<{ positions: Record<string, { x: number; y: number }>; height: number }> {
  const positions: Record<string, { x: number; y: number }> = {};
  let top = 0;
  // Big components first: the network hubs lead, single services follow.
  const comps = components(g).sort((a, b) => b.nodes.length - a.nodes.length);
  for (const c of comps) {
    const { signature, index } = shapeOf(c);
    let rel = shapes.get(signature);
    if (!rel) {
      const snapped = snapToColumns(c, await elk.layout(toElkGraph(c)));
      rel = c.nodes.map((n) => snapped.positions[n.id]!);
      shapes.set(signature, rel);
    }
    let bottom = top;
    for (const n of c.nodes) {
      const p = rel[index.get(n.id)!]!;
      positions[n.id] = { x: p.x, y: p.y + top };
      bottom = Math.max(bottom, p.y + top + NODE_SIZE[n.kind].h);
    }
    top = bottom + COMPONENT_GAP;
  }
  return { positions, height: Math.max(0, top - COMPONENT_GAP) };
}

const COMPONENT_GAP = 24;

/** Lays out every account with ELK and stacks the account boxes top to bottom. */
export async function layoutGraph(input: LayoutInput, elk: ElkLike): Promise<LayoutResult> {
  const parts: Array<{ id: string; positions: Record<string, { x: number; y: number }>; height: number }> = [];
  const kinds = new Set<NodeKind>();
  const shapes = new Map<string, Array<{ x: number; y: number }>>();
  for (const g of input.groups) {
    for (const n of g.nodes) kinds.add(n.kind);
    parts.push({ id: g.id, ...(await layoutGroup(g, elk, shapes)) });
  }
  const width = contentWidth(kinds) + GROUP_PAD.side * 2;
  const out: LayoutResult = { key: input.key, positions: {}, groups: {}, width, height: 0 };
  let y = 0;
  for (const p of parts) {
    const h = p.height === 0 ? EMPTY_GROUP_HEIGHT : p.height + GROUP_PAD.top + GROUP_PAD.bottom;
    out.groups[p.id] = { x: 0, y, w: width, h };
    for (const [id, pos] of Object.entries(p.positions)) out.positions[id] = { x: pos.x + GROUP_PAD.side, y: pos.y + y + GROUP_PAD.top };
    y += h + GROUP_GAP;
  }
  out.height = Math.max(0, y - GROUP_GAP);
  return out;
}
