/**
 * How the crawler makes one Lattice call: through `factory.call` (per-account concurrency limit,
 * per-call deadline, TrellisError mapping), with every SDK attempt paced and metered by a middleware
 * on the command, and a throttled call retried a few more times beyond the SDK's own retries (the
 * pacer has slowed down by then), so a rate limit delays the crawl instead of failing it.
 */
import 'server-only';
import type { VPCLatticeClient } from '@aws-sdk/client-vpc-lattice';
import type { AwsClientFactory } from '../aws/clientFactory';
import { toTrellisError } from '../aws/errors';
import type { TrellisError } from '../domain/errors';
import type { CallMeter } from './meter';
import { sleep, type PacerPool } from '../aws/pacer';

/** Where a call goes and what it is about. */
export interface CallSite {
  accountId: string;
  region: string;
  /** SDK operation name, e.g. `ListTargets`. */
  operation: string;
  /** ARN of the resource concerned. */
  resource?: string;
}

/** A middleware that passes arguments and results through untouched (so it fits every step's types). */
type PassThrough = <A, R>(next: (args: A) => Promise<R>) => (args: A) => Promise<R>;

/** Any SDK v3 command: its own middleware stack takes our per-attempt middleware. */
export interface Pacable {
  middlewareStack: {
    addRelativeTo(
      middleware: PassThrough,
      options: { relation: 'after'; toMiddleware: string; name: string; override?: boolean },
    ): void;
  };
}

/** What a caller needs besides the factory. */
export interface CallerOptions {
  user?: string;
  meter: CallMeter;
  pacers: PacerPool;
  /** Aborts every call (the crawl deadline); its reason is what pending calls reject with. */
  signal: AbortSignal;
  /** Extra attempts of a call still throttled after the SDK's retries. */
  throttleRetries?: number;
}

/** Credentials objects already counted: the factory memoises them, so a new object means an STS call. */
const countedCredentials = new WeakSet<object>();

function isThrottle(e: unknown): boolean {
  const x = e as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  return x?.$metadata?.httpStatusCode === 429 || x?.name === 'ThrottlingException';
}

/** Makes the crawler's Lattice calls for one user. */
export class LatticeCaller {
  constructor(
    private readonly factory: AwsClientFactory,
    private readonly opts: CallerOptions,
  ) {}

  /** The crawl's abort signal. */
  get signal(): AbortSignal {
    return this.opts.signal;
  }

  /** The Lattice client of an account and region, for this caller's user. */
  client(accountId: string, region: string): VPCLatticeClient {
    return this.factory.lattice({ accountId, region, ...(this.opts.user ? { user: this.opts.user } : {}) });
  }

  /**
   * Makes sure a member account's role can be assumed (for this user) before anything else is
   * read there, so that a denied AssumeRole marks the account unreachable with AWS's words.
   * No-op for accounts read with the base credentials.
   */
  async assumeRole(accountId: string, region: string): Promise<void> {
    const scope = { accountId, region, ...(this.opts.user ? { user: this.opts.user } : {}) };
    const provider = this.factory.credentialsFor(scope);
    if (!provider) return;
    const { meter, signal } = this.opts;
    try {
      const creds = await this.factory.call({ ...scope, operation: 'AssumeRole', signal }, () => provider());
      if (!countedCredentials.has(creds)) {
        countedCredentials.add(creds);
        meter.call(accountId, 'AssumeRole');
        meter.request(accountId, 'AssumeRole');
      }
    } catch (e) {
      if (signal.aborted) throw signal.reason;
      meter.call(accountId, 'AssumeRole');
      meter.failed(accountId, 'AssumeRole');
      throw toTrellisError(e);
    }
  }

  /**
   * Runs `send(client, signal)` for `command` (which `send` must send). Throws a `TrellisError`;
   * once the crawl is aborted, the abort reason itself.
   */
  async send<C extends Pacable, O>(
    site: CallSite,
    command: C,
    send: (client: VPCLatticeClient, command: C, signal: AbortSignal) => Promise<O>,
  ): Promise<O> {
    const { meter, pacers, signal } = this.opts;
    const pacer = pacers.of(site.accountId, site.region);
    command.middlewareStack.addRelativeTo(
      (next) => async (args) => {
        const sentAt = await pacer.take(signal);
        meter.request(site.accountId, site.operation);
        try {
          const out = await next(args);
          pacer.onSuccess();
          return out;
        } catch (e) {
          if (isThrottle(e)) {
            meter.throttled(site.accountId, site.operation);
            pacer.onThrottle(sentAt);
          }
          throw e;
        }
      },
      { relation: 'after', toMiddleware: 'retryMiddleware', name: 'trellisInventoryPace', override: true },
    );
    meter.call(site.accountId, site.operation);
    const retries = this.opts.throttleRetries ?? 4;
    for (let attempt = 0; ; attempt++) {
      if (signal.aborted) throw signal.reason;
      try {
        return await this.factory.call(
          {
            accountId: site.accountId,
            region: site.region,
            operation: site.operation,
            ...(site.resource ? { resource: site.resource } : {}),
            signal,
          },
          // The client is looked up inside the call: after a rejected session the factory's retry gets a fresh one.
          (s) => send(this.client(site.accountId, site.region), command, s),
        );
      } catch (e) {
        if (signal.aborted) throw signal.reason;
        const err: TrellisError = toTrellisError(e);
        if (err.code === 'THROTTLED' && attempt < retries) {
          await sleep(500 * 2 ** attempt, signal);
          continue;
        }
        meter.failed(site.accountId, site.operation);
        throw err;
      }
    }
  }
}
