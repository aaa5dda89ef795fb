/**
 * `npm run emulator`: starts the local AWS twin on 127.0.0.1.
 *   EMULATOR_PORT (4566)  EMULATOR_SCENARIO (demo)  EMULATOR_SEED (1)
 *   EMULATOR_STATE_FILE   load the world from this file at start if it exists; save it on exit
 *   EMULATOR_VERBOSE=1    one line per request on stderr
 */
import { existsSync } from 'node:fs';
import { systemClock } from './core/clock';
import { loadState, saveState } from './control/worldRoutes';
import { startEmulator } from './server';

function intEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    process.stderr.write(`emulator: ${name} must be an integer from ${min} to ${max}, got '${raw}'\n`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const port = intEnv('EMULATOR_PORT', 4566, 0, 65535);
  const seed = intEnv('EMULATOR_SEED', 1, 0, 2 ** 31);
  const scenario = process.env.EMULATOR_SCENARIO || 'demo';
  const stateFile = process.env.EMULATOR_STATE_FILE || undefined;
  const state = stateFile && existsSync(stateFile) ? await loadState(stateFile, systemClock) : undefined;
  const emu = await startEmulator({
    port,
    seed,
    scenario,
    verbose: process.env.EMULATOR_VERBOSE === '1',
    ...(state ? { state } : {}),
  });
  const from = state ? `state file ${stateFile}` : `scenario '${scenario}' (seed ${seed})`;
  process.stdout.write(`Trellis emulator listening on ${emu.url} with ${from}\n`);
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    if (stateFile) {
      await saveState(emu.state, stateFile);
      process.stdout.write(`emulator: state saved to ${stateFile}\n`);
    }
    await emu.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  process.stderr.write(`emulator failed to start: ${(e as Error).message}\n`);
  process.exit(1);
});
