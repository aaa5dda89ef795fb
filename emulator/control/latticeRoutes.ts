/**
 * Control routes for VPC Lattice: AWS RAM-style sharing of service networks and services with other
 * accounts, and a read-only summary of the Lattice world per account (for tests and the demo).
 *   POST   /_emulator/shares           {resourceArn, accounts:[...]}  share (adds to existing shares)
 *   DELETE /_emulator/shares           {resourceArn, accounts?:[...]} stop sharing (associations stay)
 *   GET    /_emulator/shares           every share
 *   GET    /_emulator/lattice/summary  resource counts per account and region (`accounts`: networks, services,
 *                                     listeners, rules, target groups and targets, associations, access logs;
 *                                     `vpcResources`: resource gateways and configurations, their associations,
 *                                     VPC endpoint associations, domain verifications)
 *   POST   /_emulator/lattice/vpc-endpoints  {accountId, region?, vpcId, serviceNetwork | resourceConfiguration}
 *                                     a VPC endpoint (as EC2 creates) and its Lattice association
 *   POST   /_emulator/lattice/status   {resourceArn, status, failureReason?, failureCode?}  a provisioning outcome
 *                                     (*_FAILED with its reason) or a domain verification result (VERIFIED)
 */
import { z } from 'zod';
import { parseArn } from '../lattice/arns';
import type { LatticeStore } from '../lattice/store';
import { connectEndpoint, setStatus } from '../lattice/outOfBand';
import type { ResourceKind } from '../lattice/types';
import { ControlError, ok, parseBody, type ControlRoute } from './router';

const accountId = z.string().regex(/^\d{12}$/, 'an AWS account id of 12 digits');
const shareBody = z.object({ resourceArn: z.string().min(1), accounts: z.array(accountId).min(1).max(100) });
const endpointBody = z
  .object({
    accountId,
    region: z.string().min(1).default('us-east-1'),
    vpcId: z.string().regex(/^vpc-([0-9a-f]{8}|[0-9a-f]{17})$/, 'a VPC id'),
    serviceNetwork: z.string().min(1).optional(),
    resourceConfiguration: z.string().min(1).optional(),
  })
  .refine((b) => (b.serviceNetwork === undefined) !== (b.resourceConfiguration === undefined), {
    message: 'give exactly one of serviceNetwork and resourceConfiguration (id or ARN)',
  });
const statusBody = z.object({
  resourceArn: z.string().min(1),
  status: z.string().min(1),
  failureReason: z.string().min(1).max(1000).optional(),
  failureCode: z.string().min(1).max(200).optional(),
});
const unshareBody = z.object({ resourceArn: z.string().min(1), accounts: z.array(accountId).max(100).optional() });

/** The network or service behind an ARN, or a 400/404 the caller can act on. */
function shareable(store: LatticeStore, arn: string): { accountId: string } {
  const kind = parseArn(arn)?.kind;
  if (kind !== 'servicenetwork' && kind !== 'service' && kind !== 'resourceconfiguration')
    throw new ControlError(
      400,
      `only service networks, services and resource configurations can be shared; '${arn}' is none of them`,
    );
  const found = store.byArn(arn);
  if (!found) throw new ControlError(404, `no ${kind} ${arn}`);
  return found.record;
}

const COUNTED: Array<[ResourceKind, string]> = [
  ['servicenetwork', 'serviceNetworks'],
  ['service', 'services'],
  ['listener', 'listeners'],
  ['rule', 'rules'],
  ['targetgroup', 'targetGroups'],
  ['servicenetworkserviceassociation', 'serviceNetworkServiceAssociations'],
  ['servicenetworkvpcassociation', 'serviceNetworkVpcAssociations'],
  ['accesslogsubscription', 'accessLogSubscriptions'],
];

/** The kinds of VPC resources and domains, counted apart (`vpcResources`) so that `accounts` keeps its shape. */
const COUNTED_VPC_RESOURCES: Array<[ResourceKind, string]> = [
  ['resourcegateway', 'resourceGateways'],
  ['resourceconfiguration', 'resourceConfigurations'],
  ['servicenetworkresourceassociation', 'serviceNetworkResourceAssociations'],
  ['resourceendpointassociation', 'resourceEndpointAssociations'],
  ['servicenetworkendpointassociation', 'serviceNetworkVpcEndpointAssociations'],
  ['domainverification', 'domainVerifications'],
];

