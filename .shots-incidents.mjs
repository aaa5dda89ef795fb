import { chromium } from '@playwright/test';
const EMU = 'http://127.0.0.1:4681/_emulator';
const post = async (path, body) => {
  const r = await fetch(EMU + path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  if (!r.ok) throw new Error(path + ' ' + (await r.text()));
  return r.json();
};
const steps = [
  ['target-errors', { kind: 'target-errors', targetGroup: 'payments-api-v2', errorRate: 0.5, statusCode: 503 }, 'payments-api-v2:'],
  ['auth-denials', { kind: 'auth-denials', service: 'refunds', principal: 'arn:aws:iam::333333333333:role/e2e-intruder', rps: 1 }, 'refunds:'],
  ['unhealthy-targets', { kind: 'unhealthy-targets', targetGroup: 'checkout-tg', count: 2 }, 'checkout-tg:'],
  ['latency', { kind: 'latency', targetGroup: 'catalog-tg', ms: 900 }, 'catalog-tg:'],
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await post('/traffic', { rates: { 'payments-api': 40 } });
await page.goto('http://127.0.0.1:3181/');
let n = 1;
for (const [name, body, head] of steps) {
  const t0 = Date.now();
  await post('/incidents', body);
  await page.locator('[data-testid="finding"] h3', { hasText: head }).first().waitFor({ timeout: 150000 });
  console.log(name, 'seen after', Math.round((Date.now() - t0) / 1000), 's');
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `/work/wt/shots/now-incident-${n}-${name}.png`, fullPage: true });
  n++;
}
await browser.close();
