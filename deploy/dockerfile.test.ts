/** Facts of the container image, read from the Dockerfile (no Docker engine is needed). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { imageStart, parseDockerfile } from '../e2e/support/dockerImage';
import { LTS_NODE_VERSION } from '../scripts/ltsNode.mjs';

const root = join(__dirname, '..');
const text = readFileSync(join(root, 'Dockerfile'), 'utf8');
const { stages } = parseDockerfile(text);
const start = imageStart(text);
const ecsTemplate = readFileSync(join(root, 'deploy', 'trellis-ecs.yaml'), 'utf8');
const build = stages[0];
const runtime = stages.at(-1);

describe('Dockerfile', () => {
  it('builds in one stage and runs in another, both on a digest-pinned slim image of a Node LTS', () => {
    expect(stages.map((s) => s.name)).toEqual(['build', 'runtime']);
    for (const s of stages) {
      const m = /^node:(\d+)\.\d+\.\d+-bookworm-slim@sha256:[0-9a-f]{64}$/.exec(s.from);
      expect(m, s.from).not.toBeNull();
      const major = Number(m?.[1]);
      expect(major % 2, 'even majors are the LTS lines').toBe(0);
      expect(major).toBeGreaterThanOrEqual(24);
    }
    const runs = build?.instructions.filter((i) => i.op === 'RUN').map((i) => i.args) ?? [];
    expect(runs[0]).toMatch(/^npm ci\b/);
    expect(runs[1]).toMatch(/^npm run build && find \.next\/standalone -name '\*\.map' -delete$/);
  });

  it('runs the same Node release as the build and e2e start of `npm test` (scripts/ltsNode.mjs)', () => {
    for (const s of stages) expect(s.from.startsWith(`node:${LTS_NODE_VERSION}-`), s.from).toBe(true);
  });

  it('declares the supported Node versions in package.json: the LTS of the image and later', () => {
    const min = /^>=(\d+)\.(\d+)$/.exec(packageJson.engines.node);
    expect(min, packageJson.engines.node).not.toBeNull();
    const [major, minor] = LTS_NODE_VERSION.split('.').map(Number);
    expect(Number(min?.[1])).toBe(major);
    expect(Number(min?.[2])).toBeLessThanOrEqual(minor ?? 0);
  });

  it('keeps npm, npx and corepack out of the final stage, removed before the application is copied', () => {
    const ins = runtime?.instructions ?? [];
    const removal = ins.findIndex((i) => i.op === 'RUN' && i.args.startsWith('rm -rf '));
    expect(removal).toBeGreaterThan(-1);
    const removed = ins[removal]?.args ?? '';
    for (const p of [
      '/usr/local/lib/node_modules/npm',
      '/usr/local/lib/node_modules/corepack',
      '/usr/local/bin/npm',
      '/usr/local/bin/npx',
      '/usr/local/bin/corepack',
    ])
      expect(removed.split(/\s+/)).toContain(p);
    expect(removal).toBeLessThan(ins.findIndex((i) => i.op === 'COPY'));
  });

  it('declares as VOLUMEs the directories the task mounts writable, created for the user first', () => {
    const ins = runtime?.instructions ?? [];
    const volumeAt = ins.findIndex((i) => i.op === 'VOLUME');
    const volumes = volumeAt === -1 ? [] : (JSON.parse(ins[volumeAt]?.args ?? '[]') as string[]);
    const mounted = [...ecsTemplate.matchAll(/ContainerPath: (\S+)/g)].map((m) => m[1]);
    expect(mounted.length).toBeGreaterThan(0);
    expect([...volumes].sort()).toEqual([...mounted].sort());
    // Build steps after VOLUME do not reach the volume: its directory and owner must exist before.
    const prepare = ins.findIndex(
      (i) => i.op === 'RUN' && /mkdir -p \.next\/cache && chown node:node \.next\/cache/.test(i.args),
    );
    expect(prepare).toBeGreaterThan(-1);
    expect(prepare).toBeLessThan(volumeAt);
    expect(ins.findIndex((i) => i.op === 'USER')).toBeGreaterThan(volumeAt);
  });

  it('copies only the standalone output into the final stage: no sources, no dev dependencies', () => {
    const copies = runtime?.instructions.filter((i) => i.op === 'COPY' || i.op === 'ADD') ?? [];
    expect(copies.map((c) => c.args)).toEqual(['--from=build /src/.next/standalone ./']);
    expect(start.standaloneDir).toBe('.next/standalone');
    expect(runtime?.instructions.some((i) => i.op === 'RUN' && /npm (ci|install)/.test(i.args))).toBe(false);
  });

  it('runs as a non-root user, on one port, started by node without a shell', () => {
    expect(start.user).toBeDefined();
    expect(['root', '0', '0:0']).not.toContain(start.user);
    const ops = runtime?.instructions.map((i) => i.op) ?? [];
    expect(ops.lastIndexOf('USER')).toBeLessThan(ops.lastIndexOf('CMD'));
    expect(start.exposed).toEqual(['3000']);
    expect(start.env).toMatchObject({ NODE_ENV: 'production', PORT: '3000', TRELLIS_LISTEN_HOST: '0.0.0.0' });
    expect(start.workdir).toBe('/app');
    expect(start.command).toEqual(['node', 'start.mjs']);
  });

  it("starts through start.mjs, which ignores the platform's HOSTNAME, with keep-alive above the ALB's", () => {
    // Fargate sets HOSTNAME to the task's host name; server.js alone would listen only there.
    expect(start.env).not.toHaveProperty('HOSTNAME');
    expect(Number(start.env.KEEP_ALIVE_TIMEOUT)).toBeGreaterThan(
      Number(/idle_timeout\.timeout_seconds, Value: '(\d+)'/.exec(ecsTemplate)?.[1]) * 1000,
    );
  });

  it('checks health with node against /api/health on $PORT (no curl in a slim image)', () => {
    expect(start.healthcheck[0]).toBe('node');
    expect(start.healthcheck.join(' ')).toContain("'/api/health'");
    expect(start.healthcheck.join(' ')).toContain('process.env.PORT');
  });

  it('keeps secrets, local state and build output out of the build context', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim());
    for (const p of ['.git', 'node_modules', '.next', '.env*', '.emulator-state*.json', 'test-results'])
      expect(ignored).toContain(p);
    // deploy/ is left out, except the entry point the build copies next to server.js.
    expect(ignored.indexOf('!deploy/start.mjs')).toBeGreaterThan(ignored.indexOf('deploy'));
  });
});
