/**
 * Contract tests: VPC resources (resource gateways, resource configurations, their service network
 * associations, VPC endpoint associations) and domain verifications, through the real SDK client.
 */
import {
  ConflictException,
  CreateAccessLogSubscriptionCommand,
  ListAccessLogSubscriptionsCommand,
  CreateResourceConfigurationCommand,
  CreateResourceGatewayCommand,
  CreateServiceCommand,
  CreateServiceNetworkResourceAssociationCommand,
  DeleteDomainVerificationCommand,
  DeleteResourceConfigurationCommand,
  DeleteResourceEndpointAssociationCommand,
  DeleteResourceGatewayCommand,
  DeleteServiceNetworkCommand,
  DeleteServiceNetworkResourceAssociationCommand,
  GetDomainVerificationCommand,
  GetResourcePolicyCommand,
  GetResourceConfigurationCommand,
  GetResourceGatewayCommand,
  GetServiceNetworkResourceAssociationCommand,
  ListDomainVerificationsCommand,
  ListResourceConfigurationsCommand,
  ListResourceEndpointAssociationsCommand,
  ListResourceGatewaysCommand,
  ListServiceNetworkResourceAssociationsCommand,
  ListServiceNetworksCommand,
  ListServiceNetworkVpcEndpointAssociationsCommand,
  ListTagsForResourceCommand,
  PutResourcePolicyCommand,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  StartDomainVerificationCommand,
  UpdateResourceConfigurationCommand,
  UpdateResourceGatewayCommand,
  ValidationException,
  type VPCLatticeClient,
} from '@aws-sdk/client-vpc-lattice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/clock';
import { startHarness, type Harness } from '../harness';
import { caught, network, uniqueName, VPC } from './helpers';

const clock = new ManualClock(Date.UTC(2026, 0, 1));
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ clock });
});
afterAll(() => h.close());

const SUBNET = 'subnet-0a1b2c3d4e5f60718';
const SG = 'sg-0a1b2c3d4e5f60718';

async function gateway(c: VPCLatticeClient, name = uniqueName('gw')) {
  return c.send(
    new CreateResourceGatewayCommand({ name, vpcIdentifier: VPC, subnetIds: [SUBNET], securityGroupIds: [SG] }),
  );
}

async function dnsConfig(c: VPCLatticeClient, gatewayId: string, name = uniqueName('db')) {
  return c.send(
    new CreateResourceConfigurationCommand({
      name,
      type: 'SINGLE',
      resourceGatewayIdentifier: gatewayId,
      protocol: 'TCP',
      portRanges: ['5432'],
      resourceConfigurationDefinition: {
        dnsResource: { domainName: 'db.internal.example.com', ipAddressType: 'IPV4' },
      },
    }),
  );
}

