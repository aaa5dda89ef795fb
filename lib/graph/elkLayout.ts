/**
 * Step 5: positions from elkjs. Each account's components are cut into units (lib/graph/layoutUnits)
 * and laid out with ELK's layered algorithm, which orders them top to bottom (crossing
 * minimisation); columns are then snapped to fixed x per kind so they line up across accounts, and
 * the accounts are stacked. Runs in the layout Web Worker (lib/graph/layout.worker.ts); also in tests under Node.
 */
import type { ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import type { NodeKind } from './types';
import { components, NODE_GAP, toUnits, unitShape, type UnitGraph } from './layoutUnits';
import {
  columnOf,
  columnX,
  EMPTY_GROUP_HEIGHT,
  GROUP_GAP,
  GROUP_PAD,
  NODE_SIZE,
  type LayoutGroupIn,
  type LayoutInput,
} from './layoutInput';

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

/**
 * Options tuned for speed at fleet scale: no model-order constraints, one crossing-minimisation
 * pass, simple node placement. No partitions: columns come from the kind of node afterwards.
 */
export const ELK_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': String(NODE_GAP),
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
  'elk.layered.thoroughness': '1',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  'elk.layered.considerModelOrder.strategy': 'NONE',
  'elk.edgeRouting': 'POLYLINE',
  // Components are split (and their layouts shared by shape) before ELK sees them.
  'elk.separateConnectedComponents': 'false',
};

const COMPONENT_GAP = 24;

/** The ELK graph of one component's units. */
export function toElkGraph(g: UnitGraph, id = 'component'): ElkNode {
  return {
    id,
    layoutOptions: ELK_OPTIONS,
    children: g.units.map((u, i) => ({ id: `u${i}`, width: NODE_SIZE[u.kind].w, height: u.height })),
    edges: g.edges.map(([s, t], i) => ({ id: `e${i}`, sources: [`u${s}`], targets: [`u${t}`] })),
  };
}

/**
 * Snaps ELK's result to fixed columns: every member gets its kind's column; units keep ELK's top-to-
 * bottom order and are pushed down just enough that nothing overlaps in any column they occupy.
 * Returns the y of each unit relative to the component's top.
 */
export function snapUnits(g: UnitGraph, laid: ElkNode): number[] {
  const elkY = new Map((laid.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
  const order = g.units
    .map((_, i) => ({ i, p: elkY.get(`u${i}`) ?? { x: 0, y: 0 } }))
    .sort((a, b) => a.p.y - b.p.y || a.p.x - b.p.x || a.i - b.i);
  const next = new Map<NodeKind, number>();
  const ys = new Array<number>(g.units.length).fill(0);
  for (const { i, p } of order) {
    const u = g.units[i]!;
    let y = Math.round(p.y);
    for (const m of u.members) y = Math.max(y, (next.get(columnOf(m.kind)) ?? 0) - m.dy);
    ys[i] = y;
    for (const m of u.members) {
      const col = columnOf(m.kind);
      next.set(col, Math.max(next.get(col) ?? 0, y + m.dy + NODE_SIZE[m.kind].h + NODE_GAP));
    }
  }
  const top = Math.min(...ys);
  return ys.map((y) => y - top);
}

/** The width of an account box's content: up to the last column that has nodes (at least the target-group column). */
function contentWidth(kinds: Iterable<NodeKind>): number {
  const cols = columnX();
  let w = cols.targetGroup + NODE_SIZE.targetGroup.w;
  for (const k of kinds) w = Math.max(w, cols[k] + NODE_SIZE[k].w);
  return w;
}

/** Lays out one account: each component by ELK (once per shape), components stacked top to bottom. */
async function layoutGroup(
  g: LayoutGroupIn,
  elk: ElkLike,
  shapes: Map<string, number[]>,
): Promise<{ positions: Record<string, { x: number; y: number }>; height: number }> {
  const cols = columnX();
  const positions: Record<string, { x: number; y: number }> = {};
  let top = 0;
  // Components with VPCs or networks lead (their edges to other accounts stay short), then big before small.
  const lead = (c: LayoutGroupIn) => (c.nodes.some((n) => n.kind === 'vpc' || n.kind === 'network') ? 0 : 1);
  const comps = components(g).sort((a, b) => lead(a) - lead(b) || b.nodes.length - a.nodes.length);
  for (const c of comps) {
    const units = toUnits(c);
    const shape = unitShape(units);
    let ys = shapes.get(shape);
    if (!ys) {
      ys = units.units.length === 1 ? [0] : snapUnits(units, await elk.layout(toElkGraph(units, c.id)));
      shapes.set(shape, ys);
    }
    let bottom = top;
    units.units.forEach((u, i) => {
      for (const m of u.members) {
        const y = top + ys[i]! + m.dy;
        positions[m.id] = { x: cols[m.kind], y };
        bottom = Math.max(bottom, y + NODE_SIZE[m.kind].h);
      }
    });
    top = bottom + COMPONENT_GAP;
  }
  return { positions, height: Math.max(0, top - COMPONENT_GAP) };
}

/** Lays out every account with ELK and stacks the account boxes top to bottom. */
export async function layoutGraph(input: LayoutInput, elk: ElkLike): Promise<LayoutResult> {
  const parts: Array<{ id: string; positions: Record<string, { x: number; y: number }>; height: number }> = [];
  const kinds = new Set<NodeKind>();
  const shapes = new Map<string, number[]>();
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
    for (const [id, pos] of Object.entries(p.positions))
      out.positions[id] = { x: pos.x + GROUP_PAD.side, y: pos.y + y + GROUP_PAD.top };
    y += h + GROUP_GAP;
  }
  out.height = Math.max(0, y - GROUP_GAP);
  return out;
}
