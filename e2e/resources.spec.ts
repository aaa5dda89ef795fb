import { expect, test } from '@playwright/test';
import { RoutingPage } from './pages/RoutingPage';
import { TopologyPage } from './pages/TopologyPage';
import { resourcesTruth, type ResourcesTruth } from './resourcesTruth';
import { emulator } from './support/emulator';
import { e2eServers } from './support/ports';
import { shot } from './support/shots';

let truth: ResourcesTruth;

/** Selects a node by its exact label through the search box's list of matches. */
async function select(topo: TopologyPage, label: string, id: string): Promise<void> {
  await topo.search.blur();
  await topo.search.fill(label);
  await topo.search.focus();
  await topo.searchResults.getByRole('button').filter({ hasText: label }).first().click();
  await expect(topo.panel).toHaveAttribute('data-node', id);
}

test.beforeAll(async () => {
  await emulator.resetDemo();
  truth = await resourcesTruth(e2eServers().emulatorUrl);
  // The demo must hold what this spec is about, or it would pass on nothing.
  expect(truth.configs.some((c) => c.status.endsWith('_FAILED') && c.failureReason)).toBe(true);
  expect(truth.domains.some((d) => d.status === 'PENDING')).toBe(true);
  expect(truth.passthrough.length).toBeGreaterThan(0);
  expect(truth.endpointsIntoNetworks.length).toBeGreaterThan(0);
});

test.describe('VPC resources on the topology', () => {
  test('draws gateways, configurations, their network associations, endpoints into networks and domains', async ({
    page,
  }) => {
    const topo = new TopologyPage(page);
    await topo.open();
    await topo.refresh();
    await topo.showAll();
    for (const g of truth.gateways) await expect(topo.node(g.arn), g.name).toContainText(g.name);
    for (const c of truth.configs) {
      const card = topo.node(c.arn).locator('[data-kind="resourceConfig"]');
      await expect(card, c.name).toContainText(c.name);
      await expect(card, `colour of ${c.name}`).toHaveAttribute(
        'data-health',
        c.status.endsWith('_FAILED') ? 'error' : c.status === 'ACTIVE' ? 'ok' : 'warn',
      );
      await expect(topo.edge(c.arn, c.gatewayArn), `${c.name} → its gateway`).toHaveCount(1);
    }
    for (const a of truth.associations) await expect(topo.edge(a.networkArn, a.configArn)).toHaveCount(1);
    for (const e of truth.endpointsIntoNetworks)
      await expect(topo.edge(`vpc:${e.vpcId}`, e.networkArn), `endpoint ${e.vpcEndpointId}`).toHaveCount(1);
    for (const d of truth.domains) {
      const card = topo.node(d.arn).locator('[data-kind="domain"]');
      await expect(card, d.name).toContainText(d.name);
      await expect(card).toHaveAttribute('data-health', d.status === 'VERIFIED' ? 'ok' : 'warn');
    }
    for (const s of truth.passthrough) {
      const card = topo.node(s.serviceArn);
      await expect(card).toContainText('TLS passthrough');
      if (s.customDomainName) await expect(card).toContainText(s.customDomainName);
    }
    // Centred on a resource gateway, search cleared: the resource part of the graph, for the screenshot.
    const gw = truth.gateways[0]!;
    await select(topo, gw.name, gw.arn);
    await topo.search.fill('');
    await expect(topo.panel.getByTestId('gateway-facts')).toBeVisible();
    for (const c of truth.configs)
      await expect(topo.node(c.arn).locator('[data-kind="resourceConfig"]')).not.toHaveClass(/dimmed/);
    await shot(page, 'graph-resources');

    // The "Failing" filter keeps the failed configuration and hides the healthy ones.
    const failed = truth.configs.find((c) => c.status.endsWith('_FAILED'))!;
    await topo.chip('Failing').click();
    await topo.chip('Hide others').click();
    await expect(topo.node(failed.arn)).toHaveCount(1);
    for (const c of truth.configs.filter((x) => x.status === 'ACTIVE')) await expect(topo.node(c.arn)).toHaveCount(0);
  });

  test('the side panel gives each kind’s facts: the failure reason, the endpoint, the TXT record to create', async ({
    page,
  }) => {
    const topo = new TopologyPage(page);
    await topo.open();
    const failed = truth.configs.find((c) => c.status.endsWith('_FAILED'))!;
    await select(topo, failed.name, failed.arn);
    await expect(topo.panel.getByTestId('resource-status')).toHaveText(failed.status);
    await expect(topo.panel.getByTestId('resource-failure')).toHaveText(failed.failureReason!);
    await shot(page, 'panel-failed-config');

    for (const e of truth.resourceEndpoints) {
      const cfg = truth.configs.find((c) => c.arn === e.configArn)!;
      await select(topo, cfg.name, cfg.arn);
      await expect(topo.panel.getByTestId('resource-endpoint')).toContainText(e.vpcEndpointId);
    }

    const pending = truth.domains.find((d) => d.status === 'PENDING')!;
    await select(topo, pending.name, pending.arn);
    await expect(topo.panel.getByTestId('domain-status')).toHaveText('PENDING');
    await expect(topo.panel.getByTestId('txt-name')).toHaveText(pending.txtName!);
    await expect(topo.panel.getByTestId('txt-value')).toHaveText(pending.txtValue!);
    await expect(topo.panel.getByRole('button', { name: 'Copy the TXT record value' })).toBeVisible();
    await shot(page, 'panel-pending-domain');

    const verified = truth.domains.find((d) => d.status === 'VERIFIED')!;
    await select(topo, verified.name, verified.arn);
    await expect(topo.panel.getByTestId('domain-txt')).toHaveCount(0);

    const tls = truth.passthrough[0]!;
    await select(topo, tls.name, tls.serviceArn);
    await expect(topo.panel.getByTestId('service-passthrough')).toContainText('does not terminate TLS');
    await shot(page, 'panel-tls-passthrough');
  });
});

test.describe('routing editor on a TLS passthrough listener', () => {
  test('offers no rules, only the default action (forward only), and says why', async ({ page }) => {
    const tls = truth.passthrough[0]!;
    const routing = new RoutingPage(page);
    await routing.open(tls.serviceArn);
    const note = page.getByTestId('listener-no-rules');
    await expect(note).toContainText('TLS passthrough');
    await expect(note).toContainText('cannot match paths');
    await expect(page.getByTestId('add-rule')).toHaveCount(0);
    await routing.openRule('default');
    await expect(routing.editor.getByTestId('listener-limit')).toContainText('TLS passthrough');
    await expect(routing.editor.getByRole('radio', { name: 'forward' })).toBeChecked();
    await expect(routing.editor.getByRole('radio', { name: 'fixed response' })).toHaveCount(0);
    await shot(page, 'routing-passthrough-refusal');
  });
});
