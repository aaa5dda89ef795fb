'use client';

/**
 * The topology page: the graph of every account's VPCs, networks, services, target groups and
 * targets, health at a glance, the traffic overlay, find and filter, and the selected node's details.
 * The URL holds filters, selection, expanded groups and the traffic window.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GraphFilter } from '@/lib/graph/filter';
import { focusIds } from '@/lib/graph/reveal';
import { resourceCount } from '@/lib/graph/targets';
import type { NetworkNode } from '@/lib/graph/types';
import { type LoadTriageReport, useTriageReport } from '../now/useTriageReport';
import { TopologyActionsContext } from './actions';
import { AccountStrip } from './AccountStrip';
import { FilterBar } from './FilterBar';
import { GraphCanvas, type FocusRequest } from './GraphCanvas';
import { LevelBar } from './overview/LevelBar';
import { OverviewCanvas } from './overview/OverviewCanvas';
import { useOverviewActions } from './overview/useOverviewActions';
import { SearchBox } from './SearchBox';
import { SidePanel } from './panel/SidePanel';
import { TopologyHeader } from './TopologyHeader';
import { TopologyEmpty, TopologyError } from './TopologyStates';
import { TrafficControls } from './TrafficControls';
import styles from './topology.module.css';
import { useNow } from './useNow';
import { TRAFFIC_REFRESH_MS, useRefreshSnapshot, useSnapshot, useTraffic } from './useTopologyData';
import { useTopologyModel } from './useTopologyModel';
import { useViewState } from './useViewState';

const SEARCH_DEBOUNCE_MS = 200;

/**
 * `loadTriage`: the triage report's server action; its findings colour, badge and filter the nodes (polled at
 * the traffic overlay's cadence).
 */
