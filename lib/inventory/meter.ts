/**
 * Counts the AWS calls of a crawl per account and operation: logical calls (what the crawler asked
 * for), HTTP requests (SDK attempts, retries included), throttled responses and failed calls. The
 * benchmark prints these, and a test pins them so that a regression to N+1 reads fails.
 */

/** Counters of one account and operation (or a total). */
export interface CallCount {
  calls: number;
  requests: number;
  throttled: number;
  failed: number;
}

/** Counts of one account. */
export interface AccountCalls {
  total: CallCount;
  byOperation: Record<string, CallCount>;
}

/** Counts of a crawl. */
export interface CallStats {
  total: CallCount;
  byAccount: Record<string, AccountCalls>;
}

function zero(): CallCount {
  return { calls: 0, requests: 0, throttled: 0, failed: 0 };
}

function add(into: CallCount, c: CallCount): void {
  into.calls += c.calls;
  into.requests += c.requests;
  into.throttled += c.throttled;
  into.failed += c.failed;
}

/** Mutable counters; `stats()` returns a sorted copy. */
export class CallMeter {
  private readonly counts = new Map<string, Map<string, CallCount>>();

  private of(accountId: string, operation: string): CallCount {
    let ops = this.counts.get(accountId);
    if (!ops) {
      ops = new Map();
      this.counts.set(accountId, ops);
    }
    let c = ops.get(operation);
    if (!c) {
      c = zero();
      ops.set(operation, c);
    }
    return c;
  }

  /** One logical call. */
  call(accountId: string, operation: string): void {
    this.of(accountId, operation).calls += 1;
  }

  /** One HTTP request (an SDK attempt). */
  request(accountId: string, operation: string): void {
    this.of(accountId, operation).requests += 1;
  }

  /** One throttled response. */
  throttled(accountId: string, operation: string): void {
    this.of(accountId, operation).throttled += 1;
  }

  /** One call that failed for good. */
  failed(accountId: string, operation: string): void {
    this.of(accountId, operation).failed += 1;
  }

  /** The counts so far, accounts and operations in sorted order. */
  stats(): CallStats {
    const total = zero();
    const byAccount: Record<string, AccountCalls> = {};
    for (const accountId of [...this.counts.keys()].sort()) {
      const ops = this.counts.get(accountId) ?? new Map<string, CallCount>();
      const acc: AccountCalls = { total: zero(), byOperation: {} };
      for (const op of [...ops.keys()].sort()) {
        const c = ops.get(op) ?? zero();
        acc.byOperation[op] = { ...c };
        add(acc.total, c);
      }
      add(total, acc.total);
      byAccount[accountId] = acc;
    }
    return { total, byAccount };
  }
}
