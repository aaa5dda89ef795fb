import { describe, expect, it } from 'vitest';
import { roleFromClaims, userFromClaims } from './roles';

const byGroups = { claim: 'groups', operatorValues: ['ops', 'sre'] };

describe('roleFromClaims', () => {
  it('makes an operator of a user whose claim holds a configured value, as a list or a string', () => {
    expect(roleFromClaims({ groups: ['dev', 'sre'] }, byGroups)).toBe('operator');
    expect(roleFromClaims({ groups: 'ops' }, byGroups)).toBe('operator');
    expect(
      roleFromClaims({ email: 'lead@example.com' }, { claim: 'email', operatorValues: ['lead@example.com'] }),
    ).toBe('operator');
  });

  it('defaults to viewer: other values, case differences, substrings, other types, no mapping', () => {
    expect(roleFromClaims({ groups: ['dev'] }, byGroups)).toBe('viewer');
    expect(roleFromClaims({ groups: ['OPS'] }, byGroups)).toBe('viewer');
    expect(roleFromClaims({ groups: 'ops,dev' }, byGroups)).toBe('viewer');
    expect(roleFromClaims({ groups: [{ name: 'ops' }] }, byGroups)).toBe('viewer');
    expect(roleFromClaims({ other: ['ops'] }, byGroups)).toBe('viewer');
    expect(roleFromClaims({ groups: ['ops'] }, { claim: 'groups', operatorValues: [] })).toBe('viewer');
  });
});

describe('userFromClaims', () => {
  it('names the user by email, then user name, then sub', () => {
    expect(userFromClaims({ sub: 's', email: 'a@example.com', name: 'Ann' }, byGroups, false)).toEqual({
      id: 'a@example.com',
      name: 'Ann',
      role: 'viewer',
      source: 'alb',
    });
    expect(userFromClaims({ sub: 's', username: 'ann' }, byGroups, false)).toMatchObject({ id: 'ann', name: 'ann' });
    expect(userFromClaims({ sub: 's' }, byGroups, false)).toMatchObject({ id: 's' });
    expect(userFromClaims({ sub: '  ' }, byGroups, false)).toBeUndefined();
  });
});
