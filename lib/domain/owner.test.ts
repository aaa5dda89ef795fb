import { describe, expect, it } from 'vitest';
import { childOwner, ownerDescription, ownerFromTags, ownerKind, ownerLabel, type Owner } from './owner';

const P = 'application-networking.k8s.aws/';
const VPC = 'vpc-0123456789abcdef0';

const eksService = {
  [`${P}ManagedBy`]: `333333333333/storefront-eks/${VPC}`,
  [`${P}RouteName`]: 'inventory',
  [`${P}RouteNamespace`]: 'shop',
  [`${P}RouteType`]: 'http',
  team: 'storefront',
};

const eksGroup = {
  [`${P}ManagedBy`]: `333333333333/storefront-eks/${VPC}`,
  [`${P}ClusterName`]: 'storefront-eks',
  [`${P}ServiceName`]: 'inventory-v1',
  [`${P}ServiceNamespace`]: 'shop',
  [`${P}SourceTypeKey`]: 'HTTPRoute',
  [`${P}RouteName`]: 'inventory',
  [`${P}RouteNamespace`]: 'shop',
};

const stackId =
  'arn:aws:cloudformation:us-east-1:222222222222:stack/payments-statements/0f1e2d3c-aaaa-bbbb-cccc-0123456789ab';
const cfn = {
  'aws:cloudformation:stack-name': 'payments-statements',
  'aws:cloudformation:stack-id': stackId,
  'aws:cloudformation:logical-id': 'V2WeightedRule',
};

describe('ownerFromTags', () => {
  it('reads an EKS-managed service: account, cluster and VPC from ManagedBy, the route from its tags', () => {
    expect(ownerFromTags(eksService)).toEqual({
      kind: 'eks',
      managedBy: `333333333333/storefront-eks/${VPC}`,
      accountId: '333333333333',
      cluster: 'storefront-eks',
      vpcId: VPC,
      route: { kind: 'HTTPRoute', namespace: 'shop', name: 'inventory' },
    });
  });

  it('reads an EKS target group: Kubernetes service, source type and the route', () => {
    const o = ownerFromTags(eksGroup);
    expect(o).toMatchObject({
      kind: 'eks',
      cluster: 'storefront-eks',
      k8sService: { namespace: 'shop', name: 'inventory-v1' },
      sourceType: 'HTTPRoute',
      route: { kind: 'HTTPRoute', namespace: 'shop', name: 'inventory' },
    });
  });

  it('maps grpc and tls route types; a ServiceExport group has no route kind', () => {
    expect(ownerFromTags({ ...eksService, [`${P}RouteType`]: 'grpc' })).toMatchObject({ route: { kind: 'GRPCRoute' } });
    expect(ownerFromTags({ ...eksService, [`${P}RouteType`]: 'tls' })).toMatchObject({ route: { kind: 'TLSRoute' } });
    const exported = ownerFromTags({
      [`${P}ManagedBy`]: `333333333333/c1/${VPC}`,
      [`${P}SourceTypeKey`]: 'ServiceExport',
      [`${P}ServiceName`]: 'api',
    });
    expect(exported).toMatchObject({ sourceType: 'ServiceExport', k8sService: { name: 'api' } });
    expect(exported && 'route' in exported).toBe(false);
  });

  it('does not guess from a ManagedBy of another shape: the raw value only', () => {
    expect(ownerFromTags({ [`${P}ManagedBy`]: 'someone-else' })).toEqual({ kind: 'eks', managedBy: 'someone-else' });
    expect(ownerFromTags({ [`${P}ManagedBy`]: 'abc/c/vpc' })).toEqual({ kind: 'eks', managedBy: 'abc/c/vpc' });
  });

  it('needs ManagedBy: route or cluster tags alone (or blank values) name no owner', () => {
    expect(ownerFromTags({ [`${P}RouteName`]: 'x', [`${P}ClusterName`]: 'c' })).toBeUndefined();
    expect(ownerFromTags({ [`${P}ManagedBy`]: '  ' })).toBeUndefined();
  });

  it('recognises the pre-1.0 controller by K8SParentRefTypeKey, without inventing a cluster', () => {
    const o = ownerFromTags({
      K8SParentRefTypeKey: 'K8SHTTPRouteType',
      K8SServiceName: 'inventory-v1',
      K8SServiceNamespace: 'shop',
      K8SHTTPRouteName: 'inventory',
      K8SHTTPRouteNamespace: 'shop',
    });
    expect(o).toEqual({
      kind: 'eks',
      legacy: true,
      sourceType: 'HTTPRoute',
      route: { kind: 'HTTPRoute', namespace: 'shop', name: 'inventory' },
      k8sService: { namespace: 'shop', name: 'inventory-v1' },
    });
    expect(ownerFromTags({ K8SServiceName: 'x', K8SClusterName: 'c' })).toBeUndefined();
    expect(ownerFromTags({ K8SParentRefTypeKey: 'Other' })).toBeUndefined();
  });

  it('reads a CloudFormation stack; the name comes from the stack id when only that is tagged', () => {
    expect(ownerFromTags(cfn)).toEqual({
      kind: 'cloudformation',
      stackName: 'payments-statements',
      stackId,
      logicalId: 'V2WeightedRule',
    });
    expect(ownerFromTags({ 'aws:cloudformation:stack-id': stackId })).toMatchObject({
      kind: 'cloudformation',
      stackName: 'payments-statements',
    });
    expect(ownerFromTags({ 'aws:cloudformation:logical-id': 'X' })).toBeUndefined();
  });

  it('names the controller when both tagged it, and keeps the stack', () => {
    expect(ownerFromTags({ ...eksService, ...cfn })).toMatchObject({
      kind: 'eks',
      alsoStack: { kind: 'cloudformation', stackName: 'payments-statements' },
    });
  });

  it('is undefined without tags or with unrelated ones (no guessing from names)', () => {
    expect(ownerFromTags(undefined)).toBeUndefined();
    expect(ownerFromTags({})).toBeUndefined();
    expect(
      ownerFromTags({ team: 'payments', 'ecs:service': 'blue-green', Name: 'k8s-shop-inventory' }),
    ).toBeUndefined();
  });
});

describe('childOwner', () => {
  const eks = ownerFromTags(eksService) as Owner;
  const stack = ownerFromTags(cfn) as Owner;

  it('prefers the resource’s own tags', () => {
    expect(childOwner(stack, eks)).toBe(stack);
  });

  it('inherits from an EKS-managed service (the controller owns the whole route)', () => {
    expect(childOwner(undefined, eks)).toBe(eks);
  });

  it('does not inherit from a CloudFormation service, nor from an unowned one', () => {
    expect(childOwner(undefined, stack)).toBeUndefined();
    expect(childOwner(undefined, undefined)).toBeUndefined();
  });
});

describe('labels', () => {
  it('names the owner shortly and in full', () => {
    const eks = ownerFromTags(eksService) as Owner;
    expect(ownerKind(eks)).toBe('eks');
    expect(ownerKind(undefined)).toBe('none');
    expect(ownerLabel(eks)).toBe('EKS · storefront-eks');
    expect(ownerDescription(eks)).toBe('EKS Gateway API controller, cluster storefront-eks, HTTPRoute shop/inventory');
    const stack = ownerFromTags(cfn) as Owner;
    expect(ownerLabel(stack)).toBe('CloudFormation · payments-statements');
    expect(ownerDescription(stack)).toBe('CloudFormation stack payments-statements (logical id V2WeightedRule)');
    expect(ownerLabel({ kind: 'eks', legacy: true })).toBe('EKS controller');
  });
});
