/**
 * "Now" for a viewer (ALB sign-in): the failing canary's card shows Roll back disabled with the reason,
 * and the rule is untouched.
 */
import { expect, test } from '@playwright/test';
import { emulator } from './support/emulator';
import { NowPage } from './pages/NowPage';
import { canaryRule, paymentsClients, ruleWeights } from './pages/RoutingPage';
import { signedIn, VIEWER } from './support/albUsers';

test.afterAll(async () => {
  await emulator.endIncidents();
  await emulator.reset({ scenario: 'demo', seed: 1 });
});

test('a viewer sees the canary rollback disabled with the reason', async ({ browser }) => {
  test.setTimeout(150_000);
  await emulator.reset({ scenario: 'demo', seed: 1, params: { backfillMinutes: 90, lagMs: 2000 } });
  await emulator.setTraffic({ rates: { 'payments-api': 40 } });
  await emulator.addIncident({ kind: 'target-errors', targetGroup: 'payments-api-v2', errorRate: 0.6 });
  const { lattice } = paymentsClients();
  const ref = await canaryRule(lattice);
  const context = await browser.newContext({ extraHTTPHeaders: await signedIn(VIEWER) });
  const now = new NowPage(await context.newPage());
  await now.open();
  const card = now.finding('error-rate', 'payments-api-v2');
  await expect(card).toHaveCount(1, { timeout: 90_000 });
  await expect(card.getByTestId('rollback')).toBeDisabled();
  await expect(card.getByTestId('blocked-reason')).toHaveText(
    'Changes need the operator role; Victor Viewer is a viewer.',
  );
  // Show requests and Show on graph stay open to viewers.
  await expect(card.getByTestId('show-requests')).toBeVisible();
  await expect(card.getByTestId('show-on-graph')).toBeVisible();
  expect(await ruleWeights(lattice, ref)).toEqual([90, 10]);
  await context.close();
});
