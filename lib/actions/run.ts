/**
 * The one path of every server action and JSON route handler (`runRoute`): authenticate → authorize →
 * validate (zod) → call → Result.
 * 'use server' files stay thin: each exported action is one `runAction(...)` call. Mutations are
 * refused on the server for viewers and in read-only mode, whatever the UI showed (the proxy also
 * answers such calls with HTTP 403 before they get here; see lib/auth/gate); only a mutation's body runs with
 * write access (lib/aws/writeAccess), so nothing else can assume a write role. Each call writes one
 * structured log line (lib/observability): request id, user, action, outcome, latency, AWS request ids.
 * Errors reach the browser without role ARNs or ExternalIds (lib/security/publicError).
 */
import 'server-only';
import { headers } from 'next/headers';
import type { z } from 'zod';
import { authenticate, type HeaderSource } from '../auth/authenticate';
import { currentUser } from '../auth/identity';
import { assertCanMutate } from '../auth/permissions';
import { withWriteAccess } from '../aws/writeAccess';
import { getConfig, type Config } from '../config';
import { httpStatusOf, TrellisError } from '../domain/errors';
import { attempt, type Result } from '../domain/result';
import type { User } from '../domain/user';
import { logEvent } from '../observability/log';
import { REQUEST_ID_HEADER } from '../observability/requestId';
import { traced } from '../observability/trace';
import { toPublicError } from '../security/publicError';

/** What an action's body receives besides its input. */
export interface ActionContext {
  user: User;
  config: Config;
}

/** How an action is declared. */
export interface ActionSpec<I> {
  /** Name for logs and audit, e.g. `routing.updateRule`. */
  name: string;
  /** Validates the untrusted input from the browser. */
  input: z.ZodType<I>;
  /** True for anything that changes AWS state: needs the operator role and a writable console. */
  mutates: boolean;
}

/** Where the user, config and request id come from; replaced in tests. */
export interface ActionDeps {
  user: () => Promise<User>;
  config: () => Config;
  /** The proxy's request id (for the log line); defaults to none. */
  requestId?: () => Promise<string | undefined>;
}

const defaultDeps: ActionDeps = {
  user: currentUser,
  config: getConfig,
  requestId: async () => (await headers()).get(REQUEST_ID_HEADER) ?? undefined,
};

/** Formats zod issues as one line per field: `weight: Too big: expected number to be <=999`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : 'input'}: ${i.message}`).join('; ');
}

/** Runs one server action; never throws (failures come back as `{ok:false, error}`). */
export async function runAction<I, O>(
  spec: ActionSpec<I>,
  raw: unknown,
  body: (input: I, ctx: ActionContext) => Promise<O>,
  deps: ActionDeps = defaultDeps,
): Promise<Result<O>> {
  return run(spec, raw, body, deps, 'action');
}

/** What a route handler passes to `runRoute`: the request's headers and its parsed JSON body. */
export interface RouteRequest {
  headers: HeaderSource;
  /** The JSON body; undefined when it was missing or not JSON (validation then refuses it). */
  body: unknown;
}

/** Where a route's user and config come from; replaced in tests. */
export interface RouteDeps {
  config: () => Config;
  authenticate: (headers: HeaderSource, config: Config) => Promise<Result<User>>;
}

const defaultRouteDeps: RouteDeps = { config: getConfig, authenticate: (h, c) => authenticate(h, c) };

/**
 * Runs one JSON route handler (e.g. POST /api/logs/query) on the same path as a server action: the user
 * from the request's headers, then authorize → validate → call → Result, with the same trace and log
 * line. Never throws; `status` is the HTTP status of the Result (200, or the error's).
 */
export async function runRoute<I, O>(
  spec: ActionSpec<I>,
  req: RouteRequest,
  body: (input: I, ctx: ActionContext) => Promise<O>,
  deps: RouteDeps = defaultRouteDeps,
): Promise<{ status: number; result: Result<O> }> {
  const actionDeps: ActionDeps = {
    config: deps.config,
    user: async () => {
      const who = await deps.authenticate(req.headers, deps.config());
      if (!who.ok) throw new TrellisError(who.error.code, who.error.message);
      return who.value;
    },
    requestId: async () => req.headers.get(REQUEST_ID_HEADER) ?? undefined,
  };
  const result = await run(spec, req.body, body, actionDeps, 'route');
  return { status: result.ok ? 200 : httpStatusOf(result.error.code), result };
}

async function run<I, O>(
  spec: ActionSpec<I>,
  raw: unknown,
  body: (input: I, ctx: ActionContext) => Promise<O>,
  deps: ActionDeps,
  kind: 'action' | 'route',
): Promise<Result<O>> {
  const started = performance.now();
  let user: User | undefined;
  let config: Config | undefined;
  const { result, trace } = await traced(() =>
    attempt(async () => {
      user = await deps.user();
      config = deps.config();
      if (spec.mutates) assertCanMutate(user, config);
      const parsed = spec.input.safeParse(raw);
      if (!parsed.success)
        throw new TrellisError('VALIDATION', `Invalid input for ${spec.name}: ${describeIssues(parsed.error.issues)}`);
      const ctx = { user, config };
      // Only here (after assertCanMutate) and in the canary runner may the write role be assumed.
      return spec.mutates
        ? withWriteAccess(`${spec.name} by ${user.id}`, () => body(parsed.data, ctx))
        : body(parsed.data, ctx);
    }),
  );
  const requestId = await deps.requestId?.().catch(() => undefined);
  logEvent(result.ok ? 'info' : 'warn', 'action', {
    requestId,
    ...(kind === 'route' ? { via: 'route' } : {}),
    user: user?.id,
    role: user?.role,
    action: spec.name,
    mutates: spec.mutates,
    outcome: result.ok ? 'ok' : result.error.code,
    error: result.ok
      ? undefined
      : { message: result.error.message, awsCode: result.error.awsCode, account: result.error.account },
    latencyMs: Math.round(performance.now() - started),
    awsCalls: trace.awsCalls,
    awsRequestIds: trace.awsRequestIds,
    ...(trace.awsBudget ? { awsBudget: trace.awsBudget } : {}),
  });
  // The log line above keeps the whole error; the browser gets it without account configuration.
  return result.ok ? result : { ok: false, error: toPublicError(result.error, config?.accounts) };
}
