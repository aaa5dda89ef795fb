/**
 * Screenshots for a person to look at (closing notes, reviews): taken only when `E2E_SHOTS` (or the older
 * `E2E_SHOTS_DIR`) names a folder; a normal run takes none.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';

const DIR = process.env.E2E_SHOTS ?? process.env.E2E_SHOTS_DIR;

/** Saves the page as `<dir>/<name>.png` when screenshots are asked for. */
export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  if (!DIR) return;
  mkdirSync(DIR, { recursive: true });
  await page.screenshot({ path: `${DIR}/${name}.png`, fullPage });
}
