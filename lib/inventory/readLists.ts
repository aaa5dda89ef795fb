/**
 * Phase one of a crawl, per (account, region): assume the role, then list the service networks and
 * services the account sees (its own and those shared with it) and its target groups. Every page is
 * followed. ListTargetGroups carries type, port, protocol, VPC and `serviceArns`, so target groups
 * are never read one by one.
 */
import 'server-only';
import { ListServiceNetworksCommand, ListServicesCommand, ListTargetGroupsCommand } from '@aws-sdk/client-vpc-lattice';
import type { LatticeCaller } from './caller';
import { collectPages, PAGE_SIZE } from '../aws/paginate';
import type { SegmentRun } from './segmentRun';
import { mapDefined, toService, toServiceNetwork, toTargetGroup } from './toDomain';

const page = (nextToken: string | undefined) => ({ maxResults: PAGE_SIZE, ...(nextToken ? { nextToken } : {}) });

/** Lists what one segment sees. Marks it unreachable when the role cannot be assumed or nothing can be listed. */
export async function readLists(caller: LatticeCaller, run: SegmentRun): Promise<void> {
  const { accountId, region } = run;
  try {
    await caller.assumeRole(accountId, region);
  } catch (e) {
    run.markUnreachable(e);
    return;
  }
  const site = (operation: string) => ({ accountId, region, operation });
  const [networks, services, targetGroups] = await Promise.all([
    collectPages((t) =>
      caller.send(site('ListServiceNetworks'), new ListServiceNetworksCommand(page(t)), (c, cmd, signal) =>
        c.send(cmd, { abortSignal: signal }),
      ),
    ),
    collectPages((t) =>
      caller.send(site('ListServices'), new ListServicesCommand(page(t)), (c, cmd, signal) =>
        c.send(cmd, { abortSignal: signal }),
      ),
    ),
    collectPages((t) =>
      caller.send(site('ListTargetGroups'), new ListTargetGroupsCommand(page(t)), (c, cmd, signal) =>
        c.send(cmd, { abortSignal: signal }),
      ),
    ),
  ]);
  if (networks.error !== undefined && services.error !== undefined && targetGroups.error !== undefined) {
    run.markUnreachable(networks.error);
    return;
  }
  for (const n of networks.items) {
    const network = toServiceNetwork(n, region, accountId);
    if (!network) continue;
    run.networks.set(network.arn, {
      network,
      ...(n.numberOfAssociatedServices !== undefined ? { services: n.numberOfAssociatedServices } : {}),
      ...(n.numberOfAssociatedVPCs !== undefined ? { vpcs: n.numberOfAssociatedVPCs } : {}),
    });
  }
  for (const s of mapDefined(services.items, (x) => toService(x, region, accountId))) run.services.set(s.arn, s);
  run.targetGroups = mapDefined(targetGroups.items, (x) => toTargetGroup(x, region));
  if (networks.error !== undefined) run.fail('ListServiceNetworks', networks.error);
  if (services.error !== undefined) run.fail('ListServices', services.error);
  if (targetGroups.error !== undefined) run.fail('ListTargetGroups', targetGroups.error);
}
