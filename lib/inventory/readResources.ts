/**
 * The VPC resources of a segment, in the two phases of a crawl.
 * - Lists (phase one, one call each per account, every page): resource gateways (the list has every
 *   field), resource configurations (own and shared), every network–configuration association the
 *   account sees (no filter: its networks' and its configurations'), domain verifications.
 * - Details (phase two, owner only): GetResourceConfiguration of each own configuration (the list
 *   lacks protocol, ports, definition and failure reason) and its VPC endpoint associations, and the
 *   VPC endpoint associations of each own network (only the network's owner sees them).
 * Failures become problems of the segment, on the resource concerned.
 */
import 'server-only';
import type { LatticeGateway } from '../aws/latticeGateway';
import { keep } from './readNetworks';
import { type PriorIndex, unchanged } from './prior';
import type { SegmentRun } from './segmentRun';

/** Phase one: the account-wide lists. Nothing when the segment is unreachable. */
export async function readResourceLists(lattice: LatticeGateway, run: SegmentRun): Promise<void> {
  if (!run.reachable) return;
  const v = run.vpc;
  await Promise.all([
    lattice.listResourceGateways().then((got) => keep(run, 'ListResourceGateways', '', got, v.resourceGateways)),
    lattice
      .listResourceConfigurations()
      .then((got) => keep(run, 'ListResourceConfigurations', '', got, v.resourceConfigurations)),
    lattice
      .listResourceAssociations()
      .then((got) => keep(run, 'ListServiceNetworkResourceAssociations', '', got, v.resourceAssociations)),
    lattice
      .listDomainVerifications()
      .then((got) => keep(run, 'ListDomainVerifications', '', got, v.domainVerifications)),
  ]);
}

async function readConfiguration(
  lattice: LatticeGateway,
  run: SegmentRun,
  index: number,
  prior: PriorIndex | undefined,
): Promise<void> {
  const listed = run.vpc.resourceConfigurations[index]!;
  const before = prior?.configurations.get(listed.arn);
  if (prior && before && unchanged(listed, before)) {
    run.vpc.resourceConfigurations[index] = { ...before, visibleTo: listed.visibleTo };
    run.vpc.resourceEndpointAssociations.push(...(prior.endpointsByConfiguration.get(listed.arn) ?? []));
    return;
  }
  const [got, endpoints] = await Promise.all([
    lattice.getResourceConfiguration(listed.arn).catch((e: unknown) => {
      run.fail('GetResourceConfiguration', e, listed.arn);
      return undefined;
    }),
    lattice.listResourceEndpointAssociations(listed.arn),
  ]);
  if (got) run.vpc.resourceConfigurations[index] = got;
  keep(run, 'ListResourceEndpointAssociations', listed.arn, endpoints, run.vpc.resourceEndpointAssociations);
}

/**
 * Phase two: the details of the configurations the segment owns, and the endpoints into its own networks.
 * With `prior` (an incremental refresh), a configuration whose `lastUpdatedAt` did not move keeps its
 * details and endpoint associations; the endpoints into networks are listed again (one call per network).
 */
export async function readResourceDetails(
  lattice: LatticeGateway,
  run: SegmentRun,
  ownNetworks: readonly string[],
  prior?: PriorIndex,
): Promise<void> {
  if (!run.reachable) return;
  const jobs: Array<Promise<void>> = [];
  run.vpc.resourceConfigurations.forEach((c, i) => {
    if (c.accountId === run.accountId) jobs.push(readConfiguration(lattice, run, i, prior));
  });
  for (const arn of ownNetworks)
    jobs.push(
      lattice.listVpcEndpointAssociations(arn).then((got) => {
        keep(run, 'ListServiceNetworkVpcEndpointAssociations', arn, got, run.vpc.vpcEndpointAssociations);
      }),
    );
  await Promise.all(jobs);
}
