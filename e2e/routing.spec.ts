/**
 * Shifting the payments-api `/v2/` canary rule (90/10) to 50/50 through the UI: the emulator's rule
 * holds 50/50, new access-log records split accordingly, the audit page shows the change, and its
 * rollback restores 90/10.
 */
import { expect, test } from '@playwright/test';
import { AuditPage } from './pages/AuditPage';
import {
  canaryRule,
  insights,
  paymentsClients,
  RoutingPage,
  ruleWeights,
  type CanaryRuleRef,
} from './pages/RoutingPage';
import { LogsPage } from './pages/LogsPage';
import { emulator } from './support/emulator';

const { lattice, logs } = paymentsClients();
let ref: CanaryRuleRef;

test.beforeAll(async () => {
  await emulator.resetDemo();
  ref = await canaryRule(lattice);
});

test.afterAll(async () => {
  await emulator.reset();
});

test('shifts the canary rule to 50/50, traffic follows, the audit page shows it, rollback restores 90/10', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const routing = new RoutingPage(page);
  await routing.open();
  await routing.pickService('payments-api');
  await expect(page).toHaveURL(/[?&]service=arn%3Aaws%3Avpc-lattice/);
  await expect(routing.ruleRow('v2-canary')).toContainText('payments-api-v1 90%');
  await routing.openRule('v2-canary');
  await expect(page).toHaveURL(/[?&]rule=arn/);

  await routing.weight('payments-api-v1').fill('50');
  await routing.weight('payments-api-v2').fill('50');
  await routing.preview();
  await expect(routing.shareRow('payments-api-v1')).toContainText('90 %');
  await expect(routing.shareRow('payments-api-v1')).toContainText('→ 50 %');
  await expect(routing.shareRow('payments-api-v2')).toContainText('→ 50 %');
  expect(await ruleWeights(lattice, ref)).toEqual([90, 10]);
  const changedAt = Date.now();
  await routing.confirmButton.click();
  await expect(routing.announcement).toContainText('Updated rule v2-canary: applied');
  await expect(routing.dialog).toBeHidden();
  await expect(routing.ruleRow('v2-canary')).toContainText('payments-api-v2 50%');
  expect(await ruleWeights(lattice, ref)).toEqual([50, 50]);

  // A few thousand /v2/ requests after the change: they split 50/50 (±5 pp).
  const v2Rows = () =>
    insights(
      logs,
      '/aws/vpc-lattice/payments-api',
      'filter requestPath like /^\\/v2\\// | stats count(*) as n by targetGroupArn',
      changedAt + 1000,
      Date.now(),
    );
  const routed = (rs: Array<Record<string, string>>) =>
    rs.filter((r) => r.targetGroupArn && r.targetGroupArn !== '-').reduce((s, r) => s + Number(r.n), 0);
  await emulator.setTraffic({ rateMultiplier: 0, rates: { 'payments-api': 1000 } });
  await expect.poll(async () => routed(await v2Rows()), { timeout: 60_000 }).toBeGreaterThan(2000);
  await emulator.setTraffic({ rateMultiplier: 1, rates: { 'payments-api': null } });
  const rows = await v2Rows();
  const counted = rows.filter((r) => r.targetGroupArn && r.targetGroupArn !== '-');
  const total = counted.reduce((s, r) => s + Number(r.n), 0);
  expect(total).toBeGreaterThan(2000);
  expect(counted).toHaveLength(2);
  for (const r of counted) expect(Math.abs(Number(r.n) / total - 0.5)).toBeLessThanOrEqual(0.05);

  // The explorer marks the change on the histogram's time axis: who, what, when.
  const explorer = new LogsPage(page);
  await explorer.open({ service: ref.serviceArn, range: '15m' });
  await explorer.waitDone('histogram');
  const marker = explorer.changeMarkers().filter({ hasText: 'v2-canary weights 90/10 → 50/50' });
  await expect(marker).toHaveCount(1);
  await expect(marker).toHaveAttribute('data-who', 'Anonymous');
  await expect(marker).toHaveAttribute('data-action', 'rule.update');
  const markedAt = Date.parse((await marker.getAttribute('data-time'))!);
  expect(Math.abs(markedAt - changedAt)).toBeLessThan(30_000);

  // The audit page lists the change; filtered by the rule (in the URL), then rolled back.
  const audit = new AuditPage(page);
  await audit.open();
  await audit.filter({ resource: ref.ruleArn });
  await expect(page).toHaveURL(/[?&]resource=arn/);
  await expect(audit.rows).toHaveCount(1);
  const row = audit.rows.first();
  await expect(row).toHaveAttribute('data-action', 'rule.update');
  await expect(row).toHaveAttribute('data-result', 'applied');
  await expect(row).toContainText('payments-api');
  await expect(row).toContainText('Anonymous');
  await expect(row).toContainText(
    'payments-api-v1 90 · payments-api-v2 10 → #30 /v2/* · forward payments-api-v1 50 · payments-api-v2 50',
  );
  await audit.rollback(row);
  await expect(audit.announcement).toContainText('Rolled back');
  expect(await ruleWeights(lattice, ref)).toEqual([90, 10]);
  await expect(audit.rows).toHaveCount(2);
  await expect(audit.rows.first()).toContainText('rollback of');

  // The rule's history on the routing page shows both entries.
  await routing.goto(
    `/routing?service=${encodeURIComponent(ref.serviceArn)}&listener=${encodeURIComponent(ref.listenerArn)}` +
      `&rule=${encodeURIComponent(ref.ruleArn)}`,
  );
  await expect(page.getByTestId('history-entry')).toHaveCount(2);
  await expect(routing.weight('payments-api-v1')).toHaveValue('90');
});