async function control(path: string, body: unknown) {
  const res = await h.control('POST', path, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Record<string, string>;
}

describe('resource gateways', () => {
  it('create (CREATE_IN_PROGRESS) → get (ACTIVE once provisioned) → list → update → delete', async () => {
    const c = h.lattice();
    h.emu.state.lattice.provisionMs = 60_000;
    const name = uniqueName('gw');
    const created = await gateway(c, name);
    expect(created).toMatchObject({ name, status: 'CREATE_IN_PROGRESS', vpcIdentifier: VPC, ipAddressType: 'IPV4' });
    expect(created.id).toMatch(/^rgw-[0-9a-z]{17}$/);
    expect(created.arn).toBe(`arn:aws:vpc-lattice:us-east-1:111111111111:resourcegateway/${created.id}`);
    expect(created.ipv4AddressesPerEni).toBe(16);
    expect((await c.send(new GetResourceGatewayCommand({ resourceGatewayIdentifier: created.id }))).status).toBe(
      'CREATE_IN_PROGRESS',
    );
    clock.advance(60_000);
    h.emu.state.lattice.provisionMs = 0;
    const got = await c.send(new GetResourceGatewayCommand({ resourceGatewayIdentifier: created.arn }));
    expect(got).toMatchObject({ id: created.id, status: 'ACTIVE', vpcId: VPC, subnetIds: [SUBNET] });
    expect(got.createdAt).toBeInstanceOf(Date);
    const listed = await c.send(new ListResourceGatewaysCommand({}));
    expect(listed.items?.find((g) => g.id === created.id)?.vpcIdentifier).toBe(VPC);
    const sg2 = 'sg-0fedcba98765432100';
    const updated = await c.send(
      new UpdateResourceGatewayCommand({ resourceGatewayIdentifier: created.id, securityGroupIds: [sg2.slice(0, 20)] }),
    );
    expect(updated.status).toBe('UPDATE_IN_PROGRESS');
    expect(updated.securityGroupIds).toEqual([sg2.slice(0, 20)]);
    const deleted = await c.send(new DeleteResourceGatewayCommand({ resourceGatewayIdentifier: created.id }));
    expect(deleted).toMatchObject({ id: created.id, status: 'DELETE_IN_PROGRESS' });
    const gone = await caught(c.send(new GetResourceGatewayCommand({ resourceGatewayIdentifier: created.id })));
    expect(gone).toBeInstanceOf(ResourceNotFoundException);
    expect(gone).toMatchObject({ resourceType: 'RESOURCE_GATEWAY' });
  });

  it('refuses duplicate names, IPv6 with IPv4 counts, and deleting a gateway that has configurations', async () => {
    const c = h.lattice();
    const gw = await gateway(c);
    expect(await caught(gateway(c, gw.name))).toBeInstanceOf(ConflictException);
    const v6 = await caught(
      c.send(
        new CreateResourceGatewayCommand({
          name: uniqueName('gw'),
          vpcIdentifier: VPC,
          subnetIds: [SUBNET],
          ipAddressType: 'IPV6',
          ipv4AddressesPerEni: 4,
        }),
      ),
    );
    expect(v6).toBeInstanceOf(ValidationException);
    await dnsConfig(c, gw.id!);
    const busy = await caught(c.send(new DeleteResourceGatewayCommand({ resourceGatewayIdentifier: gw.id })));
    expect(busy).toBeInstanceOf(ConflictException);
    expect(busy.message).toContain('resource configuration');
  });

  it('is not visible to other accounts', async () => {
    const gw = await gateway(h.lattice());
    const other = await caught(
      h.lattice(h.creds(1)).send(new GetResourceGatewayCommand({ resourceGatewayIdentifier: gw.id })),
    );
    expect(other).toBeInstanceOf(ResourceNotFoundException);
  });
});

describe('resource configurations', () => {
  it('create → get → list (by gateway) → update → delete a DNS resource on TCP 5432', async () => {
    const c = h.lattice();
    const gw = await gateway(c);
    const created = await dnsConfig(c, gw.id!);
    expect(created).toMatchObject({
      type: 'SINGLE',
      status: 'CREATE_IN_PROGRESS',
      protocol: 'TCP',
      portRanges: ['5432'],
      resourceGatewayId: gw.id,
      allowAssociationToShareableServiceNetwork: true,
    });
    expect(created.id).toMatch(/^rcfg-[0-9a-z]{17}$/);
    const got = await c.send(new GetResourceConfigurationCommand({ resourceConfigurationIdentifier: created.arn }));
    expect(got).toMatchObject({ status: 'ACTIVE', amazonManaged: false });
    expect(got.resourceConfigurationDefinition).toEqual({
      dnsResource: { domainName: 'db.internal.example.com', ipAddressType: 'IPV4' },
    });
    const listed = await c.send(new ListResourceConfigurationsCommand({ resourceGatewayIdentifier: gw.id }));
    expect(listed.items?.map((i) => i.id)).toEqual([created.id]);
    const updated = await c.send(
      new UpdateResourceConfigurationCommand({
        resourceConfigurationIdentifier: created.id,
        portRanges: ['5432', '6432-6439'],
        allowAssociationToShareableServiceNetwork: false,
      }),
    );
    expect(updated).toMatchObject({ status: 'UPDATE_IN_PROGRESS', portRanges: ['5432', '6432-6439'] });
    expect(updated.allowAssociationToShareableServiceNetwork).toBe(false);
    await c.send(new DeleteResourceConfigurationCommand({ resourceConfigurationIdentifier: created.id }));
    expect(
      await caught(c.send(new GetResourceConfigurationCommand({ resourceConfigurationIdentifier: created.id }))),
    ).toBeInstanceOf(ResourceNotFoundException);
  });

  it('builds groups with children (which inherit gateway and protocol) and IP and ARN resources', async () => {
    const c = h.lattice();
    const gw = await gateway(c);
    const group = await c.send(
      new CreateResourceConfigurationCommand({
        name: uniqueName('grp'),
        type: 'GROUP',
        resourceGatewayIdentifier: gw.id,
        protocol: 'TCP',
        portRanges: ['1-65535'],
        groupDomain: 'corp.example.com',
      }),
    );
    const child = await c.send(
      new CreateResourceConfigurationCommand({
        name: uniqueName('child'),
        type: 'CHILD',
        resourceConfigurationGroupIdentifier: group.id,
        resourceConfigurationDefinition: { ipResource: { ipAddress: '10.0.12.7' } },
      }),
    );
    expect(child).toMatchObject({ resourceGatewayId: gw.id, resourceConfigurationGroupId: group.id, protocol: 'TCP' });
    const children = await c.send(
      new ListResourceConfigurationsCommand({ resourceConfigurationGroupIdentifier: group.arn }),
    );
    expect(children.items?.map((i) => i.id)).toEqual([child.id]);
    const arnType = await c.send(
      new CreateResourceConfigurationCommand({
        name: uniqueName('arn'),
        type: 'ARN',
        resourceGatewayIdentifier: gw.id,
        resourceConfigurationDefinition: {
          arnResource: { arn: 'arn:aws:rds:us-east-1:111111111111:cluster:orders' },
        },
      }),
    );
    expect(arnType.type).toBe('ARN');
    const busy = await caught(
      c.send(new DeleteResourceConfigurationCommand({ resourceConfigurationIdentifier: group.id })),
    );
    expect(busy).toBeInstanceOf(ConflictException);
  });

  it('refuses what the API reference forbids, naming the field', async () => {
    const c = h.lattice();
    const gw = await gateway(c);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ type: 'SINGLE', protocol: 'TCP', portRanges: ['5432'] }, 'resourceGatewayIdentifier'],
      [{ type: 'SINGLE', resourceGatewayIdentifier: gw.id, protocol: 'TCP', portRanges: ['70000'] }, 'portRanges'],
      [
        {
          type: 'SINGLE',
          resourceGatewayIdentifier: gw.id,
          protocol: 'TCP',
          portRanges: ['22'],
          resourceConfigurationDefinition: { ipResource: { ipAddress: '10.0.0.300' } },
        },
        'resourceConfigurationDefinition.ipResource.ipAddress',
      ],
      [
        {
          type: 'GROUP',
          resourceGatewayIdentifier: gw.id,
          protocol: 'TCP',
          portRanges: ['22'],
          resourceConfigurationDefinition: { ipResource: { ipAddress: '10.0.0.3' } },
        },
        'resourceConfigurationDefinition.ipResource',
      ],
    ];
    for (const [extra, field] of cases) {
      const e = await caught(
        c.send(new CreateResourceConfigurationCommand({ name: uniqueName('bad'), ...extra } as never)),
      );
      expect(e, field).toBeInstanceOf(ValidationException);
      expect((e as ValidationException).fieldList?.[0]?.name).toBe(field);
    }
  });

  it('reports a provisioning failure with its reason (set as AWS would, through the control API)', async () => {
    const c = h.lattice();
    const gw = await gateway(c);
    const rc = await dnsConfig(c, gw.id!);
    await control('/lattice/status', {
      resourceArn: rc.arn,
      status: 'CREATE_FAILED',
      failureReason: 'The domain name db.internal.example.com could not be resolved in vpc',
    });
    const got = await c.send(new GetResourceConfigurationCommand({ resourceConfigurationIdentifier: rc.id }));
    expect(got).toMatchObject({ status: 'CREATE_FAILED', failureReason: expect.stringContaining('resolved') });
    const sn = await network(c);
    const refused = await caught(
      c.send(
        new CreateServiceNetworkResourceAssociationCommand({
          resourceConfigurationIdentifier: rc.id,
          serviceNetworkIdentifier: sn.id,
        }),
      ),
    );
    expect(refused).toBeInstanceOf(ConflictException);
  });

  it('takes a resource policy (as RAM sharing writes) but no access-log subscription or auth policy', async () => {
    const c = h.lattice();
    const rc = await dnsConfig(c, (await gateway(c)).id!);
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: '333333333333' }, Action: 'vpc-lattice:*', Resource: rc.arn }],
    });
    await c.send(new PutResourcePolicyCommand({ resourceArn: rc.arn, policy }));
    expect((await c.send(new GetResourcePolicyCommand({ resourceArn: rc.arn }))).policy).toBe(policy);
    const logs = await caught(
      c.send(
        new CreateAccessLogSubscriptionCommand({
          resourceIdentifier: rc.id,
          destinationArn: 'arn:aws:logs:us-east-1:111111111111:log-group:/rc',
        }),
      ),
    );
    expect(logs).toBeInstanceOf(ValidationException);
    expect(logs.message).toContain('service networks and services');
  });

  it('enforces the quota of resource configurations per Region', async () => {
    const c = h.lattice(h.creds(2));
    const gw = await gateway(c);
    const quotas = h.emu.state.lattice.quotas;
    const before = quotas.resourceConfigurationsPerRegion;
    quotas.resourceConfigurationsPerRegion = 1;
    try {
      await dnsConfig(c, gw.id!);
      const e = await caught(dnsConfig(c, gw.id!));
      expect(e).toBeInstanceOf(ServiceQuotaExceededException);
      expect(e).toMatchObject({ serviceCode: 'vpc-lattice', resourceType: 'RESOURCE_CONFIGURATION' });
    } finally {
      quotas.resourceConfigurationsPerRegion = before;
    }
  });
});

