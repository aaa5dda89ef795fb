import { describe, expect, it } from 'vitest';
import type { RuleAction } from '../domain/routing';
import { canonicalJson, digest, sameVersion, versionOf } from './ruleVersion';

const action = (w1: number, w2: number): RuleAction => ({
  type: 'forward',
  targetGroups: [
    { targetGroupArn: 'a', weight: w1 },
    { targetGroupArn: 'b', weight: w2 },
  ],
});

describe('canonicalJson', () => {
  it('sorts keys and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: 'x' }] })).toBe('{"a":[{"c":"x"}],"b":1}');
  });
});

describe('digest', () => {
  it('is stable and differs for different text', () => {
    expect(digest('abc')).toBe(digest('abc'));
    expect(digest('abc')).not.toBe(digest('abd'));
    expect(digest('')).toHaveLength(16);
  });
});

describe('versionOf / sameVersion', () => {
  const base = {
    priority: 30,
    match: { path: { type: 'prefix' as const, value: '/v2/', caseSensitive: false }, headers: [] },
    action: action(90, 10),
    lastUpdatedAt: '2025-01-01T00:00:00.000Z',
  };

  it('changes with the weights, priority, match and time', () => {
    const v = versionOf(base);
    expect(versionOf({ ...base })).toBe(v);
    expect(versionOf({ ...base, action: action(50, 50) })).not.toBe(v);
    expect(versionOf({ ...base, priority: 31 })).not.toBe(v);
    expect(versionOf({ ...base, match: { headers: [], method: 'GET' } })).not.toBe(v);
    expect(sameVersion(v, versionOf({ ...base, lastUpdatedAt: '2025-01-01T00:00:01.000Z' }))).toBe(false);
  });

  it('does not depend on key order', () => {
    const reordered = { lastUpdatedAt: base.lastUpdatedAt, action: base.action, match: base.match, priority: 30 };
    expect(versionOf(reordered)).toBe(versionOf(base));
  });

  it('compares content only when a side has no time', () => {
    const withTime = versionOf(base);
    const { lastUpdatedAt: _drop, ...noTime } = base;
    expect(sameVersion(versionOf(noTime), withTime)).toBe(true);
    expect(sameVersion(withTime, versionOf(noTime))).toBe(true);
    expect(sameVersion(versionOf({ ...noTime, action: action(1, 1) }), withTime)).toBe(false);
    expect(sameVersion('', withTime)).toBe(false);
  });
});
