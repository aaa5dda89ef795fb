/**
 * The topology graph model: what the pipeline (snapshot → model → filter → collapse → layout) passes
 * between its steps. Plain, serialisable data; ids are ARNs for Lattice resources, so a network
 * shared through AWS RAM is one node owned by the account in its ARN. Pure.
 */
import type { ErrorInfo } from '../domain/errors';
import type { Owner } from '../domain/owner';
import type { AuthType, HealthSummary, Target, TargetStatus } from '../domain/snapshot';
import type { FindingKind, Severity } from '../triage/types';

/**
 * Kinds of nodes, in their left-to-right order. Domains share the network column, resource
 * configurations the service column and resource gateways the target-group column (`columnOf`).
 */
export const NODE_KINDS = [
  'vpc',
  'network',
  'domain',
  'service',
  'resourceConfig',
  'targetGroup',
  'resourceGateway',
  'target',
] as const;
/** One of `NODE_KINDS`. */
export type NodeKind = (typeof NODE_KINDS)[number];

/** Each kind in words, lower case (search results, screen-reader labels). */
export const KIND_NAME: Record<NodeKind, string> = {
  vpc: 'VPC',
  network: 'network',
  domain: 'domain',
  service: 'service',
  resourceConfig: 'resource configuration',
  targetGroup: 'target group',
  resourceGateway: 'resource gateway',
  target: 'target',
};

/**
 * Health at a glance: error (red), warn (amber), ok (green), unknown (grey: no health checks, unused, nothing
 * routed).
 */
export type Health = 'error' | 'warn' | 'ok' | 'unknown';

/** A small label on a node: auth type, a problem, a fixed response… */
export interface Badge {
  /** `health`: why the node is not green (its card shows that already; the side panel lists it). */
  kind: 'auth' | 'problem' | 'health' | 'fixed' | 'shared' | 'info' | 'finding';
  text: string;
  /** Longer explanation (tooltip, side panel). */
  title?: string;
}

/** An active triage finding on a node (see lib/graph/findings), for its colour, badge and side panel. */
export interface NodeFinding {
  id: string;
  kind: FindingKind;
  severity: Severity;
  title: string;
  detail: string;
  /** ISO time the problem started. */
  onset: string;
  logsHref?: string;
}

/** Fields of every node. */
interface NodeBase {
  /** ARN for Lattice resources; `vpc:<vpcId>` for VPCs; `<tgArn>#target/<id>:<port>` for targets. */
  id: string;
  kind: NodeKind;
  label: string;
  /** Owner account (the account in the ARN); the node is drawn inside that account's group. */
  accountId: string;
  health: Health;
  badges: Badge[];
  /** Lower-case text that search matches: name, ARN, id, DNS name… */
  searchText: string;
  /** Active triage findings on this node, most urgent first; absent when none. */
  findings?: NodeFinding[];
  /** Who manages it, when its tags tell (services and target groups; lib/domain/owner). */
  owner?: Owner;
}

/** A VPC associated with a service network. */
export interface VpcNode extends NodeBase {
  kind: 'vpc';
  vpcId: string;
  /** Networks it is associated with. */
  networkArns: string[];
}

/** A service network. */
export interface NetworkNode extends NodeBase {
  kind: 'network';
  authType?: AuthType;
  /** Counts of its services by health. */
  serviceHealth: Record<Health, number>;
}

/** A service. */
export interface ServiceNode extends NodeBase {
  kind: 'service';
  authType?: AuthType;
  status?: string;
  dnsName?: string;
  /** Networks it is associated with. */
  networkArns: string[];
  /** Protocols of its listeners (`TLS_PASSTHROUGH`, `HTTPS`, …), in listener order. */
  listenerProtocols?: string[];
  customDomainName?: string;
}

/** A target group; its targets are summarised until it is expanded. */
export interface TargetGroupNode extends NodeBase {
  kind: 'targetGroup';
  tgType: string;
  summary: HealthSummary;
  targetCount: number;
  /** Services that route to it. */
  serviceArns: string[];
}

