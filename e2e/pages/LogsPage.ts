/** Page object of the access-log explorer (/logs). */
import { expect, type Locator, type Page } from '@playwright/test';
import type { PanelId } from '../../lib/logs/panelTable';
import { ShellPage } from './ShellPage';

/** Panel ids as the explorer names them (`panel-<id>`): the panel table's. */
export type PanelName = PanelId;

export class LogsPage extends ShellPage {
  readonly explorer: Locator;
  readonly chips: Locator;
  readonly sources: Locator;
  readonly urlProblems: Locator;

  constructor(page: Page) {
    super(page);
    this.explorer = page.getByTestId('logs-explorer');
    this.chips = page.getByTestId('filter-chips');
    this.sources = page.getByTestId('sources');
    this.urlProblems = page.getByTestId('url-problems');
  }

  /** Opens /logs with query parameters. */
  async open(params: Record<string, string> | URLSearchParams = {}): Promise<void> {
    const qs = new URLSearchParams(params).toString();
    await this.goto(qs ? `/logs?${qs}` : '/logs');
    await expect(this.explorer).toBeVisible();
  }

  panel(name: PanelName): Locator {
    return this.page.getByTestId(`panel-${name}`);
  }

  /** Waits until a panel's queries finished (every account complete or failed). */
  async waitDone(name: PanelName, timeout = 30_000): Promise<void> {
    await expect(this.panel(name)).toHaveAttribute('data-phase', 'done', { timeout });
  }

  /** The window the explorer queried (whole seconds). */
  async window(): Promise<{ startMs: number; endMs: number }> {
    await expect(this.explorer).toHaveAttribute('data-window-end', /Z$/);
    const start = await this.explorer.getAttribute('data-window-start');
    const end = await this.explorer.getAttribute('data-window-end');
    return { startMs: Date.parse(start ?? ''), endMs: Date.parse(end ?? '') };
  }

  /** A breakdown row by its raw value. */
  breakdownRow(name: PanelName, value: string): Locator {
    return this.panel(name).locator(`li[data-value="${value.replace(/["\\]/g, '\\$&')}"]`);
  }

  /** Counts of a breakdown by raw value. */
  async breakdown(name: PanelName): Promise<Map<string, number>> {
    const rows = this.panel(name).locator('li[data-value]');
    const out = new Map<string, number>();
    for (const r of await rows.all())
      out.set((await r.getAttribute('data-value')) ?? '', Number(await r.getAttribute('data-count')));
    return out;
  }

  /** Histogram bins: start time and counts per status class. */
  async histogramBins(): Promise<Array<{ t: number; total: number; c5xx: number; c403: number }>> {
    return this.page
      .getByTestId('histogram-chart')
      .locator('g[data-bin]')
      .evaluateAll((gs) =>
        gs.map((g) => ({
          t: Date.parse(g.getAttribute('data-bin') ?? ''),
          total: Number(g.getAttribute('data-total')),
          c5xx: Number(g.getAttribute('data-c5xx')),
          c403: Number(g.getAttribute('data-c403')),
        })),
      );
  }

  /** Rendered record rows (the table is virtualised: only the visible ones). */
  recordRows(): Locator {
    return this.panel('records').getByTestId('record-row');
  }
}
