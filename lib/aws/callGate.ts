/**
 * The call gate: every AWS call of the console passes here. It owns what each call needs besides its
 * command: at most `accountConcurrency` calls per account at once (a user's write first, background
 * refreshes last), client-side pacing of every SDK attempt per (API, account, region), an overall
 * deadline, one retry after a rejected or expired assumed-role session, extra attempts of a call
 * still throttled when the caller asks for them, the request-id trace of the action's log line, and
 * the mapping of any failure to a `TrellisError` naming account and operation.
 */
import 'server-only';
import type { TrellisError } from '../domain/errors';
import { awsRequestIdOf, noteAwsCall, noteBudget } from '../observability/trace';
import { BudgetPool, type BudgetUse } from './callBudget';
import type { AwsClientFactory, ClientScope } from './clientFactory';
import { KeyedLimiter, type Priority } from './concurrency';
import { withDeadline } from './deadline';
import { describeCall, toTrellisError } from './errors';
import { paceCommand, PacerPool, sleep, type Pacable } from './pacer';

export type { Priority } from './concurrency';

/** One AWS call: where it goes and what it is about (named in errors). */
export interface CallScope extends ClientScope {
  operation: string;
  resource?: string;
  /** Overall deadline for all attempts; defaults to twice the per-call timeout. */
  deadlineMs?: number;
  /** Cancels the call early, e.g. when the browser went away. */
  signal?: AbortSignal;
  /** Who waits first for the account's concurrency slots; default interactive. */
  priority?: Priority;
}

/** Counts calls, e.g. a crawl's meter: logical calls, SDK attempts, throttled responses, failures. */
export interface CallObserver {
  call(accountId: string, operation: string): void;
  request(accountId: string, operation: string): void;
  throttled(accountId: string, operation: string): void;
  failed(accountId: string, operation: string): void;
}

/** How a gateway's calls run (fixed per gateway view, see `LatticeGateway.with`). */
export interface CallOptions {
  priority?: Priority;
  /** Aborts every call; once aborted, calls reject with its reason itself (not a mapped error). */
  signal?: AbortSignal;
  observer?: CallObserver;
  /** Extra attempts of a call still throttled after the SDK's own retries (default none). */
  throttleRetries?: number;
  /** Pacers to use instead of the gate's (the learned rates persist in them). */
  pacers?: PacerPool;
}

/** The APIs whose requests count against the call budget (VPC Lattice: its quota is shared with the controllers). */
const BUDGETED_APIS = new Set(['lattice']);

/** Errors meaning the session credentials themselves were rejected (not a missing permission). */
const REJECTED_SESSION = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'ExpiredToken',
  'ExpiredTokenException',
]);

/** The gate of one client factory; see the module comment. */
export class CallGate {
  private readonly limiter: KeyedLimiter;
  private readonly pools = new Map<string, PacerPool>();
  private readonly budgets = new Map<string, BudgetPool>();
  /** Credentials objects already counted: the factory memoises them, so a new object means an STS call. */
  private readonly counted = new WeakSet<object>();

  constructor(private readonly factory: AwsClientFactory) {
    this.limiter = new KeyedLimiter(factory.config.accountConcurrency);
  }

  /** The pacers of one API (process-wide, so what one crawl learned about rate limits serves the next). */
  pacersFor(api: string): PacerPool {
    let p = this.pools.get(api);
    if (!p) {
      p = new PacerPool();
      this.pools.set(api, p);
    }
    return p;
  }

  /** The call budgets of a budgeted API (undefined for the others), by (account, region). */
  budgetsFor(api: string): BudgetPool | undefined {
    if (!BUDGETED_APIS.has(api)) return undefined;
    let b = this.budgets.get(api);
    if (!b) {
      b = new BudgetPool(this.factory.config.callBudget);
      this.budgets.set(api, b);
    }
    return b;
  }

  /** The budget use of one account: its busiest region against the per-region limit, waiting summed. */
  budgetUse(accountId: string, api = 'lattice'): BudgetUse {
    const limit = this.factory.config.callBudget;
    const out: BudgetUse = { inUse: 0, limit, waiting: 0 };
    for (const [key, u] of Object.entries(this.budgetsFor(api)?.uses() ?? {})) {
      if (!key.startsWith(`${accountId}|`)) continue;
      out.inUse = Math.max(out.inUse, u.inUse);
      out.waiting += u.waiting;
    }
    return out;
  }

