'use client';

/**
 * What the overview asks of the topology view: expand a network (it joins the URL's `expand` list, and
 * the network with its worst services comes into view), open one service (select it: the URL's `sel`),
 * and go back to the estate (drop expanded networks and the selection).
 */
import { useMemo, useRef } from 'react';
import type { Overview } from '@/lib/graph/overview';
import type { TopologyGraph } from '@/lib/graph/types';
import type { ViewState } from '@/lib/graph/viewState';
import type { OverviewActions } from './OverviewNodes';

/** How many of an expanded network's services (worst first) are brought into view with it. */
const FOCUS_SERVICES = 3;

interface Deps {
  overview: Overview | undefined;
  graph: TopologyGraph | undefined;
  setView(update: (v: ViewState) => ViewState): void;
  /** Brings these nodes (and their target groups) into view once drawn. */
  request(ids: string[]): void;
  select(id: string): void;
}

export function useOverviewActions(d: Deps): { actions: OverviewActions; back(): void } {
  const latest = useRef(d);
  latest.current = d;
  return useMemo(
    () => ({
      actions: {
        expand: (arn: string) => {
          const { overview, setView, request } = latest.current;
          setView((v) => ({ ...v, expanded: [...new Set([...v.expanded, arn])].sort() }));
          const tile = overview?.accounts.flatMap((a) => a.tiles).find((t) => t.id === arn);
          request([arn, ...(tile?.top.slice(0, FOCUS_SERVICES).map((s) => s.id) ?? [])]);
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
