'use client';

/**
 * What the overview asks of the topology view: expand a network (it joins the URL's `expand` list, and once
 * laid out the network comes into view with the services drawn beside it and their target groups), open one
 * service (select it: the URL's `sel`), and go back to the estate (drop expanded networks and the selection).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LayoutResult } from '@/lib/graph/elkLayout';
import { nearestServices } from '@/lib/graph/reveal';
import type { TopologyGraph } from '@/lib/graph/types';
import type { ViewState } from '@/lib/graph/viewState';
import type { OverviewActions } from './OverviewNodes';

/** An expanded network's services brought into view with it: one, with its target groups, reads at zoom ≥ 0.5. */
const FOCUS_SERVICES = 1;

interface Deps {
  graph: TopologyGraph | undefined;
  /** The detail view's layout, once done for what is drawn now. */
  layout: LayoutResult | undefined;
  setView(update: (v: ViewState) => ViewState): void;
  /** Brings these nodes (and their target groups) into view once drawn. */
  request(ids: string[]): void;
  select(id: string): void;
}

export function useOverviewActions(d: Deps): { actions: OverviewActions; back(): void } {
  const latest = useRef(d);
  latest.current = d;
  // The network waiting to be brought into view once its detail is laid out.
  const [pending, setPending] = useState<string | undefined>();
  const { graph, layout } = d;
  useEffect(() => {
    if (!pending || !graph || !layout?.positions[pending]) return;
    setPending(undefined);
    latest.current.request([pending, ...nearestServices(graph, layout.positions, pending, FOCUS_SERVICES)]);
  }, [pending, graph, layout]);
  return useMemo(
    () => ({
      actions: {
        expand: (arn: string) => {
          latest.current.setView((v) => ({ ...v, expanded: [...new Set([...v.expanded, arn])].sort() }));
          setPending(arn);
        },
        open: (id: string) => latest.current.select(id),
      },
      back: () => {
        const networks = new Set(
          (latest.current.graph?.nodes ?? []).filter((n) => n.kind === 'network').map((n) => n.id),
        );
        latest.current.setView((v) => {
          const { selected: _drop, ...rest } = v;
          return { ...rest, expanded: v.expanded.filter((x) => !networks.has(x)) };
        });
      },
    }),
    [],
  );
}
