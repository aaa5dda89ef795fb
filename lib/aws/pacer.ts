/**
 * Client-side pacing of AWS requests per (API, account, region), so that throttling does not cascade
 * into failures. AWS throttles per account with a token bucket whose rate we do not know; the pacer
 * learns it: unpaced until the first ThrottlingException, then it sends at 0.9 × the rate that was
 * actually accepted in the last second (what the bucket refills at) and probes upwards slowly,
 * cutting again on the next throttle. Only throttles of requests sent after the last cut count, so
 * a burst of rejections in flight cuts once. Idle pacers forget what they learned (limits change,
 * and an idle bucket has refilled). Every SDK attempt (retries too) takes a slot.
 */
import 'server-only';

/** Tuning and injectable time, for tests. */
export interface PacerOptions {
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Never pace slower than this (requests per second). */
  minRate?: number;
  /** Share of the measured rate to fall back to on a throttle. */
  backoff?: number;
  /** Probing: share of the current rate gained per second of successes (0.05 = +5 %/s). */
  probe?: number;
  /** After this long without requests, start unpaced again. */
  idleResetMs?: number;
}

/** Sleeps `ms`, rejecting with the signal's reason when it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The pacer of one (account, region). */
export class Pacer {
  /** Current pace in requests per second; Infinity while no throttling has been seen. */
  rate = Number.POSITIVE_INFINITY;
  private nextAt = 0;
  private lastCut = Number.NEGATIVE_INFINITY;
  private lastUse = Number.NEGATIVE_INFINITY;
  /** Times of recent successes (last second), oldest first. */
  private readonly successes: number[] = [];
  private readonly now: () => number;
  private readonly wait: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly minRate: number;
  private readonly backoff: number;
  private readonly probe: number;
  private readonly idleResetMs: number;

  constructor(opts: PacerOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.wait = opts.sleep ?? sleep;
    this.minRate = opts.minRate ?? 0.5;
    this.backoff = opts.backoff ?? 0.9;
    this.probe = opts.probe ?? 0.05;
    this.idleResetMs = opts.idleResetMs ?? 60_000;
  }

  /** Waits for this request's slot; returns the time it may be sent (pass it to `onThrottle`). */
  async take(signal?: AbortSignal): Promise<number> {
    const now = this.now();
    if (now - this.lastUse > this.idleResetMs) this.rate = Number.POSITIVE_INFINITY;
    this.lastUse = now;
    if (!Number.isFinite(this.rate)) return now;
    const at = Math.max(now, this.nextAt);
    this.nextAt = at + 1000 / this.rate;
    if (at > now) await this.wait(at - now, signal);
    return at;
  }

  /** A request was accepted. */
  onSuccess(): void {
    const now = this.now();
    this.successes.push(now);
    this.prune(now);
    // About `rate` successes a second, each adding probe: the rate grows by probe × rate per second.
    if (Number.isFinite(this.rate)) this.rate += this.probe;
  }

  /** A request sent at `sentAt` was throttled. */
  onThrottle(sentAt: number): void {
    const now = this.now();
    if (sentAt < this.lastCut) return;
    this.prune(now);
    const measured = this.successes.length;
    const base = measured > 0 ? Math.min(measured, this.rate) : Number.isFinite(this.rate) ? this.rate / 2 : 1;
    this.rate = Math.max(this.minRate, base * this.backoff);
    this.lastCut = now;
    this.nextAt = Math.max(this.nextAt, now + 1000 / this.rate);
  }

  private prune(now: number): void {
    while (this.successes.length > 0 && (this.successes[0] ?? now) <= now - 1000) this.successes.shift();
  }
}

/** Pacers by (account, region), created on first use. */
export class PacerPool {
  private readonly pacers = new Map<string, Pacer>();

  constructor(private readonly opts: PacerOptions = {}) {}

  /** The pacer of an account in a region. */
  of(accountId: string, region: string): Pacer {
    const key = `${accountId}|${region}`;
    let p = this.pacers.get(key);
    if (!p) {
      p = new Pacer(this.opts);
      this.pacers.set(key, p);
    }
    return p;
  }
}

/** A middleware that passes arguments and results through untouched (so it fits every step's types). */
type PassThrough = <A, R>(next: (args: A) => Promise<R>) => (args: A) => Promise<R>;

/** Any SDK v3 command: its own middleware stack takes the per-attempt pacing middleware. */
export interface Pacable {
  middlewareStack: {
    addRelativeTo(
      middleware: PassThrough,
      options: { relation: 'after'; toMiddleware: string; name: string; override?: boolean },
    ): void;
  };
}

/** What the pacing middleware reports of each attempt. */
export interface AttemptHooks {
  sent(): void;
  throttled(): void;
}

function isThrottle(e: unknown): boolean {
  const x = e as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  return x?.$metadata?.httpStatusCode === 429 || x?.name === 'ThrottlingException';
}

/**
 * Makes every SDK attempt of `command` (retries too) wait for `admit` (the call budget), take a slot
 * of `pacer` and report to `hooks`.
 */
export function paceCommand(
  command: Pacable,
  pacer: Pacer,
  hooks: AttemptHooks,
  signal?: AbortSignal,
  admit?: () => Promise<void>,
): void {
  command.middlewareStack.addRelativeTo(
    (next) => async (args) => {
      if (admit) await admit();
      const sentAt = await pacer.take(signal);
      hooks.sent();
      try {
        const out = await next(args);
        pacer.onSuccess();
        return out;
      } catch (e) {
        if (isThrottle(e)) {
          hooks.throttled();
          pacer.onThrottle(sentAt);
        }
        throw e;
      }
    },
    { relation: 'after', toMiddleware: 'retryMiddleware', name: 'trellisPace', override: true },
  );
}
