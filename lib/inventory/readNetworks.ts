/**
 * Phase two for service networks: GetServiceNetwork (ListServiceNetworks lacks authType), the
 * network's service and VPC associations (skipped when the listed counts say there are none), and
 * its access-log subscriptions (owner only: consumers of a shared network see none).
 */
import 'server-only';
import type { LatticeGateway } from '../aws/latticeGateway';
import type { Collected } from '../aws/paginate';
import type { SegmentRun } from './segmentRun';

/** What to read of a network. */
export interface NetworkReads {
  get: boolean;
  associations: boolean;
  accessLogs: boolean;
}

/** Keeps what a List returned and records its error, if any, as a problem of the segment. */
export function keep<T>(run: SegmentRun, operation: string, arn: string, got: Collected<T>, into: T[]): void {
  into.push(...got.items);
  if (got.error !== undefined) run.fail(operation, got.error, arn);
}

async function getNetwork(lattice: LatticeGateway, run: SegmentRun, arn: string): Promise<void> {
  try {
    const network = await lattice.getServiceNetwork(arn);
    const listed = run.networks.get(arn);
    if (listed) listed.network = network;
  } catch (e) {
    run.fail('GetServiceNetwork', e, arn);
  }
}

/** Lists the access-log subscriptions of a network or service the segment owns. */
export async function listAccessLogs(lattice: LatticeGateway, run: SegmentRun, arn: string): Promise<void> {
  const got = await lattice.listAccessLogSubscriptions(arn);
  keep(run, 'ListAccessLogSubscriptions', arn, got, run.accessLogSubscriptions);
}

/** Reads what `reads` asks of one listed network. */
export async function readNetwork(
  lattice: LatticeGateway,
  run: SegmentRun,
  arn: string,
  reads: NetworkReads,
): Promise<void> {
  const listed = run.networks.get(arn);
  const jobs: Array<Promise<void>> = [];
  if (reads.get) jobs.push(getNetwork(lattice, run, arn));
  // The listed counts are the network's own: zero means there is nothing to list.
  if (reads.associations && listed?.services !== 0)
    jobs.push(
      lattice.listServiceAssociations({ serviceNetworkArn: arn }).then((got) => {
        keep(run, 'ListServiceNetworkServiceAssociations', arn, got, run.serviceAssociations);
      }),
    );
  if (reads.associations && listed?.vpcs !== 0)
    jobs.push(
      lattice.listVpcAssociations(arn).then((got) => {
        keep(run, 'ListServiceNetworkVpcAssociations', arn, got, run.vpcAssociations);
      }),
    );
  if (reads.accessLogs) jobs.push(listAccessLogs(lattice, run, arn));
  await Promise.all(jobs);
}
