import { describe, expect, it } from 'vitest';
import { buildGraph } from './build';
import { collapseGraph, MAX_EXPANDED_TARGETS } from './collapse';
import { fleetSnapshot } from './testing/fleet';
import { DEMO, SHOP, demoLike } from './testing/fixtures';

const g = buildGraph(demoLike());

describe('collapseGraph', () => {
  it('folds targets into their target group by default', () => {
    const v = collapseGraph(g, { expanded: new Set() });
    expect(v.nodes.some((n) => n.kind === 'target')).toBe(false);
    expect(v.edges.some((e) => e.kind === 'target')).toBe(false);
    expect(v.nodes.filter((n) => n.kind === 'targetGroup')).toHaveLength(6);
    expect(v.groups).toHaveLength(3);
  });

  it('draws the targets of an expanded target group, with their edges', () => {
    const v = collapseGraph(g, { expanded: new Set([DEMO.ledgerTg]) });
    const targets = v.nodes.filter((n) => n.kind === 'target');
    expect(targets.map((t) => t.label).sort()).toEqual(['10.2.2.1:8080', '10.2.2.2:8080', 'i-bad1', 'i-bad2']);
    expect(v.edges.filter((e) => e.kind === 'target' && e.source === DEMO.ledgerTg)).toHaveLength(4);
  });

  it('draws only the given nodes in hide mode, and no edge to a hidden node', () => {
    const only = new Set([DEMO.paymentsApi, DEMO.v1]);
    const v = collapseGraph(g, { expanded: new Set(), only });
    expect(v.nodes.map((n) => n.id).sort()).toEqual([...only].sort());
    expect(v.edges.map((e) => [e.source, e.target])).toEqual([[DEMO.paymentsApi, DEMO.v1]]);
    expect(v.groups.map((x) => x.name)).toEqual(['payments']);
  });

  it('keeps the targets of an expanded group that is drawn when hiding', () => {
    const v = collapseGraph(g, { expanded: new Set([DEMO.ledgerTg, DEMO.v1]), only: new Set([DEMO.ledgerTg]) });
    expect(v.nodes.filter((n) => n.kind === 'target')).toHaveLength(4);
    expect(v.edges.filter((e) => e.kind === 'target')).toHaveLength(4);
  });

  it('keeps an unreachable account box even when hiding', () => {
    const g2 = buildGraph(
      demoLike({ storefrontDenied: { code: 'ACCESS_DENIED', message: 'denied', retryable: false } }),
    );
    const v = collapseGraph(g2, { expanded: new Set(), only: new Set([DEMO.paymentsApi]) });
    expect(v.groups.map((x) => x.accountId)).toContain(SHOP);
  });

  it('caps an expanded big target group, worst targets first, and says how many are left out', () => {
    const big = buildGraph(fleetSnapshot({ services: 1, tgsPerService: 1, targetsPerTg: MAX_EXPANDED_TARGETS + 40 }));
    const tg = big.nodes.find((n) => n.kind === 'targetGroup')!.id;
    const v = collapseGraph(big, { expanded: new Set([tg]) });
    const targets = v.nodes.filter((n) => n.kind === 'target');
    expect(targets).toHaveLength(MAX_EXPANDED_TARGETS);
    expect(targets.slice(0, 2).every((t) => t.health === 'error')).toBe(true);
    expect(v.truncated[tg]).toBe(40);
  });
});
