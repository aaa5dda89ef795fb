import { describe, expect, it } from 'vitest';
import { buildGraph } from './build';
import { EMPTY_FILTER, hasErrors, isFilterActive, matchNodes, networkReach, type GraphFilter } from './filter';
import { DEMO, HUB, PAY, demoLike } from './testing/fixtures';
import type { TrafficOverlay } from './traffic';

const g = buildGraph(demoLike());
const f = (over: Partial<GraphFilter>): GraphFilter => ({ ...EMPTY_FILTER, ...over });
const ids = (s: Set<string>) => [...s].filter((id) => !id.includes('#target/')).sort();

describe('matchNodes', () => {
  it('matches everything without criteria', () => {
    expect(isFilterActive(EMPTY_FILTER)).toBe(false);
    expect(matchNodes(g, EMPTY_FILTER).size).toBe(g.nodes.length);
  });

  it('matches every word of the text in name, ARN or id, case-insensitively', () => {
    expect(ids(matchNodes(g, f({ q: 'Payments-API' })))).toEqual([DEMO.paymentsApi, DEMO.v1, DEMO.v2].sort());
    expect(ids(matchNodes(g, f({ q: 'payments v2' })))).toEqual([DEMO.v2]);
    expect(ids(matchNodes(g, f({ q: DEMO.ledger })))).toEqual([DEMO.ledger]);
  });

  it('a target group matches when one of its targets does (search by IP)', () => {
    const m = matchNodes(g, f({ q: 'i-bad1' }));
    expect(m.has(DEMO.ledgerTg)).toBe(true);
  });

  it('filters by owner account', () => {
    const m = matchNodes(g, f({ accounts: [HUB] }));
    expect(ids(m)).toEqual([DEMO.identity, DEMO.mesh, DEMO.identityTg, 'vpc:vpc-0000000000000000a'].sort());
  });

  it('filters by network: the network and everything reached through it', () => {
    const reach = networkReach(g, [DEMO.mesh]);
    expect(reach.has('vpc:vpc-0000000000000000b')).toBe(true);
    expect(reach.has(DEMO.v2)).toBe(true);
    expect(reach.has(DEMO.webhooks)).toBe(false);
    expect(reach.has(DEMO.unusedTg)).toBe(false);
    expect(matchNodes(g, f({ networks: [DEMO.mesh], accounts: [PAY] })).has(DEMO.ledgerTg)).toBe(true);
  });

  it('filters by health and auth type', () => {
    expect(ids(matchNodes(g, f({ health: ['warn'] })))).toEqual([DEMO.reco, DEMO.recoTg].sort());
    expect(ids(matchNodes(g, f({ auth: ['AWS_IAM'] })))).toEqual([DEMO.mesh, DEMO.paymentsApi].sort());
  });

  it('"has errors" covers red nodes, problems and 4xx/5xx traffic', () => {
    const traffic: TrafficOverlay = {
      window: '15m',
      startMs: 0,
      endMs: 1,
      services: {
        [DEMO.identity]: { requests: 10, c4xx: 0, c5xx: 2, c403: 0 },
        [DEMO.paymentsApi]: { requests: 10, c4xx: 0, c5xx: 0, c403: 0 },
      },
      targetGroups: {},
      routes: {},
      sources: [],
    };
    const m = matchNodes(g, f({ errors: true }), traffic);
    expect(m.has(DEMO.identity)).toBe(true);
    expect(m.has(DEMO.ledger)).toBe(true);
    expect(m.has(DEMO.ledgerTg)).toBe(true);
    expect(m.has(DEMO.paymentsApi)).toBe(false);
    expect(hasErrors(g.nodes.find((n) => n.id === DEMO.identity)!)).toBe(false);
  });

  it('combines criteria with AND', () => {
    expect(ids(matchNodes(g, f({ q: 'ledger', health: ['ok'] })))).toEqual([]);
    expect(ids(matchNodes(g, f({ q: 'ledger', health: ['error'] })))).toEqual([DEMO.ledger, DEMO.ledgerTg].sort());
  });

  it('filters by who manages it (services and target groups, from their owner), and names it in search', () => {
    const snap = demoLike();
    const eks = {
      kind: 'eks' as const,
      cluster: 'shop-eks',
      route: { kind: 'HTTPRoute', namespace: 'pay', name: 'api' },
    };
    for (const s of snap.services) if (s.arn === DEMO.paymentsApi) s.owner = eks;
    for (const t of snap.targetGroups)
      if (t.arn === DEMO.v2) t.owner = { kind: 'cloudformation', stackName: 'pay-stack' };
    const owned = buildGraph(snap);
    expect(isFilterActive(f({ owners: ['eks'] }))).toBe(true);
    expect(ids(matchNodes(owned, f({ owners: ['eks'] })))).toEqual([DEMO.paymentsApi]);
    expect(ids(matchNodes(owned, f({ owners: ['eks', 'cloudformation'] })))).toEqual(
      [DEMO.paymentsApi, DEMO.v2].sort(),
    );
    const none = matchNodes(owned, f({ owners: ['none'] }));
    expect(none.has(DEMO.v1)).toBe(true);
    expect(none.has(DEMO.paymentsApi) || none.has(DEMO.v2) || none.has(DEMO.mesh)).toBe(false);
    expect(ids(matchNodes(owned, f({ q: 'pay/api' })))).toEqual([DEMO.paymentsApi]);
    expect(ids(matchNodes(owned, f({ q: 'pay-stack' })))).toEqual([DEMO.v2]);
    expect(owned.nodes.find((n) => n.id === DEMO.paymentsApi)?.owner).toEqual(eks);
  });
});
