/**
 * Semantic zoom, level 1: from the overview, what the detail view draws — exactly what the user asked
 * for. An expanded network brings its VPCs, its services and their target groups; a selected node
 * (a followed link or finding, a search pick) brings its own context: a service its networks and target
 * groups; a target group its services and their networks; a target its group's context; a VPC its
 * networks. Targets follow their group when it is expanded (lib/graph/collapse). Pure.
 */
import type { TopologyGraph } from './types';

/** What asks for detail. */
export interface RevealRequest {
  /** Expanded network ARNs. */
  networks: readonly string[];
  /** Selected nodes (usually one). */
  nodes: readonly string[];
}

/** Children and parents by edge: network → services, service → target groups, vpc → networks. */
interface Links {
  down: Map<string, string[]>;
  up: Map<string, string[]>;
}

function linksOf(graph: TopologyGraph): Links {
  const down = new Map<string, string[]>();
  const up = new Map<string, string[]>();
  const add = (m: Map<string, string[]>, k: string, v: string) => {
    const l = m.get(k);
    if (l) l.push(v);
    else m.set(k, [v]);
  };
  for (const e of graph.edges) {
    add(down, e.source, e.target);
    add(up, e.target, e.source);
  }
  return { down, up };
}

/** The ids to draw for a request; empty when nothing asks for detail. */
export function revealSet(graph: TopologyGraph, r: RevealRequest): Set<string> {
  const out = new Set<string>();
  if (r.networks.length === 0 && r.nodes.length === 0) return out;
  const kind = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  const { down, up } = linksOf(graph);
  const of = (m: Map<string, string[]>, id: string, k: string) => (m.get(id) ?? []).filter((x) => kind.get(x) === k);
  const service = (id: string) => {
    out.add(id);
    for (const tg of of(down, id, 'targetGroup')) out.add(tg);
  };
  const network = (id: string) => {
    out.add(id);
    for (const v of of(up, id, 'vpc')) out.add(v);
    for (const s of of(down, id, 'service')) service(s);
  };
  const serviceInContext = (id: string) => {
    service(id);
    for (const n of of(up, id, 'network')) out.add(n);
  };
  const targetGroup = (id: string) => {
    out.add(id);
    for (const s of of(up, id, 'service')) serviceInContext(s);
  };
  for (const id of r.networks) if (kind.get(id) === 'network') network(id);
  for (const id of r.nodes) {
    const k = kind.get(id);
    if (k === 'network') network(id);
    else if (k === 'service') serviceInContext(id);
    else if (k === 'targetGroup') targetGroup(id);
    else if (k === 'target') for (const tg of of(up, id, 'targetGroup')) targetGroup(tg);
    else if (k === 'vpc') {
      out.add(id);
      for (const n of of(down, id, 'network')) out.add(n);
    }
  }
  return out;
}

/** What to bring into view for `ids`: each of them and the target groups it routes to. */
export function focusIds(graph: TopologyGraph, ids: readonly string[]): string[] {
  const want = new Set(ids);
  const out = new Set(ids);
  const tgs = new Set(graph.nodes.filter((n) => n.kind === 'targetGroup').map((n) => n.id));
  for (const e of graph.edges) if (want.has(e.source) && tgs.has(e.target)) out.add(e.target);
  return [...out];
}

/**
 * The `k` services of a network drawn nearest to it: what an expanded network brings into view. A big
 * network's services stack in a tall column, so fitting its worst ones (anywhere in that column) would
 * zoom out to nothing; the ones beside it read at zoom 1, and the rest are a scroll or a search away.
 */
export function nearestServices(
  graph: TopologyGraph,
  positions: Readonly<Record<string, { x: number; y: number }>>,
  networkArn: string,
  k: number,
): string[] {
  const at = positions[networkArn];
  if (!at) return [];
  const services = new Set(graph.nodes.filter((n) => n.kind === 'service').map((n) => n.id));
  const distance = (id: string) => {
    const p = positions[id];
    return p ? Math.hypot(p.x - at.x, p.y - at.y) : Number.POSITIVE_INFINITY;
  };
  return graph.edges
    .filter((e) => e.source === networkArn && services.has(e.target) && positions[e.target])
    .map((e) => e.target)
    .sort((a, b) => distance(a) - distance(b) || a.localeCompare(b))
    .slice(0, k);
}