describe('service network resource associations', () => {
  it('create → get → list (by network and by configuration) → delete, counted on the network', async () => {
    const c = h.lattice();
    const gw = await gateway(c);
    const rc = await dnsConfig(c, gw.id!);
    const sn = await network(c);
    const created = await c.send(
      new CreateServiceNetworkResourceAssociationCommand({
        resourceConfigurationIdentifier: rc.arn,
        serviceNetworkIdentifier: sn.id,
        tags: { team: 'data' },
      }),
    );
    expect(created).toMatchObject({ status: 'CREATE_IN_PROGRESS', createdBy: '111111111111' });
    expect(created.id).toMatch(/^snra-[0-9a-f]{17}$/);
    const got = await c.send(
      new GetServiceNetworkResourceAssociationCommand({ serviceNetworkResourceAssociationIdentifier: created.id }),
    );
    expect(got).toMatchObject({
      status: 'ACTIVE',
      resourceConfigurationId: rc.id,
      resourceConfigurationName: rc.name,
      serviceNetworkId: sn.id,
      serviceNetworkArn: sn.arn,
      isManagedAssociation: false,
    });
    expect(got.dnsEntry?.domainName).toContain('vpc-lattice-rsc.us-east-1.on.aws');
    const byNet = await c.send(new ListServiceNetworkResourceAssociationsCommand({ serviceNetworkIdentifier: sn.id }));
    expect((byNet.items ?? []).map((i) => i.id)).toEqual([created.id]);
    const byRc = await c.send(
      new ListServiceNetworkResourceAssociationsCommand({ resourceConfigurationIdentifier: rc.id }),
    );
    expect((byRc.items ?? []).map((i) => i.serviceNetworkName)).toEqual([
      (await c.send(new ListServiceNetworksCommand({}))).items?.find((n) => n.id === sn.id)?.name,
    ]);
    const nets = await c.send(new ListServiceNetworksCommand({}));
    expect(nets.items?.find((n) => n.id === sn.id)?.numberOfAssociatedResourceConfigurations).toBe(1);
    expect(await caught(c.send(new DeleteServiceNetworkCommand({ serviceNetworkIdentifier: sn.id })))).toBeInstanceOf(
      ConflictException,
    );
    const again = await caught(
      c.send(
        new CreateServiceNetworkResourceAssociationCommand({
          resourceConfigurationIdentifier: rc.id,
          serviceNetworkIdentifier: sn.id,
        }),
      ),
    );
    expect(again).toBeInstanceOf(ConflictException);
    const tags = await c.send(new ListTagsForResourceCommand({ resourceArn: got.arn }));
    expect(tags.tags).toEqual({ team: 'data' });
    const deleted = await c.send(
      new DeleteServiceNetworkResourceAssociationCommand({ serviceNetworkResourceAssociationIdentifier: created.id }),
    );
    expect(deleted.status).toBe('DELETE_IN_PROGRESS');
    const after = await c.send(new ListServiceNetworksCommand({}));
    expect(after.items?.find((n) => n.id === sn.id)?.numberOfAssociatedResourceConfigurations).toBe(0);
  });

  it('shows a failed association with its failure code', async () => {
    const c = h.lattice();
    const rc = await dnsConfig(c, (await gateway(c)).id!);
    const sn = await network(c);
    const a = await c.send(
      new CreateServiceNetworkResourceAssociationCommand({
        resourceConfigurationIdentifier: rc.id,
        serviceNetworkIdentifier: sn.id,
      }),
    );
    const arn = (
      await c.send(
        new GetServiceNetworkResourceAssociationCommand({ serviceNetworkResourceAssociationIdentifier: a.id }),
      )
    ).arn;
    await control('/lattice/status', {
      resourceArn: arn,
      status: 'CREATE_FAILED',
      failureCode: 'InsufficientCapacity',
      failureReason: 'No capacity in the resource gateway subnets',
    });
    const listed = await c.send(new ListServiceNetworkResourceAssociationsCommand({ serviceNetworkIdentifier: sn.id }));
    expect(listed.items?.[0]).toMatchObject({ status: 'CREATE_FAILED', failureCode: 'InsufficientCapacity' });
  });

  it('lets the network owner associate a shared configuration, but not a third account that sees both', async () => {
    const owner = h.lattice(h.creds(1));
    const rc = await dnsConfig(owner, (await gateway(owner)).id!);
    const hub = h.lattice();
    const sn = await network(hub);
    await control('/shares', { resourceArn: rc.arn, accounts: ['111111111111', '333333333333'] });
    await control('/shares', { resourceArn: sn.arn, accounts: ['333333333333'] });
    const third = await caught(
      h.lattice(h.creds(2)).send(
        new CreateServiceNetworkResourceAssociationCommand({
          resourceConfigurationIdentifier: rc.arn,
          serviceNetworkIdentifier: sn.arn,
        }),
      ),
    );
    expect(third.name).toBe('AccessDeniedException');
    const a = await hub.send(
      new CreateServiceNetworkResourceAssociationCommand({
        resourceConfigurationIdentifier: rc.arn,
        serviceNetworkIdentifier: sn.id,
      }),
    );
    expect(a.createdBy).toBe('111111111111');
    const seen = await owner.send(
      new ListServiceNetworkResourceAssociationsCommand({ resourceConfigurationIdentifier: rc.id }),
    );
    expect(seen.items?.map((i) => i.id)).toEqual([a.id]);
  });

  it('refuses CHILD configurations and configurations that do not allow shareable networks', async () => {
    const c = h.lattice();
    const gw = await gateway(c);
    const rc = await c.send(
      new CreateResourceConfigurationCommand({
        name: uniqueName('private'),
        type: 'SINGLE',
        resourceGatewayIdentifier: gw.id,
        protocol: 'TCP',
        portRanges: ['443'],
        allowAssociationToShareableServiceNetwork: false,
        resourceConfigurationDefinition: { ipResource: { ipAddress: '10.1.2.3' } },
      }),
    );
    const sn = await network(c);
    await control('/shares', { resourceArn: sn.arn, accounts: ['222222222222'] });
    const e = await caught(
      c.send(
        new CreateServiceNetworkResourceAssociationCommand({
          resourceConfigurationIdentifier: rc.id,
          serviceNetworkIdentifier: sn.id,
        }),
      ),
    );
    expect(e).toBeInstanceOf(ValidationException);
    expect(e.message).toContain('shareable');
  });
});

