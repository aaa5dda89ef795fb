/**
 * "Now" against the emulator's demo world and its incidents API: with no incident, none of the resources
 * below has a finding of the kind about to be injected (specificity); within 90 s of each incident's
 * start, `/` shows (with no interaction: it refreshes itself) a finding naming the resource and the
 * principal, reason or target ids. Then, from the canary group's error-rate finding, Roll back → preview →
 * Confirm (3 clicks) leaves the rule with the canary at weight 0 (read back with the SDK) and an audit entry,
 * and the canary's error-rate finding clears once its failing minutes have left the window (wall-clock time:
 * the console's windows follow its own clock, so the emulator's cannot be advanced for it; the console runs
 * with a 30 s recent window, e2e/support/triageWindow.ts: one whole minute of series, a 30 s hold).
 */
import { ListTargetGroupsCommand, ListTargetsCommand, VPCLatticeClient } from '@aws-sdk/client-vpc-lattice';
import { STANDARD_ACCOUNTS } from '../emulator/scenarios/accounts';
import { expect, test } from '@playwright/test';
import { emulator } from './support/emulator';
import { AuditPage } from './pages/AuditPage';
import { NowPage } from './pages/NowPage';
import { TopologyPage } from './pages/TopologyPage';
import { e2eServers } from './support/ports';
import { shot } from './support/shots';
import { E2E_TRIAGE_RECENT_SECONDS } from './support/triageWindow';
import { canaryRule, EMULATOR_URL, paymentsClients, ruleWeights, type CanaryRuleRef } from './pages/RoutingPage';

const DETECT_MS = 90_000;
/**
 * The console's recent window is one whole minute: the failing minute leaves it at the next minute boundary
 * (+ delivery), then the finding is held E2E_TRIAGE_RECENT_SECONDS; + a shared report's 10 s and slack.
 */
const CLEAR_MS = 60_000 + E2E_TRIAGE_RECENT_SECONDS * 1000 + 10_000 + 20_000;
const INTRUDER = 'arn:aws:iam::333333333333:role/e2e-intruder';

/** Each incident, the finding it must produce and what else the card must name. */
const INCIDENTS = [
  {
    body: { kind: 'target-errors', targetGroup: 'payments-api-v2', errorRate: 0.5, statusCode: 503 },
    kind: 'error-rate',
    resource: 'payments-api-v2',
    names: ['503'],
  },
  {
    body: { kind: 'target-errors', targetGroup: 'cart-tg', errorRate: 0.3, statusCode: 502 },
    kind: 'error-rate',
    resource: 'cart-tg',
    names: ['502'],
  },
  {
    body: { kind: 'auth-denials', service: 'refunds', principal: INTRUDER, reason: 'Service', rps: 1 },
    kind: 'auth-denials',
    resource: 'refunds',
    names: ['e2e-intruder', 'Service'],
  },
  {
    body: { kind: 'unhealthy-targets', targetGroup: 'checkout-tg', count: 2 },
    kind: 'unhealthy-targets',
    resource: 'checkout-tg',
    names: [] as string[],
  },
  {
    body: { kind: 'latency', targetGroup: 'catalog-tg', ms: 900 },
    kind: 'latency',
    resource: 'catalog-tg',
    names: [],
  },
] as const;

const { lattice } = paymentsClients();

/** Ids of the UNHEALTHY targets of a storefront target group, read with the SDK. */
async function unhealthyTargets(name: string): Promise<string[]> {
  const a = STANDARD_ACCOUNTS[2]!;
  const client = new VPCLatticeClient({
    endpoint: EMULATOR_URL,
    region: 'us-east-1',
    credentials: { accessKeyId: a.accessKeyId, secretAccessKey: a.secretAccessKey },
    maxAttempts: 1,
  });
  try {
    const tg = (await client.send(new ListTargetGroupsCommand({}))).items?.find((g) => g.name === name);
    const targets = (await client.send(new ListTargetsCommand({ targetGroupIdentifier: tg!.arn! }))).items ?? [];
    return targets.filter((t) => t.status === 'UNHEALTHY').map((t) => t.id!);
  } finally {
    client.destroy();
  }
}
let ref: CanaryRuleRef;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  // 90 minutes of history: the engine's baseline is the hour ending 10 min before the recent 5 minutes.
  await emulator.reset({ scenario: 'demo', seed: 1, params: { backfillMinutes: 90, lagMs: 2000 } });
  ref = await canaryRule(lattice);
  // The reset swapped the world behind the console's back; its inventory may still hold what an earlier spec
  // left (e.g. a canary aborted to 100/0, patched in at once). "Refresh all" makes it read this world.
  const page = await browser.newPage({ baseURL: e2eServers().appUrl });
  try {
    const topo = new TopologyPage(page);
    await topo.goto('/topology');
    await topo.refresh(120_000);
  } finally {
    await page.close();
  }
});

