/**
 * Semantic zoom on the `fleet` scenario: with no interaction the first view is the estate at a glance —
 * every configured account and every network it owns visible and legible (name inside the viewport, font
 * size × zoom ≥ `READABLE_PX`, rolled-up health shown); zooming in names a network's worst services;
 * expanding a network (by keyboard) or following a link to one service brings that service and its target
 * groups into view. The demo world is put back and re-read afterwards for the specs that follow.
 */
import { ListServiceNetworksCommand, VPCLatticeClient } from '@aws-sdk/client-vpc-lattice';
import { expect, type Locator, type Page, test } from '@playwright/test';
import type { Snapshot } from '../lib/domain/snapshot';
import { decodeSnapshot, type SnapshotWire } from '../lib/graph/wire';
import { demoAccounts } from '../scripts/demoEnv';
import { STANDARD_ACCOUNTS } from '../emulator/scenarios/accounts';
import { TopologyPage } from './pages/TopologyPage';
import { emulator } from './support/emulator';
import { e2eServers } from './support/ports';
import { shot } from './support/shots';

const EMULATOR = e2eServers().emulatorUrl;
/** Smallest on-screen text height (CSS px at the view's zoom) that reads without zooming. */
const READABLE_PX = 11;

/** The networks each configured account owns, from the emulator itself. */
async function ownedNetworks(): Promise<Array<{ accountId: string; arn: string; name: string }>> {
  const out: Array<{ accountId: string; arn: string; name: string }> = [];
  for (const a of demoAccounts()) {
    const keys = STANDARD_ACCOUNTS.find((s) => s.id === a.accountId)!;
    const lattice = new VPCLatticeClient({
      endpoint: EMULATOR,
      region: 'us-east-1',
      credentials: { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey },
    });
    const items = (await lattice.send(new ListServiceNetworksCommand({ maxResults: 100 }))).items ?? [];
    for (const n of items)
      if (n.arn?.includes(`:${a.accountId}:`)) out.push({ accountId: a.accountId, arn: n.arn, name: n.name! });
  }
  return out;
}

/** The canvas's zoom, read from React Flow's viewport transform. */
async function zoomOf(page: Page): Promise<number> {
  const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  const m = /scale\(([\d.]+)\)/.exec(style);
  return m ? Number(m[1]) : Number.NaN;
}

