/**
 * The topology at fleet scale in e2e: the emulator is reset to the `fleet` scenario, the console
 * re-reads it, the graph renders and search finds a service (named by the emulator, not hard-coded).
 * The demo world is put back and re-read afterwards for the specs that follow.
 */
import { ListServicesCommand, VPCLatticeClient } from '@aws-sdk/client-vpc-lattice';
import { expect, test } from '@playwright/test';
import { STANDARD_ACCOUNTS } from '../emulator/scenarios/accounts';
import { TopologyPage } from './pages/TopologyPage';
import { emulator } from './support/emulator';
import { e2eServers } from './support/ports';

const EMULATOR = e2eServers().emulatorUrl;

test('fleet: the graph renders and search finds a service', async ({ page }) => {
  test.setTimeout(240_000);
  const reset = (scenario: string) => emulator.reset({ scenario, seed: 1 });
  const topo = new TopologyPage(page);
  await reset('fleet');
  try {
    const hub = STANDARD_ACCOUNTS[0]!;
    const lattice = new VPCLatticeClient({
      endpoint: EMULATOR,
      region: 'us-east-1',
      credentials: { accessKeyId: hub.accessKeyId, secretAccessKey: hub.secretAccessKey },
    });
    const services = (await lattice.send(new ListServicesCommand({ maxResults: 100 }))).items ?? [];
    const target = services.filter((s) => s.arn?.includes(`:${hub.id}:`)).at(-1)!;
    expect(target).toBeDefined();

    await topo.goto('/topology');
    await topo.refresh(180_000);
    expect(Number(await topo.canvas.getAttribute('data-node-count'))).toBeGreaterThan(1000);
    await topo.find(target.name!);
    await expect(topo.panel).toHaveAttribute('data-node', target.arn!);
    await expect(topo.node(target.arn!)).toBeInViewport();
  } finally {
    await reset('demo');
    await topo.goto('/topology');
    await topo.refresh(120_000);
  }
});