test.afterAll(async () => {
  await emulator.endIncidents();
  await emulator.reset({ scenario: 'demo', seed: 1 });
});

test('with no incident, none of these resources has a finding of the kind about to be injected', async ({ page }) => {
  const now = new NowPage(page);
  await now.open();
  await expect(now.dataAge).toContainText('Updated');
  for (const i of INCIDENTS) await expect(now.finding(i.kind, i.resource), `${i.kind} ${i.resource}`).toHaveCount(0);
  await shot(page, 'now-quiet', true);
});

test('each incident shows as a finding naming its resource within 90 s, with no interaction', async ({ page }) => {
  test.setTimeout(DETECT_MS + 60_000);
  const started = Date.now();
  // payments-api at 10× its rate: its /v2/ canary group (10 % of /v2/) then gets about 70 requests a minute.
  await emulator.setTraffic({ rates: { 'payments-api': 40 } });
  for (const i of INCIDENTS) await emulator.addIncident(i.body);
  const now = new NowPage(page);
  await now.open();
  const left = () => Math.max(1_000, started + DETECT_MS - Date.now());
  for (const i of INCIDENTS) {
    const card = now.finding(i.kind, i.resource);
    await expect(card, `${i.kind} finding of ${i.resource}`).toHaveCount(1, { timeout: left() });
    for (const word of i.names) await expect(card).toContainText(word);
  }
  // The unhealthy targets are named by id, as the SDK lists them.
  const unhealthy = await unhealthyTargets('checkout-tg');
  expect(unhealthy).toHaveLength(2);
  for (const id of unhealthy) await expect(now.finding('unhealthy-targets', 'checkout-tg')).toContainText(id);
  // Specificity during the incidents: the stable sibling of the failing canary has no error-rate finding.
  await expect(now.finding('error-rate', 'payments-api-v1')).toHaveCount(0);
  // The canary's card offers the rollback; the failing stable group only links its rule.
  await expect(now.finding('error-rate', 'payments-api-v2').getByTestId('rollback')).toBeEnabled();
  await expect(now.finding('error-rate', 'cart-tg').getByTestId('rollback')).toHaveCount(0);
  await shot(page, 'now-incidents', true);
});

test('Roll back → preview → Confirm puts the canary at weight 0 (SDK) and audits it', async ({ page }) => {
  test.setTimeout(DETECT_MS + 60_000);
  const now = new NowPage(page);
  await now.open();
  const card = now.finding('error-rate', 'payments-api-v2');
  await expect(card).toHaveCount(1, { timeout: DETECT_MS });
  expect(await ruleWeights(lattice, ref)).toEqual([90, 10]);
  await card.getByTestId('rollback').click(); // 1
  await expect(now.dialog).toBeVisible();
  await expect(now.dialog.getByTestId('change-diff')).toContainText('payments-api-v2');
  await expect(now.dialog.getByTestId('rollback-basis')).toContainText('payments-api-v2 goes to weight 0');
  await shot(page, 'now-rollback-preview');
  await now.dialog.getByTestId('confirm-apply').click(); // 2
  await expect(now.dialog).toBeHidden();
  await expect(now.announcement).toContainText('Rolled back payments-api-v2');
  expect(await ruleWeights(lattice, ref)).toEqual([90, 0]);
  const audit = new AuditPage(page);
  await audit.open({ range: '1h' });
  await expect(audit.rows.filter({ hasText: 'v2-canary' }).first()).toContainText('payments-api-v2 0');
});

test('the rolled-back canary’s error-rate finding clears once the window passes', async ({ page }) => {
  test.setTimeout(CLEAR_MS + 60_000);
  const now = new NowPage(page);
  await now.open();
  const card = now.finding('error-rate', 'payments-api-v2');
  // Still on the page right after the rollback (firing, or held for E2E_TRIAGE_RECENT_SECONDS after) …
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('5xx');
  // Asks for a report every few seconds (the page's own 20 s refresh could step over the 30 s hold).
  const refreshedUntil = (check: () => Promise<void>) =>
    expect(async () => {
      await page.getByTestId('refresh-now').click();
      await check();
    }).toPass({ timeout: CLEAR_MS, intervals: [3_000] });
  // … with weight 0 the canary gets no requests: the finding stops firing and is held, saying so …
  await refreshedUntil(() => expect(card).toContainText('not firing now', { timeout: 2_000 }));
  // … until the hold has passed.
  await refreshedUntil(() => expect(card).toHaveCount(0, { timeout: 2_000 }));
  expect(await ruleWeights(lattice, ref)).toEqual([90, 0]);
  // Gone from a report that was read, not from a failed refresh.
  await expect(page.getByTestId('now-error')).toHaveCount(0);
  await expect(now.dataAge).toContainText('Updated');
});
