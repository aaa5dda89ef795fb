/**
 * Ownership in the routing editor and on the topology. The demo tags one service as the EKS Gateway
 * API controller's and one as a CloudFormation stack's; this spec finds them through the SDK by
 * their tags (not by name), then: editing the owned weighted rule shows who owns it and what would
 * happen, Apply stays disabled and nothing is written (read back with the SDK) until the override is
 * ticked; after it the write lands and the audit event (read from CloudWatch Logs) records the
 * override with the owner the tags name. Screenshots of the badges, the filter and the warning go to
 * /work/wt/shots/ownership/ when E2E_SHOTS is set.
 */
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  GetRuleCommand,
  ListListenersCommand,
  ListRulesCommand,
  ListServicesCommand,
  ListTagsForResourceCommand,
  VPCLatticeClient,
} from '@aws-sdk/client-vpc-lattice';
import { expect, test } from '@playwright/test';
import { STANDARD_ACCOUNTS } from '../emulator/scenarios/accounts';
import { ownerFromTags, type Owner } from '../lib/domain/owner';
import { AuditPage } from './pages/AuditPage';
import { EMULATOR_URL, RoutingPage } from './pages/RoutingPage';
import { TopologyPage } from './pages/TopologyPage';
import { emulator } from './support/emulator';
import { builtActions, callAction } from './support/serverActions';
import { shot } from './support/shots';

const clientOf = <T>(make: new (c: object) => T, account: (typeof STANDARD_ACCOUNTS)[number]) =>
  new make({
    endpoint: EMULATOR_URL,
    region: 'us-east-1',
    credentials: { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey },
    maxAttempts: 1,
  });

/** A weighted rule of an owned service, found through the SDK. */
interface OwnedRule {
  lattice: VPCLatticeClient;
  serviceName: string;
  serviceArn: string;
  listenerArn: string;
  ruleArn: string;
  ruleName: string;
  groups: string[];
  /** The owner the tags of the rule (or, for the controller, of its service) name. */
  owner: Owner;
}

