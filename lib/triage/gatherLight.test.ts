/** Which services' routes a light (cold) report reads: those of failing groups with traffic and of canaries. */
import { describe, expect, it } from 'vitest';
import { emptySnapshot, type Target, type TargetGroup } from '../domain/snapshot';
import { routeServices } from './gatherLight';
import { addTg, emptyFolded, flat } from './testing';

const P = 'arn:aws:vpc-lattice:us-east-1:111111111111';
const group = (name: string, service: string): TargetGroup => ({
  arn: `${P}:targetgroup/tg-${name}`,
  id: `tg-${name}`,
  accountId: '111111111111',
  region: 'us-east-1',
  name,
  type: 'IP',
  serviceArns: [`${P}:service/svc-${service}`],
});
const down: Target[] = [{ id: '10.0.0.1', port: 80, status: 'UNHEALTHY', reasonCode: 'HealthCheckFailed' }];

describe('routeServices', () => {
  const busy = group('busy', 'a');
  const idle = group('idle', 'b');
  const snapshot = { ...emptySnapshot(), targetGroups: [busy, idle] };
  const health = { [busy.arn]: down, [idle.arn]: down };

  it('reads the routes of a failing group with traffic, not of an idle one (named once the inventory is in)', () => {
    const folded = emptyFolded();
    addTg(folded, busy.arn, busy.serviceArns[0]!, { requests: flat(10) });
    expect(routeServices(snapshot, health, folded, [])).toEqual(busy.serviceArns);
  });

  it('without the logs (their query failed) it reads the routes of every failing group', () => {
    expect(routeServices(snapshot, health, undefined, [])).toEqual([...busy.serviceArns, ...idle.serviceArns]);
  });

  it('healthy groups need no routes', () => {
    const ok = { [busy.arn]: [{ ...down[0]!, status: 'HEALTHY' as const }] };
    expect(routeServices(snapshot, ok, emptyFolded(), [])).toEqual([]);
  });
});
