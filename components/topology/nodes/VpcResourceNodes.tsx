'use client';

/** The VPC-resource nodes: resource configurations, resource gateways and domain verifications (memoised). */
import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ResourceData } from '../flowTypes';
import { NodeCard } from './NodeCard';

type P = NodeProps<Node<ResourceData>>;

/** A resource configuration: what it points at and on which ports. */
export const ResourceConfigNode = memo(function ResourceConfigNode({ data }: P) {
  const n = data.node;
  if (n.kind !== 'resourceConfig') return null;
  return <NodeCard data={data} sub={[n.target, n.ports].filter(Boolean).join(' · ')} />;
});

/** A resource gateway: its VPC and how many configurations use it. */
export const ResourceGatewayNode = memo(function ResourceGatewayNode({ data }: P) {
  const n = data.node;
  if (n.kind !== 'resourceGateway') return null;
  const count = `${n.configCount} configuration${n.configCount === 1 ? '' : 's'}`;
  return <NodeCard data={data} sub={[count, n.vpcId].filter(Boolean).join(' · ')} />;
});

/** A domain verification: its status. */
export const DomainNode = memo(function DomainNode({ data }: P) {
  const n = data.node;
  if (n.kind !== 'domain') return null;
  const sub =
    n.status === 'PENDING'
      ? 'waiting for its TXT record'
      : n.status === 'VERIFIED'
        ? 'verified'
        : (n.status ?? 'status unknown');
  return <NodeCard data={data} sub={sub} />;
});
