/**
 * Who manages a Lattice resource, as far as its tags tell — and nothing more: when the tags do not
 * say, there is no owner (an ECS blue/green deployment that rewrites weights without tagging, a
 * Terraform module without a tag convention… are not guessed). Pure.
 *
 * Recognised tags (keys as the writers set them):
 * - The EKS Gateway API controller (aws-application-networking-k8s): `application-networking.k8s.aws/
 *   ManagedBy` = `<account>/<cluster>/<vpc>` on everything it creates (services, listeners, rules,
 *   target groups); services also carry `…/RouteName`, `…/RouteNamespace`, `…/RouteType` (`http`,
 *   `grpc`, `tls`); target groups `…/ClusterName`, `…/ServiceName`, `…/ServiceNamespace`,
 *   `…/SourceTypeKey` (`HTTPRoute`, `GRPCRoute`, `TLSRoute`, `ServiceExport`) and the route's name
 *   and namespace.
 * - The controller before v1.0 (its target groups, before November 2023) had no `ManagedBy` on target
 *   groups but bare keys: `K8SParentRefTypeKey` = `K8SHTTPRouteType` | `K8SServiceExportType`,
 *   `K8SServiceName`, `K8SServiceNamespace`, `K8SHTTPRouteName`, `K8SHTTPRouteNamespace`. Only the
 *   `K8SParentRefTypeKey` value, which nothing else writes, makes such a group controller-owned. (The
 *   controller's Go field `K8SClusterName` was never a tag key: its key is `…/ClusterName`.)
 * - CloudFormation: `aws:cloudformation:stack-name`, `aws:cloudformation:stack-id`,
 *   `aws:cloudformation:logical-id` on every taggable resource a stack creates.
 * When both writers tagged a resource, the controller is named (it reverts changes on its own; a
 * stack only on its next update) and the stack is kept in `alsoStack`.
 */

/** The tag prefix of the EKS Gateway API controller. */
export const EKS_TAG_PREFIX = 'application-networking.k8s.aws/';
const K = (k: string) => `${EKS_TAG_PREFIX}${k}`;
const CFN = 'aws:cloudformation:';

/** A Kubernetes route (HTTPRoute, GRPCRoute, TLSRoute). */
export interface K8sRouteRef {
  /** `HTTPRoute`, `GRPCRoute`, `TLSRoute`; absent when the tags do not say. */
  kind?: string;
  namespace?: string;
  name?: string;
}

/** A resource managed by the EKS Gateway API controller. */
export interface EksOwner {
  kind: 'eks';
  /** The raw `ManagedBy` value (`<account>/<cluster>/<vpc>`), when present. */
  managedBy?: string;
  /** From `ManagedBy` (account and VPC) and `ManagedBy` or `ClusterName` (cluster); absent when not tagged. */
  accountId?: string;
  cluster?: string;
  vpcId?: string;
  route?: K8sRouteRef;
  /** The Kubernetes service behind a target group. */
  k8sService?: { namespace?: string; name?: string };
  /** What made a target group: `HTTPRoute`, `GRPCRoute`, `TLSRoute` or `ServiceExport`. */
  sourceType?: string;
  /** Tagged by a controller before v1.0 (bare `K8S…` keys). */
  legacy?: true;
  /** A CloudFormation stack tagged it too. */
  alsoStack?: CloudFormationOwner;
}

/** A resource created by a CloudFormation stack. */
export interface CloudFormationOwner {
  kind: 'cloudformation';
  stackName: string;
  stackId?: string;
  logicalId?: string;
}

/** Who manages a resource. */
export type Owner = EksOwner | CloudFormationOwner;

/** What an owner is for the filter bar: the writer, or nobody. */
export const OWNER_KINDS = ['eks', 'cloudformation', 'none'] as const;
/** One of `OWNER_KINDS`. */
export type OwnerKind = (typeof OWNER_KINDS)[number];

/** A tag value, absent when missing or blank. */
function val(tags: Readonly<Record<string, string>>, key: string): string | undefined {
  const v = tags[key]?.trim();
  return v ? v : undefined;
}

