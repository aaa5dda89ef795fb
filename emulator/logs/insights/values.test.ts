import { describe, expect, it } from 'vitest';
import type { FieldValue } from './source';
import { globExtract } from './steps';
import { compareKey, compareValues, formatNumber, formatTimestamp, sortCompare, toNumber } from './values';

describe('sort order', () => {
  it('matches the example of the service documentation (ascending)', () => {
    const documented = ['!:', '#', '*%04', '0#', '5A', '111A', '2345_', '@', '@_', 'A', 'A9876fghj', 'a12345hfh', '0'];
    const shuffled = [...documented].reverse();
    expect(shuffled.sort(sortCompare)).toEqual(documented);
  });

  it('orders numbers numerically after text, and missing values last in both directions', () => {
    const vals: FieldValue[] = [10, '9', undefined, 'abc', 2.5, '-'];
    expect([...vals].sort((a, b) => compareKey(a, b, false))).toEqual(['-', 'abc', 2.5, '9', 10, undefined]);
    expect([...vals].sort((a, b) => compareKey(a, b, true))).toEqual([10, '9', 2.5, 'abc', '-', undefined]);
  });
});

describe('comparison and coercion', () => {
  it.each([
    [200, '200', 0],
    ['10', 9, 1],
    ['abc', 'abd', -1],
    ['-', 500, -1],
    [true, 'true', 0],
    [undefined, 1, undefined],
    [null, null, undefined],
  ] as [FieldValue, FieldValue, number | undefined][])('compare(%j, %j) = %j', (a, b, d) => {
    expect(compareValues(a, b)).toBe(d);
  });

  it('only whole-string numbers are numbers', () => {
    expect(toNumber('12.5')).toBe(12.5);
    expect(toNumber('-3e2')).toBe(-300);
    expect(toNumber('12ms')).toBeNaN();
    expect(toNumber('')).toBeNaN();
    expect(toNumber('-')).toBeNaN();
  });
});

describe('formatting', () => {
  it('prints numbers without trailing noise', () => {
    expect(formatNumber(42)).toBe('42');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(253.0558375634518)).toBe('253.055838');
    expect(formatNumber(-1.5)).toBe('-1.5');
  });

  it('prints timestamps as yyyy-MM-dd HH:mm:ss.SSS in UTC', () => {
    expect(formatTimestamp(Date.UTC(2024, 1, 29, 23, 5, 9, 7))).toBe('2024-02-29 23:05:09.007');
  });
});

describe('glob extraction', () => {
  const run = (s: string, pattern: string): (string | undefined)[] | undefined => {
    const lits = pattern.split('*');
    const out: FieldValue[] = [];
    const slots = lits.slice(1).map((_, k) => k);
    return globExtract(s, lits, slots, out) ? (out as (string | undefined)[]) : undefined;
  };
  it.each([
    ['user=bob, method:GET, latency := 12', 'user=*, method:*, latency := *', ['bob', 'GET', '12']],
    ['prefix [WARN] a [b] c', '[*] *', ['WARN', 'a [b] c']],
    ['a-b-c-d', '*-*', ['a', 'b-c-d']],
    ['k=v;', 'k=*;', ['v']],
    ['xy', '**', ['', 'xy']],
    ['no match', '[*]', undefined],
    ['a=1', 'a=*;', undefined],
  ] as [string, string, string[] | undefined][])('%j with %j', (s, pattern, expected) => {
    expect(run(s, pattern)).toEqual(expected);
  });
});
