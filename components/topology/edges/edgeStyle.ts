/**
 * How an edge looks: route edges get wider with traffic (or, without traffic data, with their
 * share of the rule's weights) and turn amber/red with 4xx/5xx answers. Pure.
 */
import type { TrafficCounts } from '@/lib/graph/traffic';
import type { GraphEdge } from '@/lib/graph/types';

/** Stroke of an edge. */
export interface EdgeLook {
  stroke: string;
  width: number;
  dashed: boolean;
  /** Words for the tooltip and screen readers. */
  title: string;
}

const GREY = '#8c99a6';

/** The look of an edge given its traffic (undefined: no overlay data for it). */
export function edgeLook(edge: GraphEdge, traffic: TrafficCounts | undefined, haveTraffic: boolean): EdgeLook {
  if (edge.kind !== 'route')
    return {
      stroke: edge.kind === 'target' ? '#b5bec8' : GREY,
      width: 1.25,
      dashed: edge.kind === 'vpcAssociation',
      title: edge.kind,
    };
  const share = edge.share ?? 0;
  if (!haveTraffic || !traffic || traffic.requests === 0) {
    return {
      stroke: share === 0 ? '#c2c9d1' : GREY,
      width: 1.25 + 3 * share,
      dashed: share === 0,
      title: `${edge.label ?? ''}${haveTraffic ? ' · no requests in the window' : ''}`,
    };
  }
  const r5 = traffic.c5xx / traffic.requests;
  const r4 = traffic.c4xx / traffic.requests;
  const stroke = r5 >= 0.05 ? '#c62828' : r5 > 0 || r4 >= 0.2 ? '#c77c02' : '#2f7d4f';
  const width = Math.min(8, 1.5 + Math.log10(1 + traffic.requests) * 1.4);
  return {
    stroke,
    width,
    dashed: false,
    title: `${edge.label ?? ''} · ${traffic.requests} requests, ${traffic.c4xx} 4xx, ${traffic.c5xx} 5xx`,
  };
}
