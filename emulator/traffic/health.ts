/**
 * Target choice as Lattice makes it: a request goes to a HEALTHY target (or one whose group has no
 * health checks: UNAVAILABLE). A target that turned UNHEALTHY less than the detection window ago
 * still gets requests and fails them. When no target qualifies, Lattice fails open: every target
 * but the draining ones gets requests, and the unhealthy ones fail them.
 *
 * Statuses come from the store (`targetsOf`) and are cached per target group and second; the time
 * each target turned unhealthy is remembered here across syncs.
 */
import type { Rng } from '../core/rng';
import type { LatticeStore, TargetView } from '../lattice/store';

/** A target a request can be sent to, and whether it will fail the request. */
export interface Pick {
  target: TargetView;
  failing: boolean;
}

interface Snapshot {
  second: number;
  healthy: TargetView[];
  unhealthy: Array<{ target: TargetView; since: number }>;
  /** Every non-draining target (the fail-open set). */
  all: TargetView[];
}

const key = (tgId: string, t: Pick['target']) => `${tgId}|${t.id}|${t.port ?? ''}`;

/** Remembers target health across syncs. */
export class HealthTracker {
  private readonly since = new Map<string, number>();
  private readonly cache = new Map<string, Snapshot>();

  constructor(
    private readonly store: () => LatticeStore,
    /** Health is read at max(time, epoch): the backfill replays today's fleet into the past. */
    readonly epoch: number,
    private readonly windowMs: () => number,
  ) {}

  /** Treats targets that are unhealthy now as long unhealthy (no detection window at start). */
  seed(now: number): void {
    const store = this.store();
    for (const tg of store.targetGroups()) {
      for (const t of store.targetsOf(tg.id, Math.max(now, this.epoch)))
        if (t.status === 'UNHEALTHY') this.since.set(key(tg.id, t), -Infinity);
    }
  }

  /** When targets turned unhealthy (finite times only: the rest is seeded as long unhealthy on load). */
  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.since].filter(([, t]) => Number.isFinite(t)));
  }

  /** Restores `toJSON()` output (after `seed`, so that saved times win). */
  restore(json: Record<string, number>): void {
    for (const [k, t] of Object.entries(json)) this.since.set(k, t);
  }

  /** Records that a target turned unhealthy at `t` (incidents know the exact moment). */
  markUnhealthy(tgId: string, targetId: string, port: number | undefined, t: number): void {
    this.since.set(`${tgId}|${targetId}|${port ?? ''}`, t);
  }

  /** Drops cached statuses (after anything changed target health). */
  invalidate(): void {
    this.cache.clear();
  }

  private snapshot(tgId: string, t: number): Snapshot {
    const at = Math.max(t, this.epoch);
    const second = Math.floor(at / 1000);
    const cached = this.cache.get(tgId);
    if (cached && cached.second === second) return cached;
    const snap: Snapshot = { second, healthy: [], unhealthy: [], all: [] };
    for (const target of this.store().targetsOf(tgId, at)) {
      const k = key(tgId, target);
      if (target.status === 'UNHEALTHY') {
        let since = this.since.get(k);
        if (since === undefined) {
          since = at;
          this.since.set(k, since);
        }
        snap.unhealthy.push({ target, since });
      } else {
        this.since.delete(k);
        if (target.status === 'HEALTHY' || target.status === 'UNAVAILABLE') snap.healthy.push(target);
      }
      if (target.status !== 'DRAINING') snap.all.push(target);
    }
    this.cache.set(tgId, snap);
    return snap;
  }

  /** The target of a request at time `t`; undefined when the group has no target at all. */
  pick(tgId: string, t: number, rng: Rng): Pick | undefined {
    const snap = this.snapshot(tgId, t);
    const window = this.windowMs();
    const recent = snap.unhealthy.length === 0 ? snap.unhealthy : snap.unhealthy.filter((u) => t < u.since + window);
    const routable = snap.healthy.length + recent.length;
    if (routable > 0) {
      const i = Math.floor(rng.next() * routable);
      return i < snap.healthy.length
        ? { target: snap.healthy[i] as TargetView, failing: false }
        : { target: (recent[i - snap.healthy.length] as { target: TargetView }).target, failing: true };
    }
    if (snap.all.length === 0) return undefined;
    const target = snap.all[Math.floor(rng.next() * snap.all.length)] as TargetView;
    return { target, failing: target.status !== 'HEALTHY' && target.status !== 'UNAVAILABLE' };
  }
}
