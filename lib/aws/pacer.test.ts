import { describe, expect, it } from 'vitest';
import { Pacer } from './pacer';

/** A pacer on a fake clock whose sleeps advance the clock. */
function fakePacer(opts: { probe?: number; idleResetMs?: number } = {}) {
  let now = 0;
  const sleeps: number[] = [];
  const pacer = new Pacer({
    ...opts,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  });
  return { pacer, sleeps, advance: (ms: number) => (now += ms), now: () => now };
}

describe('Pacer', () => {
  it('does not pace until throttled', async () => {
    const f = fakePacer();
    for (let i = 0; i < 50; i++) await f.pacer.take();
    expect(f.sleeps).toEqual([]);
    expect(f.pacer.rate).toBe(Number.POSITIVE_INFINITY);
  });

  it('on a throttle falls back to 0.9 × what was accepted in the last second, then spaces requests', async () => {
    const f = fakePacer({ probe: 0 });
    for (let i = 0; i < 20; i++) {
      await f.pacer.take();
      f.pacer.onSuccess();
    }
    const sentAt = await f.pacer.take();
    f.pacer.onThrottle(sentAt);
    expect(f.pacer.rate).toBeCloseTo(18);
    for (let i = 0; i < 18; i++) await f.pacer.take();
    const gaps = f.sleeps.slice(1);
    expect(gaps.every((g) => Math.abs(g - 1000 / 18) < 1e-6)).toBe(true);
  });

  it('cuts once for a burst of throttles sent before the cut, again for one sent after', async () => {
    const f = fakePacer({ probe: 0 });
    for (let i = 0; i < 10; i++) f.pacer.onSuccess();
    const early = [await f.pacer.take(), await f.pacer.take(), await f.pacer.take()];
    f.advance(5);
    for (const t of early) f.pacer.onThrottle(t);
    expect(f.pacer.rate).toBeCloseTo(9);
    const late = await f.pacer.take();
    f.pacer.onThrottle(late);
    expect(f.pacer.rate).toBeLessThan(9);
  });

  it('probes upwards on success and forgets what it learned when idle', async () => {
    const f = fakePacer({ probe: 0.05, idleResetMs: 60_000 });
    f.pacer.onSuccess();
    f.pacer.onThrottle(await f.pacer.take());
    const cut = f.pacer.rate;
    for (let i = 0; i < 10; i++) {
      await f.pacer.take();
      f.pacer.onSuccess();
    }
    expect(f.pacer.rate).toBeGreaterThan(cut);
    f.advance(61_000);
    await f.pacer.take();
    expect(f.pacer.rate).toBe(Number.POSITIVE_INFINITY);
  });
});
