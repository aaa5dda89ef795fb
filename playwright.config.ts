/**
 * E2E tests: the built standalone console plus the emulator (demo scenario), in Debian's Chromium.
 * Two consoles run against one emulator:
 *   - project `chromium`: TRELLIS_AUTH=none (everyone operator), started with `node .next/standalone/server.js`;
 *   - project `alb` (e2e/auth*.spec.ts): TRELLIS_AUTH=alb, started exactly as the container image
 *     starts it (working directory, CMD and ENV read from the Dockerfile, on the image's Node LTS from
 *     scripts/ltsNode.mjs; PORT and TRELLIS_LISTEN_HOST differ, and HOSTNAME is a foreign host name as
 *     Fargate injects one), with a test ALB key server that signs tokens for viewers and operators.
 * Ports are dedicated to e2e (emulator 4599, app 3099, ALB app 3098, key server 4598; override with
 * E2E_EMULATOR_PORT, E2E_APP_PORT, E2E_ALB_APP_PORT, E2E_KEYS_PORT) so a running demo does not clash.
 * Run `npm run build` first (`npm test` does).
 */
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { demoAppEnv, emulatorEnv } from './scripts/demoEnv';
import { albAppEnv, FOREIGN_HOSTNAME } from './e2e/support/albEnv';
import { repoImageStart } from './e2e/support/dockerImage';
import { e2eServers } from './e2e/support/ports';
import { E2E_TRIAGE_RECENT_SECONDS } from './e2e/support/triageWindow';
import { ltsNodeBinary } from './scripts/ltsNode.mjs';

const { emulatorUrl, appUrl, albAppUrl, keysUrl, ports } = e2eServers();
const { emulator: EMULATOR_PORT, app: APP_PORT, albApp: ALB_APP_PORT, keys: KEYS_PORT } = ports;
const CI = Boolean(process.env.CI);
const image = repoImageStart();
/** The image's `node`, replaced by the same Node LTS release (fetched once; see scripts/ltsNode.mjs). */
const imageCommand = image.command.map((word, i) => (i === 0 && word === 'node' ? ltsNodeBinary() : word));

if (!existsSync(`${image.standaloneDir}/server.js`)) {
  throw new Error('e2e tests run against the built console: run `npm run build` first (npm test does it for you).');
}

/** Options of every server Playwright starts. */
const server = {
  reuseExistingServer: !CI,
  timeout: 60_000,
  stdout: 'ignore',
  stderr: 'pipe',
  gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
} as const;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    viewport: { width: 1280, height: 720 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'chromium', testIgnore: /auth[^/]*\.spec\.ts$/, use: { browserName: 'chromium', baseURL: appUrl } },
    { name: 'alb', testMatch: /auth[^/]*\.spec\.ts$/, use: { browserName: 'chromium', baseURL: albAppUrl } },
  ],
  webServer: [
    {
      ...server,
      command: 'node --import tsx emulator/main.ts',
      env: emulatorEnv({ port: EMULATOR_PORT }),
      url: `${emulatorUrl}/_emulator/health`,
    },
    {
      ...server,
      command: 'node .next/standalone/server.js',
      // e2e specs reset the emulator and re-crawl often: a budget of 50/s keeps them at their old pace. A
      // reset changes the world behind the console's back like an outside change: with a sweep of 1 every
      // refresh re-lists every rule (the demo is small), so the next refresh sees it instead of within two.
      // Triage's recent window is short (e2e/support/triageWindow.ts): a rolled-back finding clears in ~1 min.
      env: {
        ...demoAppEnv({ emulatorUrl, port: APP_PORT, callBudget: 50 }),
        TRELLIS_INVENTORY_SWEEP_REFRESHES: '1',
        TRELLIS_TRIAGE_RECENT_SECONDS: String(E2E_TRIAGE_RECENT_SECONDS),
      },
      url: `${appUrl}/api/health`,
    },
    {
      ...server,
      command: 'node --import tsx e2e/support/albKeyServerMain.ts',
      env: { ALB_KEYS_PORT: String(KEYS_PORT) },
      url: `${keysUrl}/_test/stats`,
    },
    {
      ...server,
      // As the image runs it: CMD in the copied standalone directory, with the image's ENV.
      command: imageCommand.join(' '),
      cwd: image.standaloneDir,
      env: {
        ...image.env,
        ...albAppEnv({ emulatorUrl, keysUrl, port: ALB_APP_PORT }),
        TRELLIS_INVENTORY_SWEEP_REFRESHES: '1',
        PORT: String(ALB_APP_PORT),
        TRELLIS_LISTEN_HOST: '127.0.0.1',
        // What Fargate injects: the task's own host name. The server must not listen on it.
        HOSTNAME: FOREIGN_HOSTNAME,
      },
      url: `${albAppUrl}/api/health`,
    },
  ],
});
