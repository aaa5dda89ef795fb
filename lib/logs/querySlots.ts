/**
 * Per-user cap on running Logs Insights queries (they cost money per GB scanned), per account and
 * region: one explorer view starts one query per panel and account, and the account's own quota
 * of concurrent queries is per account and region too. A slot is taken before StartQuery and given
 * back when the query is seen finished, is stopped, or fails to start. Queries nobody polls any
 * more (a closed tab) are re-checked when the user reaches the cap, and forgotten after `ttlMs`.
 * Per process: with several ECS tasks a user may reach the cap once per task.
 */

/** A slot taken for a query that is being started. */
export interface QuerySlot {
  /** Binds the slot to the started query, so that `finish(queryId)` frees it. */
  bind(queryId: string): void;
  /** Frees the slot (the query did not start). */
  release(): void;
}

interface Entry {
  at: number;
  queryId?: string;
}

/** The slots of all users, by key (user, account, region). */
export class QuerySlots {
  private readonly running = new Map<string, Map<symbol, Entry>>();
  private readonly byQuery = new Map<string, { key: string; slot: symbol }>();

  constructor(
    private readonly ttlMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Slots held under `key` (expired ones dropped). */
  count(key: string): number {
    const slots = this.running.get(key);
    if (!slots) return 0;
    const cutoff = this.now() - this.ttlMs;
    for (const [k, e] of slots) {
      if (e.at < cutoff) {
        slots.delete(k);
        if (e.queryId) this.byQuery.delete(e.queryId);
      }
    }
    return slots.size;
  }

  /** Ids of the started queries held under `key`, oldest first. */
  queriesOf(key: string): string[] {
    return [...(this.running.get(key)?.values() ?? [])].flatMap((e) => (e.queryId ? [e.queryId] : []));
  }

  /** Takes a slot under `key`, or returns undefined when `limit` are held. */
  tryTake(key: string, limit: number): QuerySlot | undefined {
    if (this.count(key) >= limit) return undefined;
    const slot = Symbol(key);
    const entry: Entry = { at: this.now() };
    let slots = this.running.get(key);
    if (!slots) {
      slots = new Map();
      this.running.set(key, slots);
    }
    slots.set(slot, entry);
    return {
      bind: (queryId) => {
        entry.queryId = queryId;
        this.byQuery.set(queryId, { key, slot });
      },
      release: () => this.free(key, slot),
    };
  }

  /** Frees the slot of a query that finished or was stopped (unknown ids are ignored). */
  finish(queryId: string): void {
    const owner = this.byQuery.get(queryId);
    if (!owner) return;
    this.byQuery.delete(queryId);
    this.free(owner.key, owner.slot);
  }

  private free(key: string, slot: symbol): void {
    const slots = this.running.get(key);
    slots?.delete(slot);
    if (slots && slots.size === 0) this.running.delete(key);
  }
}
