/**
 * Who may enter and how requests must come, against the console started as the image starts it
 * (project `alb`): the viewer allow-list (TRELLIS_VIEWER_VALUES) refuses other signed-in users with a
 * 403 page that says why; writes must come from the console's own origin, and /api writes as JSON;
 * signing out expires the load balancer's session and goes to the identity provider's logout.
 */
import { expect, test } from '@playwright/test';
import { TEST_SIGN_OUT_URL } from './support/albEnv';
import { OPERATOR, signedIn, VIEWER } from './support/albUsers';
import { e2eServers } from './support/ports';

const { albAppUrl } = e2eServers();
const OUTSIDER = { sub: 'u-300', email: 'eve@example.com', name: 'Eve Outsider', groups: ['contractors'] };
/** A body the route itself refuses (no runs): its own error shows the request got past the proxy. */
const STOP = { op: 'stop', runs: [] };

test('a signed-in user outside the viewer allow-list gets 403 and a page that says why', async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: await signedIn(OUTSIDER) });
  const page = await context.newPage();
  const res = await page.goto('/topology');
  expect(res?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  await expect(page.getByText(/signed in as eve@example\.com/)).toBeVisible();
  await expect(page.getByText(/'groups' claim allows/)).toBeVisible();
  const api = await context.request.get('/api/anything');
  expect(api.status()).toBe(403);
  expect(await api.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
  await context.close();
});

test("an operator's POST from another origin is refused with 403 before it reaches the route", async ({ request }) => {
  const res = await request.post('/api/logs/query', {
    headers: { ...(await signedIn(OPERATOR)), origin: 'https://evil.example.com', 'content-type': 'application/json' },
    data: STOP,
  });
  expect(res.status()).toBe(403);
  expect(await res.json()).toMatchObject({ error: { code: 'FORBIDDEN', message: expect.stringContaining('origin') } });
  const noOrigin = await request.post('/api/logs/query', {
    headers: { ...(await signedIn(OPERATOR)), 'content-type': 'application/json' },
    data: STOP,
  });
  expect(noOrigin.status()).toBe(403);
});

test('an /api write from the console itself must be JSON; as JSON it reaches the route', async ({ request }) => {
  const headers = { ...(await signedIn(VIEWER)), origin: albAppUrl };
  const text = await request.post('/api/logs/query', {
    headers: { ...headers, 'content-type': 'text/plain;charset=UTF-8' },
    data: JSON.stringify(STOP),
  });
  expect(text.status()).toBe(400);
  expect(await text.json()).toMatchObject({
    error: { code: 'VALIDATION', message: expect.stringContaining('Content-Type: application/json') },
  });
  const json = await request.post('/api/logs/query', {
    headers: { ...headers, 'content-type': 'application/json' },
    data: STOP,
  });
  expect(json.status()).toBe(400);
  expect(await json.json()).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', message: expect.stringContaining('Invalid input for logs.query') },
  });
});

test("signing out expires the ALB session cookies and goes to the identity provider's logout", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: await signedIn(VIEWER) });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByTestId('sign-out')).toHaveAttribute('href', '/api/auth/sign-out');
  const res = await context.request.get('/api/auth/sign-out', { maxRedirects: 0 });
  expect(res.status()).toBe(303);
  expect(res.headers().location).toBe(TEST_SIGN_OUT_URL);
  const cookies = res.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie');
  expect(cookies.map((c) => c.value.split('=')[0])).toEqual([0, 1, 2, 3].map((i) => `AWSELBAuthSessionCookie-${i}`));
  for (const c of cookies) expect(c.value).toContain('Max-Age=0');
  await context.close();
});
