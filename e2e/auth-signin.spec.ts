/**
 * ALB sign-in against the console started as the container image starts it (project `alb`): a
 * valid token signed by the ALB key names the user and their role; anything else gets 401 on
 * pages, route handlers and server actions.
 */
import { expect, test } from '@playwright/test';
import { newAlbKeyPair, paddedBase64url, signAlbToken, unsignedToken } from './support/albToken';
import { TEST_ALB_ARN, TEST_CLIENT_ID, TEST_ISSUER, TEST_KID } from './support/albKeyServer';
import { albToken, OPERATOR, signedIn, VIEWER } from './support/albUsers';
import { ShellPage } from './pages/ShellPage';
import { e2eServers } from './support/ports';

const exp = () => Math.floor(Date.now() / 1000) + 600;

test.describe('requests without a valid ALB token', () => {
  test('get 401 on pages (HTML), route handlers (JSON) and server actions (text)', async ({ request }) => {
    const page = await request.get('/topology');
    expect(page.status()).toBe(401);
    expect(page.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('no ALB sign-in token');
    const api = await request.get('/api/anything');
    expect(api.status()).toBe(401);
    expect(await api.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    const action = await request.post('/', {
      headers: {
        'next-action': '00'.repeat(21),
        'content-type': 'text/plain;charset=UTF-8',
        origin: e2eServers().albAppUrl,
      },
      data: '[]',
    });
    expect(action.status()).toBe(401);
    expect(action.headers()['content-type']).toBe('text/plain');
  });

  const forged: Array<[string, () => Promise<string>, RegExp]> = [
    ['expired', () => albToken(VIEWER, {}, -120), /has expired/],
    [
      'signed by another load balancer',
      () =>
        albToken(OPERATOR, {
          signer: 'arn:aws:elasticloadbalancing:us-east-1:999999999999:loadbalancer/app/evil/0123456789abcdef',
        }),
      /signer does not match/,
    ],
    [
      'alg none',
      async () => unsignedToken({ kid: TEST_KID, signer: TEST_ALB_ARN, exp: exp() }, { ...OPERATOR, exp: exp() }),
      /uses algorithm &#34;none&#34;, not ES256/,
    ],
    [
      'signed with another key',
      async () => {
        const { privateKey } = await newAlbKeyPair();
        return signAlbToken(
          privateKey,
          { kid: TEST_KID, signer: TEST_ALB_ARN, client: TEST_CLIENT_ID, iss: TEST_ISSUER, exp: exp() },
          { ...OPERATOR, exp: exp() },
        );
      },
      /invalid signature/,
    ],
    [
      'with edited claims',
      async () => {
        const [h, , s] = (await albToken(VIEWER)).split('.');
        return `${h}.${paddedBase64url(JSON.stringify({ ...VIEWER, groups: ['trellis-operators'], exp: exp() }))}.${s}`;
      },
      /invalid signature/,
    ],
    ['issued for another OIDC client', () => albToken(OPERATOR, { client: 'another-app' }), /client does not match/],
    [
      'issued by another identity provider',
      () => albToken(OPERATOR, { iss: 'https://evil.example.com' }),
      /iss does not match/,
    ],
    ['garbage', async () => 'not.a.token', /unreadable header/],
  ];
  for (const [name, make, why] of forged) {
    test(`get 401 when ${name}`, async ({ request }) => {
      const res = await request.get('/', { headers: { 'x-amzn-oidc-data': await make() } });
      expect(res.status()).toBe(401);
      expect(await res.text()).toMatch(why);
    });
  }
});

test.describe('signed-in users', () => {
  test('a viewer sees the console, is named with the role, and is told why changes are off', async ({ browser }) => {
    const context = await browser.newContext({ extraHTTPHeaders: await signedIn(VIEWER) });
    const page = await context.newPage();
    const shell = new ShellPage(page);
    await shell.goto('/');
    const chip = page.getByTestId('user-chip');
    await expect(chip).toHaveText('Victor Viewer · viewer');
    await expect(chip).toHaveAttribute(
      'title',
      'Signed in as Victor Viewer (viewer). Changes need the operator role; Victor Viewer is a viewer.',
    );
    await expect(shell.authOffBanner).toHaveCount(0);
    for (const label of ['Topology', 'Logs', 'Routing', 'Audit'] as const) {
      await shell.navLink(label).click();
      await expect(shell.navLink(label)).toHaveAttribute('aria-current', 'page');
      await expect(shell.main).toBeVisible();
    }
    await context.close();
  });

  test('an operator is named with the operator role', async ({ browser }) => {
    const context = await browser.newContext({ extraHTTPHeaders: await signedIn(OPERATOR) });
    const page = await context.newPage();
    await new ShellPage(page).goto('/');
    await expect(page.getByTestId('user-chip')).toHaveText('Olga Operator · operator');
    await expect(page.getByTestId('user-chip')).toHaveAttribute('title', /May change routes and weights/);
    await context.close();
  });
});
