import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAlbKeyPair, paddedBase64url, signAlbToken, unsignedToken } from '../../e2e/support/albToken';
import { startAlbKeyServer, type AlbKeyServer } from '../../e2e/support/albKeyServer';
import { albKeyResolver } from './albKeys';
import { verifyAlbToken } from './albToken';

let server: AlbKeyServer;
beforeAll(async () => {
  server = await startAlbKeyServer();
});
afterAll(() => server.close());

const claims = { sub: 'u-1', email: 'alice@example.com', groups: ['sre'] };

function verify(token: string, albArn = server.albArn) {
  return verifyAlbToken(token, { albArn, keys: albKeyResolver({ baseUrl: server.url }) });
}

describe('verifyAlbToken', () => {
  it('accepts a token signed like the ALB, with padded base64url parts', async () => {
    const token = await server.sign(claims);
    // The padding is what trips strict JWT libraries; make sure the test token really has it.
    expect(token.split('.').some((p) => p.endsWith('='))).toBe(true);
    expect(await verify(token)).toMatchObject(claims);
  });

  it('refuses an expired token', async () => {
    const token = await server.sign(claims, {}, -120);
    await expect(verify(token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('has expired'),
    });
  });

  it('refuses a token without exp', async () => {
    const token = await server.sign({ ...claims, exp: undefined }, { exp: undefined });
    await expect(verify(token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('"exp"'),
    });
  });

  it('checks the client and issuer of the token header against the configuration, before any key fetch', async () => {
    const token = await server.sign(claims);
    const keys = albKeyResolver({ baseUrl: server.url });
    const o = { albArn: server.albArn, keys, clientId: 'trellis', issuer: 'https://idp.example.com' };
    expect(await verifyAlbToken(token, o)).toMatchObject(claims);
    const before = server.keyFetches();
    await expect(verifyAlbToken(token, { ...o, clientId: 'another-app' })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('client does not match TRELLIS_ALB_CLIENT_ID'),
    });
    await expect(verifyAlbToken(token, { ...o, issuer: 'https://evil.example.com' })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('iss does not match TRELLIS_ALB_ISSUER'),
    });
    const noClient = await server.sign(claims, { client: undefined });
    await expect(verifyAlbToken(noClient, o)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(server.keyFetches()).toBe(before);
  });

  it('refuses a token from another load balancer before fetching any key', async () => {
    const token = await server.sign(claims, {
      signer: 'arn:aws:elasticloadbalancing:us-east-1:999999999999:loadbalancer/app/evil/0123456789abcdef',
    });
    const before = server.keyFetches();
    await expect(verify(token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('signer does not match'),
    });
    expect(server.keyFetches()).toBe(before);
  });

  it('refuses a token signed by another key under the real kid (forged)', async () => {
    const { privateKey } = await newAlbKeyPair();
    const exp = Math.floor(Date.now() / 1000) + 600;
    const token = await signAlbToken(privateKey, { kid: server.kid, signer: server.albArn, exp }, { ...claims, exp });
    await expect(verify(token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('invalid signature'),
    });
  });

  it('refuses a genuine token whose claims were edited', async () => {
    const [h, , s] = (await server.sign(claims)).split('.');
    const edited = { ...claims, groups: ['admins'], exp: Math.floor(Date.now() / 1000) + 600 };
    const forged = `${h}.${paddedBase64url(JSON.stringify(edited))}.${s}`;
    await expect(verify(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses alg none and any algorithm but ES256', async () => {
    const exp = Math.floor(Date.now() / 1000) + 600;
    const none = unsignedToken({ kid: server.kid, signer: server.albArn }, { ...claims, exp });
    await expect(verify(none)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('"none", not ES256'),
    });
    const header = paddedBase64url(JSON.stringify({ alg: 'HS256', kid: server.kid, signer: server.albArn }));
    const hs = `${header}.${paddedBase64url(JSON.stringify({ ...claims, exp }))}.c2ln`;
    await expect(verify(hs)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('"HS256", not ES256'),
    });
  });

  it('refuses garbage, an unknown kid and a kid that is not an id', async () => {
    await expect(verify('not-a-token')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('not a signed JWT'),
    });
    await expect(verify('a.b.c')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('unreadable header'),
    });
    await expect(
      verify(await server.sign(claims, { kid: 'b0b0b0b0-0000-4000-8000-000000000000' })),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('unknown ALB key') });
    await expect(verify(await server.sign(claims, { kid: '../../etc/passwd' }))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('kid'),
    });
  });
});

describe('albKeyResolver', () => {
  it('fetches each key once and reuses it', async () => {
    const keys = albKeyResolver({ baseUrl: server.url });
    const before = server.keyFetches();
    await Promise.all([keys(server.kid), keys(server.kid)]);
    await keys(server.kid);
    expect(server.keyFetches()).toBe(before + 1);
  });

  it('does not refetch a failing kid within the failure window, and says when the endpoint is down', async () => {
    let now = 0;
    let calls = 0;
    const keys = albKeyResolver({
      baseUrl: 'http://127.0.0.1:9',
      now: () => now,
      fetch: async () => {
        calls += 1;
        throw new Error('connect ECONNREFUSED');
      },
    });
    await expect(keys('k1')).rejects.toMatchObject({
      code: 'UNREACHABLE',
      message: expect.stringContaining('sign-in cannot be verified'),
    });
    await expect(keys('k1')).rejects.toMatchObject({ code: 'UNREACHABLE' });
    expect(calls).toBe(1);
    now = 60_000;
    await expect(keys('k1')).rejects.toMatchObject({ code: 'UNREACHABLE' });
    expect(calls).toBe(2);
  });

  it('keeps a bounded number of keys, forgetting the oldest first', async () => {
    const { publicPem } = await newAlbKeyPair();
    const fetched: string[] = [];
    const keys = albKeyResolver({
      baseUrl: 'http://127.0.0.1:9',
      maxKeys: 2,
      fetch: async (url) => {
        fetched.push(String(url).split('/').pop() ?? '');
        return new Response(publicPem);
      },
    });
    for (const kid of ['k1', 'k2', 'k3', 'k2', 'k3']) await keys(kid);
    expect(fetched).toEqual(['k1', 'k2', 'k3']);
    await keys('k1');
    expect(fetched).toEqual(['k1', 'k2', 'k3', 'k1']);
  });

  it('remembers a bounded number of failing kids, so a flood of made-up kids cannot grow memory', async () => {
    let calls = 0;
    const keys = albKeyResolver({
      baseUrl: 'http://127.0.0.1:9',
      maxFailures: 3,
      fetch: async () => {
        calls += 1;
        return new Response('no', { status: 404 });
      },
    });
    for (const kid of ['k1', 'k2', 'k3', 'k4'])
      await expect(keys(kid)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(calls).toBe(4);
    // k2..k4 are still remembered; k1 was forgotten (oldest) and is fetched again.
    for (const kid of ['k2', 'k3', 'k4']) await expect(keys(kid)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(calls).toBe(4);
    await expect(keys('k1')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(calls).toBe(5);
  });
});
