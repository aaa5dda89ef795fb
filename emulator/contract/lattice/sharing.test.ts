/** Contract tests: AWS RAM-style sharing across accounts, ownership (AccessDenied), and the control routes. */
import {
  AccessDeniedException,
  CreateServiceNetworkServiceAssociationCommand,
  CreateServiceNetworkVpcAssociationCommand,
  DeleteServiceNetworkServiceAssociationCommand,
  GetServiceCommand,
  GetServiceNetworkCommand,
  ListServiceNetworkServiceAssociationsCommand,
  ListServiceNetworkVpcAssociationsCommand,
  ListServiceNetworksCommand,
  ListServicesCommand,
  PutAuthPolicyCommand,
  ResourceNotFoundException,
  TagResourceCommand,
  UpdateServiceCommand,
  UpdateServiceNetworkCommand,
} from '@aws-sdk/client-vpc-lattice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness';
import { caught, network, service } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('sharing (AWS RAM)', () => {
  it('a consumer lists a shared network, associates its own service and VPC; the owner sees both', async () => {
    const hub = h.lattice();
    const payments = h.lattice(h.creds(1));
    const storefront = h.lattice(h.creds(2));
    const sn = await network(hub);
    expect((await payments.send(new ListServiceNetworksCommand({}))).items?.some((n) => n.id === sn.id)).toBe(false);
    const shared = await h.control('POST', '/shares', { resourceArn: sn.arn, accounts: ['222222222222'] });
    expect(shared.status).toBe(200);
    expect(shared.body).toMatchObject({ ownerAccountId: '111111111111', accounts: ['222222222222'] });

    expect((await payments.send(new ListServiceNetworksCommand({}))).items?.map((n) => n.arn)).toContain(sn.arn);
    expect((await payments.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: sn.arn }))).name).toBeTruthy();
    expect(
      await caught(storefront.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: sn.arn }))),
    ).toBeInstanceOf(ResourceNotFoundException);

    const svc = await service(payments);
    const assoc = await payments.send(
      new CreateServiceNetworkServiceAssociationCommand({
        serviceIdentifier: svc.id,
        serviceNetworkIdentifier: sn.arn,
      }),
    );
    expect(assoc.createdBy).toBe('222222222222');
    expect(assoc.arn).toContain(':222222222222:servicenetworkserviceassociation/');
    const vpc = await payments.send(
      new CreateServiceNetworkVpcAssociationCommand({
        serviceNetworkIdentifier: sn.arn,
        vpcIdentifier: 'vpc-0aaaaaaaaaaaaaaa2',
      }),
    );

    const ownerView = await hub.send(
      new ListServiceNetworkServiceAssociationsCommand({ serviceNetworkIdentifier: sn.id }),
    );
    expect(ownerView.items?.map((a) => [a.id, a.createdBy, a.serviceArn])).toEqual([
      [assoc.id, '222222222222', svc.arn],
    ]);
    const ownerVpcs = await hub.send(new ListServiceNetworkVpcAssociationsCommand({ serviceNetworkIdentifier: sn.id }));
    expect(ownerVpcs.items?.map((a) => a.id)).toEqual([vpc.id]);
    // The network owner sees the consumer's service only through the association, not as its own service.
    expect(await caught(hub.send(new GetServiceCommand({ serviceIdentifier: svc.arn })))).toBeInstanceOf(
      ResourceNotFoundException,
    );

    const shares = await h.control('GET', '/shares');
    expect(shares.body).toMatchObject({
      shares: [{ resourceArn: sn.arn, ownerAccountId: '111111111111', accounts: ['222222222222'] }],
    });
    // The network owner may remove associations from its network.
    await hub.send(
      new DeleteServiceNetworkServiceAssociationCommand({ serviceNetworkServiceAssociationIdentifier: assoc.arn }),
    );
  });

  it('shared resources are read-only to other accounts: mutations are AccessDeniedException (403)', async () => {
    const hub = h.lattice();
    const payments = h.lattice(h.creds(1));
    const sn = await network(hub);
    const svc = await service(hub);
    await h.control('POST', '/shares', { resourceArn: sn.arn, accounts: ['222222222222'] });
    await h.control('POST', '/shares', { resourceArn: svc.arn, accounts: ['222222222222', '333333333333'] });
    expect((await payments.send(new ListServicesCommand({}))).items?.map((s) => s.arn)).toContain(svc.arn);
    const e1 = await caught(
      payments.send(new UpdateServiceNetworkCommand({ serviceNetworkIdentifier: sn.arn, authType: 'NONE' })),
    );
    expect(e1).toBeInstanceOf(AccessDeniedException);
    expect(e1.$metadata.httpStatusCode).toBe(403);
    expect(e1.message).toContain('111111111111');
    expect(
      await caught(payments.send(new UpdateServiceCommand({ serviceIdentifier: svc.arn, authType: 'AWS_IAM' }))),
    ).toBeInstanceOf(AccessDeniedException);
    expect(
      await caught(payments.send(new TagResourceCommand({ resourceArn: svc.arn, tags: { x: 'y' } }))),
    ).toBeInstanceOf(AccessDeniedException);
    expect(
      await caught(payments.send(new PutAuthPolicyCommand({ resourceIdentifier: sn.arn, policy: '{"Statement":[]}' }))),
    ).toBeInstanceOf(AccessDeniedException);
  });

  it('control routes refuse bad shares and summarise resources per account', async () => {
    expect(
      (
        await h.control('POST', '/shares', {
          resourceArn: 'arn:aws:vpc-lattice:us-east-1:111111111111:targetgroup/tg-00000000000000000',
          accounts: ['222222222222'],
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await h.control('POST', '/shares', {
          resourceArn: 'arn:aws:vpc-lattice:us-east-1:111111111111:service/svc-00000000000000000',
          accounts: ['222222222222'],
        })
      ).status,
    ).toBe(404);
    expect((await h.control('POST', '/shares', { resourceArn: 'x', accounts: ['12'] })).status).toBe(400);
    const sum = await h.control('GET', '/lattice/summary');
    const body = sum.body as { accounts: Record<string, Record<string, Record<string, number>>> };
    expect(body.accounts['111111111111']?.['us-east-1']?.serviceNetworks).toBeGreaterThanOrEqual(2);
    expect(body.accounts['222222222222']?.['us-east-1']?.services).toBeGreaterThanOrEqual(1);
  });
});