/** The id behind an id or ARN of a Lattice resource. */
function idOf(identifier: string): string {
  return identifier.startsWith('arn:') ? (parseArn(identifier)?.id ?? identifier) : identifier;
}

type Counts = Record<string, Record<string, Record<string, number>>>;

function bumper(into: Counts) {
  return (account: string, region: string, key: string, n = 1) => {
    into[account] ??= {};
    const perRegion = into[account];
    perRegion[region] ??= {};
    const counts = perRegion[region];
    counts[key] = (counts[key] ?? 0) + n;
  };
}

function summary(store: LatticeStore, now: number): Record<string, unknown> {
  const accounts: Counts = {};
  const vpcResources: Counts = {};
  const bump = bumper(accounts);
  for (const [kind, key] of COUNTED) for (const r of store.all(kind)) bump(r.accountId, r.region, key);
  for (const tg of store.all('targetgroup')) {
    for (const t of store.targetsOf(tg.id, now)) bump(tg.accountId, tg.region, `targets${t.status}`);
  }
  const bumpVpc = bumper(vpcResources);
  for (const [kind, key] of COUNTED_VPC_RESOURCES) for (const r of store.all(kind)) bumpVpc(r.accountId, r.region, key);
  return { accounts, vpcResources, shares: store.shares.size };
}

export const latticeRoutes: ControlRoute[] = [
  {
    method: 'POST',
    path: '/shares',
    handle: (host, body) => {
      const b = parseBody(shareBody, body);
      const store = host.state.lattice;
      const owner = shareable(store, b.resourceArn).accountId;
      if (b.accounts.includes(owner))
        throw new ControlError(400, `${b.resourceArn} is owned by ${owner}; share it with other accounts`);
      return ok({
        resourceArn: b.resourceArn,
        ownerAccountId: owner,
        accounts: store.share(b.resourceArn, b.accounts),
      });
    },
  },
  {
    method: 'DELETE',
    path: '/shares',
    handle: (host, body) => {
      const b = parseBody(unshareBody, body);
      const store = host.state.lattice;
      const owner = shareable(store, b.resourceArn).accountId;
      return ok({
        resourceArn: b.resourceArn,
        ownerAccountId: owner,
        accounts: store.unshare(b.resourceArn, b.accounts),
      });
    },
  },
  {
    method: 'GET',
    path: '/shares',
    handle: (host) => {
      const store = host.state.lattice;
      const shares = [...store.shares.entries()].map(([resourceArn, accounts]) => ({
        resourceArn,
        ownerAccountId: store.byArn(resourceArn)?.record.accountId,
        accounts,
      }));
      return ok({ shares });
    },
  },
  {
    method: 'POST',
    path: '/lattice/vpc-endpoints',
    handle: (host, body) => {
      const b = parseBody(endpointBody, body);
      const out = connectEndpoint(host.state.lattice, host.state.rng, host.state.clock.now(), {
        accountId: b.accountId,
        region: b.region,
        vpcId: b.vpcId,
        ...(b.serviceNetwork ? { serviceNetworkId: idOf(b.serviceNetwork) } : {}),
        ...(b.resourceConfiguration ? { resourceConfigurationId: idOf(b.resourceConfiguration) } : {}),
      });
      if (typeof out === 'string') throw new ControlError(404, out);
      return ok(out);
    },
  },
  {
    method: 'POST',
    path: '/lattice/status',
    handle: (host, body) => {
      const b = parseBody(statusBody, body);
      const error = setStatus(host.state.lattice, host.state.clock.now(), b.resourceArn, {
        status: b.status,
        ...(b.failureReason ? { failureReason: b.failureReason } : {}),
        ...(b.failureCode ? { failureCode: b.failureCode } : {}),
      });
      if (error) throw new ControlError(error.startsWith('no resource') ? 404 : 400, error);
      return ok({ resourceArn: b.resourceArn, status: b.status });
    },
  },
  {
    method: 'GET',
    path: '/lattice/summary',
    handle: (host) => ok(summary(host.state.lattice, host.state.clock.now())),
  },
];
