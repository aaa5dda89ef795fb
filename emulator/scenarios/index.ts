/**
 * Scenario registry: a scenario builds a fresh world (accounts, resources, logs, traffic) from a seed.
 */
import type { Clock } from '../core/clock';
import { EmulatorState } from '../state';
import { demoScenario } from './demo';
import { emptyScenario } from './empty';
import { fleetScenario } from './fleet';

/** Builds the contents of a fresh world. */
export type ScenarioBuilder = (state: EmulatorState, params: Record<string, unknown>) => void | Promise<void>;

const scenarios: Record<string, ScenarioBuilder> = {
  empty: emptyScenario,
  demo: demoScenario,
  fleet: fleetScenario,
};

/** Names of the built-in scenarios. */
export function scenarioNames(): string[] {
  return Object.keys(scenarios);
}

/** Builds a world for `name` under `seed`. */
export async function buildScenario(
  name: string,
  seed: number,
  clock: Clock,
  params: Record<string, unknown>,
): Promise<EmulatorState> {
  const builder = scenarios[name];
  if (!builder) throw new Error(`unknown scenario '${name}'; known: ${scenarioNames().join(', ')}`);
  const state = new EmulatorState({ clock, seed, scenario: name });
  await builder(state, params);
  return state;
}
