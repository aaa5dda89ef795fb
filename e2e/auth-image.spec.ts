/**
 * Smoke test of the container image without Docker: this project's console was started exactly as
 * the image starts it (e2e/support/dockerImage reads WORKDIR's build output, CMD and ENV from the
 * Dockerfile; playwright.config.ts changes only PORT and TRELLIS_LISTEN_HOST, sets a foreign HOSTNAME
 * as Fargate does, and runs the image's Node LTS). Its HEALTHCHECK command, run as written in the
 * Dockerfile, passes against it and fails against a dead port.
 */
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import packageJson from '../package.json' with { type: 'json' };
import { LTS_NODE_VERSION, ltsNodeBinary } from '../scripts/ltsNode.mjs';
import { repoImageStart } from './support/dockerImage';
import { listeningProcess } from './support/listener';
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

/** The Keep-Alive header of a keep-alive request to the console. */
function keepAliveHeader(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path: '/api/health', headers: { connection: 'keep-alive' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(String(res.headers['keep-alive'] ?? '')));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

test('the image command serves the health check without sign-in', async ({ request }) => {
  expect(image.command).toEqual(['node', 'start.mjs']);
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok', version: packageJson.version });
});

test("the Dockerfile's HEALTHCHECK passes against the running server and fails without one", () => {
  expect(healthcheck(ports.albApp)).toBe(0);
  expect(healthcheck(ports.keys + 1000)).toBe(1);
});

test("the image command answers on 127.0.0.1 although HOSTNAME names another host (Fargate's)", async ({ request }) => {
  // playwright.config.ts started it with HOSTNAME=ip-10-0-1-23.ec2.internal; server.js alone would fail.
  expect((await request.get('/api/health')).status()).toBe(200);
});

test('the image command runs on the Node LTS release of the image, not the development Node', () => {
  const serving = listeningProcess(ports.albApp);
  expect(serving, `nothing listens on ${ports.albApp}`).toBeDefined();
  expect(serving?.exe).toBe(realpathSync(ltsNodeBinary()));
  const version = spawnSync(serving?.exe ?? 'false', ['--version'], { encoding: 'utf8' }).stdout.trim();
  expect(version).toBe(`v${LTS_NODE_VERSION}`);
});

test("keeps idle connections open longer than the load balancer's 120 s idle timeout", async () => {
  const header = await keepAliveHeader(ports.albApp);
  const seconds = Number(/timeout=(\d+)/.exec(header)?.[1]);
  expect(seconds).toBeGreaterThan(120);
});
