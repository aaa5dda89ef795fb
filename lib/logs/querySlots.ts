/**
 * Per-user cap on running Logs Insights queries (they cost money per GB scanned). A slot is taken
 * before StartQuery and given back when the query is seen finished, is stopped, or fails to start;
 * a slot whose query was abandoned (the browser went away without stopping it) expires after
 * `ttlMs`. Per process: with several ECS tasks a user may reach the limit once per task.
 */
import { TrellisError } from '../domain/errors';

/** A slot taken for a query that is being started. */
export interface QuerySlot {
  /** Binds the slot to the started query, so that `finish(queryId)` frees it. */
  bind(queryId: string): void;
  /** Frees the slot (the query did not start). */
  release(): void;
}

/** The slots of all users. */
export class QuerySlots {
  private readonly running = new Map<string, Map<symbol, number>>();
  private readonly byQuery = new Map<string, { user: string; key: symbol }>();

  constructor(
    private readonly ttlMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Queries `user` has running (expired slots dropped). */
  count(user: string): number {
    const slots = this.running.get(user);
    if (!slots) return 0;
    const cutoff = this.now() - this.ttlMs;
    for (const [k, at] of slots) if (at < cutoff) slots.delete(k);
    return slots.size;
  }

  /** Takes a slot for `user`, or throws THROTTLED when they already run `limit` queries. */
  take(user: string, limit: number): QuerySlot {
    const n = this.count(user);
    if (n >= limit) {
      throw new TrellisError('THROTTLED', `You have ${n} Logs Insights ${n === 1 ? 'query' : 'queries'} running; wait for one to finish or cancel it (at most ${limit} per user, TRELLIS_MAX_QUERIES_PER_USER).`, { retryable: true });
    }
    const key = Symbol(user);
    let slots = this.running.get(user);
    if (!slots) {
      slots = new Map();
      this.running.set(user, slots);
    }
    slots.set(key, this.now());
    const free = () => {
      slots.delete(key);
      if (slots.size === 0 && this.running.get(user) === slots) this.running.delete(user);
    };
    return {
      bind: (queryId) => {
        this.byQuery.set(queryId, { user, key });
      },
      release: free,
    };
  }

  /** Frees the slot of a query that finished or was stopped (unknown ids are ignored). */
  finish(queryId: string): void {
    const owner = this.byQuery.get(queryId);
    if (!owner) return;
    this.byQuery.delete(queryId);
    const slots = this.running.get(owner.user);
    slots?.delete(owner.key);
    if (slots && slots.size === 0) this.running.delete(owner.user);
  }
}