/** One registered target (only drawn when its target group is expanded). */
export interface TargetNode extends NodeBase {
  kind: 'target';
  targetGroupArn: string;
  targetId: string;
  port?: number;
  status: TargetStatus;
  reasonCode?: string;
}

/** Any node of the graph. */
export type GraphNode =
  | VpcNode
  | NetworkNode
  | ServiceNode
  | TargetGroupNode
  | TargetNode
  | ResourceGatewayNode
  | ResourceConfigNode
  | DomainNode;

/** One listener rule routing a service's traffic to a target group. */
export interface RouteRef {
  listenerName: string;
  /** Rule name; `default` for the listener's default action. */
  ruleName: string;
  isDefault: boolean;
  priority?: number;
  /** `matchSummary` of the rule. */
  match: string;
  weight: number;
  /** weight / sum of the action's weights (0–1). */
  share: number;
}

/**
 * Kinds of edges. VPC resources: `resourceAssociation` network → configuration, `resourceGateway`
 * configuration → its gateway, `endpointAssociation` VPC → network (a VPC endpoint into a second
 * network), `domain` domain verification → the configurations and services using the domain.
 */
export type EdgeKind =
  | 'vpcAssociation'
  | 'serviceAssociation'
  | 'route'
  | 'target'
  | 'resourceAssociation'
  | 'resourceGateway'
  | 'endpointAssociation'
  | 'domain';

/** An edge. For routes there is one edge per (service, target group), listing every rule that routes there. */
export interface GraphEdge {
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
  /** Route edges: the rules routing there, in listener and priority order. */
  routes?: RouteRef[];
  /** Route edges: a short label, e.g. `default · /v2/* 10%`. */
  label?: string;
  /** Route edges: the largest share among its routes (edge width when there is no traffic data). */
  share?: number;
}

/** A resource gateway (into the VPC of its resources). */
export interface ResourceGatewayNode extends NodeBase {
  kind: 'resourceGateway';
  status?: string;
  vpcId?: string;
  ipAddressType?: string;
  /** Configurations using it. */
  configCount: number;
}

/** A resource configuration: a database, host or IP reached through a network. */
export interface ResourceConfigNode extends NodeBase {
  kind: 'resourceConfig';
  status?: string;
  configType?: string;
  /** `TCP 5432`, `TCP 7000-7010`. */
  ports?: string;
  /** What it points at: DNS name, IP, ARN or CIDRs. */
  target?: string;
  customDomainName?: string;
  failureReason?: string;
  /** Networks it is associated with. */
  networkArns: string[];
}

/** A domain verification: a custom domain being proven with a TXT record. */
export interface DomainNode extends NodeBase {
  kind: 'domain';
  status?: string;
  txtName?: string;
  txtValue?: string;
}

/** An account: the box around what it owns. */
export interface AccountGroup {
  /** `account:<accountId>`. */
  id: string;
  accountId: string;
  name: string;
  reachable: boolean;
  /** Why it could not be read (the AWS error's words). */
  error?: ErrorInfo;
  /** False for owners seen only in ARNs (a network shared from an account that is not configured). */
  configured: boolean;
  fetchedAt?: number;
}

/** The whole graph model, before filtering and collapsing. Nodes are sorted by kind, then id. */
export interface TopologyGraph {
  groups: AccountGroup[];
  nodes: GraphNode[];
  edges: GraphEdge[];
  /**
   * Every target group's targets (the snapshot's, by ARN), whether or not they are nodes: when set, targets are
   * nodes only for the groups asked for (lib/graph/targets), and search and filters look through the rest here.
   */
  targets?: Readonly<Record<string, readonly Target[]>>;
}

/** The id of an account's group. */
/** The lower-case words search matches a node by (absent parts left out). */
export function searchText(...parts: Array<string | undefined>): string {
  return parts.filter(Boolean).join(' ').toLowerCase();
}

export function groupId(accountId: string): string {
  return `account:${accountId}`;
}
