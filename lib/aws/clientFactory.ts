/**
 * The one place SDK clients are made. One client per (service, account, region, access, source identity),
 * reused; member accounts through AssumeRole from the base credentials (default credential chain).
 * Reads assume the account's read role; writes (`access: 'write'`) its write role, and only inside
 * `withWriteAccess` (lib/aws/writeAccess.ts): anywhere else asking for write credentials is FORBIDDEN.
 * `access: 'hub'` is the console's own credentials whatever the account's roles (the audit log).
 * Endpoints are never passed by hand: the SDK reads AWS_ENDPOINT_URL_VPC_LATTICE / _CLOUDWATCH_LOGS /
 * _STS itself, which is how the demo points the console at the emulator.
 */
import 'server-only';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { VPCLatticeClient } from '@aws-sdk/client-vpc-lattice';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { getConfig, type AccountConfig, type Config } from '../config';
import { TrellisError } from '../domain/errors';
import { CallGate, type CallScope } from './callGate';
import { Gateways } from './gateways';
import { assumeRoleCredentials, sourceIdentityFor, type CredentialProvider } from './credentials';
import { assertWriteAccess } from './writeAccess';

export type { CallScope } from './callGate';

/** Which account, region and user a client acts for. */
export interface ClientScope {
  /** 12-digit account id (for `call` before the account is known, a label such as OWN_ACCOUNT). */
  accountId: string;
  /** Defaults to the console's region. */
  region?: string;
  /** The signed-in user's id: the SourceIdentity (and session name) of assumed-role sessions. */
  user?: string;
  /**
   * `read` (default): the account's read role. `write`: its write role (the base credentials for an account
   * without roles), only inside `withWriteAccess`. `hub`: the console's own credentials, for the audit log.
   */
  access?: Access;
}

/** Which credentials a scope uses; see `ClientScope.access`. */
export type Access = 'read' | 'write' | 'hub';

/** The role a scope assumes (undefined: the base credentials); throws when the account cannot be changed. */
export function roleFor(account: AccountConfig | undefined, access: Access): string | undefined {
  if (access === 'hub' || !account) return undefined;
  if (access === 'read') return account.readRoleArn;
  if (account.writeRoleArn) return account.writeRoleArn;
  if (account.readRoleArn)
    throw new TrellisError(
      'FORBIDDEN',
      `Account ${account.name} (${account.accountId}) is read-only here: it has a readRoleArn but no writeRoleArn.`,
      { account: account.accountId },
    );
  return undefined;
}

type ServiceClient = VPCLatticeClient | CloudWatchLogsClient | STSClient;

/** Past this many cached clients, the oldest are destroyed (many users × accounts × regions). */
const MAX_CLIENTS = 600;

/** Builds and caches SDK clients; see the module comment. Use `awsClients()` for the process-wide one. */
export class AwsClientFactory {
  private readonly clients = new Map<string, ServiceClient>();
  private readonly credentials = new Map<string, CredentialProvider>();
  private readonly states = new Map<string, unknown>();
  /** Where every AWS call goes through: limits, pacing, deadline, session retry, trace. */
  readonly gate: CallGate;
  /** The typed gateways (LatticeGateway, LogsGateway) per (account, region, user). */
  readonly gateways: Gateways;

  constructor(readonly config: Config) {
    this.gate = new CallGate(this);
    this.gateways = new Gateways(this);
  }

  /**
   * State kept for this factory's lifetime under `key` (caches, slots, learned rates), made by `init` on
   * first use: what modules would otherwise keep in module-level maps keyed by factory.
   */
  state<T>(key: string, init: () => T): T {
    if (!this.states.has(key)) this.states.set(key, init());
    return this.states.get(key) as T;
  }

  /** VPC Lattice client for a scope. */
  lattice(scope: ClientScope): VPCLatticeClient {
    return this.client('lattice', scope, (c) => new VPCLatticeClient(c));
  }

  /** CloudWatch Logs client for a scope. */
  logs(scope: ClientScope): CloudWatchLogsClient {
    return this.client('logs', scope, (c) => new CloudWatchLogsClient(c));
  }

  /** STS client acting in a scope's account (assumed-role credentials for member accounts). */
  sts(scope: ClientScope): STSClient {
    return this.client('sts', scope, (c) => new STSClient(c));
  }

  /** STS client with the base credentials (the default chain), e.g. for GetCallerIdentity of the console itself. */
  baseSts(region?: string): STSClient {
    return this.cached(
      `sts|base|${region ?? this.config.region}`,
      () => new STSClient(this.clientConfig(region ?? this.config.region, undefined)),
    );
  }

