/** The container's entry point: where the server listens and how long it keeps idle connections. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KEEP_ALIVE_TIMEOUT_MS, serverEnv } from './start.mjs';

const template = readFileSync(join(__dirname, 'trellis-ecs.yaml'), 'utf8');

describe('serverEnv', () => {
  it('listens on every interface by default, whatever HOSTNAME the platform injected', () => {
    expect(serverEnv({ HOSTNAME: 'ip-10-0-1-23.ec2.internal' })).toEqual({
      HOSTNAME: '0.0.0.0',
      KEEP_ALIVE_TIMEOUT: '125000',
    });
  });

  it('listens on TRELLIS_LISTEN_HOST when set', () => {
    expect(serverEnv({ HOSTNAME: 'task-host', TRELLIS_LISTEN_HOST: ' 127.0.0.1 ' })).toMatchObject({
      HOSTNAME: '127.0.0.1',
    });
    expect(serverEnv({ TRELLIS_LISTEN_HOST: '::' })).toMatchObject({ HOSTNAME: '::' });
  });

  it("keeps idle connections open longer than the load balancer's idle timeout", () => {
    const idle = Number(/idle_timeout\.timeout_seconds, Value: '(\d+)'/.exec(template)?.[1]);
    expect(idle).toBeGreaterThan(0);
    expect(DEFAULT_KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(idle * 1000);
    expect(serverEnv({ KEEP_ALIVE_TIMEOUT: '300000' })).toMatchObject({ KEEP_ALIVE_TIMEOUT: '300000' });
  });

  it('refuses settings the server would silently ignore or misuse', () => {
    expect(serverEnv({ KEEP_ALIVE_TIMEOUT: '5s' })).toEqual({ error: expect.stringMatching(/^KEEP_ALIVE_TIMEOUT:/) });
    expect(serverEnv({ KEEP_ALIVE_TIMEOUT: '10' })).toEqual({ error: expect.stringMatching(/^KEEP_ALIVE_TIMEOUT:/) });
    expect(serverEnv({ TRELLIS_LISTEN_HOST: 'a b' })).toEqual({
      error: expect.stringMatching(/^TRELLIS_LISTEN_HOST:/),
    });
  });
});
