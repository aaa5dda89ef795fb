/** Page object of the Audit page: filters (in the URL), rows, rollback. */
import { expect, type Locator, type Page } from '@playwright/test';
import { ShellPage } from './ShellPage';

export class AuditPage extends ShellPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly dialog: Locator;
  readonly announcement: Locator;

  constructor(page: Page) {
    super(page);
    this.table = page.getByTestId('audit-table');
    this.rows = page.getByTestId('audit-row');
    this.dialog = page.getByTestId('preview-dialog');
    this.announcement = page.getByTestId('announcement');
  }

  /** Opens the page with filters as URL parameters. */
  async open(filters: Record<string, string> = {}): Promise<void> {
    const qs = new URLSearchParams(filters).toString();
    await this.goto(qs ? `/audit?${qs}` : '/audit');
  }

  /** Sets the filter form and applies it. */
  async filter(f: { user?: string; resource?: string; result?: string; range?: string }): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Filter the audit log' });
    if (f.user !== undefined) await form.getByLabel('User').fill(f.user);
    if (f.resource !== undefined) await form.getByLabel('Resource').fill(f.resource);
    if (f.result !== undefined) await form.getByLabel('Result').selectOption(f.result);
    if (f.range !== undefined) await form.getByLabel('Last').selectOption(f.range);
    await form.getByRole('button', { name: 'Apply filters' }).click();
  }

  /** Rolls back the entry of a row through the preview dialog. */
  async rollback(row: Locator): Promise<void> {
    await row.getByRole('button', { name: 'Roll back' }).click();
    await expect(this.dialog).toBeVisible();
    await expect(this.dialog.getByTestId('change-diff')).toBeVisible();
    await this.dialog.getByTestId('confirm-apply').click();
  }
}
