/** Contract tests: every List call pages with maxResults/nextToken; tokens are bound to their query. */
import {
  CreateRuleCommand,
  CreateServiceNetworkServiceAssociationCommand,
  ListRulesCommand,
  ListServiceNetworkServiceAssociationsCommand,
  ListServicesCommand,
  ListTargetGroupsCommand,
  ListTargetsCommand,
  RegisterTargetsCommand,
  ValidationException,
  type VPCLatticeClient,
} from '@aws-sdk/client-vpc-lattice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness';
import { caught, ipTargetGroup, network, service, serviceWithListener } from './helpers';

let h: Harness;
let c: VPCLatticeClient;
beforeAll(async () => {
  h = await startHarness();
  c = h.lattice(h.creds(2));
});
afterAll(() => h.close());

/** Collects every item across pages of `size`. */
async function collect(
  size: number,
  page: (maxResults: number, nextToken?: string) => Promise<{ items?: Array<{ id?: string }>; nextToken?: string }>,
): Promise<string[]> {
  const ids: string[] = [];
  let token: string | undefined;
  for (let i = 0; i < 100; i++) {
    const out = await page(size, token);
    expect(out.items!.length).toBeLessThanOrEqual(size);
    ids.push(...out.items!.map((x) => x.id!));
    token = out.nextToken;
    if (!token) return ids;
  }
  throw new Error('pagination did not end');
}

function expectEachOnce(ids: string[], expected: string[]): void {
  expect([...ids].sort()).toEqual([...expected].sort());
}

describe('pagination', () => {
  it('ListServices returns every item exactly once for page sizes 1..N+1', async () => {
    const created: string[] = [];
    for (let i = 0; i < 7; i++) created.push((await service(c)).id);
    for (let size = 1; size <= 8; size++) {
      expectEachOnce(
        await collect(size, (maxResults, nextToken) => c.send(new ListServicesCommand({ maxResults, nextToken }))),
        created,
      );
    }
  });

  it('pages ListTargets (POST), ListTargetGroups, ListRules and association lists', async () => {
    const tg = await ipTargetGroup(c);
    const ips = Array.from({ length: 9 }, (_, i) => `10.7.0.${i + 1}`);
    await c.send(new RegisterTargetsCommand({ targetGroupIdentifier: tg.id, targets: ips.map((id) => ({ id })) }));
    for (const size of [1, 2, 4, 9]) {
      expectEachOnce(
        await collect(size, (maxResults, nextToken) =>
          c.send(new ListTargetsCommand({ targetGroupIdentifier: tg.id, maxResults, nextToken })),
        ),
        ips,
      );
    }
    const allTgs = (await c.send(new ListTargetGroupsCommand({}))).items!.map((t) => t.id!);
    expectEachOnce(
      await collect(1, (maxResults, nextToken) => c.send(new ListTargetGroupsCommand({ maxResults, nextToken }))),
      allTgs,
    );

    const { svc, listener } = await serviceWithListener(c);
    for (let p = 1; p <= 4; p++) {
      await c.send(
        new CreateRuleCommand({
          serviceIdentifier: svc,
          listenerIdentifier: listener,
          name: `path-${p}`,
          priority: 10 * p,
          match: { httpMatch: { pathMatch: { match: { prefix: `/p${p}` } } } },
          action: { fixedResponse: { statusCode: 200 } },
        }),
      );
    }
    const rules = await collect(2, (maxResults, nextToken) =>
      c.send(new ListRulesCommand({ serviceIdentifier: svc, listenerIdentifier: listener, maxResults, nextToken })),
    );
    expect(rules).toHaveLength(5);
    expect(new Set(rules).size).toBe(5);

    const sn = await network(c);
    const assoc: string[] = [];
    for (let i = 0; i < 3; i++) {
      const s = await service(c);
      assoc.push(
        (
          await c.send(
            new CreateServiceNetworkServiceAssociationCommand({
              serviceIdentifier: s.id,
              serviceNetworkIdentifier: sn.id,
            }),
          )
        ).id!,
      );
    }
    expectEachOnce(
      await collect(1, (maxResults, nextToken) =>
        c.send(
          new ListServiceNetworkServiceAssociationsCommand({ serviceNetworkIdentifier: sn.id, maxResults, nextToken }),
        ),
      ),
      assoc,
    );
  });

  it('refuses a forged token and a token of another query with ValidationException', async () => {
    await service(c);
    await service(c);
    const first = await c.send(new ListServicesCommand({ maxResults: 1 }));
    expect(first.nextToken).toBeTruthy();
    const forged = await caught(c.send(new ListServicesCommand({ nextToken: `${first.nextToken}x` })));
    expect(forged).toBeInstanceOf(ValidationException);
    const foreign = await caught(c.send(new ListTargetGroupsCommand({ nextToken: first.nextToken })));
    expect(foreign).toBeInstanceOf(ValidationException);
    const otherAccount = await caught(
      h.lattice(h.creds(1)).send(new ListServicesCommand({ nextToken: first.nextToken })),
    );
    expect(otherAccount).toBeInstanceOf(ValidationException);
  });
});
