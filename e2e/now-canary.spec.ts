/**
 * A running canary plan on "Now": its card offers Abort; Abort → Confirm stops the plan (its state tag,
 * read back with the SDK, says aborted), puts all traffic back on the stable group (the rule's weights,
 * read with the SDK) and the audit log has the abort.
 */
import { ListTagsForResourceCommand } from '@aws-sdk/client-vpc-lattice';
import { expect, test } from '@playwright/test';
import { AuditPage } from './pages/AuditPage';
import { NowPage } from './pages/NowPage';
import { canaryRule, paymentsClients, RoutingPage, ruleWeights, type CanaryRuleRef } from './pages/RoutingPage';
import { emulator } from './support/emulator';

const { lattice } = paymentsClients();
let ref: CanaryRuleRef;

/** The plan's state tag on the rule (`v1 id=… step=… status=…`), read with the SDK. */
async function planState(): Promise<string> {
  const tags = (await lattice.send(new ListTagsForResourceCommand({ resourceArn: ref.ruleArn }))).tags ?? {};
  return tags['trellis:canary:state'] ?? '';
}

test.beforeAll(async () => {
  await emulator.resetDemo();
  ref = await canaryRule(lattice);
  await emulator.setTraffic({ rateMultiplier: 0, rates: { 'payments-api': 300 } });
});

test.afterAll(async () => {
  await emulator.reset();
});

test('Abort on the card of a running canary stops the plan, restores the stable group and audits it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // A long bake: the plan stays at its first step until it is aborted.
  await new RoutingPage(page).startCanaryPlan(ref.serviceArn, '25, 100', '3600');
  expect(await ruleWeights(lattice, ref)).toEqual([75, 25]);
  expect(await planState()).toMatch(/ status=baking /);

  const now = new NowPage(page);
  await now.open();
  const card = now.finding('canary', 'payments-api');
  await expect(card).toHaveCount(1, { timeout: 30_000 });
  await expect(card).toContainText('canary payments-api-v2 at 25 %');
  await card.getByTestId('abort-canary').click();
  await card.getByTestId('confirm-abort').click();
  await expect(now.announcement).toContainText(/Canary plan [a-z0-9]+: aborted/);

  expect(await planState()).toMatch(/ status=aborted /);
  expect(await ruleWeights(lattice, ref)).toEqual([100, 0]);
  // The report no longer lists the plan as running.
  await expect(card).toHaveCount(0, { timeout: 30_000 });

  const audit = new AuditPage(page);
  await audit.open({ range: '1h' });
  await expect(audit.rows.filter({ hasText: /abort/i }).first()).toContainText('payments-api-v2 0');
});