/** The label is inside the canvas and its text is at least `READABLE_PX` tall on screen. */
async function expectLegible(page: Page, canvas: Locator, label: Locator): Promise<void> {
  const zoom = await zoomOf(page);
  const px = await label.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  expect(px * zoom, `${await label.textContent()} at zoom ${zoom}`).toBeGreaterThanOrEqual(READABLE_PX);
  const box = (await label.boundingBox())!;
  const view = (await canvas.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(view.x);
  expect(box.y).toBeGreaterThanOrEqual(view.y);
  expect(box.x + Math.min(box.width, 40)).toBeLessThanOrEqual(view.x + view.width);
  expect(box.y + box.height).toBeLessThanOrEqual(view.y + view.height);
}

/** Whether the element's box lies wholly inside the canvas's. */
async function inside(canvas: Locator, el: Locator): Promise<boolean> {
  const b = await el.boundingBox();
  const v = await canvas.boundingBox();
  return !!b && !!v && b.x >= v.x && b.y >= v.y && b.x + b.width <= v.x + v.width && b.y + b.height <= v.y + v.height;
}

/** The snapshot the console serves, fetched as the page fetches it. */
async function servedSnapshot(page: Page): Promise<Snapshot> {
  const body = await page.evaluate(async () => (await fetch('/api/topology/snapshot')).json());
  expect(body.ok).toBe(true);
  return decodeSnapshot((body as { value: SnapshotWire }).value);
}

/** The target groups a service routes to. */
function targetGroupsOf(snap: Snapshot, serviceArn: string): string[] {
  return snap.targetGroups.filter((t) => t.serviceArns.includes(serviceArn)).map((t) => t.arn);
}

async function expectInView(topo: TopologyPage, snap: Snapshot, serviceArn: string): Promise<void> {
  const tgs = targetGroupsOf(snap, serviceArn);
  expect(tgs.length).toBeGreaterThan(0);
  await expect(topo.node(serviceArn)).toBeInViewport();
  for (const tg of tgs) await expect(topo.node(tg)).toBeInViewport();
}

test('fleet: the overview reads at a glance; expanding or following a link brings a service into view', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const reset = (scenario: string) => emulator.reset({ scenario, seed: 1 });
  const topo = new TopologyPage(page);
  await reset('fleet');
  try {
    await topo.goto('/topology');
    await topo.refresh(180_000);

    // The first view, without any interaction.
    await topo.goto('/topology');
    await topo.waitInteractive(60_000);
    await expect(topo.canvas).toHaveAttribute('data-level', 'overview');
    const networks = await ownedNetworks();
    expect(networks.length).toBeGreaterThan(0);
    for (const a of demoAccounts()) {
      const box = page.locator(`[data-testid="overview-account"][data-account="${a.accountId}"]`);
      await expect(box.getByTestId('overview-label')).toHaveText(a.name);
      await expectLegible(page, topo.canvas, box.getByTestId('overview-label'));
      await expect(box).toHaveAttribute('data-health', /^(error|warn|ok|unknown)$/);
      await expect(box.getByTestId('overview-rollup')).toContainText('service');
    }
    for (const n of networks) {
      const tile = page.locator(`[data-testid="overview-tile"][data-id="${n.arn}"]`);
      await expect(tile.getByTestId('overview-label')).toHaveText(n.name);
      await expectLegible(page, topo.canvas, tile.getByTestId('overview-label'));
      await expect(tile).toHaveAttribute('data-health', /^(error|warn|ok|unknown)$/);
      await expect(tile.getByTestId('overview-rollup')).toContainText(/\d+ (failing|degraded|healthy|unknown)/);
    }
    await shot(page, 'fleet-overview');

    // Zooming in names a network's worst services (semantic zoom).
    const mesh = networks.find((n) => n.accountId === demoAccounts()[0]!.accountId) ?? networks[0]!;
    const tile = page.locator(`[data-testid="overview-tile"][data-id="${mesh.arn}"]`);
    await expect(tile.locator('ul button')).toHaveCount(0);
    const at = (await tile.boundingBox())!;
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
    for (let i = 0; i < 6 && (await tile.locator('ul button').count()) === 0; i++) {
      await page.mouse.wheel(0, -200);
      await page.waitForTimeout(150);
    }
    await expect(tile.locator('ul button').first()).toBeVisible();
    await shot(page, 'fleet-overview-zoomed');

    // Expanding the network by keyboard draws it in detail: the network and the services beside it, each
    // with its target groups, in view at a readable zoom.
    await tile.getByTestId('overview-expand').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`expand=${encodeURIComponent(mesh.arn)}`));
    await expect(topo.canvas).not.toHaveAttribute('data-level', 'overview');
    await topo.waitInteractive(60_000);
    await expect(page.getByTestId('level-bar')).toHaveAttribute('data-level', 'detail');
    await expect(topo.node(mesh.arn)).toBeInViewport();
    await expect.poll(() => zoomOf(page)).toBeGreaterThanOrEqual(0.5);
    const snap = await servedSnapshot(page);
    const members = new Set(
      snap.serviceAssociations.filter((a) => a.serviceNetworkArn === mesh.arn).map((a) => a.serviceArn),
    );
    const shown: string[] = [];
    for (const id of await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.dataset.id ?? '')))
      if (members.has(id) && (await inside(topo.canvas, topo.node(id)))) shown.push(id);
    expect(shown.length).toBeGreaterThan(0);
    await expectInView(topo, snap, shown[0]!);
    await shot(page, 'fleet-network-expanded');

    // Back to the estate.
    await page.getByRole('button', { name: '← Estate overview' }).click();
    await expect(topo.canvas).toHaveAttribute('data-level', 'overview');

    // A followed link draws exactly that service's context, in view.
    const service = snap.services.filter((s) => s.accountId === demoAccounts()[1]!.accountId).at(-1)!;
    await topo.goto(`/topology?node=${encodeURIComponent(service.arn)}`);
    await topo.waitInteractive(60_000);
    await expect(topo.panel).toHaveAttribute('data-node', service.arn);
    await expectInView(topo, snap, service.arn);
    const drawn = Number(await topo.canvas.getAttribute('data-node-count'));
    const tgs = targetGroupsOf(snap, service.arn);
    const inNetworks = snap.serviceAssociations.filter((a) => a.serviceArn === service.arn).length;
    // The service, its target groups, its networks and the account boxes of their owners: nothing else.
    expect(drawn).toBeLessThanOrEqual(1 + tgs.length + inNetworks + demoAccounts().length);
    await shot(page, 'fleet-followed-link');
  } finally {
    await reset('demo');
    await topo.goto('/topology');
    await topo.refresh(120_000);
  }
  // The demo keeps the full view.
  await expect(topo.canvas).not.toHaveAttribute('data-level', 'overview');
  await expect(page.getByTestId('level-bar')).toHaveCount(0);
  await shot(page, 'demo-full-view');
});
