/**
 * `npm run demo`: the console against the local emulator, no AWS account needed.
 *   PORT (3000)           the console
 *   EMULATOR_PORT (4566)  the emulator (demo scenario; state kept in .emulator-state.json across restarts)
 * Builds the app first when the build is missing or older than the sources. Ctrl-C stops both; if
 * either dies, the other is stopped too and the demo exits non-zero.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { demoAppEnv, emulatorEnv } from './demoEnv';
import { buildStaleness } from './staleness';

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw ? Number(raw) : fallback;
  if (!Number.isInteger(n) || n < 1 || n > 65535) fail(`${name} must be a port number (1-65535), got '${raw}'`);
  return n;
}

function fail(message: string): never {
  process.stderr.write(`demo: ${message}\n`);
  process.exit(1);
}

/** Resolves if nothing listens on 127.0.0.1:port. */
function ensureFree(p: number, name: string): Promise<void> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => fail(`port ${p} is already in use; stop what uses it or set ${name}=<another port>`));
    s.listen(p, '127.0.0.1', () => s.close(() => resolve()));
  });
}

async function waitFor(url: string, child: ChildProcess, what: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null)
      fail(`${what} exited before it was ready (code ${child.exitCode ?? child.signalCode})`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  fail(`${what} did not answer ${url} within ${timeoutMs / 1000} s`);
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<void> {
  const appPort = port('PORT', 3000);
  const emuPort = port('EMULATOR_PORT', 4566);
  await ensureFree(appPort, 'PORT');
  await ensureFree(emuPort, 'EMULATOR_PORT');

  const stale = buildStaleness(process.cwd());
  if (stale) {
    process.stdout.write(`demo: building the console (${stale}) ...\n`);
    const code = await run('npm', ['run', 'build'], process.env);
    if (code !== 0) fail(`the build failed (exit code ${code})`);
  }

  const emulatorUrl = `http://127.0.0.1:${emuPort}`;
  const children: Array<{ name: string; child: ChildProcess }> = [];
  let stopping = false;
  const stopAll = (exitCode: number, why?: string): void => {
    if (stopping) return;
    stopping = true;
    if (why) process.stderr.write(`demo: ${why}\n`);
    const alive = children.filter((c) => c.child.exitCode === null && c.child.signalCode === null);
    for (const c of alive) c.child.kill('SIGTERM');
    const force = setTimeout(() => {
      for (const c of alive) c.child.kill('SIGKILL');
    }, 10_000);
    force.unref();
    void Promise.all(alive.map((c) => new Promise((r) => c.child.once('exit', r)))).then(() => process.exit(exitCode));
  };
  const start = (name: string, args: string[], env: Record<string, string>): ChildProcess => {
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...env },
    });
    children.push({ name, child });
    child.on('exit', (code, signal) => {
      // Ctrl-C reaches the whole process group: give our own SIGINT handler a moment to claim the stop.
      setTimeout(() => {
        if (!stopping) stopAll(1, `${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the rest`);
      }, 300);
    });
    return child;
  };
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));

  // `node --import tsx` rather than the tsx CLI: one process per child, so signals reach it directly.
  const emulator = start(
    'the emulator',
    ['--import', 'tsx', 'emulator/main.ts'],
    emulatorEnv({ port: emuPort, stateFile: process.env.EMULATOR_STATE_FILE || '.emulator-state.json' }),
  );
  await waitFor(`${emulatorUrl}/_emulator/health`, emulator, 'the emulator', 60_000);
  const app = start('the console', ['.next/standalone/server.js'], demoAppEnv({ emulatorUrl, port: appPort }));
  await waitFor(`http://127.0.0.1:${appPort}/api/health`, app, 'the console', 60_000);
  process.stdout.write(
    `\nTrellis console: http://localhost:${appPort} (emulator ${emulatorUrl}) — Ctrl-C stops both\n\n`,
  );
}

main().catch((e: unknown) => fail((e as Error).message));