test('adds a rule, swaps two priorities, edits the default action and deletes the rule', async ({ page }) => {
  await emulator.resetDemo();
  const routing = new RoutingPage(page);
  await routing.open(ref.serviceArn);
  await page.getByTestId('add-rule').click();
  await expect(routing.editor.getByRole('heading', { level: 2 })).toHaveText('New rule on https');
  await routing.editor.getByLabel('Name').fill('health-check');
  await routing.priority().fill('40');
  await routing.editor.locator('#match-path').fill('/healthz');
  await routing.preview();
  await expect(routing.dialog.getByRole('row', { name: /Priority/ })).toContainText('→ 40');
  await routing.confirmButton.click();
  await expect(routing.announcement).toContainText('Created new rule: applied');
  await expect(routing.ruleRow('health-check')).toContainText('/healthz');
  await expect(page).toHaveURL(/rule=arn/);

  // Swap with v2-canary (priority 30) in one BatchUpdateRule.
  await routing.priority().fill('30');
  await routing.editor.getByLabel(/swap with v2-canary/).check();
  await routing.preview();
  await expect(routing.dialog.getByRole('heading', { name: 'v2-canary' })).toBeVisible();
  await routing.confirmButton.click();
  await expect(routing.announcement).toContainText('Updated rule health-check: applied');
  await expect(routing.ruleRow('health-check').locator('td').first()).toHaveText('30');
  await expect(routing.ruleRow('v2-canary').locator('td').first()).toHaveText('40');

  // The default action: a fixed 404.
  await page.getByTestId('rule-default').click();
  await expect(routing.editor.getByRole('heading', { level: 2 })).toHaveText('Edit default action of https');
  await routing.editor.getByLabel('fixed response').check();
  await routing.preview();
  await routing.confirmButton.click();
  await expect(routing.ruleRow('default')).toContainText('fixed response 404');

  await routing.openRule('health-check');
  await routing.editor.getByRole('button', { name: 'Delete rule' }).click();
  await expect(routing.dialog).toContainText('Delete rule health-check?');
  await routing.confirmButton.click();
  await expect(routing.ruleRow('health-check')).toHaveCount(0);
  await expect(routing.announcement).toContainText('Deleted rule health-check: applied');
});