const tags = async (lattice: VPCLatticeClient, arn: string) =>
  (await lattice.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags ?? {};

/** The first service of any application account whose tags name an owner of `kind`, and its two-way rule. */
async function ownedRule(kind: Owner['kind']): Promise<OwnedRule> {
  for (const account of STANDARD_ACCOUNTS.slice(1)) {
    const lattice = clientOf(VPCLatticeClient, account);
    for (const svc of (await lattice.send(new ListServicesCommand({}))).items ?? []) {
      if (svc.arn?.split(':')[4] !== account.id) continue;
      const serviceOwner = ownerFromTags(await tags(lattice, svc.arn));
      if (serviceOwner?.kind !== kind) continue;
      for (const l of (await lattice.send(new ListListenersCommand({ serviceIdentifier: svc.arn }))).items ?? []) {
        const at = { serviceIdentifier: svc.arn, listenerIdentifier: l.arn! };
        for (const r of (await lattice.send(new ListRulesCommand(at))).items ?? []) {
          if (r.isDefault) continue;
          const rule = await lattice.send(new GetRuleCommand({ ...at, ruleIdentifier: r.arn! }));
          const tgs = rule.action?.forward?.targetGroups ?? [];
          if (tgs.length !== 2) continue;
          const owner = kind === 'eks' ? serviceOwner : ownerFromTags(await tags(lattice, r.arn!));
          if (!owner) continue;
          return {
            lattice,
            serviceName: svc.name!,
            serviceArn: svc.arn,
            listenerArn: l.arn!,
            ruleArn: r.arn!,
            ruleName: r.name!,
            groups: tgs.map((t) => t.targetGroupIdentifier!),
            owner,
          };
        }
      }
    }
  }
  throw new Error(`the demo has no ${kind}-owned weighted rule`);
}

async function weights(o: OwnedRule): Promise<number[]> {
  const r = await o.lattice.send(
    new GetRuleCommand({
      serviceIdentifier: o.serviceArn,
      listenerIdentifier: o.listenerArn,
      ruleIdentifier: o.ruleArn,
    }),
  );
  return (r.action?.forward?.targetGroups ?? []).map((t) => t.weight ?? 0);
}

/** The audit events of a rule, as written to the hub's audit log group. */
async function auditEvents(ruleArn: string, since: number): Promise<Array<Record<string, unknown>>> {
  const logs = clientOf(CloudWatchLogsClient, STANDARD_ACCOUNTS[0]!);
  const out = await logs.send(new FilterLogEventsCommand({ logGroupName: '/trellis/audit', startTime: since }));
  return (out.events ?? [])
    .map((e) => JSON.parse(e.message ?? '{}') as Record<string, unknown>)
    .filter((e) => typeof e.resources === 'string' && e.resources.includes(ruleArn));
}

test.beforeAll(async () => {
  await emulator.resetDemo();
});
test.afterAll(async () => {
  await emulator.reset();
});

for (const kind of ['eks', 'cloudformation'] as const) {
  test(`editing the ${kind}-owned rule warns, writes nothing until the override, then audits it`, async ({ page }) => {
    const o = await ownedRule(kind);
    const before = await weights(o);
    const since = Date.now() - 1000;
    const routing = new RoutingPage(page);
    await routing.open();
    await routing.pickService(o.serviceName);
    // Said before anything is edited: the service's owner, read with the routing.
    const note = page.getByTestId('service-owner');
    await expect(note).toHaveAttribute('data-owner', kind);
    await expect(note).toContainText(kind === 'eks' ? 'reverts routing changes made here' : 'drift from stack');
    if (kind === 'eks') await shot(page, 'routing-owner-eks');
    await routing.openRule(o.ruleName);
    const inputs = routing.editor.getByLabel(/^Weight of /);
    await expect(inputs).toHaveCount(2);
    await inputs.nth(0).fill('50');
    await inputs.nth(1).fill('50');
    await routing.preview();

    const warning = routing.dialog.getByTestId('owner-warning');
    await expect(warning).toBeVisible();
    if (o.owner.kind === 'eks') {
      await expect(warning).toContainText('EKS Gateway API controller');
      await expect(warning).toContainText(`${o.owner.route?.namespace}/${o.owner.route?.name}`);
      if (o.owner.cluster) await expect(warning).toContainText(o.owner.cluster);
    } else {
      await expect(warning).toContainText(`drift from stack ${o.owner.stackName}`);
      await expect(warning).toContainText('the next stack update overwrites it');
    }
    await expect(routing.confirmButton).toBeDisabled();
    await shot(page, `warning-${kind}`);
    expect(await weights(o)).toEqual(before);

    await routing.dialog.getByTestId('owner-override').check();
    await expect(routing.confirmButton).toBeEnabled();
    await routing.confirmButton.click();
    await expect(routing.announcement).toContainText(`Updated rule ${o.ruleName}: applied`);
    expect(await weights(o)).toEqual([50, 50]);

    await expect
      .poll(async () => (await auditEvents(o.ruleArn, since)).filter((e) => e.result === 'applied').length)
      .toBe(1);
    const [ev] = (await auditEvents(o.ruleArn, since)).filter((e) => e.result === 'applied');
    expect(ev?.override).toEqual({ basis: 'confirmed', owner: o.owner, resourceArn: o.ruleArn });
    // Nothing was attempted before the override: the only event of the rule is the applied one.
    expect(await auditEvents(o.ruleArn, since)).toHaveLength(1);

    // The Audit page names the override; rolling the change back is a write to the owned rule too.
    const audit = new AuditPage(page);
    await audit.open({ resource: o.ruleArn });
    await expect(audit.rows).toHaveCount(1);
    await expect(audit.rows.first().getByTestId('audit-override')).toContainText('override of');
    await shot(page, `audit-${kind}`);
    await audit.rows.first().getByRole('button', { name: 'Roll back' }).click();
    await expect(audit.dialog.getByTestId('owner-warning')).toBeVisible();
    await expect(audit.dialog.getByTestId('confirm-apply')).toBeDisabled();
    expect(await weights(o)).toEqual([50, 50]);
    await audit.dialog.getByTestId('owner-override').check();
    await audit.dialog.getByTestId('confirm-apply').click();
    await expect(audit.announcement).toContainText('Rolled back');
    expect(await weights(o)).toEqual(before);
  });
}

test('the server refuses a crafted apply to an owned rule without the override (OWNED), and writes nothing', async ({
  request,
  baseURL,
}) => {
  const apply = builtActions().find((a) => a.name === 'lib/actions/routing.ts#applyRoutingChange');
  if (!apply || !baseURL) throw new Error('applyRoutingChange is not in the build');
  for (const kind of ['eks', 'cloudformation'] as const) {
    const o = await ownedRule(kind);
    const before = await weights(o);
    const change = {
      kind: 'updateRule',
      serviceArn: o.serviceArn,
      listenerArn: o.listenerArn,
      ruleArn: o.ruleArn,
      expectedVersion: 'any',
      after: {
        priority: 1,
        match: { headers: [] },
        action: {
          type: 'forward',
          targetGroups: o.groups.map((g, i) => ({ targetGroupArn: g, weight: i === 0 ? 1 : 99 })),
        },
      },
    };
    const res = await callAction(request, baseURL, apply, [{ change }]);
    const body = await res.text();
    expect(body).toContain('"code":"OWNED"');
    expect(body).not.toContain('"ok":true');
    expect(await weights(o)).toEqual(before);
  }
});

test('the topology shows owner badges, the panel the owner, and filters by owner', async ({ page }) => {
  const eks = await ownedRule('eks');
  const cfn = await ownedRule('cloudformation');
  const topo = new TopologyPage(page);
  await topo.open(`?owner=eks,cloudformation&hide=1`);
  await topo.showAll();
  const badge = (arn: string) => topo.node(arn).getByTestId('owner-badge');
  await expect(badge(eks.serviceArn)).toHaveAttribute('data-owner', 'eks');
  await expect(badge(cfn.serviceArn)).toHaveAttribute('data-owner', 'cloudformation');
  const tgArn = (id: string) =>
    id.startsWith('arn:') ? id : `${eks.serviceArn.split(':service/')[0]}:targetgroup/${id}`;
  for (const id of eks.groups) await expect(badge(tgArn(id))).toHaveAttribute('data-owner', 'eks');
  // Only owned services and target groups are left with the filter (and hide) on.
  const owned = await page.locator('.react-flow__node [data-kind="service"]').count();
  expect(owned).toBe(2);
  await shot(page, 'filter-owned');
  await page.getByTestId('filter-owner').locator('summary').click();
  await shot(page, 'filter-menu');

  await topo.open(`?sel=${encodeURIComponent(eks.serviceArn)}`);
  await expect(topo.panel.getByTestId('owner-facts')).toHaveAttribute('data-owner', 'eks');
  if (eks.owner.kind === 'eks' && eks.owner.cluster)
    await expect(topo.panel.getByTestId('owner-facts')).toContainText(eks.owner.cluster);
  await expect(topo.panel.getByTestId('rules-table').getByTestId('owner-badge').first()).toBeVisible();
  await shot(page, 'panel-eks');
  await topo.open(`?sel=${encodeURIComponent(cfn.serviceArn)}`);
  await expect(topo.panel.getByTestId('owner-facts')).toContainText(
    cfn.owner.kind === 'cloudformation' ? cfn.owner.stackName : '',
  );
  await shot(page, 'panel-cfn');
});
