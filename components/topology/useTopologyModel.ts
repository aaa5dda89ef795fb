'use client';

/**
 * The pure pipeline, memoised step by step: snapshot → graph (+ triage findings) → matches → drawn graph → layout input
 * → layout (worker) → React Flow elements. Each step reruns only when its own inputs change. A big graph is drawn
 * as the overview (`level`), or as just what was revealed from it.
 */
import { useMemo, useRef } from 'react';
import type { Snapshot } from '@/lib/domain/snapshot';
import { buildGraph, byHealthThenName } from '@/lib/graph/build';
import { collapseGraph } from '@/lib/graph/collapse';
import { applyFindings } from '@/lib/graph/findings';
import { isFilterActive, matchNodes } from '@/lib/graph/filter';
import { toLayoutInput } from '@/lib/graph/layoutInput';
import { buildOverview, wantsOverview } from '@/lib/graph/overview';
import { revealSet } from '@/lib/graph/reveal';
import { targetGroupOfNodeId, withTargets } from '@/lib/graph/targets';
import type { TrafficOverlay } from '@/lib/graph/traffic';
import type { GraphNode } from '@/lib/graph/types';
import type { ViewState } from '@/lib/graph/viewState';
import type { Finding } from '@/lib/triage/types';
import { makeLookup } from './panel/lookup';
import { newFlowCache, toFlowElements } from './toFlowElements';
import { useLayout } from './useLayout';

const SEARCH_KINDS: ReadonlySet<GraphNode['kind']> = new Set([
  'network',
  'service',
  'targetGroup',
  'vpc',
  'resourceConfig',
  'resourceGateway',
  'domain',
]);

const NO_FINDINGS: readonly Finding[] = [];
const NO_GROUPS: ReadonlySet<string> = new Set();

/** Everything the view draws for a snapshot, view state, traffic overlay and triage findings. */
export function useTopologyModel(
  snapshot: Snapshot | undefined,
  view: ViewState,
  traffic: TrafficOverlay | undefined,
  findings: readonly Finding[] = NO_FINDINGS,
) {
  // Targets are nodes only for the groups that draw them (expanded, or a selected target's): at fleet scale a
  // node per target was nine tenths of the model (lib/graph/targets).
  const base = useMemo(() => (snapshot ? buildGraph(snapshot, { targetsOf: NO_GROUPS }) : undefined), [snapshot]);
  const expandedKey = view.expanded.join('\n');
  const selectedGroup = view.selected ? targetGroupOfNodeId(view.selected) : undefined;
  const built = useMemo(
    () =>
      base ? withTargets(base, [...(expandedKey ? expandedKey.split('\n') : []), selectedGroup ?? '']) : undefined,
    [base, expandedKey, selectedGroup],
  );
  // Findings mark their nodes (colour, badge, filters); unmarked nodes keep their objects.
  const graph = useMemo(() => (built ? applyFindings(built, findings) : undefined), [built, findings]);
  const lookup = useMemo(() => (snapshot && graph ? makeLookup(snapshot, graph) : undefined), [snapshot, graph]);
  const active = isFilterActive(view.filter);
  const matches = useMemo(
    () => (graph && active ? matchNodes(graph, view.filter, traffic) : undefined),
    [graph, active, view.filter, traffic],
  );
  const hideKey = view.filter.mode === 'hide' && matches ? [...matches].sort().join('\n') : '';
  const expanded = useMemo(() => new Set(expandedKey ? expandedKey.split('\n') : []), [expandedKey]);
  // Semantic zoom: a big estate opens on the overview; expanded networks, a selection (a followed link or
  // finding, a search pick) or a hiding filter draw exactly what they ask for (lib/graph/reveal).
  const big = graph !== undefined && wantsOverview(graph);
  const revealKey = useMemo(() => {
    if (!graph || !big) return '';
    const networks = expandedKey ? expandedKey.split('\n') : [];
    const asked = revealSet(graph, { networks, nodes: view.selected ? [view.selected] : [] });
    return [...asked].sort().join('\n');
  }, [graph, big, expandedKey, view.selected]);
  const level: 'full' | 'overview' | 'detail' = !big ? 'full' : revealKey || hideKey ? 'detail' : 'overview';
  const overview = useMemo(() => (graph && big ? buildOverview(graph, traffic) : undefined), [graph, big, traffic]);
  const visible = useMemo(() => {
    if (!graph || level === 'overview') return undefined;
    const only = [hideKey, revealKey].filter(Boolean).join('\n');
    return collapseGraph(graph, { expanded, ...(only ? { only: new Set(only.split('\n')) } : {}) });
  }, [graph, expanded, hideKey, revealKey, level]);
  const layoutInput = useMemo(() => (visible ? toLayoutInput(visible) : undefined), [visible]);
  const layout = useLayout(layoutInput);
  const cache = useRef(newFlowCache());
  const flow = useMemo(
    () =>
      visible && layout.result
        ? toFlowElements(
            { visible, layout: layout.result, matches, traffic, selected: view.selected, expanded },
            cache.current,
          )
        : { nodes: [], edges: [] },
    [visible, layout.result, matches, traffic, view.selected, expanded],
  );
  const found = useMemo(() => {
    if (!graph || !matches || view.filter.q.trim() === '') return { list: [] as GraphNode[], total: 0 };
    const all = graph.nodes.filter((n) => matches.has(n.id) && SEARCH_KINDS.has(n.kind));
    // The exact name (or ARN) first, then services before the rest, then worst health first.
    const q = view.filter.q.trim().toLowerCase();
    const rank = (n: GraphNode) =>
      (n.label.toLowerCase() === q || n.id.toLowerCase() === q ? 0 : 2) + (n.kind === 'service' ? 0 : 1);
    return { list: all.sort((a, b) => rank(a) - rank(b) || byHealthThenName(a, b)).slice(0, 8), total: all.length };
  }, [graph, matches, view.filter.q]);
  const layoutDone = layout.status === 'done' && layout.result?.key === layoutInput?.key;
  return { graph, lookup, matches, visible, layout, layoutDone, flow, found, level, overview };
}
