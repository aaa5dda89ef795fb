/** Page object of the topology: the graph canvas, find and filter, the account strip and the side panel. */
import { expect, type Locator, type Page } from '@playwright/test';
import { ShellPage } from './ShellPage';

export class TopologyPage extends ShellPage {
  readonly canvas: Locator;
  readonly search: Locator;
  readonly searchResults: Locator;
  readonly panel: Locator;
  readonly strip: Locator;
  readonly refreshButton: Locator;
  readonly dataAge: Locator;
  readonly windowSelect: Locator;

  constructor(page: Page) {
    super(page);
    this.canvas = page.getByTestId('topology-canvas');
    this.search = page.getByTestId('topology-search');
    this.searchResults = page.getByTestId('search-results');
    this.panel = page.getByTestId('side-panel');
    this.strip = page.getByTestId('account-strip');
    this.refreshButton = page.getByTestId('refresh');
    this.dataAge = page.getByTestId('data-age');
    this.windowSelect = page.getByRole('combobox', { name: 'Traffic window' });
  }

  /** Opens the topology (with an optional query string) and waits until the graph is interactive. */
  async open(query = ''): Promise<void> {
    await this.goto(`/topology${query}`);
    await this.waitInteractive();
  }

  /** Waits for nodes drawn and the layout done. */
  async waitInteractive(timeout = 30_000): Promise<void> {
    await expect(this.canvas).toHaveAttribute('data-layout-state', 'done', { timeout });
    await expect(this.page.locator('.react-flow__node').first()).toBeVisible({ timeout });
  }

  /** Re-reads every account (the Refresh button) and waits for the new data to be drawn. */
  async refresh(timeout = 60_000): Promise<void> {
    await this.refreshButton.click();
    await expect(this.refreshButton).toBeDisabled();
    await expect(this.refreshButton).toBeEnabled({ timeout });
    await this.waitInteractive(timeout);
  }

  /** Fits the whole graph in view, so that every node and edge is drawn (small worlds only). */
  async showAll(): Promise<void> {
    await this.page.getByRole('button', { name: 'Fit View' }).click();
    // Fitting may animate: wait until the viewport's transform holds still between two reads.
    const viewport = this.page.locator('.react-flow__viewport');
    let last: string | null = null;
    await expect
      .poll(async () => {
        const now = await viewport.getAttribute('style');
        const still = now === last;
        last = now;
        return still;
      })
      .toBe(true);
  }

  /** The card of a node by id (ARN). */
  node(id: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  }

  /** Cards of the drawn nodes of a kind (vpc, network, service, targetGroup, target). */
  cards(kind: string): Locator {
    return this.page.locator(`.react-flow__node [data-kind="${kind}"]`);
  }

  /** The edge between two nodes. */
  edge(source: string, target: string): Locator {
    return this.page.locator(`[data-testid="topo-edge"][data-source="${source}"][data-target="${target}"]`);
  }

  /** The strip entry of an account. */
  accountStatus(accountId: string): Locator {
    return this.strip.locator(`[data-account="${accountId}"]`);
  }

  /** The box of an account on the canvas. */
  accountBox(accountId: string): Locator {
    return this.page.locator(`[data-testid="account-box"][data-account="${accountId}"]`);
  }

  /** Types into the search box and picks the first match with Enter. */
  async find(text: string): Promise<void> {
    await this.search.fill(text);
    await expect(this.searchResults).toContainText(text);
    await this.search.press('Enter');
  }

  /** A toggle of the filter bar by its label. */
  chip(label: string): Locator {
    return this.page
      .getByRole('toolbar', { name: 'Find and filter' })
      .getByRole('button', { name: label, exact: true });
  }
}
