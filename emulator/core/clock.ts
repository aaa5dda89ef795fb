/** Time source of the emulator; injectable so that tests and traffic are deterministic. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** Wall-clock time. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to; for tests. */
export class ManualClock implements Clock {
  private t: number;
  constructor(startMs: number) {
    this.t = startMs;
  }
  now(): number {
    return this.t;
  }
  /** Moves time forward by `ms`. */
  advance(ms: number): void {
    this.t += ms;
  }
  /** Sets the time; never backwards. */
  set(ms: number): void {
    if (ms < this.t) throw new Error('ManualClock cannot go backwards');
    this.t = ms;
  }
}

/** A clock that runs at wall-clock speed from a chosen start (e.g. a fixed date for demos). */
export function offsetClock(startMs: number, base: Clock = systemClock): Clock {
  const offset = startMs - base.now();
  return { now: () => base.now() + offset };
}
