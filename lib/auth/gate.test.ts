import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAlbKeyServer, type AlbKeyServer } from '../../e2e/support/albKeyServer';
import { actionPolicyOf } from './actionPolicy';
import { albKeyResolver } from './albKeys';
import { formActionIdOf, gate, type GateDeps } from './gate';

let server: AlbKeyServer;
let deps: GateDeps;
beforeAll(async () => {
  server = await startAlbKeyServer();
  deps = {
    keys: albKeyResolver({ baseUrl: server.url }),
    policy: actionPolicyOf({
      version: 1,
      actions: {
        aa11: { action: 'lib/actions/routing.ts#setWeights', mutates: true },
        bb22: { action: 'lib/actions/routing.ts#listRules', mutates: false },
      },
    }),
  };
});
afterAll(() => server.close());

const cfg = (readOnly = false) => ({
  region: 'us-east-1',
  readOnly,
  auth: {
    mode: 'alb' as const,
    albArn: server.albArn,
    keysUrl: server.url,
    roles: { claim: 'groups', operatorValues: ['ops'] },
  },
});
/** What a browser sends with a request from the console's own page. */
const SAME_ORIGIN = {
  host: 'console.example.com',
  origin: 'https://console.example.com',
  'sec-fetch-site': 'same-origin',
};
const viewerClaims = { email: 'victor@example.com', groups: ['dev'] };
const operatorClaims = { email: 'olga@example.com', groups: ['ops'] };

async function headersOf(claims: Record<string, unknown>, extra: Record<string, string> = {}) {
  return new Headers({ 'x-amzn-oidc-data': await server.sign(claims), ...SAME_ORIGIN, ...extra });
}

describe('gate', () => {
  it('lets every request through when authentication is off', async () => {
    expect(
      await gate(
        { method: 'GET', pathname: '/topology', headers: new Headers() },
        { region: 'us-east-1', readOnly: false, auth: { mode: 'none', anonymousRole: 'viewer' } },
      ),
    ).toMatchObject({ allow: true, user: { id: 'anonymous' } });
  });

  it('answers API requests without a token with a 401 JSON error', async () => {
    const d = await gate({ method: 'GET', pathname: '/api/topology', headers: new Headers() }, cfg(), deps);
    if (d.allow) throw new Error('expected a refusal');
    expect(d.response.status).toBe(401);
    expect(await d.response.json()).toEqual({
      error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('no ALB sign-in token'), retryable: false },
    });
  });

  it('answers pages with a 401 HTML page that says why, escaping the message', async () => {
    const d = await gate(
      { method: 'GET', pathname: '/', headers: new Headers({ 'x-amzn-oidc-data': 'x.y.z' }) },
      cfg(),
      deps,
    );
    if (d.allow) throw new Error('expected a refusal');
    expect(d.response.status).toBe(401);
    expect(d.response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await d.response.text()).toContain('Sign-in required');
  });

  it("refuses a viewer's call of a mutating server action with 403 text/plain, before it runs", async () => {
    const d = await gate(
      { method: 'POST', pathname: '/routing', headers: await headersOf(viewerClaims, { 'next-action': 'aa11' }) },
      cfg(),
      deps,
    );
    if (d.allow) throw new Error('expected a refusal');
    expect(d.response.status).toBe(403);
    expect(d.response.headers.get('content-type')).toBe('text/plain');
    expect(await d.response.text()).toBe('Changes need the operator role; victor@example.com is a viewer.');
    expect(d).toMatchObject({
      user: { id: 'victor@example.com' },
      action: 'lib/actions/routing.ts#setWeights',
      error: { code: 'FORBIDDEN' },
    });
  });

  it('lets a viewer call a read action, and an operator a mutating one', async () => {
    expect(
      await gate(
        { method: 'POST', pathname: '/routing', headers: await headersOf(viewerClaims, { 'next-action': 'bb22' }) },
        cfg(),
        deps,
      ),
    ).toMatchObject({ allow: true, action: 'lib/actions/routing.ts#listRules' });
    expect(
      await gate(
        { method: 'POST', pathname: '/routing', headers: await headersOf(operatorClaims, { 'next-action': 'aa11' }) },
        cfg(),
        deps,
      ),
    ).toMatchObject({ allow: true, user: { role: 'operator' } });
  });

  it('refuses the operator too when the console is read-only', async () => {
    const d = await gate(
      { method: 'POST', pathname: '/routing', headers: await headersOf(operatorClaims, { 'next-action': 'aa11' }) },
      cfg(true),
      deps,
    );
    expect(d).toMatchObject({
      allow: false,
      error: { code: 'FORBIDDEN', message: 'The console is read-only (TRELLIS_READ_ONLY=true).' },
    });
  });

  it('answers an unauthenticated server-action call with 401 text/plain', async () => {
    const d = await gate(
      { method: 'POST', pathname: '/routing', headers: new Headers({ 'next-action': 'bb22', ...SAME_ORIGIN }) },
      cfg(),
      deps,
    );
    if (d.allow) throw new Error('expected a refusal');
    expect(d.response.status).toBe(401);
    expect(d.response.headers.get('content-type')).toBe('text/plain');
  });

  it('leaves unknown action ids to Next (which answers 404) and runAction', async () => {
    expect(
      await gate(
        { method: 'POST', pathname: '/', headers: await headersOf(viewerClaims, { 'next-action': 'ffff' }) },
        cfg(),
        deps,
      ),
    ).toMatchObject({ allow: true, action: 'ffff' });
  });

  it("refuses a viewer's no-JavaScript form submission of a mutating action (id in the body)", async () => {
    const d = await gate({ method: 'POST', pathname: '/routing', headers: await headersOf(viewerClaims) }, cfg(), {
      ...deps,
      formActionId: async () => 'aa11',
    });
    expect(d).toMatchObject({
      allow: false,
      error: { code: 'FORBIDDEN' },
      action: 'lib/actions/routing.ts#setWeights',
    });
    if (!d.allow) expect(d.response.status).toBe(403);
    let read = false;
    const op = await gate({ method: 'POST', pathname: '/routing', headers: await headersOf(operatorClaims) }, cfg(), {
      ...deps,
      formActionId: async () => {
        read = true;
        return 'aa11';
      },
    });
    expect(op).toMatchObject({ allow: true });
    expect(read).toBe(false); // an operator's body is never parsed
  });
});