describe('access-log subscriptions by serviceNetworkLogType', () => {
  it('keeps SERVICE and RESOURCE subscriptions of a network apart; a service takes no log type', async () => {
    const c = h.lattice();
    const sn = await network(c);
    const dest = (name: string) => `arn:aws:logs:us-east-1:111111111111:log-group:/aws/vpc-lattice/${name}`;
    const svcLogs = await c.send(
      new CreateAccessLogSubscriptionCommand({ resourceIdentifier: sn.id, destinationArn: dest('svc') }),
    );
    expect(svcLogs.serviceNetworkLogType).toBe('SERVICE');
    const rscLogs = await c.send(
      new CreateAccessLogSubscriptionCommand({
        resourceIdentifier: sn.id,
        destinationArn: dest('rsc'),
        serviceNetworkLogType: 'RESOURCE',
      }),
    );
    expect(rscLogs.serviceNetworkLogType).toBe('RESOURCE');
    const listed = await c.send(new ListAccessLogSubscriptionsCommand({ resourceIdentifier: sn.arn }));
    expect(listed.items?.map((i) => i.serviceNetworkLogType).sort()).toEqual(['RESOURCE', 'SERVICE']);
    const twice = await caught(
      c.send(
        new CreateAccessLogSubscriptionCommand({
          resourceIdentifier: sn.id,
          destinationArn: dest('rsc-2'),
          serviceNetworkLogType: 'RESOURCE',
        }),
      ),
    );
    expect(twice).toBeInstanceOf(ConflictException);
    const svc = await c.send(new CreateServiceCommand({ name: uniqueName('logged') }));
    const onService = await caught(
      c.send(
        new CreateAccessLogSubscriptionCommand({
          resourceIdentifier: svc.id,
          destinationArn: dest('x'),
          serviceNetworkLogType: 'RESOURCE',
        }),
      ),
    );
    expect(onService).toBeInstanceOf(ValidationException);
  });
});

