/**
 * The access-log explorer against the demo emulator: injected incidents show up in the panels with
 * the counts the emulator's own Logs Insights gives for the same window (queried here with the real
 * SDK, never hard-coded). Traffic is paused before the page opens, so both sides see the same logs.
 */
import { GetQueryResultsCommand, StartQueryCommand, CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { ListServicesCommand, ListTargetGroupsCommand, VPCLatticeClient } from '@aws-sdk/client-vpc-lattice';
import { expect, test } from '@playwright/test';
import { DEMO_EXTERNAL_ID, OPERATOR_ROLE, STANDARD_ACCOUNTS } from '../emulator/scenarios/accounts';
import { LogsPage } from './pages/LogsPage';
import { emulator } from './support/emulator';
import { e2eServers } from './support/ports';

const EMU = e2eServers().emulatorUrl;
const REGION = 'us-east-1';
const INTRUDER_ROLE = 'arn:aws:iam::333333333333:role/e2e-intruder';

/** Credentials of an account: its admin keys. */
function keysOf(accountId: string) {
  const a = STANDARD_ACCOUNTS.find((x) => x.id === accountId)!;
  return { accessKeyId: a.accessKeyId, secretAccessKey: a.secretAccessKey };
}
const cfg = (accountId: string) => ({ endpoint: EMU, region: REGION, credentials: keysOf(accountId) });

/** Credentials the console would use: assumed TrellisOperator from the hub. */
async function operatorLogs(accountId: string): Promise<CloudWatchLogsClient> {
  const sts = new STSClient(cfg(STANDARD_ACCOUNTS[0]!.id));
  const out = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/${OPERATOR_ROLE}`,
      RoleSessionName: 'e2e',
      ExternalId: DEMO_EXTERNAL_ID,
    }),
  );
  const c = out.Credentials!;
  return new CloudWatchLogsClient({
    endpoint: EMU,
    region: REGION,
    credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! },
  });
}

async function serviceArn(accountId: string, name: string): Promise<string> {
  const out = await new VPCLatticeClient(cfg(accountId)).send(new ListServicesCommand({}));
  return out.items!.find((s) => s.name === name)!.arn!;
}

async function targetGroupArn(accountId: string, name: string): Promise<string> {
  const out = await new VPCLatticeClient(cfg(accountId)).send(new ListTargetGroupsCommand({}));
  return out.items!.find((t) => t.name === name)!.arn!;
}

/** Runs a Logs Insights query on the emulator the way AWS would, over the explorer's window. */
async function insights(
  accountId: string,
  group: string,
  w: { startMs: number; endMs: number },
  query: string,
): Promise<Array<Record<string, string>>> {
  const logs = await operatorLogs(accountId);
  const { queryId } = await logs.send(
    new StartQueryCommand({
      logGroupNames: [group],
      startTime: Math.floor(w.startMs / 1000),
      endTime: Math.ceil(w.endMs / 1000),
      queryString: query,
    }),
  );
  let out = await logs.send(new GetQueryResultsCommand({ queryId }));
  await expect
    .poll(
      async () => {
        out = await logs.send(new GetQueryResultsCommand({ queryId }));
        return out.status;
      },
      { message: 'the Insights query finishes' },
    )
    .not.toMatch(/^(Running|Scheduled)$/);
  if (out.status !== 'Complete') throw new Error(`query ${out.status}`);
  return (out.results ?? []).map((row) => Object.fromEntries(row.map((f) => [f.field!, f.value!])));
}

test.describe.configure({ mode: 'serial' });

test.describe('access-log explorer against the demo', () => {
  test.afterAll(async () => {
    await emulator.endIncidents();
    await emulator.reset();
  });

  test('shows the caller and reason of injected auth denials with the counts Logs Insights gives', async ({ page }) => {
    test.setTimeout(120_000);
    const payments = await serviceArn('222222222222', 'payments-api');
    await emulator.setTraffic({ paused: false });
    const incident = await emulator.addIncident({
      kind: 'auth-denials',
      service: 'payments-api',
      principal: INTRUDER_ROLE,
      reason: 'Service',
      rps: 5,
    });
    // 12 s of incident on the emulator's clock, then every record delivered.
    await emulator.runUntilThenFreeze(incident.startedAt + 12_000);

    const logs = new LogsPage(page);
    await logs.open({ service: payments });
    await expect(logs.sources).toContainText('Access logs of payments-api.');
    await logs.waitDone('top-user');
    await logs.waitDone('top-authDenied');
    const w = await logs.window();
    expect(w.endMs - w.startMs).toBe(3_600_000);

    // The emulator's own answer for the same group and window.
    const truth = await insights(
      '222222222222',
      '/aws/vpc-lattice/payments-api',
      w,
      `filter serviceArn = "${payments}" | stats count(*) as n by resolvedUser, authDeniedReason`,
    );
    const intruder = truth.find((r) => r.resolvedUser?.includes(':assumed-role/e2e-intruder/'));
    expect(intruder, 'the incident wrote denied records').toBeDefined();
    const denied = Number(intruder!.n);
    expect(denied).toBeGreaterThan(20);
    expect(intruder!.authDeniedReason).toBe('Service');
    const serviceReason = truth.filter((r) => r.authDeniedReason === 'Service').reduce((n, r) => n + Number(r.n), 0);

    const users = await logs.breakdown('top-user');
    expect(users.get(intruder!.resolvedUser!)).toBe(denied);
    const reasons = await logs.breakdown('top-authDenied');
    expect(reasons.get('Service')).toBe(serviceReason);
    await expect(logs.breakdownRow('top-user', intruder!.resolvedUser!).getByRole('button').first()).toContainText(
      'e2e-intruder/',
    );

    // Click the caller: the records are exactly its denied requests.
    await logs.breakdownRow('top-user', intruder!.resolvedUser!).getByRole('button').first().click();
    await expect(page).toHaveURL(/[?&]user=arn%3Aaws%3Asts%3A%3A333333333333%3Aassumed-role%2Fe2e-intruder%2F/);
    await expect(logs.chips).toContainText('Resolved user: e2e-intruder/');
    await logs.waitDone('records');
    await expect(logs.panel('records').getByRole('heading')).toHaveText(`Records (${denied})`);
    const first = logs.recordRows().first();
    await expect(first).toContainText('e2e-intruder/');
    await expect(first).toContainText('Service');
    await expect(first).toContainText('403');
    // Every field of the record in the drawer.
    await first.click();
    const drawer = page.getByTestId('record-drawer');
    await expect(drawer.locator('[data-field="authDeniedReason"]')).toContainText('Service');
    await expect(drawer.locator('[data-field="failureReason"]')).toContainText('ClientAccessDenied');
    await expect(drawer.locator('[data-field="serviceArn"]')).toContainText('payments-api');
    await expect(drawer.locator('[data-field]')).toHaveCount(35);
    await page.keyboard.press('Escape');
    await expect(drawer).toHaveCount(0);
  });

  test('shows injected target errors as a 5xx band at the right time and filters by their target group', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const checkout = await serviceArn('333333333333', 'checkout');
    const tg = await targetGroupArn('333333333333', 'checkout-tg');
    await emulator.setTraffic({ paused: false });
    const incident = await emulator.addIncident({
      kind: 'target-errors',
      targetGroup: 'checkout-tg',
      errorRate: 0.9,
      statusCode: 503,
    });
    const startedAt = incident.startedAt;
    await emulator.runUntilThenFreeze(startedAt + 40_000);

    const logs = new LogsPage(page);
    await logs.open({ service: checkout, range: '15m' });
    await logs.waitDone('histogram');
    const w = await logs.window();
    const bins = await logs.histogramBins();
    const binMs = 10_000;
    expect(bins[1]!.t - bins[0]!.t).toBe(binMs);
    // Bins wholly inside the incident (it ran 40 s before the traffic was paused) and wholly before it.
    const after = bins.filter((b) => b.t >= startedAt && b.t + binMs <= startedAt + 39_000 && b.total > 0);
    const before = bins.filter((b) => b.t + binMs <= startedAt && b.t >= startedAt - 5 * 60_000 && b.total > 0);
    expect(after.length).toBeGreaterThanOrEqual(2);
    for (const b of after)
      expect(b.c5xx / b.total, `5xx share of the bin at ${new Date(b.t).toISOString()}`).toBeGreaterThan(0.6);
    expect(before.length).toBeGreaterThan(5);
    for (const b of before)
      expect(b.c5xx / b.total, `5xx share before the incident at ${new Date(b.t).toISOString()}`).toBeLessThan(0.3);
    // The band's total is what Logs Insights counts for the window.
    const truth = await insights(
      '333333333333',
      '/aws/vpc-lattice/checkout',
      w,
      `filter serviceArn = "${checkout}" and responseCode >= 500 and responseCode <= 599 | stats count(*) as n`,
    );
    expect(bins.reduce((n, b) => n + b.c5xx, 0)).toBe(Number(truth[0]?.n ?? 0));

    // Click the failing target group in its breakdown: the table shows only its requests.
    await logs.waitDone('top-targetGroup');
    const row = logs.breakdownRow('top-targetGroup', tg);
    await expect(row).toContainText('checkout-tg');
    await row.getByRole('button').first().click();
    await expect(page).toHaveURL(new RegExp(`[?&]targetGroup=${encodeURIComponent(tg)}`));
    await logs.waitDone('records');
    const rows = logs.recordRows();
    await expect(rows.first()).toBeVisible();
    for (const r of await rows.all()) await expect(r.getByRole('cell').nth(7)).toHaveText('checkout-tg');
    const tgTruth = await insights(
      '333333333333',
      '/aws/vpc-lattice/checkout',
      w,
      `filter serviceArn = "${checkout}" and targetGroupArn = "${tg}" | stats count(*) as n`,
    );
    const n = Number(tgTruth[0]?.n ?? 0);
    // The newest 1,000 come from the newest bins that hold them (the histogram's counts): the heading says since when.
    await expect(logs.panel('records').getByRole('heading')).toHaveText(
      n >= 1000
        ? /^Records \(newest 1,000(, queried since \d\d:\d\d:\d\d UTC)?\)$/
        : `Records (${n.toLocaleString('en-US')})`,
    );

    // Ranked by rate (rank=rate, as a finding's link sets it): the group's 5xx share of all its requests.
    await logs.open({ service: checkout, code: '5xx', range: '15m', rank: 'rate' });
    await expect(page.getByTestId('rank-select')).toHaveValue('rate');
    await logs.waitDone('top-targetGroup');
    const rw = await logs.window();
    const count = async (extra: string) =>
      Number(
        (
          await insights(
            '333333333333',
            '/aws/vpc-lattice/checkout',
            rw,
            `filter serviceArn = "${checkout}" and targetGroupArn = "${tg}"${extra} | stats count(*) as n`,
          )
        )[0]?.n ?? 0,
      );
    const rate = (await count(' and responseCode >= 500 and responseCode <= 599')) / (await count(''));
    expect(rate).toBeGreaterThan(0);
    const ranked = logs.breakdownRow('top-targetGroup', tg);
    await expect.poll(async () => Number(await ranked.getAttribute('data-rate'))).toBeCloseTo(rate, 9);
  });
});
