/**
 * Phase one of a crawl, per (account, region): assume the role, then list the service networks and
 * services the account sees (its own and those shared with it) and its target groups. Every page is
 * followed. ListTargetGroups carries type, port, protocol, VPC and `serviceArns`, so target groups
 * are never read one by one.
 */
import 'server-only';
import type { LatticeGateway } from '../aws/latticeGateway';
import type { SegmentRun } from './segmentRun';

/** Lists what one segment sees. Marks it unreachable when the role cannot be assumed or nothing can be listed. */
export async function readLists(lattice: LatticeGateway, run: SegmentRun): Promise<void> {
  try {
    await lattice.ensureSession();
  } catch (e) {
    run.markUnreachable(e);
    return;
  }
  const [networks, services, targetGroups] = await Promise.all([
    lattice.listServiceNetworks(),
    lattice.listServices(),
    lattice.listTargetGroups(),
  ]);
  if (networks.error !== undefined && services.error !== undefined && targetGroups.error !== undefined) {
    run.markUnreachable(networks.error);
    return;
  }
  for (const n of networks.items) run.networks.set(n.network.arn, n);
  for (const s of services.items) run.services.set(s.arn, s);
  run.targetGroups = targetGroups.items;
  if (networks.error !== undefined) run.fail('ListServiceNetworks', networks.error);
  if (services.error !== undefined) run.fail('ListServices', services.error);
  if (targetGroups.error !== undefined) run.fail('ListTargetGroups', targetGroups.error);
}
