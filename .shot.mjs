// Usage: node /tmp/triage-ui-shot.mjs <url> <out.png> [waitSelector] [fullPage]
import { chromium } from '@playwright/test';
const [url, out, waitFor, full] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(url);
if (waitFor) await page.waitForSelector(waitFor, { timeout: 60000 });
await page.waitForTimeout(1500);
await page.screenshot({ path: out, fullPage: full === 'full' });
const text = await page.locator('main').innerText();
console.log(text.slice(0, 3000));
await browser.close();
