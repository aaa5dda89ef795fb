/**
 * Triage findings on the topology: each finding marks the most specific node it names (target group,
 * else service, else network; an unhealthy-targets finding also marks its targets), so the graph
 * colours and badges nodes by what is wrong now, not only by target health, and the "Failing" / "Has
 * errors" filters find them. Nodes without a finding keep their object (memoised drawing). Pure.
 */
import type { Finding, FindingKind, Severity } from '../triage/types';
import type { Badge, GraphNode, Health, NodeFinding, TopologyGraph } from './types';

const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, high: 1, info: 2 };

/** Short badge words per kind. */
export const FINDING_BADGE: Record<FindingKind, string> = {
  'error-rate': '5xx ↑',
  'auth-denials': 'denials ↑',
  'unhealthy-targets': 'unhealthy',
  latency: 'slow',
  'traffic-drop': 'traffic ↓',
  change: 'changed',
  canary: 'canary',
};

/** The node a finding is about: its target group, else service, else network. */
export function findingNodeId(f: Pick<Finding, 'where'>): string | undefined {
  return f.where.targetGroupArn ?? f.where.serviceArn ?? f.where.networkArn;
}

/** True for a finding that makes its node "failing" (red): critical or high, not context. */
export function isActiveProblem(f: Pick<NodeFinding, 'severity' | 'kind'>): boolean {
  return f.severity !== 'info' && f.kind !== 'change' && f.kind !== 'canary';
}

/** The node's health for filters and colour: its own, raised to `error` by an active problem. */
export function effectiveHealth(n: Pick<GraphNode, 'health' | 'findings'>): Health {
  return n.findings?.some(isActiveProblem) ? 'error' : n.health;
}

function mark(f: Finding): NodeFinding {
  return {
    id: f.id,
    kind: f.kind,
    severity: f.severity,
    title: f.title,
    detail: f.detail,
    onset: f.onset,
    ...(f.logsHref ? { logsHref: f.logsHref } : {}),
  };
}

function badgeOf(list: readonly NodeFinding[]): Badge {
  const top = list[0]!;
  const more = list.length > 1 ? ` +${list.length - 1}` : '';
  return {
    kind: 'finding',
    text: `${FINDING_BADGE[top.kind]}${more}`,
    title: list.map((f) => `${f.severity}: ${f.title}`).join('\n'),
  };
}

/** Finding marks by node id (most urgent first, then report order). */
export function findingsByNode(
  graph: Pick<TopologyGraph, 'nodes'>,
  findings: readonly Finding[],
): Map<string, NodeFinding[]> {
  const out = new Map<string, NodeFinding[]>();
  const add = (id: string, f: Finding) => out.set(id, [...(out.get(id) ?? []), mark(f)]);
  const ids = new Set(graph.nodes.map((n) => n.id));
  const targets = new Map<string, GraphNode[]>();
  for (const n of graph.nodes)
    if (n.kind === 'target') targets.set(n.targetGroupArn, [...(targets.get(n.targetGroupArn) ?? []), n]);
  for (const f of findings) {
    const id = findingNodeId(f);
    if (id && ids.has(id)) add(id, f);
    if (f.kind === 'unhealthy-targets' && f.where.targetGroupArn && f.targetIds?.length) {
      const wanted = new Set(f.targetIds);
      for (const t of targets.get(f.where.targetGroupArn) ?? [])
        if (t.kind === 'target' && wanted.has(t.targetId)) add(t.id, f);
    }
  }
  for (const list of out.values()) {
    const order = new Map(list.map((f, i) => [f, i]));
    list.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || order.get(a)! - order.get(b)!);
  }
  return out;
}

/** The graph with findings on their nodes (a finding badge first); untouched nodes keep their objects. */
export function applyFindings(graph: TopologyGraph, findings: readonly Finding[]): TopologyGraph {
  if (findings.length === 0) return graph;
  const marks = findingsByNode(graph, findings);
  if (marks.size === 0) return graph;
  const nodes = graph.nodes.map((n): GraphNode => {
    const list = marks.get(n.id);
    return list ? { ...n, findings: list, badges: [badgeOf(list), ...n.badges] } : n;
  });
  return { ...graph, nodes };
}
