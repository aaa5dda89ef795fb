/** The tab's panel slots: a limit, FIFO waiters, giving up on abort, a raised limit. */
import { describe, expect, it } from 'vitest';
import { PanelSlots } from './panelSlots';

describe('PanelSlots', () => {
  it('grants up to the limit, queues the rest in order, and lets waiters give up', async () => {
    const s = new PanelSlots(2);
    const a = await s.acquire(new AbortController().signal);
    const b = await s.acquire(new AbortController().signal);
    const order: string[] = [];
    const quitter = new AbortController();
    const c = s.acquire(new AbortController().signal).then((r) => {
      order.push('c');
      return r;
    });
    const d = s.acquire(quitter.signal).then((r) => {
      order.push(r ? 'd' : 'd gave up');
      return r;
    });
    const e = s.acquire(new AbortController().signal).then((r) => {
      order.push('e');
      return r;
    });
    expect(s.counts).toEqual({ active: 2, waiting: 3 });
    quitter.abort();
    a!();
    a!(); // a second release is ignored
    await c;
    expect(s.counts).toEqual({ active: 2, waiting: 1 });
    b!();
    await e;
    await d;
    expect(order).toEqual(['d gave up', 'c', 'e']);
  });

  it('starts waiters when the limit grows', async () => {
    const s = new PanelSlots(1);
    await s.acquire(new AbortController().signal);
    const next = s.acquire(new AbortController().signal);
    s.setLimit(2);
    expect(await next).toBeTypeOf('function');
    expect(await new PanelSlots(1).acquire(AbortSignal.abort())).toBeUndefined();
  });
});
