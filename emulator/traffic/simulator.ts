/**
 * The traffic simulator of a world. Driven by the emulator clock: `syncTo(now)` serves every
 * request with a time before `now` that has not been served yet, second by second, against the
 * world as it is at that moment, and appends the access-log records (visible once the clock passes
 * their ingestion time). The world calls it before every API call and control change (the sync
 * hook), so a change made at time T affects exactly the requests from T on, whatever the tick rate.
 */
import type { EmulatorState } from '../state';
import { HealthTracker } from './health';
import { IncidentBook } from './incidents';
import { drawSecond, type Intent } from './intents';
import { serve, type ServeContext } from './request';
import { RecordSink } from './sink';
import {
  DEFAULT_SETTINGS,
  type CallerSpec,
  type Incident,
  type TrafficJson,
  type TrafficProfile,
  type TrafficSettings,
  type TrafficStats,
} from './types';
import { WorldView } from './world';

/** Records buffered before they are handed to the Logs store. */
const FLUSH_EVERY = 2048;

/** What a simulator starts from. */
export interface TrafficInit {
  callers: CallerSpec[];
  profiles: TrafficProfile[];
  settings?: Partial<TrafficSettings>;
  /** Served-until time; earlier than now means the first sync backfills history. */
  generatedUntil: number;
  /** Target health before this time is read as of this time (the fleet as built). */
  healthEpoch: number;
  incidents?: Incident[];
  nextIncident?: number;
  stats?: TrafficStats;
  unhealthySince?: Record<string, number>;
}

/** One world's simulated traffic. */
export class TrafficSimulator {
  settings: TrafficSettings;
  callers: CallerSpec[];
  profiles: TrafficProfile[];
  readonly book: IncidentBook;
  readonly health: HealthTracker;
  /** Every request with t < generatedUntil has been served. */
  generatedUntil: number;
  stats: TrafficStats;
  private current: { second: number; intents: Intent[]; next: number } | undefined;
  private syncing = false;

  constructor(
    private readonly state: EmulatorState,
    init: TrafficInit,
  ) {
    this.settings = {
      ...DEFAULT_SETTINGS,
      ...init.settings,
      rates: { ...init.settings?.rates },
      latency: { ...init.settings?.latency },
    };
    this.callers = init.callers;
    this.profiles = init.profiles;
    this.book = new IncidentBook(init.incidents ?? [], init.nextIncident ?? 1);
    this.generatedUntil = init.generatedUntil;
    this.stats = init.stats ?? { requests: 0, records: 0, unreachable: 0, undelivered: 0 };
    this.health = new HealthTracker(
      () => this.state.lattice,
      init.healthEpoch,
      () => this.settings.detectionWindowMs,
    );
    this.health.seed(init.generatedUntil);
    if (init.unhealthySince) this.health.restore(init.unhealthySince);
  }

  /** Serves every request before `now`, applying incident starts and ends on the way. */
  syncTo(now: number): void {
    if (this.syncing || now <= this.generatedUntil) return;
    this.syncing = true;
    try {
      const { lattice, logs } = this.state;
      this.health.invalidate();
      if (now - this.generatedUntil > this.settings.maxCatchUpMs) {
        // A long clock jump (a sleeping laptop): those hours stay empty rather than block the emulator.
        this.generatedUntil = now - this.settings.maxCatchUpMs;
        this.current = undefined;
      }
      const sink = new RecordSink();
      const view = new WorldView(lattice, logs);
      for (;;) {
        this.book.applyDue(this.generatedUntil, lattice, this.health);
        if (this.generatedUntil >= now) break;
        const next = Math.min(now, this.book.nextTransition(this.generatedUntil) ?? Infinity);
        if (!this.settings.paused) this.serveRange(this.generatedUntil, next, view, sink, now);
        this.generatedUntil = next;
      }
      sink.flush(logs, now);
    } finally {
      this.syncing = false;
    }
  }

  private intentsOf(second: number): { second: number; intents: Intent[]; next: number } {
    if (this.current?.second !== second) {
      const incidents = this.book.overlapping(second * 1000, (second + 1) * 1000);
      this.current = {
        second,
        intents: drawSecond(this.state.seed, second, this.profiles, this.callers, this.settings, incidents),
        next: 0,
      };
    }
    return this.current;
  }

  private serveRange(from: number, to: number, view: WorldView, sink: RecordSink, now: number): void {
    const ctx: ServeContext = {
      view,
      health: this.health,
      settings: this.settings,
      callers: this.callers,
      profiles: this.profiles,
      incidents: [],
      sink,
      stats: this.stats,
    };
    for (let s = Math.floor(from / 1000); s * 1000 < to; s++) {
      const sec = this.intentsOf(s);
      ctx.incidents = this.book.overlapping(s * 1000, (s + 1) * 1000);
      while (sec.next < sec.intents.length && (sec.intents[sec.next] as Intent).t < from) sec.next++;
      while (sec.next < sec.intents.length) {
        const intent = sec.intents[sec.next] as Intent;
        if (intent.t >= to) break;
        serve(ctx, intent);
        sec.next++;
      }
      if (sink.pending >= FLUSH_EVERY) sink.flush(this.state.logs, now);
    }
  }

  /** Changes settings (rates merge; a null rate removes the override). */
  configure(patch: Partial<Omit<TrafficSettings, 'rates'>> & { rates?: Record<string, number | null> }): void {
    const { rates, ...rest } = patch;
    Object.assign(this.settings, rest);
    for (const [name, rps] of Object.entries(rates ?? {})) {
      if (rps === null) delete this.settings.rates[name];
      else this.settings.rates[name] = rps;
    }
  }

  /** Adds an incident that starts at `startedAt` (now for the control API; the past for scenarios). */
  addIncident(i: Omit<Incident, 'id' | 'phase'>): Incident {
    const incident = this.book.add({ ...i, id: this.book.newId(), phase: 'scheduled' });
    if (incident.startedAt <= this.generatedUntil)
      this.book.applyDue(this.generatedUntil, this.state.lattice, this.health);
    return incident;
  }

  /** Ends one incident (or all with `id` undefined) at the simulator's current time. */
  endIncidents(id?: string): number {
    const at = this.generatedUntil;
    if (id === undefined) return this.book.endAll(at, this.state.lattice, this.health);
    return this.book.end(id, at, this.state.lattice, this.health) ? 1 : 0;
  }

  /** The saved form. */
  toJSON(): TrafficJson {
    return JSON.parse(
      JSON.stringify({
        version: 1,
        settings: this.settings,
        callers: this.callers,
        profiles: this.profiles,
        incidents: this.book.incidents,
        nextIncident: this.book.nextNo,
        generatedUntil: this.generatedUntil,
        healthEpoch: this.health.epoch,
        unhealthySince: this.health.toJSON(),
        stats: this.stats,
      }),
    ) as TrafficJson;
  }

  /** Rebuilds a simulator from `toJSON()` output (it resumes from `generatedUntil`). */
  static fromJSON(state: EmulatorState, json: TrafficJson): TrafficSimulator {
    const copy = JSON.parse(JSON.stringify(json)) as TrafficJson;
    return new TrafficSimulator(state, {
      callers: copy.callers,
      profiles: copy.profiles,
      settings: copy.settings,
      generatedUntil: copy.generatedUntil,
      healthEpoch: copy.healthEpoch,
      incidents: copy.incidents,
      nextIncident: copy.nextIncident,
      stats: copy.stats,
      ...(copy.unhealthySince ? { unhealthySince: copy.unhealthySince } : {}),
    });
  }
}
