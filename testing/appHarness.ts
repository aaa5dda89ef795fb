/**
 * For integration tests of lib/*: an in-process emulator plus an `AwsClientFactory` configured only
 * the way a deployment is (hub keys and AWS_ENDPOINT_URL_* in the environment, TRELLIS_ACCOUNTS with
 * roles for the application accounts). Tests may use the emulator; the app code never does.
 */
import { startHarness, type Harness } from '../emulator/contract/harness';
import { STANDARD_ACCOUNTS } from '../emulator/scenarios/accounts';
import type { Clock } from '../emulator/core/clock';
import { AwsClientFactory } from '../lib/aws/clientFactory';
import { loadConfig, type Env } from '../lib/config';

/** A running emulator and factories bound to it. */
export interface AppHarness {
  h: Harness;
  /** A factory for the three standard accounts (members through TrellisOperator, ExternalId trellis-demo). */
  factory(extra?: Env): AwsClientFactory;
  /** Clears faults and rate limits. */
  clearFaults(): Promise<void>;
  close(): Promise<void>;
}

/** The TRELLIS_ACCOUNTS value of the standard accounts, the way `npm run demo` configures it. */
export function standardAccountsJson(role = 'TrellisOperator', externalId = 'trellis-demo'): string {
  return JSON.stringify(
    STANDARD_ACCOUNTS.map((a, i) =>
      i === 0
        ? { accountId: a.id, name: a.name }
        : { accountId: a.id, name: a.name, roleArn: `arn:aws:iam::${a.id}:role/${role}`, externalId },
    ),
  );
}

/** Starts the emulator, points the SDK at it through the environment, and restores the environment on close. */
export async function startAppHarness(
  opts: { scenario?: string; seed?: number; clock?: Clock; params?: Record<string, unknown> } = {},
): Promise<AppHarness> {
  const h = await startHarness(opts);
  const saved = { ...process.env };
  const hub = STANDARD_ACCOUNTS[0]!;
  for (const k of Object.keys(process.env)) if (k.startsWith('AWS_') || k.startsWith('TRELLIS_')) delete process.env[k];
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: hub.accessKeyId,
    AWS_SECRET_ACCESS_KEY: hub.secretAccessKey,
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_STS: h.emu.url,
    AWS_ENDPOINT_URL_VPC_LATTICE: h.emu.url,
    AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: h.emu.url,
  });
  const made: AwsClientFactory[] = [];
  return {
    h,
    factory(extra = {}) {
      const f = new AwsClientFactory(
        loadConfig({
          ...process.env,
          TRELLIS_ACCOUNTS: standardAccountsJson(),
          TRELLIS_AUTH: 'none',
          TRELLIS_ANONYMOUS_ROLE: 'operator',
          // Tests of what is read are not about the call budget (tests of the budget set it).
          TRELLIS_CALL_BUDGET: '1000',
          ...extra,
        }),
      );
      made.push(f);
      return f;
    },
    async clearFaults() {
      await h.control('DELETE', '/faults');
      await h.control('DELETE', '/rate-limits');
    },
    async close() {
      for (const f of made) f.clear();
      process.env = saved;
      await h.close();
    },
  };
}
