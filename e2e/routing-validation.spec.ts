/**
 * Invalid edits are refused before anything is sent, with the API's limit named (weight 1000,
 * 11 target groups, a duplicate priority), and nothing is written (read back with the SDK).
 */
import { CreateTargetGroupCommand, GetRuleCommand, GetTargetGroupCommand } from '@aws-sdk/client-vpc-lattice';
import { expect, test } from '@playwright/test';
import { canaryRule, paymentsClients, RoutingPage, type CanaryRuleRef } from './pages/RoutingPage';
import { emulator } from './support/emulator';

const { lattice } = paymentsClients();
let ref: CanaryRuleRef;
let before: string;

async function snapshotOfRule(): Promise<string> {
  const r = await lattice.send(
    new GetRuleCommand({
      serviceIdentifier: ref.serviceArn,
      listenerIdentifier: ref.listenerArn,
      ruleIdentifier: ref.ruleArn,
    }),
  );
  return JSON.stringify({ p: r.priority, m: r.match, a: r.action, t: r.lastUpdatedAt });
}

test.beforeAll(async () => {
  await emulator.resetDemo();
  ref = await canaryRule(lattice);
  // Enough target groups in the account to try an 11th in one action.
  const vpcIdentifier = await vpcOf();
  for (let i = 1; i <= 4; i++)
    await lattice.send(
      new CreateTargetGroupCommand({
        name: `extra-tg-${i}`,
        type: 'IP',
        config: { port: 8080, protocol: 'HTTP', vpcIdentifier },
      }),
    );
  before = await snapshotOfRule();
});

test.afterAll(async () => {
  await emulator.reset();
});

async function vpcOf(): Promise<string> {
  const r = await lattice.send(
    new GetRuleCommand({
      serviceIdentifier: ref.serviceArn,
      listenerIdentifier: ref.listenerArn,
      ruleIdentifier: ref.ruleArn,
    }),
  );
  const tg = r.action?.forward?.targetGroups?.[0]?.targetGroupIdentifier ?? '';
  return (await lattice.send(new GetTargetGroupCommand({ targetGroupIdentifier: tg }))).config?.vpcIdentifier ?? '';
}

test.describe('invalid edits of the canary rule', () => {
  test.beforeEach(async ({ page }) => {
    const routing = new RoutingPage(page);
    await routing.open(ref.serviceArn);
    await routing.openRule('v2-canary');
  });

  test.afterEach(async () => {
    expect(await snapshotOfRule()).toBe(before);
  });

  test('a weight of 1000 names TargetGroupWeight 0–999', async ({ page }) => {
    const routing = new RoutingPage(page);
    await routing.weight('payments-api-v1').fill('1000');
    await expect(routing.issues).toHaveText(
      'Weight of payments-api-v1 is 1000; the API allows whole numbers 0 to 999 (TargetGroupWeight).',
    );
    await expect(routing.previewButton).toBeDisabled();
    await routing.weight('payments-api-v1').fill('999');
    await expect(routing.issues).toBeHidden();
    await expect(routing.previewButton).toBeEnabled();
  });

  test('11 target groups name WeightedTargetGroupList 1–10', async ({ page }) => {
    const routing = new RoutingPage(page);
    for (const name of [
      'payments-api-debug',
      'refunds-tg',
      'ledger-instances',
      'fraud-check-fn',
      'payouts-alb',
      'billing-webhooks-tg',
      'extra-tg-1',
      'extra-tg-2',
    ])
      await routing.addTargetGroup(name);
    await expect(routing.editor.getByRole('row').filter({ has: page.getByRole('spinbutton') })).toHaveCount(10);
    await expect(routing.issues).toBeHidden();
    await routing.addTargetGroup('extra-tg-3');
    await expect(routing.issues).toContainText(
      'A forward action has 11 target groups; the API allows 1 to 10 (WeightedTargetGroupList).',
    );
    await expect(routing.previewButton).toBeDisabled();
  });

  test('a duplicate priority names RulePriority, and offers a swap instead', async ({ page }) => {
    const routing = new RoutingPage(page);
    await routing.priority().fill('10');
    await expect(routing.issues).toHaveText(
      'Priority 10 is already used by rule debug-header; priorities must be unique per listener (RulePriority).',
    );
    await expect(routing.previewButton).toBeDisabled();
    await routing.priority().fill('2001');
    await expect(routing.issues).toHaveText(
      'Priority 2001 is out of range; the API allows whole numbers 1 to 2000 (RulePriority).',
    );
    await routing.priority().fill('10');
    await routing.editor.getByLabel(/swap with debug-header/).check();
    await expect(routing.issues).toBeHidden();
    await routing.preview();
    await expect(routing.dialog.getByRole('heading', { name: 'debug-header' })).toBeVisible();
    await routing.dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(routing.dialog).toBeHidden();
  });
});
