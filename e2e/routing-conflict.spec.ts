/**
 * No lost updates: the rule is changed behind the operator's back (with the SDK) between opening the
 * editor and applying; the apply is refused with the new state shown, and nothing of the operator's
 * edit is written.
 */
import { GetRuleCommand, UpdateRuleCommand } from '@aws-sdk/client-vpc-lattice';
import { expect, test } from '@playwright/test';
import { AuditPage } from './pages/AuditPage';
import { canaryRule, paymentsClients, RoutingPage, ruleWeights, type CanaryRuleRef } from './pages/RoutingPage';
import { emulator } from './support/emulator';

const { lattice } = paymentsClients();
let ref: CanaryRuleRef;

test.beforeAll(async () => {
  await emulator.resetDemo();
  ref = await canaryRule(lattice);
});

test.afterAll(async () => {
  await emulator.reset();
});

test("a change made behind the operator's back refuses the apply and shows the current state", async ({ page }) => {
  const routing = new RoutingPage(page);
  await routing.open(ref.serviceArn);
  await routing.openRule('v2-canary');
  await routing.weight('payments-api-v1').fill('70');
  await routing.weight('payments-api-v2').fill('30');
  await routing.preview();

  // Someone else sets 60/40 meanwhile.
  const rule = await lattice.send(
    new GetRuleCommand({
      serviceIdentifier: ref.serviceArn,
      listenerIdentifier: ref.listenerArn,
      ruleIdentifier: ref.ruleArn,
    }),
  );
  const targetGroups = rule.action!.forward!.targetGroups!.map((t, i) => ({
    targetGroupIdentifier: t.targetGroupIdentifier!,
    weight: i === 0 ? 60 : 40,
  }));
  await lattice.send(
    new UpdateRuleCommand({
      serviceIdentifier: ref.serviceArn,
      listenerIdentifier: ref.listenerArn,
      ruleIdentifier: ref.ruleArn,
      action: { forward: { targetGroups } },
    }),
  );

  await routing.confirmButton.click();
  const error = routing.dialog.getByTestId('apply-error');
  await expect(error).toContainText('Not applied: the rule changed meanwhile');
  await expect(error).toContainText(
    'rule v2-canary is now priority 30, match /v2/*, forward payments-api-v1 60 · payments-api-v2 40',
  );
  await expect(error).toHaveAttribute('data-code', 'CONFLICT');
  expect(await ruleWeights(lattice, ref)).toEqual([60, 40]);
  // The page re-read the rules: the table shows the current weights, the editor keeps the draft and says it is stale.
  await expect(routing.ruleRow('v2-canary')).toContainText('payments-api-v2 40%');
  await page.getByTestId('load-current').click();
  await expect(routing.dialog).toBeHidden();
  await expect(routing.weight('payments-api-v1')).toHaveValue('60');
  await expect(routing.weight('payments-api-v2')).toHaveValue('40');

  // The refused attempt is in the audit log.
  const audit = new AuditPage(page);
  await audit.open({ result: 'conflict' });
  await expect(audit.rows).toHaveCount(1);
  await expect(audit.rows.first()).toContainText('CONFLICT');
  await expect(audit.rows.first().getByRole('button', { name: 'Roll back' })).toHaveCount(0);
});
