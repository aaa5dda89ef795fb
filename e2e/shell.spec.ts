import { expect, test } from '@playwright/test';
import packageJson from '../package.json' with { type: 'json' };
import { ShellPage } from './pages/ShellPage';
import { e2eServers } from './support/ports';

test.describe('console shell against the emulator', () => {
  test('opens with navigation, the emulator banner and the auth-off banner', async ({ page }) => {
    const shell = new ShellPage(page);
    await shell.goto('/');
    await expect(page).toHaveTitle('Trellis');
    for (const label of ['Topology', 'Logs', 'Routing', 'Audit'] as const)
      await expect(shell.navLink(label)).toBeVisible();
    await expect(shell.emulatorBanner).toHaveRole('note');
    await expect(shell.emulatorBanner).toContainText('Local emulator');
    await expect(shell.emulatorBanner).toContainText(
      `Data is simulated, not AWS (endpoint ${e2eServers().emulatorUrl})`,
    );
    await expect(shell.authOffBanner).toHaveText(/Authentication is off: everyone is operator/);
    await expect(shell.heading()).toHaveText('Now');
    await expect(page.getByTestId('now-status')).toBeVisible();
  });

  test('shows the three demo accounts and the region, ids and names only', async ({ page }) => {
    const shell = new ShellPage(page);
    await shell.goto('/');
    await expect(shell.accountButton).toHaveText(/3 accounts\s*·\s*us-east-1/);
    await expect(shell.accountButton).toHaveAttribute('aria-expanded', 'false');
    const rows = await shell.openAccounts();
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText('network-hub');
    await expect(rows.nth(0)).toContainText('111111111111');
    await expect(rows.nth(1)).toContainText('payments');
    await expect(rows.nth(2)).toContainText('storefront');
    // The VPC Lattice call budget of each account (e2e runs with a budget of 50 requests/s): in use / limit.
    await expect(rows.nth(0).getByTestId('account-budget')).toHaveText(/^VPC Lattice budget \d+\/50 calls\/s/);
    await expect(page.getByTestId('call-budget')).toHaveText(/^\d+\/50\/s$/);
    // Role ARNs and ExternalIds stay on the server.
    const html = await page.content();
    expect(html).not.toContain('TrellisOperator');
    expect(html).not.toContain('trellis-demo');
    await page.keyboard.press('Escape');
    await expect(shell.accountButton).toHaveAttribute('aria-expanded', 'false');
    await expect(shell.accountButton).toBeFocused();
  });

  test('navigates to every area by keyboard and marks the current one', async ({ page }) => {
    const shell = new ShellPage(page);
    await shell.goto('/');
    await shell.navLink('Routing').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/routing$/);
    await expect(shell.heading()).toHaveText('Routing');
    await expect(shell.navLink('Routing')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('routing-overview')).toContainText('Choose a service');
    for (const [label, path] of [
      ['Topology', '/topology'],
      ['Logs', '/logs'],
      ['Audit', '/audit'],
    ] as const) {
      await shell.navLink(label).click();
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(shell.heading()).toHaveText(label);
    }
  });

  test('answers unknown paths with the not-found page inside the shell', async ({ page }) => {
    const shell = new ShellPage(page);
    const res = await page.goto('/no-such-page');
    expect(res?.status()).toBe(404);
    await expect(shell.nav).toBeVisible();
    await expect(page.getByTestId('not-found')).toContainText('Page not found');
  });

  test('health check answers 200 with the version', async ({ request }) => {
    const res = await request.get('/api/health');
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', version: packageJson.version });
  });

  test('serves the CSS and JavaScript of the standalone build', async ({ page }) => {
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/_next/static/') && r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    const shell = new ShellPage(page);
    await shell.goto('/');
    expect(failed).toEqual([]);
    // Styled: the header has the console's dark background, not the browser default.
    const bg = await page.locator('header').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).toBe('rgb(21, 32, 43)');
  });

  test('renders without layout shift while the accounts stream in', async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { layoutShift: number };
      w.layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.layoutShift += (e as PerformanceEntry & { value: number }).value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const shell = new ShellPage(page);
    await shell.goto('/');
    await expect(shell.accountButton).toContainText('3 accounts');
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift)).toBe(0);
  });

  test('offers a skip link as the first stop of the keyboard', async ({ page }) => {
    const shell = new ShellPage(page);
    await shell.goto('/topology');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
  });
});
