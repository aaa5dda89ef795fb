/**
 * Injected faults and rate limits, set through the control API. Faults match calls by account,
 * service and operation and add latency and/or fail a share of calls with a chosen AWS error; rate
 * limits are token buckets per account (and optionally per service) that answer the service's
 * throttling error. Random choices use a seeded generator, so a test sees the same failures each run.
 */
import { Rng } from './core/rng';

/** One fault rule. Unset matchers match everything. */
export interface FaultRule {
  id: string;
  account?: string;
  service?: string;
  operation?: string;
  /** Share of matching calls that fail, 0–1. */
  errorRate: number;
  /** AWS error name to answer, e.g. `AccessDeniedException`; defaults to the service's internal error. */
  errorCode?: string;
  errorMessage?: string;
  /** Added latency for every matching call. */
  latencyMs: number;
}

/** A token bucket per account (and service, when set). */
export interface RateLimit {
  id: string;
  account: string;
  service?: string;
  ratePerSecond: number;
  burst: number;
}

/** What to do with a call. */
export interface FaultDecision {
  delayMs: number;
  fail?: { code?: string; message: string };
  throttle?: { retryAfterSeconds: number };
}

interface Bucket {
  tokens: number;
  at: number;
}

/** The fault and rate-limit table. */
export class Faults {
  private rules: FaultRule[] = [];
  private limits: RateLimit[] = [];
  private readonly buckets = new Map<string, Bucket>();
  private rng: Rng;
  private nextId = 1;

  constructor(seed: number) {
    this.rng = new Rng(seed).fork('faults');
  }

  /** Adds a fault rule; returns it with its id. */
  addFault(rule: Omit<FaultRule, 'id'>): FaultRule {
    const full = { ...rule, id: `fault-${this.nextId++}` };
    this.rules.push(full);
    return full;
  }

  /** Adds a rate limit; a second limit for the same account and service replaces the first. */
  addRateLimit(limit: Omit<RateLimit, 'id'>): RateLimit {
    this.limits = this.limits.filter((l) => !(l.account === limit.account && l.service === limit.service));
    const full = { ...limit, id: `limit-${this.nextId++}` };
    this.limits.push(full);
    this.buckets.delete(bucketKey(full));
    return full;
  }

  /** Removes one rule or limit by id; false if none had it. */
  remove(id: string): boolean {
    const before = this.rules.length + this.limits.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    this.limits = this.limits.filter((l) => l.id !== id);
    return before !== this.rules.length + this.limits.length;
  }

  /** Removes every fault rule. */
  clearFaults(): void {
    this.rules = [];
  }

  /** Removes every rate limit. */
  clearRateLimits(): void {
    this.limits = [];
    this.buckets.clear();
  }

  /** The current rules and limits. */
  list(): { faults: FaultRule[]; rateLimits: RateLimit[] } {
    return { faults: [...this.rules], rateLimits: [...this.limits] };
  }

  /**
   * Decides the fate of one call at time `now`. Consumes a token of every matching bucket.
   * `targetAccount` is the account a call reaches into (the role's account of an AssumeRole, which
   * the hub signs): a fault for that account matches too, so "AssumeRole into 222… fails" works.
   */
  decide(
    call: { account: string; service: string; operation: string; targetAccount?: string },
    now: number,
  ): FaultDecision {
    let delayMs = 0;
    let fail: FaultDecision['fail'];
    for (const r of this.rules) {
      if (r.account !== undefined && r.account !== call.account && r.account !== call.targetAccount) continue;
      if (r.service !== undefined && r.service !== call.service) continue;
      if (r.operation !== undefined && r.operation !== call.operation) continue;
      delayMs += r.latencyMs;
      if (!fail && r.errorRate > 0 && this.rng.chance(r.errorRate)) {
        fail = {
          ...(r.errorCode ? { code: r.errorCode } : {}),
          message: r.errorMessage ?? `Injected fault ${r.id} (${r.errorCode ?? 'internal error'})`,
        };
      }
    }
    for (const l of this.limits) {
      if (l.account !== call.account || (l.service !== undefined && l.service !== call.service)) continue;
      const wait = this.take(l, now);
      if (wait > 0) return { delayMs, throttle: { retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) } };
    }
    return fail ? { delayMs, fail } : { delayMs };
  }

  /** Takes a token; returns 0 on success or the ms until one is available. */
  private take(limit: RateLimit, now: number): number {
    const key = bucketKey(limit);
    const b = this.buckets.get(key) ?? { tokens: limit.burst, at: now };
    b.tokens = Math.min(limit.burst, b.tokens + ((now - b.at) / 1000) * limit.ratePerSecond);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return ((1 - b.tokens) / limit.ratePerSecond) * 1000;
  }
}

function bucketKey(l: RateLimit): string {
  return `${l.account}/${l.service ?? '*'}`;
}