describe('VPC endpoint associations (created through EC2, read through Lattice)', () => {
  it('lists service network VPC endpoint associations', async () => {
    const c = h.lattice();
    const sn = await network(c);
    const ep = await control('/lattice/vpc-endpoints', {
      accountId: '111111111111',
      vpcId: 'vpc-0a1b2c3d4e5f60719',
      serviceNetwork: sn.arn,
    });
    const listed = await c.send(
      new ListServiceNetworkVpcEndpointAssociationsCommand({ serviceNetworkIdentifier: sn.id }),
    );
    expect(listed.items).toEqual([
      expect.objectContaining({
        vpcEndpointId: ep.vpcEndpointId,
        vpcId: 'vpc-0a1b2c3d4e5f60719',
        vpcEndpointOwnerId: '111111111111',
        state: 'Available',
        serviceNetworkArn: sn.arn,
      }),
    ]);
    expect(listed.items?.[0]?.createdAt).toBeInstanceOf(Date);
    const missing = await caught(
      c.send(
        new ListServiceNetworkVpcEndpointAssociationsCommand({ serviceNetworkIdentifier: 'sn-0000000000000000a' }),
      ),
    );
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
  });

  it('lists and deletes resource endpoint associations', async () => {
    const c = h.lattice();
    const rc = await dnsConfig(c, (await gateway(c)).id!);
    const ep = await control('/lattice/vpc-endpoints', {
      accountId: '111111111111',
      vpcId: 'vpc-0a1b2c3d4e5f60719',
      resourceConfiguration: rc.id,
    });
    const listed = await c.send(
      new ListResourceEndpointAssociationsCommand({ resourceConfigurationIdentifier: rc.id }),
    );
    expect(listed.items).toEqual([
      expect.objectContaining({
        id: ep.associationId,
        vpcEndpointId: ep.vpcEndpointId,
        vpcEndpointOwner: '111111111111',
        resourceConfigurationName: rc.name,
      }),
    ]);
    const byEndpoint = await c.send(
      new ListResourceEndpointAssociationsCommand({
        resourceConfigurationIdentifier: rc.id,
        vpcEndpointId: 'vpce-00000000000000000',
      }),
    );
    expect(byEndpoint.items).toEqual([]);
    const deleted = await c.send(
      new DeleteResourceEndpointAssociationCommand({ resourceEndpointAssociationIdentifier: ep.associationId }),
    );
    expect(deleted).toMatchObject({
      id: ep.associationId,
      vpcEndpointId: ep.vpcEndpointId,
      resourceConfigurationId: rc.id,
    });
    const after = await c.send(new ListResourceEndpointAssociationsCommand({ resourceConfigurationIdentifier: rc.id }));
    expect(after.items).toEqual([]);
  });
});

