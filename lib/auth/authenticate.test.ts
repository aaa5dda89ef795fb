import { describe, expect, it } from 'vitest';
import type { User } from '../domain/user';
import { ALB_NOT_CONFIGURED, authenticate } from './authenticate';
import { assertCanMutate, mutationBlockedReason } from './permissions';

const noHeaders = new Headers();

describe('authenticate', () => {
  it('gives everyone the anonymous role when authentication is off', () => {
    expect(authenticate(noHeaders, { auth: { mode: 'none', anonymousRole: 'operator' } })).toEqual({
      ok: true,
      value: { id: 'anonymous', name: 'Anonymous', role: 'operator', source: 'anonymous' },
    });
  });

  it('refuses every request while ALB sign-in is not implemented, even with OIDC headers', () => {
    const h = new Headers({ 'x-amzn-oidc-data': 'header.payload.signature', 'x-amzn-oidc-identity': 'alice' });
    expect(authenticate(h, { auth: { mode: 'alb' } })).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: ALB_NOT_CONFIGURED, retryable: false } });
  });
});

describe('permissions', () => {
  const operator: User = { id: 'a', name: 'Alice', role: 'operator', source: 'alb' };
  const viewer: User = { id: 'b', name: 'Bob', role: 'viewer', source: 'alb' };

  it('lets operators change things unless the console is read-only', () => {
    expect(mutationBlockedReason(operator, { readOnly: false })).toBeUndefined();
    expect(mutationBlockedReason(operator, { readOnly: true })).toBe('The console is read-only (TRELLIS_READ_ONLY=true).');
    expect(mutationBlockedReason(viewer, { readOnly: false })).toBe('Changes need the operator role; Bob is a viewer.');
    expect(() => assertCanMutate(viewer, { readOnly: false })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
