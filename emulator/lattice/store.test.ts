import { describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock';
import { buildScenario } from '../scenarios';
import { EmulatorState } from '../state';
import { LatticeStore } from './store';

const START = Date.UTC(2026, 0, 1);

async function demo() {
  return buildScenario('demo', 7, new ManualClock(START), {});
}

describe('LatticeStore persistence', () => {
  it('round-trips every resource, policy, share, idempotency record and forced status through JSON', async () => {
    const state = await demo();
    state.lattice.idempotency.set('k', {
      fingerprint: 'f',
      resourceArn: 'arn',
      resourceType: 'SERVICE',
      output: { id: 'svc-x' },
    });
    state.lattice.quotas.listenersPerService = 3;
    const json = JSON.parse(JSON.stringify(state.lattice.toJSON())) as ReturnType<LatticeStore['toJSON']>;
    const copy = LatticeStore.fromJSON(json);
    expect(copy.toJSON()).toEqual(state.lattice.toJSON());
    // 15 services with traffic, plus card-vault (TLS passthrough), statements (CloudFormation) and
    // inventory-shop (EKS).
    expect(copy.all('service')).toHaveLength(18);
    // Two networks, and the orders-db resource configuration (shared with storefront).
    expect(copy.shares.size).toBe(3);
    expect(copy.all('resourceconfiguration').map((r) => r.status)).toEqual(['ACTIVE', 'UPDATE_FAILED']);
    expect(copy.quotas.listenersPerService).toBe(3);
    const statuses = copy.targetGroups().flatMap((tg) => copy.targetsOf(tg.id, START).map((t) => t.status));
    expect(new Set(statuses)).toEqual(new Set(['HEALTHY', 'UNHEALTHY', 'DRAINING', 'INITIAL', 'UNAVAILABLE']));
  });

  it('survives a whole-world save and load (EmulatorState)', async () => {
    const state = await demo();
    const reloaded = EmulatorState.fromJSON(JSON.parse(JSON.stringify(state.toJSON())), new ManualClock(START));
    expect(reloaded.lattice.toJSON()).toEqual(state.lattice.toJSON());
    // The whole demo state is ~49 MB of JSON (its access logs): seconds alone, more on a loaded machine.
  }, 120_000);

  it('accepts an empty (pre-Lattice) saved state', () => {
    expect(LatticeStore.fromJSON({}).all('service')).toEqual([]);
  });
});

describe('LatticeStore read API', () => {
  it('describes services with owner, auth and networks, and networks with their associations', async () => {
    const { lattice } = await demo();
    const refunds = lattice.serviceViews('us-east-1').find((v) => v.service.name === 'refunds')!;
    expect(refunds.ownerAccountId).toBe('222222222222');
    expect(refunds.authType).toBe('AWS_IAM');
    expect(refunds.authPolicy?.state).toBe('Active');
    expect(JSON.parse(refunds.authPolicy!.policy).Statement[0].Principal.AWS).toEqual([
      'arn:aws:iam::333333333333:role/checkout',
    ]);
    expect(refunds.networks.map((n) => n.name)).toEqual(['prod-mesh']);
    const mesh = lattice.networkViews().find((v) => v.network.name === 'prod-mesh')!;
    expect(mesh.authPolicy?.state).toBe('Active');
    expect(mesh.vpcAssociations.map((a) => a.accountId).sort()).toEqual([
      '111111111111',
      '222222222222',
      '333333333333',
    ]);
    expect(lattice.accessLogSubscriptionsOf(mesh.network.arn).map((s) => s.destinationArn)).toEqual([
      'arn:aws:logs:us-east-1:111111111111:log-group:/aws/vpc-lattice/prod-mesh',
    ]);
  });

  it('lists rules in evaluation order and evaluates requests against them', async () => {
    const { lattice } = await demo();
    const api = lattice.serviceViews().find((v) => v.service.name === 'payments-api')!;
    const [view] = lattice.listenerViews(api.service.id);
    expect(view!.rules.map((r) => r.name)).toEqual(['debug-header', 'refund-post', 'v2-canary', 'default']);
    expect(view!.defaultAction.forward?.targetGroups).toHaveLength(1);
    expect(lattice.evaluate(view!.listener.id, { method: 'GET', path: '/v2/charge', headers: {} })?.name).toBe(
      'v2-canary',
    );
    expect(lattice.evaluate(view!.listener.id, { method: 'GET', path: '/v1', headers: {} })?.isDefault).toBe(true);
  });

  it('forces and releases target statuses', async () => {
    const { lattice } = await demo();
    const tg = lattice.targetGroups().find((t) => t.name === 'catalog-tg')!;
    const [first] = lattice.targetsOf(tg.id, START);
    expect(first!.status).toBe('HEALTHY');
    expect(lattice.setTargetStatus(tg.id, first!.id, 'UNHEALTHY', 'Target.Timeout')).toBe(1);
    expect(lattice.targetsOf(tg.id, START)[0]).toMatchObject({ status: 'UNHEALTHY', reasonCode: 'Target.Timeout' });
    expect(lattice.clearTargetStatus(tg.id, first!.id)).toBe(1);
    expect(lattice.targetsOf(tg.id, START)[0]!.status).toBe('HEALTHY');
  });

  it('is deterministic under the seed', async () => {
    const a = await buildScenario('demo', 3, new ManualClock(START), {});
    const b = await buildScenario('demo', 3, new ManualClock(START), {});
    expect(a.lattice.toJSON()).toEqual(b.lattice.toJSON());
  });
});
