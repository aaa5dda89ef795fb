/**
 * The console's configuration, parsed from the environment in this one place. `loadConfig` is pure
 * apart from reading the TRELLIS_ACCOUNTS file (injectable); it collects every problem so that a bad
 * deployment fails at start with one clear line per variable. Credentials never pass through here:
 * the AWS SDK reads them (and the AWS_ENDPOINT_URL_* variables) itself.
 */
import 'server-only';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseAccounts, REGION_RE, type AccountConfig, type ReadText } from './configAccounts';
import { parseAuth, type AuthConfig } from './configAuth';

export type { AccountConfig } from './configAccounts';
export type { AuthConfig, RoleMapping } from './configAuth';

/** The validated configuration. */
export interface Config {
  /** Default region: the console's own and that of accounts without `regions`. */
  region: string;
  /** Configured accounts; `undefined` means "the caller's own account" (GetCallerIdentity at first use). */
  accounts: AccountConfig[] | undefined;
  /** Timeout of one AWS HTTP call, ms. */
  awsTimeoutMs: number;
  /** SDK attempts per call (1 = no retries). */
  awsMaxAttempts: number;
  /** Concurrent AWS calls per account. */
  accountConcurrency: number;
  /** VPC Lattice requests per second per (account, region) the console allows itself (the call budget). */
  callBudget: number;
  /** The inventory crawls every account in full at least this often (minutes); refreshes between are incremental. */
  inventoryFullEveryMinutes: number;
  /** Every service's listeners and rules are re-listed within this many refreshes (changes made outside Trellis). */
  inventorySweepRefreshes: number;
  /** Every target group's health is read within this many refreshes (watched groups every refresh). */
  inventoryHealthRefreshes: number;
  auth: AuthConfig;
  /** When true, every mutation is refused regardless of role. */
  readOnly: boolean;
  /** Log group the audit trail of changes is written to. */
  auditLogGroup: string;
  /** Logs Insights queries one user may have running at once in one account and region (they cost money). */
  maxQueriesPerUser: number;
  /** Endpoint overrides that are set (`AWS_ENDPOINT_URL*` name → URL), for display and diagnostics. */
  endpoints: Record<string, string>;
  /** The first endpoint override pointing at this machine: the console runs against the local emulator. */
  emulatorEndpoint?: string;
}

/** A configuration that cannot be used; `issues` has one line per problem. */
export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Trellis configuration is invalid:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The environment as a plain record (process.env or a test's object). */
export type Env = Record<string, string | undefined>;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function intVar(env: Env, name: string, fallback: number, min: number, max: number, issues: string[]): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) {
    issues.push(`${name}: must be a whole number from ${min} to ${max}, got '${raw}'`);
    return fallback;
  }
  return n;
}

function boolVar(env: Env, name: string, issues: string[]): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return false;
  if (['true', '1', 'yes', 'on'].includes(raw)) return true;
  if (['false', '0', 'no', 'off'].includes(raw)) return false;
  issues.push(`${name}: must be true or false, got '${env[name]}'`);
  return false;
}

function regionVar(env: Env, issues: string[]): string {
  const name = env.AWS_REGION?.trim() ? 'AWS_REGION' : 'AWS_DEFAULT_REGION';
  const raw = env[name]?.trim();
  if (!raw) {
    issues.push(
      'AWS_REGION: is required (the region of the Lattice resources, e.g. us-east-1); ' +
        'AWS_DEFAULT_REGION is also accepted',
    );
    return '';
  }
  if (!REGION_RE.test(raw)) issues.push(`${name}: must be a region name such as us-east-1, got '${raw}'`);
  return raw;
}

function endpointVars(env: Env, issues: string[]): { endpoints: Record<string, string>; emulatorEndpoint?: string } {
  const endpoints: Record<string, string> = {};
  let emulatorEndpoint: string | undefined;
  for (const name of Object.keys(env)
    .filter((k) => k.startsWith('AWS_ENDPOINT_URL'))
    .sort()) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      issues.push(`${name}: must be a URL such as http://127.0.0.1:4566, got '${raw}'`);
      continue;
    }
    endpoints[name] = raw;
    if (emulatorEndpoint === undefined && LOOPBACK_HOSTS.has(url.hostname)) emulatorEndpoint = raw;
  }
  return emulatorEndpoint === undefined ? { endpoints } : { endpoints, emulatorEndpoint };
}

function optionalMatch(env: Env, name: string, schema: z.ZodType<string>, issues: string[]): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  issues.push(`${name}: ${r.error.issues[0]?.message ?? 'invalid'}, got '${raw}'`);
  return undefined;
}

const defaultReadText: ReadText = (path) => readFileSync(path, 'utf8');

/** Parses the environment. Throws `ConfigError` listing every problem. */
export function loadConfig(env: Env, readText: ReadText = defaultReadText): Config {
  const issues: string[] = [];
  const region = regionVar(env, issues);
  let accounts: AccountConfig[] | undefined;
  const rawAccounts = env.TRELLIS_ACCOUNTS;
  if (rawAccounts !== undefined && rawAccounts.trim() !== '') {
    const parsed = parseAccounts(rawAccounts, region || undefined, readText);
    if ('issues' in parsed) issues.push(...parsed.issues);
    else accounts = parsed.accounts;
  }
  const auditLogGroup = optionalMatch(
    env,
    'TRELLIS_AUDIT_LOG_GROUP',
    z.string().regex(/^[.\-_/#A-Za-z0-9]{1,512}$/, 'must be a log group name of 1-512 characters [A-Za-z0-9._/#-]'),
    issues,
  );
  const config: Config = {
    region,
    accounts,
    awsTimeoutMs: intVar(env, 'TRELLIS_AWS_TIMEOUT_MS', 10_000, 100, 300_000, issues),
    awsMaxAttempts: intVar(env, 'TRELLIS_AWS_MAX_ATTEMPTS', 4, 1, 10, issues),
    accountConcurrency: intVar(env, 'TRELLIS_ACCOUNT_CONCURRENCY', 8, 1, 64, issues),
    callBudget: intVar(env, 'TRELLIS_CALL_BUDGET', 5, 1, 1000, issues),
    inventoryFullEveryMinutes: intVar(env, 'TRELLIS_INVENTORY_FULL_EVERY_MINUTES', 30, 1, 1440, issues),
    inventorySweepRefreshes: intVar(env, 'TRELLIS_INVENTORY_SWEEP_REFRESHES', 2, 1, 60, issues),
    inventoryHealthRefreshes: intVar(env, 'TRELLIS_INVENTORY_HEALTH_REFRESHES', 10, 1, 60, issues),
    auth: parseAuth(env, issues),
    readOnly: boolVar(env, 'TRELLIS_READ_ONLY', issues),
    auditLogGroup: auditLogGroup ?? '/trellis/audit',
    maxQueriesPerUser: intVar(env, 'TRELLIS_MAX_QUERIES_PER_USER', 15, 1, 100, issues),
    ...endpointVars(env, issues),
  };
  if (issues.length > 0) throw new ConfigError(issues);
  return config;
}

let cached: Config | undefined;

/** The configuration of this process, parsed once from `process.env`. Throws `ConfigError`. */
export function getConfig(): Config {
  cached ??= loadConfig(process.env);
  return cached;
}
