/**
 * Links from a topology node to the other pages, with exactly the parameters those pages read:
 * the logs explorer pre-filtered on the node (`/logs?service=<arn>&range=15m`, `network=`,
 * `targetGroup=`) and the routing editor of a service (`/routing?service=<arn>`). Pure.
 */
import type { TrafficWindow } from './traffic';
import type { GraphNode } from './types';

/** The access logs of a network, service or target group over `range`; undefined for other nodes. */
export function logsHref(node: Pick<GraphNode, 'kind' | 'id'>, range: TrafficWindow): string | undefined {
  const param =
    node.kind === 'service'
      ? 'service'
      : node.kind === 'network'
        ? 'network'
        : node.kind === 'targetGroup'
          ? 'targetGroup'
          : undefined;
  if (!param) return undefined;
  return `/logs?${new URLSearchParams({ [param]: node.id, range }).toString()}`;
}

/** The routing editor of a service. */
export function routingHref(serviceArn: string): string {
  return `/routing?${new URLSearchParams({ service: serviceArn }).toString()}`;
}
