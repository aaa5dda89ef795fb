import { describe, expect, it } from 'vitest';
import { defaultFilters, filtersToParams, parseLogFilters } from './filters';
import { MIN_RATE_BASE, rankBreakdown, rankNeeds } from './ranking';

const STABLE = 'tg-stable';
const CANARY = 'tg-canary';
const TINY = 'tg-tiny';

describe('rankBreakdown', () => {
  // 5xx per target group: the stable group has more errors, the canary a far higher rate.
  const errors = [
    { value: STABLE, n: 300 },
    { value: CANARY, n: 100 },
    { value: TINY, n: 2 },
  ];
  const all = [
    { value: STABLE, n: 20_000 },
    { value: CANARY, n: 200 },
    { value: TINY, n: 3 },
  ];

  it('ranks by count by default, ties by name', () => {
    expect(rankBreakdown(errors, 'count').map((i) => i.value)).toEqual([STABLE, CANARY, TINY]);
    expect(
      rankBreakdown(
        [
          { value: 'b', n: 1 },
          { value: 'a', n: 1 },
        ],
        'count',
      ).map((i) => i.value),
    ).toEqual(['a', 'b']);
  });

  it('ranks by rate of all the value’s requests: the canary’s 50 % above the stable group’s 1.5 %', () => {
    const r = rankBreakdown(errors, 'rate', { base: all });
    expect(r.map((i) => i.value)).toEqual([CANARY, STABLE, TINY]);
    expect(r[0]).toMatchObject({ base: 200, rate: 0.5 });
    expect(r[1]!.rate).toBeCloseTo(0.015);
  });

  it(`does not let a value with fewer than ${MIN_RATE_BASE} requests outrank by rate (2 of 3 is not 67 %)`, () => {
    const r = rankBreakdown(errors, 'rate', { base: all });
    expect(r.at(-1)).toMatchObject({ value: TINY, rate: 2 / 3 });
  });

  it('puts values whose base is unknown last, and never reports a rate above 100 %', () => {
    const r = rankBreakdown([...errors, { value: 'tg-new', n: 50 }], 'rate', {
      base: [all[0]!, all[2]!, { value: CANARY, n: 90 }],
    });
    expect(r.at(-1)).toMatchObject({ value: 'tg-new' });
    expect(r.at(-1)!.rate).toBeUndefined();
    expect(r.find((i) => i.value === CANARY)).toMatchObject({ base: 100, rate: 1 });
  });

  it('ranks by change against the previous period: a new value first, a shrinking one last', () => {
    const previous = [
      { value: STABLE, n: 290 },
      { value: TINY, n: 40 },
    ];
    const r = rankBreakdown(errors, 'change', { previous });
    expect(r.map((i) => [i.value, i.change])).toEqual([
      [CANARY, 100],
      [STABLE, 10],
      [TINY, -38],
    ]);
    expect(r[0]!.previous).toBe(0);
  });

  it('keeps the top N', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ value: `v${i}`, n: i + 1 }));
    expect(rankBreakdown(many, 'count')).toHaveLength(10);
    expect(rankBreakdown(many, 'change', { top: 3 }).map((i) => i.value)).toEqual(['v29', 'v28', 'v27']);
  });

  it('says which extra queries a rank needs', () => {
    expect(rankNeeds('count')).toEqual({ base: false, previous: false });
    expect(rankNeeds('rate')).toEqual({ base: true, previous: false });
    expect(rankNeeds('change')).toEqual({ base: false, previous: true });
  });
});

describe('rank in the URL', () => {
  it('reads rank=count|rate|change, writes it only when not the default, and reports a bad value', () => {
    expect(parseLogFilters(new URLSearchParams('rank=rate')).filters.rank).toBe('rate');
    expect(parseLogFilters(new URLSearchParams('rank=change')).filters.rank).toBe('change');
    expect(parseLogFilters(new URLSearchParams('')).filters.rank).toBe('count');
    const bad = parseLogFilters(new URLSearchParams('rank=loudest'));
    expect(bad.filters.rank).toBe('count');
    expect(bad.problems).toEqual(['Ignored rank="loudest": use rank=count, rank=rate, rank=change.']);
    expect(filtersToParams({ ...defaultFilters(), rank: 'change' }).toString()).toBe('rank=change');
    expect(filtersToParams(defaultFilters()).toString()).toBe('');
  });
});
