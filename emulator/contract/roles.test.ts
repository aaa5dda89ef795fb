/** Contract tests: what the application accounts' roles may do (the read-only role changes nothing). */
import { CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateServiceCommand, ListServicesCommand, VPCLatticeServiceException } from '@aws-sdk/client-vpc-lattice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('member roles', () => {
  it('TrellisReadOnly reads but is refused every change with AccessDeniedException naming the action', async () => {
    const ro = await h.assume('222222222222', 'TrellisReadOnly');
    await expect(h.lattice(ro).send(new ListServicesCommand({}))).resolves.toBeDefined();
    const e = await h
      .lattice(ro)
      .send(new CreateServiceCommand({ name: 'nope' }))
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(VPCLatticeServiceException);
    expect(e).toMatchObject({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } });
    expect((e as Error).message).toContain('vpc-lattice:CreateService');
    await expect(h.logs(ro).send(new CreateLogGroupCommand({ logGroupName: 'nope' }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
  });

  it('TrellisOperator and the account users may change things', async () => {
    const op = await h.assume('222222222222', 'TrellisOperator');
    await expect(h.lattice(op).send(new CreateServiceCommand({ name: 'op-svc' }))).resolves.toBeDefined();
    await expect(h.lattice(h.creds(0)).send(new CreateServiceCommand({ name: 'hub-svc' }))).resolves.toBeDefined();
  });
});