describe('gate: cross-site requests and the viewer allow-list', () => {
  const post = async (pathname: string, extra: Record<string, string>, claims = operatorClaims) =>
    gate({ method: 'POST', pathname, headers: await headersOf(claims, extra) }, cfg(), deps);

  it("refuses an operator's POST from another origin with 403, before any key is fetched", async () => {
    const before = server.keyFetches();
    const d = await post('/api/logs/query', {
      origin: 'https://evil.example.com',
      'sec-fetch-site': 'cross-site',
      'content-type': 'application/json',
    });
    if (d.allow) throw new Error('expected a refusal');
    expect(d.response.status).toBe(403);
    expect(await d.response.json()).toEqual({
      error: { code: 'FORBIDDEN', message: expect.stringContaining('from another site'), retryable: false },
    });
    expect(server.keyFetches()).toBe(before);
    const action = await post('/routing', { origin: 'https://evil.example.com', 'next-action': 'bb22' });
    expect(action).toMatchObject({ allow: false, error: { code: 'FORBIDDEN' } });
    if (!action.allow) expect(action.response.headers.get('content-type')).toBe('text/plain');
  });

  it('lets a same-origin JSON POST to a route handler through', async () => {
    expect(await post('/api/logs/query', { 'content-type': 'application/json; charset=utf-8' })).toMatchObject({
      allow: true,
      user: { role: 'operator' },
    });
  });

  it('refuses an /api POST that is not JSON, as a cross-site form would send it', async () => {
    const d = await post('/api/logs/query', { 'content-type': 'text/plain;charset=UTF-8' });
    expect(d).toMatchObject({ allow: false, error: { code: 'VALIDATION' } });
    if (!d.allow) expect(d.response.status).toBe(400);
  });

  it('answers a signed-in user the allow-list does not admit with a 403 page that says why', async () => {
    const gated = { ...cfg(), auth: { ...cfg().auth, viewers: { claim: 'groups', values: ['dev'] } } };
    const outsider = { email: 'eve@example.com', groups: ['contractors'] };
    const d = await gate({ method: 'GET', pathname: '/topology', headers: await headersOf(outsider) }, gated, deps);
    if (d.allow) throw new Error('expected a refusal');
    expect(d.response.status).toBe(403);
    expect(d.response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await d.response.text();
    expect(page).toContain('<h1 style="font-size:20px">Not allowed</h1>');
    expect(page).toContain('signed in as eve@example.com');
    expect(
      await gate({ method: 'GET', pathname: '/topology', headers: await headersOf(viewerClaims) }, gated, deps),
    ).toMatchObject({ allow: true });
  });
});

describe('formActionIdOf', () => {
  it("reads React's form-action encodings", () => {
    const plain = new FormData();
    plain.append('weight', '5');
    plain.append('$ACTION_ID_aa11', '');
    expect(formActionIdOf(plain)).toBe('aa11');
    const bound = new FormData();
    bound.append('$ACTION_REF_1', '');
    bound.append('$ACTION_1:0', JSON.stringify({ id: 'bb22', bound: '$@1' }));
    expect(formActionIdOf(bound)).toBe('bb22');
    const none = new FormData();
    none.append('$ACTION_REF_2', '');
    none.append('$ACTION_2:0', '{not json');
    expect(formActionIdOf(none)).toBeUndefined();
  });
});
