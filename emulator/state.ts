/**
 * The whole emulated world: clock, randomness, identities, Lattice resources, log groups, faults.
 * One instance per emulator; `reset` through the control API replaces it with a fresh scenario.
 */
import type { Clock } from './core/clock';
import { Paginator } from './core/pagination';
import { Rng } from './core/rng';
import { Faults } from './faults';
import { Iam, type IamJson } from './iam/iam';
import { LatticeStore, type LatticeJson } from './lattice/store';
import { LogsStore, type LogsJson } from './logs/store';
import { restoreTraffic } from './traffic/attach';
import type { TrafficSimulator } from './traffic/simulator';
import type { TrafficJson } from './traffic/types';

/** The saved form of a world (see `npm run emulator` with EMULATOR_STATE_FILE). */
export interface StateJson {
  format: 'trellis-emulator-state';
  version: 1;
  scenario: string;
  seed: number;
  rng: number;
  savedAt: number;
  iam: IamJson;
  lattice: LatticeJson;
  logs: LogsJson;
  /** Simulated traffic (settings, profiles, incidents, served-until time); absent in worlds without it. */
  traffic?: TrafficJson;
}

/** The emulated world. */
export class EmulatorState {
  readonly clock: Clock;
  readonly seed: number;
  readonly scenario: string;
  /** Ids, keys and other choices of the control plane. Traffic uses its own forks. */
  readonly rng: Rng;
  readonly paginator: Paginator;
  readonly faults: Faults;
  iam: Iam;
  lattice: LatticeStore;
  logs: LogsStore;
  /** The world's simulated traffic, if its scenario has any. */
  traffic: TrafficSimulator | undefined;
  private readonly stoppers: Array<() => void> = [];
  private readonly syncHooks: Array<(now: number) => void> = [];

  constructor(opts: { clock: Clock; seed: number; scenario: string }) {
    this.clock = opts.clock;
    this.seed = opts.seed;
    this.scenario = opts.scenario;
    this.rng = new Rng(opts.seed).fork('control-plane');
    this.paginator = new Paginator(`trellis-emulator-${opts.seed}`);
    this.faults = new Faults(opts.seed);
    this.iam = new Iam();
    this.lattice = new LatticeStore();
    this.logs = new LogsStore();
  }

  /** Registers background work (timers) to stop when this world is replaced or the emulator stops. */
  onStop(fn: () => void): void {
    this.stoppers.push(fn);
  }

  /**
   * Registers work that brings the world up to the clock (traffic generation). The server runs the
   * hooks before dispatching any AWS call and the control API before it changes anything.
   */
  addSyncHook(fn: (now: number) => void): void {
    this.syncHooks.push(fn);
  }

  /** Brings the world up to "now". A failing hook is reported and never fails the caller's request. */
  sync(): void {
    const now = this.clock.now();
    for (const fn of this.syncHooks) {
      try {
        fn(now);
      } catch (e) {
        process.stderr.write(`emulator: world sync failed: ${(e as Error).stack ?? String(e)}\n`);
      }
    }
  }

  /** Stops the world's background work. */
  stop(): void {
    for (const fn of this.stoppers.splice(0)) fn();
  }

  /** Serializes everything a restart must keep (faults and rate limits are not kept: they are test settings). */
  toJSON(): StateJson {
    return {
      format: 'trellis-emulator-state',
      version: 1,
      scenario: this.scenario,
      seed: this.seed,
      rng: this.rng.snapshot(),
      savedAt: this.clock.now(),
      iam: this.iam.toJSON(),
      lattice: this.lattice.toJSON(),
      logs: this.logs.toJSON(),
      ...(this.traffic ? { traffic: this.traffic.toJSON() } : {}),
    };
  }

  /** Rebuilds a world from `toJSON()` output. */
  static fromJSON(json: StateJson, clock: Clock): EmulatorState {
    if (json.format !== 'trellis-emulator-state' || json.version !== 1)
      throw new Error('not a Trellis emulator state file (format/version mismatch)');
    const state = new EmulatorState({ clock, seed: json.seed, scenario: json.scenario });
    state.rng.restore(json.rng);
    state.iam = Iam.fromJSON(json.iam);
    state.lattice = LatticeStore.fromJSON(json.lattice);
    state.logs = LogsStore.fromJSON(json.logs);
    if (json.traffic) restoreTraffic(state, json.traffic);
    return state;
  }
}
