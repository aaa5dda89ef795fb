/**
 * Injected incidents and their timeline. An incident is active over [startedAt, end), where end is
 * when it was deleted or its planned `endsAt`; past incidents stay listed (their records stay in the
 * logs). `unhealthy-targets` changes the world (forces targets UNHEALTHY and restores them at the
 * end), so its start and end are applied exactly when the simulation passes them; the other kinds
 * are read by each request at its own time.
 */
import type { LatticeStore } from '../lattice/store';
import type { TargetStatus } from '../lattice/types';
import type { HealthTracker } from './health';
import type { ForcedTarget, Incident } from './types';

/** When an incident stops being active (Infinity while open-ended). */
export function endOf(i: Incident): number {
  return i.endedAt ?? i.endsAt ?? Infinity;
}

/** Whether an incident is active at time `t`. */
export function activeAt(i: Incident, t: number): boolean {
  return i.startedAt <= t && t < endOf(i);
}

/** Targets an `unhealthy-targets` incident may force: registered, not draining, not already UNHEALTHY. */
export function forcibleTargets(store: LatticeStore, tgId: string): ForcedTarget[] {
  const tg = store.targetGroup(tgId);
  if (!tg) return [];
  return tg.targets
    .filter((t) => t.deregisteredAt === undefined && t.forcedStatus !== 'UNHEALTHY')
    .sort((a, b) => Number(a.forcedStatus !== undefined) - Number(b.forcedStatus !== undefined))
    .map((t) => ({
      targetId: t.id,
      ...(t.port !== undefined ? { port: t.port } : {}),
      ...(t.forcedStatus ? { previousStatus: t.forcedStatus } : {}),
      ...(t.forcedReasonCode ? { previousReasonCode: t.forcedReasonCode } : {}),
    }));
}

function start(i: Incident, store: LatticeStore, health: HealthTracker): void {
  i.phase = 'active';
  if (i.kind !== 'unhealthy-targets' || !i.targetGroupId) return;
  const tgId = i.targetGroupId;
  i.forced = forcibleTargets(store, tgId).slice(0, i.count ?? 0);
  for (const f of i.forced) {
    store.setTargetStatus(tgId, f.targetId, 'UNHEALTHY', 'HealthCheckFailed', f.port);
    health.markUnhealthy(tgId, f.targetId, f.port, i.startedAt);
  }
  health.invalidate();
}

function finish(i: Incident, at: number, store: LatticeStore, health: HealthTracker): void {
  if (i.phase === 'active' && i.kind === 'unhealthy-targets' && i.targetGroupId) {
    for (const f of i.forced ?? []) {
      if (f.previousStatus)
        store.setTargetStatus(
          i.targetGroupId,
          f.targetId,
          f.previousStatus as TargetStatus,
          f.previousReasonCode,
          f.port,
        );
      else store.clearTargetStatus(i.targetGroupId, f.targetId, f.port);
    }
    health.invalidate();
  }
  i.phase = 'ended';
  i.endedAt = Math.min(at, i.endsAt ?? at);
}

/** The incidents of a world. */
export class IncidentBook {
  constructor(
    readonly incidents: Incident[] = [],
    public nextNo = 1,
  ) {}

  /** A new id: inc-0001, inc-0002, ... */
  newId(): string {
    return `inc-${String(this.nextNo++).padStart(4, '0')}`;
  }

  /** Adds an incident (its start is applied by the next `applyDue`). */
  add(i: Incident): Incident {
    this.incidents.push(i);
    return i;
  }

  /** The earliest start or planned end after `t` that has not been applied yet. */
  nextTransition(t: number): number | undefined {
    let next: number | undefined;
    for (const i of this.incidents) {
      if (i.phase === 'ended') continue;
      const at = i.phase === 'scheduled' ? i.startedAt : i.endsAt;
      if (at !== undefined && at > t && (next === undefined || at < next)) next = at;
      if (i.phase === 'scheduled' && i.endsAt !== undefined && i.endsAt > t && (next === undefined || i.endsAt < next))
        next = i.endsAt;
    }
    return next;
  }

  /** Applies every start and planned end at or before `t`. */
  applyDue(t: number, store: LatticeStore, health: HealthTracker): void {
    for (const i of this.incidents) {
      if (i.phase === 'scheduled' && i.startedAt <= t) start(i, store, health);
      if (i.phase === 'active' && i.endsAt !== undefined && i.endsAt <= t) finish(i, i.endsAt, store, health);
    }
  }

  /** Ends one incident now; false when it is unknown. */
  end(id: string, now: number, store: LatticeStore, health: HealthTracker): boolean {
    const i = this.incidents.find((x) => x.id === id);
    if (!i) return false;
    if (i.phase !== 'ended') finish(i, now, store, health);
    return true;
  }

  /** Ends every open incident now; returns how many ended. */
  endAll(now: number, store: LatticeStore, health: HealthTracker): number {
    let n = 0;
    for (const i of this.incidents) {
      if (i.phase === 'ended') continue;
      finish(i, now, store, health);
      n++;
    }
    return n;
  }

  /** Incidents overlapping [from, to). */
  overlapping(from: number, to: number): Incident[] {
    return this.incidents.filter((i) => i.startedAt < to && endOf(i) > from);
  }
}
