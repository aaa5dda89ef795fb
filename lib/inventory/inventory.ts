/**
 * The inventory cache: segments per (account, region), kept in this process only (the console is
 * stateless; a new task simply crawls again). Within the TTL a segment is served as is; after it,
 * the stale segment is served at once and its account is re-crawled in the background; past
 * `maxStaleMs` (or when missing, or with `refresh`) the caller waits for the crawl. At most one crawl
 * per account runs at a time: a caller who needs an account being crawled joins that crawl.
 *
 * A refresh is incremental (lists again, details only of what changed, see readChanged.ts) except the
 * first read of an account, `refresh` ("Refresh all") and one every `tuning.fullEveryMs`, which crawl
 * in full. Listeners Trellis wrote are patched before the next snapshot is served (see patch.ts).
 *
 * Identity: a crawl runs with the SourceIdentity of the user whose request started it (the
 * background refresh too), so CloudTrail names that user for those reads. Cached data (reads only)
 * is then served to every user; `SegmentData.crawledAs` records whose session read it. A user's
 * session is never used for a crawl another user started.
 */
import 'server-only';
import type { AwsClientFactory } from '../aws/clientFactory';
import { listAccounts } from '../aws/accounts';
import type { AccountConfig } from '../config';
import type { Snapshot } from '../domain/snapshot';
import type { PacerPool } from '../aws/pacer';
import { logEvent } from '../observability/log';
import { budgetText } from '../observability/trace';
import { crawl, type CrawlOptions, type CrawlResult } from './crawl';
import { MergeMemo } from './mergeMemo';
import { patchListeners } from './patch';
import { indexPrior } from './prior';
import { DEFAULT_REFRESH_TUNING, RefreshPolicy, type RefreshTuning } from './refreshPolicy';
import { segmentKey, type SegmentData } from './types';

/** Tuning and injectable time. */
export interface InventoryOptions {
  /** Fresh for this long (ms). Default 60 s. */
  ttlMs?: number;
  /** Served stale (while refreshing) up to this age; older data is waited for. Default 15 min. */
  maxStaleMs?: number;
  /** Deadline of one crawl (ms). */
  deadlineMs?: number;
  now?: () => number;
  pacers?: PacerPool;
  /** Full crawls, sweep and health rotation. */
  tuning?: RefreshTuning;
  /** Called with each finished crawl (calls, duration; `full`: the accounts crawled in full), e.g. for the bench. */
  onCrawl?: (result: CrawlResult, full: readonly string[]) => void;
}

/** What a read asks for. */
export interface SnapshotRequest {
  /** The signed-in user (SourceIdentity of a crawl this read starts). */
  user?: string;
  /** Re-crawl every account now (joining crawls already running) and wait for it. */
  refresh?: boolean;
  /** Stops waiting (the crawl itself goes on and fills the cache). */
  signal?: AbortSignal;
}

/** Default TTL of cached segments. */
export const INVENTORY_TTL_MS = 60_000;
/** Default oldest data served without waiting. */
export const INVENTORY_MAX_STALE_MS = 15 * 60_000;

function abortable<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The cache and crawl coordinator of one client factory. */
export class Inventory {
  private readonly segments = new Map<string, SegmentData>();
  private readonly inflight = new Map<string, Promise<void>>();
  /** Accounts whose running crawl is a forced full one ("Refresh all"): another "Refresh all" joins it. */
  private readonly inflightFull = new Set<string>();
  private readonly now: () => number;
  /** Full or incremental, dirty listeners, sweep and health rotation. */
  readonly policy: RefreshPolicy;
  /** The last merged snapshot, served again while no segment changed. */
  private readonly merged = new MergeMemo();

  constructor(
    private readonly factory: AwsClientFactory,
    private readonly opts: InventoryOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
    this.policy = new RefreshPolicy(opts.tuning ?? DEFAULT_REFRESH_TUNING);
  }

  /** Trellis wrote a listener's rules or default action: the next snapshot reads them again first. */
  markListenerWritten(listenerArn: string): void {
    this.policy.markListener(listenerArn, this.now());
  }

  /** Target groups whose health every refresh reads for the next 5 minutes (in view, named by triage). */
  watchTargetGroups(targetGroupArns: readonly string[]): void {
    this.policy.watch(targetGroupArns, this.now());
  }

  /** The snapshot of every configured account; see the module comment for freshness. */
  async snapshot(req: SnapshotRequest = {}): Promise<Snapshot> {
    // Not abortable: the crawl it leads to should fill the cache even if this caller goes away.
    const accounts = await listAccounts(this.factory);
    await this.applyPatches(accounts, req.user);
    const now = this.now();
    const ttl = this.opts.ttlMs ?? INVENTORY_TTL_MS;
    const wait: AccountConfig[] = [];
    const stale: AccountConfig[] = [];
    for (const a of accounts) {
      if (req.refresh || this.mustCrawl(a, now)) wait.push(a);
      else if ((this.ageOf(a, now) ?? 0) >= ttl) stale.push(a);
    }
    // Background refresh: a crawl records its failures as problems, so there is nothing to report here.
    if (stale.length > 0) this.refresh(stale, req.user, false).catch(() => undefined);
    if (wait.length > 0) await abortable(this.refresh(wait, req.user, req.refresh === true), req.signal);
    return this.merged.merge(accounts, [...this.segments.values()]);
  }

  /** Whether every configured account has a snapshot in the cache (a `snapshot()` would not wait for a crawl). */
  async isCached(): Promise<boolean> {
    const accounts = await listAccounts(this.factory);
    const now = this.now();
    return accounts.every((a) => !this.mustCrawl(a, now));
  }