  /**
   * Runs one AWS call: limited, within its deadline, retried once after a rejected session (`fn` must
   * look its client up itself, so that the retry gets a fresh session), traced, errors mapped.
   */
  async run<T>(scope: CallScope, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    // The audit log's `hub` scope may name an account TRELLIS_ACCOUNTS does not list.
    const account =
      scope.access === 'hub' ? this.factory.knownAccount(scope.accountId) : this.factory.accountConfig(scope.accountId);
    const region = scope.region ?? this.factory.config.region;
    // Before the own account is known (GetCallerIdentity), `accountId` is a label rather than an id.
    const who = /^\d{12}$/.test(scope.accountId)
      ? { account: scope.accountId, ...(account ? { accountName: account.name } : {}) }
      : { accountName: scope.accountId };
    const ctx = {
      ...who,
      region,
      operation: scope.operation,
      timeoutMs: this.factory.config.awsTimeoutMs,
      ...(scope.resource ? { resource: scope.resource } : {}),
    };
    const deadline = scope.deadlineMs ?? this.factory.config.awsTimeoutMs * 2;
    const run = () =>
      this.limiter
        .of(scope.accountId)
        .run(() => withDeadline(deadline, fn, describeCall(ctx), scope.signal), scope.priority);
    try {
      const out = await run();
      noteAwsCall(awsRequestIdOf(out)); // for the action's log line
      return out;
    } catch (e) {
      // An assumed-role session the service no longer knows (revoked, or an emulator reset): forget it, retry once.
      const retry =
        REJECTED_SESSION.has((e as { name?: string }).name ?? '') &&
        scope.access !== 'hub' &&
        (account?.readRoleArn ?? account?.writeRoleArn) !== undefined &&
        this.factory.forgetAccount(scope.accountId);
      try {
        if (!retry) throw e;
        const out = await run();
        noteAwsCall(awsRequestIdOf(out));
        return out;
      } catch (final) {
        const mapped = toTrellisError(final, ctx);
        noteAwsCall(mapped.requestId);
        throw mapped;
      }
    }
  }

  /**
   * Runs one SDK command through `run`: every attempt within the call budget (`budgets`, at the call's
   * priority), paced (`pacers`) and reported to the observer, a call still throttled retried
   * `throttleRetries` more times (the pacer has slowed down by then).
   */
  async send<O>(
    scope: CallScope,
    opts: CallOptions,
    pacers: PacerPool,
    command: Pacable,
    fn: (signal: AbortSignal) => Promise<O>,
    budgets?: BudgetPool,
  ): Promise<O> {
    const { accountId, operation } = scope;
    const { observer, signal } = opts;
    const region = scope.region ?? this.factory.config.region;
    const pacer = pacers.of(accountId, region);
    const budget = budgets?.of(accountId, region);
    paceCommand(
      command,
      pacer,
      {
        sent: () => observer?.request(accountId, operation),
        throttled: () => observer?.throttled(accountId, operation),
      },
      signal,
      budget
        ? async () => {
            await budget.take(opts.priority ?? scope.priority ?? 'interactive', signal);
            noteBudget(accountId, budget.use());
          }
        : undefined,
    );
    observer?.call(accountId, operation);
    const call = { ...scope, ...(signal ? { signal } : {}), ...(opts.priority ? { priority: opts.priority } : {}) };
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw signal.reason;
      try {
        return await this.run(call, fn);
      } catch (e) {
        if (signal?.aborted) throw signal.reason;
        const err: TrellisError = toTrellisError(e);
        if (err.code === 'THROTTLED' && attempt < (opts.throttleRetries ?? 0)) {
          await sleep(500 * 2 ** attempt, signal);
          continue;
        }
        observer?.failed(accountId, operation);
        throw err;
      }
    }
  }

  /**
   * Makes sure a member account's role can be assumed (for the scope's user) before anything else is
   * read there, so that a denied AssumeRole can mark the account unreachable with AWS's words.
   * No-op for accounts read with the base credentials.
   */
  async assumeRole(scope: ClientScope, opts: CallOptions = {}): Promise<void> {
    const provider = this.factory.credentialsFor(scope);
    if (!provider) return;
    const { observer, signal } = opts;
    const { accountId } = scope;
    try {
      const creds = await this.run(
        { ...scope, operation: 'AssumeRole', ...(signal ? { signal } : {}), priority: opts.priority ?? 'interactive' },
        () => provider(),
      );
      if (!this.counted.has(creds)) {
        this.counted.add(creds);
        observer?.call(accountId, 'AssumeRole');
        observer?.request(accountId, 'AssumeRole');
      }
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      observer?.call(accountId, 'AssumeRole');
      observer?.failed(accountId, 'AssumeRole');
      throw toTrellisError(e);
    }
  }
}
