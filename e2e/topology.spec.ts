/**
 * The topology against the emulator's demo world. Expected nodes, edges, shares and health are read
 * from the emulator with the real SDK in the test (topologyTruth), never hard-coded. Tests that
 * change the emulator (faults, rate limits, the fleet) put it back and re-read the console.
 */
import { expect, test } from '@playwright/test';
import { TopologyPage } from './pages/TopologyPage';
import { emulator } from './support/emulator';
import { e2eServers } from './support/ports';
import { expectedHealth, latticeTruth, type TruthAccount } from './topologyTruth';

const EMULATOR = e2eServers().emulatorUrl;
const PAYMENTS = '222222222222';

let truth: TruthAccount[];

test.beforeAll(async () => {
  truth = await latticeTruth(EMULATOR);
});

test.describe('topology of the demo world', () => {
  test('draws every account’s networks, services and target groups with their routes, shares and health', async ({
    page,
  }) => {
    const topo = new TopologyPage(page);
    await topo.open();
    await topo.refresh();
    await topo.showAll();
    for (const a of truth) {
      await expect(topo.accountBox(a.accountId)).toHaveAttribute('data-reachable', 'true');
      const labels = (kind: string) =>
        page
          .locator(`.react-flow__node [data-kind="${kind}"][data-account="${a.accountId}"] [data-testid="node-label"]`)
          .allTextContents();
      expect((await labels('service')).sort(), `services of ${a.accountId}`).toEqual(
        a.services.map((s) => s.name).sort(),
      );
      expect((await labels('network')).sort(), `networks of ${a.accountId}`).toEqual(
        a.networks.map((n) => n.name).sort(),
      );
      expect((await labels('targetGroup')).sort(), `target groups of ${a.accountId}`).toEqual(
        a.targetGroups.map((t) => t.name).sort(),
      );
      for (const tg of a.targetGroups) {
        const card = topo.node(tg.arn).locator('[data-kind="targetGroup"]');
        const counts = Object.fromEntries(
          (await card.getAttribute('data-targets'))!
            .split(',')
            .map((kv) => kv.split(':'))
            .map(([k, v]) => [k, Number(v)])
            .filter(([, v]) => v !== 0),
        );
        expect(counts, `target health of ${tg.name}`).toEqual(tg.statuses);
        await expect(card, `colour of ${tg.name}`).toHaveAttribute(
          'data-health',
          expectedHealth(
            tg.statuses,
            a.routes.some((r) => r.targetGroupArn === tg.arn),
          ),
        );
      }
      for (const r of a.routes) {
        const edge = topo.edge(r.serviceArn, r.targetGroupArn);
        await expect(edge, `route ${r.serviceArn} → ${r.targetGroupArn}`).toHaveCount(1);
        if (r.weighted) expect(await edge.getAttribute('data-label')).toContain(`${Math.round(r.share * 100)}%`);
      }
      for (const s of a.associations)
        await expect(
          topo.edge(s.networkArn, s.serviceArn),
          `association ${s.networkArn} → ${s.serviceArn}`,
        ).toHaveCount(1);
    }
    // Unhealthy targets turn their services red; the weighted canary exists in the demo.
    expect(truth.flatMap((a) => a.routes).some((r) => r.weighted)).toBe(true);
    expect(await page.locator('.react-flow__node [data-kind="service"][data-health="error"]').count()).toBeGreaterThan(
      0,
    );
  });

  test('an account whose role cannot be assumed is drawn unreachable with its AWS error; others still render', async ({
    page,
  }) => {
    const topo = new TopologyPage(page);
    await topo.open();
    // AssumeRole denied; the Lattice calls too, in case the console still holds a session from before (as in AWS).
    await emulator.addFault({
      account: PAYMENTS,
      service: 'sts',
      operation: 'AssumeRole',
      errorRate: 1,
      errorCode: 'AccessDenied',
    });
    await emulator.addFault({
      account: PAYMENTS,
      service: 'vpc-lattice',
      errorRate: 1,
      errorCode: 'AccessDeniedException',
    });
    try {
      await topo.refresh();
      await expect(topo.accountStatus(PAYMENTS)).toHaveAttribute('data-reachable', 'false');
      await expect(topo.accountStatus(PAYMENTS)).toContainText(/AccessDenied/);
      await expect(topo.accountBox(PAYMENTS)).toHaveAttribute('data-reachable', 'false');
      await expect(topo.strip).toHaveRole('alert');
      await topo.showAll();
      await expect(topo.accountBox(PAYMENTS)).toContainText(/AccessDenied/);
      for (const a of truth.filter((x) => x.accountId !== PAYMENTS)) {
        await expect(topo.accountStatus(a.accountId)).toHaveAttribute('data-reachable', 'true');
        for (const s of a.services) await expect(topo.node(s.arn)).toHaveCount(1);
      }
    } finally {
      await emulator.clearFaults();
    }
    await topo.refresh();
    await expect(topo.accountStatus(PAYMENTS)).toHaveAttribute('data-reachable', 'true');
  });

  test('a throttled crawl still completes', async ({ page }) => {
    test.setTimeout(120_000);
    const topo = new TopologyPage(page);
    await topo.open();
    await topo.showAll();
    const before = await topo.canvas.getAttribute('data-node-count');
    for (const a of truth)
      await emulator.setRateLimit({
        account: a.accountId,
        service: 'vpc-lattice',
        ratePerSecond: 15,
        burst: 3,
      });
    try {
      await topo.refresh(90_000);
      for (const a of truth) await expect(topo.accountStatus(a.accountId)).toHaveAttribute('data-reachable', 'true');
      await expect(topo.canvas).toHaveAttribute('data-node-count', before!);
    } finally {
      await emulator.clearRateLimits();
    }
  });

  test('selecting a node opens its panel; the logs and routing links carry its ARN', async ({ page }) => {
    const topo = new TopologyPage(page);
    await topo.open();
    const canary = truth.flatMap((a) => a.routes).find((r) => r.weighted)!;
    const service = truth.flatMap((a) => a.services).find((s) => s.arn === canary.serviceArn)!;
    await topo.find(service.name);
    await expect(topo.panel).toHaveAttribute('data-node', service.arn);
    await expect(topo.panel.getByRole('heading', { level: 2 })).toContainText(service.name);
    await expect(topo.panel.getByTestId('node-arn')).toHaveText(service.arn);
    await expect(topo.panel.getByTestId('rules-table')).toContainText(`${Math.round(canary.share * 1000) / 10}%`);
    const logs = new URL((await topo.panel.getByTestId('logs-link').getAttribute('href'))!, 'http://x');
    expect([logs.pathname, logs.searchParams.get('service'), logs.searchParams.get('range')]).toEqual([
      '/logs',
      service.arn,
      '15m',
    ]);
    const routing = new URL((await topo.panel.getByTestId('routing-link').getAttribute('href'))!, 'http://x');
    expect([routing.pathname, routing.searchParams.get('service')]).toEqual(['/routing', service.arn]);
    // A target group's panel links to its own logs.
    await topo.panel.getByTestId('rules-table').getByRole('button').first().click();
    await expect(topo.panel).toHaveAttribute('data-node', /:targetgroup\//);
    const tgLogs = new URL((await topo.panel.getByTestId('logs-link').getAttribute('href'))!, 'http://x');
    expect(tgLogs.searchParams.get('targetGroup')).toBe(await topo.panel.getAttribute('data-node'));
    await topo.panel.getByTestId('logs-link').click();
    await expect(page).toHaveURL(/\/logs\?targetGroup=arn%3Aaws%3Avpc-lattice%3A/);
  });

  test('nodes are selectable by keyboard; Esc clears the selection and returns focus', async ({ page }) => {
    const topo = new TopologyPage(page);
    await topo.open();
    const svc = truth[0]!.services[0]!;
    const node = topo.node(svc.arn);
    await node.focus();
    await page.keyboard.press('Enter');
    await expect(topo.panel).toHaveAttribute('data-node', svc.arn);
    await expect(topo.panel.getByRole('heading', { level: 2 })).toBeFocused();
    await expect(page).toHaveURL(/sel=/);
    await page.keyboard.press('Escape');
    await expect(topo.panel).toHaveCount(0);
    await expect(node).toBeFocused();
    await expect(page).not.toHaveURL(/sel=/);
  });

  test('accounts without networks or services show the empty state, not an empty canvas', async ({ page }) => {
    const topo = new TopologyPage(page);
    await topo.open();
    await emulator.reset({ scenario: 'empty', seed: 1 });
    try {
      await topo.refreshButton.click();
      await expect(page.getByTestId('topology-empty')).toContainText('No service networks or services yet');
      await expect(topo.canvas).toHaveCount(0);
      for (const a of truth) await expect(topo.accountStatus(a.accountId)).toHaveAttribute('data-reachable', 'true');
    } finally {
      await emulator.reset();
    }
    await topo.refreshButton.click();
    await topo.waitInteractive();
  });

  test('the URL keeps filters, selection, expanded groups and window; opening it shows the same view', async ({
    page,
    browser,
  }) => {
    const topo = new TopologyPage(page);
    await topo.open();
    const tg = truth.flatMap((a) => a.targetGroups).find((t) => (t.statuses.UNHEALTHY ?? 0) > 0)!;
    await topo.find(tg.name);
    await expect(topo.panel).toHaveAttribute('data-node', tg.arn);
    await topo.chip('Failing').click();
    await topo.chip('Hide others').click();
    await topo.windowSelect.selectOption('1h');
    await topo
      .node(tg.arn)
      .getByRole('button', { name: /Show the \d+ targets/ })
      .click();
    await expect(page.locator('.react-flow__node [data-kind="target"]').first()).toBeVisible();
    const url = page.url();
    const params = new URL(url).searchParams;
    expect([
      params.get('q'),
      params.get('health'),
      params.get('hide'),
      params.get('sel'),
      params.get('range'),
      params.getAll('expand'),
    ]).toEqual([tg.name, 'error', '1', tg.arn, '1h', [tg.arn]]);

    const other = new TopologyPage(await browser.newPage());
    await other.page.goto(url);
    await other.waitInteractive();
    await expect(other.search).toHaveValue(tg.name);
    await expect(other.chip('Failing')).toHaveAttribute('aria-pressed', 'true');
    await expect(other.chip('Hide others')).toHaveAttribute('aria-pressed', 'true');
    await expect(other.windowSelect).toHaveValue('1h');
    await expect(other.panel).toHaveAttribute('data-node', tg.arn);
    await expect(other.page.locator('.react-flow__node [data-kind="target"]')).toHaveCount(
      Object.values(tg.statuses).reduce((a, b) => a + b, 0),
    );
    // Hidden, not dimmed: only matching nodes are drawn.
    await expect(other.node(tg.arn)).toHaveCount(1);
    expect(await other.page.locator('.react-flow__node [data-kind="service"][data-health="ok"]').count()).toBe(0);
    await other.page.close();
  });
});
