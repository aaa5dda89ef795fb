/**
 * The VPC resources of a snapshot on the graph (part of step 1, called by `buildGraph`): resource
 * gateways, resource configurations (edges network → configuration → gateway), VPC endpoints into a
 * network (VPC → network, beside the VPC associations), domain verifications (domain → the
 * configurations and services using it), and TLS passthrough and custom domains on service cards.
 * A `*_FAILED` configuration, gateway or association, or a domain whose verification timed out, is
 * red with its reason; what is still in progress (or a PENDING domain) is amber. Pure.
 */
import type { Snapshot } from '../domain/snapshot';
import {
  domainCovers,
  isFailedStatus,
  isPendingStatus,
  type DomainVerification,
  type ResourceConfiguration,
  type ResourceDefinition,
} from '../domain/vpcResources';
import { worstHealth } from './health';
import {
  type Badge,
  type DomainNode,
  type GraphEdge,
  type GraphNode,
  type Health,
  type ResourceConfigNode,
  type ResourceGatewayNode,
  type ServiceNode,
  type VpcNode,
  searchText,
} from './types';

/** Health of a lifecycle status: ACTIVE/VERIFIED green, `*_FAILED`/timed out red, in progress/PENDING amber. */
export function statusHealth(status: string | undefined): Health {
  if (status === undefined) return 'unknown';
  if (isFailedStatus(status) || status === 'VERIFICATION_TIMED_OUT') return 'error';
  if (isPendingStatus(status) || status === 'PENDING') return 'warn';
  return status === 'ACTIVE' || status === 'VERIFIED' ? 'ok' : 'unknown';
}

/** What a configuration points at, in words. */
export function definitionText(d: ResourceDefinition | undefined): string | undefined {
  if (!d) return undefined;
  if (d.kind === 'dns') return d.domainName;
  if (d.kind === 'ip') return d.ipAddress;
  if (d.kind === 'arn') return d.arn;
  return d.cidrRanges.join(', ');
}

function statusBadge(status: string | undefined, reason: string | undefined): Badge[] {
  const h = statusHealth(status);
  if (!status || h === 'ok' || h === 'unknown') return [];
  return [{ kind: 'health', text: status, title: reason ? `${status}: ${reason}` : status }];
}

function sharedBadge(ownerId: string, visibleTo: readonly string[]): Badge[] {
  const others = visibleTo.filter((a) => a !== ownerId);
  return others.length > 0
    ? [{ kind: 'shared', text: `shared ×${others.length}`, title: `Visible to ${others.join(', ')}` }]
    : [];
}

type ProblemsOf = (arn: string) => Badge[];

function configNode(c: ResourceConfiguration, problemsOf: ProblemsOf): ResourceConfigNode {
  const target = definitionText(c.definition);
  const ports = c.portRanges?.length ? `${c.protocol ?? ''} ${c.portRanges.join(', ')}`.trim() : c.protocol;
  return {
    id: c.arn,
    kind: 'resourceConfig',
    label: c.name,
    accountId: c.accountId,
    health: statusHealth(c.status),
    badges: [...statusBadge(c.status, c.failureReason), ...sharedBadge(c.accountId, c.visibleTo), ...problemsOf(c.arn)],
    searchText: searchText(c.name, c.arn, c.id, c.status, target, c.customDomainName, c.type),
    networkArns: [],
    ...(c.status ? { status: c.status } : {}),
    ...(c.type ? { configType: c.type } : {}),
    ...(ports ? { ports } : {}),
    ...(target ? { target } : {}),
    ...(c.customDomainName ? { customDomainName: c.customDomainName } : {}),
    ...(c.failureReason ? { failureReason: c.failureReason } : {}),
  };
}

function gatewayNodes(snapshot: Snapshot, problemsOf: ProblemsOf): Map<string, ResourceGatewayNode> {
  const byKey = new Map<string, ResourceGatewayNode>();
  for (const g of snapshot.resourceGateways) {
    byKey.set(`${g.accountId}|${g.id}`, {
      id: g.arn,
      kind: 'resourceGateway',
      label: g.name,
      accountId: g.accountId,
      health: statusHealth(g.status),
      badges: [...statusBadge(g.status, undefined), ...problemsOf(g.arn)],
      searchText: searchText(g.name, g.arn, g.id, g.vpcId, g.status),
      configCount: 0,
      ...(g.status ? { status: g.status } : {}),
      ...(g.vpcId ? { vpcId: g.vpcId } : {}),
      ...(g.ipAddressType ? { ipAddressType: g.ipAddressType } : {}),
    });
  }
  return byKey;
}

function domainNode(d: DomainVerification, problemsOf: ProblemsOf): DomainNode {
  const timedOut = d.status === 'VERIFICATION_TIMED_OUT';
  const why =
    d.status === 'PENDING'
      ? `Create the TXT record ${d.txtName ?? ''} to prove ownership`
      : timedOut
        ? 'The TXT record was not found in time: start a new verification'
        : undefined;
  return {
    id: d.arn,
    kind: 'domain',
    label: d.domainName,
    accountId: d.accountId,
    health: statusHealth(d.status),
    badges: [...(why ? [{ kind: 'health', text: d.status ?? '', title: why } as Badge] : []), ...problemsOf(d.arn)],
    searchText: searchText(d.domainName, d.arn, d.id, d.status),
    ...(d.status ? { status: d.status } : {}),
    ...(d.txtName ? { txtName: d.txtName } : {}),
    ...(d.txtValue ? { txtValue: d.txtValue } : {}),
  };
}

