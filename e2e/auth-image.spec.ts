/**
 * Smoke test of the container image without Docker: this project's console was started exactly as
 * the image starts it (e2e/support/dockerImage reads WORKDIR's build output, CMD and ENV from the
 * Dockerfile; playwright.config.ts changes only PORT and HOSTNAME). Its HEALTHCHECK command, run as
 * written in the Dockerfile, passes against it and fails against a dead port.
 */
import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import packageJson from '../package.json' with { type: 'json' };
import { repoImageStart } from './support/dockerImage';
import { e2eServers } from './support/ports';

const image = repoImageStart();
const { ports } = e2eServers();

function healthcheck(port: number): number | null {
  const [cmd, ...args] = image.healthcheck;
  const r = spawnSync(cmd ?? 'false', args, {
    cwd: image.standaloneDir,
    env: { ...process.env, ...image.env, PORT: String(port) },
    timeout: 20_000,
  });
  return r.status;
}

test('the image command serves the health check without sign-in', async ({ request }) => {
  expect(image.command).toEqual(['node', 'server.js']);
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok', version: packageJson.version });
});

test("the Dockerfile's HEALTHCHECK passes against the running server and fails without one", () => {
  expect(healthcheck(ports.albApp)).toBe(0);
  expect(healthcheck(ports.keys + 1000)).toBe(1);
});
