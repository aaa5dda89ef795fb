'use client';

/**
 * The topology's resource nodes, memoised: React Flow re-renders a node only when its data object
 * changes (toFlowElements keeps unchanged nodes' objects), so traffic or selection updates do not
 * redraw a fleet.
 */
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { Node } from '@xyflow/react';
import type { ResourceData } from '../flowTypes';
import { NodeCard } from './NodeCard';
import { TargetGroupBody } from './TargetGroupBody';

type P = NodeProps<Node<ResourceData>>;

/** A VPC. */
export const VpcNode = memo(function VpcNode({ data }: P) {
  const n = data.node;
  return (
    <NodeCard
      data={data}
      sub={n.kind === 'vpc' ? `${n.networkArns.length} network${n.networkArns.length === 1 ? '' : 's'}` : undefined}
    />
  );
});

/** A service network. */
export const NetworkNode = memo(function NetworkNode({ data }: P) {
  const n = data.node;
  if (n.kind !== 'network') return null;
  const total = n.serviceHealth.error + n.serviceHealth.warn + n.serviceHealth.ok + n.serviceHealth.unknown;
  const failing = n.serviceHealth.error + n.serviceHealth.warn;
  return (
    <NodeCard
      data={data}
      sub={`${total} service${total === 1 ? '' : 's'}${failing ? ` · ${failing} not healthy` : ''}`}
    />
  );
});

/** A service: its custom domain, if any (the DNS name is in the side panel; the card keeps room for badges). */
export const ServiceNode = memo(function ServiceNode({ data }: P) {
  const n = data.node;
  return <NodeCard data={data} {...(n.kind === 'service' && n.customDomainName ? { sub: n.customDomainName } : {})} />;
});

/** A target group with its targets' health summary and the expand button. */
export const TargetGroupNode = memo(function TargetGroupNode({ data }: P) {
  if (data.node.kind !== 'targetGroup') return null;
  return (
    <NodeCard data={data}>
      <TargetGroupBody node={data.node} expanded={data.expanded ?? false} truncated={data.truncated} />
    </NodeCard>
  );
});

/** One target. */
export const TargetNode = memo(function TargetNode({ data }: P) {
  const n = data.node;
  return (
    <NodeCard
      data={data}
      sub={n.kind === 'target' ? `${n.status}${n.reasonCode ? ` · ${n.reasonCode}` : ''}` : undefined}
    />
  );
});
