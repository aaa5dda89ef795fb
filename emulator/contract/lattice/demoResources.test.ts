/**
 * Contract tests: the newer parts of the `demo` scenario, observed only through the SDK — the resource
 * gateway and its configurations (one failed, with its reason) in prod-mesh, the VPC endpoints, the
 * domain verifications, the TLS passthrough service, and the EKS- and CloudFormation-owned services.
 */
import {
  GetResourceConfigurationCommand,
  GetResourceGatewayCommand,
  GetServiceNetworkResourceAssociationCommand,
  ListDomainVerificationsCommand,
  ListListenersCommand,
  ListResourceConfigurationsCommand,
  ListResourceEndpointAssociationsCommand,
  ListResourceGatewaysCommand,
  ListRulesCommand,
  ListServiceNetworkResourceAssociationsCommand,
  ListServiceNetworksCommand,
  ListServiceNetworkVpcEndpointAssociationsCommand,
  ListServicesCommand,
  ListTagsForResourceCommand,
  ListTargetGroupsCommand,
  GetRuleCommand,
  GetServiceCommand,
  type VPCLatticeClient,
} from '@aws-sdk/client-vpc-lattice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness';

const EKS = 'application-networking.k8s.aws';
let h: Harness;
let hub: VPCLatticeClient;
let payments: VPCLatticeClient;
let storefront: VPCLatticeClient;
beforeAll(async () => {
  h = await startHarness({ scenario: 'demo', params: { backfillMinutes: 0 } });
  [hub, payments, storefront] = [0, 1, 2].map((i) => h.lattice(h.creds(i))) as [
    VPCLatticeClient,
    VPCLatticeClient,
    VPCLatticeClient,
  ];
});
afterAll(() => h.close());

async function weightedRules(c: VPCLatticeClient, serviceId: string): Promise<number[][]> {
  const out: number[][] = [];
  for (const l of (await c.send(new ListListenersCommand({ serviceIdentifier: serviceId }))).items ?? [])
    for (const r of (await c.send(new ListRulesCommand({ serviceIdentifier: serviceId, listenerIdentifier: l.id })))
      .items ?? []) {
      const rule = await c.send(
        new GetRuleCommand({ serviceIdentifier: serviceId, listenerIdentifier: l.id, ruleIdentifier: r.id }),
      );
      const tgs = rule.action?.forward?.targetGroups ?? [];
      if (tgs.length > 1) out.push(tgs.map((t) => t.weight ?? 0));
    }
  return out;
}

describe('demo scenario: VPC resources', () => {
  it('has a resource gateway with a DNS database on TCP 5432 and a failed IP resource, both in prod-mesh', async () => {
    const [gw] = (await payments.send(new ListResourceGatewaysCommand({}))).items ?? [];
    expect(gw?.status).toBe('ACTIVE');
    const gateway = await payments.send(new GetResourceGatewayCommand({ resourceGatewayIdentifier: gw!.id }));
    expect(gateway.subnetIds?.length).toBeGreaterThan(0);
    const configs = (await payments.send(new ListResourceConfigurationsCommand({ resourceGatewayIdentifier: gw!.id })))
      .items!;
    expect(configs).toHaveLength(2);
    const full = await Promise.all(
      configs.map((c) => payments.send(new GetResourceConfigurationCommand({ resourceConfigurationIdentifier: c.id }))),
    );
    const dns = full.find((c) => c.resourceConfigurationDefinition?.dnsResource);
    const ip = full.find((c) => c.resourceConfigurationDefinition?.ipResource);
    expect(dns).toMatchObject({ type: 'SINGLE', protocol: 'TCP', portRanges: ['5432'], status: 'ACTIVE' });
    expect(dns?.customDomainName).toBeTruthy();
    expect(dns?.domainVerificationStatus).toBe('VERIFIED');
    expect(ip?.status).toMatch(/_FAILED$/);
    expect(ip?.failureReason).toBeTruthy();
    const mesh = (await hub.send(new ListServiceNetworksCommand({}))).items!.find((n) => n.name === 'prod-mesh')!;
    expect(mesh.numberOfAssociatedResourceConfigurations).toBe(2);
    const assoc = (
      await hub.send(new ListServiceNetworkResourceAssociationsCommand({ serviceNetworkIdentifier: mesh.id }))
    ).items;
    expect(new Set(assoc?.map((a) => a.resourceConfigurationId))).toEqual(new Set(configs.map((c) => c.id)));
    const dbAssoc = assoc!.find((a) => a.resourceConfigurationId === dns!.id)!;
    const got = await payments.send(
      new GetServiceNetworkResourceAssociationCommand({ serviceNetworkResourceAssociationIdentifier: dbAssoc.id }),
    );
    expect(got.privateDnsEntry?.domainName).toBe(dns!.customDomainName);
  });

  it('has a VPC endpoint into prod-mesh and one to the database; domains PENDING and VERIFIED', async () => {
    const mesh = (await hub.send(new ListServiceNetworksCommand({}))).items!.find((n) => n.name === 'prod-mesh')!;
    const endpoints = (
      await hub.send(new ListServiceNetworkVpcEndpointAssociationsCommand({ serviceNetworkIdentifier: mesh.id }))
    ).items;
    expect(endpoints).toHaveLength(1);
    expect(endpoints![0]).toMatchObject({ vpcEndpointOwnerId: '333333333333', state: 'Available' });
    const db = (await storefront.send(new ListResourceConfigurationsCommand({}))).items!;
    expect(db).toHaveLength(1);
    const rea = await storefront.send(
      new ListResourceEndpointAssociationsCommand({ resourceConfigurationIdentifier: db[0]!.id }),
    );
    expect(rea.items?.[0]?.vpcEndpointOwner).toBe('333333333333');
    const domains = (await payments.send(new ListDomainVerificationsCommand({}))).items;
    expect(domains?.map((d) => d.status).sort()).toEqual(['PENDING', 'VERIFIED']);
    expect(domains?.every((d) => d.txtMethodConfig?.name && d.txtMethodConfig.value)).toBe(true);
  });
});

