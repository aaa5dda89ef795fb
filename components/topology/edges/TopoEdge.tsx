'use client';

import { BaseEdge, getBezierPath, useStore, type Edge, type EdgeProps, type ReactFlowState } from '@xyflow/react';
import { memo } from 'react';
import type { EdgeData } from '../flowTypes';
import { FAR_ZOOM } from '../nodes/NodeCard';
import { edgeLook } from './edgeStyle';

const isFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;

/** An edge of the topology; route edges carry their rules' label (match and share) near the target group. */
export const TopoEdge = memo(function TopoEdge(p: EdgeProps<Edge<EdgeData>>) {
  const far = useStore(isFar);
  const data = p.data;
  if (!data) return null;
  const [path] = getBezierPath({
    sourceX: p.sourceX,
    sourceY: p.sourceY,
    targetX: p.targetX,
    targetY: p.targetY,
    sourcePosition: p.sourcePosition,
    targetPosition: p.targetPosition,
  });
  const look = edgeLook(data.edge, data.traffic, data.haveTraffic);
  const label = data.edge.kind === 'route' && !far ? data.edge.label : undefined;
  return (
    <g
      opacity={data.dimmed ? 0.15 : 1}
      data-testid="topo-edge"
      data-kind={data.edge.kind}
      data-source={data.edge.source}
      data-target={data.edge.target}
      data-label={data.edge.label}
      data-share={data.edge.share}
    >
      <title>{look.title}</title>
      <BaseEdge
        id={p.id}
        path={path}
        style={{ stroke: look.stroke, strokeWidth: look.width, strokeDasharray: look.dashed ? '5 4' : undefined }}
      />
      {label ? (
        <text
          x={p.targetX - 12}
          y={p.targetY - 6}
          textAnchor="end"
          fontSize={11}
          fill="#2b3947"
          stroke="#f4f6f8"
          strokeWidth={3}
          paintOrder="stroke"
          style={{ pointerEvents: 'none' }}
        >
          {label.length > 38 ? `${label.slice(0, 37)}…` : label}
        </text>
      ) : null}
    </g>
  );
});

/** The canvas's edge types, at module scope. */
export const edgeTypes = { topo: TopoEdge };
