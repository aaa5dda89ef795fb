import { describe, expect, it } from 'vitest';
import type { RuleAction } from '../domain/routing';
import { actionSummary, diffRule, shareRows } from './ruleDiff';

const names: Record<string, string> = { a: 'v1', b: 'v2', c: 'debug' };
const nameOf = (arn: string) => names[arn] ?? arn;
const fwd = (...tgs: Array<[string, number]>): RuleAction => ({
  type: 'forward',
  targetGroups: tgs.map(([targetGroupArn, weight]) => ({ targetGroupArn, weight })),
});
const match = { path: { type: 'prefix' as const, value: '/v2/', caseSensitive: false }, headers: [] };

describe('actionSummary', () => {
  it('names target groups with their weights', () => {
    expect(actionSummary(fwd(['a', 90], ['b', 10]), nameOf)).toBe('forward v1 90 · v2 10');
    expect(actionSummary({ type: 'fixedResponse', statusCode: 404 }, nameOf)).toBe('fixed response 404');
  });
});

describe('shareRows', () => {
  it('gives percent before and after, new target groups last', () => {
    const rows = shareRows(fwd(['a', 90], ['b', 10]), fwd(['a', 1], ['b', 1], ['c', 2]), nameOf);
    expect(rows.map((r) => [r.name, r.beforePercent, r.afterPercent, r.changed])).toEqual([
      ['v1', 90, 25, true],
      ['v2', 10, 25, true],
      ['debug', 0, 50, true],
    ]);
    expect(rows[2]?.beforeWeight).toBeUndefined();
  });

  it('marks equal shares with different weights as changed', () => {
    expect(shareRows(fwd(['a', 1]), fwd(['a', 2]), nameOf)[0]?.changed).toBe(true);
    expect(shareRows(fwd(['a', 1]), fwd(['a', 1]), nameOf)[0]?.changed).toBe(false);
  });
});

describe('diffRule', () => {
  it('shows what changed in a weight shift', () => {
    const d = diffRule(
      { priority: 30, match, action: fwd(['a', 90], ['b', 10]) },
      { priority: 30, match, action: fwd(['a', 50], ['b', 50]) },
      nameOf,
    );
    expect(d.changed).toBe(true);
    expect(d.rows.map((r) => [r.aspect, r.changed])).toEqual([
      ['Priority', false],
      ['Match', false],
      ['Action', true],
    ]);
    expect(d.rows[2]).toMatchObject({ before: 'forward v1 90 · v2 10', after: 'forward v1 50 · v2 50' });
    expect(d.shares.map((s) => s.afterPercent)).toEqual([50, 50]);
  });

  it('has only the action for a default rule, and dashes for created rules', () => {
    expect(
      diffRule({ action: fwd(['a', 1]) }, { action: fwd(['b', 1]) }, nameOf, true).rows.map((r) => r.aspect),
    ).toEqual(['Action']);
    const created = diffRule(undefined, { priority: 5, match, action: fwd(['a', 1]) }, nameOf);
    expect(created.rows[0]).toMatchObject({ before: '—', after: '5', changed: true });
  });

  it('reports no change for identical content', () => {
    const c = { priority: 30, match, action: fwd(['a', 90], ['b', 10]) };
    expect(diffRule(c, structuredClone(c), nameOf).changed).toBe(false);
  });
});
