/** Page object of "Now" (`/`): the status bar and the finding cards. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { FindingKind } from '../../lib/triage/types';
import { ShellPage } from './ShellPage';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class NowPage extends ShellPage {
  readonly summary: Locator;
  readonly findings: Locator;
  readonly pauseButton: Locator;
  readonly dataAge: Locator;
  readonly dialog: Locator;
  readonly announcement: Locator;

  constructor(page: Page) {
    super(page);
    this.summary = page.getByTestId('now-summary');
    this.findings = page.getByTestId('finding');
    this.pauseButton = page.getByTestId('pause-refresh');
    this.dataAge = page.getByTestId('data-age');
    this.dialog = page.getByTestId('preview-dialog');
    this.announcement = page.getByTestId('announcement');
  }

  /** Opens `/` and waits for the first report. */
  async open(): Promise<void> {
    await this.goto('/');
    await expect(this.summary).not.toHaveText('Reading…', { timeout: 60_000 });
  }

  /** The cards of a kind whose headline starts with `resource` (the engine writes "<resource>: …"). */
  finding(kind: FindingKind, resource: string): Locator {
    return this.page.locator(`[data-testid="finding"][data-kind="${kind}"]`).filter({
      has: this.page.getByRole('heading', { level: 3, name: new RegExp(`^${escapeRegExp(resource)}:`) }),
    });
  }
}
