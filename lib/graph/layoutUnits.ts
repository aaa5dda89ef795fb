/**
 * What ELK actually lays out: units. Each connected component of an account is cut down before ELK
 * sees it: whatever hangs off a single parent (a service's own target groups, a network's services
 * that belong to no other network, the targets of an expanded group) is stacked beside that parent,
 * because its order is already decided, and a 160-node network-with-its-services tree otherwise
 * costs ELK seconds. What is left (nodes with several parents) is what ELK orders. Pure.
 */
import { NODE_KINDS, type NodeKind } from './types';
import { columnOf, NODE_SIZE, type LayoutGroupIn } from './layoutInput';

/** Vertical gap between nodes of one column. */
export const NODE_GAP = 14;

/** A member of a unit: a real node and its offset from the unit's top. */
export interface UnitMember {
  id: string;
  kind: NodeKind;
  dy: number;
}

/** A unit: a single node, or a service block. Its column is its first member's. */
export interface LayoutUnit {
  id: string;
  kind: NodeKind;
  height: number;
  members: UnitMember[];
}

/** A component as units and the edges between them. */
export interface UnitGraph {
  units: LayoutUnit[];
  edges: Array<[number, number]>;
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
 * Cuts a component into units: a node with exactly one neighbour, its parent to the left, is stacked
 * beside that parent (bottom-up, so a network with its services with their target groups can become
 * one unit); ELK then only orders what has more than one parent. Nodes keep their input order.
 */
export function toUnits(c: LayoutGroupIn): UnitGraph {
  const index = new Map(c.nodes.map((n, i) => [n.id, i]));
  const ins = c.nodes.map(() => [] as number[]);
  const outs = c.nodes.map(() => [] as number[]);
  for (const [s, t] of c.edges) {
    const a = index.get(s);
    const b = index.get(t);
    if (a === undefined || b === undefined || a === b) continue;
    outs[a]!.push(b);
    ins[b]!.push(a);
  }
  const col = (i: number) => NODE_KINDS.indexOf(c.nodes[i]!.kind);
  // Right to left: a node's children are settled before the node itself is considered.
  const order = c.nodes.map((_, i) => i).sort((a, b) => col(b) - col(a) || a - b);
  const parent = new Map<number, number>();
  const children = c.nodes.map(() => [] as number[]);
  for (const i of order) {
    const open = outs[i]!.filter((o) => parent.get(o) !== i);
    const from = [...new Set(ins[i])];
    if (open.length === 0 && from.length === 1 && col(from[0]!) < col(i)) {
      parent.set(i, from[0]!);
      children[from[0]!]!.push(i);
    }
  }
  const units: LayoutUnit[] = [];
  const unitOf = new Map<number, number>();
  for (let i = 0; i < c.nodes.length; i++) {
    if (parent.has(i)) continue;
    const { members, height } = stack(i, c, children);
    for (const m of members) unitOf.set(index.get(m.id)!, units.length);
    units.push({ id: c.nodes[i]!.id, kind: c.nodes[i]!.kind, height, members });
  }
  const seen = new Set<string>();
  const edges: Array<[number, number]> = [];
  for (let a = 0; a < c.nodes.length; a++) {
    for (const b of outs[a]!) {
      const ua = unitOf.get(a)!;
      const ub = unitOf.get(b)!;
      const key = `${ua}>${ub}`;
      if (ua === ub || seen.has(key)) continue;
      seen.add(key);
      edges.push([ua, ub]);
    }
  }
  return { units, edges };
}

/** A node with its stacked children (recursively): members with offsets, and the height of the whole. */
function stack(i: number, c: LayoutGroupIn, children: number[][]): { members: UnitMember[]; height: number } {
  const self = c.nodes[i]!;
  const members: UnitMember[] = [{ id: self.id, kind: self.kind, dy: 0 }];
  const next = new Map<NodeKind, number>([[columnOf(self.kind), NODE_SIZE[self.kind].h + NODE_GAP]]);
  for (const ch of [...children[i]!].sort((a, b) => a - b)) {
    const sub = stack(ch, c, children);
    // Beside the parent, below the previous child, never overlapping in any column it uses.
    let dy = 0;
    for (const m of sub.members) dy = Math.max(dy, (next.get(columnOf(m.kind)) ?? 0) - m.dy);
    for (const m of sub.members) {
      members.push({ ...m, dy: m.dy + dy });
      const col = columnOf(m.kind);
      next.set(col, Math.max(next.get(col) ?? 0, m.dy + dy + NODE_SIZE[m.kind].h + NODE_GAP));
    }
  }
  return { members, height: Math.max(...[...next.values()]) - NODE_GAP };
}

/**
 * The shape of a unit graph without its ids: unit kinds, member kinds and edges as index pairs.
 * Components of equal shape (every "service → 3 target groups" of a fleet) share one ELK run.
 */
export function unitShape(g: UnitGraph): string {
  const units = g.units.map((u) => u.members.map((m) => `${NODE_KINDS.indexOf(m.kind)}@${m.dy}`).join(' ')).join(',');
  return `${units}|${g.edges.map(([a, b]) => `${a}>${b}`).join(',')}`;
}