describe('domain verifications', () => {
  it('start (PENDING, TXT record) → get → list → VERIFIED → delete; times out when never verified', async () => {
    const c = h.lattice(h.creds(1));
    const started = await c.send(new StartDomainVerificationCommand({ domainName: 'Pay.Example.com' }));
    expect(started).toMatchObject({ domainName: 'pay.example.com', status: 'PENDING' });
    expect(started.id).toMatch(/^dv-[0-9a-f]{17}$/);
    expect(started.txtMethodConfig?.name).toContain('pay.example.com');
    expect(started.txtMethodConfig?.value).toBeTruthy();
    const timedOut = await c.send(new StartDomainVerificationCommand({ domainName: 'old.example.com' }));
    await control('/lattice/status', { resourceArn: started.arn, status: 'VERIFIED' });
    const got = await c.send(new GetDomainVerificationCommand({ domainVerificationIdentifier: started.arn }));
    expect(got).toMatchObject({ status: 'VERIFIED' });
    expect(got.lastVerifiedTime).toBeInstanceOf(Date);
    clock.advance(h.emu.state.lattice.verificationTimeoutMs);
    const listed = await c.send(new ListDomainVerificationsCommand({}));
    expect(Object.fromEntries((listed.items ?? []).map((i) => [i.domainName, i.status]))).toEqual({
      'pay.example.com': 'VERIFIED',
      'old.example.com': 'VERIFICATION_TIMED_OUT',
    });
    const dup = await caught(c.send(new StartDomainVerificationCommand({ domainName: 'pay.example.com' })));
    expect(dup).toBeInstanceOf(ConflictException);
    await c.send(new DeleteDomainVerificationCommand({ domainVerificationIdentifier: timedOut.id }));
    expect(
      await caught(c.send(new GetDomainVerificationCommand({ domainVerificationIdentifier: timedOut.id }))),
    ).toBeInstanceOf(ResourceNotFoundException);
  });

  it('links a configuration custom domain to its verification and refuses other domains', async () => {
    const c = h.lattice(h.creds(1));
    const dv = await c.send(new StartDomainVerificationCommand({ domainName: 'data.example.org' }));
    const gw = await gateway(c);
    const base = {
      type: 'SINGLE' as const,
      resourceGatewayIdentifier: gw.id,
      protocol: 'TCP' as const,
      portRanges: ['5432'],
      resourceConfigurationDefinition: { dnsResource: { domainName: 'orders.cluster.local' } },
      domainVerificationIdentifier: dv.id,
    };
    const rc = await c.send(
      new CreateResourceConfigurationCommand({
        ...base,
        name: uniqueName('orders'),
        customDomainName: 'db.data.example.org',
      }),
    );
    const got = await c.send(new GetResourceConfigurationCommand({ resourceConfigurationIdentifier: rc.id }));
    expect(got).toMatchObject({ customDomainName: 'db.data.example.org', domainVerificationId: dv.id });
    expect(got.domainVerificationStatus).toBe('PENDING');
    const byDomain = await c.send(new ListResourceConfigurationsCommand({ domainVerificationIdentifier: dv.id }));
    expect(byDomain.items?.map((i) => i.id)).toEqual([rc.id]);
    const wrong = await caught(
      c.send(
        new CreateResourceConfigurationCommand({ ...base, name: uniqueName('x'), customDomainName: 'db.evil.com' }),
      ),
    );
    expect(wrong).toBeInstanceOf(ValidationException);
  });

  it('enforces the quota of domain verifications per Region', async () => {
    const c = h.lattice(h.creds(2));
    const quotas = h.emu.state.lattice.quotas;
    const before = quotas.domainVerificationsPerRegion;
    quotas.domainVerificationsPerRegion = 1;
    try {
      await c.send(new StartDomainVerificationCommand({ domainName: 'one.example.net' }));
      const e = await caught(c.send(new StartDomainVerificationCommand({ domainName: 'two.example.net' })));
      expect(e).toBeInstanceOf(ServiceQuotaExceededException);
      expect(e).toMatchObject({ quotaCode: 'L-73D0F278', resourceType: 'DOMAIN_VERIFICATION' });
    } finally {
      quotas.domainVerificationsPerRegion = before;
    }
  });
});
