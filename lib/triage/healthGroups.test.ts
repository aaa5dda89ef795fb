/** Which groups' health a refresh reads: known trouble, traffic, then (light scope) every group, capped. */
import { describe, expect, it } from 'vitest';
import { emptySnapshot, type Snapshot, type TargetGroup } from '../domain/snapshot';
import { healthGroups, MAX_HEALTH_READS } from './gatherFresh';

const tgArn = (account: string, i: number) =>
  `arn:aws:vpc-lattice:us-east-1:${account}:targetgroup/tg-${String(i).padStart(17, '0')}`;

function world(perAccount: Record<string, number>): Snapshot {
  const groups: TargetGroup[] = Object.entries(perAccount).flatMap(([account, n]) =>
    Array.from({ length: n }, (_, i) => ({
      arn: tgArn(account, i),
      id: `tg-${i}`,
      accountId: account,
      region: 'us-east-1',
      name: `g${i}`,
      type: 'IP' as const,
      serviceArns: [],
    })),
  );
  return { ...emptySnapshot(1), targetGroups: groups };
}

describe('healthGroups', () => {
  it('reads the groups down in the inventory, then those with traffic; idle healthy ones are not read', () => {
    const s = world({ '111111111111': 4 });
    s.targets[tgArn('111111111111', 2)] = [{ id: '10.0.0.1', status: 'UNHEALTHY', reasonCode: 'HealthCheckFailed' }];
    expect(healthGroups(s, [tgArn('111111111111', 0)])).toEqual([tgArn('111111111111', 2), tgArn('111111111111', 0)]);
  });

  it('puts groups this process last saw down first, and never reads an ARN the scope does not list', () => {
    const s = world({ '111111111111': 3 });
    const gone = tgArn('999999999999', 1);
    expect(healthGroups(s, [tgArn('111111111111', 0)], { knownDown: [tgArn('111111111111', 2), gone] })).toEqual([
      tgArn('111111111111', 2),
      tgArn('111111111111', 0),
    ]);
  });

  it('on the light scope reads every group, the accounts in turn, at most MAX_HEALTH_READS', () => {
    const s = world({ '111111111111': 300, '222222222222': 2, '333333333333': 150 });
    const picked = healthGroups(s, [tgArn('333333333333', 149)], { everyGroup: true });
    expect(picked).toHaveLength(MAX_HEALTH_READS);
    expect(picked.slice(0, 6)).toEqual([
      tgArn('333333333333', 149),
      tgArn('111111111111', 0),
      tgArn('222222222222', 0),
      tgArn('333333333333', 0),
      tgArn('111111111111', 1),
      tgArn('222222222222', 1),
    ]);
    const of = (account: string) => picked.filter((a) => a.includes(`:${account}:`)).length;
    expect([of('111111111111'), of('222222222222'), of('333333333333')]).toEqual([99, 2, 99]);
  });

  it('reads every group of a small world on the light scope', () => {
    const s = world({ '111111111111': 3, '222222222222': 1 });
    expect(healthGroups(s, [], { everyGroup: true }).sort()).toEqual(s.targetGroups.map((g) => g.arn).sort());
  });
});
