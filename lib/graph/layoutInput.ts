/**
 * Step 4 of the pipeline: the layout input. Each kind of node has a fixed size and column (VPC →
 * network → service → target group → target, left to right); each account is laid out on its own
 * (only the edges inside it count) and the accounts are then stacked. That keeps elkjs's work per
 * call small at fleet scale, and the `key` (a hash of the graph's shape) lets a layout be reused
 * when only health or traffic changed. Pure.
 */
import { NODE_KINDS, type NodeKind } from './types';
import type { VisibleGraph } from './collapse';

/** Width and height of each kind of node, in px (the node components render at exactly this size). */
export const NODE_SIZE: Record<NodeKind, { w: number; h: number }> = {
  vpc: { w: 190, h: 44 },
  network: { w: 220, h: 68 },
  service: { w: 240, h: 76 },
  targetGroup: { w: 250, h: 92 },
  target: { w: 210, h: 40 },
  domain: { w: 220, h: 68 },
  resourceConfig: { w: 240, h: 76 },
  resourceGateway: { w: 250, h: 68 },
};

/** Kinds drawn in another kind's column (same width, never side by side). */
const SHARED_COLUMN: Partial<Record<NodeKind, NodeKind>> = {
  domain: 'network',
  resourceConfig: 'service',
  resourceGateway: 'targetGroup',
};

/** The column a kind is drawn in (itself, or the kind whose column it shares). */
export function columnOf(kind: NodeKind): NodeKind {
  return SHARED_COLUMN[kind] ?? kind;
}

/** Horizontal gap after each column; the service → target group gap holds the route labels. */
export const COLUMN_GAP: Record<NodeKind, number> = {
  vpc: 110,
  network: 140,
  service: 220,
  targetGroup: 110,
  target: 0,
  // Shared columns: the gap is their host column's.
  domain: 0,
  resourceConfig: 0,
  resourceGateway: 0,
};

/** Padding of an account box: room for its title on top. */
export const GROUP_PAD = { top: 40, side: 20, bottom: 20 };
/** Vertical gap between account boxes. */
export const GROUP_GAP = 36;
/** Height of an account box that has nothing to show (unreachable, or empty). */
export const EMPTY_GROUP_HEIGHT = 96;

/** The x of each column inside an account box (relative to its content area). */
export function columnX(): Record<NodeKind, number> {
  const out = {} as Record<NodeKind, number>;
  let x = 0;
  for (const k of NODE_KINDS) {
    if (columnOf(k) !== k) continue;
    out[k] = x;
    x += NODE_SIZE[k].w + COLUMN_GAP[k];
  }
  for (const k of NODE_KINDS) out[k] = out[columnOf(k)];
  return out;
}

/** A node to place. */
export interface LayoutNodeIn {
  id: string;
  kind: NodeKind;
}

/** One account's part of the layout. */
export interface LayoutGroupIn {
  id: string;
  nodes: LayoutNodeIn[];
  /** Edges between nodes of this account, as [source, target]. */
  edges: Array<[string, string]>;
}

/** What the layout worker receives. */
export interface LayoutInput {
  /** Hash of the shape (groups, nodes, edges): equal keys give equal layouts. */
  key: string;
  groups: LayoutGroupIn[];
}

/** FNV-1a (32-bit) of a string, hex. Enough to tell graph shapes apart in a cache. */
export function hashString(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Builds the layout input of the drawn graph. */
export function toLayoutInput(v: Pick<VisibleGraph, 'groups' | 'nodes' | 'edges'>): LayoutInput {
  const byGroup = new Map<string, LayoutGroupIn>();
  for (const g of v.groups) byGroup.set(g.accountId, { id: g.id, nodes: [], edges: [] });
  const owner = new Map<string, string>();
  for (const n of v.nodes) {
    const g = byGroup.get(n.accountId);
    if (!g) continue;
    g.nodes.push({ id: n.id, kind: n.kind });
    owner.set(n.id, n.accountId);
  }
  for (const e of v.edges) {
    const a = owner.get(e.source);
    if (a !== undefined && a === owner.get(e.target)) byGroup.get(a)!.edges.push([e.source, e.target]);
  }
  const groups = [...byGroup.values()];
  const shape = groups
    .map((g) => `${g.id}{${g.nodes.map((n) => n.id).join(',')}|${g.edges.map((e) => `${e[0]}>${e[1]}`).join(',')}}`)
    .join('');
  return { key: `${hashString(shape)}-${shape.length}`, groups };
}
