/**
 * Canary plans through the UI, run by the console's own server-side runner: a healthy canary is
 * promoted step by step; a canary failing with 5xx (an emulator incident) is aborted automatically
 * and all traffic returns to stable.
 */
import { expect, test, type Page } from '@playwright/test';
import { canaryRule, paymentsClients, RoutingPage, ruleWeights, type CanaryRuleRef } from './pages/RoutingPage';
import { emulator } from './support/emulator';

const { lattice } = paymentsClients();
let ref: CanaryRuleRef;

test.beforeEach(async () => {
  await emulator.resetDemo();
  ref = await canaryRule(lattice);
  await emulator.setTraffic({ rateMultiplier: 0, rates: { 'payments-api': 300 } });
});

test.afterAll(async () => {
  await emulator.reset();
});

async function startPlan(page: Page, steps: string, bake: string): Promise<RoutingPage> {
  const routing = new RoutingPage(page);
  await routing.startCanaryPlan(ref.serviceArn, steps, bake);
  return routing;
}

test('a healthy canary is promoted to 100 % step by step by the server', async ({ page }) => {
  test.setTimeout(90_000);
  const routing = await startPlan(page, '50, 100', '4');
  const status = page.getByTestId('canary-status');
  await expect(status).toHaveAttribute('data-status', 'baking');
  expect(await ruleWeights(lattice, ref)).toEqual([50, 50]);
  await expect(page.getByTestId('canary-live')).toContainText('canary payments-api-v2');
  await expect(page.getByTestId('canary-next')).toContainText('if the gates pass, shift to 100 %');
  await expect(status).toHaveAttribute('data-status', 'promoted', { timeout: 60_000 });
  expect(await ruleWeights(lattice, ref)).toEqual([0, 100]);
  await expect(page.getByTestId('canary-steps').locator('li[data-status="passed"]')).toHaveCount(2);
  await expect(routing.ruleRow('v2-canary')).toContainText('payments-api-v2 100%');
});

test('a canary failing its 5xx gate is aborted and traffic returns to stable', async ({ page }) => {
  test.setTimeout(90_000);
  await startPlan(page, '25, 100', '60');
  await emulator.addIncident({ kind: 'target-errors', targetGroup: 'payments-api-v2', errorRate: 0.5 });
  const status = page.getByTestId('canary-status');
  await expect(status).toHaveAttribute('data-status', 'aborted', { timeout: 60_000 });
  await expect(status).toContainText('Gate failed at 25 pct: 5xx');
  expect(await ruleWeights(lattice, ref)).toEqual([100, 0]);
  await expect(page.getByTestId('canary-steps').locator('li').first()).toHaveAttribute('data-status', 'failed');
});
