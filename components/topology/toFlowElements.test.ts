import { describe, expect, it } from 'vitest';
import { buildGraph } from '@/lib/graph/build';
import { collapseGraph } from '@/lib/graph/collapse';
import type { LayoutResult } from '@/lib/graph/elkLayout';
import { DEMO, demoLike } from '@/lib/graph/testing/fixtures';
import type { TrafficOverlay } from '@/lib/graph/traffic';
import { edgeLook } from './edges/edgeStyle';
import { compact, ago } from './nodes/format';
import { newFlowCache, toFlowElements, type FlowInputs } from './toFlowElements';
import { graphBounds } from './viewport';

const visible = collapseGraph(buildGraph(demoLike()), { expanded: new Set() });
const layout: LayoutResult = {
  key: 'k',
  positions: Object.fromEntries(visible.nodes.map((n, i) => [n.id, { x: 10 * i, y: 20 * i }])),
  groups: Object.fromEntries(visible.groups.map((g, i) => [g.id, { x: 0, y: 1000 * i, w: 900, h: 800 }])),
  width: 900,
  height: 3000,
};
const traffic: TrafficOverlay = {
  window: '15m',
  startMs: 0,
  endMs: 1,
  services: { [DEMO.paymentsApi]: { requests: 100, c4xx: 2, c5xx: 9, c403: 1 } },
  targetGroups: {},
  routes: { [`${DEMO.paymentsApi}->${DEMO.v1}`]: { requests: 100, c4xx: 0, c5xx: 9, c403: 0 } },
  sources: [],
};
const inputs: FlowInputs = {
  visible,
  layout,
  matches: undefined,
  traffic: undefined,
  selected: undefined,
  expanded: new Set(),
};

describe('toFlowElements', () => {
  it('gives every node its size, handles and position, account boxes first and behind', () => {
    const { nodes, edges } = toFlowElements(inputs, newFlowCache());
    expect(nodes.slice(0, 3).map((n) => n.type)).toEqual(['account', 'account', 'account']);
    expect(nodes[0]).toMatchObject({ zIndex: -1, selectable: false, focusable: false });
    const svc = nodes.find((n) => n.id === DEMO.paymentsApi)!;
    expect(svc).toMatchObject({
      type: 'service',
      width: 240,
      height: 76,
      measured: { width: 240, height: 76 },
      draggable: false,
    });
    expect(svc.handles).toHaveLength(2);
    expect(edges.length).toBe(visible.edges.length);
  });

  it('reuses unchanged elements and replaces only what changed', () => {
    const cache = newFlowCache();
    const a = toFlowElements(inputs, cache);
    const b = toFlowElements({ ...inputs, selected: DEMO.ledger, traffic }, cache);
    const same = (id: string) => a.nodes.find((n) => n.id === id) === b.nodes.find((n) => n.id === id);
    expect(same(DEMO.identity)).toBe(true);
    expect(same(DEMO.ledger)).toBe(false);
    expect(same(DEMO.paymentsApi)).toBe(false);
    expect(b.nodes.find((n) => n.id === DEMO.ledger)!.selected).toBe(true);
    // Edges change when traffic data arrives (their width now means requests).
    expect(b.edges.find((e) => e.id === `${DEMO.paymentsApi}->${DEMO.v1}`)!.data!.traffic!.c5xx).toBe(9);
  });

  it('dims what does not match an active filter and highlights what does', () => {
    const { nodes, edges } = toFlowElements(
      { ...inputs, matches: new Set([DEMO.paymentsApi, DEMO.v1]) },
      newFlowCache(),
    );
    const data = (id: string) => nodes.find((n) => n.id === id)!.data as { dimmed: boolean; matched: boolean };
    expect(data(DEMO.paymentsApi)).toMatchObject({ dimmed: false, matched: true });
    expect(data(DEMO.ledger)).toMatchObject({ dimmed: true, matched: false });
    expect(edges.find((e) => e.id === `${DEMO.paymentsApi}->${DEMO.v1}`)!.data!.dimmed).toBe(false);
    expect(edges.find((e) => e.id === `${DEMO.paymentsApi}->${DEMO.v2}`)!.data!.dimmed).toBe(true);
  });

  it('skips nodes the current layout does not place yet', () => {
    const partial = { ...layout, positions: { [DEMO.paymentsApi]: { x: 0, y: 0 } } };
    const { nodes, edges } = toFlowElements({ ...inputs, layout: partial }, newFlowCache());
    expect(nodes.filter((n) => n.type !== 'account').map((n) => n.id)).toEqual([DEMO.paymentsApi]);
    expect(edges).toEqual([]);
  });
});

describe('edgeLook', () => {
  const route = visible.edges.find((e) => e.id === `${DEMO.paymentsApi}->${DEMO.v2}`)!;
  it('without traffic: width by share, dashed at 0%', () => {
    expect(edgeLook(route, undefined, false).width).toBeCloseTo(1.25 + 0.3);
    expect(edgeLook({ ...route, share: 0 }, undefined, false).dashed).toBe(true);
  });
  it('with traffic: red at ≥5% 5xx, amber with some errors, green otherwise; wider with more requests', () => {
    expect(edgeLook(route, { requests: 100, c4xx: 0, c5xx: 9, c403: 0 }, true).stroke).toBe('#c62828');
    expect(edgeLook(route, { requests: 100, c4xx: 30, c5xx: 0, c403: 30 }, true).stroke).toBe('#c77c02');
    expect(edgeLook(route, { requests: 100, c4xx: 0, c5xx: 0, c403: 0 }, true).stroke).toBe('#2f7d4f');
    expect(edgeLook(route, { requests: 10_000, c4xx: 0, c5xx: 0, c403: 0 }, true).width).toBeGreaterThan(
      edgeLook(route, { requests: 10, c4xx: 0, c5xx: 0, c403: 0 }, true).width,
    );
  });
});

describe('formats and bounds', () => {
  it('compacts counts and says how old data is', () => {
    expect([compact(999), compact(1234), compact(56_000), compact(2_500_000)]).toEqual(['999', '1.2k', '56k', '2.5M']);
    expect([ago(0, 5_000), ago(0, 42_000), ago(0, 3 * 60_000), ago(0, 2 * 3600_000)]).toEqual([
      'just now',
      '42 s ago',
      '3 min ago',
      '2 h ago',
    ]);
  });
  it('bounds nodes with their sizes', () => {
    expect(
      graphBounds([
        { position: { x: 10, y: 20 }, width: 100, height: 50 },
        { position: { x: -5, y: 0 }, width: 10, height: 10 },
      ]),
    ).toEqual({ x: -5, y: 0, width: 115, height: 70 });
  });
});
