/**
 * Control routes for the world as a whole: health, reset to a scenario, accounts and keys,
 * the clock, and saving/loading state to a JSON file.
 */
import { readFile, writeFile, rename } from 'node:fs/promises';
import { z } from 'zod';
import { ManualClock, offsetClock, systemClock, type Clock } from '../core/clock';
import { EmulatorState, type StateJson } from '../state';
import { scenarioNames } from '../scenarios';
import { ControlError, ok, parseBody, type ControlRoute } from './router';

export const resetBody = z.object({
  scenario: z.string().default('demo'),
  seed: z.number().int().nonnegative().default(1),
  params: z.record(z.string(), z.unknown()).default({}),
  clock: z
    .object({ mode: z.enum(['system', 'manual', 'offset']), startMs: z.number().int().nonnegative().optional() })
    .optional(),
});

function clockFrom(spec: z.infer<typeof resetBody>['clock']): Clock | undefined {
  if (!spec) return undefined;
  if (spec.mode === 'system') return systemClock;
  const start = spec.startMs ?? Date.now();
  return spec.mode === 'manual' ? new ManualClock(start) : offsetClock(start);
}

const fileBody = z.object({ file: z.string().min(1) });

/** Writes the state atomically (temp file + rename), so a crash never leaves half a file. */
export async function saveState(state: EmulatorState, file: string): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, JSON.stringify(state.toJSON()));
  await rename(tmp, file);
}

/** Reads a state file written by `saveState`. */
export async function loadState(file: string, clock: Clock): Promise<EmulatorState> {
  const json = JSON.parse(await readFile(file, 'utf8')) as StateJson;
  return EmulatorState.fromJSON(json, clock);
}

export const worldRoutes: ControlRoute[] = [
  {
    method: 'GET',
    path: '/health',
    handle: (host) =>
      ok({
        ok: true,
        scenario: host.state.scenario,
        seed: host.state.seed,
        now: host.state.clock.now(),
        scenarios: scenarioNames(),
      }),
  },
  {
    method: 'POST',
    path: '/reset',
    handle: async (host, body) => {
      const b = parseBody(resetBody, body);
      if (!scenarioNames().includes(b.scenario))
        throw new ControlError(400, `unknown scenario '${b.scenario}'; known: ${scenarioNames().join(', ')}`);
      const state = await host.reset(b.scenario, b.seed, b.params, clockFrom(b.clock));
      return ok({
        scenario: state.scenario,
        seed: state.seed,
        now: state.clock.now(),
        accounts: [...state.iam.accounts.values()],
      });
    },
  },
  {
    method: 'GET',
    path: '/accounts',
    handle: (host) => {
      const iam = host.state.iam;
      return ok({
        accounts: [...iam.accounts.values()],
        keys: iam.userKeys(),
        roles: [...iam.roles.values()],
      });
    },
  },
  {
    method: 'GET',
    path: '/clock',
    handle: (host) => ok({ now: host.state.clock.now(), manual: host.state.clock instanceof ManualClock }),
  },
  {
    method: 'POST',
    path: '/clock',
    handle: (host, body) => {
      const b = parseBody(
        z.object({
          advanceMs: z.number().int().nonnegative().optional(),
          setMs: z.number().int().nonnegative().optional(),
        }),
        body,
      );
      const clock = host.state.clock;
      if (!(clock instanceof ManualClock))
        throw new ControlError(409, 'the clock is not manual; reset with {"clock":{"mode":"manual"}} first');
      if (b.advanceMs !== undefined) clock.advance(b.advanceMs);
      if (b.setMs !== undefined) {
        if (b.setMs < clock.now()) throw new ControlError(400, 'the clock cannot go backwards');
        clock.set(b.setMs);
      }
      return ok({ now: clock.now() });
    },
  },
  {
    method: 'POST',
    path: '/save',
    handle: async (host, body) => {
      const { file } = parseBody(fileBody, body);
      await saveState(host.state, file);
      return ok({ saved: file });
    },
  },
  {
    method: 'POST',
    path: '/load',
    handle: async (host, body) => {
      const { file } = parseBody(fileBody, body);
      let state: EmulatorState;
      try {
        state = await loadState(file, host.clock);
      } catch (e) {
        throw new ControlError(400, `cannot load ${file}: ${(e as Error).message}`);
      }
      host.replace(state);
      return ok({ loaded: file, scenario: state.scenario });
    },
  },
];
