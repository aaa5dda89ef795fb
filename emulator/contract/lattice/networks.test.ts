/** Contract tests: service networks, services, associations and tags through the real SDK client. */
import {
  CreateServiceNetworkCommand,
  CreateServiceNetworkServiceAssociationCommand,
  CreateServiceNetworkVpcAssociationCommand,
  DeleteServiceCommand,
  DeleteServiceNetworkCommand,
  DeleteServiceNetworkServiceAssociationCommand,
  DeleteServiceNetworkVpcAssociationCommand,
  GetServiceCommand,
  GetServiceNetworkCommand,
  GetServiceNetworkServiceAssociationCommand,
  GetServiceNetworkVpcAssociationCommand,
  ListServiceNetworkServiceAssociationsCommand,
  ListServiceNetworkVpcAssociationsCommand,
  ListServiceNetworksCommand,
  ListServicesCommand,
  ListTagsForResourceCommand,
  ResourceNotFoundException,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateServiceCommand,
  UpdateServiceNetworkCommand,
  UpdateServiceNetworkVpcAssociationCommand,
  CreateServiceCommand,
} from '@aws-sdk/client-vpc-lattice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness';
import { caught, network, service, uniqueName } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('service networks', () => {
  it('create → get → list → update → delete round-trips', async () => {
    const c = h.lattice();
    const name = uniqueName('mesh');
    const created = await c.send(
      new CreateServiceNetworkCommand({
        name,
        authType: 'AWS_IAM',
        tags: { env: 'test' },
        sharingConfig: { enabled: true },
      }),
    );
    expect(created.id).toMatch(/^sn-[0-9a-z]{17}$/);
    expect(created.arn).toBe(`arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/${created.id}`);
    expect(created.sharingConfig?.enabled).toBe(true);
    const got = await c.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: created.arn }));
    expect(got).toMatchObject({
      id: created.id,
      name,
      authType: 'AWS_IAM',
      numberOfAssociatedServices: 0,
      numberOfAssociatedVPCs: 0,
    });
    expect(got.createdAt).toBeInstanceOf(Date);
    const listed = await c.send(new ListServiceNetworksCommand({}));
    expect(listed.items?.find((i) => i.id === created.id)?.name).toBe(name);
    const updated = await c.send(
      new UpdateServiceNetworkCommand({ serviceNetworkIdentifier: created.id, authType: 'NONE' }),
    );
    expect(updated.authType).toBe('NONE');
    expect((await c.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: created.id }))).authType).toBe(
      'NONE',
    );
    await c.send(new DeleteServiceNetworkCommand({ serviceNetworkIdentifier: created.id }));
    const gone = await caught(c.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: created.id })));
    expect(gone).toBeInstanceOf(ResourceNotFoundException);
    expect(gone.$metadata.httpStatusCode).toBe(404);
  });

  it('keeps resources per region', async () => {
    const sn = await network(h.lattice());
    const west = await caught(
      h.lattice(undefined, 'us-west-2').send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: sn.id })),
    );
    expect(west).toBeInstanceOf(ResourceNotFoundException);
    const westList = await h.lattice(undefined, 'us-west-2').send(new ListServiceNetworksCommand({}));
    expect(westList.items).toEqual([]);
  });
});