  /**
   * The credentials a scope's clients use: `undefined` for the base credentials (the SDK's default
   * chain), or a memoised AssumeRole provider of the account's read or write role (`roleFor`). Write
   * access, to a role or to the base credentials, is refused outside `withWriteAccess`; the provider
   * of a write role checks it again on every use.
   */
  credentialsFor(scope: ClientScope): CredentialProvider | undefined {
    const access = scope.access ?? 'read';
    const account = access === 'hub' ? undefined : this.accountConfig(scope.accountId);
    if (access === 'write') assertWriteAccess(`Changes in ${account?.name ?? scope.accountId}`);
    const roleArn = roleFor(account, access);
    if (!account || !roleArn) return undefined;
    const sourceIdentity = sourceIdentityFor(scope.user);
    const key = `${account.accountId}|${access}|${sourceIdentity}`;
    let provider = this.credentials.get(key);
    if (!provider) {
      const assumed = assumeRoleCredentials(this.baseSts(), {
        roleArn,
        accountName: account.name,
        ...(account.externalId ? { externalId: account.externalId } : {}),
        sourceIdentity,
      });
      const what = `The write role of ${account.name}`;
      provider =
        access === 'write'
          ? async () => {
              assertWriteAccess(what);
              return assumed();
            }
          : assumed;
      this.credentials.set(key, provider);
    }
    return provider;
  }

  /** Runs one AWS call for a scope through the gate (see `CallGate.run`). */
  call<T>(scope: CallScope, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return this.gate.run(scope, fn);
  }

  /** GetCallerIdentity with a scope's session (the base credentials for an account without a role). */
  async callerIdentity(scope: ClientScope): Promise<{ account?: string; arn?: string }> {
    const out = await this.call({ ...scope, operation: 'GetCallerIdentity' }, (abortSignal) =>
      this.sts(scope).send(new GetCallerIdentityCommand({}), { abortSignal }),
    );
    return { ...(out.Account ? { account: out.Account } : {}), ...(out.Arn ? { arn: out.Arn } : {}) };
  }

  /** Drops the cached clients and assumed-role credentials of one account; true if there were any. */
  forgetAccount(accountId: string): boolean {
    let dropped = false;
    for (const [key, c] of this.clients) {
      if (key.split('|')[1] !== accountId) continue;
      c.destroy();
      this.clients.delete(key);
      dropped = true;
    }
    for (const key of this.credentials.keys()) {
      if (key.startsWith(`${accountId}|`)) {
        this.credentials.delete(key);
        dropped = true;
      }
    }
    return dropped;
  }

  /** Destroys every cached client (their sockets) and forgets cached credentials. */
  clear(): void {
    for (const c of this.clients.values()) c.destroy();
    this.clients.clear();
    this.credentials.clear();
  }

  /** The configured account, or undefined in own-account mode. Throws CONFIG for an unknown account. */
  accountConfig(accountId: string): AccountConfig | undefined {
    const accounts = this.config.accounts;
    if (!accounts) return undefined;
    const a = this.knownAccount(accountId);
    if (!a)
      throw new TrellisError('CONFIG', `Account ${accountId} is not in TRELLIS_ACCOUNTS; add it there to read it.`, {
        account: accountId,
      });
    return a;
  }

  /** The configured account of an id, if any (never throws). */
  knownAccount(accountId: string): AccountConfig | undefined {
    return this.config.accounts?.find((x) => x.accountId === accountId);
  }

  private client<C extends ServiceClient>(
    kind: string,
    scope: ClientScope,
    make: (cfg: ReturnType<AwsClientFactory['clientConfig']>) => C,
  ): C {
    const region = scope.region ?? this.config.region;
    const credentials = this.credentialsFor(scope);
    // Base-credential clients do not depend on the user or the access: share them.
    const who = credentials ? `${scope.access ?? 'read'}|${sourceIdentityFor(scope.user)}` : '*';
    return this.cached(`${kind}|${scope.accountId}|${region}|${who}`, () =>
      make(this.clientConfig(region, credentials)),
    );
  }

  private cached<C extends ServiceClient>(key: string, make: () => C): C {
    const hit = this.clients.get(key);
    if (hit) return hit as C;
    if (this.clients.size >= MAX_CLIENTS) {
      const oldest = this.clients.keys().next().value;
      if (oldest !== undefined) {
        this.clients.get(oldest)?.destroy();
        this.clients.delete(oldest);
      }
    }
    const c = make();
    this.clients.set(key, c);
    return c;
  }

  private clientConfig(region: string, credentials: CredentialProvider | undefined) {
    return {
      region,
      maxAttempts: this.config.awsMaxAttempts,
      retryMode: 'standard',
      requestHandler: new NodeHttpHandler({
        connectionTimeout: Math.min(this.config.awsTimeoutMs, 5_000),
        requestTimeout: this.config.awsTimeoutMs,
        throwOnRequestTimeout: true,
      }),
      ...(credentials ? { credentials } : {}),
    };
  }
}

/**
 * Where the process-wide factory lives: on `globalThis`, because Next bundles route handlers, pages and
 * server actions separately and a module-level variable would give each bundle its own factory — and so its
 * own inventory cache, call budget and canary runner state ("Refresh all" in the page then left the
 * `/api/*` routes' snapshot stale until its TTL).
 */
const SHARED = Symbol.for('trellis.awsClients');

/** The process-wide factory, built from `getConfig()` on first use. */
export function awsClients(): AwsClientFactory {
  const g = globalThis as typeof globalThis & { [SHARED]?: AwsClientFactory };
  g[SHARED] ??= new AwsClientFactory(getConfig());
  return g[SHARED];
}