  /** True when a read must wait for a crawl of the account: nothing cached, or older than maxStaleMs. */
  private mustCrawl(a: AccountConfig, now: number): boolean {
    const age = this.ageOf(a, now);
    return age === undefined || age > (this.opts.maxStaleMs ?? INVENTORY_MAX_STALE_MS);
  }

  /** Whether a crawl of the account is running. */
  isRefreshing(accountId: string): boolean {
    return this.inflight.has(accountId);
  }

  /** Reads again the listeners Trellis wrote, in the cached segments of their owners. */
  private async applyPatches(accounts: readonly AccountConfig[], user: string | undefined): Promise<void> {
    const patches = this.policy.takePatches();
    await Promise.all(
      [...patches].map(async ([key, listenerArns]) => {
        const segment = this.segments.get(key);
        const account = accounts.find((a) => a.accountId === segment?.accountId);
        if (!segment?.reachable || !account) return;
        const patched = await patchListeners(this.factory, account, segment, listenerArns, user);
        // A crawl that landed meanwhile holds newer lists; it is patched again by `repatchSince`.
        if (this.segments.get(key) === segment) this.segments.set(key, patched);
      }),
    );
  }

  /** Age of the oldest segment of an account, or undefined when one is missing. */
  private ageOf(a: AccountConfig, now: number): number | undefined {
    let oldest = Number.POSITIVE_INFINITY;
    for (const r of a.regions) {
      const s = this.segments.get(segmentKey(a.accountId, r));
      if (!s) return undefined;
      oldest = Math.min(oldest, s.fetchedAt);
    }
    return now - oldest;
  }

  /**
   * Crawls the accounts that are not being crawled (together, so shared resources are read once) and joins
   * the others.
   */
  private refresh(accounts: readonly AccountConfig[], user: string | undefined, full: boolean): Promise<void> {
    if (full) {
      // "Refresh all" does not settle for a crawl that started before it (it may be incremental and read
      // before the change the user wants to see): it waits for that one, then crawls in full.
      const older = accounts
        .filter((a) => !this.inflightFull.has(a.accountId))
        .map((a) => this.inflight.get(a.accountId))
        .filter((p): p is Promise<void> => p !== undefined);
      if (older.length > 0) return Promise.allSettled(older).then(() => this.refresh(accounts, user, true));
    }
    const joined = accounts
      .map((a) => this.inflight.get(a.accountId))
      .filter((p): p is Promise<void> => p !== undefined);
    const fresh = accounts.filter((a) => !this.inflight.has(a.accountId));
    if (fresh.length > 0) {
      const done = () => {
        for (const a of fresh)
          if (this.inflight.get(a.accountId) === p) {
            this.inflight.delete(a.accountId);
            this.inflightFull.delete(a.accountId);
          }
      };
      const p: Promise<void> = this.crawlAccounts(fresh, user, full).then(
        ({ result, fullIds }) => {
          done();
          this.opts.onCrawl?.(result, fullIds);
        },
        (e: unknown) => {
          done();
          throw e;
        },
      );
      for (const a of fresh) {
        this.inflight.set(a.accountId, p);
        if (full) this.inflightFull.add(a.accountId);
      }
      joined.push(p);
    }
    return Promise.all(joined).then(() => undefined);
  }

  private async crawlAccounts(
    accounts: readonly AccountConfig[],
    user: string | undefined,
    forceFull: boolean,
  ): Promise<{ result: CrawlResult; fullIds: string[] }> {
    const crawling = new Set(accounts.map((a) => a.accountId));
    const startedAt = this.now();
    const cached = (a: AccountConfig) => a.regions.every((r) => this.segments.has(segmentKey(a.accountId, r)));
    const fullIds = accounts
      .filter((a) => forceFull || !cached(a) || this.policy.needsFull(a.accountId, startedAt))
      .map((a) => a.accountId);
    for (const id of fullIds) this.policy.fullStarted(id, startedAt);
    const hints = new Map(
      accounts
        .filter((a) => !fullIds.includes(a.accountId))
        .map((a) => [a.accountId, this.policy.hintsFor(a.accountId, startedAt)] as const),
    );
    const opts: CrawlOptions = {
      ...(user ? { user } : {}),
      ...(this.opts.deadlineMs !== undefined ? { deadlineMs: this.opts.deadlineMs } : {}),
      ...(this.opts.pacers ? { pacers: this.opts.pacers } : {}),
      now: this.now,
      // An owner outside this crawl whose cached segment is reachable already provides its resources.
      ownerServed: (accountId, region) =>
        !crawling.has(accountId) && this.segments.get(segmentKey(accountId, region))?.reachable === true,
      prior: (accountId, region) => {
        const h = hints.get(accountId);
        const seg = this.segments.get(segmentKey(accountId, region));
        return h && seg?.reachable ? { index: indexPrior(seg), hints: h } : undefined;
      },
    };
    const result = await crawl(
      this.factory,
      accounts.flatMap((account) => account.regions.map((region) => ({ account, region }))),
      opts,
    );
    for (const s of result.segments) this.segments.set(segmentKey(s.accountId, s.region), s);
    this.policy.repatchSince(startedAt, crawling);
    logEvent('info', 'inventory.refresh', {
      accounts: [...crawling],
      full: fullIds,
      calls: result.calls.total.calls,
      throttled: result.calls.total.throttled,
      durationMs: result.durationMs,
      awsBudget: Object.fromEntries([...crawling].map((id) => [id, budgetText(this.factory.gate.budgetUse(id))])),
    });
    return { result, fullIds };
  }
}