describe('services', () => {
  it('create → get → list → update → delete round-trips, with a DNS entry', async () => {
    const c = h.lattice(h.creds(1));
    const name = uniqueName('orders');
    const created = await c.send(new CreateServiceCommand({ name, authType: 'NONE', idleTimeoutSeconds: 120 }));
    expect(created.id).toMatch(/^svc-[0-9a-z]{17}$/);
    expect(created.arn).toBe(`arn:aws:vpc-lattice:us-east-1:222222222222:service/${created.id}`);
    expect(created.dnsEntry?.domainName).toMatch(
      new RegExp(`^${name}-[0-9a-f]{17}\\.[0-9a-f]{7}\\.vpc-lattice-svcs\\.us-east-1\\.on\\.aws$`),
    );
    expect(created.status).toBe('ACTIVE');
    const got = await c.send(new GetServiceCommand({ serviceIdentifier: created.arn }));
    expect(got).toMatchObject({ id: created.id, name, idleTimeoutSeconds: 120, dnsEntry: created.dnsEntry });
    expect((await c.send(new ListServicesCommand({}))).items?.map((s) => s.id)).toContain(created.id);
    const updated = await c.send(
      new UpdateServiceCommand({ serviceIdentifier: created.id, authType: 'AWS_IAM', idleTimeoutSeconds: 300 }),
    );
    expect(updated).toMatchObject({ authType: 'AWS_IAM', idleTimeoutSeconds: 300 });
    expect((await c.send(new GetServiceCommand({ serviceIdentifier: created.id }))).authType).toBe('AWS_IAM');
    const deleted = await c.send(new DeleteServiceCommand({ serviceIdentifier: created.id }));
    expect(deleted.status).toBe('DELETE_IN_PROGRESS');
    expect(await caught(c.send(new GetServiceCommand({ serviceIdentifier: created.id })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
  });
});

describe('associations', () => {
  it('service association: create → get → list (by network and by service) → delete; counts follow', async () => {
    const c = h.lattice();
    const sn = await network(c);
    const svc = await service(c);
    const a = await c.send(
      new CreateServiceNetworkServiceAssociationCommand({
        serviceIdentifier: svc.id,
        serviceNetworkIdentifier: sn.arn,
      }),
    );
    expect(a.id).toMatch(/^snsa-[0-9a-z]{17}$/);
    expect(a).toMatchObject({ status: 'ACTIVE', createdBy: '111111111111' });
    expect(a.dnsEntry?.domainName).toContain('.vpc-lattice-svcs.');
    const got = await c.send(
      new GetServiceNetworkServiceAssociationCommand({ serviceNetworkServiceAssociationIdentifier: a.arn }),
    );
    expect(got).toMatchObject({
      serviceId: svc.id,
      serviceArn: svc.arn,
      serviceNetworkId: sn.id,
      serviceNetworkArn: sn.arn,
    });
    const byNet = await c.send(new ListServiceNetworkServiceAssociationsCommand({ serviceNetworkIdentifier: sn.id }));
    const bySvc = await c.send(new ListServiceNetworkServiceAssociationsCommand({ serviceIdentifier: svc.arn }));
    expect(byNet.items?.map((i) => i.id)).toEqual([a.id]);
    expect(bySvc.items?.map((i) => i.id)).toEqual([a.id]);
    expect(
      (await c.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: sn.id }))).numberOfAssociatedServices,
    ).toBe(1);
    const del = await c.send(
      new DeleteServiceNetworkServiceAssociationCommand({ serviceNetworkServiceAssociationIdentifier: a.id }),
    );
    expect(del.status).toBe('DELETE_IN_PROGRESS');
    expect(
      await caught(
        c.send(new GetServiceNetworkServiceAssociationCommand({ serviceNetworkServiceAssociationIdentifier: a.id })),
      ),
    ).toBeInstanceOf(ResourceNotFoundException);
  });

  it('VPC association: create → get → list → update → delete', async () => {
    const c = h.lattice();
    const sn = await network(c);
    const vpcId = 'vpc-0123456789abcdef1';
    const a = await c.send(
      new CreateServiceNetworkVpcAssociationCommand({
        serviceNetworkIdentifier: sn.id,
        vpcIdentifier: vpcId,
        securityGroupIds: ['sg-0123456789abcdef0'],
      }),
    );
    expect(a.id).toMatch(/^snva-[0-9a-z]{17}$/);
    expect(a.securityGroupIds).toEqual(['sg-0123456789abcdef0']);
    const got = await c.send(
      new GetServiceNetworkVpcAssociationCommand({ serviceNetworkVpcAssociationIdentifier: a.id }),
    );
    expect(got).toMatchObject({ vpcId, serviceNetworkId: sn.id, status: 'ACTIVE', createdBy: '111111111111' });
    expect(
      (await c.send(new ListServiceNetworkVpcAssociationsCommand({ vpcIdentifier: vpcId }))).items?.map((i) => i.id),
    ).toEqual([a.id]);
    const upd = await c.send(
      new UpdateServiceNetworkVpcAssociationCommand({
        serviceNetworkVpcAssociationIdentifier: a.arn,
        securityGroupIds: ['sg-0123456789abcdef2', 'sg-0123456789abcdef3'],
      }),
    );
    expect(upd.securityGroupIds).toHaveLength(2);
    expect(
      (await c.send(new GetServiceNetworkVpcAssociationCommand({ serviceNetworkVpcAssociationIdentifier: a.id })))
        .securityGroupIds,
    ).toEqual(['sg-0123456789abcdef2', 'sg-0123456789abcdef3']);
    await c.send(new DeleteServiceNetworkVpcAssociationCommand({ serviceNetworkVpcAssociationIdentifier: a.id }));
    expect(
      await caught(
        c.send(new GetServiceNetworkVpcAssociationCommand({ serviceNetworkVpcAssociationIdentifier: a.id })),
      ),
    ).toBeInstanceOf(ResourceNotFoundException);
  });

  it('deleting a network or service that still has associations is a ConflictException', async () => {
    const c = h.lattice();
    const sn = await network(c);
    const svc = await service(c);
    await c.send(
      new CreateServiceNetworkServiceAssociationCommand({ serviceIdentifier: svc.id, serviceNetworkIdentifier: sn.id }),
    );
    const e1 = await caught(c.send(new DeleteServiceNetworkCommand({ serviceNetworkIdentifier: sn.id })));
    expect(e1.name).toBe('ConflictException');
    const e2 = await caught(c.send(new DeleteServiceCommand({ serviceIdentifier: svc.id })));
    expect(e2.name).toBe('ConflictException');
    expect(e2.$metadata.httpStatusCode).toBe(409);
  });
});

