import { chromium } from '@playwright/test';
import { startServers } from '../bench/_servers';
import { EmulatorControl } from '../e2e/support/emulator';

const OUT = '/work/wt/shots/triage-fin';
const servers = await startServers({ emulatorPort: 4713, appPort: 3213, scenario: 'demo' });
const emu = new EmulatorControl(servers.emulatorUrl);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
const shot = async (name: string) => {
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
  console.log('shot', name);
};
const waitComplete = async () => {
  await page.getByTestId('now-summary').filter({ hasNotText: 'Reading…' }).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('[data-testid="now-partial"]'), undefined, { timeout: 60_000 });
};
const waitFinding = async (kind: string, resource: string) => {
  await page
    .locator(`[data-testid="finding"][data-kind="${kind}"]`)
    .filter({ hasText: resource })
    .first()
    .waitFor({ timeout: 150_000 });
};
try {
  await emu.reset({ scenario: 'demo', seed: 1, params: { backfillMinutes: 90, lagMs: 2000 } });
  await page.goto(`${servers.appUrl}/`);
  await page.waitForSelector('[data-testid="now-partial"], [data-testid="all-quiet"], [data-testid="finding"]');
  await shot('0-first-look');
  await waitComplete();
  await shot('1-quiet');
  const cases: Array<[string, Record<string, unknown>, string, string]> = [
    ['2-target-errors', { kind: 'target-errors', targetGroup: 'payments-api-v2', errorRate: 0.5, statusCode: 503 }, 'error-rate', 'payments-api-v2'],
    ['3-auth-denials', { kind: 'auth-denials', service: 'refunds', principal: 'arn:aws:iam::333333333333:role/intruder', reason: 'Service', rps: 1 }, 'auth-denials', 'refunds'],
    ['4-unhealthy-targets', { kind: 'unhealthy-targets', targetGroup: 'checkout-tg', count: 2 }, 'unhealthy-targets', 'checkout-tg'],
    ['5-latency', { kind: 'latency', targetGroup: 'catalog-tg', ms: 900 }, 'latency', 'catalog-tg'],
  ];
  await emu.setTraffic({ rates: { 'payments-api': 40 } });
  for (const [name, body, kind, resource] of cases) {
    await emu.addIncident(body as never);
    await waitFinding(kind, resource);
    await shot(name);
    await emu.endIncidents();
  }
} finally {
  await browser.close();
  await servers.stop();
}
