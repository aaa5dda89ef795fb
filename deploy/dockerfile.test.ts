/** Facts of the container image, read from the Dockerfile (no Docker engine is needed). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageStart, parseDockerfile } from '../e2e/support/dockerImage';

const root = join(__dirname, '..');
const text = readFileSync(join(root, 'Dockerfile'), 'utf8');
const { stages } = parseDockerfile(text);
const start = imageStart(text);
const build = stages[0];
const runtime = stages.at(-1);

describe('Dockerfile', () => {
  it('builds in one stage and runs from a slim Node 20 image in another', () => {
    expect(stages.map((s) => s.name)).toEqual(['build', 'runtime']);
    for (const s of stages) expect(s.from).toMatch(/^node:20[\w.-]*-slim$/);
    const runs = build?.instructions.filter((i) => i.op === 'RUN').map((i) => i.args) ?? [];
    expect(runs[0]).toMatch(/^npm ci\b/);
    expect(runs[1]).toMatch(/^npm run build && find \.next\/standalone -name '\*\.map' -delete$/);
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
    expect(start.env).toMatchObject({ NODE_ENV: 'production', PORT: '3000', HOSTNAME: '0.0.0.0' });
    expect(start.workdir).toBe('/app');
    expect(start.command).toEqual(['node', 'server.js']);
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
  });
});
