/**
 * The estate at a glance (semantic zoom, level 0): accounts → the networks they own → the services in
 * them, rolled up into counts — services by health, triage findings, requests and 5xx — instead of one
 * card per resource. Drawn instead of the full graph when the graph is too big to read at any zoom that
 * shows all of it (`OVERVIEW_MIN_NODES`). Pure.
 */
import { healthRank, worstHealth } from './health';
import { resourceCount } from './targets';
import type { TrafficOverlay } from './traffic';
import type { AccountGroup, GraphNode, Health, NetworkNode, ServiceNode, TopologyGraph } from './types';

/**
 * Above this many cards (nodes other than targets) the first view is the overview. Why 300: the full view
 * opens fitted to the graph's width at zoom ≤ 1, about six rows of cards on a 1280 × 720 screen; the demo
 * (48 cards) reads in three screens, while a few hundred cards already take dozens of screens of scrolling
 * and seconds of layout, and the fleet (2,421 cards) is a column one pixel wide at fit zoom. 300 keeps
 * worlds up to ~6× the demo on today's full view.
 */
export const OVERVIEW_MIN_NODES = 300;

/** How many of a tile's services it names (worst first) when zoomed in. */
export const TILE_SERVICES = 4;

/** Counts that roll up. */
export interface RollUp {
  services: number;
  /** Services by health. */
  health: Record<Health, number>;
  /** Active triage findings on the services, their target groups and the network itself. */
  findings: number;
  /** Requests and 5xx in the traffic window (0 without an overlay). */
  requests: number;
  c5xx: number;
}

/** A service named on a tile. */
export interface TileService {
  id: string;
  label: string;
  health: Health;
}

/** A tile: a network, or an account's services that are in no network. */
export interface OverviewTile {
  /** The network's ARN, or `loose:<accountId>`. */
  id: string;
  kind: 'network' | 'loose';
  label: string;
  accountId: string;
  health: Health;
  rollup: RollUp;
  /** VPCs associated (networks). */
  vpcs: number;
  /** Worst services first, at most `TILE_SERVICES`. */
  top: TileService[];
}

/** An account with the networks it owns. */
export interface OverviewAccount {
  group: AccountGroup;
  health: Health;
  /** The services the account owns (wherever they are associated). */
  rollup: RollUp;
  tiles: OverviewTile[];
}

/** The overview. */
export interface Overview {
  accounts: OverviewAccount[];
  totalNodes: number;
}

/** Whether a graph this big opens on the overview: its cards, targets aside (they stay folded until asked). */
export function wantsOverview(graph: Pick<TopologyGraph, 'nodes'>): boolean {
  let cards = 0;
  for (const n of graph.nodes) if (n.kind !== 'target') cards++;
  return cards > OVERVIEW_MIN_NODES;
}

const emptyRollUp = (): RollUp => ({
  services: 0,
  health: { error: 0, warn: 0, ok: 0, unknown: 0 },
  findings: 0,
  requests: 0,
  c5xx: 0,
});

function add<T>(m: Map<string, T[]>, key: string, value: T): void {
  const list = m.get(key);
  if (list) list.push(value);
  else m.set(key, [value]);
}

const byWorst = (a: TileService, b: TileService) =>
  healthRank(b.health) - healthRank(a.health) || a.label.localeCompare(b.label);

/** Rolls `services` (and the findings on their target groups) up into one tile's counts. */
function rollUp(
  services: readonly ServiceNode[],
  findingsOf: (s: ServiceNode) => number,
  traffic: TrafficOverlay | undefined,
): RollUp {
  const r = emptyRollUp();
  for (const s of services) {
    r.services++;
    r.health[s.health]++;
    r.findings += findingsOf(s);
    const t = traffic?.services[s.id];
    if (t) {
      r.requests += t.requests;
      r.c5xx += t.c5xx;
    }
  }
  return r;
}

function tileOf(
  base: Omit<OverviewTile, 'rollup' | 'top' | 'health'> & { own?: GraphNode },
  services: readonly ServiceNode[],
  findingsOf: (s: ServiceNode) => number,
  traffic: TrafficOverlay | undefined,
): OverviewTile {
  const rollup = rollUp(services, findingsOf, traffic);
  rollup.findings += base.own?.findings?.length ?? 0;
  const top = services
    .map((s) => ({ id: s.id, label: s.label, health: s.health }))
    .sort(byWorst)
    .slice(0, TILE_SERVICES);
  const { own, ...rest } = base;
  return {
    ...rest,
    health: worstHealth([...(own ? [own.health] : []), ...services.map((s) => s.health)]),
    rollup,
    top,
  };
}

/** The overview of a graph (findings already applied) with an optional traffic overlay. */
export function buildOverview(graph: TopologyGraph, traffic?: TrafficOverlay): Overview {
  const services = new Map<string, ServiceNode>();
  const networks: NetworkNode[] = [];
  const tgFindings = new Map<string, number>();
  for (const n of graph.nodes) {
    if (n.kind === 'service') services.set(n.id, n);
    else if (n.kind === 'network') networks.push(n);
    else if (n.kind === 'targetGroup' && n.findings?.length) tgFindings.set(n.id, n.findings.length);
  }
  const inNetwork = new Map<string, ServiceNode[]>();
  const vpcs = new Map<string, number>();
  const tgsOf = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (e.kind === 'serviceAssociation') {
      const s = services.get(e.target);
      if (s) add(inNetwork, e.source, s);
    } else if (e.kind === 'vpcAssociation') vpcs.set(e.target, (vpcs.get(e.target) ?? 0) + 1);
    else if (e.kind === 'route') add(tgsOf, e.source, e.target);
  }
  const findingsOf = (s: ServiceNode) =>
    (s.findings?.length ?? 0) + (tgsOf.get(s.id) ?? []).reduce((sum, tg) => sum + (tgFindings.get(tg) ?? 0), 0);
  const accounts = graph.groups.map((group): OverviewAccount => {
    const owned = [...services.values()].filter((s) => s.accountId === group.accountId);
    const tiles = networks
      .filter((n) => n.accountId === group.accountId)
      .sort((a, b) => a.label.localeCompare(b.label))
      .map((n) =>
        tileOf(
          { id: n.id, kind: 'network', label: n.label, accountId: n.accountId, vpcs: vpcs.get(n.id) ?? 0, own: n },
          inNetwork.get(n.id) ?? [],
          findingsOf,
          traffic,
        ),
      );
    const loose = owned.filter((s) => s.networkArns.length === 0);
    if (loose.length > 0)
      tiles.push(
        tileOf(
          {
            id: `loose:${group.accountId}`,
            kind: 'loose',
            label: 'Services in no network',
            accountId: group.accountId,
            vpcs: 0,
          },
          loose,
          findingsOf,
          traffic,
        ),
      );
    const rollup = rollUp(owned, findingsOf, traffic);
    const health = worstHealth([...tiles.map((t) => t.health), ...owned.map((s) => s.health)]);
    return { group, health: group.reachable ? health : 'error', rollup, tiles };
  });
  return { accounts, totalNodes: resourceCount(graph) };
}
