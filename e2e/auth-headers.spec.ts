/**
 * Security headers of the built console: a nonce-based CSP (no inline script without the nonce),
 * framing refused, and the other headers on pages, refusals, static files and the health check.
 * Every area renders and works under the CSP without a single violation.
 */
import { expect, test, type Page } from '@playwright/test';
import { signedIn, VIEWER } from './support/albUsers';
import { ShellPage } from './pages/ShellPage';

const STATIC_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
} as const;

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([n, ...v]) => [n ?? '', v]),
  );
}

/** Records CSP violations the page reports. */
async function violations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return seen;
}

test('pages carry a nonce CSP that their scripts use, fresh per request', async ({ request }) => {
  const headers = await signedIn(VIEWER);
  const res = await request.get('/', { headers });
  expect(res.status()).toBe(200);
  const csp = res.headers()['content-security-policy'] ?? '';
  const d = directives(csp);
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(d.get('script-src')).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
  expect(d.get('frame-ancestors')).toEqual(["'none'"]);
  expect(d.get('object-src')).toEqual(["'none'"]);
  expect(d.get('worker-src')).toEqual(["'self'", 'blob:']);
  expect(csp).not.toContain('unsafe-eval');
  expect(d.get('script-src')).not.toContain("'unsafe-inline'");
  for (const [k, v] of Object.entries(STATIC_HEADERS)) expect(res.headers()[k], k).toBe(v);
  // Every script element of the page carries this request's nonce.
  const html = await res.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
  const again = await request.get('/', { headers });
  expect(again.headers()['content-security-policy']).not.toBe(csp);
});

test('refusals, static files and the health check carry the security headers too', async ({ request }) => {
  const refused = await request.get('/');
  expect(refused.status()).toBe(401);
  expect(refused.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  const page = await (await request.get('/', { headers: await signedIn(VIEWER) })).text();
  const asset = /\/_next\/static\/[^"']+\.js/.exec(page)?.[0];
  expect(asset).toBeTruthy();
  for (const path of [asset ?? '', '/api/health']) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    for (const [k, v] of Object.entries(STATIC_HEADERS)) expect(res.headers()[k], `${path} ${k}`).toBe(v);
  }
});

test('every area renders and responds under the CSP without a violation', async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: await signedIn(VIEWER) });
  const page = await context.newPage();
  const seen = await violations(page);
  const shell = new ShellPage(page);
  await shell.goto('/');
  // Hydrated: the client-side account disclosure opens.
  await shell.openAccounts();
  await page.keyboard.press('Escape');
  for (const label of ['Topology', 'Logs', 'Routing', 'Audit'] as const) {
    await shell.navLink(label).click();
    await expect(shell.navLink(label)).toHaveAttribute('aria-current', 'page');
    await expect(shell.main).toBeVisible();
    await page.waitForLoadState('networkidle');
  }
  expect(seen).toEqual([]);
  await context.close();
});

test('the console refuses to be framed', async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: await signedIn(VIEWER) });
  const page = await context.newPage();
  const seen = await violations(page);
  await page.goto('/api/health');
  await page.setContent(`<iframe src="${new URL('/', page.url()).href}"></iframe>`);
  await expect.poll(() => seen.some((m) => /frame-ancestors 'none'/.test(m))).toBe(true);
  await context.close();
});
