/**
 * Bounded concurrency: a tiny FIFO semaphore, so one account with hundreds of resources cannot
 * flood AWS (and its throttling budget) or starve the other accounts.
 */
import 'server-only';

/** Who waits first for a slot: a user's write before a user's read before a background refresh. */
export type Priority = 'critical' | 'interactive' | 'background';

const RANK: Record<Priority, number> = { critical: 0, interactive: 1, background: 2 };

/** A counting semaphore whose queue is FIFO within each priority, higher priorities first. */
export class Semaphore {
  private active = 0;
  private readonly queue: Array<{ rank: number; go: () => void }> = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`semaphore limit must be a positive integer, got ${limit}`);
  }

  /** Calls running now. */
  get running(): number {
    return this.active;
  }

  /** Calls waiting for a slot. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Runs `fn` when a slot is free (waiters of a higher priority first); the slot is released however `fn` ends. */
  async run<T>(fn: () => Promise<T>, priority: Priority = 'interactive'): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((go) => this.enqueue(RANK[priority], go));
    else this.active++;
    try {
      return await fn();
    } finally {
      const next = this.queue.shift();
      // Hand the slot straight to the next waiter, so `active` never drops below the queue's needs.
      if (next) next.go();
      else this.active--;
    }
  }

  /** Queues a waiter behind every waiter of its rank or a higher one. */
  private enqueue(rank: number, go: () => void): void {
    const at = this.queue.findIndex((w) => w.rank > rank);
    if (at < 0) this.queue.push({ rank, go });
    else this.queue.splice(at, 0, { rank, go });
  }
}

/** One semaphore per key (account id), created on first use. */
export class KeyedLimiter {
  private readonly semaphores = new Map<string, Semaphore>();

  constructor(readonly limit: number) {}

  /** The semaphore of `key`. */
  of(key: string): Semaphore {
    let s = this.semaphores.get(key);
    if (!s) {
      s = new Semaphore(this.limit);
      this.semaphores.set(key, s);
    }
    return s;
  }
}

/** Maps `items` with at most `limit` calls of `fn` in flight; results keep the input order. */
export async function mapLimited<T, U>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<U>,
): Promise<U[]> {
  const s = new Semaphore(limit);
  return Promise.all(items.map((item, i) => s.run(() => fn(item, i))));
}