/** Drops undefined fields (the snapshot is plain, stably serialised data). */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const ROUTE_KINDS: Record<string, string> = { http: 'HTTPRoute', grpc: 'GRPCRoute', tls: 'TLSRoute' };
const SOURCE_TYPES = new Set(['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'ServiceExport']);

/** `<account>/<cluster>/<vpc>` split, or nothing when the value has another shape. */
function parseManagedBy(v: string): Pick<EksOwner, 'accountId' | 'cluster' | 'vpcId'> {
  const parts = v.split('/');
  if (parts.length !== 3 || parts.some((p) => p === '')) return {};
  const [accountId, cluster, vpcId] = parts as [string, string, string];
  return /^\d{12}$/.test(accountId) ? { accountId, cluster, vpcId } : {};
}

function routeOf(tags: Readonly<Record<string, string>>, sourceType: string | undefined): K8sRouteRef | undefined {
  const routeType = val(tags, K('RouteType'));
  const kind = routeType
    ? ROUTE_KINDS[routeType]
    : sourceType && sourceType !== 'ServiceExport'
      ? sourceType
      : undefined;
  const route = compact({ kind, namespace: val(tags, K('RouteNamespace')), name: val(tags, K('RouteName')) });
  return route.name || route.namespace ? route : undefined;
}

function eksOwner(tags: Readonly<Record<string, string>>): EksOwner | undefined {
  const managedBy = val(tags, K('ManagedBy'));
  if (!managedBy) return undefined;
  const fromManagedBy = parseManagedBy(managedBy);
  const rawSource = val(tags, K('SourceTypeKey'));
  const sourceType = rawSource && SOURCE_TYPES.has(rawSource) ? rawSource : undefined;
  const svcName = val(tags, K('ServiceName'));
  const svcNs = val(tags, K('ServiceNamespace'));
  return compact({
    kind: 'eks' as const,
    managedBy,
    ...fromManagedBy,
    cluster: fromManagedBy.cluster ?? val(tags, K('ClusterName')),
    route: routeOf(tags, sourceType),
    k8sService: svcName || svcNs ? compact({ namespace: svcNs, name: svcName }) : undefined,
    sourceType,
  });
}

const LEGACY_SOURCE: Record<string, string> = {
  K8SHTTPRouteType: 'HTTPRoute',
  K8SServiceExportType: 'ServiceExport',
};

function legacyEksOwner(tags: Readonly<Record<string, string>>): EksOwner | undefined {
  const sourceType = LEGACY_SOURCE[val(tags, 'K8SParentRefTypeKey') ?? ''];
  if (!sourceType) return undefined;
  const routeName = val(tags, 'K8SHTTPRouteName');
  const routeNs = val(tags, 'K8SHTTPRouteNamespace');
  const svcName = val(tags, 'K8SServiceName');
  const svcNs = val(tags, 'K8SServiceNamespace');
  return compact({
    kind: 'eks' as const,
    route:
      sourceType === 'HTTPRoute' && (routeName || routeNs)
        ? compact({ kind: 'HTTPRoute', namespace: routeNs, name: routeName })
        : undefined,
    k8sService: svcName || svcNs ? compact({ namespace: svcNs, name: svcName }) : undefined,
    sourceType,
    legacy: true as const,
  });
}

function stackOwner(tags: Readonly<Record<string, string>>): CloudFormationOwner | undefined {
  const stackId = val(tags, `${CFN}stack-id`);
  // The stack name is also the fifth part of the stack id: arn:aws:cloudformation:<r>:<a>:stack/<name>/<uuid>.
  const stackName = val(tags, `${CFN}stack-name`) ?? stackId?.match(/:stack\/([^/]+)\//)?.[1];
  if (!stackName) return undefined;
  return compact({
    kind: 'cloudformation' as const,
    stackName,
    stackId,
    logicalId: val(tags, `${CFN}logical-id`),
  });
}

/** The owner its tags name, or undefined when they name none. */
export function ownerFromTags(tags: Readonly<Record<string, string>> | undefined): Owner | undefined {
  if (!tags) return undefined;
  const eks = eksOwner(tags) ?? legacyEksOwner(tags);
  const stack = stackOwner(tags);
  if (eks) return stack ? { ...eks, alsoStack: stack } : eks;
  return stack;
}

/**
 * The owner of a listener or rule: its own tags first; else, when the EKS controller manages its
 * service, the controller — it owns the whole route: it creates the service's listeners and rules
 * from the route, deletes rules the route does not have and reverts modified ones. A CloudFormation
 * service passes nothing down: a stack only manages what it created, which carries its own tags.
 */
export function childOwner(own: Owner | undefined, serviceOwner: Owner | undefined): Owner | undefined {
  if (own) return own;
  return serviceOwner?.kind === 'eks' ? serviceOwner : undefined;
}

/** The filter-bar kind of an owner. */
export function ownerKind(owner: Owner | undefined): OwnerKind {
  return owner?.kind ?? 'none';
}

/** `ns/name` of a route or service (parts the tags lack are `?`). */
export function k8sName(ref: { namespace?: string; name?: string }): string {
  return `${ref.namespace ?? '?'}/${ref.name ?? '?'}`;
}

/** A short label, e.g. `EKS · storefront-eks` or `CloudFormation · payments-statements`. */
export function ownerLabel(owner: Owner): string {
  if (owner.kind === 'cloudformation') return `CloudFormation · ${owner.stackName}`;
  return owner.cluster ? `EKS · ${owner.cluster}` : 'EKS controller';
}

/** One line naming the owner in full, e.g. for the side panel. */
export function ownerDescription(owner: Owner): string {
  if (owner.kind === 'cloudformation')
    return `CloudFormation stack ${owner.stackName}${owner.logicalId ? ` (logical id ${owner.logicalId})` : ''}`;
  const parts = ['EKS Gateway API controller'];
  if (owner.cluster) parts.push(`cluster ${owner.cluster}`);
  if (owner.route) parts.push(`${owner.route.kind ?? 'route'} ${k8sName(owner.route)}`);
  if (owner.k8sService) parts.push(`Service ${k8sName(owner.k8sService)}`);
  if (owner.legacy) parts.push('tagged by a pre-1.0 controller');
  return parts.join(', ');
}

/** Words search should find a resource by: cluster, route, Kubernetes service, stack, logical id. */
export function ownerSearchTerms(owner: Owner | undefined): string | undefined {
  if (!owner) return undefined;
  if (owner.kind === 'cloudformation') return ['cloudformation', owner.stackName, owner.logicalId].join(' ');
  return [
    'eks',
    owner.cluster,
    owner.route ? k8sName(owner.route) : undefined,
    owner.k8sService ? k8sName(owner.k8sService) : undefined,
  ]
    .filter(Boolean)
    .join(' ');
}
