import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../config';
import { TrellisError } from '../domain/errors';
import { err, ok } from '../domain/result';
import type { User } from '../domain/user';
import { setLogSink } from '../observability/log';
import { REQUEST_ID_HEADER } from '../observability/requestId';
import { runRoute, type RouteDeps } from './run';

const config = loadConfig({ AWS_REGION: 'us-east-1', TRELLIS_AUTH: 'none', TRELLIS_ANONYMOUS_ROLE: 'viewer' });
const viewer: User = { id: 'vi@example.com', name: 'Victor', role: 'viewer', source: 'alb' };
const spec = { name: 'test.query', input: z.object({ n: z.number().int() }), mutates: false };
const headers = (h: Record<string, string> = {}) => new Headers(h);

function deps(user: User | undefined): RouteDeps & { authenticate: ReturnType<typeof vi.fn> } {
  return {
    config: () => config,
    authenticate: vi.fn(async () =>
      user ? ok(user) : err(new TrellisError('UNAUTHENTICATED', 'Sign-in required').toInfo()),
    ),
  };
}

function capture(): Array<Record<string, unknown>> {
  const lines: Array<Record<string, unknown>> = [];
  setLogSink((l) => lines.push(JSON.parse(l) as Record<string, unknown>));
  return lines;
}
afterEach(() => setLogSink());

describe('runRoute', () => {
  it('authenticates from the request headers, validates, calls and answers 200 with the Result', async () => {
    const d = deps(viewer);
    const h = headers({ 'x-amzn-oidc-data': 't' });
    const out = await runRoute(spec, { headers: h, body: { n: 2 } }, async (i, ctx) => `${ctx.user.id}:${i.n}`, d);
    expect(out).toEqual({ status: 200, result: { ok: true, value: 'vi@example.com:2' } });
    expect(d.authenticate).toHaveBeenCalledWith(h, config);
  });

  it('answers 401 without calling the body when the request has no user', async () => {
    const body = vi.fn(async () => 1);
    const out = await runRoute(spec, { headers: headers(), body: { n: 1 } }, body, deps(undefined));
    expect(out.status).toBe(401);
    expect(out.result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(body).not.toHaveBeenCalled();
  });

  it('answers 400 naming the field for an invalid or missing body', async () => {
    const body = vi.fn(async () => 1);
    const bad = await runRoute(spec, { headers: headers(), body: { n: 'x' } }, body, deps(viewer));
    expect(bad.status).toBe(400);
    expect(bad.result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!bad.result.ok) expect(bad.result.error.message).toContain('n:');
    expect((await runRoute(spec, { headers: headers(), body: undefined }, body, deps(viewer))).status).toBe(400);
    expect(body).not.toHaveBeenCalled();
  });

  it('refuses a mutating route for a viewer (403), like runAction', async () => {
    const out = await runRoute(
      { ...spec, mutates: true },
      { headers: headers(), body: { n: 1 } },
      async () => 1,
      deps(viewer),
    );
    expect(out).toMatchObject({ status: 403, result: { ok: false, error: { code: 'FORBIDDEN' } } });
  });

  it("returns the body's typed error with its HTTP status", async () => {
    const out = await runRoute(
      spec,
      { headers: headers(), body: { n: 1 } },
      async () => {
        throw new TrellisError('THROTTLED', 'slow down');
      },
      deps(viewer),
    );
    expect(out).toMatchObject({
      status: 429,
      result: { ok: false, error: { code: 'THROTTLED', message: 'slow down' } },
    });
  });

  it("writes runAction's log line, with the request id from the request's headers", async () => {
    const lines = capture();
    await runRoute(
      spec,
      { headers: headers({ [REQUEST_ID_HEADER]: 'req-9' }), body: { n: 1 } },
      async () => 1,
      deps(viewer),
    );
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        msg: 'action',
        via: 'route',
        requestId: 'req-9',
        user: 'vi@example.com',
        action: 'test.query',
        outcome: 'ok',
        awsCalls: 0,
      }),
    ]);
  });
});
