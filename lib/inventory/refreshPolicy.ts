/**
 * What the next refresh of an account reads: a full crawl (first read, "Refresh all", or every
 * `fullEveryMs`) or an incremental one, and its hints: the listeners Trellis wrote (dirty), the
 * rotating share of services swept for changes made elsewhere (each within `sweepRefreshes`
 * refreshes), and whose target health is read (watched groups every refresh, the others each within
 * `healthRefreshes` refreshes). Written listeners are also patched at once before the next read
 * (`takePatches`). Pure state; time is passed in.
 */
import { parseLatticeArn } from '../domain/arn';
import { slotOf } from './prior';
import type { RefreshHints } from './readChanged';

/** Tuning of the refresh. */
export interface RefreshTuning {
  /** A full crawl at least this often (ms). */
  fullEveryMs: number;
  /** Every service's listeners and rules are re-listed within this many refreshes. */
  sweepRefreshes: number;
  /** Every target group's health is read within this many refreshes (watched ones every refresh). */
  healthRefreshes: number;
}

/** Defaults: a full crawl every 30 min, listeners swept within 2 refreshes, health within 10. */
export const DEFAULT_REFRESH_TUNING: RefreshTuning = {
  fullEveryMs: 30 * 60_000,
  sweepRefreshes: 2,
  healthRefreshes: 10,
};

/** How long a watched target group stays watched unless watched again (ms). */
export const WATCH_MS = 5 * 60_000;

function ownerKey(arn: string): string | undefined {
  const p = parseLatticeArn(arn);
  return p ? `${p.accountId}|${p.region}` : undefined;
}

/** See the module comment. */
export class RefreshPolicy {
  /** Listeners Trellis wrote since the last refresh of their account: read again by the next one. */
  private readonly dirty = new Set<string>();
  /** Listener ARN → when Trellis last wrote it (to patch again after a crawl that started before). */
  private readonly written = new Map<string, number>();
  /** Listener ARNs to patch before the next snapshot is served. */
  private readonly patches = new Set<string>();
  private readonly watched = new Map<string, number>();
  private readonly rounds = new Map<string, number>();
  private readonly lastFull = new Map<string, number>();

  constructor(readonly tuning: RefreshTuning = DEFAULT_REFRESH_TUNING) {}

  /** Trellis wrote rules of a listener (or its default action). */
  markListener(listenerArn: string, now: number): void {
    this.dirty.add(listenerArn);
    this.written.set(listenerArn, now);
    this.patches.add(listenerArn);
  }

  /** The listeners to patch now, by segment key; taken (a failed patch is retried by the next refresh). */
  takePatches(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const arn of this.patches) {
      const key = ownerKey(arn);
      if (key) out.set(key, [...(out.get(key) ?? []), arn]);
    }
    this.patches.clear();
    return out;
  }

  /** Patches again the listeners written at or after `since` (a crawl started before may have overwritten them). */
  repatchSince(since: number, accountIds: ReadonlySet<string>): void {
    for (const [arn, at] of this.written) {
      const owner = parseLatticeArn(arn)?.accountId;
      if (at < since) this.written.delete(arn);
      else if (owner && accountIds.has(owner)) this.patches.add(arn);
    }
  }

  /** Target groups to keep fresh (in view, named by a finding) until `now + forMs`. */
  watch(targetGroupArns: readonly string[], now: number, forMs = WATCH_MS): void {
    for (const arn of targetGroupArns) this.watched.set(arn, now + forMs);
  }

  /** Whether the next refresh of an account must be a full crawl. */
  needsFull(accountId: string, now: number): boolean {
    const at = this.lastFull.get(accountId);
    return at === undefined || now - at >= this.tuning.fullEveryMs;
  }

  /** A full crawl of the account started at `at`. */
  fullStarted(accountId: string, at: number): void {
    this.lastFull.set(accountId, at);
    this.rounds.set(accountId, 0);
  }

  /** The hints of the next incremental refresh of an account (takes its dirty listeners; advances its rotation). */
  hintsFor(accountId: string, now: number): RefreshHints {
    const round = (this.rounds.get(accountId) ?? 0) + 1;
    this.rounds.set(accountId, round);
    const dirtyListeners = new Set<string>();
    for (const arn of this.dirty) {
      if (parseLatticeArn(arn)?.accountId !== accountId) continue;
      dirtyListeners.add(arn);
      this.dirty.delete(arn);
    }
    for (const [arn, until] of this.watched) if (until < now) this.watched.delete(arn);
    const { sweepRefreshes, healthRefreshes } = this.tuning;
    return {
      dirtyListeners,
      sweep: (serviceArn) => slotOf(serviceArn, sweepRefreshes) === round % sweepRefreshes,
      health: (tg) => this.watched.has(tg) || slotOf(tg, healthRefreshes) === round % healthRefreshes,
    };
  }
}
