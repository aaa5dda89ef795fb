/** The canvas's node types, at module scope so React Flow never sees a new object. */
import type { NodeTypes } from '@xyflow/react';
import { AccountNode } from './AccountNode';
import { NetworkNode, ServiceNode, TargetGroupNode, TargetNode, VpcNode } from './ResourceNodes';
import { DomainNode, ResourceConfigNode, ResourceGatewayNode } from './VpcResourceNodes';

export const nodeTypes: NodeTypes = {
  account: AccountNode,
  vpc: VpcNode,
  network: NetworkNode,
  service: ServiceNode,
  targetGroup: TargetGroupNode,
  target: TargetNode,
  resourceConfig: ResourceConfigNode,
  resourceGateway: ResourceGatewayNode,
  domain: DomainNode,
};
