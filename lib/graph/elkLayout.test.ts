import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { describe, expect, it } from 'vitest';
import { buildGraph } from './build';
import { collapseGraph } from './collapse';
import { layoutGraph, type ElkLike, type LayoutResult } from './elkLayout';
import { components, toUnits, unitShape } from './layoutUnits';
import { columnX, NODE_SIZE, toLayoutInput } from './layoutInput';
import { fleetSnapshot } from './testing/fleet';
import { arn, DEMO, demoLike, HUB } from './testing/fixtures';
import type { GraphNode } from './types';

const elk = new ELK();
const counting = (): ElkLike & { calls: number } => {
  const c = {
    calls: 0,
    layout: (g: ElkNode) => {
      c.calls += 1;
      return elk.layout(g);
    },
  };
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
    const g2 = buildGraph(
      demoLike({ storefrontDenied: { code: 'ACCESS_DENIED', message: 'denied', retryable: false } }),
    );
    const r = await layoutGraph(toLayoutInput(collapseGraph(g2, { expanded: new Set() })), elk);
    expect(r.groups['account:333333333333']!.h).toBeGreaterThan(0);
  });

  it('runs ELK once per component shape, and the shared layout still never overlaps', async () => {
    const fleet = collapseGraph(buildGraph(fleetSnapshot({ services: 40 })), { expanded: new Set() });
    const c = counting();
    const r = await layoutGraph(toLayoutInput(fleet), c);
    // Hub: one component through its networks; in other accounts every service is one unit (no ELK run).
    expect(c.calls).toBeLessThanOrEqual(2);
    expect(overlaps(fleet.nodes, r)).toEqual([]);
  });

  it('asks ELK to order what has several parents (a service in two networks of its account)', async () => {
    const snap = demoLike();
    const second = arn.network(HUB, 2);
    snap.serviceNetworks.push({
      ...snap.serviceNetworks[0]!,
      arn: second,
      id: second.slice(-20),
      name: 'shared-services',
    });
    snap.serviceAssociations.push({ ...snap.serviceAssociations[0]!, arn: arn.sna(HUB, 9), serviceNetworkArn: second });
    const v2 = collapseGraph(buildGraph(snap), { expanded: new Set() });
    const c = counting();
    const r = await layoutGraph(toLayoutInput(v2), c);
    expect(c.calls).toBe(1);
    expect(overlaps(v2.nodes, r)).toEqual([]);
  });

  it('is deterministic and keyed by shape', async () => {
    const a = toLayoutInput(v);
    const b = toLayoutInput(collapseGraph(buildGraph(demoLike()), { expanded: new Set([DEMO.ledgerTg]) }));
    expect(a.key).toBe(b.key);
    expect(toLayoutInput(collapseGraph(g, { expanded: new Set() })).key).not.toBe(a.key);
    expect(await layoutGraph(a, elk)).toEqual(await layoutGraph(b, elk));
  });
});

describe('components, units and shapes', () => {
  it('splits an account into components and folds each service with its own target groups into one unit', () => {
    const input = toLayoutInput(
      collapseGraph(buildGraph(fleetSnapshot({ services: 10, networks: 1 })), { expanded: new Set() }),
    );
    const member = input.groups[1]!;
    // Two services with their target groups, and the account's VPC (its network is in the hub).
    const all = components(member);
    expect(all.map((c) => c.nodes.length).sort()).toEqual([1, 4, 4]);
    const comps = all.filter((c) => c.nodes.length === 4);
    const units = toUnits(comps[0]!);
    expect(units.units).toHaveLength(1);
    expect(units.units[0]!.members.map((m) => [m.kind, m.dy])).toEqual([
      ['service', 0],
      ['targetGroup', 0],
      ['targetGroup', 106],
      ['targetGroup', 212],
    ]);
    expect(unitShape(units)).toBe(unitShape(toUnits(comps[1]!)));
  });

  it('stacks single-parent chains beside their parent and leaves nodes with several parents to ELK', () => {
    const g = {
      id: 'g',
      nodes: [
        { id: 's1', kind: 'service' as const },
        { id: 's2', kind: 'service' as const },
        { id: 'shared', kind: 'targetGroup' as const },
        { id: 'open', kind: 'targetGroup' as const },
        { id: 'own', kind: 'targetGroup' as const },
        { id: 'x', kind: 'target' as const },
      ],
      edges: [
        ['s1', 'shared'],
        ['s2', 'shared'],
        ['s2', 'open'],
        ['open', 'x'],
        ['s2', 'own'],
      ] as Array<[string, string]>,
    };
    const u = toUnits(g);
    expect(u.units.map((x) => x.members.map((m) => [m.id, m.dy]))).toEqual([
      [['s1', 0]],
      [
        ['s2', 0],
        ['open', 0],
        ['x', 0],
        ['own', 106],
      ],
      [['shared', 0]],
    ]);
    expect(u.edges).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });
});
