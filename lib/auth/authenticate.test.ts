import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAlbKeyServer, type AlbKeyServer } from '../../e2e/support/albKeyServer';
import type { AuthConfig } from '../configAuth';
import type { User } from '../domain/user';
import { albKeyResolver } from './albKeys';
import {
  ALB_NOT_CONFIGURED,
  albKeysUrl,
  authenticate,
  NO_TOKEN,
  notAdmittedMessage,
  type AuthSettings,
} from './authenticate';
import { assertCanMutate, mutationBlockedReason } from './permissions';

const noHeaders = new Headers();
let server: AlbKeyServer;
beforeAll(async () => {
  server = await startAlbKeyServer();
});
afterAll(() => server.close());

function albSettings(extra: Partial<Extract<AuthConfig, { mode: 'alb' }>> = {}, readOnly = false): AuthSettings {
  return {
    region: 'us-east-1',
    readOnly,
    auth: {
      mode: 'alb',
      albArn: server.albArn,
      keysUrl: server.url,
      roles: { claim: 'groups', operatorValues: ['trellis-operators'] },
      ...extra,
    },
  };
}

async function signedIn(claims: Record<string, unknown>, settings = albSettings()) {
  const h = new Headers({ 'x-amzn-oidc-data': await server.sign(claims) });
  return authenticate(h, settings, { keys: albKeyResolver({ baseUrl: server.url }) });
}

describe('authenticate with TRELLIS_AUTH=none', () => {
  it('gives everyone the anonymous role, and viewer when read-only', async () => {
    const none = { region: 'us-east-1', readOnly: false, auth: { mode: 'none', anonymousRole: 'operator' } } as const;
    expect(await authenticate(noHeaders, none)).toEqual({
      ok: true,
      value: { id: 'anonymous', name: 'Anonymous', role: 'operator', source: 'anonymous' },
    });
    expect(await authenticate(noHeaders, { ...none, readOnly: true })).toMatchObject({
      ok: true,
      value: { role: 'viewer' },
    });
  });
});

describe('authenticate with TRELLIS_AUTH=alb', () => {
  it('maps a verified operator and a viewer from the groups claim', async () => {
    expect(
      await signedIn({ sub: 's-1', email: 'olga@example.com', name: 'Olga Ops', groups: ['dev', 'trellis-operators'] }),
    ).toEqual({
      ok: true,
      value: { id: 'olga@example.com', name: 'Olga Ops', role: 'operator', source: 'alb' },
    });
    expect(await signedIn({ sub: 's-2', email: 'victor@example.com', groups: 'dev' })).toEqual({
      ok: true,
      value: { id: 'victor@example.com', name: 'victor@example.com', role: 'viewer', source: 'alb' },
    });
  });

  it('makes everyone a viewer in read-only mode', async () => {
    expect(await signedIn({ sub: 's-1', groups: ['trellis-operators'] }, albSettings({}, true))).toMatchObject({
      ok: true,
      value: { id: 's-1', role: 'viewer' },
    });
  });

  it('refuses a request without a token, and every request without TRELLIS_ALB_ARN', async () => {
    expect(await authenticate(noHeaders, albSettings())).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: NO_TOKEN, retryable: false },
    });
    const h = new Headers({ 'x-amzn-oidc-data': await server.sign({ sub: 'x' }), 'x-amzn-oidc-identity': 'alice' });
    const noArn: AuthSettings = {
      region: 'us-east-1',
      readOnly: false,
      auth: { mode: 'alb', roles: { claim: 'groups', operatorValues: [] } },
    };
    expect(await authenticate(h, noArn)).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: ALB_NOT_CONFIGURED, retryable: false },
    });
  });

  it("refuses a token issued for another client or by another issuer than the console's", async () => {
    const settings = albSettings({ clientId: 'trellis', issuer: 'https://idp.example.com' });
    expect(await signedIn({ sub: 's-1' }, settings)).toMatchObject({ ok: true });
    expect(
      await signedIn({ sub: 's-1' }, albSettings({ clientId: 'other', issuer: 'https://idp.example.com' })),
    ).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'UNAUTHENTICATED',
        message: expect.stringContaining('TRELLIS_ALB_CLIENT_ID'),
      }),
    });
    expect(
      await signedIn({ sub: 's-1' }, albSettings({ clientId: 'trellis', issuer: 'https://other.example' })),
    ).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'UNAUTHENTICATED',
        message: expect.stringContaining('TRELLIS_ALB_ISSUER'),
      }),
    });
  });

  it('admits only allow-listed users (and operators) when TRELLIS_VIEWER_VALUES is set', async () => {
    const settings = albSettings({ viewers: { claim: 'groups', values: ['staff'] } });
    expect(await signedIn({ email: 'sam@example.com', groups: ['staff'] }, settings)).toMatchObject({
      ok: true,
      value: { id: 'sam@example.com', role: 'viewer' },
    });
    expect(await signedIn({ email: 'olga@example.com', groups: ['trellis-operators'] }, settings)).toMatchObject({
      ok: true,
      value: { role: 'operator' },
    });
    expect(await signedIn({ email: 'eve@example.com', groups: ['contractors'] }, settings)).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: notAdmittedMessage('eve@example.com', 'groups'),
        retryable: false,
      },
    });
    expect(notAdmittedMessage('eve@example.com', 'groups')).toMatch(/signed in as eve@example\.com.*'groups' claim/);
    // Without an allow-list, everyone signed in is a viewer.
    expect(await signedIn({ email: 'eve@example.com', groups: ['contractors'] })).toMatchObject({ ok: true });
  });

  it('refuses a verified token that names nobody', async () => {
    expect(await signedIn({ groups: ['trellis-operators'] })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('names no user') },
    });
  });

  it('trusts only the signed token, never the unsigned identity headers', async () => {
    const h = new Headers({ 'x-amzn-oidc-identity': 'admin', 'x-amzn-oidc-accesstoken': 'whatever' });
    expect(await authenticate(h, albSettings())).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('derives the key endpoint from the ALB region unless TRELLIS_ALB_KEYS_URL is set', () => {
    const arn = 'arn:aws:elasticloadbalancing:eu-central-1:111111111111:loadbalancer/app/t/0123456789abcdef';
    expect(
      albKeysUrl({
        region: 'us-east-1',
        readOnly: false,
        auth: { mode: 'alb', albArn: arn, roles: { claim: 'groups', operatorValues: [] } },
      }),
    ).toBe('https://public-keys.auth.elb.eu-central-1.amazonaws.com');
    expect(albKeysUrl(albSettings())).toBe(server.url);
  });
});

describe('permissions', () => {
  const operator: User = { id: 'a', name: 'Alice', role: 'operator', source: 'alb' };
  const viewer: User = { id: 'b', name: 'Bob', role: 'viewer', source: 'alb' };

  it('lets operators change things unless the console is read-only', () => {
    expect(mutationBlockedReason(operator, { readOnly: false })).toBeUndefined();
    expect(mutationBlockedReason(operator, { readOnly: true })).toBe(
      'The console is read-only (TRELLIS_READ_ONLY=true).',
    );
    expect(mutationBlockedReason(viewer, { readOnly: false })).toBe('Changes need the operator role; Bob is a viewer.');
    expect(() => assertCanMutate(viewer, { readOnly: false })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
