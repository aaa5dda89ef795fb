import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { describe, expect, it } from 'vitest';
import { buildGraph } from './build';
import { collapseGraph } from './collapse';
import { components, layoutGraph, shapeOf, type ElkLike, type LayoutResult } from './elkLayout';
import { columnX, NODE_SIZE, toLayoutInput } from './layoutInput';
import { fleetSnapshot } from './testing/fleet';
import { DEMO, demoLike } from './testing/fixtures';
import type { GraphNode } from './types';

const elk = new ELK();
const counting = (): ElkLike & { calls: number } => {
  const c = { calls: 0, layout: (g: ElkNode) => ((c.calls += 1), elk.layout(g)) };
  return c;
};

function overlaps(nodes: GraphNode[], r: LayoutResult): string[] {
  const boxes = nodes.map((n) => ({ id: n.id, ...r.positions[n.id]!, ...NODE_SIZE[n.kind] }));
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) out.push(`${a.id} × ${b.id}`);
    }
  return out;
}

describe('layoutGraph', () => {
  const g = buildGraph(demoLike());
  const v = collapseGraph(g, { expanded: new Set([DEMO.ledgerTg]) });

  it('places every node, in its kind column, without overlaps', async () => {
    const r = await layoutGraph(toLayoutInput(v), elk);
    const cols = columnX();
    for (const n of v.nodes) expect(r.positions[n.id]!.x - 20, n.id).toBe(cols[n.kind]);
    expect(overlaps(v.nodes, r)).toEqual([]);
  });

  it('stacks account boxes top to bottom, each holding its nodes', async () => {
    const r = await layoutGraph(toLayoutInput(v), elk);
    const boxes = v.groups.map((x) => r.groups[x.id]!);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.y).toBeGreaterThan(boxes[i - 1]!.y + boxes[i - 1]!.h);
    for (const n of v.nodes) {
      const box = r.groups[`account:${n.accountId}`]!;
      const p = r.positions[n.id]!;
      expect(p.y, n.id).toBeGreaterThanOrEqual(box.y);
      expect(p.y + NODE_SIZE[n.kind].h, n.id).toBeLessThanOrEqual(box.y + box.h);
      expect(p.x + NODE_SIZE[n.kind].w, n.id).toBeLessThanOrEqual(box.x + box.w);
    }
    expect(r.height).toBe(boxes.at(-1)!.y + boxes.at(-1)!.h);
  });

  it('gives an empty (unreachable) account a box of its own', async () => {
    const g2 = buildGraph(demoLike({ storefrontDenied: { code: 'ACCESS_DENIED', message: 'denied', retryable: false } }));
    const r = await layoutGraph(toLayoutInput(collapseGraph(g2, { expanded: new Set() })), elk);
    expect(r.groups['account:333333333333']!.h).toBeGreaterThan(0);
  });

  it('runs ELK once per component shape, and the shared layout still never overlaps', async () => {
    const fleet = collapseGraph(buildGraph(fleetSnapshot({ services: 40 })), { expanded: new Set() });
    const c = counting();
    const r = await layoutGraph(toLayoutInput(fleet), c);
    // Hub: one component through its networks; other accounts: 8 services of equal shape each.
    expect(c.calls).toBeLessThanOrEqual(3);
    expect(overlaps(fleet.nodes, r)).toEqual([]);
  });

  it('is deterministic and keyed by shape', async () => {
    const a = toLayoutInput(v);
    const b = toLayoutInput(collapseGraph(buildGraph(demoLike()), { expanded: new Set([DEMO.ledgerTg]) }));
    expect(a.key).toBe(b.key);
    expect(toLayoutInput(collapseGraph(g, { expanded: new Set() })).key).not.toBe(a.key);
    expect(await layoutGraph(a, elk)).toEqual(await layoutGraph(b, elk));
  });
});

describe('components and shapes', () => {
  it('splits an account into connected components and names equal shapes equally', () => {
    const input = toLayoutInput(collapseGraph(buildGraph(fleetSnapshot({ services: 10, networks: 1 })), { expanded: new Set() }));
    const member = input.groups[1]!;
    // Two services with their target groups, and the account's VPC (its network is in the hub).
    const all = components(member);
    expect(all.map((c) => c.nodes.length).sort()).toEqual([1, 4, 4]);
    const comps = all.filter((c) => c.nodes.length === 4);
    expect(comps.every((c) => c.nodes.length === 4)).toBe(true);
    expect(shapeOf(comps[0]!).signature).toBe(shapeOf(comps[1]!).signature);
    expect(shapeOf(comps[0]!).signature).not.toBe(shapeOf({ id: 'x', nodes: comps[0]!.nodes, edges: [] }).signature);
  });
});
