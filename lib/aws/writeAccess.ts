/**
 * Who may hold write credentials: only code running inside `withWriteAccess` — a mutating server action
 * after the server checked the user may change things (lib/actions/run.ts), and the canary runner's tick.
 * The client factory refuses write credentials (the account's write role, or the base credentials for a
 * change) anywhere else, so a viewer's request, or any read, can never obtain a session of the write role.
 * The grant follows the async context (AsyncLocalStorage), not a parameter that a read could pass along.
 */
import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { TrellisError } from '../domain/errors';

/** Why write access was granted. */
export interface WriteGrant {
  /** e.g. `action routing.apply by alice@example.com` or `canary runner`. */
  reason: string;
}

// On globalThis: Next bundles route handlers, pages and actions separately, and the one client factory
// (lib/aws/clientFactory) must see what any bundle's action put here.
const grantsKey = Symbol.for('trellis.writeGrants');
const grantsHolder = globalThis as typeof globalThis & { [grantsKey]?: AsyncLocalStorage<WriteGrant> };
grantsHolder[grantsKey] ??= new AsyncLocalStorage<WriteGrant>();
const grants = grantsHolder[grantsKey];

/** Runs `fn` with write access (see the module comment). */
export function withWriteAccess<T>(reason: string, fn: () => Promise<T>): Promise<T> {
  return grants.run({ reason }, fn);
}

/** The grant of the current async context, if any. */
export function currentWriteGrant(): WriteGrant | undefined {
  return grants.getStore();
}

/** Throws FORBIDDEN unless the current async context holds write access; `what` names the refused thing. */
export function assertWriteAccess(what: string): WriteGrant {
  const grant = grants.getStore();
  if (grant) return grant;
  throw new TrellisError(
    'FORBIDDEN',
    `${what}: write credentials are only used inside a change or the canary runner, and this call is neither.`,
  );
}
