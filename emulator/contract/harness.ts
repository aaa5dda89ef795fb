/**
 * Test harness for contract tests: starts an in-process emulator on a free port and builds real AWS
 * SDK v3 clients pointed at it, signed with a scenario account's keys (or assumed-role keys).
 */
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { VPCLatticeClient } from '@aws-sdk/client-vpc-lattice';
import type { Clock } from '../core/clock';
import { STANDARD_ACCOUNTS, type ScenarioAccount, DEMO_EXTERNAL_ID } from '../scenarios/accounts';
import { startEmulator, type RunningEmulator } from '../server';

/** Static credentials of a client. */
export interface Creds {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** A running emulator plus client builders. */
export interface Harness {
  emu: RunningEmulator;
  lattice(creds?: Creds, region?: string): VPCLatticeClient;
  logs(creds?: Creds, region?: string): CloudWatchLogsClient;
  sts(creds?: Creds): STSClient;
  /** Keys of a standard account by index (0 hub, 1 payments, 2 storefront) or id. */
  creds(account: number | string): Creds;
  /** Temporary keys of `roleName` in `accountId`, assumed from the hub. */
  assume(accountId: string, roleName?: string): Promise<Creds>;
  /** POSTs/DELETEs to the control API and returns the parsed JSON body. */
  control(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

const common = (endpoint: string, creds: Creds, region: string) => ({
  endpoint,
  region,
  credentials: creds,
  // Contract tests want to see the first error, not the SDK's retries of it.
  maxAttempts: 1,
});

/** Starts an emulator for a test file. Call `close()` in afterAll. */
export async function startHarness(
  opts: { scenario?: string; seed?: number; clock?: Clock; params?: Record<string, unknown> } = {},
): Promise<Harness> {
  const emu = await startEmulator({
    port: 0,
    scenario: opts.scenario ?? 'empty',
    seed: opts.seed ?? 1,
    ...(opts.clock ? { clock: opts.clock } : {}),
    params: opts.params ?? {},
  });
  const credsOf = (account: number | string): Creds => {
    const a: ScenarioAccount | undefined =
      typeof account === 'number' ? STANDARD_ACCOUNTS[account] : STANDARD_ACCOUNTS.find((x) => x.id === account);
    if (!a) throw new Error(`no standard account ${account}`);
    return { accessKeyId: a.accessKeyId, secretAccessKey: a.secretAccessKey };
  };
  const hub = credsOf(0);
  const h: Harness = {
    emu,
    lattice: (creds = hub, region = 'us-east-1') => new VPCLatticeClient(common(emu.url, creds, region)),
    logs: (creds = hub, region = 'us-east-1') => new CloudWatchLogsClient(common(emu.url, creds, region)),
    sts: (creds = hub) => new STSClient(common(emu.url, creds, 'us-east-1')),
    creds: credsOf,
    async assume(accountId, roleName = 'TrellisOperator') {
      const out = await h.sts().send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${accountId}:role/${roleName}`,
          RoleSessionName: 'contract-test',
          ExternalId: DEMO_EXTERNAL_ID,
        }),
      );
      const c = out.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken)
        throw new Error('AssumeRole returned no credentials');
      return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
    },
    async control(method, path, body) {
      const res = await fetch(`${emu.url}/_emulator${path}`, {
        method,
        ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    },
    close: () => emu.close(),
  };
  return h;
}
