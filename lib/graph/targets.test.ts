import { describe, expect, it } from 'vitest';
import { buildGraph } from './build';
import { collapseGraph } from './collapse';
import { EMPTY_FILTER, type GraphFilter, matchNodes } from './filter';
import { buildOverview } from './overview';
import { resourceCount, targetGroupOfNodeId, targetNodeId, withTargets } from './targets';
import { DEMO, PAY, demoLike } from './testing/fixtures';

const snapshot = demoLike();
const full = buildGraph(snapshot);
const lazy = buildGraph(snapshot, { targetsOf: new Set() });
const targetCount = Object.values(snapshot.targets).reduce((n, l) => n + l.length, 0);
const f = (over: Partial<GraphFilter>): GraphFilter => ({ ...EMPTY_FILTER, ...over });

describe('targets made as nodes only where drawn', () => {
  it('buildGraph with `targetsOf` makes nodes for those groups only and keeps every target aside', () => {
    expect(lazy.nodes.filter((n) => n.kind === 'target')).toEqual([]);
    expect(lazy.edges.filter((e) => e.kind === 'target')).toEqual([]);
    expect(lazy.targets).toBe(snapshot.targets);
    expect(lazy.nodes).toEqual(full.nodes.filter((n) => n.kind !== 'target'));
    const one = buildGraph(snapshot, { targetsOf: new Set([DEMO.ledgerTg]) });
    expect(new Set(one.nodes.filter((n) => n.kind === 'target').map((n) => n.accountId))).toEqual(new Set([PAY]));
    expect(one.nodes.filter((n) => n.kind === 'target')).toHaveLength(snapshot.targets[DEMO.ledgerTg]!.length);
    expect(full.targets).toBeUndefined();
  });

  it('withTargets adds a group’s target nodes and edges exactly as the full build has them, in its order', () => {
    const g = withTargets(lazy, [DEMO.ledgerTg, DEMO.v1]);
    const wanted = new Set([DEMO.ledgerTg, DEMO.v1]);
    const keep = (id: string) => !targetGroupOfNodeId(id) || wanted.has(targetGroupOfNodeId(id)!);
    expect(g.nodes).toEqual(full.nodes.filter((n) => keep(n.id)));
    expect(g.edges).toEqual(full.edges.filter((e) => keep(e.target)));
    // Nothing new (already drawn, unknown, empty): the same graph object, so memoised steps keep theirs.
    expect(withTargets(g, [DEMO.ledgerTg, 'arn:aws:vpc-lattice:us-east-1:1:targetgroup/tg-none', ''])).toBe(g);
  });

  it('search and every filter match the same nodes whether targets are nodes or folded', () => {
    const filters: GraphFilter[] = [
      f({ q: 'i-bad1' }),
      f({ q: 'healthcheckfailed' }),
      f({ health: ['error'] }),
      f({ health: ['warn', 'unknown'] }),
      f({ errors: true }),
      f({ accounts: [PAY] }),
      f({ networks: [DEMO.mesh] }),
      f({ q: 'ledger', mode: 'hide' }),
    ];
    for (const filter of filters)
      expect(matchNodes(lazy, filter), JSON.stringify(filter)).toEqual(matchNodes(full, filter));
    expect(matchNodes(lazy, f({ q: 'i-bad1' })).has(targetNodeId(DEMO.ledgerTg, { id: 'i-bad1' }))).toBe(true);
  });

  it('an expanded group draws the same targets either way', () => {
    const expanded = new Set([DEMO.ledgerTg]);
    expect(collapseGraph(withTargets(lazy, expanded), { expanded })).toEqual(collapseGraph(full, { expanded }));
  });

  it('counts every resource, targets included, as the overview and the level bar say it', () => {
    expect(resourceCount(lazy)).toBe(full.nodes.length);
    expect(resourceCount(withTargets(lazy, [DEMO.ledgerTg]))).toBe(full.nodes.length);
    expect(resourceCount(full)).toBe(full.nodes.length);
    // Targets of a group the graph has no node for are not drawn by the full build either.
    const gone = 'arn:aws:vpc-lattice:us-east-1:1:targetgroup/tg-gone';
    const stray = { ...lazy, targets: { ...lazy.targets, [gone]: [{ id: 'i-1', status: 'HEALTHY' as const }] } };
    expect(resourceCount(stray)).toBe(full.nodes.length);
    expect(buildOverview(lazy).totalNodes).toBe(full.nodes.length);
    expect(full.nodes.filter((n) => n.kind === 'target')).toHaveLength(targetCount);
  });

  it('reads the group back from a target’s node id, and nothing from other ids', () => {
    expect(targetGroupOfNodeId(targetNodeId(DEMO.ledgerTg, { id: 'i-bad1', port: 80 }))).toBe(DEMO.ledgerTg);
    expect(targetGroupOfNodeId(DEMO.ledgerTg)).toBeUndefined();
    expect(targetGroupOfNodeId('vpc:vpc-1')).toBeUndefined();
  });
});
