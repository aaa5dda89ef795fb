/**
 * Phase two for service networks: GetServiceNetwork (ListServiceNetworks lacks authType), the
 * network's service and VPC associations (skipped when the listed counts say there are none), and
 * its access-log subscriptions (owner only: consumers of a shared network see none).
 */
import 'server-only';
import {
  GetServiceNetworkCommand,
  ListAccessLogSubscriptionsCommand,
  ListServiceNetworkServiceAssociationsCommand,
  ListServiceNetworkVpcAssociationsCommand,
} from '@aws-sdk/client-vpc-lattice';
import type { LatticeCaller } from './caller';
import { collectPages, PAGE_SIZE } from '../aws/paginate';
import type { SegmentRun } from './segmentRun';
import {
  mapDefined,
  toAccessLogSubscription,
  toServiceAssociation,
  toServiceNetwork,
  toVpcAssociation,
} from './toDomain';

/** What to read of a network. */
export interface NetworkReads {
  get: boolean;
  associations: boolean;
  accessLogs: boolean;
}

const page = (nextToken: string | undefined) => ({ maxResults: PAGE_SIZE, ...(nextToken ? { nextToken } : {}) });

async function getNetwork(caller: LatticeCaller, run: SegmentRun, arn: string): Promise<void> {
  const site = { accountId: run.accountId, region: run.region, operation: 'GetServiceNetwork', resource: arn };
  try {
    const out = await caller.send(
      site,
      new GetServiceNetworkCommand({ serviceNetworkIdentifier: arn }),
      (c, cmd, signal) => c.send(cmd, { abortSignal: signal }),
    );
    const network = toServiceNetwork(out, run.region, run.accountId);
    const listed = run.networks.get(arn);
    if (network && listed) listed.network = network;
  } catch (e) {
    run.fail(site.operation, e, arn);
  }
}

async function listServiceAssociations(caller: LatticeCaller, run: SegmentRun, arn: string): Promise<void> {
  const site = {
    accountId: run.accountId,
    region: run.region,
    operation: 'ListServiceNetworkServiceAssociations',
    resource: arn,
  };
  const got = await collectPages((t) =>
    caller.send(
      site,
      new ListServiceNetworkServiceAssociationsCommand({ serviceNetworkIdentifier: arn, ...page(t) }),
      (c, cmd, signal) => c.send(cmd, { abortSignal: signal }),
    ),
  );
  run.serviceAssociations.push(...mapDefined(got.items, (a) => toServiceAssociation(a, run.region)));
  if (got.error !== undefined) run.fail(site.operation, got.error, arn);
}

async function listVpcAssociations(caller: LatticeCaller, run: SegmentRun, arn: string): Promise<void> {
  const site = {
    accountId: run.accountId,
    region: run.region,
    operation: 'ListServiceNetworkVpcAssociations',
    resource: arn,
  };
  const got = await collectPages((t) =>
    caller.send(
      site,
      new ListServiceNetworkVpcAssociationsCommand({ serviceNetworkIdentifier: arn, ...page(t) }),
      (c, cmd, signal) => c.send(cmd, { abortSignal: signal }),
    ),
  );
  run.vpcAssociations.push(...mapDefined(got.items, (a) => toVpcAssociation(a, run.region)));
  if (got.error !== undefined) run.fail(site.operation, got.error, arn);
}

/** Lists the access-log subscriptions of a network or service the segment owns. */
export async function listAccessLogs(caller: LatticeCaller, run: SegmentRun, arn: string): Promise<void> {
  const site = { accountId: run.accountId, region: run.region, operation: 'ListAccessLogSubscriptions', resource: arn };
  const got = await collectPages((t) =>
    caller.send(
      site,
      new ListAccessLogSubscriptionsCommand({ resourceIdentifier: arn, ...page(t) }),
      (c, cmd, signal) => c.send(cmd, { abortSignal: signal }),
    ),
  );
  run.accessLogSubscriptions.push(...mapDefined(got.items, (s) => toAccessLogSubscription(s, run.region)));
  if (got.error !== undefined) run.fail(site.operation, got.error, arn);
}

/** Reads what `reads` asks of one listed network. */
export async function readNetwork(
  caller: LatticeCaller,
  run: SegmentRun,
  arn: string,
  reads: NetworkReads,
): Promise<void> {
  const listed = run.networks.get(arn);
  const jobs: Array<Promise<void>> = [];
  if (reads.get) jobs.push(getNetwork(caller, run, arn));
  // The listed counts are the network's own: zero means there is nothing to list.
  if (reads.associations && listed?.services !== 0) jobs.push(listServiceAssociations(caller, run, arn));
  if (reads.associations && listed?.vpcs !== 0) jobs.push(listVpcAssociations(caller, run, arn));
  if (reads.accessLogs) jobs.push(listAccessLogs(caller, run, arn));
  await Promise.all(jobs);
}
