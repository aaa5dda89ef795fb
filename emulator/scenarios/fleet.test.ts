import { describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock';
import { ControlError } from '../control/router';
import type { ResourceKind } from '../lattice/types';
import { buildScenario } from './index';
import { fleetParams } from './fleet';

const KINDS: ResourceKind[] = [
  'servicenetwork',
  'service',
  'listener',
  'rule',
  'targetgroup',
  'servicenetworkserviceassociation',
  'servicenetworkvpcassociation',
  'accesslogsubscription',
  'resourcegateway',
  'resourceconfiguration',
  'servicenetworkresourceassociation',
];

async function world(params: Record<string, unknown>, seed = 7) {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const state = await buildScenario('fleet', seed, clock, params);
  const arns = Object.fromEntries(
    KINDS.map((k) => [
      k,
      state.lattice
        .all(k)
        .map((r) => r.arn)
        .sort(),
    ]),
  );
  const targets = state.lattice
    .all('targetgroup')
    .flatMap((tg) => state.lattice.targetsOf(tg.id, clock.now()).map((t) => `${tg.arn} ${t.id} ${t.status}`));
  return { state, arns, targets };
}

describe('fleet scenario', () => {
  it('builds by default 5 accounts, 600 services, 1,800 target groups, 18,000 targets, varied health', async () => {
    const { state, arns, targets } = await world({});
    expect([...state.iam.accounts.keys()].slice(0, 3)).toEqual(['111111111111', '222222222222', '333333333333']);
    expect(state.iam.accounts.size).toBe(5);
    expect(arns.service).toHaveLength(600);
    expect(arns.targetgroup).toHaveLength(1800);
    expect(targets).toHaveLength(18_000);
    const statuses = new Set(targets.map((t) => t.split(' ')[2]));
    for (const s of ['HEALTHY', 'UNHEALTHY', 'DRAINING', 'INITIAL']) expect(statuses).toContain(s);
    expect(statuses).not.toContain('UNUSED');
    // Shared meshes reach every account; every account owns services.
    const owners = new Set(state.lattice.all('service').map((s) => s.accountId));
    expect(owners.size).toBe(5);
    for (const sn of state.lattice.all('servicenetwork').filter((n) => n.accountId === '111111111111'))
      expect(state.lattice.sharedWith(sn.arn)).toHaveLength(4);
    expect(arns.listener!.length).toBeGreaterThan(600);
    expect(arns.rule!.length).toBeGreaterThan(arns.listener!.length);
    expect(arns.accesslogsubscription!.length).toBeGreaterThan(0);
    // Resource configurations in proportion (one per ten services), each in a mesh, a gateway per account.
    expect(arns.resourcegateway).toHaveLength(5);
    expect(arns.resourceconfiguration).toHaveLength(60);
    expect(arns.servicenetworkresourceassociation).toHaveLength(60);
    expect(new Set(state.lattice.all('resourceconfiguration').map((r) => r.accountId)).size).toBe(5);
  });

  it('is deterministic under the seed and honours its params', async () => {
    const params = { accounts: 4, services: 40, targetGroups: 100, targets: 700, resourceConfigurations: 9 };
    const a = await world(params, 3);
    const b = await world(params, 3);
    expect(b.arns).toEqual(a.arns);
    expect(b.targets).toEqual(a.targets);
    expect(a.arns.service).toHaveLength(40);
    expect(a.arns.targetgroup).toHaveLength(100);
    expect(a.targets).toHaveLength(700);
    expect(a.arns.resourceconfiguration).toHaveLength(9);
    const c = await world(params, 4);
    expect(c.arns.service).not.toEqual(a.arns.service);
  });

  it('refuses params it cannot build with a 400 naming the problem', () => {
    expect(() => fleetParams({ services: 10, targetGroups: 200 })).toThrow(ControlError);
    expect(() => fleetParams({ targets: 10_000_000 })).toThrow(/targets/);
    expect(() => fleetParams({ size: 3 })).toThrow(/size/);
  });
});