export function TopologyView({ loadTriage }: { loadTriage?: LoadTriageReport }) {
  const [view, setView] = useViewState();
  const now = useNow(5_000);
  const snapQ = useSnapshot(view.paused);
  const refresh = useRefreshSnapshot();
  const result = snapQ.data;
  const snapshot = result?.ok ? result.value : undefined;
  // The overlay waits for the first layout: the graph is what an incident needs first.
  const [drawn, setDrawn] = useState(false);
  const trafficQ = useTraffic(view.window, snapshot !== undefined && drawn, view.paused);
  const traffic = trafficQ.data?.ok ? trafficQ.data.value : undefined;
  const triageQ = useTriageReport(
    snapshot !== undefined && drawn ? loadTriage : undefined,
    view.paused,
    TRAFFIC_REFRESH_MS,
  );
  const model = useTopologyModel(snapshot, view, traffic, triageQ.data?.findings);
  useEffect(() => {
    if ((model.layoutDone || model.level === 'overview') && !drawn) setDrawn(true);
  }, [model.layoutDone, model.level, drawn]);

  const setFilter = useCallback(
    (update: (f: GraphFilter) => GraphFilter) => setView((v) => ({ ...v, filter: update(v.filter) })),
    [setView],
  );
  const [draft, setDraft] = useState(view.filter.q);
  const typed = useRef(false);
  useEffect(() => {
    if (!typed.current) setDraft(view.filter.q);
  }, [view.filter.q]);
  useEffect(() => {
    if (!typed.current) return;
    const t = setTimeout(() => {
      typed.current = false;
      setFilter((f) => ({ ...f, q: draft }));
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [draft, setFilter]);

  const [focus, setFocus] = useState<FocusRequest | undefined>();
  const [panelFocus, setPanelFocus] = useState(0);
  const seq = useRef(0);
  const request = useCallback(
    (ids: string[], maxZoom?: number, mode: FocusRequest['mode'] = 'nodes') =>
      setFocus({ mode, ids, seq: ++seq.current, ...(maxZoom ? { maxZoom } : {}) }),
    [],
  );
  // Past the overview, a node comes into view with the target groups it routes to.
  const graph = model.graph;
  const big = model.level !== 'full';
  const around = useCallback((ids: string[]) => (graph && big ? focusIds(graph, ids) : ids), [graph, big]);

  const select = useCallback(
    (id: string, zoom: boolean, focusPanel = true) => {
      setView((v) => ({ ...v, selected: id }));
      if (focusPanel) setPanelFocus((n) => n + 1);
      if (zoom) request(around([id]), 1);
    },
    [setView, request, around],
  );
  const clear = useCallback(() => {
    const was = view.selected;
    setView((v) => {
      const { selected: _drop, ...rest } = v;
      return rest;
    });
    if (was)
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(was)}"]`)?.focus(),
      );
  }, [setView, view.selected]);
  const onCanvasSelect = useCallback((id: string) => select(id, false), [select]);

  // First view once laid out: the selection, the matches, or the graph's full width from the top.
  const framed = useRef(false);
  // What decides the fit: the filter itself (hide mode lays the graph out anew) and the set of matches.
  const matchKey = useMemo(
    () => (model.matches ? `${JSON.stringify(view.filter)}\n${[...model.matches].sort().join('\n')}` : ''),
    [model.matches, view.filter],
  );
  const lastMatches = useRef(matchKey);
  useEffect(() => {
    if (framed.current || !model.layoutDone || model.flow.nodes.length === 0) return;
    framed.current = true;
    lastMatches.current = matchKey;
    if (view.selected && model.graph?.nodes.some((n) => n.id === view.selected)) request(around([view.selected]), 1);
    else if (model.matches && model.matches.size > 0) request([...model.matches].slice(0, 400), 1);
    else request([], 1, 'top');
  }, [model.layoutDone, model.flow.nodes, model.graph, model.matches, matchKey, view.selected, request, around]);

  // A changed filter (or a change in what matches it, e.g. a new finding under "Failing") brings the matches
  // into view; a refresh that matches the same nodes leaves the view where the user put it.
  useEffect(() => {
    if (!framed.current || !model.layoutDone || lastMatches.current === matchKey) return;
    lastMatches.current = matchKey;
    if (model.matches && model.matches.size > 0) request([...model.matches].slice(0, 400), 1);
  }, [matchKey, model.matches, model.layoutDone, request]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || !view.selected) return;
      if ((e.target as HTMLElement | null)?.closest('details[open]')) return;
      clear();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [clear, view.selected]);

  const actions = useMemo(
    () => ({
      toggleExpanded: (arn: string) =>
        setView((v) => ({
          ...v,
          expanded: v.expanded.includes(arn) ? v.expanded.filter((x) => x !== arn) : [...v.expanded, arn].sort(),
        })),
    }),
    [setView],
  );
  const overview = model.overview;
  const { actions: overviewActions, back: backToOverview } = useOverviewActions({
    graph: model.graph,
    layout: model.layoutDone ? model.layout.result : undefined,
    setView,
    request: (ids) => {
      framed.current = true;
      request(around(ids), 1);
    },
    select: (id) => {
      framed.current = true;
      select(id, true);
    },
  });
  const networks = useMemo(
    () =>
      (model.graph?.nodes.filter((n): n is NetworkNode => n.kind === 'network') ?? []).sort((a, b) =>
        a.label.localeCompare(b.label),
      ),
    [model.graph],
  );
  const selectedNode = view.selected ? model.lookup?.node(view.selected) : undefined;

  const trafficControls = snapshot ? (
    <TrafficControls
      window={view.window}
      onWindow={(w) => setView((v) => ({ ...v, window: w }))}
      paused={view.paused}
      onPaused={(p) => setView((v) => ({ ...v, paused: p }))}
      overlay={traffic}
      error={trafficQ.data && !trafficQ.data.ok ? trafficQ.data.error : undefined}
      fetching={trafficQ.isFetching}
      updatedAt={trafficQ.dataUpdatedAt}
      now={now}
    />
  ) : null;
  const header = (
    <TopologyHeader
      snapshot={snapshot}
      now={now}
      refreshing={refresh.isPending || snapQ.isFetching}
      onRefresh={() => refresh.mutate()}
      refreshError={refresh.data && !refresh.data.ok ? refresh.data.error : undefined}
    >
      {trafficControls}
    </TopologyHeader>
  );
  if (result && !result.ok)
    return (
      <div className={styles.page}>
        {header}
        <TopologyError error={result.error} onRetry={() => refresh.mutate()} />
      </div>
    );
  if (snapQ.isError)
    return (
      <div className={styles.page}>
        {header}
        <TopologyError
          error={{ code: 'UNKNOWN', message: snapQ.error.message, retryable: true }}
          onRetry={() => void snapQ.refetch()}
        />
      </div>
    );
  if (!snapshot || !model.graph || !model.lookup)
    return (
      <div className={styles.page}>
        {header}
        <div className={styles.skeletonCanvas} role="status" aria-label="Loading the topology" />
      </div>
    );

  const empty =
    snapshot.accounts.length === 0
      ? 'accounts'
      : snapshot.serviceNetworks.length === 0 && snapshot.services.length === 0
        ? 'networks'
        : undefined;
  return (
    <TopologyActionsContext.Provider value={actions}>
      <div className={styles.page}>
        {header}
        <div className={styles.toolbar} role="toolbar" aria-label="Find and filter">
          <SearchBox
            value={draft}
            onChange={(v) => {
              typed.current = true;
              setDraft(v);
            }}
            matches={model.found.list}
            total={model.found.total}
            onPick={(id, fromKeyboard) => select(id, true, !fromKeyboard)}
          />
          <FilterBar filter={view.filter} onChange={setFilter} groups={model.graph.groups} networks={networks} />
        </div>
        <AccountStrip accounts={snapshot.accounts} problems={snapshot.problems} now={now} />
        {model.level !== 'full' ? (
          <LevelBar
            level={model.level}
            total={resourceCount(model.graph)}
            drawn={model.visible?.nodes.length ?? 0}
            onBack={backToOverview}
          />
        ) : null}
        {empty ? (
          <TopologyEmpty what={empty} />
        ) : (
          <div className={styles.body}>
            {model.level === 'overview' && overview ? (
              <OverviewCanvas overview={overview} actions={overviewActions} />
            ) : (
              <GraphCanvas
                nodes={model.flow.nodes}
                edges={model.flow.edges}
                layoutStatus={model.layoutDone ? 'done' : model.layout.status === 'error' ? 'error' : 'pending'}
                {...(model.layout.status === 'error' ? { layoutMessage: model.layout.message } : {})}
                pendingCount={model.visible?.nodes.length ?? 0}
                focus={focus}
                onSelect={onCanvasSelect}
                onClear={clear}
              />
            )}
            {selectedNode ? (
              <SidePanel
                node={selectedNode}
                lookup={model.lookup}
                traffic={traffic}
                window={view.window}
                focusToken={panelFocus}
                onPick={(id) => select(id, true)}
                onClose={clear}
              />
            ) : null}
          </div>
        )}
      </div>
    </TopologyActionsContext.Provider>
  );
}
