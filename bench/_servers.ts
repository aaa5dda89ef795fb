/**
 * Starts the emulator and the built standalone console as child processes, configured exactly as
 * `npm run demo` and the e2e tests do (scripts/demoEnv). Used by bench/graph.ts; not a benchmark.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { demoAppEnv, emulatorEnv } from '../scripts/demoEnv';

/** The running pair. */
export interface Servers {
  emulatorUrl: string;
  appUrl: string;
  stop(): Promise<void>;
}

async function waitFor(url: string, child: ChildProcess, what: string, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${what} exited (code ${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not answer ${url}`);
}

function stopChild(c: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (c.exitCode !== null || c.signalCode !== null) return resolve();
    c.once('exit', () => resolve());
    c.kill('SIGTERM');
    setTimeout(() => c.kill('SIGKILL'), 5_000).unref();
  });
}

/**
 * The console's call budget in the page benches: 20/s per account, the emulator's modelled AWS rate limit
 * (what the crawl figures were measured at before the budget existed), so cold figures stay comparable.
 * At the product default (5/s) a cold fleet crawl takes ~4 min per account by design; BENCH_CALL_BUDGET=5
 * measures that.
 */
const BENCH_CALL_BUDGET = Number(process.env.BENCH_CALL_BUDGET ?? 20);

/** Starts both on the given ports with the given scenario. */
export async function startServers(o: {
  emulatorPort: number;
  appPort: number;
  scenario: string;
  appEnv?: Record<string, string>;
}): Promise<Servers> {
  const emulatorUrl = `http://127.0.0.1:${o.emulatorPort}`;
  const appUrl = `http://127.0.0.1:${o.appPort}`;
  const emu = spawn(process.execPath, ['--import', 'tsx', 'emulator/main.ts'], {
    env: { ...process.env, ...emulatorEnv({ port: o.emulatorPort, scenario: o.scenario }) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let app: ChildProcess | undefined;
  const stop = async () => {
    await Promise.all([app ? stopChild(app) : undefined, stopChild(emu)]);
  };
  try {
    // The console starts once the emulator answers (its background jobs call AWS right away).
    await waitFor(`${emulatorUrl}/_emulator/health`, emu, 'emulator');
    app = spawn(process.execPath, ['.next/standalone/server.js'], {
      env: {
        ...process.env,
        ...demoAppEnv({ emulatorUrl, port: o.appPort, callBudget: BENCH_CALL_BUDGET }),
        ...o.appEnv,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitFor(`${appUrl}/api/health`, app, 'console');
  } catch (e) {
    await stop();
    throw e;
  }
  return { emulatorUrl, appUrl, stop };
}
