import { describe, expect, it } from 'vitest';
import type { Problem, Service, ServiceNetwork } from '../domain/snapshot';
import { dedupeByArn, mergeEntries, mergeSegments } from './merge';
import { emptyResources, type SegmentData } from './types';

const HUB = '111111111111';
const PAY = '222222222222';
const SHOP = '333333333333';
const snArn = (acct: string, id: string) =>
  `arn:aws:vpc-lattice:us-east-1:${acct}:servicenetwork/sn-${id.padEnd(17, '0')}`;
const svcArn = (acct: string, id: string) => `arn:aws:vpc-lattice:us-east-1:${acct}:service/svc-${id.padEnd(17, '0')}`;

function network(owner: string, id: string, viewer: string, extra: Partial<ServiceNetwork> = {}): ServiceNetwork {
  return {
    arn: snArn(owner, id),
    id: `sn-${id}`,
    accountId: owner,
    region: 'us-east-1',
    name: `net-${id}`,
    visibleTo: [viewer],
    ...extra,
  };
}

function segment(
  accountId: string,
  fill: Partial<SegmentData['resources']> = {},
  extra: Partial<SegmentData> = {},
): SegmentData {
  return {
    accountId,
    name: accountId.slice(0, 3),
    region: 'us-east-1',
    reachable: true,
    fetchedAt: 100,
    resources: { ...emptyResources(), ...fill },
    problems: [],
    ...extra,
  };
}

describe('mergeEntries', () => {
  it('prefers the owner’s view, fills gaps from others and unions visibleTo', () => {
    const fromConsumer: Service = {
      arn: svcArn(HUB, 'a'),
      id: 'svc-a',
      accountId: HUB,
      region: 'us-east-1',
      name: 'stale-name',
      status: 'ACTIVE',
      dnsName: 'a.example',
      visibleTo: [PAY],
    };
    const fromOwner: Service = {
      arn: svcArn(HUB, 'a'),
      id: 'svc-a',
      accountId: HUB,
      region: 'us-east-1',
      name: 'api',
      authType: 'AWS_IAM',
      visibleTo: [HUB],
    };
    const m = mergeEntries([fromConsumer, fromOwner]);
    expect(m).toEqual({ ...fromConsumer, name: 'api', authType: 'AWS_IAM', visibleTo: [HUB, PAY] });
  });

  it('without the owner, keeps the most complete entry’s fields', () => {
    const bare = network(HUB, 'a', SHOP);
    const got = network(HUB, 'a', PAY, { authType: 'NONE', name: 'mesh' });
    expect(mergeEntries([bare, got])).toEqual({ ...got, visibleTo: [PAY, SHOP] });
  });
});

describe('dedupeByArn', () => {
  it('returns one entry per ARN sorted by ARN', () => {
    const items = [network(SHOP, 'c', SHOP), network(HUB, 'b', PAY), network(HUB, 'b', HUB), network(HUB, 'a', HUB)];
    expect(dedupeByArn(items).map((n) => [n.arn, n.visibleTo])).toEqual([
      [snArn(HUB, 'a'), [HUB]],
      [snArn(HUB, 'b'), [HUB, PAY]],
      [snArn(SHOP, 'c'), [SHOP]],
    ]);
  });
});

describe('mergeSegments', () => {
  const accounts = [
    { accountId: HUB, name: 'hub', regions: ['us-east-1'] },
    { accountId: PAY, name: 'pay', regions: ['us-east-1'] },
    { accountId: SHOP, name: 'shop', regions: ['us-east-1'] },
  ];
  const denied = {
    code: 'ACCESS_DENIED' as const,
    message: 'AssumeRole failed: AccessDenied',
    retryable: false,
    account: SHOP,
  };
  const problem = (acct: string, op: string, arn?: string): Problem => ({
    accountId: acct,
    region: 'us-east-1',
    operation: op,
    ...(arn ? { resourceArn: arn } : {}),
    error: { code: 'THROTTLED', message: 'x', retryable: true },
  });

  it('joins accounts in configuration order, with reachability, errors and the oldest fetch time', () => {
    const snap = mergeSegments(accounts, [
      segment(PAY, { serviceNetworks: [network(HUB, 'a', PAY)] }, { fetchedAt: 50 }),
      segment(HUB, { serviceNetworks: [network(HUB, 'a', HUB, { authType: 'AWS_IAM' })] }, { fetchedAt: 80 }),
      segment(SHOP, {}, { reachable: false, error: denied, fetchedAt: 90 }),
      segment('444444444444', { serviceNetworks: [network('444444444444', 'z', '444444444444')] }),
    ]);
    expect(snap.accounts.map((a) => [a.accountId, a.name, a.reachable, a.fetchedAt])).toEqual([
      [HUB, 'hub', true, 80],
      [PAY, 'pay', true, 50],
      [SHOP, 'shop', false, 90],
    ]);
    expect(snap.accounts[2]?.error).toEqual(denied);
    expect(snap.fetchedAt).toBe(50);
    expect(snap.serviceNetworks).toEqual([network(HUB, 'a', HUB, { authType: 'AWS_IAM', visibleTo: [HUB, PAY] })]);
  });

  it('sorts targets by id and port, target-group keys and problems', () => {
    const tg = (id: string) => `arn:aws:vpc-lattice:us-east-1:${PAY}:targetgroup/tg-${id.padEnd(17, '0')}`;
    const snap = mergeSegments(accounts, [
      segment(
        PAY,
        {
          targets: {
            [tg('b')]: [
              { id: '10.0.0.2', status: 'HEALTHY' },
              { id: '10.0.0.1', port: 81, status: 'DRAINING' },
              { id: '10.0.0.1', port: 80, status: 'UNHEALTHY', reasonCode: 'HealthCheckFailed' },
            ],
            [tg('a')]: [],
          },
        },
        { problems: [problem(PAY, 'ListTargets', tg('b')), problem(PAY, 'GetRule')] },
      ),
      segment(HUB, {}, { problems: [problem(HUB, 'ListServices')] }),
    ]);
    expect(Object.keys(snap.targets)).toEqual([tg('a'), tg('b')]);
    expect(snap.targets[tg('b')]?.map((t) => `${t.id}:${t.port ?? ''}`)).toEqual([
      '10.0.0.1:80',
      '10.0.0.1:81',
      '10.0.0.2:',
    ]);
    expect(snap.problems.map((p) => `${p.accountId} ${p.operation}`)).toEqual([
      `${HUB} ListServices`,
      `${PAY} GetRule`,
      `${PAY} ListTargets`,
    ]);
  });

  it('reports an account never crawled as not reachable, and an empty snapshot as fetched at 0', () => {
    const snap = mergeSegments(accounts.slice(0, 1), []);
    expect(snap.accounts).toEqual([
      { accountId: HUB, name: 'hub', regions: ['us-east-1'], reachable: false, fetchedAt: 0 },
    ]);
    expect(snap.fetchedAt).toBe(0);
  });
});
