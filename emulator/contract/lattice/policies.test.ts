/** Contract tests: auth policies, resource policies and access-log subscriptions through the real SDK client. */
import {
  ConflictException,
  CreateAccessLogSubscriptionCommand,
  DeleteAccessLogSubscriptionCommand,
  DeleteAuthPolicyCommand,
  DeleteResourcePolicyCommand,
  GetAccessLogSubscriptionCommand,
  GetAuthPolicyCommand,
  GetResourcePolicyCommand,
  ListAccessLogSubscriptionsCommand,
  PutAuthPolicyCommand,
  PutResourcePolicyCommand,
  ResourceNotFoundException,
  UpdateAccessLogSubscriptionCommand,
  UpdateServiceNetworkCommand,
  ValidationException,
} from '@aws-sdk/client-vpc-lattice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness';
import { caught, network, service } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: 'vpc-lattice-svcs:Invoke', Resource: '*' }],
});

describe('auth policies', () => {
  it('put → get (Active under AWS_IAM, Inactive under NONE) → delete', async () => {
    const c = h.lattice();
    const sn = await network(c, undefined, 'AWS_IAM');
    const put = await c.send(new PutAuthPolicyCommand({ resourceIdentifier: sn.id, policy: POLICY }));
    expect(put).toMatchObject({ policy: POLICY, state: 'Active' });
    const got = await c.send(new GetAuthPolicyCommand({ resourceIdentifier: sn.arn }));
    expect(got).toMatchObject({ policy: POLICY, state: 'Active' });
    expect(got.createdAt).toBeInstanceOf(Date);
    await c.send(new UpdateServiceNetworkCommand({ serviceNetworkIdentifier: sn.id, authType: 'NONE' }));
    expect((await c.send(new GetAuthPolicyCommand({ resourceIdentifier: sn.id }))).state).toBe('Inactive');
    await c.send(new DeleteAuthPolicyCommand({ resourceIdentifier: sn.id }));
    expect((await c.send(new GetAuthPolicyCommand({ resourceIdentifier: sn.id }))).policy).toBeUndefined();
  });

  it('refuses a policy that is not JSON, and unknown resources', async () => {
    const c = h.lattice();
    const svc = await service(c);
    const e = await caught(c.send(new PutAuthPolicyCommand({ resourceIdentifier: svc.id, policy: '{not json' })));
    expect(e).toBeInstanceOf(ValidationException);
    expect((e as ValidationException).fieldList?.[0]?.name).toBe('policy');
    expect(
      await caught(c.send(new GetAuthPolicyCommand({ resourceIdentifier: 'svc-00000000000000000' }))),
    ).toBeInstanceOf(ResourceNotFoundException);
  });
});

describe('resource policies', () => {
  it('put → get → delete by ARN', async () => {
    const c = h.lattice();
    const svc = await service(c);
    await c.send(new PutResourcePolicyCommand({ resourceArn: svc.arn, policy: POLICY }));
    expect((await c.send(new GetResourcePolicyCommand({ resourceArn: svc.arn }))).policy).toBe(POLICY);
    await c.send(new DeleteResourcePolicyCommand({ resourceArn: svc.arn }));
    expect((await c.send(new GetResourcePolicyCommand({ resourceArn: svc.arn }))).policy).toBeUndefined();
    expect(await caught(c.send(new PutResourcePolicyCommand({ resourceArn: svc.arn, policy: 'nope' })))).toBeInstanceOf(
      ValidationException,
    );
  });
});

describe('access-log subscriptions', () => {
  it('create → get → list → update → delete, on networks and services', async () => {
    const c = h.lattice();
    const sn = await network(c);
    const svc = await service(c);
    const dest = 'arn:aws:logs:us-east-1:111111111111:log-group:/aws/vpc-lattice/test';
    const created = await c.send(
      new CreateAccessLogSubscriptionCommand({ resourceIdentifier: sn.arn, destinationArn: dest }),
    );
    expect(created.id).toMatch(/^als-[0-9a-z]{17}$/);
    expect(created).toMatchObject({
      resourceId: sn.id,
      resourceArn: sn.arn,
      destinationArn: dest,
      serviceNetworkLogType: 'SERVICE',
    });
    const onSvc = await c.send(
      new CreateAccessLogSubscriptionCommand({
        resourceIdentifier: svc.id,
        destinationArn: 'arn:aws:s3:::trellis-access-logs',
      }),
    );
    expect(onSvc.resourceArn).toBe(svc.arn);
    const got = await c.send(new GetAccessLogSubscriptionCommand({ accessLogSubscriptionIdentifier: created.arn }));
    expect(got).toMatchObject({ id: created.id, destinationArn: dest });
    expect(got.lastUpdatedAt).toBeInstanceOf(Date);
    expect(
      (await c.send(new ListAccessLogSubscriptionsCommand({ resourceIdentifier: sn.id }))).items?.map((s) => s.id),
    ).toEqual([created.id]);
    const dest2 = 'arn:aws:logs:us-east-1:111111111111:log-group:/aws/vpc-lattice/other';
    expect(
      (
        await c.send(
          new UpdateAccessLogSubscriptionCommand({
            accessLogSubscriptionIdentifier: created.id,
            destinationArn: dest2,
          }),
        )
      ).destinationArn,
    ).toBe(dest2);
    expect(
      (await c.send(new GetAccessLogSubscriptionCommand({ accessLogSubscriptionIdentifier: created.id })))
        .destinationArn,
    ).toBe(dest2);
    const dup = await caught(
      c.send(new CreateAccessLogSubscriptionCommand({ resourceIdentifier: sn.id, destinationArn: dest })),
    );
    expect(dup).toBeInstanceOf(ConflictException);
    const badType = await caught(
      c.send(
        new UpdateAccessLogSubscriptionCommand({
          accessLogSubscriptionIdentifier: created.id,
          destinationArn: 'arn:aws:s3:::bucket-name',
        }),
      ),
    );
    expect(badType).toBeInstanceOf(ValidationException);
    await c.send(new DeleteAccessLogSubscriptionCommand({ accessLogSubscriptionIdentifier: created.id }));
    expect(
      await caught(c.send(new GetAccessLogSubscriptionCommand({ accessLogSubscriptionIdentifier: created.id }))),
    ).toBeInstanceOf(ResourceNotFoundException);
  });

  it('refuses destinations that are not log groups, buckets or delivery streams', async () => {
    const c = h.lattice();
    const sn = await network(c);
    const e = await caught(
      c.send(
        new CreateAccessLogSubscriptionCommand({
          resourceIdentifier: sn.id,
          destinationArn: 'arn:aws:sqs:us-east-1:111111111111:queue',
        }),
      ),
    );
    expect(e).toBeInstanceOf(ValidationException);
  });
});
