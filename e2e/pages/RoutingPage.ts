/**
 * Page object of the routing page, plus direct access to the e2e emulator (control API and SDK
 * clients with the demo's admin keys) for setting up and reading back what the UI did.
 */
import { CloudWatchLogsClient, GetQueryResultsCommand, StartQueryCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  GetRuleCommand,
  ListListenersCommand,
  ListRulesCommand,
  ListServicesCommand,
  VPCLatticeClient,
} from '@aws-sdk/client-vpc-lattice';
import { expect, type Locator, type Page } from '@playwright/test';
import { STANDARD_ACCOUNTS } from '../../emulator/scenarios/accounts';
import { ShellPage } from './ShellPage';

/** The e2e emulator's URL. */
export const EMULATOR_URL = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4599}`;

const payments = STANDARD_ACCOUNTS[1]!;
const creds = { accessKeyId: payments.accessKeyId, secretAccessKey: payments.secretAccessKey };

/** SDK clients of the payments account (the owner of payments-api). */
export function paymentsClients(): { lattice: VPCLatticeClient; logs: CloudWatchLogsClient } {
  const common = { endpoint: EMULATOR_URL, region: 'us-east-1', credentials: creds, maxAttempts: 1 };
  return { lattice: new VPCLatticeClient(common), logs: new CloudWatchLogsClient(common) };
}

/** ARNs of payments-api, its listener and its `/v2/` canary rule. */
export interface CanaryRuleRef {
  serviceArn: string;
  listenerArn: string;
  ruleArn: string;
}

/** Finds the payments-api `/v2/` rule with the SDK. */
export async function canaryRule(lattice: VPCLatticeClient): Promise<CanaryRuleRef> {
  const svc = (await lattice.send(new ListServicesCommand({}))).items?.find((s) => s.name === 'payments-api');
  const listener = (await lattice.send(new ListListenersCommand({ serviceIdentifier: svc!.arn! }))).items![0]!;
  const rule = (
    await lattice.send(new ListRulesCommand({ serviceIdentifier: svc!.arn!, listenerIdentifier: listener.arn! }))
  ).items!.find((r) => r.name === 'v2-canary')!;
  return { serviceArn: svc!.arn!, listenerArn: listener.arn!, ruleArn: rule.arn! };
}

/** The rule's weights as the emulator holds them. */
export async function ruleWeights(lattice: VPCLatticeClient, ref: CanaryRuleRef): Promise<number[]> {
  const r = await lattice.send(
    new GetRuleCommand({
      serviceIdentifier: ref.serviceArn,
      listenerIdentifier: ref.listenerArn,
      ruleIdentifier: ref.ruleArn,
    }),
  );
  return (r.action?.forward?.targetGroups ?? []).map((t) => t.weight ?? 0);
}

/** Runs a Logs Insights query with the SDK and returns its rows. */
export async function insights(
  logs: CloudWatchLogsClient,
  logGroupName: string,
  queryString: string,
  startMs: number,
  endMs: number,
): Promise<Array<Record<string, string>>> {
  const { queryId } = await logs.send(
    new StartQueryCommand({
      logGroupNames: [logGroupName],
      queryString,
      startTime: Math.floor(startMs / 1000),
      endTime: Math.ceil(endMs / 1000),
    }),
  );
  let r = await logs.send(new GetQueryResultsCommand({ queryId }));
  await expect
    .poll(
      async () => {
        r = await logs.send(new GetQueryResultsCommand({ queryId }));
        return r.status;
      },
      { message: 'the Insights query completes', timeout: 20_000 },
    )
    .toBe('Complete');
  return (r.results ?? []).map((row) => Object.fromEntries(row.map((f) => [f.field ?? '', f.value ?? ''])));
}

/** The routing page. */
export class RoutingPage extends ShellPage {
  readonly picker: Locator;
  readonly editor: Locator;
  readonly previewButton: Locator;
  readonly dialog: Locator;
  readonly confirmButton: Locator;
  readonly announcement: Locator;
  readonly issues: Locator;
  readonly canary: Locator;

  constructor(page: Page) {
    super(page);
    this.picker = page.getByTestId('service-picker');
    this.editor = page.getByTestId('rule-editor');
    this.previewButton = page.getByTestId('preview-change');
    this.dialog = page.getByTestId('preview-dialog');
    this.confirmButton = page.getByTestId('confirm-apply');
    this.announcement = page.getByTestId('announcement');
    this.issues = page.getByTestId('validation-issues');
    this.canary = page.getByTestId('canary-panel');
  }

  /** Opens the page (optionally for a service, as the topology page links it). */
  async open(serviceArn?: string): Promise<void> {
    await this.goto(serviceArn ? `/routing?service=${encodeURIComponent(serviceArn)}` : '/routing');
  }

  /** Picks a service by name in the picker. */
  async pickService(name: string): Promise<void> {
    await expect(this.picker.locator('option', { hasText: name })).toHaveCount(1);
    await this.picker.selectOption({ label: name });
    await expect(this.page.getByTestId('service-meta')).toContainText(name);
  }

  /** A rule's row in the table. */
  ruleRow(name: string): Locator {
    return this.page.locator('tr', { has: this.page.getByTestId(`rule-${name}`) });
  }

  /** Opens a rule in the editor. */
  async openRule(name: string): Promise<void> {
    await this.page.getByTestId(`rule-${name}`).click();
    await expect(this.editor.getByRole('heading', { level: 2 })).toContainText(name);
  }

  /** The weight input of a target group in the editor. */
  weight(targetGroup: string): Locator {
    return this.editor.getByLabel(`Weight of ${targetGroup}`);
  }

  /** The priority input. */
  priority(): Locator {
    return this.editor.getByLabel('Priority', { exact: true });
  }

  /** Adds a target group to the forward action. */
  async addTargetGroup(name: string): Promise<void> {
    await this.editor.getByLabel('Add a target group').selectOption({ label: name });
  }

  /** Opens the preview and checks the dialog is up. */
  async preview(): Promise<void> {
    await this.previewButton.click();
    await expect(this.dialog).toBeVisible();
  }

  /** A target group's row of the preview's share table. */
  shareRow(targetGroup: string): Locator {
    return this.dialog.getByTestId(`share-${targetGroup}`);
  }

  /** Starts a canary plan on payments-api's `v2-canary` rule through the form, preview and confirm. */
  async startCanaryPlan(serviceArn: string, steps: string, bake: string): Promise<void> {
    await this.open(serviceArn);
    await this.openRule('v2-canary');
    await this.canary.getByTestId('canary-new').click();
    await this.canary.getByLabel('Steps').fill(steps);
    await this.canary.getByLabel('Bake (s)').fill(bake);
    await this.canary.getByLabel('Min requests').fill('20');
    await this.canary.getByLabel('Max p99 (ms)').fill('5000');
    await this.canary.getByTestId('canary-preview').click();
    await expect(this.dialog).toBeVisible();
    await expect(this.shareRow('payments-api-v2')).toContainText(`→ ${steps.split(',')[0]} %`);
    await this.confirmButton.click();
    await expect(this.announcement).toContainText(/Canary plan [a-z0-9]+ started at/);
  }
}
