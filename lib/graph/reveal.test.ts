import { describe, expect, it } from 'vitest';
import { buildGraph } from './build';
import { focusIds, nearestServices, revealSet } from './reveal';
import { DEMO, demoLike } from './testing/fixtures';

const g = buildGraph(demoLike());
const kindOf = (id: string) => g.nodes.find((n) => n.id === id)?.kind;

describe('revealSet', () => {
  it('is empty when nothing asks for detail', () => {
    expect(revealSet(g, { networks: [], nodes: [] }).size).toBe(0);
  });

  it('brings an expanded network with its VPCs, services and their target groups', () => {
    const r = revealSet(g, { networks: [DEMO.mesh], nodes: [] });
    expect(r.has(DEMO.mesh)).toBe(true);
    expect(r.has(DEMO.paymentsApi)).toBe(true);
    expect(r.has(DEMO.v1)).toBe(true);
    expect(r.has(DEMO.v2)).toBe(true);
    expect([...r].some((id) => kindOf(id) === 'vpc')).toBe(true);
    expect([...r].some((id) => kindOf(id) === 'target')).toBe(false);
  });

  it('brings exactly a followed service: itself, its networks and its target groups', () => {
    const r = revealSet(g, { networks: [], nodes: [DEMO.paymentsApi] });
    expect([...r].sort()).toEqual([DEMO.mesh, DEMO.paymentsApi, DEMO.v1, DEMO.v2].sort());
  });

  it('brings a target group with the services routing to it and their networks', () => {
    const r = revealSet(g, { networks: [], nodes: [DEMO.v2] });
    expect(r.has(DEMO.paymentsApi)).toBe(true);
    expect(r.has(DEMO.mesh)).toBe(true);
    expect(r.has(DEMO.ledger)).toBe(false);
  });

  it('ignores ids that are not in the graph and networks that are not networks', () => {
    expect(revealSet(g, { networks: [DEMO.paymentsApi, 'arn:nope'], nodes: ['arn:gone'] }).size).toBe(0);
  });
});

describe('focusIds', () => {
  it('adds the target groups a service routes to, not a network’s services', () => {
    expect(focusIds(g, [DEMO.paymentsApi]).sort()).toEqual([DEMO.paymentsApi, DEMO.v1, DEMO.v2].sort());
    expect(focusIds(g, [DEMO.mesh])).toEqual([DEMO.mesh]);
  });
});

describe('nearestServices', () => {
  it('picks the network’s services drawn nearest to it, and nothing without a position', () => {
    const positions = {
      [DEMO.mesh]: { x: 0, y: 100 },
      [DEMO.paymentsApi]: { x: 300, y: 5_000 },
      [DEMO.identity]: { x: 300, y: 120 },
      [DEMO.ledger]: { x: 300, y: 400 },
    };
    const near = nearestServices(g, positions, DEMO.mesh, 2);
    expect(near).toEqual([DEMO.identity, DEMO.ledger]);
    expect(nearestServices(g, {}, DEMO.mesh, 2)).toEqual([]);
  });
});
