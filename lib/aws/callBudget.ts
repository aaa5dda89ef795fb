/**
 * The call budget: at most `limit` requests of one API start in any window of one second per
 * (account, region), shared by everything the console does there (inventory refresh, routing reads,
 * triage, the canary runner, a user's writes). Requests wait in one queue per (account, region),
 * ordered by priority (critical, then interactive, then background) and FIFO within a priority, so a
 * background refresh never delays a user's action by more than the requests already started. Every
 * SDK attempt takes a slot (retries count against AWS's quota too). Time comes from `Date.now` and
 * `setTimeout`, so tests drive it with a fake clock.
 */
import 'server-only';
import type { Priority } from './concurrency';

const RANK: Record<Priority, number> = { critical: 0, interactive: 1, background: 2 };

/** What one budget is doing now (e.g. for the account indicator and the JSON log lines). */
export interface BudgetUse {
  /** Requests started in the last second. */
  inUse: number;
  /** Requests allowed per second. */
  limit: number;
  /** Requests waiting for a slot. */
  waiting: number;
}

interface Waiter {
  rank: number;
  go: () => void;
}

/** One (API, account, region)'s budget; see the module comment. */
export class CallBudget {
  /** Start times of the requests of the last window, oldest first. */
  private readonly starts: number[] = [];
  private readonly queue: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly limit: number,
    private readonly windowMs = 1000,
  ) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`call budget must be a positive integer, got ${limit}`);
  }

  /** Waits for a slot (higher priorities first); rejects with the signal's reason when it aborts first. */
  take(priority: Priority = 'interactive', signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    const now = Date.now();
    this.prune(now);
    if (this.queue.length === 0 && this.starts.length < this.limit) {
      this.starts.push(now);
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        rank: RANK[priority],
        go: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        const i = this.queue.indexOf(waiter);
        if (i >= 0) this.queue.splice(i, 1);
        reject(signal?.reason as Error);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const at = this.queue.findIndex((w) => w.rank > waiter.rank);
      if (at < 0) this.queue.push(waiter);
      else this.queue.splice(at, 0, waiter);
      this.pump();
    });
  }

  /** What the budget is doing now. */
  use(): BudgetUse {
    this.prune(Date.now());
    return { inUse: this.starts.length, limit: this.limit, waiting: this.queue.length };
  }

  private prune(now: number): void {
    while (this.starts.length > 0 && (this.starts[0] ?? now) <= now - this.windowMs) this.starts.shift();
  }

  /** Lets waiters start while the window has room; wakes up when the oldest start leaves the window. */
  private pump(): void {
    const now = Date.now();
    this.prune(now);
    while (this.queue.length > 0 && this.starts.length < this.limit) {
      this.starts.push(now);
      this.queue.shift()?.go();
    }
    if (this.queue.length === 0 || this.timer !== undefined) return;
    const wait = Math.max(1, (this.starts[0] ?? now) + this.windowMs - now);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, wait);
  }
}

/** The budgets of one API by (account, region), created on first use. */
export class BudgetPool {
  private readonly budgets = new Map<string, CallBudget>();

  constructor(readonly limit: number) {}

  /** The budget of an account in a region. */
  of(accountId: string, region: string): CallBudget {
    const key = `${accountId}|${region}`;
    let b = this.budgets.get(key);
    if (!b) {
      b = new CallBudget(this.limit);
      this.budgets.set(key, b);
    }
    return b;
  }

  /** Use of every budget touched so far, by `account|region`. */
  uses(): Record<string, BudgetUse> {
    const out: Record<string, BudgetUse> = {};
    for (const [key, b] of this.budgets) out[key] = b.use();
    return out;
  }
}