describe('tags', () => {
  it('tags at creation, TagResource, UntagResource and ListTagsForResource by ARN', async () => {
    const c = h.lattice();
    const created = await c.send(
      new CreateServiceCommand({ name: uniqueName('tagged'), tags: { team: 'a', env: 'dev' } }),
    );
    const arn = created.arn!;
    expect((await c.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual({
      team: 'a',
      env: 'dev',
    });
    await c.send(new TagResourceCommand({ resourceArn: arn, tags: { owner: 'me', env: 'prod' } }));
    await c.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['team', 'owner'] }));
    expect((await c.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual({ env: 'prod' });
  });

  it('refuses more than 50 tags and aws: keys', async () => {
    const c = h.lattice();
    const svc = await service(c);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    const e = await caught(c.send(new TagResourceCommand({ resourceArn: svc.arn, tags: many })));
    expect(e.name).toBe('ValidationException');
    const r = await caught(
      c.send(new TagResourceCommand({ resourceArn: svc.arn, tags: { 'aws:cloudformation': 'x' } })),
    );
    expect(r.name).toBe('ValidationException');
  });

  it('TagResource on a resource with AWS-written aws: tags adds the caller’s and keeps those', async () => {
    const c = h.lattice();
    const svc = await service(c);
    const rec = h.emu.state.lattice.byArn(svc.arn!)?.record;
    if (!rec) throw new Error('no record');
    rec.tags = { ...rec.tags, 'aws:cloudformation:stack-name': 'stack-1' };
    await c.send(new TagResourceCommand({ resourceArn: svc.arn, tags: { canary: 'x' } }));
    const got = await c.send(new ListTagsForResourceCommand({ resourceArn: svc.arn }));
    expect(got.tags).toMatchObject({ 'aws:cloudformation:stack-name': 'stack-1', canary: 'x' });
  });
});
