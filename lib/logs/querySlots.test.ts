import { describe, expect, it } from 'vitest';
import { QuerySlots } from './querySlots';

describe('QuerySlots', () => {
  it('caps slots per key; finishing a query frees its slot', () => {
    const s = new QuerySlots();
    s.tryTake('alice|222', 2)?.bind('q1');
    s.tryTake('alice|222', 2)?.bind('q2');
    expect(s.tryTake('alice|222', 2)).toBeUndefined();
    // Other users and other accounts are not affected.
    expect(s.tryTake('bob|222', 2)).toBeDefined();
    expect(s.tryTake('alice|333', 2)).toBeDefined();
    expect(s.queriesOf('alice|222')).toEqual(['q1', 'q2']);
    s.finish('q1');
    expect(s.count('alice|222')).toBe(1);
    s.finish('q1'); // twice is harmless
    expect(s.count('alice|222')).toBe(1);
  });

  it('frees a slot whose query did not start, and expires abandoned ones', () => {
    let now = 0;
    const s = new QuerySlots(1_000, () => now);
    s.tryTake('alice', 1)?.release();
    s.tryTake('alice', 1)?.bind('q1');
    expect(s.tryTake('alice', 1)).toBeUndefined();
    now = 1_001;
    expect(s.count('alice')).toBe(0);
    expect(s.queriesOf('alice')).toEqual([]);
    expect(s.tryTake('alice', 1)).toBeDefined();
  });
});