function vpcNode(nodes: Map<string, GraphNode>, vpcId: string, accountId: string): VpcNode {
  const id = `vpc:${vpcId}`;
  const existing = nodes.get(id);
  if (existing?.kind === 'vpc') return existing;
  const vpc: VpcNode = {
    id,
    kind: 'vpc',
    label: vpcId,
    accountId,
    health: 'unknown',
    badges: [],
    searchText: searchText(vpcId),
    vpcId,
    networkArns: [],
  };
  nodes.set(id, vpc);
  return vpc;
}

/** TLS passthrough and custom domains on the service cards. */
function markServices(snapshot: Snapshot, nodes: Map<string, GraphNode>): void {
  const protocols = new Map<string, string[]>();
  for (const l of snapshot.listeners) protocols.set(l.serviceArn, [...(protocols.get(l.serviceArn) ?? []), l.protocol]);
  for (const s of snapshot.services) {
    const node = nodes.get(s.arn);
    if (node?.kind !== 'service') continue;
    const svc: ServiceNode = node;
    const list = protocols.get(s.arn);
    if (list) svc.listenerProtocols = list;
    if (s.customDomainName) svc.customDomainName = s.customDomainName;
    if (list?.includes('TLS_PASSTHROUGH'))
      svc.badges.unshift({
        kind: 'info',
        text: 'TLS passthrough',
        title:
          'TLS is not terminated: the targets get the encrypted stream (SNI by custom domain); default action only',
      });
  }
}

/** Adds the VPC resources of `snapshot` to the graph being built. */
export function addVpcResources(
  snapshot: Snapshot,
  nodes: Map<string, GraphNode>,
  edges: GraphEdge[],
  problemsOf: ProblemsOf,
): void {
  markServices(snapshot, nodes);
  const gateways = gatewayNodes(snapshot, problemsOf);
  for (const g of gateways.values()) nodes.set(g.id, g);
  const configs = new Map<string, ResourceConfigNode>();
  for (const c of snapshot.resourceConfigurations) {
    const node = configNode(c, problemsOf);
    configs.set(c.arn, node);
    nodes.set(c.arn, node);
    const gw = c.resourceGatewayId ? gateways.get(`${c.accountId}|${c.resourceGatewayId}`) : undefined;
    if (!gw) continue;
    gw.configCount += 1;
    edges.push({ id: `${c.arn}->${gw.id}`, kind: 'resourceGateway', source: c.arn, target: gw.id });
  }
  for (const a of snapshot.resourceAssociations) {
    const cfg = configs.get(a.resourceConfigurationArn);
    if (!cfg || !nodes.has(a.serviceNetworkArn)) continue;
    if (!cfg.networkArns.includes(a.serviceNetworkArn)) cfg.networkArns.push(a.serviceNetworkArn);
    const failed = isFailedStatus(a.status);
    if (failed || isPendingStatus(a.status)) {
      cfg.health = worstHealth([cfg.health, failed ? 'error' : 'warn']);
      cfg.badges.push({
        kind: failed ? 'problem' : 'health',
        text: `association ${a.status}`,
        title: `Association with ${a.serviceNetworkArn}: ${a.status}${a.failureCode ? ` (${a.failureCode})` : ''}`,
      });
    }
    edges.push({ id: a.arn, kind: 'resourceAssociation', source: a.serviceNetworkArn, target: cfg.id });
  }
  for (const e of snapshot.vpcEndpointAssociations) {
    if (!e.vpcId || !nodes.has(e.serviceNetworkArn)) continue;
    const vpc = vpcNode(nodes, e.vpcId, e.accountId);
    if (!vpc.networkArns.includes(e.serviceNetworkArn)) vpc.networkArns.push(e.serviceNetworkArn);
    vpc.badges.push({ kind: 'info', text: 'VPC endpoint', title: `${e.vpcEndpointId} into ${e.serviceNetworkArn}` });
    vpc.searchText = searchText(vpc.searchText, e.vpcEndpointId);
    edges.push({ id: e.arn, kind: 'endpointAssociation', source: vpc.id, target: e.serviceNetworkArn });
  }
  for (const d of snapshot.domainVerifications) {
    const node = domainNode(d, problemsOf);
    nodes.set(d.arn, node);
    const users = [
      ...snapshot.resourceConfigurations.filter((c) => c.accountId === d.accountId && c.domainVerificationId === d.id),
      ...snapshot.services.filter(
        (s) => s.accountId === d.accountId && s.customDomainName && domainCovers(d.domainName, s.customDomainName),
      ),
    ];
    for (const u of users) edges.push({ id: `${d.arn}->${u.arn}`, kind: 'domain', source: d.arn, target: u.arn });
  }
}
