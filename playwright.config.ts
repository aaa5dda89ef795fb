/**
 * E2E tests: the built standalone console plus the emulator (demo scenario), in Debian's Chromium.
 * Ports are dedicated to e2e (emulator 4599, app 3099; E2E_EMULATOR_PORT / E2E_APP_PORT override them)
 * so a running `npm run demo` does not clash.
 * Run `npm run build` first (`npm test` does).
 */
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { demoAppEnv, emulatorEnv } from './scripts/demoEnv';

const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4599);
const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3099);
const emulatorUrl = `http://127.0.0.1:${EMULATOR_PORT}`;
const appUrl = `http://127.0.0.1:${APP_PORT}`;
const CI = Boolean(process.env.CI);

if (!existsSync('.next/standalone/server.js')) {
  throw new Error('e2e tests run against the built console: run `npm run build` first (npm test does it for you).');
}

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
    baseURL: appUrl,
    viewport: { width: 1280, height: 720 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      command: 'node --import tsx emulator/main.ts',
      env: emulatorEnv({ port: EMULATOR_PORT }),
      url: `${emulatorUrl}/_emulator/health`,
      reuseExistingServer: !CI,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    {
      command: 'node .next/standalone/server.js',
      env: demoAppEnv({ emulatorUrl, port: APP_PORT }),
      url: `${appUrl}/api/health`,
      reuseExistingServer: !CI,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
  ],
});
