/**
 * Connects a traffic simulator to its world: the world's sync hook brings traffic up to the clock
 * before every API call and control change, and with a running clock (system or offset) a 1 s
 * timer keeps the logs living while nobody calls. The timer stops with the world.
 */
import { ManualClock } from '../core/clock';
import type { EmulatorState } from '../state';
import { TrafficSimulator, type TrafficInit } from './simulator';
import type { TrafficJson } from './types';

/** How often a running clock advances traffic with nobody calling. */
export const TICK_MS = 1000;

/** Makes `sim` the world's traffic and starts driving it. */
export function attachTraffic(state: EmulatorState, sim: TrafficSimulator): TrafficSimulator {
  state.traffic = sim;
  state.addSyncHook((now) => sim.syncTo(now));
  if (!(state.clock instanceof ManualClock)) {
    const timer = setInterval(() => state.sync(), TICK_MS);
    timer.unref();
    state.onStop(() => clearInterval(timer));
  }
  return sim;
}

/** Creates and attaches a simulator for a world. */
export function createTraffic(state: EmulatorState, init: TrafficInit): TrafficSimulator {
  return attachTraffic(state, new TrafficSimulator(state, init));
}

/** Restores a saved simulator into a loaded world. */
export function restoreTraffic(state: EmulatorState, json: TrafficJson): TrafficSimulator {
  return attachTraffic(state, TrafficSimulator.fromJSON(state, json));
}
