import { describe, expect, it } from 'vitest';
import { planReads, type PlanInput } from './plan';

const HUB = '111111111111';
const PAY = '222222222222';
const SHOP = '333333333333';
const sn = (acct: string, id: string) =>
  `arn:aws:vpc-lattice:us-east-1:${acct}:servicenetwork/sn-${id.padEnd(17, '0')}`;
const svc = (acct: string, id: string) => `arn:aws:vpc-lattice:us-east-1:${acct}:service/svc-${id.padEnd(17, '0')}`;
const seg = (accountId: string, networkArns: string[], serviceArns: string[], reachable = true): PlanInput => ({
  accountId,
  region: 'us-east-1',
  reachable,
  networkArns,
  serviceArns,
});
const key = (a: string) => `${a}|us-east-1`;

describe('planReads', () => {
  const shared = sn(HUB, 'mesh');
  const sharedSvc = svc(HUB, 'api');

  it('has the owner read what it owns and the consumers nothing of it', () => {
    const plans = planReads(
      [
        seg(PAY, [shared], [svc(PAY, 'pay'), sharedSvc]),
        seg(HUB, [shared], [sharedSvc]),
        seg(SHOP, [shared], [sharedSvc]),
      ],
      () => false,
    );
    expect(plans.get(key(HUB))).toEqual({
      ownNetworks: [shared],
      ownServices: [sharedSvc],
      foreignNetworkGets: [],
      foreignNetworkAssociations: [],
      foreignServiceGets: [],
    });
    expect(plans.get(key(PAY))).toEqual({
      ownNetworks: [],
      ownServices: [svc(PAY, 'pay')],
      foreignNetworkGets: [],
      foreignNetworkAssociations: [],
      foreignServiceGets: [],
    });
    expect(plans.get(key(SHOP))?.foreignNetworkGets).toEqual([]);
  });

  it('without a reachable owner, the lowest viewer account Gets it once; every viewer lists its associations', () => {
    for (const segments of [
      [seg(SHOP, [shared], [sharedSvc]), seg(PAY, [shared], [sharedSvc])],
      [seg(SHOP, [shared], [sharedSvc]), seg(HUB, [], [], false), seg(PAY, [shared], [sharedSvc])],
    ]) {
      const plans = planReads(segments, () => false);
      expect(plans.get(key(PAY))).toMatchObject({
        foreignNetworkGets: [shared],
        foreignNetworkAssociations: [shared],
        foreignServiceGets: [sharedSvc],
      });
      expect(plans.get(key(SHOP))).toMatchObject({
        foreignNetworkGets: [],
        foreignNetworkAssociations: [shared],
        foreignServiceGets: [],
      });
    }
  });

  it('skips resources whose owner is served from the cache, and plans nothing for unreachable segments', () => {
    const plans = planReads(
      [seg(PAY, [shared], [sharedSvc]), seg(SHOP, [sn(SHOP, 'own')], [], false)],
      (acct) => acct === HUB,
    );
    expect(plans.get(key(PAY))).toEqual({
      ownNetworks: [],
      ownServices: [],
      foreignNetworkGets: [],
      foreignNetworkAssociations: [],
      foreignServiceGets: [],
    });
    expect(plans.get(key(SHOP))?.ownNetworks).toEqual([]);
  });
});
