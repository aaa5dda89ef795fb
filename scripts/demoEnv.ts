/**
 * The environment of the console in the demo and in e2e tests: exactly what a real deployment sets
 * (base credentials of the hub account, region, TRELLIS_ACCOUNTS with roles into the member
 * accounts), plus the SDK's endpoint variables pointing at the emulator. One definition, used by
 * `npm run demo` and playwright.config.ts.
 */
import { DEMO_EXTERNAL_ID, OPERATOR_ROLE, READ_ONLY_ROLE, STANDARD_ACCOUNTS } from '../emulator/scenarios/accounts';

/** Where the app and the emulator listen. */
export interface DemoEnvOptions {
  /** e.g. http://127.0.0.1:4566 */
  emulatorUrl: string;
  /** Port of the console. */
  port: number;
  /** Interface the console binds to; the demo stays on this machine. */
  hostname?: string;
  /** The environment being inherited; its AWS_* and TRELLIS_* variables are blanked so they cannot leak in. */
  inherited?: Record<string, string | undefined>;
  /** TRELLIS_CALL_BUDGET (VPC Lattice requests/s per account and region); unset: the default (5). */
  callBudget?: number;
}

/** One entry of the demo's TRELLIS_ACCOUNTS. */
export interface DemoAccount {
  accountId: string;
  name: string;
  readRoleArn?: string;
  writeRoleArn?: string;
  externalId?: string;
}

/**
 * The accounts of the demo, as production lists them: the hub by its own keys, payments and storefront read
 * through TrellisReadOnly and changed through TrellisOperator.
 */
export function demoAccounts(): DemoAccount[] {
  return STANDARD_ACCOUNTS.slice(0, 3).map((a, i) =>
    i === 0
      ? { accountId: a.id, name: a.name }
      : {
          accountId: a.id,
          name: a.name,
          readRoleArn: `arn:aws:iam::${a.id}:role/${READ_ONLY_ROLE}`,
          writeRoleArn: `arn:aws:iam::${a.id}:role/${OPERATOR_ROLE}`,
          externalId: DEMO_EXTERNAL_ID,
        },
  );
}

/** Environment variables for the standalone server (merge over process.env). */
export function demoAppEnv(o: DemoEnvOptions): Record<string, string> {
  const hub = STANDARD_ACCOUNTS[0];
  if (!hub) throw new Error('emulator/scenarios/accounts.ts has no hub account');
  const blanks: Record<string, string> = {};
  for (const k of Object.keys(o.inherited ?? process.env))
    if (k.startsWith('AWS_') || k.startsWith('TRELLIS_')) blanks[k] = '';
  return {
    ...blanks,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(o.port),
    HOSTNAME: o.hostname ?? '127.0.0.1',
    AWS_ACCESS_KEY_ID: hub.accessKeyId,
    AWS_SECRET_ACCESS_KEY: hub.secretAccessKey,
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_VPC_LATTICE: o.emulatorUrl,
    AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: o.emulatorUrl,
    AWS_ENDPOINT_URL_STS: o.emulatorUrl,
    // No shared config/credentials files: only what is set here counts.
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    TRELLIS_ACCOUNTS: JSON.stringify(demoAccounts()),
    TRELLIS_AUTH: 'none',
    TRELLIS_ANONYMOUS_ROLE: 'operator',
    ...(o.callBudget !== undefined ? { TRELLIS_CALL_BUDGET: String(o.callBudget) } : {}),
  };
}

/** Environment variables for the emulator (merge over process.env). */
export function emulatorEnv(o: { port: number; scenario?: string; stateFile?: string }): Record<string, string> {
  return {
    EMULATOR_PORT: String(o.port),
    EMULATOR_SCENARIO: o.scenario ?? 'demo',
    // Empty means "no state file": e2e runs always start from the scenario.
    EMULATOR_STATE_FILE: o.stateFile ?? '',
  };
}