describe('control summary', () => {
  it('counts VPC resources apart from the classic kinds', async () => {
    const { body } = await h.control('GET', '/lattice/summary');
    const sum = body as { accounts: Record<string, unknown>; vpcResources: Record<string, Record<string, unknown>> };
    expect(sum.vpcResources['222222222222']?.['us-east-1']).toEqual({
      resourceGateways: 1,
      resourceConfigurations: 2,
      serviceNetworkResourceAssociations: 2,
      resourceEndpointAssociations: 1,
      domainVerifications: 2,
    });
    expect(sum.vpcResources['333333333333']?.['us-east-1']).toEqual({ serviceNetworkVpcEndpointAssociations: 1 });
    expect(JSON.stringify(sum.accounts)).not.toContain('resourceGateways');
  });
});

describe('demo scenario: TLS passthrough and owners', () => {
  it('has a TLS passthrough service with a custom domain and a weighted default action', async () => {
    let found = false;
    for (const s of (await payments.send(new ListServicesCommand({}))).items ?? []) {
      if (!s.arn?.includes(':222222222222:')) continue;
      const listeners = (await payments.send(new ListListenersCommand({ serviceIdentifier: s.id }))).items ?? [];
      if (!listeners.some((l) => l.protocol === 'TLS_PASSTHROUGH')) continue;
      found = true;
      expect((await payments.send(new GetServiceCommand({ serviceIdentifier: s.id }))).customDomainName).toBeTruthy();
      expect(await weightedRules(payments, s.id!)).toHaveLength(1);
    }
    expect(found).toBe(true);
  });

  it('has services and groups owned by the EKS controller and by CloudFormation, each weighted', async () => {
    const owned = async (c: VPCLatticeClient, key: string) => {
      const services = [];
      for (const s of (await c.send(new ListServicesCommand({}))).items ?? []) {
        const tags = (
          await c
            .send(new ListTagsForResourceCommand({ resourceArn: s.arn }))
            .catch(() => ({ tags: {} as Record<string, string> }))
        ).tags;
        if (tags?.[key]) services.push({ id: s.id!, tags });
      }
      const groups = [];
      for (const g of (await c.send(new ListTargetGroupsCommand({}))).items ?? []) {
        const tags = (
          await c
            .send(new ListTagsForResourceCommand({ resourceArn: g.arn }))
            .catch(() => ({ tags: {} as Record<string, string> }))
        ).tags;
        if (tags?.[key]) groups.push(tags);
      }
      return { services, groups };
    };
    const eks = await owned(storefront, `${EKS}/ManagedBy`);
    expect(eks.services).toHaveLength(1);
    expect(eks.services[0]!.tags[`${EKS}/ManagedBy`]).toMatch(/^333333333333\/[a-z0-9-]+\/vpc-[0-9a-f]{17}$/);
    for (const k of ['RouteName', 'RouteNamespace', 'RouteType'])
      expect(eks.services[0]!.tags[`${EKS}/${k}`]).toBeTruthy();
    expect(eks.groups).toHaveLength(2);
    for (const g of eks.groups)
      for (const k of ['ClusterName', 'ServiceName', 'ServiceNamespace', 'SourceTypeKey'])
        expect(g[`${EKS}/${k}`]).toBeTruthy();
    expect(await weightedRules(storefront, eks.services[0]!.id)).toHaveLength(1);
    const cfn = await owned(payments, 'aws:cloudformation:stack-name');
    expect(cfn.services).toHaveLength(1);
    expect(cfn.services[0]!.tags['aws:cloudformation:stack-id']).toMatch(/^arn:aws:cloudformation:/);
    expect(cfn.services[0]!.tags['aws:cloudformation:logical-id']).toBeTruthy();
    expect(cfn.groups).toHaveLength(2);
    expect(await weightedRules(payments, cfn.services[0]!.id)).toHaveLength(1);
  });
});
