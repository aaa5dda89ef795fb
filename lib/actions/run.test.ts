import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../config';
import { TrellisError } from '../domain/errors';
import type { User } from '../domain/user';
import { runAction, type ActionDeps } from './run';

const config = loadConfig({ AWS_REGION: 'us-east-1', TRELLIS_AUTH: 'none', TRELLIS_ANONYMOUS_ROLE: 'operator' });
const operator: User = { id: 'op', name: 'Olga', role: 'operator', source: 'alb' };
const viewer: User = { id: 'vi', name: 'Victor', role: 'viewer', source: 'alb' };
const deps = (user: User, cfg = config): ActionDeps => ({ user: async () => user, config: () => cfg });
const spec = { name: 'test.setWeight', input: z.object({ weight: z.number().int().min(0).max(999) }), mutates: true };

describe('runAction', () => {
  it('runs the body with validated input for an operator', async () => {
    const body = vi.fn(async (i: { weight: number }) => i.weight * 2);
    expect(await runAction(spec, { weight: 21 }, body, deps(operator))).toEqual({ ok: true, value: 42 });
  });

  it('refuses a viewer before validating or calling anything', async () => {
    const body = vi.fn(async () => 1);
    const r = await runAction(spec, { weight: 1 }, body, deps(viewer));
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(body).not.toHaveBeenCalled();
  });

  it('refuses everyone in read-only mode, but lets viewers read', async () => {
    const ro = { ...config, readOnly: true };
    expect(await runAction(spec, { weight: 1 }, async () => 1, deps(operator, ro))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await runAction({ ...spec, mutates: false }, { weight: 1 }, async () => 1, deps(viewer, ro))).toEqual({
      ok: true,
      value: 1,
    });
  });

  it('names each invalid field and changes nothing', async () => {
    const body = vi.fn(async () => 1);
    const r = await runAction(spec, { weight: 1000 }, body, deps(operator));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.message).toContain('weight');
      expect(r.error.message).toContain('999');
    }
    expect(body).not.toHaveBeenCalled();
  });

  it('returns thrown TrellisErrors and unauthenticated users as data', async () => {
    const failing = await runAction(
      spec,
      { weight: 1 },
      async () => {
        throw new TrellisError('CONFLICT', 'changed meanwhile');
      },
      deps(operator),
    );
    expect(failing).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'changed meanwhile' } });
    const noUser: ActionDeps = {
      user: async () => {
        throw new TrellisError('UNAUTHENTICATED', 'sign in');
      },
      config: () => config,
    };
    expect(await runAction(spec, { weight: 1 }, async () => 1, noUser)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });
});
