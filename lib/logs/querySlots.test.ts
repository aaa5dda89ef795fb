import { describe, expect, it } from 'vitest';
import { QuerySlots } from './querySlots';

describe('QuerySlots', () => {
  it('caps running queries per user with a message that says what to do', () => {
    const s = new QuerySlots();
    s.take('alice', 2).bind('q1');
    s.take('alice', 2).bind('q2');
    expect(() => s.take('alice', 2)).toThrow(expect.objectContaining({ code: 'THROTTLED', retryable: true, message: 'You have 2 Logs Insights queries running; wait for one to finish or cancel it (at most 2 per user, TRELLIS_MAX_QUERIES_PER_USER).' }));
    // Other users are not affected.
    expect(() => s.take('bob', 2)).not.toThrow();
    s.finish('q1');
    expect(s.count('alice')).toBe(1);
    s.finish('q1'); // twice is harmless
    expect(s.count('alice')).toBe(1);
  });

  it('frees a slot whose query did not start, and expires abandoned ones', () => {
    let now = 0;
    const s = new QuerySlots(1_000, () => now);
    s.take('alice', 1).release();
    s.take('alice', 1).bind('q1');
    expect(() => s.take('alice', 1)).toThrow(expect.objectContaining({ code: 'THROTTLED' }));
    now = 1_001;
    expect(s.count('alice')).toBe(0);
    expect(() => s.take('alice', 1)).not.toThrow();
  });
});
