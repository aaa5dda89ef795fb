import { describe, expect, it } from 'vitest';
import { mapDefined, toAuthPolicy, toNetworkSummary, toTarget, toTargetGroup } from './resourceMappers';

const tgArn = 'arn:aws:vpc-lattice:us-east-1:222222222222:targetgroup/tg-0123456789abcdefg';

describe('resource mappers', () => {
  it('reads a target group the same from ListTargetGroups and from GetTargetGroup (config)', () => {
    const common = { arn: tgArn, id: 'tg-0123456789abcdefg', name: 'v2', type: 'IP' as const, serviceArns: ['b', 'a'] };
    const listed = toTargetGroup({ ...common, port: 8080, protocol: 'HTTP', vpcIdentifier: 'vpc-1' }, 'us-east-1');
    const got = toTargetGroup(
      { ...common, config: { port: 8080, protocol: 'HTTP', vpcIdentifier: 'vpc-1' } },
      'us-east-1',
    );
    expect(got).toEqual(listed);
    expect(listed).toMatchObject({ accountId: '222222222222', port: 8080, vpcId: 'vpc-1', serviceArns: ['a', 'b'] });
    expect(toTargetGroup({ arn: tgArn, id: 'x', type: 'SOMETHING_NEW' as 'IP' }, 'us-east-1')?.type).toBe('IP');
  });

  it('keeps the association counts of a listed network as the viewer saw it', () => {
    const n = toNetworkSummary(
      {
        arn: 'arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdefg',
        id: 'sn-0123456789abcdefg',
        name: 'core',
        numberOfAssociatedServices: 0,
        numberOfAssociatedVPCs: 2,
      },
      'us-east-1',
      '222222222222',
    );
    expect(n).toMatchObject({
      services: 0,
      vpcs: 2,
      network: { accountId: '111111111111', visibleTo: ['222222222222'] },
    });
  });

  it('reads an unknown target status as UNAVAILABLE and drops targets without id', () => {
    expect(mapDefined([{ id: 'i-1', status: 'WEIRD' as 'HEALTHY' }, { status: 'HEALTHY' }], toTarget)).toEqual([
      { id: 'i-1', status: 'UNAVAILABLE' },
    ]);
  });

  it('reads an auth policy, with nothing when the resource has none', () => {
    expect(toAuthPolicy({})).toEqual({});
    expect(toAuthPolicy({ policy: '{}', state: 'Active', lastUpdatedAt: new Date(0) })).toEqual({
      policy: '{}',
      state: 'Active',
      lastUpdatedAt: '1970-01-01T00:00:00.000Z',
    });
  });
});
