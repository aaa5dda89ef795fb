import { describe, expect, it } from 'vitest';
import { buildGraph } from './build';
import type { Finding } from '../triage/types';
import { applyFindings } from './findings';
import { buildOverview, OVERVIEW_MIN_NODES, TILE_SERVICES, wantsOverview } from './overview';
import { fleetSnapshot } from './testing/fleet';
import { DEMO, HUB, PAY, demoLike } from './testing/fixtures';
import type { TrafficOverlay } from './traffic';

describe('wantsOverview', () => {
  it('keeps the full view for the demo and opens the fleet on the overview', () => {
    expect(wantsOverview(buildGraph(demoLike()))).toBe(false);
    const fleet = buildGraph(fleetSnapshot());
    expect(fleet.nodes.length).toBeGreaterThan(OVERVIEW_MIN_NODES);
    expect(wantsOverview(fleet)).toBe(true);
  });

  it('counts cards, not the targets folded into their groups', () => {
    const g = buildGraph(fleetSnapshot({ services: 30, tgsPerService: 1, targetsPerTg: 40, networks: 1 }));
    expect(g.nodes.filter((n) => n.kind === 'target').length).toBeGreaterThan(OVERVIEW_MIN_NODES);
    expect(wantsOverview(g)).toBe(false);
  });
});

describe('buildOverview', () => {
  const fleet = buildGraph(fleetSnapshot({ services: 100, tgsPerService: 2, targetsPerTg: 2, networks: 3 }));

  it('has every account, with the networks it owns as tiles', () => {
    const o = buildOverview(fleet);
    expect(o.accounts.map((a) => a.group.accountId)).toEqual(fleet.groups.map((g) => g.accountId));
    const hub = o.accounts.find((a) => a.group.accountId === HUB)!;
    expect(hub.tiles.filter((t) => t.kind === 'network').map((t) => t.label)).toEqual(['mesh-1', 'mesh-2', 'mesh-3']);
    expect(o.totalNodes).toBe(fleet.nodes.length);
  });

  it('rolls services up per network: counts by health that add up, worst first on the tile', () => {
    const o = buildOverview(fleet);
    for (const t of o.accounts.flatMap((a) => a.tiles)) {
      const h = t.rollup.health;
      expect(h.error + h.warn + h.ok + h.unknown).toBe(t.rollup.services);
      expect(t.top.length).toBe(Math.min(TILE_SERVICES, t.rollup.services));
      if (h.error > 0) expect(t.top[0]!.health).toBe('error');
      if (h.error > 0) expect(t.health).toBe('error');
    }
    const inNetworks = new Set(fleet.edges.filter((e) => e.kind === 'serviceAssociation').map((e) => e.target));
    const networkTiles = o.accounts.flatMap((a) => a.tiles).filter((t) => t.kind === 'network');
    expect(networkTiles.reduce((n, t) => n + t.rollup.services, 0)).toBeGreaterThanOrEqual(inNetworks.size);
  });

  it('counts findings on services and their target groups, and traffic per network', () => {
    const g = buildGraph(demoLike());
    const f: Finding = {
      id: 'error-rate v2',
      kind: 'error-rate',
      severity: 'high',
      title: 'payments-api-v2: 27 % 5xx',
      detail: '27 % vs 0.4 % baseline',
      where: { accountId: PAY, region: 'us-east-1', serviceArn: DEMO.paymentsApi, targetGroupArn: DEMO.v2 },
      onset: '2026-12-03T07:15:00Z',
      asOf: '2026-12-03T07:19:00Z',
      score: 1,
    };
    const withFindings = applyFindings(g, [f]);
    const traffic = {
      services: { [DEMO.paymentsApi]: { requests: 100, c4xx: 0, c5xx: 7, c403: 0 } },
    } as unknown as TrafficOverlay;
    const o = buildOverview(withFindings, traffic);
    const mesh = o.accounts.flatMap((a) => a.tiles).find((t) => t.id === DEMO.mesh)!;
    expect(mesh.rollup.requests).toBe(100);
    expect(mesh.rollup.c5xx).toBe(7);
    expect(mesh.rollup.findings).toBe(1);
    expect(
      buildOverview(g, traffic)
        .accounts.flatMap((a) => a.tiles)
        .find((t) => t.id === DEMO.mesh)!.rollup.findings,
    ).toBe(0);
    const pay = o.accounts.find((a) => a.group.accountId === PAY)!;
    expect(pay.rollup.requests).toBe(100);
  });

  it('names an unreachable account failing and gives it no tile', () => {
    const g = buildGraph(demoLike({ storefrontDenied: { code: 'ACCESS_DENIED', message: 'no', retryable: false } }));
    const o = buildOverview(g);
    const shop = o.accounts.find((a) => !a.group.reachable)!;
    expect(shop.health).toBe('error');
    expect(shop.tiles).toEqual([]);
  });
});
