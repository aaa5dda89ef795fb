/** Page object of the console's frame: navigation, account indicator, banners. Other page objects build on it. */
import { expect, type Locator, type Page } from '@playwright/test';

export class ShellPage {
  readonly nav: Locator;
  readonly accountButton: Locator;
  readonly accountList: Locator;
  readonly emulatorBanner: Locator;
  readonly authOffBanner: Locator;
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.accountButton = page.getByTestId('account-indicator').getByRole('button');
    this.accountList = page.getByTestId('account-list');
    this.emulatorBanner = page.getByTestId('emulator-banner');
    this.authOffBanner = page.getByTestId('auth-off-banner');
    this.main = page.locator('main#main');
  }

  /** Opens a path and waits for the shell. */
  async goto(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.nav).toBeVisible();
  }

  /** The link of an area in the top navigation. */
  navLink(label: 'Topology' | 'Logs' | 'Routing' | 'Audit'): Locator {
    return this.nav.getByRole('link', { name: label, exact: true });
  }

  /** Opens the account disclosure and returns the account rows. */
  async openAccounts(): Promise<Locator> {
    await this.accountButton.click();
    await expect(this.accountButton).toHaveAttribute('aria-expanded', 'true');
    return this.accountList.getByRole('listitem');
  }

  /** The page's h1. */
  heading(): Locator {
    return this.main.getByRole('heading', { level: 1 });
  }
}
