import { describe, expect, it } from 'vitest';
import { KeyedLimiter, mapLimited, Semaphore } from './concurrency';

/** A promise with its resolver, to control when work finishes. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((r) => (open = r));
  return { promise, open };
}

describe('Semaphore', () => {
  it('runs at most `limit` calls at once, in FIFO order', async () => {
    const s = new Semaphore(2);
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    const runs = gates.map((g, i) =>
      s.run(async () => {
        started.push(i);
        await g.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect([s.running, s.waiting]).toEqual([2, 2]);
    gates[1]?.open();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect([s.running, s.waiting]).toEqual([0, 0]);
  });

  it('lets critical waiters pass interactive ones, both pass background ones (FIFO per priority)', async () => {
    const s = new Semaphore(1);
    const first = gate();
    const order: string[] = [];
    const hold = s.run(() => first.promise);
    const runs = [
      s.run(async () => void order.push('bg1'), 'background'),
      s.run(async () => void order.push('read1')),
      s.run(async () => void order.push('bg2'), 'background'),
      s.run(async () => void order.push('write1'), 'critical'),
      s.run(async () => void order.push('read2'), 'interactive'),
      s.run(async () => void order.push('write2'), 'critical'),
    ];
    expect(s.waiting).toBe(6);
    first.open();
    await Promise.all([hold, ...runs]);
    expect(order).toEqual(['write1', 'write2', 'read1', 'read2', 'bg1', 'bg2']);
  });

  it('releases the slot when the call fails', async () => {
    const s = new Semaphore(1);
    await expect(s.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await s.run(async () => 'next')).toBe('next');
    expect(s.running).toBe(0);
  });

  it('refuses a limit below 1', () => {
    expect(() => new Semaphore(0)).toThrow(RangeError);
  });
});

describe('KeyedLimiter and mapLimited', () => {
  it('gives each key its own semaphore', () => {
    const l = new KeyedLimiter(3);
    expect(l.of('111111111111')).toBe(l.of('111111111111'));
    expect(l.of('111111111111')).not.toBe(l.of('222222222222'));
    expect(l.of('222222222222').limit).toBe(3);
  });

  it('maps in order with bounded parallelism', async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapLimited([1, 2, 3, 4, 5, 6], 2, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setImmediate(r));
      inFlight--;
      return n * 10;
    });
    expect(out).toEqual([10, 20, 30, 40, 50, 60]);
    expect(peak).toBe(2);
  });
});
